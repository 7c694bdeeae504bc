// Bill lines in plain words. Each line of a bill has a kind (energy, demand, fixed, minimum,
// rider, tax); the customer sees what that kind of charge is for, and the arithmetic of the
// line (quantity x rate = amount), written out in their language from the line's own numbers.
import { formatMoney } from "../shared/money.ts";
import { formatDecimal } from "../shared/format.ts";
import { formatQuantity } from "./quantities.ts";
import type { Language, MessageKey, Translate } from "./i18n/translate.ts";
import type { BillLine } from "./types.ts";

const KIND_EXPLANATIONS: Record<string, MessageKey> = {
  energy: "lineKindEnergy",
  demand: "lineKindDemand",
  fixed: "lineKindFixed",
  minimum: "lineKindMinimum",
  rider: "lineKindRider",
  tax: "lineKindTax",
};

/** What a kind of charge is for, in plain words; null for a kind the portal does not know. */
export function kindExplanation(kind: string): MessageKey | null {
  return KIND_EXPLANATIONS[kind] ?? null;
}

const KIND_NAMES: Record<string, MessageKey> = {
  energy: "lineNameEnergy",
  demand: "lineNameDemand",
  fixed: "lineNameFixed",
  minimum: "lineNameMinimum",
  rider: "lineNameRider",
  tax: "lineNameTax",
};

export interface LineName {
  /** The line's name in the customer's language. */
  name: string;
  /** The tariff's own (English) description, shown under the name when it says something else;
   * null when the name is that description. */
  tariff: string | null;
}

/**
 * What a bill line is called. The tariff's description is English ("Basic charge"): an English
 * reader sees it as it is; a Spanish reader sees the name of the line's kind in Spanish ("Cargo
 * básico") with the tariff's description kept below when it differs. A kind the portal does not
 * know keeps the description in either language.
 */
export function lineName(line: Pick<BillLine, "kind" | "description">, language: Language, t: Translate): LineName {
  const description = line.description.trim();
  const key = KIND_NAMES[line.kind];
  if (!key) return { name: description || line.kind, tariff: null };
  if (language === "en") return { name: description || t(key), tariff: null };
  const name = t(key);
  const same = description.localeCompare(name, "es", { sensitivity: "base" }) === 0;
  return { name, tariff: description && !same ? description : null };
}

// Time units are words in the customer's language; metered units (kWh, kW, gal, CCF, therm)
// are the same abbreviations in English and Spanish.
const UNIT_WORDS: Record<string, { one: MessageKey; other: MessageKey }> = {
  day: { one: "unitDay", other: "unitDays" },
  month: { one: "unitMonth", other: "unitMonths" },
};

function unitName(unit: string, quantity: string, t: Translate): string {
  const words = UNIT_WORDS[unit];
  if (!words) return unit;
  return t(Number(quantity) === 1 ? words.one : words.other);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The decimals a decimal string has once its trailing zeros are dropped: "0.108500" -> 4. */
export function significantDecimals(value: string): number {
  const fraction = value.trim().split(".")[1] ?? "";
  return fraction.replace(/0+$/, "").length;
}

/** A price per unit, exact to the rate's own digits, trailing zeros dropped (at least cents):
 * "0.108500" -> "$0.1085", "0.0123456700" -> "$0.01234567", "7" -> "$7.00". */
export function formatRate(rate: string, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.min(20, Math.max(2, significantDecimals(rate))),
  }).format(rate as `${number}`);
}

/** A fraction as a percentage, exactly: "0.0525" -> "5.25%", "0.052512500" -> "5.25125%". */
export function formatPercent(fraction: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: Math.min(20, Math.max(0, significantDecimals(fraction) - 2)),
  }).format(fraction as `${number}`);
}

/**
 * The line's arithmetic in words, e.g. "827.4 kWh × $0.1085 per kWh = $89.77", or
 * "5.25% of $120.00 = $6.30" for a percentage (unit "$"). Null when the line carries no
 * quantity and rate to show (the amount alone is then the whole story).
 */
export function lineCalculation(line: BillLine, t: Translate, locale: string): string | null {
  if (!DECIMAL.test(line.quantity) || !DECIMAL.test(line.rate) || !line.unit) return null;
  if (Number(line.rate) === 0 && Number(line.quantity) === 0) return null;
  const amount = formatMoney(line.amount, locale);
  if (line.unit === "$") {
    return t("lineCalcPercent", {
      rate: formatPercent(line.rate, locale),
      base: formatRate(line.quantity, line.amount.currency, locale),
      amount,
    });
  }
  return t("lineCalcPerUnit", {
    // Metered units to the customer's decimals (827.4 kWh, 1,205 gal); days and months as sent.
    quantity: UNIT_WORDS[line.unit] ? formatDecimal(line.quantity, locale) : formatQuantity(line.quantity, line.unit, locale),
    unit: unitName(line.unit, line.quantity, t),
    rate: formatRate(line.rate, line.amount.currency, locale),
    perUnit: unitName(line.unit, "1", t),
    amount,
  });
}
