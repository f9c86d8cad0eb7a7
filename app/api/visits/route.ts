import { withTenant } from "@/lib/access/with-tenant";
import { toAppointmentJson } from "@/lib/appointments/formats/serialize-appointment";
import { visitSchema } from "@/lib/appointments/schema";
import { customerActor } from "@/lib/audit/record-audit";
import { bookVisit } from "@/lib/booking/book-visit";
import { idempotentAnswer } from "@/lib/booking/idempotent-booking";
import { env } from "@/lib/env";
import { apiText } from "@/lib/errors/messages";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { manageLinks } from "@/lib/tenants/booking-link";

// POST /api/visits – book several services back to back, all or none (public); Idempotency-Key
// makes retries safe
export const POST = withTenant("booking", async ({ req, db, tenant }) => {
  const input = visitSchema.parse(await readJson(req));
  const manageLink = manageLinks(req.headers, tenant, env().appRootDomain);
  const book = async (tx: typeof db) => {
    const visit = await bookVisit(tx, tenant, input, new Date(), customerActor, {
      manageLink,
      stripe: env().stripe,
    });
    return {
      status: 201,
      body: {
        visit: { id: visit.id, appointments: visit.appointments.map(toAppointmentJson) },
        message: apiText("appointmentCreated", tenant.locale),
      },
    };
  };
  return idempotentAnswer(db, tenant, req.headers.get("idempotency-key"), input, book);
});

// Any other method: a JSON 405.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
