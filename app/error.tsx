"use client";

import { useErrorTexts } from "@/components/error-texts";
import { buttonClass } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useErrorTexts();
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
