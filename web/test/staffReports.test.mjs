// The Reports area: cells in words by their column's kind, exact (src/staff/reports.ts,
// figures.ts); the range checked before asking; the chart's sums, stacks, ticks and labels
// (reportChart.ts); the area's routes (reportsRoute.ts, through route.ts); and the requests
// (reportsApi.ts, with a stand-in for fetch).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import { formatBasisPoints, formatCount, formatWholeCents, wholeNumberOf } from "../.test-build/staff/figures.js";
import { cellText, checkRange, isFigure, rangeWords, reportCsvPath, reportQuery } from "../.test-build/staff/reports.js";
import { chartDataOf, extentOf, labelEvery, niceTicks, stack, tickText, wrapLabel, xText } from "../.test-build/staff/reportChart.js";
import { parseReportsRoute, reportsHash } from "../.test-build/staff/reportsRoute.js";
import { parseRoute } from "../.test-build/staff/route.js";
import { fetchReport, fetchReportCatalog } from "../.test-build/staff/reportsApi.js";

// An answer as GET /api/v1/staff/reports/cashier_drawers gives it (two rows on one day).
const drawers = {
  name: "cashier_drawers",
  title: "Cashier drawers",
  from: "2026-11-07",
  to: "2026-12-06",
  columns: [
    { key: "day", label: "Day", kind: "date" },
    { key: "cashier", label: "Cashier", kind: "text" },
    { key: "method", label: "Method", kind: "text" },
    { key: "payments", label: "Payments", kind: "count" },
    { key: "amount", label: "Amount", kind: "money" },
  ],
  rows: [
    ["2026-11-25", "Cal Cashier", "cash", 1, 5712],
    ["2026-11-25", "Cal Cashier", "check", 1, 17258],
    ["2026-11-26", "Cal Cashier", "check", 1, 10544],
  ],
  totals: [["All drawers", "", "", 3, 33514]],
  chart: { x: "day", series: ["amount"] },
};

// ---- cells ----

test("money cells are whole cents shown as dollars, exactly, however large", () => {
  assert.equal(formatWholeCents(2634335), "$26,343.35");
  assert.equal(formatWholeCents(-354), "-$3.54");
  assert.equal(formatWholeCents(0), "$0.00");
  assert.equal(formatWholeCents(900719925474099), "$9,007,199,254,740.99");
  assert.equal(cellText(33514, "money"), "$335.14");
});

test("percent cells are basis points shown to the hundredth, exactly", () => {
  assert.equal(formatBasisPoints(1234), "12.34%");
  assert.equal(formatBasisPoints(6383), "63.83%");
  assert.equal(formatBasisPoints(10000), "100.00%");
  assert.equal(formatBasisPoints(5), "0.05%");
  assert.equal(formatBasisPoints(0), "0.00%");
  assert.equal(formatBasisPoints(-250), "-2.50%");
  assert.equal(cellText(4286, "percent"), "42.86%");
});

test("counts are grouped; dates and months in words; text and blanks as sent", () => {
  assert.equal(formatCount(12345), "12,345");
  assert.equal(cellText(418, "count"), "418");
  assert.equal(cellText("2026-11-09", "date"), "Nov 9, 2026");
  assert.equal(cellText("2026-11", "date"), "November 2026");
  assert.equal(cellText("E-RES", "text"), "E-RES");
  assert.equal(cellText("", "text"), "");
  assert.equal(cellText("", "count"), "", "a totals cell left blank stays blank");
  assert.equal(isFigure("money"), true);
  assert.equal(isFigure("date"), false);
  assert.equal(wholeNumberOf(" 2500 "), 2500);
  assert.equal(wholeNumberOf("25.00"), null);
});

test("the range in words; a report as of today says so", () => {
  assert.equal(rangeWords(drawers, true), "Nov 7, 2026 to Dec 6, 2026");
  assert.equal(rangeWords({ from: "2026-12-06", to: "2026-12-06" }, false), "as of Dec 6, 2026");
  assert.equal(rangeWords({ from: "2026-12-06", to: "2026-12-06" }, true), "Dec 6, 2026");
});

test("the range form asks for two days on the calendar; which comes first is the server's to say", () => {
  assert.deepEqual(checkRange("", ""), { from: "Choose the first day.", to: "Choose the last day." });
  assert.deepEqual(checkRange("2026-02-30", "2026-03-01"), { from: "Type the first day as YYYY-MM-DD." });
  assert.deepEqual(checkRange("2026-12-01", "2026-11-01"), {});
});

// ---- the chart ----

test("the chart adds up the rows of one x, in the order the rows come", () => {
  const chart = chartDataOf(drawers);
  assert.deepEqual(chart.points, [
    { x: "2026-11-25", values: [22970] },
    { x: "2026-11-26", values: [10544] },
  ]);
  assert.deepEqual(chart.series, [{ key: "amount", label: "Amount" }]);
  assert.equal(chart.kind, "money");
  assert.equal(chart.xKind, "date");
  assert.equal(chartDataOf({ ...drawers, rows: [] }), null, "no rows: no chart");
  assert.equal(chartDataOf({ ...drawers, chart: { x: "when", series: ["amount"] } }), null, "a column the answer lacks: no chart");
});

test("a bar's series are stacked from zero, negative ones downwards", () => {
  assert.deepEqual(stack([3, 0, 2]), [{ series: 0, low: 0, high: 3 }, { series: 2, low: 3, high: 5 }]);
  assert.deepEqual(stack([4, -1, -2]), [{ series: 0, low: 0, high: 4 }, { series: 1, low: -1, high: 0 }, { series: 2, low: -3, high: -1 }]);
  assert.deepEqual(extentOf([{ x: "a", values: [3, 2] }, { x: "b", values: [4, -1] }]), [-1, 5]);
});

test("the axis's ticks are round whole numbers covering every bar", () => {
  assert.deepEqual(niceTicks(0, 2634335), [0, 1000000, 2000000, 3000000]);
  assert.deepEqual(niceTicks(0, 12), [0, 5, 10, 15]);
  assert.deepEqual(niceTicks(0, 3), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(-150, 400), [-200, 0, 200, 400]);
  assert.deepEqual(niceTicks(0, 0), [0, 1]);
  assert.equal(tickText(1250000, "money"), "$12.5K");
  assert.equal(tickText(0, "money"), "$0");
  assert.equal(tickText(2500, "percent"), "25%");
  assert.equal(tickText(250, "percent"), "2.5%");
  assert.equal(tickText(1200, "count"), "1.2K");
});

test("bar labels: dates short, every k-th when many; text wrapped onto lines that fit", () => {
  assert.equal(xText("2026-11-09", "date"), "Nov 9");
  assert.equal(xText("2026-11", "date"), "Nov 2026");
  assert.equal(xText("commercial", "text"), "commercial");
  assert.equal(labelEvery(30, 13), 3);
  assert.equal(labelEvery(5, 13), 1);
  assert.deepEqual(wrapLabel("Active accounts with a portal login", 16, 3), ["Active accounts", "with a portal", "login"]);
  assert.deepEqual(wrapLabel("Active accounts whose login was used in the last 30 days", 16, 3), ["Active accounts", "whose login was", "used in the las…"]);
  assert.deepEqual(wrapLabel("residential", 6, 2), ["resid…"]);
});

// ---- routes ----

test("#/reports lists the reports; #/reports/{name} is one, with its range when given", () => {
  assert.deepEqual(parseReportsRoute("#/reports"), { report: null });
  assert.deepEqual(parseReportsRoute("#/reports/"), { report: null });
  assert.deepEqual(parseReportsRoute("#/reports/payments"), { report: "payments", range: { from: "", to: "" } });
  assert.deepEqual(parseReportsRoute("#/reports/payments?from=2026-11-01&to=2026-11-30"), { report: "payments", range: { from: "2026-11-01", to: "2026-11-30" } });
  assert.equal(parseReportsRoute("#/reports/Pay%20ments"), null);
  assert.equal(parseReportsRoute("#/queues"), null);
  assert.deepEqual(parseRoute("#/reports/aging"), { page: "reports", screen: { report: "aging", range: { from: "", to: "" } } });
  assert.equal(reportsHash(), "#/reports");
  assert.equal(reportsHash("aging"), "#/reports/aging");
  assert.equal(reportsHash("payments", { from: "2026-11-01", to: "2026-11-30" }), "#/reports/payments?from=2026-11-01&to=2026-11-30");
});

// ---- requests ----

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
});
const json = (body, status = 200) => () =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

test("the catalog, a report over its range (or the server's default), and its CSV file's address", async () => {
  answer = json({ reports: [{ name: "aging", title: "Aging by customer class", description: "d", ranged: false }] });
  assert.equal((await fetchReportCatalog())[0].name, "aging");
  assert.equal(asked[0].path, "/api/v1/staff/reports");

  answer = json(drawers);
  assert.deepEqual(await fetchReport("cashier_drawers", "", ""), drawers);
  assert.equal(asked[1].path, "/api/v1/staff/reports/cashier_drawers");
  await fetchReport("payments", "2026-11-01", "2026-11-30");
  assert.equal(asked[2].path, "/api/v1/staff/reports/payments?from=2026-11-01&to=2026-11-30");

  assert.equal(reportQuery("", ""), "");
  assert.equal(reportCsvPath("payments", "2026-11-01", "2026-11-30"), "/api/v1/staff/reports/payments?from=2026-11-01&to=2026-11-30&format=csv");
  assert.equal(reportCsvPath("aging", "", ""), "/api/v1/staff/reports/aging?format=csv");

  answer = json({ type: "https://ratepayer.dev/problems/invalid-input", title: "Invalid input", status: 422, detail: "from 2026-12-01 is after to 2026-11-01", field: "from" }, 422);
  await assert.rejects(fetchReport("payments", "2026-12-01", "2026-11-01"), (e) => e.status === 422 && e.field === "from");
});
