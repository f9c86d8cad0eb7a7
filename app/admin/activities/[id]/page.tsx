import { notFound } from "next/navigation";
import { scheduleClassAction } from "@/app/admin/classes/actions";
import { ClassSessions } from "@/components/admin/class-sessions";
import { requirePageCaller } from "@/lib/access/page-caller";
import { getActivity } from "@/lib/activities/activities";
import { getDb } from "@/lib/db";
import { firstParam, orUndefinedIfNotFound, type SearchParams } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { uuidSchema } from "@/lib/validation";
import { ActivityFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.activities.editPageTitle");

export default async function EditActivityPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await requirePageCaller("manage");
  const id = uuidSchema.safeParse((await props.params).id).data;
  const activity = id && (await orUndefinedIfNotFound(getActivity(await getDb(), tenant.id, id)));
  if (!activity) notFound();
  const query = await props.searchParams;
  return (
    <>
      <ActivityFormPage tenant={tenant} activity={activity} />
      {/* A class is booked by the seat in sessions scheduled here. */}
      {activity.capacity > 1 && (
        <ClassSessions
          schedule={scheduleClassAction}
          tenant={tenant}
          activity={activity}
          outcome={{
            scheduled: firstParam(query.scheduled),
            error: firstParam(query.error),
            field: firstParam(query.field),
            skipped: firstParam(query.skipped),
            cancelled: firstParam(query.cancelled),
          }}
        />
      )}
    </>
  );
}
