// The customer's language for every component: words (t), money and dates in their locale.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { formatMoney } from "../../shared/money";
import { formatDate, formatDecimal, formatInstant, formatMonth, formatPercent } from "../../shared/format";
import { formatQuantity } from "../quantities";
import { localeFor, translator } from "./translate";
import type { Language, Messages, Translate } from "./translate";
import { en } from "./en";
import type { Money } from "../types";

export interface I18n {
  language: Language;
  locale: string;
  t: Translate;
  money: (m: Money) => string;
  date: (isoDate: string) => string;
  month: (isoMonth: string) => string;
  instant: (iso: string) => string;
  decimal: (value: string) => string;
  /** A metered quantity to its unit's decimals: ("827.371000", "kWh") -> "827.4". */
  quantity: (value: string | number, unit: string) => string;
  /** A whole percent: 60 -> "60%". */
  percent: (wholePercent: number) => string;
}

export function makeI18n(language: Language, messages: Messages): I18n {
  const locale = localeFor(language);
  return {
    language,
    locale,
    t: translator(messages),
    money: (m) => formatMoney(m, locale),
    date: (d) => formatDate(d, locale),
    month: (m) => formatMonth(m, locale),
    instant: (i) => formatInstant(i, locale),
    decimal: (v) => formatDecimal(v, locale),
    quantity: (v, unit) => formatQuantity(v, unit, locale),
    percent: (p) => formatPercent(p, locale),
  };
}

export const I18nContext = createContext<I18n>(makeI18n("en", en));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
