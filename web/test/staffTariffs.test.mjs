// The tariff screens (src/staff/tariffs.ts, tariffsRoute.ts): their routes, a plan's versions and a
// version's content in words, a preview's totals and change in percent, and the rule that only the
// very text previewed may be stored; and the requests they send (src/staff/tariffsApi.ts, with a
// stand-in for fetch): the new tariff sent exactly as written.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import {
  changePercent,
  changeRuleWords,
  checkTariffText,
  dayAfter,
  dayBefore,
  dollars,
  firstNewVersionDay,
  fixedChargeRows,
  inForceWords,
  jsonParts,
  mayStore,
  minimumRows,
  previewSummary,
  previewTotals,
  ratchetWords,
  rateText,
  riderRows,
  signedMoney,
  storeWaitsFor,
  storedWords,
  tariffFilename,
  taxRows,
  tierRows,
  usageText,
  versionBilled,
  versionName,
  versionOf,
} from "../.test-build/staff/tariffs.js";
import { TARIFFS_CHANGE_PERMISSION, TARIFFS_HASH, TARIFFS_PERMISSION, parseTariffsRoute, tariffsHash } from "../.test-build/staff/tariffsRoute.js";
import { parseRoute } from "../.test-build/staff/route.js";
import { downloadTariff, fetchRatePlans, fetchTariff, previewTariff, storeTariff, tariffFileUrl } from "../.test-build/staff/tariffsApi.js";
import { setCsrfToken } from "../.test-build/staff/api.js";

const usd = (amount) => ({ amount, currency: "USD" });

// ---- routes ----

test("#/settings/tariffs is the rate plans, #/settings/tariffs/{code} one of them", () => {
  assert.equal(TARIFFS_HASH, "#/settings/tariffs");
  assert.deepEqual(parseTariffsRoute("#/settings/tariffs"), { code: null });
  assert.deepEqual(parseTariffsRoute("#/settings/tariffs/"), { code: null });
  assert.deepEqual(parseTariffsRoute("#/settings/tariffs/E-RES"), { code: "E-RES" });
  assert.deepEqual(parseTariffsRoute("#/settings/tariffs/W%20RES/"), { code: "W RES" });
  assert.equal(parseTariffsRoute("#/settings/tariffs/%E2%82"), null, "a malformed escape");
  assert.equal(parseTariffsRoute("#/settings"), null);
  assert.equal(parseTariffsRoute("#/settings/tariffsx"), null);
  assert.equal(tariffsHash(), "#/settings/tariffs");
  assert.equal(tariffsHash("W RES"), "#/settings/tariffs/W%20RES");
  assert.deepEqual(parseRoute("#/settings/tariffs/E-RES"), { page: "tariffs", code: "E-RES" });
  assert.deepEqual(parseRoute("#/settings/tariffs"), { page: "tariffs", code: null });
  assert.deepEqual(parseRoute("#/settings"), { page: "settings" }, "the settings page is as it was");
  assert.equal(TARIFFS_PERMISSION, "billing.read");
  assert.equal(TARIFFS_CHANGE_PERMISSION, "tariffs.change");
});

// ---- a plan and its versions ----

const plan = {
  code: "E-RES",
  name: "Residential electric",
  commodity: "electric",
  customer_class: "residential",
  billed_through: "2026-12-03",
  tariff: {
    name: "Residential Service (Schedule 4)",
    unit: "kWh",
    versions: [
      { effective: "2024-01-01", label: "2024-25 rates" },
      { effective: "2026-01-01", label: "2026 rates" },
      { effective: "2027-01-01", label: "" },
    ],
  },
};

test("days either side of a date, across months, years and February", () => {
  assert.equal(dayAfter("2026-12-03"), "2026-12-04");
  assert.equal(dayAfter("2026-12-31"), "2027-01-01");
  assert.equal(dayBefore("2027-01-01"), "2026-12-31");
  assert.equal(dayBefore("2028-03-01"), "2028-02-29");
  assert.equal(dayAfter("not a day"), "not a day");
});

test("a plan's versions: the days each is in force, whether bills used it", () => {
  const v = plan.tariff.versions;
  assert.equal(inForceWords(v, 0), "Jan 1, 2024 – Dec 31, 2025");
  assert.equal(inForceWords(v, 1), "Jan 1, 2026 – Dec 31, 2026");
  assert.equal(inForceWords(v, 2), "From Jan 1, 2027");
  assert.deepEqual(v.map((x) => versionBilled(x, plan.billed_through)), [true, true, false]);
  assert.deepEqual(v.map((x) => versionBilled(x, null)), [false, false, false]);
  assert.equal(versionName(v[1]), "2026 rates");
  assert.equal(versionName(v[2]), "Version of Jan 1, 2027", "a version without a label is named by its date");
});

test("what a new tariff may change: versions after the last day billed", () => {
  assert.equal(firstNewVersionDay(plan), "2026-12-04");
  assert.equal(firstNewVersionDay({ billed_through: null }), null);
  assert.match(changeRuleWords(plan), /through Dec 3, 2026.*effective Dec 4, 2026 or later/);
  assert.match(changeRuleWords({ billed_through: null }), /Nothing is billed/);
});

test("a downloaded file's name when the server does not give one", () => {
  assert.equal(tariffFilename("E-RES"), "E-RES-tariff.json");
  assert.equal(tariffFilename("E-RES", "2026-01-01"), "E-RES-tariff-2026-01-01.json");
});

// ---- a version's content ----

test("dollars exactly as written, at least to the cent; rates per unit", () => {
  assert.equal(dollars("11.5"), "$11.50");
  assert.equal(dollars("11"), "$11.00");
  assert.equal(dollars("0.0035"), "$0.0035");
  assert.equal(dollars("-0.0012"), "-$0.0012");
  assert.equal(dollars("1234.123456789"), "$1,234.123456789");
  assert.equal(dollars(12.5), "$12.50", "a JSON number");
  assert.equal(dollars("1.5e-3"), "$1.5e-3", "anything else as written");
  assert.equal(rateText("0.112", "kWh"), "$0.112 per kWh");
});

test("tiers in words: first, between, above; a single tier is all usage; daily bounds and demand in kW", () => {
  const tiers = [{ max: "1000", rate: "0.112" }, { max: "2000", rate: "0.135", adjustment: "0.002" }, { rate: "0.15", adjustment: "-0.001" }];
  assert.deepEqual(tierRows(tiers, "kWh", "monthly"), [
    { range: "First 1,000 kWh a month", rate: "$0.112 per kWh", adjustment: null },
    { range: "1,000 kWh to 2,000 kWh a month", rate: "$0.135 per kWh", adjustment: "+ $0.002 per kWh adjustment" },
    { range: "Above 2,000 kWh a month", rate: "$0.15 per kWh", adjustment: "-$0.001 per kWh adjustment" },
  ]);
  assert.deepEqual(tierRows([{ rate: "0.245", adjustment: "0" }], "kWh", "monthly"), [{ range: "All usage", rate: "$0.245 per kWh", adjustment: null }]);
  assert.equal(tierRows([{ max: "12.5", rate: "0.1" }, { rate: "0.2" }], "kWh", "daily")[0].range, "First 12.5 kWh a day");
  assert.deepEqual(tierRows([{ max: "50", rate: "9.50" }, { rate: "8.50" }], "kWh", "demand").map((r) => [r.range, r.rate]), [
    ["First 50 kW", "$9.50 per kW"],
    ["Above 50 kW", "$8.50 per kW"],
  ]);
});

const version = {
  effective: "2026-01-01",
  label: "2026 rates",
  fixed_charges: [
    { description: "Basic charge", amount: "11.5", per: "month" },
    { description: "Service charge, 5/8\" meter", amount: "0.61", per: "day", meter_size: "5/8" },
  ],
  energy: {
    periods: [{ name: "On-peak", tiers: [{ rate: "0.245" }] }, { name: "Off-peak", tiers: [{ rate: "0.095" }] }],
    schedule: { seasons: [{ months: "Jan-Dec", all_days: { default: "Off-peak" } }] },
  },
  flat_demand: { periods: [{ name: "Summer", months: "Jun-Sep", tiers: [{ rate: "9.50" }] }] },
  ratchet: { percent: "80", months: 11 },
  minimum_monthly_charge: "10",
  riders: [{ description: "Power cost adjustment", values: [{ effective: "2026-01-01", per_unit: "0.0035" }, { effective: "2026-07-01", per_unit: "-0.0012" }] }],
  taxes: [
    { description: "Public purpose charge", percent: "3", applies_to: ["energy", "fixed", "rider"] },
    { description: "Franchise fee", percent: "5.25" },
    { description: "State energy excise tax", per_unit: "0.00032" },
  ],
  future_part: { x: 1 },
};

test("a version's fixed charges, riders, taxes, minimums and ratchet in words", () => {
  assert.deepEqual(fixedChargeRows(version), [
    { description: "Basic charge", amount: "$11.50 a month", applies: null },
    { description: "Service charge, 5/8\" meter", amount: "$0.61 a day", applies: "Meters of size 5/8" },
  ]);
  assert.deepEqual(riderRows(version, "kWh"), [
    { description: "Power cost adjustment", values: ["From Jan 1, 2026: $0.0035 per kWh", "From Jul 1, 2026: -$0.0012 per kWh"] },
  ]);
  assert.deepEqual(taxRows(version, "kWh"), [
    { description: "Public purpose charge", what: "3% of energy, fixed charge and rider lines" },
    { description: "Franchise fee", what: "5.25% of energy, demand, fixed charge, minimum and rider lines" },
    { description: "State energy excise tax", what: "$0.00032 per kWh" },
  ]);
  assert.deepEqual(minimumRows(version), [["Least charge a month", "$10.00"]]);
  assert.deepEqual(minimumRows({ effective: "2026-01-01", minimum_monthly_charge: "0" }), []);
  assert.equal(ratchetWords(version), "Billing demand is at least 80% of the highest peak of the previous 11 months.");
  assert.equal(ratchetWords({ effective: "2026-01-01" }), null);
  assert.deepEqual(fixedChargeRows({ effective: "2026-01-01" }), [], "a version without them");
});

test("what is not put in words is shown as JSON: the schedules and any part the console does not know", () => {
  assert.deepEqual(jsonParts(version).map((p) => p.title), ["Energy schedule: the hours of each period", "future_part"]);
  assert.deepEqual(JSON.parse(jsonParts(version)[0].json), version.energy.schedule);
  const file = { name: "T", unit: "kWh", versions: [version, { effective: "2027-01-01" }] };
  assert.equal(versionOf(file, "2027-01-01").effective, "2027-01-01");
  assert.equal(versionOf(file, "2025-01-01"), null);
});

// ---- preview, then store ----

test("only the very text previewed may be stored", () => {
  const text = '{"name": "T"}';
  assert.equal(mayStore(null, text), false, "nothing previewed yet");
  assert.equal(mayStore(text, text), true);
  assert.equal(mayStore(text, `${text} `), false, "one character more is another tariff");
  assert.equal(mayStore(text, '{"name": "U"}'), false);
  assert.equal(mayStore("", ""), false, "nothing to store");
  assert.match(storeWaitsFor(null, text), /Preview the tariff first/);
  assert.match(storeWaitsFor(text, '{"name": "U"}'), /changed since its preview/);
  assert.equal(storeWaitsFor(text, text), null);
  assert.match(checkTariffText("  \n").tariff, /Choose a tariff file or paste/);
  assert.deepEqual(checkTariffText("{}"), {}, "whether it reads is the server's to say");
});

const preview = {
  rate_plan: "E-RES",
  version: { label: "2027 rates", effective: "2027-01-01" },
  refused: null,
  sampled: 3,
  rated: 2,
  current_total: usd("2964.34"),
  proposed_total: usd("2982.87"),
  change: usd("18.53"),
  change_basis_points: 63,
  bills: [],
};

test("the totals with their sign, and the change in percent from basis points", () => {
  assert.deepEqual(previewTotals(preview), { current: "$2,964.34", proposed: "$2,982.87", change: "+$18.53", percent: "+0.63%" });
  assert.equal(changePercent(-128), "-1.28%");
  assert.equal(changePercent(0), "0.00%");
  assert.equal(changePercent(12345), "+123.45%");
  assert.equal(changePercent(null), "—", "no current total to compare with");
  assert.equal(signedMoney(usd("-0.74")), "-$0.74");
  assert.equal(signedMoney(usd("0.00")), "$0.00");
  assert.equal(signedMoney(null), "—");
  assert.equal(usageText("432.182", "kWh"), "432.182 kWh");
  assert.equal(usageText("12000.000", "gal"), "12,000 gal");
});

test("what the sample is, in a sentence; bills not rated are counted out of the totals", () => {
  assert.match(previewSummary(preview), /^3 of the plan's latest bills, one per service, rated again with 2027 rates \(effective Jan 1, 2027\)/);
  assert.match(previewSummary(preview), /1 could not be rated; the table says why, and the totals leave it out\.$/);
  assert.doesNotMatch(previewSummary({ ...preview, rated: 3 }), /could not be rated/);
  assert.match(previewSummary({ ...preview, sampled: 0, rated: 0 }), /no sent bills/);
});

test("what storing did, in words", () => {
  assert.equal(
    storedWords(plan),
    "Stored. Residential Service (Schedule 4) has 3 versions now; the newest, Version of Jan 1, 2027, is in force from Jan 1, 2027.",
  );
});

// ---- the requests ----

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  answer = () => new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
  setCsrfToken("csrf-ana");
});

test("the plans and a tariff are read; a file is asked for whole or by version, under the server's name", async () => {
  answer = () => new Response(JSON.stringify({ rate_plans: [plan] }), { status: 200, headers: { "Content-Type": "application/json" } });
  assert.deepEqual(await fetchRatePlans(), [plan]);
  answer = () => new Response(JSON.stringify({ name: "T", unit: "kWh", versions: [] }), { status: 200, headers: { "Content-Type": "application/json" } });
  assert.equal((await fetchTariff("E RES")).name, "T");
  answer = () =>
    new Response('{"versions": []}', {
      status: 200,
      headers: { "Content-Type": "application/json", "Content-Disposition": 'attachment; filename="E-RES-tariff-2026-01-01.json"' },
    });
  const file = await downloadTariff("E-RES", "2026-01-01");
  assert.equal(file.filename, "E-RES-tariff-2026-01-01.json");
  answer = () => new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
  assert.equal((await downloadTariff("E-RES")).filename, "E-RES-tariff.json", "without a Content-Disposition, the same name");
  assert.deepEqual(asked.map((a) => `${a.method} ${a.path}`), [
    "GET /api/v1/staff/rate-plans",
    "GET /api/v1/staff/rate-plans/E%20RES/tariff",
    "GET /api/v1/staff/rate-plans/E-RES/tariff?effective=2026-01-01",
    "GET /api/v1/staff/rate-plans/E-RES/tariff",
  ]);
  assert.match(asked[2].headers.Accept, /^application\/json/);
  assert.equal(asked[2].headers["X-CSRF-Token"], undefined, "a read sends no token");
  assert.equal(tariffFileUrl("E-RES", "2026-01-01"), "/api/v1/staff/rate-plans/E-RES/tariff?effective=2026-01-01");
});

test("a new tariff is previewed and stored as the very text written, with the CSRF token", async () => {
  // Decimals written as numbers with digits a double would lose, and the file's own layout: sent as they are.
  const text = '{\n  "name": "T",\n  "unit": "kWh",\n  "versions": [{"effective": "2027-01-01", "energy": {"periods": [{"tiers": [{"rate": 0.10000000000000000001}]}]}}]\n}\n';
  answer = () => new Response(JSON.stringify(preview), { status: 200, headers: { "Content-Type": "application/json" } });
  assert.deepEqual(await previewTariff("E-RES", text), preview);
  answer = () => new Response(JSON.stringify(plan), { status: 200, headers: { "Content-Type": "application/json" } });
  assert.deepEqual(await storeTariff("E-RES", text), plan);
  assert.deepEqual(asked.map((a) => `${a.method} ${a.path}`), [
    "POST /api/v1/staff/rate-plans/E-RES/tariff/preview?sample=25",
    "PUT /api/v1/staff/rate-plans/E-RES/tariff",
  ]);
  for (const a of asked) {
    assert.equal(a.body, text, "exactly the text");
    assert.equal(a.headers["Content-Type"], "application/json");
    assert.equal(a.headers["X-CSRF-Token"], "csrf-ana");
  }
  await previewTariff("E-RES", text, 5);
  assert.equal(asked[2].path, "/api/v1/staff/rate-plans/E-RES/tariff/preview?sample=5");
});

test("a change reaching back into billed days is a 409 naming the tariff", async () => {
  answer = () =>
    new Response(
      JSON.stringify({ type: "https://ratepayer.dev/problems/conflict", title: "Conflict", status: 409, detail: "rate plan E-RES is billed through 2026-12-03", field: "tariff" }),
      { status: 409, headers: { "Content-Type": "application/problem+json" } },
    );
  await assert.rejects(storeTariff("E-RES", "{}"), (e) => e.status === 409 && e.field === "tariff" && /billed through/.test(e.detail));
});
