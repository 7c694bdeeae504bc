// Bill lines in plain words. Each line of a bill has a kind (energy, demand, fixed, minimum,
// rider, tax); the customer sees what that kind of charge is for, and the arithmetic of the
// line (quantity x rate = amount), written out in their language from the line's own numbers.
import { formatMoney } from "../shared/money.ts";
import { formatDecimal } from "../shared/format.ts";
import type { MessageKey, Translate } from "./i18n/translate.ts";
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

/** A price per unit, exact to the rate's own digits: "0.108500" -> "$0.1085". */
export function formatRate(rate: string, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  }).format(rate as `${number}`);
}

/** A fraction as a percentage, exactly: "0.0525" -> "5.25%". */
export function formatPercent(fraction: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 }).format(
    fraction as `${number}`,
  );
}

/**
 * The line's arithmetic in words, e.g. "827.371 kWh × $0.1085 per kWh = $89.77", or
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
    quantity: formatDecimal(line.quantity, locale),
    unit: unitName(line.unit, line.quantity, t),
    rate: formatRate(line.rate, line.amount.currency, locale),
    perUnit: unitName(line.unit, "1", t),
    amount,
  });
}
