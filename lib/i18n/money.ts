import { numberFormat } from "./intl-formats";
/** Digits after the decimal point of a currency's major unit (EUR 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  return (
    numberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export const toMinorUnits = (amount: number, currency: string) =>
  Math.round(amount * 10 ** currencyDigits(currency));

export const fromMinorUnits = (minor: number, currency: string) =>
  minor / 10 ** currencyDigits(currency);
