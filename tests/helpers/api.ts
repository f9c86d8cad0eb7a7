import * as appointmentById from "@/app/api/appointments/[id]/route";
import * as appointmentStatus from "@/app/api/appointments/[id]/status/route";
import * as activityById from "@/app/api/appointments/activities/[id]/route";
import * as publicActivities from "@/app/api/appointments/activities/public/route";
import * as activities from "@/app/api/appointments/activities/route";
import * as availability from "@/app/api/appointments/availability/route";
import * as slots from "@/app/api/appointments/availability/slots/route";
import * as calendar from "@/app/api/appointments/calendar/route";
import * as appointments from "@/app/api/appointments/route";
import * as classById from "@/app/api/classes/[id]/route";
import * as classes from "@/app/api/classes/route";
import * as locationById from "@/app/api/locations/[id]/route";
import * as locations from "@/app/api/locations/route";
import * as resourceById from "@/app/api/resources/[id]/route";
import * as resources from "@/app/api/resources/route";
import * as moduleSettings from "@/app/api/settings/appointment-module/route";
import * as staffById from "@/app/api/staff/[id]/route";
import * as staff from "@/app/api/staff/route";
import type { Database } from "@/db/client";
import { addDays, dayInZone, zonedInstant } from "@/lib/scheduling/calendar-day";
import { seedTenant } from "./fixtures";
import { type CallOptions, call } from "./routes";

/** The contract's endpoints, called as a client would, for one business and one set of credentials. */
export function apiClient(tenant: string, auth: Record<string, string> = {}) {
  const o = (extra: Partial<CallOptions> = {}): CallOptions => ({
    tenant,
    ...extra,
    headers: { ...auth, ...extra.headers },
  });
  const qs = (query: Record<string, string | undefined>) => {
    const entries = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined);
    return entries.length ? `?${new URLSearchParams(entries)}` : "";
  };
  return {
    listActivities: (query: Record<string, string | undefined> = {}) =>
      call(activities.GET, "GET", o({ path: `/api/appointments/activities${qs(query)}` })),
    publicActivities: (ids?: string, query: Record<string, string | undefined> = {}) =>
      call(
        publicActivities.GET,
        "GET",
        o({ path: `/api/appointments/activities/public${qs({ ids, ...query })}` }),
      ),
    createActivity: (body: unknown, extra?: Partial<CallOptions>) =>
      call(activities.POST, "POST", o({ body, ...extra })),
    updateActivity: (id: string, body: unknown) =>
      call(activityById.PUT, "PUT", o({ params: { id }, body })),
    deleteActivity: (id: string) => call(activityById.DELETE, "DELETE", o({ params: { id } })),
    getAvailability: () => call(availability.GET, "GET", o()),
    putAvailability: (body: unknown) => call(availability.PUT, "PUT", o({ body })),
    slots: (query: Record<string, string | undefined>) =>
      call(slots.GET, "GET", o({ path: `/api/appointments/availability/slots${qs(query)}` })),
    listAppointments: (query: Record<string, string | undefined> = {}) =>
      call(appointments.GET, "GET", o({ path: `/api/appointments${qs(query)}` })),
    book: (body: unknown, headers?: Record<string, string>) =>
      call(appointments.POST, "POST", o({ body, headers })),
    getAppointment: (id: string) => call(appointmentById.GET, "GET", o({ params: { id } })),
    deleteAppointment: (id: string) =>
      call(appointmentById.DELETE, "DELETE", o({ params: { id } })),
    setStatus: (id: string, status: unknown) =>
      call(appointmentStatus.PATCH, "PATCH", o({ params: { id }, body: { status } })),
    calendar: (query: Record<string, string | undefined>) =>
      call(calendar.GET, "GET", o({ path: `/api/appointments/calendar${qs(query)}` })),
    getModule: () => call(moduleSettings.GET, "GET", o()),
    setModule: (enabled: unknown) => call(moduleSettings.PUT, "PUT", o({ body: { enabled } })),
    listStaff: (query: Record<string, string | undefined> = {}) =>
      call(staff.GET, "GET", o({ path: `/api/staff${qs(query)}` })),
    createStaff: (body: unknown) => call(staff.POST, "POST", o({ body })),
    getStaff: (id: string) => call(staffById.GET, "GET", o({ params: { id } })),
    updateStaff: (id: string, body: unknown) =>
      call(staffById.PUT, "PUT", o({ params: { id }, body })),
    deleteStaff: (id: string) => call(staffById.DELETE, "DELETE", o({ params: { id } })),
    listLocations: (query: Record<string, string | undefined> = {}) =>
      call(locations.GET, "GET", o({ path: `/api/locations${qs(query)}` })),
    createLocation: (body: unknown) => call(locations.POST, "POST", o({ body })),
    getLocation: (id: string) => call(locationById.GET, "GET", o({ params: { id } })),
    updateLocation: (id: string, body: unknown) =>
      call(locationById.PUT, "PUT", o({ params: { id }, body })),
    deleteLocation: (id: string) => call(locationById.DELETE, "DELETE", o({ params: { id } })),
    listResources: (query: Record<string, string | undefined> = {}) =>
      call(resources.GET, "GET", o({ path: `/api/resources${qs(query)}` })),
    createResource: (body: unknown) => call(resources.POST, "POST", o({ body })),
    getResource: (id: string) => call(resourceById.GET, "GET", o({ params: { id } })),
    updateResource: (id: string, body: unknown) =>
      call(resourceById.PUT, "PUT", o({ params: { id }, body })),
    deleteResource: (id: string) => call(resourceById.DELETE, "DELETE", o({ params: { id } })),
    listClasses: (query: Record<string, string | undefined>) =>
      call(classes.GET, "GET", o({ path: `/api/classes${qs(query)}` })),
    createClasses: (body: unknown) => call(classes.POST, "POST", o({ body })),
    getClass: (id: string) => call(classById.GET, "GET", o({ params: { id } })),
    updateClass: (id: string, body: unknown) =>
      call(classById.PATCH, "PATCH", o({ params: { id }, body })),
    cancelClass: (id: string) => call(classById.DELETE, "DELETE", o({ params: { id } })),
  };
}

export const handlers = {
  activities,
  publicActivities,
  activityById,
  availability,
  slots,
  appointments,
  appointmentById,
  appointmentStatus,
  calendar,
  moduleSettings,
  staff,
  staffById,
};

export const activityBody = (overrides: Record<string, unknown> = {}) => ({
  name: "Massage",
  description: "Relaxing",
  durationMinutes: 60,
  color: "#2563eb",
  price: 35.5,
  requiredFields: { phone: false, address: false, customField: false, customFieldLabel: null },
  reminderSettings: { enabled: false, hoursBefore: null },
  minimumBookingNoticeHours: 0,
  ...overrides,
});

export const client = (overrides: Record<string, unknown> = {}) => ({
  name: "Alice Martin",
  email: "alice@example.com",
  phone: null,
  address: null,
  customFieldValue: null,
  ...overrides,
});

/** Every day 09:00-17:00. */
export const openEveryDay = {
  weeklySlots: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
    dayOfWeek,
    startTime: "09:00",
    endTime: "17:00",
  })),
  exceptions: [],
};

/** A calendar day `n` days from today in a time zone. */
export const dayFromToday = (n: number, timeZone = "Europe/Paris") =>
  addDays(dayInZone(Date.now(), timeZone), n);

/** A wall-clock time ("10:00") of a day in Paris, as the API's UTC ISO 8601. */
export const parisAt = (day: string, hhmm: string) =>
  new Date(
    zonedInstant(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), "Europe/Paris"),
  ).toISOString();

/** A new business open every day 09:00-17:00, with an admin client and a public one. */
export async function openBusiness(db: Database) {
  const biz = await seedTenant(db);
  const api = apiClient(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
  await api.putAvailability(openEveryDay);
  return { biz, api, publicApi: apiClient(biz.tenant.slug) };
}
