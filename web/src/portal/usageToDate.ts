// The billing period so far (GET .../usage/to-date), in the customer's words: which figures to
// show and which sentence says them. Pure: the answer goes in, message keys and numbers come
// out; the pages translate and format them.
import type { MessageKey } from "./i18n/en.ts";
import type { ServiceToDate, UsageBasis, UsageToDate } from "./types.ts";
import { addDays } from "./validation.ts";

/**
 * Whether the answer has charges to show: false when the period could not be rated (`problem`;
 * its charges are then zero and mean nothing), or when there is no answer at all.
 */
export function hasChargesSoFar(toDate: UsageToDate | null): toDate is UsageToDate {
  return toDate !== null && !toDate.problem;
}

/** The last local day the figures count (the day before period.end); null before the first. */
export function countedThrough(toDate: UsageToDate): string | null {
  return toDate.days_so_far > 0 ? addDays(toDate.period.end, -1) : null;
}

/**
 * What to say of a service's per-day usage against the last bill's: more or less by a whole
 * percent (always positive), or the same. Null when the API found them not comparable.
 */
export function perDayChange(service: ServiceToDate): { key: MessageKey; percent: number } | null {
  const change = service.change_percent;
  if (change === null) return null;
  if (change > 0) return { key: "toDateChangeMore", percent: change };
  if (change < 0) return { key: "toDateChangeLess", percent: -change };
  return { key: "toDateChangeSame", percent: 0 };
}

const BASIS_NOTES: Record<UsageBasis, MessageKey | null> = {
  interval: null, // measured: nothing to explain
  register: "basisRegister",
  water: "basisWater",
  unmetered: "basisUnmetered",
};

/** The plain words on how a service's usage so far was found, when it was not measured. */
export function basisNote(basis: UsageBasis): MessageKey | null {
  return BASIS_NOTES[basis] ?? null;
}

/** Whether a service's usage is worth showing as a quantity (an unmetered one has none). */
export function showsUsage(service: ServiceToDate): boolean {
  return service.basis !== "unmetered";
}

export interface HighUsageAlert {
  commodity: string;
  /** How much more per day than during the last bill, in whole percent; null if not given. */
  percent: number | null;
}

/** One alert per service using much more per day than during the last bill (the API decides). */
export function highUsageAlerts(toDate: UsageToDate | null): HighUsageAlert[] {
  if (!hasChargesSoFar(toDate) || !toDate.high_usage) return [];
  return toDate.services
    .filter((s) => s.high_usage)
    .map((s) => ({ commodity: s.commodity, percent: s.change_percent !== null && s.change_percent > 0 ? s.change_percent : null }));
}
