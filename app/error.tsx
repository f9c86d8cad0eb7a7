"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";

// An error boundary renders in the browser, where no translation library is shipped: its few texts
// are here in both languages, picked by the page's lang attribute.
const texts = {
  fr: {
    title: "Un problème est survenu",
    text: "Merci de réessayer dans un instant.",
    retry: "Réessayer",
  },
  en: {
    title: "Something went wrong",
    text: "Please try again in a moment.",
    retry: "Try again",
  },
};

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const [locale, setLocale] = useState<keyof typeof texts>("fr");
  useEffect(() => setLocale(document.documentElement.lang === "en" ? "en" : "fr"), []);
  const t = texts[locale];
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p className="text-slate-600">{t.text}</p>
      <button type="button" onClick={reset} className={buttonClass("brand", "cta")}>
        {t.retry}
      </button>
    </main>
  );
}
