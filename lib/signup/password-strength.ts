import type { OptionsType, TranslationKeys, ZxcvbnFactory } from "@zxcvbn-ts/core";
import type { Locale } from "@/lib/i18n/locales";

/** zxcvbn's score (0–4) a new owner's password must reach: "safely unguessable". */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordStrength {
  score: number;
  strong: boolean;
  /** zxcvbn's own advice, in the visitor's language; empty when there is none. */
  warning: string;
  suggestions: string[];
}

interface Checker {
  factory: ZxcvbnFactory;
  texts: Record<Locale, TranslationKeys>;
}

// The dictionaries weigh about 33 MB once indexed: loaded on the first check only, and indexed
// once per process (on globalThis: Next.js may load this module in several bundles), for both
// languages at once. Both languages' words count against every password (a French word is as
// guessable in an English form); the advice comes back as keys, put in the visitor's language here.
const shared = globalThis as typeof globalThis & { __rendezvousZxcvbn?: Promise<Checker> };

async function build(): Promise<Checker> {
  const [{ ZxcvbnFactory }, common, en, fr] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
    import("@zxcvbn-ts/language-fr"),
  ]);
  const options: OptionsType = {
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: keysOf(en.translations),
  };
  return {
    factory: new ZxcvbnFactory(options),
    texts: { en: en.translations, fr: fr.translations },
  };
}

/** Translations whose every text is its own key ("warnings.commonNames"). */
function keysOf(translations: TranslationKeys): TranslationKeys {
  return Object.fromEntries(
    Object.entries(translations).map(([section, texts]) => [
      section,
      Object.fromEntries(Object.keys(texts).map((key) => [key, `${section}.${key}`])),
    ]),
  ) as unknown as TranslationKeys;
}

function textOf(texts: TranslationKeys, key: string): string {
  const [section, name] = key.split(".") as [keyof TranslationKeys, string];
  return (texts[section] as Record<string, string> | undefined)?.[name] ?? "";
}

/**
 * How guessable a password is, counting what the form already knows about its owner (their name,
 * address, business) as guessable too.
 */
export async function passwordStrength(
  password: string,
  userInputs: string[],
  locale: Locale,
): Promise<PasswordStrength> {
  shared.__rendezvousZxcvbn ??= build();
  const { factory, texts } = await shared.__rendezvousZxcvbn;
  // zxcvbn's cost grows with length; past 100 characters nothing is guessable anyway.
  const result = factory.check(password.slice(0, 100), userInputs.filter(Boolean));
  const warning = result.feedback.warning;
  return {
    score: result.score,
    strong: result.score >= MIN_PASSWORD_SCORE,
    warning: warning ? textOf(texts[locale], warning) : "",
    suggestions: result.feedback.suggestions.map((key) => textOf(texts[locale], key)),
  };
}
