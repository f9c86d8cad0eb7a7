import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ErrorTextsProvider } from "@/components/error-texts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: "Rendezvous", template: "%s · Rendezvous" },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("errors");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <ErrorTextsProvider
          texts={{ title: t("failedTitle"), text: t("failedText"), retry: t("failedRetry") }}
        >
          {children}
        </ErrorTextsProvider>
      </body>
    </html>
  );
}
