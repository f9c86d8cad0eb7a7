"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { LabelledField } from "@/components/ui/labelled-field";
import { Notice } from "@/components/ui/notice";
import type { PasswordStrength } from "@/lib/signup/password-strength";
import type { RegisterInput } from "@/lib/signup/schema";
import type { SlugAnswer } from "@/lib/signup/slugs";

export type SignUpResult =
  | { ok: true; slug: string }
  | { ok: false; failure: string; problems: Record<string, string> };

type Field = "businessName" | "ownerName" | "email" | "password" | "slug" | "timeZone" | "locale";

export type SignupLabels = Record<
  | Field
  | "intro"
  | "passwordHint"
  | "timeZoneHint"
  | "slugChecking"
  | "slugFree"
  | "slugTaken"
  | "slugInvalid"
  | "strength"
  | "strength0"
  | "strength1"
  | "strength2"
  | "strength3"
  | "strength4"
  | "honeypot"
  | "submit"
  | "submitting"
  | "signInFailed",
  string
>;

const inputClass = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/** Waits `ms` after the last change of `value` before calling `run` with it. */
function useDebounced<T>(value: T, ms: number, run: (value: T) => void) {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const timer = setTimeout(() => latest.current(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
}

/**
 * The sign-up form: the address is proposed from the business's name until the visitor edits it,
 * and checked as they type; the password's strength is shown as they type; the time zone starts
 * at the browser's. On success the owner is signed in and lands in their new dashboard.
 */
export function SignupForm({
  labels,
  timeZones,
  defaultLocale,
  addressTemplate,
  signUp,
  strengthOf,
}: {
  labels: SignupLabels;
  timeZones: { value: string; label: string }[];
  defaultLocale: "fr" | "en";
  /** The booking page's address with `{slug}` in it, to show the visitor what they choose. */
  addressTemplate: string;
  signUp: (input: RegisterInput) => Promise<SignUpResult>;
  strengthOf: (password: string, userInputs: string[]) => Promise<PasswordStrength>;
}) {
  const [values, setValues] = useState({
    businessName: "",
    ownerName: "",
    email: "",
    password: "",
    slug: "",
    timeZone: "UTC",
    locale: defaultLocale as "fr" | "en",
    website: "",
  });
  const [slugEdited, setSlugEdited] = useState(false);
  const [slugState, setSlugState] = useState<SlugAnswer | "checking" | null>(null);
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const [result, setResult] = useState<Extract<SignUpResult, { ok: false }> | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) setValues((v) => ({ ...v, timeZone: zone }));
  }, []);

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const slugQuery = slugEdited
    ? `slug=${encodeURIComponent(values.slug)}`
    : `name=${encodeURIComponent(values.businessName)}`;
  useDebounced(slugQuery, 300, async (query) => {
    if (query === "name=" || query === "slug=") return setSlugState(null);
    setSlugState("checking");
    try {
      const response = await fetch(`/api/public/slugs?${query}`);
      if (!response.ok) return setSlugState(null);
      const answer = (await response.json()) as SlugAnswer;
      setSlugState(answer);
      if (!slugEdited) setValues((v) => ({ ...v, slug: answer.slug }));
    } catch {
      setSlugState(null);
    }
  });

  const userInputs = [values.ownerName, values.email, values.businessName, values.slug];
  useDebounced(values.password, 250, async (password) => {
    if (!password) return setStrength(null);
    setStrength(await strengthOf(password, userInputs).catch(() => null));
  });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setResult(null);
    const answer = await signUp({ ...values, slug: values.slug || undefined }).catch(
      (): SignUpResult => ({ ok: false, failure: labels.signInFailed, problems: {} }),
    );
    if (!answer.ok) {
      setResult(answer);
      setPending(false);
      return;
    }
    const signedIn = await signIn(
      "credentials",
      { email: values.email, password: values.password, redirect: false },
      { tenant: answer.slug },
    ).catch(() => null);
    // Signed in or not, the business exists: its dashboard asks for the password if need be.
    window.location.assign(
      signedIn?.ok ? `/admin?tenant=${answer.slug}` : `/login?tenant=${answer.slug}`,
    );
  }

  const problem = (field: Field) =>
    result?.problems[field] ? (
      <p id={`${field}-error`} className="mt-1 text-sm text-red-700">
        {result.problems[field]}
      </p>
    ) : null;
  const described = (field: Field, hint?: string) => ({
    "aria-invalid": result?.problems[field] ? true : undefined,
    "aria-describedby": result?.problems[field] ? `${field}-error` : hint,
  });

  const slugNote =
    slugState === "checking"
      ? labels.slugChecking
      : slugState?.available
        ? labels.slugFree
        : slugState?.problem === "taken"
          ? labels.slugTaken
          : slugState?.problem === "invalid"
            ? labels.slugInvalid
            : "";
  const strengthText = strength ? labels[`strength${strength.score}` as "strength0"] : "";

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 grid gap-4 sm:grid-cols-2">
      {result && (
        <Notice kind="error" className="sm:col-span-2">
          {result.failure}
        </Notice>
      )}
      <LabelledField id="businessName" label={labels.businessName} className="sm:col-span-2">
        <input
          id="businessName"
          value={values.businessName}
          onChange={set("businessName")}
          maxLength={120}
          autoComplete="organization"
          required
          className={inputClass}
          {...described("businessName")}
        />
        {problem("businessName")}
      </LabelledField>
      <LabelledField id="slug" label={labels.slug} className="sm:col-span-2">
        <input
          id="slug"
          value={values.slug}
          onChange={(event) => {
            setSlugEdited(true);
            setValues((v) => ({ ...v, slug: event.target.value.toLowerCase() }));
          }}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
          {...described("slug", "slug-hint")}
        />
        <p id="slug-hint" className="mt-1 text-xs text-slate-600" aria-live="polite">
          {values.slug ? addressTemplate.replace("{slug}", values.slug) : ""}
          {slugNote && (
            <span
              className={
                slugState !== "checking" && slugState?.available
                  ? "ml-2 font-medium text-emerald-700"
                  : "ml-2 font-medium text-amber-800"
              }
            >
              {slugNote}
            </span>
          )}
        </p>
        {problem("slug")}
      </LabelledField>
      <LabelledField id="ownerName" label={labels.ownerName}>
        <input
          id="ownerName"
          value={values.ownerName}
          onChange={set("ownerName")}
          maxLength={120}
          autoComplete="name"
          required
          className={inputClass}
          {...described("ownerName")}
        />
        {problem("ownerName")}
      </LabelledField>
      <LabelledField id="email" label={labels.email}>
        <input
          id="email"
          type="email"
          value={values.email}
          onChange={set("email")}
          maxLength={320}
          autoComplete="email"
          required
          className={inputClass}
          {...described("email")}
        />
        {problem("email")}
      </LabelledField>
      <LabelledField id="password" label={labels.password} className="sm:col-span-2">
        <input
          id="password"
          type="password"
          value={values.password}
          onChange={set("password")}
          maxLength={200}
          autoComplete="new-password"
          required
          className={inputClass}
          {...described("password", "password-hint")}
        />
        <div id="password-hint" className="mt-1 text-xs text-slate-600" aria-live="polite">
          {strength ? (
            <>
              <meter
                min={0}
                max={4}
                low={2}
                high={3}
                optimum={4}
                value={strength.score}
                className="mr-2 align-middle"
                aria-label={labels.strength}
              />
              <span className={strength.strong ? "text-emerald-700" : "text-amber-800"}>
                {strengthText}
              </span>
              {[strength.warning, ...strength.suggestions].filter(Boolean).map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </>
          ) : (
            labels.passwordHint
          )}
        </div>
        {problem("password")}
      </LabelledField>
      <LabelledField id="timeZone" label={labels.timeZone}>
        <select
          id="timeZone"
          value={values.timeZone}
          onChange={set("timeZone")}
          className={inputClass}
          {...described("timeZone", "timeZone-hint")}
        >
          {timeZones.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.label}
            </option>
          ))}
        </select>
        <p id="timeZone-hint" className="mt-1 text-xs text-slate-600">
          {labels.timeZoneHint}
        </p>
        {problem("timeZone")}
      </LabelledField>
      <LabelledField id="locale" label={labels.locale}>
        <select id="locale" value={values.locale} onChange={set("locale")} className={inputClass}>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </LabelledField>
      {/* The honeypot: out of sight and out of the tab order, so only robots fill it. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">{labels.honeypot}</label>
        <input
          id="website"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={values.website}
          onChange={set("website")}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60 sm:col-span-2"
      >
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
