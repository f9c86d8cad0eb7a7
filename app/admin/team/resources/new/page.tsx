import { requirePageCaller } from "@/lib/access/page-caller";
import { pageTitle } from "@/lib/i18n/page-title";
import { ResourceFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.resources.newTitle");

export default async function NewResourcePage() {
  const { tenant } = await requirePageCaller("manage");
  return <ResourceFormPage tenant={tenant} />;
}
