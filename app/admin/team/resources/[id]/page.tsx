import { notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/access/page-caller";
import { getDb } from "@/lib/db";
import { orUndefinedIfNotFound } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { getResource } from "@/lib/resources/resources";
import { uuidSchema } from "@/lib/validation";
import { ResourceFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.resources.editPageTitle");

export default async function EditResourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requirePageCaller("manage");
  const id = uuidSchema.safeParse((await params).id).data;
  const resource = id && (await orUndefinedIfNotFound(getResource(await getDb(), tenant.id, id)));
  if (!resource) notFound();
  return <ResourceFormPage tenant={tenant} resource={resource} />;
}
