import { notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/access/page-caller";
import { getDb } from "@/lib/db";
import { orUndefinedIfNotFound } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { getLocation } from "@/lib/locations/locations";
import { uuidSchema } from "@/lib/validation";
import { LocationFormPage } from "../form-page";

export const generateMetadata = pageTitle("admin.locations.editPageTitle");

export default async function EditLocationPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requirePageCaller("manage");
  const id = uuidSchema.safeParse((await params).id).data;
  const location = id && (await orUndefinedIfNotFound(getLocation(await getDb(), tenant.id, id)));
  if (!location) notFound();
  return <LocationFormPage tenant={tenant} location={location} />;
}
