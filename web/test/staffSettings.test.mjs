// The Settings area (src/staff/settings.ts): the sections the settings are shown in (nothing
// hidden), their names and values in words (cents as dollars, basis points as percent), the
// holidays' edits, the bill schedule's months, the changes' words; its route (route.ts); and the
// requests it sends (src/staff/settingsApi.ts, with a stand-in for fetch).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import {
  OTHER_SECTION,
  SETTING_SECTIONS,
  changeValueText,
  checkHoliday,
  holidayChanges,
  holidaysOf,
  holidaysValue,
  isCalendarDay,
  meaningSentence,
  sectionsOf,
  settingHint,
  settingLabel,
  settingSlug,
  settingUnit,
  shiftMonth,
  valueInWords,
  weekendName,
} from "../.test-build/staff/settings.js";
import { changeSetting, fetchBillSchedule, fetchSettingChanges, fetchSettings } from "../.test-build/staff/settingsApi.js";
import { SETTINGS_HASH, parseRoute } from "../.test-build/staff/route.js";
import { ApiError, setCsrfToken } from "../.test-build/staff/api.js";

/** The keys GET /api/v1/staff/settings answers with, in the rules' order (src/store/setting_rules.cc). */
const SERVER_KEYS = [
  "name", "time_zone", "utility_address", "utility_phone", "utility_website", "utility_email", "utility_hours",
  "bill_due_days", "bill_holidays", "daily_jobs_hour", "late_fee_grace_days", "late_fee_percent_bp",
  "late_fee_flat_cents", "late_fee_maximum_cents", "late_fee_minimum_past_due_cents", "late_fees_after_final_bill",
  "adjustment_approval_cents", "returned_payment_fee_cents", "arrangement_down_payment_bp",
  "arrangement_fewest_installments", "arrangement_most_installments", "arrangement_smallest_past_due_cents",
  "ach_odfi_routing", "ach_odfi_name", "ach_company_name", "ach_company_id", "ach_entry_description",
  "vee_rules.electric", "vee_rules.water",
];
const setting = (key, extra = {}) => ({ key, kind: "text", meaning: "m", value: null, when_unset: "", ...extra });

// ---- sections ----

test("every setting is in the section the office looks for it in, in the office's order", () => {
  const grouped = sectionsOf(SERVER_KEYS.map((k) => setting(k)));
  assert.deepEqual(
    grouped.map(({ section, settings }) => [section.title, settings.map((s) => s.key)]),
    [
      ["Utility and contact details", ["name", "utility_address", "utility_phone", "utility_website", "utility_email", "utility_hours", "time_zone"]],
      ["Bills and due dates", ["bill_due_days", "bill_holidays", "daily_jobs_hour"]],
      ["Late fees", ["late_fee_grace_days", "late_fee_percent_bp", "late_fee_flat_cents", "late_fee_maximum_cents", "late_fee_minimum_past_due_cents", "late_fees_after_final_bill"]],
      ["Approvals", ["adjustment_approval_cents", "returned_payment_fee_cents"]],
      ["Payment arrangements", ["arrangement_down_payment_bp", "arrangement_fewest_installments", "arrangement_most_installments", "arrangement_smallest_past_due_cents"]],
      ["Bank (ACH)", ["ach_odfi_routing", "ach_odfi_name", "ach_company_name", "ach_company_id", "ach_entry_description"]],
      ["Meter data validation", ["vee_rules.electric", "vee_rules.water"]],
    ],
  );
  assert.equal(SETTING_SECTIONS.length, 7);
});

test("a setting no section names is shown under Other, and an empty section is left out", () => {
  const grouped = sectionsOf([setting("bill_due_days"), setting("paperless_default"), setting("vee_rules.")]);
  assert.deepEqual(grouped.map((g) => g.section.id), ["bills", "vee", "other"]);
  assert.equal(grouped[2].section, OTHER_SECTION);
  assert.deepEqual(grouped[2].settings.map((s) => s.key), ["paperless_default"]);
  assert.deepEqual(sectionsOf([]), []);
});

// ---- words ----

test("each setting is named in words; a family's member by its commodity; one not known, from its key", () => {
  assert.equal(settingLabel("bill_due_days"), "Days to pay a bill");
  assert.equal(settingLabel("bill_holidays"), "Holidays");
  assert.equal(settingLabel("vee_rules.electric"), "Rules for electric");
  assert.equal(settingLabel("vee_rules."), "Rules for a commodity");
  assert.equal(settingLabel("paperless_default"), "Paperless default");
  for (const key of SERVER_KEYS) assert.notEqual(settingLabel(key), key, `${key} has words`);
  assert.equal(settingSlug("vee_rules.electric"), "vee-rules-electric");
  assert.equal(settingSlug("bill_due_days"), "bill-due-days");
  assert.equal(meaningSentence("days from a bill's date to its due date"), "Days from a bill's date to its due date.");
  assert.equal(meaningSentence("rules (docs/vee.md)"), "Rules (docs/vee.md).");
  assert.equal(meaningSentence("stops them there."), "Stops them there.");
});

test("cents are read as dollars and basis points as percent, beside the whole number the rule takes", () => {
  assert.equal(settingUnit("late_fee_flat_cents"), "cents");
  assert.equal(settingUnit("late_fee_percent_bp"), "basis points");
  assert.equal(settingUnit("bill_due_days"), null);
  assert.equal(valueInWords("late_fee_flat_cents", "500"), "$5.00");
  assert.equal(valueInWords("adjustment_approval_cents", "1000000000"), "$10,000,000.00");
  assert.equal(valueInWords("late_fee_percent_bp", "150"), "1.50%");
  assert.equal(valueInWords("arrangement_down_payment_bp", "2500"), "25.00%");
  assert.equal(valueInWords("late_fee_percent_bp", "10000"), "100.00%");
  assert.equal(valueInWords("late_fee_flat_cents", "5.5"), null, "not a whole number: nothing said");
  assert.equal(valueInWords("late_fee_flat_cents", ""), null);
  assert.equal(valueInWords("bill_due_days", "21"), null);
});

test("each kind's hint says what the server will take", () => {
  assert.equal(settingHint(setting("bill_due_days", { kind: "whole_number", minimum: 1, maximum: 90 })), "A whole number from 1 to 90.");
  assert.equal(settingHint(setting("late_fee_flat_cents", { kind: "whole_number", minimum: 0, maximum: 10000000 })), "A whole number from 0 to 10000000, in cents.");
  assert.equal(settingHint(setting("ach_odfi_routing", { kind: "digits", maximum: 9 })), "9 digits.");
  assert.equal(settingHint(setting("name", { maximum: 200 })), "Up to 200 characters.");
  assert.match(settingHint(setting("time_zone", { kind: "time_zone" })), /cannot change once bills exist/);
});

// ---- holidays ----

test("holidays are read from the setting in order, each once, and kept as the setting keeps them", () => {
  assert.deepEqual(holidaysOf("2027-01-01, 2026-12-25,,2026-12-25 "), ["2026-12-25", "2027-01-01"]);
  assert.deepEqual(holidaysOf(null), []);
  assert.deepEqual(holidaysOf(""), []);
  assert.equal(holidaysValue(["2027-01-01", "2026-12-25", "2027-01-01"]), "2026-12-25,2027-01-01");
  assert.equal(holidaysValue([]), "");
});

test("a holiday to add must be a day on the calendar not on the list already", () => {
  const days = ["2026-12-25"];
  assert.equal(checkHoliday("", days), "Choose a date to add.");
  assert.equal(checkHoliday("2026-02-30", days), "Type a date as YYYY-MM-DD.");
  assert.equal(checkHoliday("2026-12-25", days), "Dec 25, 2026 is a holiday already.");
  assert.equal(checkHoliday("2026-12-24", days), undefined);
  assert.equal(isCalendarDay("2028-02-29"), true);
  assert.equal(isCalendarDay("2027-02-29"), false);
  assert.equal(weekendName("2026-12-26"), "Saturday");
  assert.equal(weekendName("2026-12-27"), "Sunday");
  assert.equal(weekendName("2026-12-28"), null);
});

test("a holidays change is said as the days added and removed", () => {
  assert.deepEqual(holidayChanges(null, "2026-12-09"), { added: ["2026-12-09"], removed: [] });
  assert.deepEqual(holidayChanges("2026-12-25,2027-01-01", "2026-12-09,2026-12-25"), { added: ["2026-12-09"], removed: ["2027-01-01"] });
});

test("a change's before and after are short: not set, dollars beside cents, a long value cut", () => {
  assert.equal(changeValueText("bill_due_days", null), "not set");
  assert.equal(changeValueText("late_fee_flat_cents", "2500"), "2500 ($25.00)");
  assert.equal(changeValueText("utility_address", "PO Box 1100\nSpringfield, OR 97477"), "PO Box 1100, Springfield, OR 97477");
  const long = changeValueText("vee_rules.electric", `{"spike_factor": ${"1".repeat(100)}}`, 20);
  assert.equal(long.length, 20);
  assert.ok(long.endsWith("…"));
});

test("the bill schedule moves a month at a time, across years", () => {
  assert.equal(shiftMonth("2026-12", 1), "2027-01");
  assert.equal(shiftMonth("2026-01", -1), "2025-12");
  assert.equal(shiftMonth("2026-06", -18), "2024-12");
  assert.equal(shiftMonth("not a month", 1), "not a month");
});

// ---- the route ----

test("#/settings is the Settings page", () => {
  assert.deepEqual(parseRoute("#/settings"), { page: "settings" });
  assert.deepEqual(parseRoute("#/settings/"), { page: "settings" });
  assert.equal(SETTINGS_HASH, "#/settings");
  assert.deepEqual(parseRoute("#/settingsx"), { page: "search" });
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

const json = (body, status = 200) => () =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

test("the settings, their changes a page at a time and a month's schedule are asked for", async () => {
  answer = json({ settings: [setting("name", { value: "Demo" })] });
  assert.deepEqual(await fetchSettings(), [setting("name", { value: "Demo" })]);
  assert.equal(asked[0].path, "/api/v1/staff/settings");

  answer = json({ changes: [{ id: 7, key: "bill_due_days" }], next_cursor: "7" });
  assert.deepEqual(await fetchSettingChanges(null), { items: [{ id: 7, key: "bill_due_days" }], next_cursor: "7" });
  assert.equal(asked[1].path, "/api/v1/staff/settings/changes?limit=20");
  await fetchSettingChanges("7");
  assert.equal(asked[2].path, "/api/v1/staff/settings/changes?limit=20&cursor=7");

  answer = json({ month: "2026-12", time_zone: "America/Los_Angeles", holidays: [], cycles: [] });
  await fetchBillSchedule(null);
  assert.equal(asked[3].path, "/api/v1/staff/bill-schedule");
  await fetchBillSchedule("2027-01");
  assert.equal(asked[4].path, "/api/v1/staff/bill-schedule?month=2027-01");
});

test("a change is the value as text, with the CSRF token; the server's refusal names the setting", async () => {
  answer = json({ key: "bill_due_days", value: "25", changed: true });
  assert.deepEqual(await changeSetting("bill_due_days", "25"), { key: "bill_due_days", value: "25", changed: true });
  assert.equal(asked[0].method, "PUT");
  assert.equal(asked[0].path, "/api/v1/staff/settings/bill_due_days");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-ana");
  assert.deepEqual(JSON.parse(asked[0].body), { value: "25" });

  await changeSetting("vee_rules.electric", "{}");
  assert.equal(asked[1].path, "/api/v1/staff/settings/vee_rules.electric");

  answer = json({ type: "https://ratepayer.dev/problems/invalid-input", title: "Invalid input", status: 422,
    detail: "setting bill_due_days: '91' is not a whole number from 1 to 90", field: "bill_due_days" }, 422);
  await assert.rejects(changeSetting("bill_due_days", "91"), (e) => e instanceof ApiError && e.status === 422 && e.field === "bill_due_days");
});
