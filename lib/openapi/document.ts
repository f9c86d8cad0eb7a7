import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import {
  CODE_MINUTES,
  CODE_TRIES,
  codeRequestSchema,
  codeVerifySchema,
  profileUpdateSchema,
  whenSchema,
} from "@/lib/accounts";
import { activityIdsSchema, activityInputSchema } from "@/lib/activities";
import {
  appointmentListQuerySchema,
  bookingSchema,
  slotsQuerySchema,
  statusChangeSchema,
  visitSchema,
  visitSlotsQuerySchema,
} from "@/lib/appointments";
import { availabilityInputSchema, dateRangeQuerySchema } from "@/lib/availability";
import {
  classListQuerySchema,
  classSessionInputSchema,
  classSessionUpdateSchema,
} from "@/lib/classes";
import { customerListQuerySchema, customerUpdateSchema } from "@/lib/customers";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, pageQuerySchema } from "@/lib/http/cursor";
import { locationInputSchema } from "@/lib/locations";
import { resourceInputSchema } from "@/lib/resources";
import { hideSchema, replySchema, reviewFilterSchema } from "@/lib/reviews";
import { registerSchema, slugQuerySchema } from "@/lib/signup";
import { staffInputSchema } from "@/lib/staff";
import { appointmentModuleSchema } from "@/lib/tenants";
import {
  deliveryListQuerySchema,
  webhookCreateSchema,
  webhookEventTypes,
  webhookUpdateSchema,
} from "@/lib/webhooks";
import {
  activityShape,
  appointmentShape,
  availabilityShape,
  businessReviewShape,
  classSessionShape,
  customerShape,
  deliveryShape,
  errorShape,
  locationShape,
  myPaymentShape,
  paginationShape,
  profileShape,
  publicActivityShape,
  registrationShape,
  resourceShape,
  reviewShape,
  slugAnswerShape,
  staffShape,
  webhookPayloadShape,
  webhookShape,
  webhookWithSecretShape,
} from "./shapes";

// The OpenAPI 3.1 document of the whole HTTP API, built from the zod schemas that validate each
// request (request bodies and queries) and those that describe the answers (./shapes). Every route
// of app/api is in it: tests/openapi.test.ts fails on one that is not.

/** Who may call an operation: anyone, anyone while online booking is on, or a key or session. */
type Access = "public" | "booking" | "read" | "appointments" | "manage" | "customer";

const accessText: Record<Access, string> = {
  public: "Public.",
  booking: "Public, while the business's online booking is on (403 `MODULE_DISABLED` otherwise).",
  read: "Any API key, or a signed-in owner, admin or staff member.",
  appointments:
    "A read-write API key, or a signed-in owner, admin or staff member (staff: their own).",
  manage: "A read-write API key, or a signed-in owner or admin.",
  customer:
    "A customer's token (`rvc_…`, from `POST /api/customer/auth/verify`): that customer's own data at that business, nothing else (a staff endpoint refuses it with 403).",
};

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

const idParam = (name = "id") => z.object({ [name]: z.uuid() });

interface Operation {
  summary: string;
  tags: string[];
  access: Access;
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status → description and body (none: empty). */
  ok: Record<number, [string, z.ZodType?]>;
  /** Error statuses besides 400/401/403/429/500, which every operation may answer. */
  errors?: number[];
  description?: string;
  /** Not about one business (health, metrics, Stripe's webhook): no tenant. */
  untenanted?: boolean;
}

const errorResponses: Record<number, string> = {
  404: "NotFound",
  409: "Conflict",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  422: "ValidationError",
  429: "TooManyRequests",
  503: "Unavailable",
};

const rateLimitHeaders = Object.fromEntries(
  ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"].map((name) => [
    name,
    { $ref: `#/components/headers/${name}` },
  ]),
);

function op(o: Operation): ZodOpenApiOperationObject {
  const responses: Record<string, unknown> = {};
  for (const [status, [description, schema]] of Object.entries(o.ok)) {
    responses[status] = {
      description,
      headers: o.untenanted ? undefined : rateLimitHeaders,
      ...(schema ? json(schema) : {}),
    };
  }
  const errors = [
    ...(o.body ? [413, 415, 422] : o.query ? [422] : []),
    ...(o.errors ?? []),
    // A customer's token at another business: nothing of theirs is there.
    ...(o.path || o.access === "customer" ? [404] : []),
  ];
  for (const status of [...new Set(errors)].sort()) {
    responses[String(status)] = ref(errorResponses[status] as string);
  }
  if (o.access === "customer") {
    responses["401"] = ref("Unauthorized");
  } else if (o.access !== "public" && o.access !== "booking") {
    responses["401"] = ref("Unauthorized");
    responses["403"] = ref("Forbidden");
  } else if (o.access === "booking") {
    responses["403"] = ref("Forbidden");
  }
  if (!o.untenanted) responses["429"] = ref("TooManyRequests");
  responses["500"] = ref("InternalError");
  const authenticated = o.access !== "public" && o.access !== "booking";
  return {
    summary: o.summary,
    description: [o.description, accessText[o.access]].filter(Boolean).join("\n\n"),
    tags: o.tags,
    security: !authenticated
      ? []
      : o.access === "customer"
        ? [{ customerToken: [] }]
        : [{ apiKey: [] }],
    requestParams: {
      ...(o.path ? { path: o.path } : {}),
      ...(o.query ? { query: o.query } : {}),
    },
    parameters: o.untenanted ? undefined : [{ $ref: "#/components/parameters/TenantSlug" }],
    ...(o.body ? { requestBody: { required: true, ...json(o.body) } } : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
  };
}

const list = <K extends string>(key: K, item: z.ZodType, paged = false) =>
  z.object({
    [key]: z.array(item),
    ...(paged ? { pagination: paginationShape.optional() } : {}),
  } as Record<K, z.ZodType>);
const one = <K extends string>(key: K, item: z.ZodType) =>
  z.object({ [key]: item } as Record<K, z.ZodType>);

/** How a list pages: all of it in its usual order, or pages in creation order when asked. */
const pagedListText = (order: string) =>
  `All of them ${order}; send \`limit\` (1–${MAX_PAGE_LIMIT}, default ${DEFAULT_PAGE_LIMIT}) or \`cursor\` for pages in creation order instead, stable while others are added (the answer then has \`pagination\`).`;

const T = {
  appointments: ["Appointments"],
  activities: ["Activities"],
  availability: ["Availability"],
  team: ["Staff, places and resources"],
  classes: ["Classes"],
  customers: ["Customers"],
  settings: ["Settings"],
  webhooks: ["Webhooks"],
  operations: ["Operations"],
  signup: ["Sign-up"],
  account: ["Customer account"],
  reviews: ["Reviews"],
};

const paths = {
  "/api/appointments": {
    get: op({
      summary: "List appointments",
      description: `By start time. Send \`limit\` (1–${MAX_PAGE_LIMIT}, default ${DEFAULT_PAGE_LIMIT}) or \`cursor\` to page: the answer then carries \`pagination\`. Keyset pages: appointments booked meanwhile never shift a page.`,
      tags: T.appointments,
      access: "read",
      query: appointmentListQuerySchema,
      ok: { 200: ["The appointments", list("appointments", appointmentShape, true)] },
    }),
    post: op({
      summary: "Book an appointment",
      description:
        "An `Idempotency-Key` header makes retries safe: the first answer is replayed for 24 hours (`Idempotent-Replayed: true`). A service paid online answers a pending appointment whose `payment.checkoutUrl` takes the customer to Stripe.",
      tags: T.appointments,
      access: "booking",
      body: bookingSchema,
      ok: { 201: ["Booked", z.object({ appointment: appointmentShape, message: z.string() })] },
      errors: [409, 503],
    }),
  },
  "/api/appointments/{id}": {
    get: op({
      summary: "Get an appointment",
      tags: T.appointments,
      access: "read",
      path: idParam(),
      ok: { 200: ["The appointment", one("appointment", appointmentShape)] },
    }),
    delete: op({
      summary: "Delete an appointment for good",
      tags: T.appointments,
      access: "manage",
      path: idParam(),
      ok: { 204: ["Deleted"] },
    }),
  },
  "/api/appointments/{id}/status": {
    patch: op({
      summary: "Confirm, cancel, complete or mark a no-show",
      tags: T.appointments,
      access: "appointments",
      path: idParam(),
      body: statusChangeSchema,
      ok: { 200: ["Changed", one("appointment", appointmentShape)] },
    }),
  },
  "/api/appointments/calendar": {
    get: op({
      summary: "Opening hours and appointments as calendar events",
      tags: T.appointments,
      access: "read",
      query: dateRangeQuerySchema,
      ok: { 200: ["The events", z.object({ events: z.array(z.record(z.string(), z.unknown())) })] },
    }),
  },
  "/api/appointments/activities": {
    get: op({
      summary: "List activities",
      description: pagedListText("by name"),
      tags: T.activities,
      access: "read",
      query: pageQuerySchema,
      ok: { 200: ["The activities", list("activities", activityShape, true)] },
    }),
    post: op({
      summary: "Create an activity",
      tags: T.activities,
      access: "manage",
      body: activityInputSchema,
      ok: { 201: ["Created", one("activity", activityShape)] },
    }),
  },
  "/api/appointments/activities/{id}": {
    put: op({
      summary: "Replace an activity",
      tags: T.activities,
      access: "manage",
      path: idParam(),
      body: activityInputSchema,
      ok: { 200: ["Replaced", one("activity", activityShape)] },
    }),
    delete: op({
      summary: "Delete an activity without future bookings",
      tags: T.activities,
      access: "manage",
      path: idParam(),
      ok: { 204: ["Deleted"] },
      errors: [409],
    }),
  },
  "/api/appointments/activities/public": {
    get: op({
      summary: "The activities customers can book",
      tags: T.activities,
      access: "booking",
      description: pagedListText("by name"),
      query: pageQuerySchema.extend({ ids: activityIdsSchema }),
      ok: { 200: ["The activities", list("activities", publicActivityShape, true)] },
    }),
  },
  "/api/appointments/availability": {
    get: op({
      summary: "Weekly hours and closed days",
      tags: T.availability,
      access: "read",
      ok: { 200: ["The hours", one("availability", availabilityShape)] },
    }),
    put: op({
      summary: "Replace weekly hours and closed days",
      tags: T.availability,
      access: "manage",
      body: availabilityInputSchema,
      ok: { 200: ["Replaced", one("availability", availabilityShape)] },
    }),
  },
  "/api/appointments/availability/slots": {
    get: op({
      summary: "Bookable times of an activity",
      tags: T.availability,
      access: "booking",
      query: slotsQuerySchema,
      ok: { 200: ["The free slots, by day", z.record(z.string(), z.unknown())] },
    }),
  },
  "/api/visits": {
    post: op({
      summary: "Book a visit of several services",
      description:
        "The services in `items` back to back from `dateTime`, in order, each with the staff member named or whoever is free, at one place: all booked in one transaction, or none. An `Idempotency-Key` header makes retries safe. A class, or a service paid at booking, is booked on its own.",
      tags: T.appointments,
      access: "booking",
      body: visitSchema,
      ok: {
        201: [
          "Booked",
          z.object({
            visit: z.object({ id: z.uuid(), appointments: z.array(appointmentShape) }),
            message: z.string(),
          }),
        ],
      },
      errors: [409, 503],
    }),
  },
  "/api/visits/slots": {
    get: op({
      summary: "When a visit of several services can start",
      description:
        "`activityIds=a,b` in the visit's order; each start the first service offers, available when every service, back to back, has someone free at the same place.",
      tags: T.availability,
      access: "booking",
      query: visitSlotsQuerySchema,
      ok: { 200: ["The starts", z.record(z.string(), z.unknown())] },
    }),
  },
  "/api/staff": {
    get: op({
      summary: "List staff members",
      description: pagedListText("in the business's order"),
      tags: T.team,
      access: "read",
      query: pageQuerySchema,
      ok: { 200: ["The staff", list("staff", staffShape, true)] },
    }),
    post: op({
      summary: "Add a staff member",
      tags: T.team,
      access: "manage",
      body: staffInputSchema,
      ok: { 201: ["Added", one("staff", staffShape)] },
    }),
  },
  "/api/staff/{id}": {
    get: op({
      summary: "Get a staff member",
      tags: T.team,
      access: "read",
      path: idParam(),
      ok: { 200: ["The staff member", one("staff", staffShape)] },
    }),
    put: op({
      summary: "Replace a staff member",
      tags: T.team,
      access: "manage",
      path: idParam(),
      body: staffInputSchema,
      ok: { 200: ["Replaced", one("staff", staffShape)] },
    }),
    delete: op({
      summary: "Remove a staff member without upcoming bookings",
      tags: T.team,
      access: "manage",
      path: idParam(),
      ok: { 204: ["Removed"] },
      errors: [409],
    }),
  },
  "/api/locations": {
    get: op({
      summary: "List locations",
      description: pagedListText("in the business's order"),
      tags: T.team,
      access: "read",
      query: pageQuerySchema,
      ok: { 200: ["The locations", list("locations", locationShape, true)] },
    }),
    post: op({
      summary: "Add a location",
      tags: T.team,
      access: "manage",
      body: locationInputSchema,
      ok: { 201: ["Added", one("location", locationShape)] },
    }),
  },
  "/api/locations/{id}": {
    get: op({
      summary: "Get a location",
      tags: T.team,
      access: "read",
      path: idParam(),
      ok: { 200: ["The location", one("location", locationShape)] },
    }),
    put: op({
      summary: "Replace a location",
      tags: T.team,
      access: "manage",
      path: idParam(),
      body: locationInputSchema,
      ok: { 200: ["Replaced", one("location", locationShape)] },
    }),
    delete: op({
      summary: "Remove a location",
      tags: T.team,
      access: "manage",
      path: idParam(),
      ok: { 204: ["Removed"] },
      errors: [409],
    }),
  },
  "/api/resources": {
    get: op({
      summary: "List resources",
      description: pagedListText("in the business's order"),
      tags: T.team,
      access: "read",
      query: pageQuerySchema,
      ok: { 200: ["The resources", list("resources", resourceShape, true)] },
    }),
    post: op({
      summary: "Add a resource",
      tags: T.team,
      access: "manage",
      body: resourceInputSchema,
      ok: { 201: ["Added", one("resource", resourceShape)] },
    }),
  },
  "/api/resources/{id}": {
    get: op({
      summary: "Get a resource",
      tags: T.team,
      access: "read",
      path: idParam(),
      ok: { 200: ["The resource", one("resource", resourceShape)] },
    }),
    put: op({
      summary: "Replace a resource",
      tags: T.team,
      access: "manage",
      path: idParam(),
      body: resourceInputSchema,
      ok: { 200: ["Replaced", one("resource", resourceShape)] },
    }),
    delete: op({
      summary: "Remove a resource",
      tags: T.team,
      access: "manage",
      path: idParam(),
      ok: { 204: ["Removed"] },
      errors: [409],
    }),
  },
  "/api/classes": {
    get: op({
      summary: "List class sessions",
      description:
        "By start time; `limit` or `cursor` pages them (the answer then has `pagination`).",
      tags: T.classes,
      access: "read",
      query: classListQuerySchema.extend(pageQuerySchema.shape),
      ok: { 200: ["The sessions", list("classes", classSessionShape, true)] },
    }),
    post: op({
      summary: "Schedule class sessions",
      tags: T.classes,
      access: "manage",
      body: classSessionInputSchema,
      ok: { 201: ["Scheduled", list("classes", classSessionShape)] },
      errors: [409],
    }),
  },
  "/api/classes/{id}": {
    get: op({
      summary: "A class session and its attendees",
      tags: T.classes,
      access: "read",
      path: idParam(),
      ok: {
        200: [
          "The session",
          z.object({ class: classSessionShape, attendees: z.array(appointmentShape) }),
        ],
      },
    }),
    patch: op({
      summary: "Change a session's capacity",
      tags: T.classes,
      access: "manage",
      path: idParam(),
      body: classSessionUpdateSchema,
      ok: { 200: ["Changed", one("class", classSessionShape)] },
      errors: [409],
    }),
    delete: op({
      summary: "Cancel a session, telling its attendees",
      tags: T.classes,
      access: "manage",
      path: idParam(),
      ok: { 200: ["Cancelled", one("class", classSessionShape)] },
    }),
  },
  "/api/settings/appointment-module": {
    get: op({
      summary: "Whether online booking is on",
      tags: T.settings,
      access: "public",
      ok: { 200: ["Its state", appointmentModuleSchema] },
    }),
    put: op({
      summary: "Turn online booking on or off",
      tags: T.settings,
      access: "manage",
      body: appointmentModuleSchema,
      ok: { 200: ["Its state", appointmentModuleSchema] },
    }),
  },
  "/api/customers": {
    get: op({
      summary: "List customers",
      description: `Newest first. A page at a time: \`limit\` (1–${MAX_PAGE_LIMIT}, default ${DEFAULT_PAGE_LIMIT}) and \`cursor\`. \`search\` looks in names, addresses and phones.`,
      tags: T.customers,
      access: "read",
      query: customerListQuerySchema,
      ok: {
        200: [
          "A page of customers",
          z.object({ customers: z.array(customerShape), pagination: paginationShape }),
        ],
      },
    }),
  },
  "/api/customers/{id}": {
    get: op({
      summary: "A customer and their appointments, latest first",
      tags: T.customers,
      access: "read",
      path: idParam(),
      ok: {
        200: [
          "The customer",
          z.object({ customer: customerShape, appointments: z.array(appointmentShape) }),
        ],
      },
    }),
    patch: op({
      summary: "Change a customer's notes, tags, name or phone",
      tags: T.customers,
      access: "appointments",
      path: idParam(),
      body: customerUpdateSchema,
      ok: { 200: ["Changed", one("customer", customerShape)] },
    }),
    delete: op({
      summary: "Erase a customer for good",
      description:
        "The right to be forgotten: their file goes, and their name, contact details and custom field leave every appointment, message and webhook event, which stay countable (time, service, staff, status, payment). 409 `CUSTOMER_HAS_UPCOMING` while they have an upcoming booking.",
      tags: T.customers,
      access: "manage",
      path: idParam(),
      ok: { 204: ["Erased"] },
      errors: [409],
    }),
  },
  "/api/customers/{id}/export": {
    get: op({
      summary: "Everything the business holds about a customer (JSON file)",
      description:
        "The right of access: their file, their appointments with the details they gave, the payments of those and the messages sent to them.",
      tags: T.customers,
      access: "manage",
      path: idParam(),
      ok: {
        200: ["A JSON file (Content-Disposition: attachment)", z.record(z.string(), z.unknown())],
      },
    }),
  },
  "/api/webhooks": {
    get: op({
      summary: "List webhook endpoints",
      description: pagedListText("in creation order"),
      tags: T.webhooks,
      access: "manage",
      query: pageQuerySchema,
      ok: { 200: ["The endpoints, without secrets", list("webhooks", webhookShape, true)] },
    }),
    post: op({
      summary: "Add a webhook endpoint",
      description:
        "Its signing secret is in this answer only. URLs leading to loopback, private, link-local or metadata addresses are refused (422 `WEBHOOK_URL_NOT_ALLOWED`) unless the server sets WEBHOOKS_ALLOW_PRIVATE=1.",
      tags: T.webhooks,
      access: "manage",
      body: webhookCreateSchema,
      ok: { 201: ["Added", one("webhook", webhookWithSecretShape)] },
      errors: [409],
    }),
  },
  "/api/webhooks/{id}": {
    get: op({
      summary: "Get a webhook endpoint",
      tags: T.webhooks,
      access: "manage",
      path: idParam(),
      ok: { 200: ["The endpoint", one("webhook", webhookShape)] },
    }),
    patch: op({
      summary: "Change an endpoint, or turn it on or off",
      description: "Turned back on, its waiting deliveries go out.",
      tags: T.webhooks,
      access: "manage",
      path: idParam(),
      body: webhookUpdateSchema,
      ok: { 200: ["Changed", one("webhook", webhookShape)] },
    }),
    delete: op({
      summary: "Delete an endpoint and its delivery log",
      tags: T.webhooks,
      access: "manage",
      path: idParam(),
      ok: { 204: ["Deleted"] },
    }),
  },
  "/api/webhooks/{id}/rotate-secret": {
    post: op({
      summary: "Make a new signing secret",
      description:
        "In this answer only. The previous secret keeps signing beside it for 24 hours (two signatures in `webhook-signature`).",
      tags: T.webhooks,
      access: "manage",
      path: idParam(),
      ok: { 200: ["The endpoint with its new secret", one("webhook", webhookWithSecretShape)] },
    }),
  },
  "/api/webhooks/{id}/test": {
    post: op({
      summary: "Send a `webhook.test` event to this endpoint",
      tags: T.webhooks,
      access: "manage",
      path: idParam(),
      ok: { 202: ["Queued", one("delivery", deliveryShape)] },
    }),
  },
  "/api/webhooks/{id}/deliveries": {
    get: op({
      summary: "An endpoint's delivery log, latest first",
      tags: T.webhooks,
      access: "manage",
      path: idParam(),
      query: deliveryListQuerySchema,
      ok: {
        200: [
          "A page of deliveries with their latest tries",
          z.object({ deliveries: z.array(deliveryShape), pagination: paginationShape }),
        ],
      },
    }),
  },
  "/api/webhooks/{id}/deliveries/{deliveryId}/retry": {
    post: op({
      summary: "Send a delivery's event again",
      description: "A new delivery with the same event id (`webhook-id`).",
      tags: T.webhooks,
      access: "manage",
      path: z.object({ id: z.uuid(), deliveryId: z.uuid() }),
      ok: { 202: ["Queued", one("delivery", deliveryShape)] },
    }),
  },
  "/api/payments/webhook": {
    post: op({
      summary: "Stripe's events (for Stripe only)",
      description:
        "Checked against STRIPE_WEBHOOK_SECRET with the `Stripe-Signature` header; anything else gets 400 `INVALID_SIGNATURE`.",
      tags: T.operations,
      access: "public",
      untenanted: true,
      body: z.record(z.string(), z.unknown()),
      ok: { 200: ["Received", z.object({ received: z.literal(true) })] },
    }),
  },
  "/api/openapi.json": {
    get: op({
      summary: "This document",
      tags: T.operations,
      access: "public",
      untenanted: true,
      ok: { 200: ["The OpenAPI 3.1 document", z.record(z.string(), z.unknown())] },
    }),
  },
  "/api/docs": {
    get: op({
      summary: "The interactive explorer of this document (HTML)",
      tags: T.operations,
      access: "public",
      untenanted: true,
      ok: { 200: ["An HTML page, served with its assets by the app (no CDN)"] },
    }),
  },
  "/api/docs/{asset}": {
    get: op({
      summary: "The explorer's script and styles",
      tags: T.operations,
      access: "public",
      untenanted: true,
      path: z.object({ asset: z.enum(["swagger-ui.css", "swagger-ui-bundle.js"]) }),
      ok: { 200: ["The file"] },
    }),
  },
  "/api/customer/auth/code": {
    post: op({
      summary: "Send a customer a sign-in code",
      description: `A 6-digit code by e-mail, valid ${CODE_MINUTES} minutes, once, ${CODE_TRIES} tries; it replaces any earlier one. The same answer whether the address is a customer's or not. Counted against the sign-in limits of the client address and of the e-mail address. \`outbox: true\`: no SMTP server, the message waits in the business's outbox.`,
      tags: T.account,
      access: "public",
      body: codeRequestSchema,
      ok: { 202: ["Sent", z.object({ sent: z.literal(true), outbox: z.boolean() })] },
    }),
  },
  "/api/customer/auth/verify": {
    post: op({
      summary: "Sign a customer in with their code",
      description:
        "A right code gives a bearer token for this customer of this business (their record is made if they had none). 422 `CODE_INVALID` for a wrong, used or expired code.",
      tags: T.account,
      access: "public",
      body: codeVerifySchema,
      ok: { 200: ["Signed in", z.object({ token: z.string(), expiresAt: z.iso.datetime() })] },
    }),
  },
  "/api/me": {
    get: op({
      summary: "The signed-in customer's profile",
      tags: T.account,
      access: "customer",
      ok: { 200: ["Their profile", one("customer", profileShape)] },
    }),
    patch: op({
      summary: "Change their name, phone, language, time zone or marketing consent",
      description: "What is left out is kept; a consent given or withdrawn is dated.",
      tags: T.account,
      access: "customer",
      body: profileUpdateSchema,
      ok: { 200: ["Changed", one("customer", profileShape)] },
    }),
  },
  "/api/me/appointments": {
    get: op({
      summary: "The signed-in customer's bookings",
      description:
        "Every booking made with their address at this business, before the account existed too: `when=upcoming` (not started yet, soonest first, the default) or `when=past` (latest first), in cursor pages.",
      tags: T.account,
      access: "customer",
      query: pageQuerySchema.extend({ when: whenSchema.optional() }),
      ok: {
        200: [
          "A page",
          z.object({ appointments: z.array(appointmentShape), pagination: paginationShape }),
        ],
      },
    }),
  },
  "/api/me/payments": {
    get: op({
      summary: "The signed-in customer's payments",
      description:
        "Their online payments at this business, latest first, those still awaited too. `hasReceipt`: one went through, and `receipt.pdf` gives its receipt.",
      tags: T.account,
      access: "customer",
      ok: { 200: ["Their payments", list("payments", myPaymentShape)] },
    }),
  },
  "/api/me/payments/{id}/receipt.pdf": {
    get: op({
      summary: "A payment's receipt (PDF)",
      description:
        "The business's name and address, the date, the service and its appointment, the amount (with the VAT it includes when the business sets a rate), the payment method and any refund. 404 for a payment that did not go through or is not theirs.",
      tags: T.account,
      access: "customer",
      path: idParam(),
      ok: { 200: ["The receipt, as `application/pdf`"] },
    }),
  },
  "/api/me/sign-out": {
    post: op({
      summary: "Sign the customer out everywhere",
      description: "Every token and session of the customer ends.",
      tags: T.account,
      access: "customer",
      ok: { 204: ["Signed out"] },
    }),
  },
  "/api/public/reviews": {
    get: op({
      summary: "The business's reviews, as its public page shows them",
      description:
        "Latest first, in cursor pages, optionally of one service (`activityId`) or staff member (`staffId`); never a hidden one. Each is signed with a first name and an initial. `summary`: the average rating and the count.",
      tags: T.reviews,
      access: "public",
      query: pageQuerySchema.extend(reviewFilterSchema.shape),
      ok: {
        200: [
          "A page",
          z.object({
            reviews: z.array(reviewShape),
            summary: z.object({ count: z.number().int(), average: z.number().nullable() }),
            pagination: paginationShape,
          }),
        ],
      },
    }),
  },
  "/api/reviews": {
    get: op({
      summary: "Every review of the business, hidden ones too",
      tags: T.reviews,
      access: "read",
      query: pageQuerySchema.extend(reviewFilterSchema.shape),
      ok: {
        200: [
          "A page",
          z.object({ reviews: z.array(businessReviewShape), pagination: paginationShape }),
        ],
      },
    }),
  },
  "/api/reviews/{id}/reply": {
    post: op({
      summary: "Reply to a review, publicly, once",
      description: "409 `ALREADY_REPLIED` for a second reply.",
      tags: T.reviews,
      access: "manage",
      path: idParam(),
      body: replySchema,
      ok: { 200: ["Replied", one("review", businessReviewShape)] },
      errors: [409],
    }),
  },
  "/api/reviews/{id}/hide": {
    post: op({
      summary: "Hide a review from the public, with the reason",
      description: "The reason is kept with the review and in the audit log.",
      tags: T.reviews,
      access: "manage",
      path: idParam(),
      body: hideSchema,
      ok: { 200: ["Hidden", one("review", businessReviewShape)] },
    }),
  },
  "/api/public/register": {
    post: op({
      summary: "Sign a business up",
      description:
        "Makes the business and its owner, who may sign in at once, and mails the owner a link to confirm their e-mail address: customers can book (403 `BUSINESS_NOT_CONFIRMED` before) once it is opened. Refused with 403 `REGISTRATION_CLOSED` when the server's `REGISTRATION` is `closed`; 10 valid sign-ups per client address per hour (`RATE_LIMIT_REGISTER`). The password must be hard to guess (zxcvbn score 3 of 4); `website` must stay empty; `slug` left out is proposed from the name.",
      tags: T.signup,
      access: "public",
      untenanted: true,
      body: registerSchema,
      ok: { 201: ["Signed up", registrationShape] },
      errors: [409, 429],
    }),
  },
  "/api/public/slugs": {
    get: op({
      summary: "Check a booking page address, or propose one for a name",
      tags: T.signup,
      access: "public",
      untenanted: true,
      query: slugQuerySchema,
      ok: { 200: ["Whether it is free", slugAnswerShape] },
    }),
  },
  "/api/health": {
    get: op({
      summary: "Liveness and database check",
      tags: T.operations,
      access: "public",
      untenanted: true,
      ok: { 200: ["Up", z.record(z.string(), z.unknown())] },
      errors: [503],
    }),
  },
  "/api/health/detailed": {
    get: op({
      summary: "Health of each part (database, jobs, mail)",
      description: "With `Authorization: Bearer <METRICS_TOKEN>`.",
      tags: T.operations,
      access: "public",
      untenanted: true,
      ok: { 200: ["Each part's state", z.record(z.string(), z.unknown())] },
      errors: [503],
    }),
  },
  "/api/metrics": {
    get: op({
      summary: "Prometheus metrics",
      description: "Text exposition format, with `Authorization: Bearer <METRICS_TOKEN>`.",
      tags: T.operations,
      access: "public",
      untenanted: true,
      ok: { 200: ["The metrics (text/plain)"] },
    }),
  },
};

const errorResponse = (description: string) => ({ description, ...json(errorShape) });

/** The event a business's endpoints receive, with the specification's three headers. */
const webhookOperation = (type: string) => ({
  post: {
    summary: type,
    description:
      "Signed per Standard Webhooks: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret (any Standard Webhooks library does). Answer 2xx within 15 s; anything else is retried 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h later (`Retry-After` is honoured); 410 turns the endpoint off. Events of one appointment arrive in order.",
    requestParams: {
      header: z.object({
        "webhook-id": z.string(),
        "webhook-timestamp": z.string().meta({ description: "Unix seconds" }),
        "webhook-signature": z.string().meta({ description: "`v1,<base64>`, space-separated" }),
      }),
    },
    requestBody: json(webhookPayloadShape),
    responses: { "200": { description: "Received" } },
  },
});

/** The OpenAPI 3.1 document, built once per process. */
export const openApiDocument = () =>
  (cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Rendezvous API",
      version: "1.0.0",
      description:
        "Multi-tenant appointment booking. Choose the business with its subdomain, the `X-Tenant-Slug` header or `?tenant=`. Errors are JSON `{ error, code, details }` with a stable `code`. Every answer carries the `X-RateLimit-*` headers of the limit that applies; over it, 429 with `Retry-After`.",
    },
    servers: [{ url: "/" }],
    tags: Object.values(T).map(([name]) => ({ name: name as string })),
    paths,
    webhooks: Object.fromEntries(webhookEventTypes.map((type) => [type, webhookOperation(type)])),
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "An API key (`rvz_…`), made in Settings or with the CLI; read-only or read-write.",
        },
        customerToken: {
          type: "http",
          scheme: "bearer",
          description:
            "A customer's token (`rvc_…`) from `POST /api/customer/auth/verify`, valid 30 days or until `POST /api/me/sign-out`.",
        },
      },
      parameters: {
        TenantSlug: {
          in: "header",
          name: "X-Tenant-Slug",
          required: false,
          description: "The business, when not chosen by subdomain or `?tenant=`",
          schema: { type: "string" },
        },
      },
      headers: {
        "X-RateLimit-Limit": {
          description: "Requests allowed per minute under the limit that applies",
          schema: { type: "integer" },
        },
        "X-RateLimit-Remaining": {
          description: "Requests left in this minute",
          schema: { type: "integer" },
        },
        "X-RateLimit-Reset": {
          description: "When the count starts again (Unix seconds)",
          schema: { type: "integer" },
        },
      },
      responses: {
        Unauthorized: errorResponse("No valid API key or session (`UNAUTHORIZED`)"),
        Forbidden: errorResponse("Not allowed (`FORBIDDEN`, `MODULE_DISABLED`)"),
        NotFound: errorResponse("No such thing in this business (`NOT_FOUND`, `TENANT_NOT_FOUND`)"),
        Conflict: errorResponse("Taken or in use (`SLOT_UNAVAILABLE`, `…_IN_USE`)"),
        PayloadTooLarge: errorResponse("Body over 64 KB (`PAYLOAD_TOO_LARGE`)"),
        UnsupportedMediaType: errorResponse("Not JSON (`UNSUPPORTED_MEDIA_TYPE`)"),
        ValidationError: errorResponse("Invalid input (`VALIDATION_ERROR` with `details`)"),
        TooManyRequests: {
          description: "Over the rate limit (`RATE_LIMIT_EXCEEDED`)",
          headers: { "Retry-After": { schema: { type: "integer" } } },
          ...json(errorShape),
        },
        Unavailable: errorResponse("Unavailable for now (`UNAVAILABLE`, `PAYMENT_UNAVAILABLE`)"),
        InternalError: errorResponse("A failure on our side (`INTERNAL_ERROR`)"),
      },
    },
  }));

let cached: ReturnType<typeof createDocument> | undefined;
