import { notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/access/page-caller";
import { getDb } from "@/lib/db";
import { orUndefinedIfNotFound } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { getStaff } from "@/lib/staff/staff";
import { uuidSchema } from "@/lib/validation";
import { StaffFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.team.editPageTitle");

export default async function EditStaffPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requirePageCaller("manage");
  const id = uuidSchema.safeParse((await params).id).data;
  const staff = id && (await orUndefinedIfNotFound(getStaff(await getDb(), tenant.id, id)));
  if (!staff) notFound();
  return <StaffFormPage tenant={tenant} staff={staff} />;
}
