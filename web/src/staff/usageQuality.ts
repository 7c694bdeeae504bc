// How the usage on the account page was read, counted for the section's quality line (pure;
// test/staffAccount.test.mjs). The states are the portal's (../portal/usage.ts pointState), so
// the period going on now is "in progress", never "missing".
import { partlyCovered, pointState } from "../portal/usage.ts";
import type { UsageNow, UsageView } from "../portal/usage.ts";
import type { UsageSeries } from "../portal/types.ts";

export type QualityKind = "actual" | "estimated" | "edited" | "partial" | "missing" | "part-month" | "in-progress";

export interface QualityCount {
  kind: QualityKind;
  label: string;
  count: number;
}

const LABELS: Record<QualityKind, string> = {
  actual: "actual",
  estimated: "estimated",
  edited: "corrected",
  partial: "some readings missing",
  missing: "missing",
  "part-month": "part of a month",
  "in-progress": "in progress",
};

const ORDER: QualityKind[] = ["actual", "estimated", "edited", "partial", "missing", "part-month", "in-progress"];

/**
 * The points of a series by how they were read, in a fixed order, leaving out kinds with none.
 * A past point fully read counts by its quality (actual, estimated, edited); one read in part is
 * "partial", one not read "missing"; the period going on now is "in progress"; later ones are
 * not counted. A register meter's month its reads cover in part also counts as "part-month".
 */
export function qualityCounts(series: UsageSeries, view: UsageView, now: UsageNow): QualityCount[] {
  const counts = new Map<QualityKind, number>();
  const add = (kind: QualityKind) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  for (const p of series.points) {
    const state = pointState(p, view, series.interval_minutes ?? 0, now);
    if (state === "not-yet") continue;
    if (state === "so-far" || state === "in-progress") add("in-progress");
    else if (state === "partial" || state === "missing") add(state);
    else add(p.quality === "estimated" || p.quality === "edited" ? p.quality : "actual");
    if (partlyCovered(p)) add("part-month");
  }
  return ORDER.filter((k) => counts.has(k)).map((kind) => ({ kind, label: LABELS[kind], count: counts.get(kind)! }));
}

const NOUNS: Partial<Record<UsageView, [string, string]>> = {
  day: ["day", "days"],
  month: ["month", "months"],
  read_period: ["read period", "read periods"],
  hour: ["hour", "hours"],
  interval: ["interval", "intervals"],
};

/** "13 months: 9 actual, 2 estimated, 1 missing, 1 in progress." */
export function qualitySentence(series: UsageSeries, view: UsageView, now: UsageNow): string {
  const counts = qualityCounts(series, view, now);
  const [one, many] = NOUNS[view] ?? ["point", "points"];
  const n = series.points.length;
  const head = `${n} ${n === 1 ? one : many}`;
  return counts.length === 0 ? `${head}.` : `${head}: ${counts.map((c) => `${c.count} ${c.label}`).join(", ")}.`;
}
