// Browser test of the outage console (web/staff.html #/outages) against a running Ratepayer server:
// three meters under one transformer send last gasps (POST /api/v1/meter-events, as the AMI
// head-end does) and the server's prediction pass (every 2 s) opens an outage on the transformer.
// An administrator (a staff user of this file's own) finds it on the Outages screen marked "To
// confirm", with its meters' signals under "Signals by device" when the server has that route,
// opens it, confirms it (naming the cause), sets the ETR on the utility's clocks (said announced
// to customers), then restores it in two steps: first one home (part: the home's service point),
// its count falling by one, then the rest, the outage restored with nobody out and listed among
// those ended. The account of a home on the transformer lists the outage in its Outages section,
// when the server has the outage history. A second outage: confirmed over the API while the
// administrator's Confirm form is open, the confirmation is refused in words ("Someone else changed
// it") and the outage shown confirmed; a crew is assigned (a name missing is said first) with a
// cause, then on its way, cancelling no longer offered; a customer service representative (no
// outages.manage) reads it with no actions; restored over the API, the administrator's list left
// open shows it ended at its next refresh. Screens are photographed at 1280 x 800 as
// outages-*.png under $RATEPAYER_E2E_ARTIFACTS (each checked for overflow and by axe).
//
// The transformer is the first (by id) with at least 8 electric service points, meters in place on
// three of them, and no point in an open outage: outages_portal.test.mjs takes its transformers
// from the end of that list.
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_DB, RATEPAYER_BIN  as for staff_console.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import {
  required, baseUrl, launchBrowser, photographer, DESKTOP, apiKeyGet, asApiKey, ownStaffConsole, plain, assertEventually,
} from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
required("RATEPAYER_E2E_DB");
const SCREEN = { ...DESKTOP, viewport: { width: 1280, height: 800 } };

let browser;

before(async () => {
  browser = await launchBrowser(chromium);
});

after(async () => {
  await browser?.close();
});

const photograph = photographer("outages");

/** What sqlite3 prints for `query` on RATEPAYER_E2E_DB, opened read-only (rows by line, columns by "|"), trimmed. */
async function sql(query) {
  return (await promisify(execFile)("sqlite3", ["-readonly", required("RATEPAYER_E2E_DB"), query])).stdout.trim();
}
const consoleAsAdministrator = ownStaffConsole({ tag: "outages", name: "Olive Outages" });
/** A customer service representative: reads outages (accounts.read), may not move them (no outages.manage). */
const consoleAsClerk = ownStaffConsole({ tag: "outages-clerk", name: "Cole Clerk", role: "customer_service" });

/**
 * The first transformer (by id) with at least 8 electric service points, none of them dark in an
 * open outage nor signalled in the last 12 hours (such a signal would join the outage), and the
 * serials of three meters in place on its points: { id, name, points, serials }.
 */
async function quietTransformer() {
  const rows = (await sql(
    "SELECT t.id, t.name, COUNT(DISTINCT sp.id), " +
    "(SELECT group_concat(serial) FROM (SELECT m.serial FROM meters m JOIN service_points p ON p.id = m.service_point_id " +
    "  WHERE p.transformer_id = t.id AND p.commodity = 'electric' AND m.removed_on IS NULL ORDER BY m.serial LIMIT 3)) " +
    "FROM transformers t JOIN service_points sp ON sp.transformer_id = t.id AND sp.commodity = 'electric' " +
    "WHERE NOT EXISTS (SELECT 1 FROM service_points p JOIN outage_points op ON op.service_point_id = p.id " +
    "  WHERE p.transformer_id = t.id AND op.restored_at IS NULL AND op.moved_to IS NULL) " +
    "AND NOT EXISTS (SELECT 1 FROM service_points p JOIN outage_signals s ON s.service_point_id = p.id " +
    "  WHERE p.transformer_id = t.id AND s.received_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-12 hours')) " +
    "GROUP BY t.id HAVING COUNT(DISTINCT sp.id) >= 8 ORDER BY t.id ASC LIMIT 5;",
  )).split("\n").filter(Boolean);
  const found = rows.map((r) => r.split("|")).find((r) => (r[3] ?? "").split(",").length === 3);
  assert.ok(found, "the test utility has a quiet transformer with at least 8 electric service points and 3 meters in place");
  return { id: Number(found[0]), name: found[1], points: Number(found[2]), serials: found[3].split(",") };
}

/** The open outage on transformer `id`, waited for (the prediction pass runs every 2 s). */
async function outageOn(id) {
  let found = null;
  await assertEventually(async () => {
    const { outages } = await apiKeyGet("/api/v1/staff/outages");
    found = outages.find((o) => o.device.kind === "transformer" && o.device.id === id && !["restored", "merged", "cancelled"].includes(o.status));
    return Boolean(found);
  }, `an outage opens on transformer ${id}`, 20_000);
  return found;
}

/** The day and time (24-hour) of instant `ms` on the clocks of `zone`, as the date and time fields take them. */
function fieldsIn(ms, zone) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
  }).formatToParts(new Date(ms));
  const part = (type) => parts.find((p) => p.type === type).value;
  return { day: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
}

test("staff confirm a predicted outage, set its ETR and restore it in two steps", async (t) => {
  const transformer = await quietTransformer();
  const sent = await asApiKey("POST", "/api/v1/meter-events", {
    events: transformer.serials.map((meter) => ({ meter, kind: "last_gasp", occurred_at: new Date().toISOString() })),
  });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  assert.deepEqual(sent.body, { accepted: 3, rejected: 0 });
  const predicted = await outageOn(transformer.id);
  const number = predicted.number;
  assert.equal(predicted.status, "reported");
  assert.equal(predicted.customers_total, transformer.points, "every point under the transformer is listed");
  const total = predicted.customers_total;
  const zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;

  const { page, errors } = await consoleAsAdministrator(browser, t, SCREEN);

  // ---- the Outages screen: the prediction is there, to confirm ----------------------------------
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Outages", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Outages" }).waitFor();
  const row = page.locator(`[data-testid=open-outages] [data-outage=${number}]`);
  await row.waitFor();
  assert.equal(await row.getByTestId("to-confirm").innerText(), "To confirm");
  assert.match(plain(await row.innerText()), new RegExp(`Transformer ${transformer.name}.*Reported.*Not known yet.*${total} of ${total}`));
  assert.match(await page.getByTestId("outages-status").innerText(), /\d+ open outages?, \d+ to confirm; \d+ customers? out\./);
  const hasSignals = (await asApiKey("GET", "/api/v1/staff/outage-signals")).status === 200;
  if (hasSignals) {
    const signals = page.locator(`[data-testid=signal-row][data-device="${transformer.name}"]`);
    await signals.waitFor();
    assert.match(plain(await signals.innerText()), new RegExp(`${total} 0 3 ${number}$`), "3 last gasps, placed in the outage");
  }
  const hasSummary = (await asApiKey("GET", "/api/v1/staff/outages/summary")).status === 200;
  const figure = async (id) => Number(await page.getByTestId(id).locator("dd").first().innerText());
  let restoredBefore = null;
  if (hasSummary) {
    const out = await figure("figure-customers-out");
    assert.ok(out >= total, `the storm summary counts the ${total} customers out (${out})`);
    restoredBefore = { count: await figure("figure-restored"), day: fieldsIn(Date.now(), zone).day };
    await page.getByTestId("customers-out-chart").locator("path.out-line").waitFor();
  }
  await photograph(page, page.locator(".outages-screen"), "screen");

  // ---- the outage: confirm it, naming the cause -----------------------------------------------
  await row.getByRole("link", { name: number }).click();
  await page.getByRole("heading", { level: 1, name: `Outage ${number}` }).waitFor();
  assert.equal(await page.getByTestId("outage-status").innerText(), "Reported");
  assert.equal(plain(await page.getByTestId("outage-customers").innerText()), `${total} of ${total}`);
  assert.match(plain(await page.getByTestId("outage-etr").innerText()), /estimated from past outages/);
  assert.match(plain(await page.getByTestId("outage-moves").innerText()), /Opened System \(prediction\)/);
  await photograph(page, page.getByTestId("outage-view"), "reported");

  const actions = page.getByTestId("outage-actions");
  await actions.getByRole("button", { name: "Confirm", exact: true }).click();
  const confirm = page.getByRole("form", { name: `Confirm ${number}` });
  await confirm.getByLabel("Cause").selectOption("equipment");
  await confirm.getByLabel("What customers are told (optional)").fill("A transformer failed; crews are on the way.");
  await confirm.getByRole("button", { name: "Confirm outage" }).click();
  await page.getByTestId("outage-outcome").filter({ hasText: `Confirmed ${number}.` }).waitFor();
  await page.getByTestId("outage-status").filter({ hasText: /^Confirmed$/ }).waitFor();
  await page.getByTestId("outage-cause").filter({ hasText: "Equipment failure" }).waitFor();
  const confirmed = (await apiKeyGet(`/api/v1/staff/outages/${number}`)).outage;
  assert.equal(confirmed.status, "confirmed");
  assert.equal(confirmed.cause, "equipment");
  assert.equal(confirmed.public_note, "A transformer failed; crews are on the way.");

  // ---- its ETR, five hours from now on the utility's clocks: announced ------------------------
  const etrAt = Math.ceil((Date.now() + 5 * 3_600_000) / 900_000) * 900_000;
  const etrFields = fieldsIn(etrAt, zone);
  await actions.getByRole("button", { name: "Set ETR" }).click();
  const etrForm = page.getByRole("form", { name: `Set the ETR of ${number}` });
  await etrForm.getByLabel("Day").fill(etrFields.day);
  await etrForm.getByLabel("Time").fill(etrFields.time);
  await photograph(page, page.getByTestId("outage-view"), "etr-form");
  await etrForm.getByRole("button", { name: "Set ETR" }).click();
  await page.getByTestId("outage-outcome").filter({ hasText: `ETR for ${number} set to` }).waitFor();
  assert.match(await page.getByTestId("outage-outcome").innerText(), /customers are told\.$/);
  assert.equal(Date.parse((await apiKeyGet(`/api/v1/staff/outages/${number}`)).outage.etr), etrAt);
  await page.getByTestId("outage-etr").filter({ hasText: /set by/ }).waitFor();

  // ---- restore one home first, then the rest -------------------------------------------------
  await actions.getByRole("button", { name: "Restore", exact: true }).click();
  const restore = page.getByRole("form", { name: `Restore ${number}` });
  await restore.getByLabel("Only one part").check();
  const part = restore.getByLabel("Part restored");
  const firstHome = (await part.locator("option").allInnerTexts()).find((words) => words.startsWith("Home "));
  assert.ok(firstHome, "the homes still out are offered as parts");
  await part.selectOption({ label: firstHome });
  await photograph(page, page.getByTestId("outage-view"), "restore-part");
  await restore.getByRole("button", { name: "Restore this part" }).click();
  await page.getByTestId("outage-outcome").filter({ hasText: `1 home restored; ${total - 1} of ${total} still out in ${number}.` }).waitFor();
  await page.getByTestId("outage-customers").filter({ hasText: `${total - 1} of ${total}` }).waitFor();
  const partly = (await apiKeyGet(`/api/v1/staff/outages/${number}`)).outage;
  assert.equal(partly.customers_out, total - 1);
  assert.equal(partly.status, "confirmed", "a part restored leaves the outage open");
  assert.match(plain(await page.getByTestId("outage-moves").innerText()), /Part restored/);

  await actions.getByRole("button", { name: "Restore", exact: true }).click();
  await restore.getByRole("button", { name: `Restore all ${total - 1} still out` }).click();
  await page.getByTestId("outage-outcome").filter({ hasText: `${number} restored: ${total - 1} homes back.` }).waitFor();
  await page.getByTestId("outage-status").filter({ hasText: /^Restored$/ }).waitFor();
  assert.equal(plain(await page.getByTestId("outage-customers").innerText()), `none of ${total}`);
  assert.equal(await page.getByTestId("outage-actions").count(), 0, "a restored outage offers no moves");
  const restored = (await apiKeyGet(`/api/v1/staff/outages/${number}`)).outage;
  assert.equal(restored.status, "restored");
  assert.equal(restored.customers_out, 0);
  await photograph(page, page.getByTestId("outage-view"), "restored");

  // ---- back on the list, among those ended ------------------------------------------------------
  await page.getByRole("link", { name: "← All outages" }).click();
  await page.locator(`[data-testid=ended-outages] [data-outage=${number}]`).getByText("Restored").waitFor();
  assert.equal(await page.locator(`[data-testid=open-outages] [data-outage=${number}]`).count(), 0);
  if (restoredBefore && fieldsIn(Date.now(), zone).day === restoredBefore.day) {
    // Other files' outages may be restored meanwhile: at least this one's customers are added.
    await assertEventually(async () => (await figure("figure-restored")) >= restoredBefore.count + total,
      `the storm summary's customers restored today rise by ${total}`, 20_000);
  }

  // ---- a home's account lists it, when the server has the outage history -------------------------
  const account = await sql(
    "SELECT a.number FROM accounts a JOIN service_agreements sa ON sa.account_id = a.id AND sa.end_date IS NULL " +
    `JOIN service_points sp ON sp.id = sa.service_point_id WHERE sp.transformer_id = ${transformer.id} ORDER BY a.id LIMIT 1;`,
  );
  if (account && (await asApiKey("GET", `/api/v1/accounts/${account}/outage-history`)).status === 200) {
    await page.goto(`${BASE}/staff.html#/accounts/${account}`);
    const section = page.getByTestId("section-outages");
    await section.locator("[data-testid=account-outage]").filter({ hasText: number }).waitFor();
    await photograph(page, section, "account-section");
    await section.getByRole("link", { name: number }).click();
    await page.getByRole("heading", { level: 1, name: `Outage ${number}` }).waitFor();
  }
  assert.deepEqual(errors, []);
});

test("staff send a crew on its way; a move someone else made meanwhile is said, and the outage shown as it is now", async (t) => {
  const transformer = await quietTransformer();
  const sent = await asApiKey("POST", "/api/v1/meter-events", {
    events: transformer.serials.map((meter) => ({ meter, kind: "last_gasp", occurred_at: new Date().toISOString() })),
  });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  const { number } = await outageOn(transformer.id);
  const { page, errors } = await consoleAsAdministrator(browser, t, SCREEN);
  await page.goto(`${BASE}/staff.html#/outages/${number}`);
  await page.getByRole("heading", { level: 1, name: `Outage ${number}` }).waitFor();
  const actions = page.getByTestId("outage-actions");

  // Someone else confirms it while the form is open: the confirmation is refused, in words.
  await actions.getByRole("button", { name: "Confirm", exact: true }).click();
  const confirmed = await asApiKey("POST", `/api/v1/staff/outages/${number}/moves`, { action: "confirm" });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  await page.getByRole("form", { name: `Confirm ${number}` }).getByRole("button", { name: "Confirm outage" }).click();
  await page.getByTestId("outage-outcome").filter({ hasText: `Someone else changed ${number} meanwhile` }).waitFor();
  await page.getByTestId("outage-status").filter({ hasText: /^Confirmed$/ }).waitFor();
  await page.getByTestId("outage-moves").getByText("API key", { exact: false }).first().waitFor();
  await photograph(page, page.getByTestId("outage-view"), "changed-meanwhile");

  // A crew, then on its way; cancelling is no longer offered once a crew is on it.
  await actions.getByRole("button", { name: "Assign crew" }).click();
  const assign = page.getByRole("form", { name: `Assign crew ${number}` });
  await assign.getByRole("button", { name: "Assign crew" }).click();
  await assign.getByText("Name the crew sent to this outage.").waitFor();
  await assign.getByLabel("Crew", { exact: true }).fill("Crew 7");
  await assign.getByLabel("Cause").selectOption("vegetation");
  await assign.getByRole("button", { name: "Assign crew" }).click();
  await page.getByTestId("outage-outcome").filter({ hasText: `Crew 7 assigned to ${number}.` }).waitFor();
  await page.getByTestId("outage-status").filter({ hasText: /^Crew assigned$/ }).waitFor();
  await page.getByTestId("outage-cause").filter({ hasText: "Trees or plants" }).waitFor();
  assert.equal(await actions.getByRole("button", { name: "Cancel outage" }).count(), 0);
  await actions.getByRole("button", { name: "Crew on the way" }).click();
  await page.getByRole("form", { name: `Crew on the way ${number}` }).getByRole("button", { name: "Crew is on the way" }).click();
  await page.getByTestId("outage-status").filter({ hasText: /^Crew on the way$/ }).waitFor();
  const moved = (await apiKeyGet(`/api/v1/staff/outages/${number}`)).outage;
  assert.deepEqual([moved.status, moved.crew, moved.cause], ["en_route", "Crew 7", "vegetation"]);

  // The list shows the crew.
  await page.getByRole("link", { name: "← All outages" }).click();
  const row = page.locator(`[data-testid=open-outages] [data-outage=${number}]`);
  assert.match(plain(await row.innerText()), /Crew on the way Trees or plants .* Crew 7 /);
  assert.equal(await row.getByTestId("to-confirm").count(), 0);

  // A representative without outages.manage reads it all and is offered no move.
  const clerk = await consoleAsClerk(browser, t, SCREEN);
  await clerk.page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Outages", exact: true }).click();
  await clerk.page.locator(`[data-testid=open-outages] [data-outage=${number}]`).getByRole("link", { name: number }).click();
  await clerk.page.getByTestId("outage-status").filter({ hasText: /^Crew on the way$/ }).waitFor();
  // The administrator's moves, as another staff member reads them.
  await clerk.page.locator("[data-testid=outage-move]").filter({ hasText: "Crew assigned" })
    .filter({ hasText: /Staff member \d+/ }).first().waitFor();
  assert.equal(await clerk.page.getByTestId("outage-actions").count(), 0, "no actions without outages.manage");

  // Restored elsewhere (over the API): the administrator's list, left open, shows it ended within its refresh (15 s).
  assert.equal((await asApiKey("POST", `/api/v1/staff/outages/${number}/moves`, { action: "restore" })).status, 200);
  await page.locator(`[data-testid=ended-outages] [data-outage=${number}]`).waitFor({ timeout: 20_000 });
  assert.equal(await row.count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(clerk.errors, []);
});
