// Browser tests of outage alerts, end to end, against a running Ratepayer server: a customer who
// agreed to texts (in Settings) and has an email on file is in an outage (made here from three
// meters' last gasps on their transformer); staff confirm it, set an ETR and restore it over the
// API; the new estimate and "power is back" reach the customer both by text (the SMS provider's
// folder) and by email (the SMTP folder), with the time and the link to the Outages page. The
// customer opens the text's link, reads "Power back? Still out?" and taps "My power is still
// out": a new report is recorded, and the page and a text say so. Another customer follows that address
// from the Outages page ("Get outage alerts for another address") and hears of it too, as an
// address they follow. Screens are photographed on a phone and a desktop, in English and
// Spanish, under $RATEPAYER_E2E_ARTIFACTS/outage-alerts-*.png (axe-core finds nothing on each).
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_ACCOUNT, RATEPAYER_E2E_SECOND_ACCOUNT,
//   RATEPAYER_E2E_MAIL_DIR, RATEPAYER_E2E_TEXT_DIR, RATEPAYER_E2E_DB  as for portal.test.mjs
//
// The outage is made on a transformer from the middle of the list by id (the console's outage
// tests, outages_console.test.mjs, take the first ones; the portal's, outages_portal.test.mjs, the
// last ones). The notices pipeline sends within a minute or so: each alert is waited for up to 90 s.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import {
  required, baseUrl, launchBrowser, openPage, photographer, inLanguage, plain, assertEventually, PHONE, DESKTOP,
  asApiKey, apiKey, apiKeyGet, arrives, emailsTo, lastMailNumber, textsTo, signUpByEmail,
} from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
required("RATEPAYER_E2E_MAIL_DIR");
required("RATEPAYER_E2E_TEXT_DIR");
required("RATEPAYER_E2E_DB");
// Accounts other browser tests sign up with: not used here.
const TAKEN = new Set([required("RATEPAYER_E2E_ACCOUNT"), required("RATEPAYER_E2E_SECOND_ACCOUNT")]);
const PASSWORD = "willow kettle drum ninety";
// A mobile number no generated account has (usage_alerts.test.mjs uses ...0177); the fake SMS provider takes any.
const MOBILE = "+15415550188";
const MOBILE_TYPED = "(541) 555-0188";
// The notices pipeline runs every few seconds to a minute.
const ALERT_WAIT = { timeout: 90_000 };

let browser;
let zone; // the utility's time zone: alerts and pages write times on its clocks

before(async () => {
  browser = await launchBrowser(chromium);
  zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
});

after(async () => {
  await browser?.close();
});

/** A page on `device` whose clocks are the utility's. */
// This file's customers come from their own address (the test server trusts loopback as a proxy),
// so its sign-ups and public reports count apart from other files' (20 sign-ups an hour a client).
const CLIENT = { "X-Forwarded-For": "198.51.100.23" };
const newPage = (t, device = PHONE) =>
  openPage(browser, t, device, { timezoneId: zone, extraHTTPHeaders: CLIENT });

const photograph = photographer("outage-alerts");

/** What sqlite3 prints for `query` on RATEPAYER_E2E_DB, opened read-only (rows by line, columns by "|"), trimmed. */
async function sql(query) {
  return (await promisify(execFile)("sqlite3", ["-readonly", required("RATEPAYER_E2E_DB"), query])).stdout.trim();
}

/** Rows of `query` as arrays of columns. */
const rows = async (query) => (await sql(query)).split("\n").filter(Boolean).map((r) => r.split("|"));

/**
 * The account's number, email and service address (as the staff account view has them), or null
 * when it cannot sign up here: it must be active and in English, with an email on file, no
 * portal login yet and no texts agreed to (the customer agrees to them here, at MOBILE).
 */
async function newCustomer(number) {
  if (!number || TAKEN.has(number)) return null;
  const account = await apiKeyGet(`/api/v1/staff/accounts/${number}`);
  const english = (await sql(`SELECT language FROM accounts WHERE number = '${number}' AND status = 'active';`)) === "en";
  if (!english || !account.customer?.email || !account.service_address || account.staff_facts?.portal_logins !== 0) return null;
  if ((await apiKeyGet(`/api/v1/accounts/${number}/text-consent`)).granted) return null;
  return { number, email: account.customer.email, address: account.service_address };
}

/**
 * A transformer with at least 8 electric service points, none dark in an open outage nor
 * signalled in the last 12 hours, with three meters in place, taken from the middle of the list
 * by id, and a home under it whose account can sign up here (newCustomer) and has this home as its
 * service address: { id, serials, home: { premise, line1, zip }, customer }.
 */
async function quietTransformerWithCustomer() {
  const candidates = await rows(
    "SELECT t.id, (SELECT group_concat(serial) FROM (SELECT m.serial FROM meters m JOIN service_points p ON p.id = m.service_point_id " +
    "  WHERE p.transformer_id = t.id AND p.commodity = 'electric' AND m.removed_on IS NULL ORDER BY m.serial LIMIT 3)) " +
    "FROM transformers t JOIN service_points sp ON sp.transformer_id = t.id AND sp.commodity = 'electric' " +
    "WHERE NOT EXISTS (SELECT 1 FROM service_points p JOIN outage_points op ON op.service_point_id = p.id " +
    "  WHERE p.transformer_id = t.id AND op.restored_at IS NULL AND op.moved_to IS NULL) " +
    "AND NOT EXISTS (SELECT 1 FROM service_points p JOIN outage_signals s ON s.service_point_id = p.id " +
    "  WHERE p.transformer_id = t.id AND s.received_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-12 hours')) " +
    "GROUP BY t.id HAVING COUNT(DISTINCT sp.id) >= 8 ORDER BY t.id;",
  );
  // From the middle outwards: middle, middle - 1, middle + 1, ...
  const middle = Math.floor(candidates.length / 2);
  const order = candidates.map((_, i) => middle + (i % 2 ? -1 : 1) * Math.ceil(i / 2)).filter((i) => i >= 0 && i < candidates.length);
  for (const [id, serials] of order.map((i) => candidates[i])) {
    if ((serials ?? "").split(",").length !== 3) continue;
    const homes = await rows(
      "SELECT p.id, p.line1, p.zip, a.number FROM service_points sp JOIN premises p ON p.id = sp.premise_id " +
      "JOIN service_agreements sa ON sa.service_point_id = sp.id AND sa.end_date IS NULL JOIN accounts a ON a.id = sa.account_id " +
      `WHERE sp.transformer_id = ${id} AND sp.commodity = 'electric' AND p.line2 = '' ORDER BY p.id;`,
    );
    for (const [premise, line1, zip, number] of homes) {
      const customer = await newCustomer(number);
      if (customer && customer.address.line1 === line1 && customer.address.zip === zip) {
        return { id: Number(id), serials: serials.split(","), home: { premise: Number(premise), line1, zip }, customer };
      }
    }
  }
  assert.fail("the test utility has a quiet transformer with 8 electric service points, 3 meters and a customer's home");
}

/** Another customer who can sign up here, with no home under transformer `id`, from the middle of the accounts by number. */
async function customerElsewhere(id, not) {
  const numbers = (await rows(
    "SELECT a.number FROM accounts a WHERE a.status = 'active' AND NOT EXISTS (SELECT 1 FROM service_agreements sa " +
    `  JOIN service_points sp ON sp.id = sa.service_point_id WHERE sa.account_id = a.id AND sp.transformer_id = ${id}) ORDER BY a.number;`,
  )).map((r) => r[0]);
  for (const number of numbers.slice(Math.floor(numbers.length / 2)).concat(numbers.slice(0, Math.floor(numbers.length / 2)))) {
    if (number === not) continue;
    const customer = await newCustomer(number);
    if (customer) return customer;
  }
  assert.fail("the test utility has a second customer who can sign up");
}

/** The hour and minute of `iso` on the utility's clocks, as the alerts write them: "6:30 PM". */
function alertClock(iso) {
  return plain(new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", hour12: true, timeZone: zone }).format(new Date(iso)));
}

/** Agrees to texts at MOBILE in Settings, as the customer reads the server's words. */
async function agreeToTexts(page, number) {
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const texts = page.getByRole("region", { name: "Text messages" });
  await texts.getByTestId("texts-off").waitFor();
  await texts.getByLabel("Mobile number for texts").fill(MOBILE_TYPED);
  await texts.getByRole("button", { name: "Continue" }).click();
  await texts.getByTestId("texts-wording").waitFor();
  await texts.getByRole("button", { name: "I agree: text me" }).click();
  await texts.getByText(`Texts are on. We text ${MOBILE_TYPED}.`).waitFor();
  const consent = await apiKeyGet(`/api/v1/accounts/${number}/text-consent`);
  assert.equal(consent.granted, true);
  assert.equal(consent.number, MOBILE);
  // Outage alerts go by text by default once texts are agreed to.
  const notices = page.getByRole("region", { name: "Notices", exact: true });
  for (const name of ["When power should be back", "Power restored"]) {
    const box = notices.getByRole("checkbox", { name: `${name} Text`, exact: true });
    await box.waitFor();
    assert.equal(await box.isChecked(), true, `${name}: by text`);
  }
}

test("a customer hears of the new ETR and the restoration by text and email, taps the text's link and says the power is still out; a follower of the address hears too", async (t) => {
  const transformer = await quietTransformerWithCustomer();
  const { home, customer } = transformer;
  const follower = await customerElsewhere(transformer.id, customer.number);
  const mailBefore = await lastMailNumber();

  // The customer signs up and agrees to texts.
  const { page, errors } = await newPage(t);
  await signUpByEmail(page, customer, PASSWORD);
  await agreeToTexts(page, customer.number);

  // The follower signs up and follows the customer's address from the Outages page.
  const { page: other, errors: otherErrors } = await newPage(t);
  await signUpByEmail(other, follower, PASSWORD);
  await other.goto(`${BASE}/outages`);
  const section = other.getByTestId("follow-addresses");
  await section.getByText("Get outage alerts for another address").click();
  await section.getByText("For example, a parent's house", { exact: false }).waitFor();
  assert.equal(await section.getByRole("link", { name: "Choose your notices in Settings" }).getAttribute("href"), "/settings#notices");
  // A search that is too short is said at its field; the follower's own home offers no Follow.
  await section.getByRole("button", { name: "Find the address" }).click();
  await section.getByText("Enter the house number and the start of the street, like 1204 Elm.").waitFor();
  assert.equal(await section.getByLabel("House number and street").getAttribute("aria-invalid"), "true");
  await section.getByLabel("House number and street").fill(follower.address.line1);
  await section.getByLabel("ZIP code (optional)").fill(follower.address.zip);
  await section.getByRole("button", { name: "Find the address" }).click();
  const matches = section.getByRole("list", { name: "Addresses found" });
  await matches.getByText("Your home: its alerts come already.").first().waitFor();
  await photograph(other, section, "follow-own-home-phone-en");
  // The customer's address: Follow, then it is listed with Stop.
  await section.getByLabel("House number and street").fill(home.line1);
  await section.getByLabel("ZIP code (optional)").fill(home.zip);
  await section.getByRole("button", { name: "Find the address" }).click();
  await section.getByRole("button", { name: new RegExp(`^Follow ${home.line1},`) }).click();
  await section.getByRole("status").filter({ hasText: `Done. We will send you outage alerts for ${home.line1},` }).waitFor();
  const listed = section.getByTestId("followed-address");
  await listed.filter({ hasText: home.line1 }).getByRole("button", { name: `Stop alerts for ${home.line1}` }).waitFor();
  assert.deepEqual((await apiKeyGet(`/api/v1/accounts/${follower.number}/followed-addresses`)).addresses.map((a) => a.premise), [home.premise]);
  assert.equal(await section.getByLabel("House number and street").inputValue(), "", "the search starts over for the next address");
  await photograph(other, section, "follow-phone-en");

  // Following the same address again is said, not offered; a second address is followed, then stopped.
  await section.getByLabel("House number and street").fill(home.line1);
  await section.getByLabel("ZIP code (optional)").fill(home.zip);
  await section.getByRole("button", { name: "Find the address" }).click();
  await matches.getByText("You follow this address.").first().waitFor();
  const [neighbour] = (await rows(
    `SELECT p.id, p.line1, p.zip FROM premises p JOIN service_points sp ON sp.premise_id = p.id AND sp.commodity = 'electric' ` +
    `WHERE p.id <> ${home.premise} AND p.line2 = '' AND sp.transformer_id <> ${transformer.id} ORDER BY p.id DESC LIMIT 1;`,
  ));
  await section.getByLabel("House number and street").fill(neighbour[1]);
  await section.getByLabel("ZIP code (optional)").fill(neighbour[2]);
  await section.getByRole("button", { name: "Find the address" }).click();
  await section.getByRole("button", { name: new RegExp(`^Follow ${neighbour[1]},`) }).click();
  await listed.filter({ hasText: neighbour[1] }).waitFor();
  await inLanguage(other, "es");
  await section.getByRole("status").filter({ hasText: `Listo. Le enviaremos las alertas de cortes de ${neighbour[1]},` }).waitFor();
  await section.getByRole("button", { name: `Quitar las alertas de ${neighbour[1]}` }).waitFor();
  await photograph(other, section, "follow-phone-es");
  await other.setViewportSize(DESKTOP.viewport);
  await photograph(other, section, "follow-desktop-es");
  await section.getByRole("button", { name: `Quitar las alertas de ${neighbour[1]}` }).click();
  await section.getByRole("status").filter({ hasText: `Listo. Ya no le enviaremos alertas de cortes de ${neighbour[1]}.` }).waitFor();
  await listed.filter({ hasText: neighbour[1] }).waitFor({ state: "detached" });
  await inLanguage(other, "en");
  await photograph(other, section, "follow-desktop-en");
  assert.deepEqual((await apiKeyGet(`/api/v1/accounts/${follower.number}/followed-addresses`)).addresses.map((a) => a.premise), [home.premise]);

  // The outage: three of the transformer's meters send their last gasp.
  const sent = await asApiKey("POST", "/api/v1/meter-events", {
    events: transformer.serials.map((meter) => ({ meter, kind: "last_gasp", occurred_at: new Date().toISOString() })),
  });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  let outage = null;
  await assertEventually(async () => {
    const { premises } = await apiKeyGet(`/api/v1/accounts/${customer.number}/outages`);
    outage = premises.find((p) => p.premise === home.premise)?.outage ?? null;
    return outage !== null;
  }, `an outage shows at the customer's home (transformer ${transformer.id})`, 20_000);
  const number = outage.number;

  // The follower hears it is detected, as an address they follow.
  const followed = new RegExp(`${home.line1} \\(an address you follow\\)`);
  const [detected] = await arrives(() => emailsTo(follower.email, /^Subject: Power outage at /m, mailBefore), "the follower's outage email", ALERT_WAIT);
  assert.match(detected, followed);
  assert.ok(detected.includes(`${BASE}/outages`), "the email links to the Outages page");

  // Staff confirm it and set an ETR about 3 hours ahead, on a quarter hour and past the history's
  // estimate for a transformer (3 hours, rounded up to the quarter hour), so it reads differently: announced.
  assert.equal((await asApiKey("POST", `/api/v1/staff/outages/${number}/moves`, { action: "confirm" })).status, 200);
  const quarter = 15 * 60_000;
  const etr = new Date(Math.ceil((Date.now() + 3.5 * 3600_000) / quarter) * quarter).toISOString();
  assert.notEqual(alertClock(etr), outage.etr ? alertClock(outage.etr) : null, "the new ETR reads differently from the first");
  const set = await apiKey("POST", `/api/v1/staff/outages/${number}/etr`, { etr });
  assert.equal(set.announced, true, "a crew's first ETR in place of the history's is announced");
  const clock = alertClock(etr);

  // The new estimate: a text and an email to the customer, an email to the follower.
  const etrWords = new RegExp(`Estimated back (today|[^.]+) by ${clock.replace(" ", "\\s")}\\.`);
  const [etrText] = await arrives(() => textsTo(MOBILE, new RegExp(`new estimate for the outage at ${home.line1}`)), "the ETR text", ALERT_WAIT);
  assert.match(etrText.body, etrWords);
  assert.ok(etrText.body.includes(`${BASE}/outages`), `the ETR text links to the Outages page: ${etrText.body}`);
  assert.doesNotMatch(etrText.body, /an address you follow/, "the customer's own home is not 'followed'");
  const [etrEmail] = await arrives(() => emailsTo(customer.email, new RegExp(`^Subject: New estimate for the outage at ${home.line1}`, "m"), mailBefore), "the ETR email", ALERT_WAIT);
  assert.match(etrEmail, etrWords);
  const [followerEtr] = await arrives(() => emailsTo(follower.email, /^Subject: New estimate for the outage at /m, mailBefore), "the follower's ETR email", ALERT_WAIT);
  assert.match(followerEtr, followed);
  assert.match(followerEtr, etrWords);

  // Staff restore it: power is back, by text and email, with the way to say it is still out.
  const restoredAfter = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, "Z");
  const restored = await asApiKey("POST", `/api/v1/staff/outages/${number}/moves`, { action: "restore" });
  assert.equal(restored.status, 200, JSON.stringify(restored.body));
  assert.equal(restored.body.outage.status, "restored");
  const [backText] = await arrives(() => textsTo(MOBILE, new RegExp(`power is back at ${home.line1}`)), "the restoration text", ALERT_WAIT);
  assert.ok(backText.body.includes(`Still out? Tap ${BASE}/outages to tell us.`), backText.body);
  const [backEmail] = await arrives(() => emailsTo(customer.email, new RegExp(`^Subject: Power is back at ${home.line1}`, "m"), mailBefore), "the restoration email", ALERT_WAIT);
  assert.match(backEmail, new RegExp(`Power is back at ${home.line1}`));
  assert.ok(backEmail.includes(`${BASE}/outages`), "the restoration email links to the Outages page");
  const [followerBack] = await arrives(() => emailsTo(follower.email, /^Subject: Power is back at /m, mailBefore), "the follower's restoration email", ALERT_WAIT);
  assert.match(followerBack, followed);
  // One of each to the customer's phone (texts, like emails, are sent once).
  assert.equal((await textsTo(MOBILE, /new estimate for the outage/)).length, 1, "one ETR text");
  assert.equal((await textsTo(MOBILE, /power is back at/)).length, 1, "one restoration text");

  // The customer taps the text's link: power back, still out? One tap says so.
  const link = backText.body.match(/https?:\/\/\S+\/outages/)[0];
  await page.goto(link);
  await page.getByRole("heading", { level: 1, name: "Power outages" }).waitFor();
  const card = page.getByTestId("home-outage").filter({ hasText: home.line1 });
  const back = card.getByTestId("power-back");
  await back.waitFor();
  await back.getByText("Power back? Still out? Tell us.").waitFor();
  assert.match(plain(await back.innerText()), /^Power came back here at \d{1,2}:\d{2} [AP]M\. Power back\? Still out\? Tell us\.$/);
  await photograph(page, card, "power-back-phone-en");
  await card.getByRole("button", { name: "My power is still out", exact: true }).click();
  await card.getByTestId("report-result").getByText("Thank you. We have your report and will look into it.").waitFor();
  const reports = await sql(
    "SELECT COUNT(*) FROM outage_signals s JOIN service_points sp ON sp.id = s.service_point_id " +
    `WHERE s.kind = 'report' AND sp.premise_id = ${home.premise} AND s.received_at > '${restoredAfter}' AND s.actor LIKE 'customer:%';`,
  );
  assert.equal(reports, "1", "a new report for the home, after the restoration");
  await arrives(() => textsTo(MOBILE, new RegExp(`we got your outage report for ${home.line1}`)), "the text acknowledging the report", ALERT_WAIT);
  await photograph(page, card, "still-out-phone-en");
  await inLanguage(page, "es");
  await page.getByRole("heading", { level: 1, name: "Cortes de luz" }).waitFor();
  await photograph(page, page.locator("main"), "outages-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await inLanguage(page, "en");
  await photograph(page, page.locator("main"), "outages-desktop-en");
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
});
