import { requirePageCaller } from "@/lib/access/page-caller";
import { pageTitle } from "@/lib/i18n/page-title";
import { LocationFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.locations.newTitle");

export default async function NewLocationPage() {
  const { tenant } = await requirePageCaller("manage");
  return <LocationFormPage tenant={tenant} />;
}
