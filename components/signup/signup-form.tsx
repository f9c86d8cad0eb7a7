"use client";

import { signIn } from "next-auth/react";
import { type ComponentProps, type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field as FormField, fieldDescription } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
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
  | "signInFailed"
  | "confirmTitle"
  | "confirmAutomatic"
  | "confirmManual",
  string
>;

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
 * The booking page's address as the visitor types: proposed from the business's name until they
 * edit it (then their own, checked), with whether it is free.
 */
function useSlugCheck(
  businessName: string,
  slug: string,
  edited: boolean,
  onProposed: (slug: string) => void,
) {
  const [state, setState] = useState<SlugAnswer | "checking" | null>(null);
  const query = edited
    ? `slug=${encodeURIComponent(slug)}`
    : `name=${encodeURIComponent(businessName)}`;
  useDebounced(query, 300, async (q) => {
    if (q === "name=" || q === "slug=") return setState(null);
    setState("checking");
    try {
      const response = await fetch(`/api/public/slugs?${q}`);
      if (!response.ok) return setState(null);
      const answer = (await response.json()) as SlugAnswer;
      setState(answer);
      if (!edited) onProposed(answer.slug);
    } catch {
      setState(null);
    }
  });
  return state;
}

/** The password's strength as the visitor types, judged against what else they typed. */
function usePasswordStrength(
  password: string,
  strengthOf: (password: string, userInputs: string[]) => Promise<PasswordStrength>,
  userInputs: string[],
) {
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  useDebounced(password, 250, async (value) => {
    if (!value) return setStrength(null);
    setStrength(await strengthOf(value, userInputs).catch(() => null));
  });
  return strength;
}

function SlugHint(props: {
  labels: SignupLabels;
  address: string;
  state: SlugAnswer | "checking" | null;
}) {
  const { labels, state } = props;
  const note =
    state === "checking"
      ? labels.slugChecking
      : state?.available
        ? labels.slugFree
        : state?.problem === "taken"
          ? labels.slugTaken
          : state?.problem === "invalid"
            ? labels.slugInvalid
            : "";
  const free = state !== "checking" && state?.available;
  return (
    <p id="slug-hint" className="mt-1 text-xs text-slate-600" aria-live="polite">
      {props.address}
      {note && (
        <span className={`ml-2 font-medium ${free ? "text-emerald-700" : "text-amber-800"}`}>
          {note}
        </span>
      )}
    </p>
  );
}

/** Out of sight and out of the tab order, so only robots fill it. */
const control = "mt-1 w-full text-sm";

/** A required text field under its label, with its error; `hint` (id `<field>-hint`) below. */
function TextField(props: {
  field: Field;
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error?: string;
  wide: boolean;
  hint?: ReactNode;
  input: ComponentProps<"input">;
}) {
  const { field, error } = props;
  return (
    <FormField
      id={field}
      label={props.label}
      error={error}
      className={props.wide ? "sm:col-span-2" : undefined}
    >
      <Input
        id={field}
        value={props.value}
        onChange={props.onChange}
        required
        {...props.input}
        className={control}
        {...fieldDescription(field, { error, hint: props.hint })}
      />
      {props.hint}
    </FormField>
  );
}

function Honeypot(props: {
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}) {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label htmlFor="website">{props.label}</label>
      <input
        id="website"
        name="website"
        tabIndex={-1}
        autoComplete="off"
        value={props.value}
        onChange={props.onChange}
      />
    </div>
  );
}

function StrengthHint({
  labels,
  strength,
}: {
  labels: SignupLabels;
  strength: PasswordStrength | null;
}) {
  return (
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
            {labels[`strength${strength.score}` as "strength0"]}
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
  );
}

/**
 * Signing up: the business is created, then its owner signed in and sent to the new dashboard
 * (or, should that fail, to the sign-in page: the business exists either way).
 */
function useSignUp(signUp: (input: RegisterInput) => Promise<SignUpResult>, failed: string) {
  const [result, setResult] = useState<Extract<SignUpResult, { ok: false }> | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(values: RegisterInput & { email: string; password: string }) {
    setPending(true);
    setResult(null);
    const answer = await signUp({ ...values, slug: values.slug || undefined }).catch(
      (): SignUpResult => ({ ok: false, failure: failed, problems: {} }),
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
    window.location.assign(
      signedIn?.ok ? `/admin?tenant=${answer.slug}` : `/login?tenant=${answer.slug}`,
    );
  }
  return { result, pending, submit };
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
    // Customers' bookings confirmed as they are made, unless the owner wants to check each one.
    confirmOnlineBookings: "automatic" as "automatic" | "manual",
    website: "",
  });
  const [slugEdited, setSlugEdited] = useState(false);

  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) setValues((v) => ({ ...v, timeZone: zone }));
  }, []);

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  const slugState = useSlugCheck(values.businessName, values.slug, slugEdited, (slug) =>
    setValues((v) => ({ ...v, slug })),
  );
  const strength = usePasswordStrength(values.password, strengthOf, [
    values.ownerName,
    values.email,
    values.businessName,
    values.slug,
  ]);

  const { result, pending, submit } = useSignUp(signUp, labels.signInFailed);
  // What was sent: a field's problem goes away as soon as it is changed.
  const [sent, setSent] = useState(values);
  const error = (field: Field) =>
    sent[field] === values[field] ? result?.problems[field] : undefined;
  const described = (field: Field, hint?: string) =>
    fieldDescription(field, { error: error(field), hint });
  const text = (
    field: "businessName" | "ownerName" | "email" | "password",
    props: ComponentProps<"input">,
    wide = false,
    hint?: ReactNode,
  ) => (
    <TextField
      field={field}
      label={labels[field]}
      value={values[field]}
      onChange={set(field)}
      error={error(field)}
      wide={wide}
      hint={hint}
      input={props}
    />
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSent(values);
        submit(values);
      }}
      noValidate
      className="mt-6 grid gap-4 sm:grid-cols-2"
    >
      {result && (
        <Notice kind="error" className="sm:col-span-2">
          {result.failure}
        </Notice>
      )}
      {text("businessName", { maxLength: 120, autoComplete: "organization" }, true)}
      <FormField id="slug" label={labels.slug} error={error("slug")} className="sm:col-span-2">
        <Input
          id="slug"
          value={values.slug}
          onChange={(event) => {
            setSlugEdited(true);
            setValues((v) => ({ ...v, slug: event.target.value.toLowerCase() }));
          }}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          className={control}
          {...described("slug", "slug-hint")}
        />
        <SlugHint
          labels={labels}
          state={slugState}
          address={values.slug ? addressTemplate.replace("{slug}", values.slug) : ""}
        />
      </FormField>
      {text("ownerName", { maxLength: 120, autoComplete: "name" })}
      {text("email", { type: "email", maxLength: 320, autoComplete: "email" })}
      {text(
        "password",
        { type: "password", maxLength: 200, autoComplete: "new-password" },
        true,
        <StrengthHint labels={labels} strength={strength} />,
      )}
      <FormField
        id="timeZone"
        label={labels.timeZone}
        hint={labels.timeZoneHint}
        error={error("timeZone")}
      >
        <Select
          id="timeZone"
          value={values.timeZone}
          onChange={set("timeZone")}
          className={control}
          {...described("timeZone", "timeZone-hint")}
        >
          {timeZones.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.label}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id="locale" label={labels.locale}>
        <Select id="locale" value={values.locale} onChange={set("locale")} className={control}>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </Select>
      </FormField>
      <fieldset className="text-sm sm:col-span-2">
        <legend className="font-medium">{labels.confirmTitle}</legend>
        {(["automatic", "manual"] as const).map((mode) => (
          <label key={mode} className="mt-1 flex items-start gap-2">
            <input
              type="radio"
              name="confirmOnlineBookings"
              value={mode}
              checked={values.confirmOnlineBookings === mode}
              onChange={set("confirmOnlineBookings")}
              className="mt-1"
            />
            {mode === "automatic" ? labels.confirmAutomatic : labels.confirmManual}
          </label>
        ))}
      </fieldset>
      <Honeypot label={labels.honeypot} value={values.website} onChange={set("website")} />
      <Button type="submit" disabled={pending} className="py-2 sm:col-span-2">
        {pending ? labels.submitting : labels.submit}
      </Button>
    </form>
  );
}
