// Browser tests of the customer portal's outage pages, end to end, against a running Ratepayer
// server: a visitor who is not signed in finds their address on a phone and sees the outage we
// already know there (made here from three meters' last gasps, which the server's prediction pass
// turns into a transformer's outage within seconds) before reporting it, once and then again
// (counted once); a signed-in customer sees their home's outage on Home and on the Outages page,
// which asks again every 30 seconds, and reports it in one tap; choosing "wires down" puts the
// safety message and the emergency number before anything else; and in Spanish, with the report
// by the phone number on the account (refused for a number on no account or on several homes). The map of affected areas lists the outage's ZIP code when the
// server has the map. Screens are photographed on a phone and a desktop, in English and Spanish,
// under $RATEPAYER_E2E_ARTIFACTS/outages-portal-*.png (axe-core finds nothing on each).
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_ACCOUNT, RATEPAYER_E2E_SECOND_ACCOUNT,
//   RATEPAYER_E2E_MAIL_DIR, RATEPAYER_E2E_DB  as for portal.test.mjs
//
// Each test makes its outage on a transformer of its own, taken from the last ones by id (the
// console's outage tests, outages_console.test.mjs, take the first ones). The public reports here
// (six) stay under the server's 10 an hour from one connection.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import {
  required, baseUrl, launchBrowser, openPage, photographer, inLanguage, plain, assertEventually, PHONE, DESKTOP,
  asApiKey, apiKeyGet, signUpByEmail,
} from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
required("RATEPAYER_E2E_MAIL_DIR");
required("RATEPAYER_E2E_DB");
// Accounts other browser tests sign up with: not used here.
const TAKEN = new Set([required("RATEPAYER_E2E_ACCOUNT"), required("RATEPAYER_E2E_SECOND_ACCOUNT")]);
const PASSWORD = "river lamp oboe forty";
const SCREEN = { ...DESKTOP, viewport: { width: 1280, height: 800 } };

let browser;
let zone; // the utility's time zone: the pages' times are on its clocks

before(async () => {
  browser = await launchBrowser(chromium);
  zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
});

after(async () => {
  await browser?.close();
});

/** A page on `device` whose clocks are the utility's (so times are shown without a zone's name). */
// This file's customers come from their own address (the test server trusts loopback as a proxy),
// so its sign-ups and public reports count apart from other files' (20 sign-ups an hour a client).
const CLIENT = { "X-Forwarded-For": "198.51.100.22" };
const newPage = (t, device = PHONE) =>
  openPage(browser, t, device, { timezoneId: zone, extraHTTPHeaders: CLIENT });

const photograph = photographer("outages-portal");

/** What sqlite3 prints for `query` on RATEPAYER_E2E_DB, opened read-only (rows by line, columns by "|"), trimmed. */
async function sql(query) {
  return (await promisify(execFile)("sqlite3", ["-readonly", required("RATEPAYER_E2E_DB"), query])).stdout.trim();
}

/**
 * The last transformer (by id) with at least 8 electric service points, none of them dark in an
 * open outage nor signalled in the last 12 hours, whose homes include one that `homeFits`
 * (premise row: { premise, line1, zip, account }) accepts: { id, serials (three meters in place),
 * home }. Each test's outage leaves its transformer dark, so the next test takes another.
 */
async function quietTransformer(homeFits = async () => true) {
  const rows = (await sql(
    "SELECT t.id, (SELECT group_concat(serial) FROM (SELECT m.serial FROM meters m JOIN service_points p ON p.id = m.service_point_id " +
    "  WHERE p.transformer_id = t.id AND p.commodity = 'electric' AND m.removed_on IS NULL ORDER BY m.serial LIMIT 3)) " +
    "FROM transformers t JOIN service_points sp ON sp.transformer_id = t.id AND sp.commodity = 'electric' " +
    "WHERE NOT EXISTS (SELECT 1 FROM service_points p JOIN outage_points op ON op.service_point_id = p.id " +
    "  WHERE p.transformer_id = t.id AND op.restored_at IS NULL AND op.moved_to IS NULL) " +
    "AND NOT EXISTS (SELECT 1 FROM service_points p JOIN outage_signals s ON s.service_point_id = p.id " +
    "  WHERE p.transformer_id = t.id AND s.received_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-12 hours')) " +
    "GROUP BY t.id HAVING COUNT(DISTINCT sp.id) >= 8 ORDER BY t.id DESC LIMIT 8;",
  )).split("\n").filter(Boolean).map((r) => r.split("|"));
  for (const [id, serials] of rows) {
    if ((serials ?? "").split(",").length !== 3) continue;
    const homes = (await sql(
      "SELECT p.id, p.line1, p.zip, COALESCE((SELECT a.number FROM service_agreements sa JOIN accounts a ON a.id = sa.account_id " +
      "  WHERE sa.service_point_id = sp.id AND sa.end_date IS NULL AND a.status = 'active' LIMIT 1), '') " +
      `FROM service_points sp JOIN premises p ON p.id = sp.premise_id WHERE sp.transformer_id = ${id} AND sp.commodity = 'electric' ` +
      "AND p.line2 = '' ORDER BY p.id;",
    )).split("\n").filter(Boolean).map((r) => r.split("|")).map(([premise, line1, zip, account]) => ({ premise: Number(premise), line1, zip, account }));
    for (const home of homes) {
      if (await homeFits(home)) return { id: Number(id), serials: serials.split(","), home };
    }
  }
  assert.fail("the test utility has a quiet transformer with at least 8 electric service points, 3 meters in place and a home that fits");
}

/** Three of the transformer's meters send their last gasp; the home's status shows the outage (the prediction pass runs every 2 s). */
async function outageAt(transformer) {
  const sent = await asApiKey("POST", "/api/v1/meter-events", {
    events: transformer.serials.map((meter) => ({ meter, kind: "last_gasp", occurred_at: new Date().toISOString() })),
  });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  assert.deepEqual(sent.body, { accepted: 3, rejected: 0 });
  let status = null;
  await assertEventually(async () => {
    const res = await fetch(`${BASE}/api/v1/outages/status?premise=${transformer.home.premise}`);
    status = res.ok ? await res.json() : null;
    return Boolean(status?.outage);
  }, `an outage shows at premise ${transformer.home.premise} of transformer ${transformer.id}`, 20_000);
  return status.outage;
}

/** When power should be back, as the pages write it on the utility's clocks: "6:30 PM", or "Tue, Dec 8, 9:00 AM" on another day. */
function clockText(iso, locale = "en-US") {
  const day = (d) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(d);
  const at = new Date(iso);
  const fields = { hour: "numeric", minute: "2-digit", timeZone: zone };
  if (day(at) !== day(new Date())) Object.assign(fields, { weekday: "short", month: "short", day: "numeric" });
  return plain(new Intl.DateTimeFormat(locale, fields).format(at));
}

/** The known outage's first sentence, as the server's rounded count reads. */
const knownSentence = (count) => count < 20
  ? `We know about an outage affecting ${count} customers near you.`
  : `We know about an outage affecting about ${count} customers near you.`;

/** Finds `home` by its street and ZIP on the signed-out Outages page, choosing it when several match. */
async function findAddress(page, home, { find = "Find the address", street = "House number and street", zip = "ZIP code (optional)" } = {}) {
  await page.getByLabel(street).fill(home.line1);
  await page.getByLabel(zip).fill(home.zip);
  await page.getByRole("button", { name: find }).click();
  const match = page.getByRole("button", { name: new RegExp(`^${home.line1},`) });
  const status = page.getByTestId("address-status");
  await match.or(status).first().waitFor();
  if (await match.count()) await match.click();
  await status.waitFor();
}

/**
 * Phone numbers as the accounts have them on file (10 digits, as the account search keeps them):
 * `one`, on accounts with one home with electric service now (`premise`); `several`, on several
 * such homes; `none`, on no account.
 */
async function phoneNumbers() {
  const homes = (await sql(
    "SELECT w.word, COUNT(DISTINCT sp.premise_id), MIN(sp.premise_id) FROM account_search_words w " +
    "JOIN service_agreements sa ON sa.account_id = w.account_id AND sa.end_date IS NULL " +
    "JOIN service_points sp ON sp.id = sa.service_point_id AND sp.commodity = 'electric' " +
    "WHERE length(w.word) = 10 AND w.word GLOB '[2-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' GROUP BY w.word ORDER BY w.word DESC;",
  )).split("\n").filter(Boolean).map((r) => r.split("|"));
  const one = homes.find((h) => h[1] === "1");
  const several = homes.find((h) => Number(h[1]) > 1);
  assert.ok(one && several, "the test utility has a phone number on one home's account and one on several homes");
  const onFile = new Set(homes.map((h) => h[0]));
  const none = ["9715550142", "9715550143", "9715550144"].find((n) => !onFile.has(n));
  const dashed = (n) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
  return { one: dashed(one[0]), premise: Number(one[2]), several: `(${several[0].slice(0, 3)}) ${several[0].slice(3, 6)}-${several[0].slice(6)}`, none: dashed(none) };
}

/** Whether this server draws the map of affected areas (an older one answers 404). */
async function serverHasMap() {
  return (await fetch(`${BASE}/api/v1/outages/map`)).status === 200;
}

test("a visitor on a phone finds their address, sees the known outage first and reports it, counted once the second time", async (t) => {
  const transformer = await quietTransformer();
  const known = await outageAt(transformer);
  const { page, errors } = await newPage(t);

  // From the sign-in page, the way to report without an account.
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole("link", { name: "Power out? Report an outage" }).click();
  await page.getByRole("heading", { level: 1, name: "Power outages" }).waitFor();
  await page.getByText("See a wire down? Stay at least 10 metres (35 feet) away and call 911.").waitFor();
  await photograph(page, page.locator("main"), "signed-out-phone");

  await findAddress(page, transformer.home);
  await page.getByRole("heading", { name: new RegExp(`^At ${transformer.home.line1},`) }).waitFor();
  // What we already know, before anything is asked.
  const status = page.getByTestId("address-status");
  await status.getByText(knownSentence(known.customers_out), { exact: true }).waitFor();
  assert.ok(known.customers_out >= 8, `every home under the transformer is out (${known.customers_out})`);
  const expected = known.etr ? `Estimated back by ${clockText(known.etr)}.` : "We will estimate when power will be back soon.";
  assert.ok(plain(await status.innerText()).includes(expected), `${expected} in: ${await status.innerText()}`);
  await status.getByText(/^Updated \d{1,2}:\d{2}:\d{2}\s?[AP]M\.$/).waitFor();
  await photograph(page, page.locator("main"), "known-outage-phone");

  // One tap reports it; the second is counted once.
  await page.getByRole("button", { name: "Report outage", exact: true }).click();
  await page.getByTestId("report-result").getByText("Thank you. Your report is added to the outage we know about.").waitFor();
  await page.getByRole("button", { name: "Report outage", exact: true }).click();
  await page.getByTestId("report-result").getByText("You already told us; we have counted it once.").waitFor();
  const reports = await sql(
    "SELECT COUNT(*), SUM(s.duplicate) FROM outage_signals s JOIN service_points sp ON sp.id = s.service_point_id " +
    `WHERE s.kind = 'report' AND sp.premise_id = ${transformer.home.premise} AND s.actor LIKE 'public:%';`,
  );
  assert.equal(reports, "2|1", "two reports kept, the second marked duplicate");

  // The map lists the outage's ZIP code (when this server draws it); else the page goes without a map.
  if (await serverHasMap()) {
    const map = page.getByTestId("outage-map");
    await map.getByTestId("outage-areas").getByText(`, ${transformer.home.zip}`, { exact: false }).waitFor({ timeout: 35_000 });
    assert.equal(await map.locator("svg[role=img]").count(), 1);
    assert.match(await map.locator("svg[role=img]").getAttribute("aria-label"), /^Map of outages\. Customers out: \d+\. Areas affected: \d+\.$/);
    await photograph(page, map, "map-phone");
  } else {
    assert.equal(await page.getByTestId("outage-map").count(), 0, "no map, and no error, from a server without one");
  }
  assert.deepEqual(errors, []);
});

test("a signed-in customer sees their home's outage on Home and the Outages page, which refreshes itself, and reports in one tap", async (t) => {
  const transformer = await quietTransformer(async (home) => {
    if (!home.account || TAKEN.has(home.account)) return false;
    const account = await apiKeyGet(`/api/v1/staff/accounts/${home.account}`);
    const english = (await sql(`SELECT language FROM accounts WHERE number = '${home.account}';`)) === "en";
    return english && Boolean(account.customer?.email) && account.staff_facts?.portal_logins === 0;
  });
  const { home } = transformer;
  const account = await apiKeyGet(`/api/v1/staff/accounts/${home.account}`);
  const known = await outageAt(transformer);
  const { page, errors } = await newPage(t, SCREEN);
  await signUpByEmail(page, { email: account.customer.email, address: account.service_address }, PASSWORD);

  // Home: one line with when power should be back, and the way to the Outages page.
  const card = page.getByTestId("outage-card");
  await card.waitFor();
  const etr = known.etr ? `Estimated back by ${clockText(known.etr)}.` : "We will estimate when power will be back soon.";
  assert.equal(plain(await card.getByTestId("outage-card-out").innerText()), `The power is out at ${home.line1}. ${etr}`);
  await photograph(page, card, "home-card-desktop");
  await card.getByRole("link", { name: "See the outage" }).click();
  await page.getByRole("heading", { level: 1, name: "Power outages" }).waitFor();
  const menu = page.getByRole("navigation", { name: "Main menu" });
  assert.equal(await menu.getByRole("link", { name: "Outages", exact: true }).getAttribute("aria-current"), "page");

  // The home, with what we know (the account's own view: its exact count of the outage).
  const homeCard = page.getByTestId("home-outage").filter({ hasText: home.line1 });
  await homeCard.getByText("Power is out here").waitFor();
  const mine = (await apiKeyGet(`/api/v1/accounts/${home.account}/outages`)).premises.find((p) => p.premise === home.premise);
  await homeCard.getByText(knownSentence(mine.outage.customers_out), { exact: true }).waitFor();
  const updated = page.getByTestId("homes-as-of");
  assert.match(plain(await updated.innerText()), /^Updated \d{1,2}:\d{2}:\d{2} [AP]M\. This page checks for news every 30 seconds\.$/);
  await photograph(page, page.locator("main"), "signed-in-desktop");

  // It asks again by itself, about every 30 seconds.
  const again = await page.waitForResponse((r) => r.url().endsWith(`/api/v1/accounts/${home.account}/outages`) && r.status() === 200, { timeout: 40_000 });
  assert.ok(again.ok());

  // One tap.
  await homeCard.getByRole("button", { name: "Report outage", exact: true }).click();
  await homeCard.getByTestId("report-result").getByText("Thank you. Your report is added to the outage we know about.").waitFor();
  assert.equal(await sql(
    "SELECT COUNT(*) FROM outage_signals s JOIN service_points sp ON sp.id = s.service_point_id JOIN accounts a ON a.id = s.account_id " +
    `WHERE s.kind = 'report' AND s.report_kind = 'out' AND sp.premise_id = ${home.premise} AND a.number = '${home.account}' AND s.actor LIKE 'customer:%';`,
  ), "1");

  // The same on a phone.
  await page.setViewportSize(PHONE.viewport);
  await photograph(page, homeCard, "signed-in-phone");
  await page.getByRole("link", { name: "Home", exact: true }).click();
  await card.waitFor();
  await photograph(page, card, "home-card-phone");

  // In Spanish on the desktop: the menu's nine items on one line, the home's outage in Spanish.
  await page.setViewportSize(SCREEN.viewport);
  await inLanguage(page, "es");
  const menú = page.getByRole("navigation", { name: "Menú principal" });
  await menú.getByRole("link", { name: "Apagones", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Cortes de luz" }).waitFor();
  await homeCard.getByText("Aquí no hay luz").waitFor();
  const rows = await menú.getByRole("link").evaluateAll((links) => new Set(links.map((a) => a.getBoundingClientRect().top)).size);
  assert.equal(rows, 1, "the menu is one line on a desktop");
  await photograph(page, page.locator("body"), "signed-in-desktop-es");
  assert.deepEqual(errors, []);
});

test("choosing 'wires down' shows the safety message and the emergency number before anything else", async (t) => {
  const transformer = await quietTransformer();
  const { page, errors } = await newPage(t, SCREEN);
  await page.goto(`${BASE}/outages`);
  await findAddress(page, transformer.home);
  // Nothing is known there yet.
  await page.getByTestId("no-known-outage").getByText("We don't know of an outage at this address yet.").waitFor();

  await page.getByText("Add details (optional)").click();
  assert.equal(await page.getByTestId("wires-down-safety").count(), 0, "no safety message before wires down is chosen");
  await page.getByLabel("Wires are down").check();
  const safety = page.getByTestId("wires-down-safety");
  await safety.waitFor();
  assert.equal(await safety.evaluate((el) => el === document.activeElement), true, "the safety message takes focus");
  assert.match(plain(await safety.innerText()), /^Stay away: call 911 first Stay at least 10 metres \(35 feet\) away from a downed wire/);
  assert.equal(await safety.getByRole("link", { name: "Call 911" }).getAttribute("href"), "tel:911");
  // First in the form: before the choices and every field.
  const first = await page.locator("details.report-details form").evaluate((form) => form.firstElementChild?.dataset.testid);
  assert.equal(first, "wires-down-safety");
  await photograph(page, page.locator("details.report-details"), "wires-down-desktop");

  // A callback number that is not one is said before sending; then the report goes.
  await page.getByLabel("Phone to call you back (optional)").fill("555-01");
  await page.getByRole("button", { name: "Send report" }).click();
  await page.getByText("Enter a 10-digit US phone number, like 541-555-0134, or leave it empty.").waitFor();
  await page.getByLabel("Phone to call you back (optional)").fill("(541) 555-0134");
  await page.getByLabel("Anything we should know? (optional)").fill("A line is down across the driveway.");
  await page.getByRole("button", { name: "Send report" }).click();
  await page.getByTestId("report-result").getByText("Thank you. We have your report and will look into it.").waitFor();
  const kept = await sql(
    "SELECT s.report_kind, s.callback_phone, s.details FROM outage_signals s JOIN service_points sp ON sp.id = s.service_point_id " +
    `WHERE s.kind = 'report' AND sp.premise_id = ${transformer.home.premise} ORDER BY s.id DESC LIMIT 1;`,
  );
  assert.equal(kept, "wires_down|+15415550134|A line is down across the driveway.");
  assert.deepEqual(errors, []);
});

test("in Spanish: the known outage, a report by address, and a report by phone number", async (t) => {
  const transformer = await quietTransformer();
  const known = await outageAt(transformer);
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/outages`);
  await inLanguage(page, "es");
  await page.getByRole("heading", { level: 1, name: "Cortes de luz" }).waitFor();
  await page.getByText("¿Ve un cable caído? Manténgase a por lo menos 10 metros (35 pies) y llame al 911.").waitFor();

  await findAddress(page, transformer.home, { find: "Buscar la dirección", street: "Número y calle", zip: "Código postal (opcional)" });
  const status = page.getByTestId("address-status");
  const count = known.customers_out;
  await status.getByText(count < 20
    ? `Sabemos de un corte que afecta a ${count} clientes cerca de usted.`
    : `Sabemos de un corte que afecta a unos ${count} clientes cerca de usted.`, { exact: true }).waitFor();
  if (known.etr) {
    const etr = `Hora estimada de regreso: ${clockText(known.etr, "es-US")}`;
    assert.ok(plain(await status.innerText()).includes(etr), `${etr} in: ${await status.innerText()}`);
  }
  await status.getByText(/^Actualizado: /).waitFor();
  await photograph(page, page.locator("main"), "known-outage-phone-es");
  await page.getByRole("button", { name: "Reportar corte", exact: true }).click();
  await page.getByTestId("report-result").getByText("Gracias. Agregamos su reporte al corte que ya conocemos.").waitFor();

  // By phone number: a number on no account, or on several homes, is refused in Spanish at the
  // field; the number of one home's account reports for that home.
  const phones = await phoneNumbers();
  await page.goto(`${BASE}/outages`);
  await page.locator("html[lang=es]").waitFor();
  await page.getByRole("button", { name: "Usar mi número de teléfono" }).click();
  const phone = page.getByLabel("Número de teléfono de su cuenta");
  assert.equal(await phone.evaluate((el) => el === document.activeElement), true, "the phone field takes focus");
  const send = page.getByRole("button", { name: "Reportar corte", exact: true });
  await send.click();
  await page.getByText("Escriba el número de teléfono de 10 dígitos de su cuenta, como 541-555-0134.").waitFor();
  await phone.fill(phones.none);
  await send.click();
  await page.getByText("No encontramos una casa con electricidad de nuestra empresa para ese número de teléfono. Busque su dirección.").waitFor();
  await phone.fill(phones.several);
  await send.click();
  await page.getByText("Ese número de teléfono está en más de una casa. Busque su dirección para saber cuál es.").waitFor();
  await photograph(page, page.locator("main"), "by-phone-refused-phone-es");
  await phone.fill(phones.one);
  await send.click();
  const result = page.getByTestId("report-result");
  await result.getByText("Registramos su reporte para la casa de la cuenta con ese número.").waitFor();
  await result.getByText(/^Gracias\. (Recibimos su reporte y lo vamos a revisar|Agregamos su reporte al corte que ya conocemos)\.$/).waitFor();
  assert.equal(await sql(
    "SELECT COUNT(*) FROM outage_signals s JOIN service_points sp ON sp.id = s.service_point_id " +
    `WHERE s.kind = 'report' AND sp.premise_id = ${phones.premise} AND s.actor LIKE 'public:%';`,
  ), "1", "the report is for the one home of that number's account");
  await photograph(page, page.locator("main"), "by-phone-done-phone-es");
  await page.getByRole("button", { name: "Buscar mi dirección" }).click();
  await page.getByLabel("Número y calle").waitFor();

  // The desktop, in Spanish, with the map when the server draws one.
  await page.setViewportSize(SCREEN.viewport);
  await photograph(page, page.locator("main"), "signed-out-desktop-es");
  if (await serverHasMap()) {
    const map = page.getByTestId("outage-map");
    await map.getByRole("heading", { name: "Mapa de cortes" }).waitFor();
    await map.getByTestId("outage-areas").getByText(`, ${transformer.home.zip}`, { exact: false }).waitFor({ timeout: 35_000 });
    await photograph(page, map, "map-desktop-es");
  }
  assert.deepEqual(errors, []);
});
