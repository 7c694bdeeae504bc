// The rate plans' tariffs as the console shows them (pure; test/staffTariffs.test.mjs): the plans
// and their versions, a version's content in words (fixed charges, energy rates by tier, riders,
// taxes, minimums, demand), a new tariff's preview (totals, the change in percent) and the rule that
// only the very text previewed may be stored. The tariff file is the server's format
// (docs/tariffs.md); the server reads and checks it, the console only shows it.
// Relative imports end in .ts for the unit tests.

import type { Money } from "../shared/money.ts";
import { formatMoney, parseCents } from "../shared/money.ts";
import { formatDate, formatDecimal } from "../shared/format.ts";
import { formatBasisPoints } from "./figures.ts";
import type { FieldErrors } from "./forms.ts";

// ---- what the API answers ------------------------------------------------------------------------

export interface TariffVersionInfo {
  /** The first day it applies: "2026-01-01". */
  effective: string;
  label: string;
}

/** One rate plan of GET /api/v1/staff/rate-plans (and the answer to storing a tariff). */
export interface RatePlan {
  code: string;
  name: string;
  commodity: string;
  customer_class: string;
  /** The last day billed on the plan; a new tariff may not change how days up to it are rated. */
  billed_through: string | null;
  tariff: { name: string; unit: string; versions: TariffVersionInfo[] } | null;
}

/** One sampled bill of a preview: what it charged, the stored tariff and the new one on the same usage. */
export interface PreviewBill {
  account_number: string;
  bill_number: number;
  period_start: string;
  /** The last day billed. */
  period_end: string;
  /** Exact decimal text. */
  usage: string;
  unit: string;
  rated_from: "intervals" | "total" | string;
  billed: Money;
  /** Null when the bill could not be rated (`problem` says why). */
  current: Money | null;
  proposed: Money | null;
  change: Money | null;
  problem: string | null;
}

/** POST /api/v1/staff/rate-plans/{code}/tariff/preview. */
export interface TariffPreview {
  rate_plan: string;
  /** The new tariff's newest version, the one the sample is rated with. */
  version: { label: string; effective: string };
  /** Why storing this tariff would be refused; null when it would be taken. */
  refused: { field: string; detail: string } | null;
  sampled: number;
  /** Bills with both a current and a proposed figure: the totals are theirs. */
  rated: number;
  current_total: Money;
  proposed_total: Money;
  change: Money;
  /** The change as a share of the current total, 100 = 1%; null when the current total is 0. */
  change_basis_points: number | null;
  bills: PreviewBill[];
}

// ---- the tariff file (docs/tariffs.md): what the console reads of it ------------------------------

/** A decimal as the file holds it: text (as Ratepayer writes it) or a JSON number. */
export type Decimal = string | number;

export interface TariffTier {
  max?: Decimal | null;
  rate: Decimal;
  adjustment?: Decimal | null;
}

export interface TariffPeriod {
  name?: string | null;
  /** Flat demand: the months the period's tiers apply in ("Jun-Sep", or a list). */
  months?: string | string[] | null;
  tiers: TariffTier[];
}

export interface FixedCharge {
  description: string;
  amount: Decimal;
  per: "month" | "day" | string;
  meter_size?: string | null;
}

export interface Rider {
  description: string;
  values: { effective: string; per_unit: Decimal }[];
}

export interface Tax {
  description: string;
  percent?: Decimal | null;
  per_unit?: Decimal | null;
  applies_to?: string[] | null;
}

export interface TariffVersion {
  effective: string;
  label?: string | null;
  fixed_charges?: FixedCharge[] | null;
  energy?: { tier_basis?: "monthly" | "daily" | string | null; periods: TariffPeriod[]; schedule?: unknown } | null;
  tou_demand?: { periods: TariffPeriod[]; schedule?: unknown } | null;
  flat_demand?: { periods: TariffPeriod[] } | null;
  ratchet?: { percent: Decimal; months: number } | null;
  minimum_monthly_charge?: Decimal | null;
  annual_minimum_charge?: Decimal | null;
  riders?: Rider[] | null;
  taxes?: Tax[] | null;
  holidays?: string[] | null;
  [other: string]: unknown;
}

export interface TariffFile {
  format?: string;
  name: string;
  utility?: string | null;
  unit: string;
  therm_factor?: Decimal | null;
  sewer?: { cap_at_winter_average?: boolean } | null;
  versions: TariffVersion[];
}

// ---- words ---------------------------------------------------------------------------------------

/** "2026-12-03" -> "2026-12-04" (calendar days, no zone). */
export function dayAfter(day: string): string {
  return shiftDay(day, 1);
}

/** "2027-01-01" -> "2026-12-31". */
export function dayBefore(day: string): string {
  return shiftDay(day, -1);
}

function shiftDay(day: string, by: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

/** "Dec 3, 2026", or "Nothing billed yet". */
export function billedThroughWords(plan: Pick<RatePlan, "billed_through">): string {
  return plan.billed_through ? formatDate(plan.billed_through) : "Nothing billed yet";
}

/** The first day a new version may start: the day after the last one billed; null when nothing is billed. */
export function firstNewVersionDay(plan: Pick<RatePlan, "billed_through">): string | null {
  return plan.billed_through ? dayAfter(plan.billed_through) : null;
}

/** What a new tariff may change, in a sentence (docs/tariffs.md, "A rate plan's tariff, and changing it"). */
export function changeRuleWords(plan: Pick<RatePlan, "billed_through">): string {
  const first = firstNewVersionDay(plan);
  if (!plan.billed_through || !first) return "Nothing is billed on this plan yet, so a new tariff may change any version.";
  return (
    `Bills are sent through ${formatDate(plan.billed_through)}, and those days keep the rates they were billed with: keep the ` +
    `versions in force up to then as they are, and add a new version effective ${formatDate(first)} or later.`
  );
}

/** The days a version is in force: from its effective date to the day before the next one's (none: open-ended). */
export function inForce(versions: readonly TariffVersionInfo[], index: number): { from: string; to: string | null } {
  const next = versions[index + 1];
  return { from: versions[index].effective, to: next ? dayBefore(next.effective) : null };
}

/** "Jan 1, 2024 – Dec 31, 2025", or "From Jan 1, 2026". */
export function inForceWords(versions: readonly TariffVersionInfo[], index: number): string {
  const { from, to } = inForce(versions, index);
  return to ? `${formatDate(from)} – ${formatDate(to)}` : `From ${formatDate(from)}`;
}

/** Whether bills already sent rated days with this version (so it stays as it is). */
export function versionBilled(version: Pick<TariffVersionInfo, "effective">, billedThrough: string | null): boolean {
  return billedThrough !== null && version.effective <= billedThrough;
}

/** "2026 rates", or, for a version without a label, its date: "Version of Jan 1, 2026". */
export function versionName(version: { effective: string; label?: string | null }): string {
  return version.label?.trim() || `Version of ${formatDate(version.effective)}`;
}

/** The name the server gives a downloaded file (its Content-Disposition), for when it does not. */
export function tariffFilename(code: string, effective?: string | null): string {
  return effective ? `${code}-tariff-${effective}.json` : `${code}-tariff.json`;
}

// ---- a version's content ---------------------------------------------------------------------------

const dollarFormats = new Map<number, Intl.NumberFormat>();

/**
 * Dollars as the file writes them, exactly, at least to the cent: "11.5" -> "$11.50", "0.0035" ->
 * "$0.0035", "-0.0012" -> "-$0.0012". Text that is not a plain decimal is shown as written.
 */
export function dollars(value: Decimal | null | undefined): string {
  const text = String(value ?? "").trim();
  const m = /^-?\d+(?:\.(\d+))?$/.exec(text);
  if (!m) return `$${text}`;
  const digits = Math.min(9, Math.max(2, m[1]?.length ?? 0));
  let f = dollarFormats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: digits });
    dollarFormats.set(digits, f);
  }
  return f.format(text as `${number}`);
}

/** "0.112", "kWh" -> "$0.112 per kWh". */
export function rateText(rate: Decimal | null | undefined, unit: string): string {
  return `${dollars(rate)} per ${unit}`;
}

/** "1000", "kWh" -> "1,000 kWh": a quantity exactly, to 9 decimals. */
export function quantityText(value: Decimal | null | undefined, unit: string): string {
  return `${formatDecimal(String(value ?? "").trim(), "en-US", 9)} ${unit}`;
}

/** Whether a decimal is zero (or missing): an adjustment of 0 is not worth a word. */
function isZero(value: Decimal | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  return /^-?0*(\.0*)?$/.test(String(value).trim());
}

export interface TierRow {
  /** "First 1,000 kWh a month", "1,000 to 2,000 kWh a month", "Above 1,000 kWh a month", "All usage". */
  range: string;
  /** "$0.112 per kWh". */
  rate: string;
  /** "+ $0.002 per kWh adjustment", or null. */
  adjustment: string | null;
}

/**
 * A period's tiers in words. `basis`: energy tiers per billing month or per day (their bounds are
 * units a month or a day), or demand tiers (bounds and rates in kW).
 */
export function tierRows(tiers: readonly TariffTier[], unit: string, basis: "monthly" | "daily" | "demand"): TierRow[] {
  const per = basis === "monthly" ? " a month" : basis === "daily" ? " a day" : "";
  const u = basis === "demand" ? "kW" : unit;
  return tiers.map((tier, i) => {
    const lower = i > 0 ? tiers[i - 1].max : null;
    const upper = tier.max;
    let range: string;
    if (tiers.length === 1) range = basis === "demand" ? "All demand" : "All usage";
    else if (i === 0) range = `First ${quantityText(upper, u)}${per}`;
    else if (upper === null || upper === undefined) range = `Above ${quantityText(lower, u)}${per}`;
    else range = `${quantityText(lower, u)} to ${quantityText(upper, u)}${per}`;
    const adjustment = isZero(tier.adjustment) ? null : `${String(tier.adjustment).trim().startsWith("-") ? "" : "+ "}${rateText(tier.adjustment, u)} adjustment`;
    return { range, rate: rateText(tier.rate, u), adjustment };
  });
}

/** "Period 2" for a period without a name (as bill lines call it). */
export function periodName(period: TariffPeriod, index: number): string {
  return period.name?.trim() || `Period ${index + 1}`;
}

/** "Jun-Sep", ["Jan-May", "Oct-Dec"] -> "Jun-Sep", "Jan-May, Oct-Dec"; none: "All year". */
export function monthsWords(months: TariffPeriod["months"]): string {
  if (!months || (Array.isArray(months) && months.length === 0)) return "All year";
  return Array.isArray(months) ? months.join(", ") : months;
}

export interface FixedChargeRow {
  description: string;
  /** "$11.50 a month". */
  amount: string;
  /** "Meters of size 5/8" or null (every account). */
  applies: string | null;
}

export function fixedChargeRows(version: TariffVersion): FixedChargeRow[] {
  return (version.fixed_charges ?? []).map((c) => ({
    description: c.description,
    amount: `${dollars(c.amount)} ${c.per === "day" ? "a day" : "a month"}`,
    applies: c.meter_size ? `Meters of size ${c.meter_size}` : null,
  }));
}

export interface RiderRow {
  description: string;
  /** Each value from its date: "From Jan 1, 2026: $0.0035 per kWh". */
  values: string[];
}

export function riderRows(version: TariffVersion, unit: string): RiderRow[] {
  return (version.riders ?? []).map((r) => ({
    description: r.description,
    values: (r.values ?? []).map((v) => `From ${formatDate(v.effective)}: ${rateText(v.per_unit, unit)}`),
  }));
}

const LINE_KINDS: Record<string, string> = {
  energy: "energy",
  demand: "demand",
  fixed: "fixed charge",
  minimum: "minimum",
  rider: "rider",
  tax: "earlier tax",
};

/** The line kinds a percentage tax applies to when the file does not say (docs/tariffs.md). */
export const DEFAULT_TAXED_LINES = ["energy", "demand", "fixed", "minimum", "rider"] as const;

/** "A", "A and B", "A, B and C". */
function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export interface TaxRow {
  description: string;
  /** "3% of energy, fixed charge and rider lines", "$0.00032 per kWh". */
  what: string;
}

export function taxRows(version: TariffVersion, unit: string): TaxRow[] {
  return (version.taxes ?? []).map((t) => {
    if (t.percent !== null && t.percent !== undefined) {
      const kinds = (t.applies_to?.length ? t.applies_to : DEFAULT_TAXED_LINES).map((k) => LINE_KINDS[k] ?? k);
      return { description: t.description, what: `${formatDecimal(String(t.percent).trim(), "en-US", 7)}% of ${inWords(kinds)} lines` };
    }
    return { description: t.description, what: rateText(t.per_unit, unit) };
  });
}

/** The minimum charges, in words: [["Least charge a month", "$10.00"], ...]; none when the version has none. */
export function minimumRows(version: TariffVersion): [string, string][] {
  const rows: [string, string][] = [];
  if (!isZero(version.minimum_monthly_charge)) rows.push(["Least charge a month", dollars(version.minimum_monthly_charge)]);
  if (!isZero(version.annual_minimum_charge)) rows.push(["Least charge a year (trued up once a year)", dollars(version.annual_minimum_charge)]);
  return rows;
}

/** "80% of the highest peak of the previous 11 months", or null. */
export function ratchetWords(version: TariffVersion): string | null {
  const r = version.ratchet;
  if (!r) return null;
  return `Billing demand is at least ${formatDecimal(String(r.percent).trim(), "en-US", 7)}% of the highest peak of the previous ${r.months} months.`;
}

/** The parts of a version shown in words; anything else is shown as JSON (jsonParts). */
const SHOWN = new Set([
  "effective", "label", "fixed_charges", "energy", "tou_demand", "flat_demand", "ratchet",
  "minimum_monthly_charge", "annual_minimum_charge", "riders", "taxes", "holidays",
]);

/**
 * The parts of a version not put in words, each as a title and its JSON laid out to read: the
 * energy and demand schedules (which hours are in which period) and any part the console does not
 * know.
 */
export function jsonParts(version: TariffVersion): { title: string; json: string }[] {
  const parts: { title: string; json: string }[] = [];
  const pretty = (v: unknown) => JSON.stringify(v, null, 2);
  if (version.energy?.schedule) parts.push({ title: "Energy schedule: the hours of each period", json: pretty(version.energy.schedule) });
  if (version.tou_demand?.schedule) parts.push({ title: "Demand schedule: the hours of each demand period", json: pretty(version.tou_demand.schedule) });
  for (const [key, value] of Object.entries(version)) {
    if (!SHOWN.has(key) && value !== null && value !== undefined) parts.push({ title: key, json: pretty(value) });
  }
  return parts;
}

/** The version of a file effective on `effective`, if it has one. */
export function versionOf(file: TariffFile, effective: string): TariffVersion | null {
  return file.versions?.find((v) => v.effective === effective) ?? null;
}

// ---- a new tariff: preview, then store ------------------------------------------------------------

/** Before sending: a file chosen or text pasted (whether it reads is the server's to say, at this field). */
export function checkTariffText(text: string): FieldErrors {
  return text.trim() ? {} : { tariff: "Choose a tariff file or paste its JSON first." };
}

/**
 * Only the very text previewed may be stored: the preview is what the user saw it do. `previewed`
 * is the text of the last preview (null: none yet).
 */
export function mayStore(previewed: string | null, text: string): boolean {
  return previewed !== null && previewed === text && text.trim() !== "";
}

/** Why storing waits, said beside the button; null when it may be stored. */
export function storeWaitsFor(previewed: string | null, text: string): string | null {
  if (mayStore(previewed, text)) return null;
  if (previewed === null || !text.trim()) return "Preview the tariff first: storing is open once its effect on the sample is shown.";
  return "The tariff changed since its preview: preview it again before storing it.";
}

/** An amount with its sign: "+$0.74", "-$0.74", "$0.00"; null (not rated) "—". */
export function signedMoney(money: Money | null): string {
  if (!money) return "—";
  let cents: bigint;
  try {
    cents = parseCents(money.amount);
  } catch {
    return formatMoney(money);
  }
  return cents > 0n ? `+${formatMoney(money)}` : formatMoney(money);
}

/** The change in percent from basis points: 63 -> "+0.63%", -128 -> "-1.28%", 0 -> "0.00%"; null -> "—". */
export function changePercent(basisPoints: number | null): string {
  if (basisPoints === null || basisPoints === undefined) return "—";
  return basisPoints > 0 ? `+${formatBasisPoints(basisPoints)}` : formatBasisPoints(basisPoints);
}

/** The preview's totals as the table's footer shows them. */
export function previewTotals(p: TariffPreview): { current: string; proposed: string; change: string; percent: string } {
  return {
    current: formatMoney(p.current_total),
    proposed: formatMoney(p.proposed_total),
    change: signedMoney(p.change),
    percent: changePercent(p.change_basis_points),
  };
}

/** What the sample is, in a sentence. */
export function previewSummary(p: TariffPreview): string {
  const version = `${versionName(p.version)} (effective ${formatDate(p.version.effective)})`;
  if (p.sampled === 0) return `The plan has no sent bills to rate again, so there is nothing to compare ${version} with.`;
  const bills = `${p.sampled} of the plan's latest bill${p.sampled === 1 ? "" : "s"}, one per service`;
  const unrated = p.sampled - p.rated;
  const rest = unrated > 0 ? ` ${unrated} could not be rated; the table says why, and the totals leave ${unrated === 1 ? "it" : "them"} out.` : "";
  return `${bills}, rated again with ${version} for each bill's whole period, beside the stored tariff on the same usage.${rest}`;
}

/** "432.182 kWh". */
export function usageText(usage: string, unit: string): string {
  return `${formatDecimal(usage, "en-US", 3)} ${unit}`;
}

/** "Nov 5, 2026 – Dec 3, 2026". */
export function periodWords(start: string, end: string): string {
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** How a bill's usage was rated again: "from intervals" or "from the billed total". */
export function ratedFromWords(ratedFrom: string): string {
  return ratedFrom === "intervals" ? "from the meter's intervals" : "from the billed total";
}

/** What storing did: "Stored. Residential Service (Schedule 4) has 3 versions now; the newest, 2027 rates, from Jan 1, 2027." */
export function storedWords(plan: RatePlan): string {
  const t = plan.tariff;
  if (!t || t.versions.length === 0) return "Stored.";
  const newest = t.versions[t.versions.length - 1];
  return (
    `Stored. ${t.name} has ${t.versions.length} version${t.versions.length === 1 ? "" : "s"} now; ` +
    `the newest, ${versionName(newest)}, is in force from ${formatDate(newest.effective)}.`
  );
}
