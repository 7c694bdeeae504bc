// Browser test of opening an outage by hand in the outage console (web/staff.html #/outages) against
// a running Ratepayer server. An administrator (a staff user of this file's own) opens planned work
// on a transformer, tomorrow from 9:00 to 13:00 on the utility's clocks (an end before the start is
// said first, without sending): the new outage's page opens, planned, confirmed, its start and end
// as typed; the list shows it with a "Planned" badge and its start, and its link opens it again.
// Then a water main break on a street of the generated data: a ZIP code of four digits is said
// first, a street where nobody has water is refused by the server next to the streets, and the
// real street opens an outage with as many customers out as that street has water service points.
// A customer service representative (no outages.manage) sees both and is not offered to open one.
// Screens are photographed at 1280 x 800 as outages-open-*.png under $RATEPAYER_E2E_ARTIFACTS
// (each checked for overflow and by axe).
//
// The transformer is the 5th (by id) of those with electric service points none of which is in an
// open outage: outages_console.test.mjs and outage_alerts.test.mjs take the first ones,
// outages_portal.test.mjs the last ones and the middle.
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_DB, RATEPAYER_BIN  as for staff_console.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { required, baseUrl, launchBrowser, photographer, DESKTOP, apiKeyGet, ownStaffConsole, plain, dayIn } from "./support.mjs";

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

const photograph = photographer("outages-open");
const consoleAsAdministrator = ownStaffConsole({ tag: "outages-open", name: "Opal Opener" });
/** A customer service representative: reads outages (accounts.read), may not open them (no outages.manage). */
const consoleAsClerk = ownStaffConsole({ tag: "outages-open-clerk", name: "Carl Clerk", role: "customer_service" });

/** What sqlite3 prints for `query` on RATEPAYER_E2E_DB, opened read-only (rows by line, columns by "|"), trimmed. */
async function sql(query) {
  return (await promisify(execFile)("sqlite3", ["-readonly", required("RATEPAYER_E2E_DB"), query])).stdout.trim();
}

/** Service point `sp` dark in an open outage (SQL, for a NOT EXISTS). */
const DARK = (sp) => `SELECT 1 FROM outage_points op JOIN outages o ON o.id = op.outage_id WHERE op.service_point_id = ${sp} ` +
  "AND op.restored_at IS NULL AND op.moved_to IS NULL AND o.status NOT IN ('restored', 'merged', 'cancelled')";

/** The 5th transformer (by id) with electric service points, none in an open outage: { id, name, points }. */
async function fifthQuietTransformer() {
  const row = await sql(
    "SELECT t.id, t.name, COUNT(sp.id) FROM transformers t JOIN service_points sp ON sp.transformer_id = t.id AND sp.commodity = 'electric' " +
    `WHERE NOT EXISTS (SELECT 1 FROM service_points p WHERE p.transformer_id = t.id AND EXISTS (${DARK("p.id")})) ` +
    "GROUP BY t.id ORDER BY t.id ASC LIMIT 1 OFFSET 4;",
  );
  assert.ok(row, "the test utility has at least 5 transformers with no home in an open outage");
  const [id, name, points] = row.split("|");
  return { id: Number(id), name, points: Number(points) };
}

/**
 * A street with water service (its name without the house number, as on the premises), its ZIP
 * code and how many water service points it has: the one with the most, none in an open outage,
 * none at the sample accounts' homes (other files watch those). The server matches streets in any case.
 */
async function waterStreet() {
  const street = "substr(p.line1, instr(p.line1, ' ') + 1)";
  const samples = [process.env.RATEPAYER_E2E_ACCOUNT, process.env.RATEPAYER_E2E_SECOND_ACCOUNT].filter(Boolean).map((n) => `'${n}'`).join(", ") || "''";
  const row = await sql(
    `SELECT ${street} AS street, p.zip, COUNT(sp.id) FROM premises p JOIN service_points sp ON sp.premise_id = p.id AND sp.commodity = 'water' ` +
    "WHERE p.line1 GLOB '[0-9]* *' GROUP BY lower(street), p.zip " +
    `HAVING SUM(EXISTS (${DARK("sp.id")})) = 0 AND SUM(EXISTS (SELECT 1 FROM service_agreements sa JOIN accounts a ON a.id = sa.account_id ` +
    `  JOIN service_points x ON x.id = sa.service_point_id WHERE x.premise_id = p.id AND a.number IN (${samples}))) = 0 ` +
    "ORDER BY COUNT(sp.id) DESC, p.zip, street LIMIT 1;",
  );
  assert.ok(row, "the test utility has a street with water service");
  const [name, zip, points] = row.split("|");
  const counted = Number(await sql(
    "SELECT COUNT(*) FROM service_points sp JOIN premises p ON p.id = sp.premise_id " +
    `WHERE sp.commodity = 'water' AND p.zip = '${zip}' AND lower(${street}) = lower('${name.replace(/'/g, "''")}') AND p.line1 GLOB '[0-9]* *';`,
  ));
  assert.equal(counted, Number(points));
  return { name, zip, points: counted };
}

/** The instant of a day and time on the clocks of `zone` ("2026-12-08", "09:00"), in ms. */
function instantOn(day, time, zone) {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const wallOf = (ms) => {
    const p = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
    }).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00Z`);
  };
  let at = wall;
  for (let i = 0; i < 2; i++) at = wall - (wallOf(at) - at);
  return at;
}

/** "Dec 8": a day as the console's tables write one that is not today. */
const monthDay = (day) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));

test("staff open planned work on a transformer, then a water main break on a street", async (t) => {
  const transformer = await fifthQuietTransformer();
  const water = await waterStreet();
  const zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
  const tomorrow = dayIn(zone, 1);
  const { page, errors } = await consoleAsAdministrator(browser, t, SCREEN);

  // ---- planned work on the transformer, tomorrow 9:00 to 13:00 ---------------------------------
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Outages", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Outages" }).waitFor();
  await page.getByRole("button", { name: "Open an outage" }).click();
  const form = page.getByRole("form", { name: "Open an outage" });
  assert.equal(await form.getByLabel("Planned work: customers are told ahead").isChecked(), true, "planned work is the form's first case");
  assert.equal(await form.getByLabel("A device of the electric network").isChecked(), true);
  await form.getByLabel("Kind").selectOption("transformer");
  await form.getByLabel("Transformer name or id").fill(String(transformer.id));
  await form.getByText(new RegExp(`^Transformer (${transformer.name} \\(id ${transformer.id}\\)|id ${transformer.id})$`)).waitFor();
  await form.getByLabel("Start day").fill(tomorrow);
  await form.getByLabel("Start time").fill("09:00");
  assert.equal(await form.getByLabel("End day").inputValue(), tomorrow, "the end's day follows the start's");
  await form.getByLabel("End time").fill("08:00");
  await form.getByLabel("What customers are told (optional)").fill("We are replacing the transformer on your street.");
  assert.equal(await form.getByLabel("Cause").inputValue(), "planned");
  await form.getByRole("button", { name: "Open planned outage" }).click();
  const endProblem = page.getByTestId("outage-open-end").locator(".field-error");
  assert.equal(await endProblem.innerText(), "The end must be after the start.");
  await page.waitForFunction(() => document.activeElement?.id === "outage-open-end-day"); // the field with the problem is focused
  await photograph(page, page.getByTestId("outage-open"), "planned-problem");
  await form.getByLabel("End time").fill("13:00");
  await photograph(page, page.getByTestId("outage-open"), "planned-form");
  await form.getByRole("button", { name: "Open planned outage" }).click();

  // The new outage's page: planned, confirmed, starting tomorrow at 9.
  const heading = page.getByRole("heading", { level: 1, name: /^Outage OUT\d+$/ });
  await heading.waitFor();
  const number = (await heading.innerText()).replace(/^Outage /, "");
  assert.equal(page.url(), `${BASE}/staff.html#/outages/${number}`);
  assert.equal(await page.getByTestId("outage-planned").innerText(), "Planned");
  assert.equal(await page.getByTestId("outage-status").innerText(), "Confirmed");
  assert.equal(await page.getByTestId("outage-cause").innerText(), "Planned work");
  assert.match(plain(await page.getByTestId("outage-facts").innerText()), new RegExp(`Starts ${monthDay(tomorrow)}, 9:00 AM`));
  assert.match(plain(await page.getByTestId("outage-etr").innerText()), new RegExp(`^${monthDay(tomorrow)}, 1:00 PM`));
  assert.equal(await page.getByTestId("outage-public-note").innerText(), "We are replacing the transformer on your street.");
  const opened = (await apiKeyGet(`/api/v1/staff/outages/${number}`)).outage;
  assert.deepEqual([opened.device.kind, opened.device.id, opened.planned, opened.status, opened.cause], ["transformer", transformer.id, true, "confirmed", "planned"]);
  assert.equal(Date.parse(opened.began_at), instantOn(tomorrow, "09:00", zone));
  assert.equal(Date.parse(opened.etr), instantOn(tomorrow, "13:00", zone));
  assert.equal(opened.customers_total, transformer.points);
  await photograph(page, page.getByTestId("outage-view"), "planned-view");

  // The list: a "Planned" badge and its start; its link opens it.
  await page.getByRole("link", { name: "← All outages" }).click();
  const row = page.locator(`[data-testid=open-outages] [data-outage=${number}]`);
  await row.waitFor();
  assert.equal(await row.getByTestId("planned").innerText(), "Planned");
  assert.equal(plain(await row.getByTestId("began").innerText()), `Starts ${monthDay(tomorrow)}, 9:00 AM`);
  assert.match(plain(await row.innerText()), new RegExp(`Transformer ${transformer.name} Confirmed Planned work ${transformer.points} from its start`));
  await photograph(page, page.getByTestId("open-outages"), "planned-listed");
  await row.getByRole("link", { name: number }).click();
  await page.getByRole("heading", { level: 1, name: `Outage ${number}` }).waitFor();

  // ---- a water main break on a street --------------------------------------------------------
  await page.getByRole("link", { name: "← All outages" }).click();
  await page.getByRole("button", { name: "Open an outage" }).click();
  await form.getByLabel("An outage now, such as a water main break").check();
  assert.equal(await form.getByLabel("Streets of a ZIP code").isChecked(), true, "an outage now is on streets unless a device is chosen");
  assert.equal(await form.getByLabel("Cause").inputValue(), "unknown");
  assert.equal(await form.getByLabel("Service").inputValue(), "water");
  await form.getByLabel("ZIP code", { exact: true }).fill(water.zip.slice(0, 4));
  await form.getByLabel("Streets, one a line").fill("Nowhere Such Rd");
  await form.getByRole("button", { name: "Open outage", exact: true }).click();
  await form.getByText("A ZIP code is five digits, like 97477.").waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "outage-open-zip");

  // A street where nobody has water: the server's refusal is said at the streets.
  await form.getByLabel("ZIP code", { exact: true }).fill(water.zip);
  await form.getByRole("button", { name: "Open outage", exact: true }).click();
  const streetsProblem = page.locator("#outage-open-streets-error");
  await streetsProblem.waitFor();
  assert.match(await streetsProblem.innerText(), /^No home with water service is on these streets/);
  await page.waitForFunction(() => document.activeElement?.id === "outage-open-streets");
  await photograph(page, page.getByTestId("outage-open"), "main-break-refused");

  await form.getByLabel("Streets, one a line").fill(`${water.name}\n`);
  await form.getByLabel("Cause").selectOption("equipment");
  await form.getByLabel("What customers are told (optional)").fill(`A water main broke on ${water.name}; crews are on the way.`);
  await form.getByRole("button", { name: "Open outage", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: /^Outage OUT\d+$/ }).filter({ hasNotText: number }).waitFor();
  const mainBreak = (await page.getByRole("heading", { level: 1 }).innerText()).replace(/^Outage /, "");
  assert.equal(plain(await page.getByTestId("outage-customers").innerText()), `${water.points} of ${water.points}`);
  assert.equal(await page.getByTestId("outage-facts").getByText(`Water: ${water.name} (${water.zip})`, { exact: true }).count(), 1);
  assert.equal(await page.getByTestId("outage-planned").count(), 0, "a main break is not planned work");
  assert.equal(await page.getByTestId("outage-cause").innerText(), "Equipment failure");
  const broke = (await apiKeyGet(`/api/v1/staff/outages/${mainBreak}`)).outage;
  assert.deepEqual([broke.device.kind, broke.planned, broke.status, broke.customers_out], ["area", false, "confirmed", water.points]);
  await photograph(page, page.getByTestId("outage-view"), "main-break-view");

  await page.getByRole("link", { name: "← All outages" }).click();
  const breakRow = page.locator(`[data-testid=open-outages] [data-outage=${mainBreak}]`);
  assert.equal(plain(await breakRow.getByTestId("customers-out").innerText()), `${water.points} of ${water.points}`);
  assert.equal(await breakRow.getByTestId("planned").count(), 0);
  assert.deepEqual(errors, []);

  // A representative without outages.manage sees both and is not offered to open one.
  const clerk = await consoleAsClerk(browser, t, SCREEN);
  await clerk.page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Outages", exact: true }).click();
  await clerk.page.locator(`[data-testid=open-outages] [data-outage=${number}]`).getByTestId("planned").waitFor();
  await clerk.page.locator(`[data-testid=open-outages] [data-outage=${mainBreak}]`).waitFor();
  assert.equal(await clerk.page.getByRole("button", { name: "Open an outage" }).count(), 0, "opening needs outages.manage");
  assert.deepEqual(clerk.errors, []);
});
