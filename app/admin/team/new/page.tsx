import { requirePageCaller } from "@/lib/access/page-caller";
import { pageTitle } from "@/lib/i18n/page-title";
import { StaffFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.team.newTitle");

export default async function NewStaffPage() {
  const { tenant } = await requirePageCaller("manage");
  return <StaffFormPage tenant={tenant} />;
}
