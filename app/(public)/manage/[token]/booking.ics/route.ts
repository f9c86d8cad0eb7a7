import { withTenant } from "@/lib/access/with-tenant";
import { bookingCalendarFile } from "@/lib/appointments/formats/calendar-file";
import { findByManageToken } from "@/lib/booking/manage-booking";
import { publicOrigin } from "@/lib/http/public-origin";
import { bookingPlace } from "@/lib/locations/public-locations";

// GET /manage/[token]/booking.ics – the booking as a file for the customer's calendar
export const GET = withTenant("public", async ({ req, params, tenant, db }) => {
  const token = params.token ?? "";
  const booking = await findByManageToken(db, tenant, token);
  const manageUrl = `${publicOrigin(req.headers)}/manage/${token}`;
  const place = await bookingPlace(db, tenant, booking.locationId);
  return new Response(bookingCalendarFile(booking, tenant, manageUrl, place), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="booking.ics"',
      "cache-control": "private, no-store",
    },
  });
});
