// A bill's days and meters in the customer's words (pure; test/billMeters.test.mjs): a number of
// days ("1 day", never "1 days"), a period with its days, the estimated-bill note (a final bill
// has no next bill to correct it), and, for a section whose meter was exchanged in the period,
// each meter's part and the total, worded as the printed bill words them
// (src/billing/document/bill_sections.cc exchange_text): the first meter starts from its previous
// read and a later one from the reading it was put in with; the last meter ends on the current
// read and an earlier one on its final read. The staff console's bill uses the same, in English.
import type { MessageKey, Translate } from "./i18n/translate.ts";
import type { Bill, BillSection, BillSectionMeter } from "./types.ts";

/** What wording a bill needs: the language's words and its date and quantity formats. */
export interface BillWords {
  t: Translate;
  /** "2026-10-01" -> "Oct 1, 2026" / "1 oct 2026". */
  date: (isoDate: string) => string;
  /** A metered quantity to its unit's decimals. */
  quantity: (value: string, unit: string) => string;
}

/** A number of days: "1 day" / "1 día", "31 days" / "31 días". */
export function dayCount(days: number, t: Translate): string {
  return days === 1 ? t("dayCountOne") : t("dayCountMany", { days });
}

/** A period with its days: "Oct 1, 2026 to Oct 31, 2026 (31 days)"; without them when not known. */
export function periodWords(start: string, end: string, days: number | undefined, w: BillWords): string {
  const ends = { start: w.date(start), end: w.date(end) };
  return days === undefined || days <= 0 ? w.t("periodShort", ends) : w.t("periodRange", { ...ends, days: dayCount(days, w.t) });
}

/**
 * Why a bill is estimated and what happens next: the next actual reading corrects it, except on
 * a final bill, which has no next bill: its last reading was estimated, and a later reading of
 * the meter corrects the bill itself.
 */
export function estimatedNoteKey(bill: Pick<Bill, "final">): MessageKey {
  return bill.final ? "billEstimatedFinalNote" : "billEstimatedNote";
}

/** A row of a meter's part: "Final read" and "1,300 (estimated)". */
export interface MeterPartRow {
  label: string;
  value: string;
}

/** One meter's part of a period in which the meter was exchanged, ready to show. */
export interface MeterPart {
  serial: string;
  /** "Meter W000123". */
  title: string;
  /**
   * Its days, first to last: "Oct 1, 2026 to Oct 14, 2026". Without a count, as on paper: the
   * exchange day is in both meters' parts (each measured part of it), so counts would not add up
   * to the period's days.
   */
  period: string;
  /** Its start and end reads (or that it is an interval meter), then its usage. */
  rows: MeterPartRow[];
}

/** Whether the section's period was billed on more than one meter (a meter exchanged in it). */
export function hasExchange(section: Pick<BillSection, "meters">): boolean {
  return (section.meters?.length ?? 0) > 0;
}

/** Each meter's part, oldest first; [] for a period billed on one meter. */
export function meterParts(section: Pick<BillSection, "meters" | "unit">, w: BillWords): MeterPart[] {
  const meters = section.meters ?? [];
  return meters.map((m, i) => ({
    serial: m.serial,
    title: w.t("meterPartTitle", { serial: m.serial }),
    period: w.t("periodShort", { start: w.date(m.from), end: w.date(m.to) }),
    rows: partRows(m, i === 0, i === meters.length - 1, section.unit, w),
  }));
}

function partRows(m: BillSectionMeter, first: boolean, last: boolean, unit: string, w: BillWords): MeterPartRow[] {
  const { t } = w;
  const estimatedRead = m.estimated ? ` (${t("estimatedRead")})` : "";
  const rows: MeterPartRow[] = [];
  const reads = m.start_read !== null && m.end_read !== null;
  if (reads) {
    rows.push({ label: t(first ? "meterPartPreviousRead" : "meterPartInstalledRead"), value: w.quantity(m.start_read ?? "", unit) });
    rows.push({ label: t(last ? "meterPartCurrentRead" : "meterPartFinalRead"), value: w.quantity(m.end_read ?? "", unit) + estimatedRead });
  } else {
    rows.push({ label: t("meterReads"), value: t("meterPartInterval") });
  }
  // As on paper: an estimate is marked on the read it was made for, or on the usage of an interval meter.
  const estimatedUsage = m.estimated && !reads ? ` (${t("estimatedShort")})` : "";
  rows.push({ label: t("meterPartUsage"), value: `${w.quantity(m.usage, unit)} ${unit}${estimatedUsage}` });
  return rows;
}

/** The section's total usage across its meters: "Total usage", "150 gal (estimated)". */
export function totalUsage(section: Pick<BillSection, "usage" | "unit" | "estimated">, w: BillWords): MeterPartRow {
  const estimated = section.estimated ? ` (${w.t("estimatedShort")})` : "";
  return { label: w.t("meterTotalUsage"), value: `${w.quantity(section.usage, section.unit)} ${section.unit}${estimated}` };
}
