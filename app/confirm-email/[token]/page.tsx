import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/ui/message-page";
import { currentTenant } from "@/lib/access/current-tenant";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { pageTitle } from "@/lib/i18n/page-title";
import { confirmBusinessEmail } from "@/lib/signup/confirm-email";

export const generateMetadata = pageTitle("confirmEmail.title");

// Opening the mailed link confirms: nothing else to click, and opening it twice is still fine.
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const tenant = await currentTenant();
  const { token } = await params;
  const t = await getTranslations("confirmEmail");
  try {
    await confirmBusinessEmail(await getDb(), tenant, token.slice(0, 100), new Date());
  } catch (error) {
    if (!(error instanceof AppError && error.code === "LINK_INVALID")) throw error;
    return (
      <MessagePage
        title={t("invalidTitle")}
        text={t("invalidText")}
        action={{ href: "/admin", label: t("toDashboard") }}
      />
    );
  }
  return (
    <MessagePage
      title={t("doneTitle")}
      text={t("doneText", { business: tenant.name })}
      action={{ href: "/admin", label: t("toDashboard") }}
    />
  );
}
