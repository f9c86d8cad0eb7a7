import { requirePageCaller } from "@/lib/access/page-caller";
import { pageTitle } from "@/lib/i18n/page-title";
import { ActivityFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.activities.newTitle");

export default async function NewActivityPage() {
  const { tenant } = await requirePageCaller("manage");
  return <ActivityFormPage tenant={tenant} />;
}
