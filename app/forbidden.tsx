import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/ui/message-page";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  const tc = await getTranslations("common");
  return (
    <MessagePage
      title={t("forbiddenTitle")}
      text={t("forbiddenText")}
      action={{ href: "/", label: tc("backHome") }}
    />
  );
}
