// The Reports area's hash routes (pure; test/staffReports.test.mjs), under #/reports:
//
//   #/reports                      the reports, each with what it shows
//   #/reports/{name}?from=&to=     one report over local days from..to (either left out: the
//                                  server's default, the last 30 days)

/** Seeing the reports (what their routes declare, src/api/routes.cc). */
export const REPORTS_PERMISSION = "billing.read";

export interface ReportRange {
  from: string;
  to: string;
}

export type ReportsScreen = { report: null } | { report: string; range: ReportRange };

const NAME = /^[a-z0-9_]{1,64}$/;

/** The screen of a hash under #/reports; null for a hash outside the area (or a name no report could have). */
export function parseReportsRoute(hash: string): ReportsScreen | null {
  const m = /^#\/reports(?:\/([^?/]*))?\/?(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const name = m[1] ?? "";
  if (name === "") return { report: null };
  if (!NAME.test(name)) return null;
  const params = new URLSearchParams(m[2] ?? "");
  return { report: name, range: { from: (params.get("from") ?? "").trim(), to: (params.get("to") ?? "").trim() } };
}

/** "#/reports", or a report's page with the range that is given: "#/reports/payments?from=…&to=…". */
export function reportsHash(name?: string, range: ReportRange = { from: "", to: "" }): string {
  if (!name) return "#/reports";
  const q = new URLSearchParams();
  if (range.from) q.set("from", range.from);
  if (range.to) q.set("to", range.to);
  const query = q.toString();
  return query ? `#/reports/${name}?${query}` : `#/reports/${name}`;
}
