import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { Tenant } from "@/db/schema";
import { MAX_EMBED_ORIGINS } from "@/lib/tenants/embed-origins";

/** The snippets that put this booking page on another site: a script that sizes its frame, or a
 * plain frame of fixed height. */
function embedSnippets(bookingUrl: string) {
  const page = new URL(bookingUrl);
  const script = new URL("/embed.js", page);
  script.search = page.search;
  return {
    script: `<script src="${script.href}" async></script>`,
    frame: `<iframe src="${page.href}" title="Booking" style="width:100%;height:720px;border:0"></iframe>`,
  };
}

/** Settings, "Your website": which sites may show the booking widget, and what to paste there. */
export async function EmbedSettings({
  tenant,
  bookingUrl,
  canManage,
  message,
  save,
}: {
  tenant: Pick<Tenant, "embedOrigins">;
  bookingUrl: string;
  canManage: boolean;
  message: React.ReactNode;
  /** The page's server action saving the allowed sites. */
  save: (form: FormData) => Promise<void>;
}) {
  const t = await getTranslations("admin.settings");
  const snippets = embedSnippets(bookingUrl);
  return (
    <section
      id="website"
      aria-labelledby="website-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="website-title" className="text-lg font-semibold">
        {t("website")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("websiteIntro")}</p>
      <form action={save} className="mt-3 flex flex-col gap-2">
        <Field id="embedOrigins" label={t("embedOrigins")}>
          <Textarea
            id="embedOrigins"
            name="embedOrigins"
            rows={3}
            defaultValue={tenant.embedOrigins.join("\n")}
            disabled={!canManage}
            placeholder="https://www.example.com"
            aria-describedby="embed-origins-hint"
            compact
            className="mt-1 w-full max-w-lg font-mono text-sm"
          />
        </Field>
        <p id="embed-origins-hint" className="text-xs text-slate-600">
          {t("embedOriginsHint", { max: MAX_EMBED_ORIGINS })}
        </p>
        {canManage && (
          <button type="submit" className={buttonClass("primary", "md", "self-start")}>
            {t("saveEmbedOrigins")}
          </button>
        )}
      </form>
      {message}
      <div className="mt-4 space-y-3">
        <CopyField
          id="embed-script"
          label={t("embedScript")}
          value={snippets.script}
          copyLabel={t("copy")}
          copiedLabel={t("copied")}
          testId="embed-script"
        />
        <CopyField
          id="embed-frame"
          label={t("embedFrame")}
          value={snippets.frame}
          copyLabel={t("copy")}
          copiedLabel={t("copied")}
        />
        <p className="text-xs text-slate-600">{t("embedService")}</p>
      </div>
    </section>
  );
}
