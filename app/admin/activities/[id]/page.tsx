import { notFound } from "next/navigation";
import { getActivity } from "@/lib/activities/activities";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getDb } from "@/lib/db";
import { orUndefinedIfNotFound } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { uuidSchema } from "@/lib/validation";
import { ActivityFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.activities.editPageTitle");

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requirePageCaller("manage");
  const id = uuidSchema.safeParse((await params).id).data;
  const activity = id && (await orUndefinedIfNotFound(getActivity(await getDb(), tenant.id, id)));
  if (!activity) notFound();
  return <ActivityFormPage tenant={tenant} activity={activity} />;
}
