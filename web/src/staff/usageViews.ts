// The usage views of the account page (pure; test/staffAccount.test.mjs): by month (24 months,
// the default: what bills are compared by), by read period (a register meter's, 24 months) and
// by day (30 days); only those the account's meters have are offered.
import type { UsageResolution } from "../portal/types.ts";

export type StaffUsageView = Extract<UsageResolution, "month" | "read_period" | "day">;

export const USAGE_VIEWS: readonly { view: StaffUsageView; label: string }[] = [
  { view: "month", label: "By month (24 months)" },
  { view: "read_period", label: "By meter read (24 months)" },
  { view: "day", label: "By day (30 days)" },
];

export const FIRST_USAGE_VIEW: StaffUsageView = "month";

/**
 * The views to offer: those among USAGE_VIEWS that the last usage answer's `resolutions` lists
 * (read periods only with a register meter, days only with an interval meter); before any
 * answer, or from one that does not list them, every view but read periods.
 */
export function offeredUsageViews(resolutions: readonly string[] | null | undefined): StaffUsageView[] {
  const all = USAGE_VIEWS.map((v) => v.view);
  if (!Array.isArray(resolutions)) return all.filter((v) => v !== "read_period");
  return all.filter((v) => resolutions.includes(v));
}
