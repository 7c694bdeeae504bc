// The office's reports over the API (src/api/report_handlers.h): the catalog, and one report as
// JSON (the CSV file is a link: reports.ts reportCsvPath). Relative imports end in .ts for the unit
// tests (test/staffReports.test.mjs).

import { getJson } from "./api.ts";
import { reportQuery } from "./reports.ts";
import type { ReportInfo, ReportTable } from "./reports.ts";

/** GET /api/v1/staff/reports: the reports, in the order the console lists them. */
export async function fetchReportCatalog(signal?: AbortSignal): Promise<ReportInfo[]> {
  const answer = await getJson<{ reports: ReportInfo[] }>("/api/v1/staff/reports", signal);
  return answer.reports;
}

/**
 * One report over local days [from, to] ("" for either: the server's default, the last 30 days).
 * 404 for a report not in the catalog; 422 naming from or to for a range it refuses.
 */
export function fetchReport(name: string, from: string, to: string, signal?: AbortSignal): Promise<ReportTable> {
  return getJson<ReportTable>(`/api/v1/staff/reports/${encodeURIComponent(name)}${reportQuery(from, to)}`, signal);
}
