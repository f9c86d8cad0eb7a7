"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SIGN_IN_ELSEWHERE, SIGN_IN_RATE_LIMITED } from "@/lib/auth/sign-in-error";

const KEPT_EMAIL = "rendezvous-login-email";

/** The sign-in texts, translated on the server. */
export type LoginLabels = Record<
  | "email"
  | "password"
  | "submit"
  | "submitting"
  | "invalid"
  | "failed"
  | "tooMany"
  | "elsewhere"
  | "elsewhereLink",
  string
>;

export function LoginForm({ tenantSlug, labels }: { tenantSlug: string; labels: LoginLabels }) {
  const t = (key: keyof LoginLabels) => labels[key];
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // The business where this account is, when it is not this one (see businessOfAccountElsewhere).
  const [elsewhere, setElsewhere] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const email = useRef<HTMLInputElement>(null);
  // Coming from another business's sign-in, the address typed there.
  useEffect(() => {
    const kept = sessionStorage.getItem(KEPT_EMAIL);
    if (kept && email.current && !email.current.value) email.current.value = kept;
    sessionStorage.removeItem(KEPT_EMAIL);
  }, []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setElsewhere(null);
    const form = new FormData(event.currentTarget);
    try {
      // ?tenant= routes the sign-in to this business however the page itself was reached.
      const result = await signIn(
        "credentials",
        { email: form.get("email"), password: form.get("password"), redirect: false },
        { tenant: tenantSlug },
      );
      if (result?.ok) {
        router.replace("/admin");
        router.refresh();
        return;
      }
      if (result?.error?.startsWith(SIGN_IN_ELSEWHERE)) {
        setElsewhere(result.error.slice(SIGN_IN_ELSEWHERE.length));
        setError(t("elsewhere"));
        setPending(false);
        return;
      }
      setError(
        result?.error === "CredentialsSignin"
          ? t("invalid")
          : result?.error === SIGN_IN_RATE_LIMITED
            ? t("tooMany")
            : t("failed"),
      );
    } catch {
      setError(t("failed"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("email")}
        <Input
          ref={email}
          name="email"
          type="email"
          autoComplete="username"
          required
          className="text-base font-normal"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("password")}
        <Input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="text-base font-normal"
        />
      </label>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
          {elsewhere ? (
            <>
              {" "}
              <a
                className="font-medium underline"
                href={`/login?tenant=${encodeURIComponent(elsewhere)}`}
                // The address typed here is typed there too (kept in this tab, not in the URL).
                onClick={() => sessionStorage.setItem(KEPT_EMAIL, email.current?.value ?? "")}
              >
                {t("elsewhereLink")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass("brand", "cta")}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
