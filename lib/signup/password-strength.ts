import { type OptionsType, ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as fr from "@zxcvbn-ts/language-fr";
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

// Both languages' dictionaries count against every password (a French word is as guessable in an
// English form); only the advice's language follows the visitor. Built once per language: the
// dictionaries take a moment to index.
const checkers = new Map<Locale, ZxcvbnFactory>();

function checker(locale: Locale): ZxcvbnFactory {
  let found = checkers.get(locale);
  if (!found) {
    const options: OptionsType = {
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
      graphs: common.adjacencyGraphs,
      translations: locale === "fr" ? fr.translations : en.translations,
    };
    found = new ZxcvbnFactory(options);
    checkers.set(locale, found);
  }
  return found;
}

/**
 * How guessable a password is, counting what the form already knows about its owner (their name,
 * address, business) as guessable too.
 */
export function passwordStrength(
  password: string,
  userInputs: string[],
  locale: Locale,
): PasswordStrength {
  // zxcvbn's cost grows with length; past 100 characters nothing is guessable anyway.
  const result = checker(locale).check(password.slice(0, 100), userInputs.filter(Boolean));
  return {
    score: result.score,
    strong: result.score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning ?? "",
    suggestions: result.feedback.suggestions,
  };
}
