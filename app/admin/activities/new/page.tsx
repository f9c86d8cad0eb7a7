import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { ActivityFormPage } from "../form-page";

export const metadata: Metadata = { title: "New service" };

export default async function NewActivityPage() {
  const { tenant } = await requirePageCaller("manage");
  return <ActivityFormPage tenant={tenant} />;
}
