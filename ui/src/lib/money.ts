// Amounts as people read them: the programme's currency, locale-aware thousands separators, no
// cents unless an amount has them. Every amount on screen (tables, dossiers, diffs, charts'
// captions) goes through here, so one place decides how money looks.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../backend";
import { keys } from "./queryKeys";

const formatters = new Map<string, Intl.NumberFormat>();

type Style = "whole" | "cents" | "compact";

const DIGITS: Record<Style, Intl.NumberFormatOptions> = {
  whole: { maximumFractionDigits: 0 },
  cents: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  compact: { notation: "compact", maximumFractionDigits: 1 },
};

/**
 * The user's locale, unless the desktop was started under the POSIX one (LANG=C, which ICU reads
 * as en-US-POSIX: no thousands separators, "€ 21200000"); then British English.
 */
function locale(): string | undefined {
  const resolved = new Intl.NumberFormat().resolvedOptions().locale.toLowerCase();
  return resolved === "und" || resolved.includes("posix") || resolved === "c" ? "en-GB" : undefined;
}

function formatter(currency: string, style: Style): Intl.NumberFormat {
  const key = `${currency}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale(), { style: "currency", currency, ...DIGITS[style] });
    } catch {
      // A code Intl does not know (the settings accept any three letters) still formats, with
      // the code written out.
      const plain = new Intl.NumberFormat(locale(), DIGITS[style]);
      f = { format: (n: number) => `${currency} ${plain.format(n)}` } as Intl.NumberFormat;
    }
    formatters.set(key, f);
  }
  return f;
}

/** 1234567 in EUR → "€1,234,567" (in the user's locale); 1234.5 → "€1,234.50". */
export function formatMoney(amount: number, currency: string): string {
  return formatter(currency, Number.isInteger(amount) ? "whole" : "cents").format(amount);
}

/**
 * An amount rounded to whole units (half away from zero), for headline figures an executive reads
 * at a glance (the dashboard's tiles, as the steering deck prints them): €1,804,167, not
 * €1,804,166.66. Tables and records keep the cents.
 */
export function wholeUnits(amount: number): number {
  // `+ 0` turns a rounded -0 into 0, which would otherwise print as "-€0".
  return Math.sign(amount) * Math.round(Math.abs(amount)) + 0;
}

/** 1234567 in EUR → "€1.2M": for headline figures and chart captions. */
export function formatMoneyCompact(amount: number, currency: string): string {
  return formatter(currency, "compact").format(amount);
}

/** The query behind the currency; a page that shows amounts can ask for it with its own data. */
export const programmeQuery = { queryKey: keys.programme, queryFn: api.programmeGet };

/** The programme's currency, once the programme is loaded (null before). */
export function useCurrency(): string | null {
  const programme = useQuery(programmeQuery);
  return programme.data?.currency ?? null;
}

export interface Money {
  format: (amount: number) => string;
  compact: (amount: number) => string;
}

/**
 * A formatter for the open programme's currency: `const money = useMoney(); money.format(250000)`.
 * The same object until the currency changes, so tables can memoise columns on it.
 */
export function useMoney(): Money {
  const currency = useCurrency() ?? "EUR";
  return useMemo(
    () => ({
      format: (amount: number) => formatMoney(amount, currency),
      compact: (amount: number) => formatMoneyCompact(amount, currency),
    }),
    [currency],
  );
}

/** What a Mantine NumberInput holding an amount needs: the currency's symbol and the locale's separators. */
export interface MoneyInputProps {
  leftSection: string;
  thousandSeparator: string;
  decimalSeparator: string;
}

/** 'EUR' → { leftSection: "€", thousandSeparator: ",", decimalSeparator: "." } in an English locale. */
export function moneyInputProps(currency: string): MoneyInputProps {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(undefined, { style: "currency", currency }).formatToParts(1234567.5);
  } catch {
    parts = new Intl.NumberFormat(undefined).formatToParts(1234567.5);
  }
  const part = (type: Intl.NumberFormatPartTypes, fallback: string) =>
    parts.find((p) => p.type === type)?.value ?? fallback;
  return {
    leftSection: part("currency", currency),
    thousandSeparator: part("group", ","),
    decimalSeparator: part("decimal", "."),
  };
}

/**
 * What a NumberInput of an amount in the programme's currency takes (`{...moneyInput.props}`),
 * and its label with the currency's code (what a screen reader says): "Benefit (EUR)".
 */
export function useMoneyInput() {
  const currency = useCurrency();
  return useMemo(() => {
    const { leftSection, thousandSeparator, decimalSeparator } = moneyInputProps(currency ?? "EUR");
    return {
      props: currency
        ? { leftSection, leftSectionPointerEvents: "none" as const, thousandSeparator, decimalSeparator }
        : { thousandSeparator, decimalSeparator },
      label: (label: string) => (currency ? `${label} (${currency})` : label),
    };
  }, [currency]);
}
