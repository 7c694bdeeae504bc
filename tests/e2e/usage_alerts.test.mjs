// Browser tests of usage alerts and possible leaks, end to end, against a running Ratepayer server:
// a customer sets a bill-amount alert and agrees to texts in Settings, the morning usage watch
// (`ratepayer watch-usage`, run here twice) finds the period heading past it, and exactly one
// high-usage email and one text arrive while Home shows where the bill is heading; a water meter's
// possible leak from the generated data is emailed to its customer, shows on their Home with what
// to check, and reaches the staff console's "Possible leaks" queue, where staff close it with a
// note and it leaves the open list. Screens are photographed at phone size and on a desktop, in
// English and Spanish, under $RATEPAYER_E2E_ARTIFACTS/usage-*.png.
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_ACCOUNT, RATEPAYER_E2E_SECOND_ACCOUNT,
//   RATEPAYER_E2E_MAIL_DIR, RATEPAYER_E2E_TEXT_DIR, RATEPAYER_E2E_DB  as for portal.test.mjs
//   RATEPAYER_STAFF_EMAIL, RATEPAYER_STAFF_PASSWORD, RATEPAYER_STAFF_TOTP_SECRET  as for staff_console.test.mjs
//   RATEPAYER_BIN=/path/to/ratepayer   the server's binary, to run `watch-usage` on RATEPAYER_E2E_DB
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createHmac } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see the top of usage_alerts.test.mjs)`);
  return value;
}

const BASE = required("RATEPAYER_BASE_URL").replace(/\/+$/, "");
const STAFF_TOKEN = required("RATEPAYER_STAFF_KEY");
const MAIL_DIR = required("RATEPAYER_E2E_MAIL_DIR");
const TEXT_DIR = required("RATEPAYER_E2E_TEXT_DIR");
const DB = required("RATEPAYER_E2E_DB");
const BIN = required("RATEPAYER_BIN");
const STAFF_EMAIL = required("RATEPAYER_STAFF_EMAIL");
const STAFF_PASSWORD = required("RATEPAYER_STAFF_PASSWORD");
const STAFF_TOTP = Buffer.from(required("RATEPAYER_STAFF_TOTP_SECRET"), "hex");
// Accounts other browser tests sign up with: not used here.
const TAKEN = new Set([required("RATEPAYER_E2E_ACCOUNT"), required("RATEPAYER_E2E_SECOND_ACCOUNT")]);
const ARTIFACTS = process.env.RATEPAYER_E2E_ARTIFACTS || "/tmp";
const PASSWORD = "river lamp oboe forty";
// A mobile number no generated account has; the fake SMS provider takes any.
const MOBILE = "+15415550177";

const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-US" };
const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: "en-US" };

let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

async function newPage(t, device = PHONE) {
  const context = await browser.newContext(device);
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return { page, errors };
}

async function asStaff(method, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${STAFF_TOKEN}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.equal(response.status, 200, `staff ${method} ${path}: ${response.status}`);
  return response.json();
}
const staffGet = (path) => asStaff("GET", path);

/** Runs the morning usage watch on the test database, as the server does at usage_alerts_hour. */
async function watchUsage() {
  const { stdout } = await promisify(execFile)(BIN, ["watch-usage", "--db", `sqlite:${DB}`]);
  assert.match(stdout, /usage watch for \d{4}-\d{2}-\d{2}/);
  return stdout;
}

/** Quiet hours off while `run` runs (texts would otherwise wait for the morning), then as they were. */
async function withoutQuietHours(run) {
  const settings = await staffGet("/api/v1/staff/settings");
  const was = settings.settings.find((s) => s.key === "quiet_hours_end");
  const start = settings.settings.find((s) => s.key === "quiet_hours_start");
  const startHour = start.value ?? start.when_unset;
  await asStaff("PUT", "/api/v1/staff/settings/quiet_hours_end", { value: startHour });
  try {
    return await run();
  } finally {
    await asStaff("PUT", "/api/v1/staff/settings/quiet_hours_end", { value: was.value ?? was.when_unset });
  }
}

/** The emails to `to` after email number `after` whose text matches `pattern`. */
async function emailsTo(to, pattern, after) {
  const names = (await readdir(MAIL_DIR).catch(() => [])).filter((n) => n.endsWith(".eml") && parseInt(n) > after);
  names.sort((a, b) => parseInt(a) - parseInt(b));
  const found = [];
  for (const name of names) {
    const text = await readFile(join(MAIL_DIR, name), "utf8");
    if (text.includes(`X-Envelope-To: ${to}`) && pattern.test(text)) found.push(text);
  }
  return found;
}

async function lastMailNumber() {
  const names = (await readdir(MAIL_DIR).catch(() => [])).filter((n) => n.endsWith(".eml"));
  return Math.max(0, ...names.map((n) => parseInt(n)));
}

/** The texts the SMS provider took for `to` whose body matches `pattern`. */
async function textsTo(to, pattern) {
  const names = (await readdir(TEXT_DIR).catch(() => [])).filter((n) => n.endsWith(".json"));
  names.sort((a, b) => parseInt(a) - parseInt(b));
  const found = [];
  for (const name of names) {
    const text = JSON.parse(await readFile(join(TEXT_DIR, name), "utf8"));
    if (text.to === to && pattern.test(text.body)) found.push(text);
  }
  return found;
}

/** Waits (the server's notices pass runs every 2 s) until `look` finds something. */
async function arrives(look, what) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const found = await look();
    if (found.length > 0) return found;
    await sleep(250);
  }
  assert.fail(`${what} did not arrive`);
}

async function emailedLink(to) {
  const [text] = await arrives(async () => (await emailsTo(to, /\/verify\?token=/, 0)).reverse(), `the sign-up email to ${to}`);
  return text.match(/https?:\/\/\S+\/verify\?token=\S+/)[0];
}

async function runAxe(page) {
  const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** Nothing wider than the screen, axe finds nothing, and the part is photographed as usage-<name>.png. */
async function photograph(page, locator, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the screen`);
  assert.deepEqual(await runAxe(page), [], `WCAG 2.1 AA violations on ${name}`);
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: join(ARTIFACTS, `usage-${name}.png`) });
}

/** What the utility has on file for an account (digits or formatted): address, email, name. */
async function accountOnFile(number) {
  const account = await staffGet(`/api/v1/staff/accounts/${number.replace(/\D/g, "")}`);
  return { number: number.replace(/\D/g, ""), address: account.service_address, email: account.customer?.email, name: account.customer?.name };
}

/** Signs up with the email on file and the service address; ends signed in on Home. */
async function signUp(page, account) {
  await page.goto(`${BASE}/register`);
  await page.getByLabel("Email").fill(account.email);
  // As the bill prints it: the unit too, at an apartment.
  const street = [account.address.line1, account.address.line2].filter(Boolean).join(", ");
  await page.getByLabel("Service address (number and street)").fill(street);
  await page.getByLabel("ZIP code").fill(account.address.zip);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
  await page.goto(await emailedLink(account.email));
  await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("New password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
}

async function inLanguage(page, language) {
  const other = language === "es" ? "Español" : "English";
  const button = page.getByRole("button", { name: other, exact: true });
  if (await button.count()) await button.first().click();
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/**
 * An account for the high-usage test: active, in English, with an email on file and no login
 * yet, seven days or more into a period whose charges are heading for $150 or more (an amount
 * alert past the first 7 days goes by the projection), without an alert this period.
 */
async function highUsageAccount() {
  const { stdout } = await promisify(execFile)("sqlite3", [DB,
    "SELECT a.number FROM accounts a WHERE a.status = 'active' AND a.language = 'en' ORDER BY a.id DESC LIMIT 60;"]);
  for (const number of stdout.split("\n").map((n) => n.trim()).filter((n) => /^\d{9}$/.test(n))) {
    if (TAKEN.has(number)) continue;
    const toDate = await staffGet(`/api/v1/accounts/${number}/usage/to-date`);
    if (toDate.problem || toDate.days_so_far < 7 || !toDate.projected_charges) continue;
    if (Number(toDate.projected_charges.amount) < 150) continue;
    const alerts = await staffGet(`/api/v1/accounts/${number}/alerts`);
    if (alerts.usage_alerts.some((a) => a.period_start === toDate.period.start)) continue;
    if (alerts.leaks.some((l) => l.status === "open")) continue;
    const account = await accountOnFile(number);
    if (!account.email || !account.address) continue;
    return { ...account, toDate };
  }
  assert.fail("the test utility has an account heading for a $150 bill");
}

test("a customer sets a $150 alert and agrees to texts; the usage watch sends one email and one text, and Home shows where the bill is heading", async (t) => {
  const account = await highUsageAccount();
  const { page, errors } = await newPage(t);
  await signUp(page, account);

  // Texts: the exact words the server gives for the number, then agreeing to them.
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const texts = page.getByRole("region", { name: "Text messages" });
  await texts.getByTestId("texts-off").waitFor();
  await texts.getByLabel("Mobile number for texts").fill("541-555-01");
  await texts.getByRole("button", { name: "Continue" }).click();
  await texts.getByText("Enter a 10-digit US mobile number, like 541-555-0123.").waitFor();
  await texts.getByLabel("Mobile number for texts").fill("(541) 555-0177");
  await texts.getByRole("button", { name: "Continue" }).click();
  const server = await staffGet(`/api/v1/accounts/${account.number}/text-consent?number=${encodeURIComponent(MOBILE)}&language=en`);
  assert.equal((await texts.getByTestId("texts-wording").textContent()).trim(), server.wording);
  await photograph(page, texts, "settings-texts-words");
  await texts.getByRole("button", { name: "I agree: text me" }).click();
  await texts.getByRole("status").filter({ hasText: "Done. We will text (541) 555-0177." }).waitFor();
  await texts.getByText("Texts are on. We text (541) 555-0177.").waitFor();
  const consent = await staffGet(`/api/v1/accounts/${account.number}/text-consent`);
  assert.equal(consent.granted, true);
  assert.equal(consent.number, MOBILE);
  assert.equal(consent.source, "portal");

  // The notices' Text column opens; the high-usage text is on (its default), and stays on.
  const notices = page.getByRole("region", { name: "Notices", exact: true });
  const textBox = notices.getByRole("checkbox", { name: "High usage alert Text", exact: true });
  await textBox.waitFor();
  assert.equal(await textBox.isDisabled(), false);
  const choices = await staffGet(`/api/v1/accounts/${account.number}/notice-choices`);
  const high = choices.kinds.find((k) => k.kind === "usage.high");
  assert.equal(await textBox.isChecked(), high.text);
  if (!high.text) {
    await textBox.check();
    await notices.getByRole("button", { name: "Save notice choices" }).click();
    await notices.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  }
  assert.equal(await notices.getByRole("checkbox", { name: "Your bill is ready Text", exact: true }).count(), 0, "no text for bills");

  // The alert amount: a wrong one is said at the field; $150 (or the charges so far) is saved.
  const threshold = 150; // the account's period is heading past it (highUsageAccount)
  const alerts = page.getByRole("region", { name: "Usage alerts" });
  const amount = alerts.getByLabel("Alert me when this period's bill reaches (optional)");
  await amount.fill("0.50");
  await alerts.getByRole("button", { name: "Save usage alerts" }).click();
  await alerts.getByText("Enter an amount from $1.00 to $100,000.00, or leave it empty.").waitFor();
  assert.equal(await amount.getAttribute("aria-invalid"), "true");
  await amount.fill(`$${threshold}`);
  await alerts.getByLabel("Alert me when I use more than on my last bill, by this percent (optional)").fill("");
  await alerts.getByLabel("Alert me when I use more than at this time last year, by this percent (optional)").fill("");
  const saved = page.waitForRequest((r) => r.method() === "PUT" && r.url().endsWith("/usage-thresholds"));
  await alerts.getByRole("button", { name: "Save usage alerts" }).click();
  assert.deepEqual((await saved).postDataJSON(), { amount: `${threshold}.00`, last_bill_percent: null, last_year_percent: null });
  await alerts.getByRole("status").filter({ hasText: "Saved. We will check your usage against these every morning." }).waitFor();
  const held = await staffGet(`/api/v1/accounts/${account.number}/alerts`);
  assert.deepEqual(held.thresholds, { amount: { amount: `${threshold}.00`, currency: "USD" }, last_bill_percent: null, last_year_percent: null });
  await photograph(page, alerts, "settings-alerts-phone-en");

  // The watch, twice: one alert, one email and one text.
  const mailBefore = await lastMailNumber();
  const textsBefore = (await textsTo(MOBILE, /./)).length; // 0 on a fresh server
  await withoutQuietHours(async () => {
    await watchUsage();
    await watchUsage();
    await arrives(() => emailsTo(account.email, /^Subject: .*bill is heading higher/m, mailBefore), "the high-usage email");
    await arrives(() => textsTo(MOBILE, /heading for a bill of about/), "the high-usage text");
    await sleep(5_000); // two more notices passes: nothing else comes
  });
  assert.equal((await emailsTo(account.email, /^Subject: .*bill is heading higher/m, mailBefore)).length, 1, "one high-usage email");
  const sent = (await textsTo(MOBILE, /./)).slice(textsBefore);
  assert.equal(sent.length, 1, `one text: ${sent.map((s) => s.body).join(" | ")}`);
  const after = await staffGet(`/api/v1/accounts/${account.number}/alerts`);
  const now = after.usage_alerts.filter((a) => a.period_start === account.toDate.period.start);
  assert.equal(now.length, 1, "one alert this period");
  assert.equal(now[0].basis, "amount");
  const projected = `$${Number(now[0].projected.amount).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
  assert.ok(sent[0].body.includes(projected), `the text names ${projected}: ${sent[0].body}`);

  // Home: where the bill is heading, with the ways to Usage and the alert settings.
  await page.getByRole("link", { name: "Home", exact: true }).click();
  const card = page.getByTestId("usage-alert-card");
  await card.waitFor();
  const heading = now[0].estimated ? `This period's bill is heading for about ${projected} (an estimate).` : `This period's bill is heading for about ${projected}.`;
  assert.equal((await card.getByTestId("usage-alert-projected").textContent()).trim(), heading);
  await card.getByRole("link", { name: "See usage" }).waitFor();
  await photograph(page, card, "home-high-usage-phone-en");
  await inLanguage(page, "es");
  await card.getByText(/La factura de este período va camino de unos/).waitFor();
  await photograph(page, card, "home-high-usage-phone-es");
  await page.getByRole("link", { name: "Ajustes", exact: true }).click();
  const alertas = page.getByRole("region", { name: "Alertas de consumo" });
  await alertas.getByRole("button", { name: "Guardar alertas de consumo" }).waitFor();
  await photograph(page, alertas, "settings-alerts-phone-es");
  await photograph(page, page.getByRole("region", { name: "Mensajes de texto" }), "settings-texts-phone-es");
  await photograph(page, page.getByRole("region", { name: "Avisos", exact: true }), "settings-notices-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, alertas, "settings-alerts-desktop-es");
  await inLanguage(page, "en");
  await photograph(page, page.getByRole("region", { name: "Usage alerts" }), "settings-alerts-desktop-en");
  await photograph(page, page.getByRole("region", { name: "Notices", exact: true }), "settings-notices-desktop-en");
  // The settings link of the card opens Settings at the alerts.
  await page.getByRole("link", { name: "Home", exact: true }).click();
  await card.waitFor();
  await photograph(page, card, "home-high-usage-desktop-en");
  await card.getByRole("link", { name: "Change usage alerts" }).click();
  await page.getByRole("region", { name: "Usage alerts" }).getByRole("button", { name: "Save usage alerts" }).waitFor();
  assert.deepEqual(errors, []);
});

// ---- the staff console -------------------------------------------------------------------

function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** A code not near the end of its 30-second step (the server sees the same step). */
async function freshCode() {
  for (;;) {
    const left = 30_000 - (Date.now() % 30_000);
    if (left > 3_000) return totp(STAFF_TOTP, Math.floor(Date.now() / 30_000));
    await sleep(left + 250);
  }
}

async function staffConsole(t, device) {
  const { page, errors } = await newPage(t, device);
  await page.goto(`${BASE}/staff.html`);
  await page.getByRole("heading", { level: 1, name: "Sign in", exact: true }).waitFor();
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(STAFF_EMAIL);
  await page.getByLabel("Password", { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("textbox", { name: "Code from your authenticator app" }).fill(await freshCode());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("searchbox", { name: "Search accounts" }).waitFor();
  return { page, errors };
}

const LEAK_SUBJECT = /^Subject: Possible (water|gas) leak at your /m;

test("a water meter's possible leak is emailed to its customer, shows on their Home, reaches the staff queue and leaves it when staff close it", async (t) => {
  await watchUsage(); // the leaks the generated data holds (again: found once per episode)
  const { leaks } = await staffGet("/api/v1/staff/leaks?status=open&limit=50");
  const water = leaks.filter((l) => l.commodity === "water" && !TAKEN.has(l.account.replace(/\D/g, "")));
  assert.ok(water.length > 0, "the generated data gives a recently read water meter a leak");
  const leak = water[0];
  const account = await accountOnFile(leak.account);
  assert.ok(account.email, `account ${leak.account} has an email on file`);

  // Its customer was emailed.
  const [email] = await arrives(() => emailsTo(account.email, LEAK_SUBJECT, 0), `the leak email to ${account.email}`);
  assert.ok(email.includes(leak.meter), "the email names the meter");

  // Its customer's Home: what was seen and what to check, in both languages.
  const { page, errors } = await newPage(t);
  await signUp(page, account);
  const card = page.locator(`[data-testid="leak-card"][data-leak="${leak.id}"]`);
  await card.waitFor();
  await card.getByRole("heading", { name: "Possible water leak" }).waitFor();
  assert.match(await card.getByTestId("leak-seen").textContent(), /gal/);
  await card.getByText(/food coloring/).waitFor();
  // "Fixed / checked it" asks for a note first.
  await card.getByRole("button", { name: "Fixed / checked it" }).click();
  await card.getByRole("button", { name: "Close this alert" }).click();
  await card.getByText("Write a short note about what you found or fixed.").waitFor();
  await photograph(page, card, "home-leak-note-phone-en");
  await card.getByRole("button", { name: "Cancel" }).click();
  await photograph(page, card, "home-leak-phone-en");
  await inLanguage(page, "es");
  await card.getByRole("heading", { name: "Posible fuga de agua" }).waitFor();
  await photograph(page, card, "home-leak-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, card, "home-leak-desktop-es");
  await inLanguage(page, "en");
  await photograph(page, page.locator("main"), "home-leak-desktop-en");

  // Staff: the queue counts it and lists it; closing needs a note; closed, it leaves the open list.
  const { page: staff, errors: staffErrors } = await staffConsole(t, DESKTOP);
  await staff.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Work", exact: true }).click();
  const link = staff.getByTestId("queue-link-possible-leaks");
  await link.waitFor();
  const counts = await staffGet("/api/v1/staff/work-queues");
  assert.equal(await staff.getByTestId("queue-count-possible-leaks").textContent(), String(counts.possible_leaks));
  await link.click();
  const row = staff.locator(`[data-testid="leak-row"][data-leak="${leak.id}"]`);
  await row.waitFor();
  await row.getByRole("link", { name: leak.account }).waitFor();
  await row.getByText(leak.customer).waitFor();
  await row.getByText(leak.meter, { exact: true }).waitFor();
  await photograph(staff, staff.locator(".work-screen"), "staff-leaks-desktop");
  await staff.setViewportSize(PHONE.viewport);
  await photograph(staff, staff.locator(".work-screen"), "staff-leaks-phone");
  await staff.setViewportSize(DESKTOP.viewport);
  await row.getByRole("button", { name: "Close…" }).click();
  await row.getByRole("button", { name: "Close the leak" }).click();
  await row.getByText("Write what was found or done.").waitFor();
  await row.getByLabel("Resolution").fill("Customer found a running toilet and replaced the flapper.");
  await row.getByRole("button", { name: "Close the leak" }).click();
  await staff.getByTestId("leaks-outcome").filter({ hasText: `Closed the possible leak on meter ${leak.meter}` }).waitFor();
  await row.waitFor({ state: "detached" });
  const open = await staffGet("/api/v1/staff/leaks?status=open&limit=50");
  assert.ok(!open.leaks.some((l) => l.id === leak.id), "not open any more");
  const closed = await staffGet("/api/v1/staff/leaks?status=closed&limit=50");
  const done = closed.leaks.find((l) => l.id === leak.id);
  assert.equal(done.resolution, "Customer found a running toilet and replaced the flapper.");
  await staff.getByRole("radio", { name: "Closed" }).check();
  const closedRow = staff.locator(`[data-testid="leak-row"][data-leak="${leak.id}"]`);
  await closedRow.getByText("Customer found a running toilet").waitFor();
  await photograph(staff, staff.locator(".work-screen"), "staff-leaks-closed-desktop");

  // The account view: the leak closed with its note; the thresholds set on the customer's word.
  await closedRow.getByRole("link", { name: leak.account }).click();
  const section = staff.getByRole("region", { name: "Usage alerts" });
  await section.locator(`[data-testid="account-leak"][data-leak="${leak.id}"]`).getByText(/Customer found a running toilet/).waitFor();
  await section.getByLabel("Percent over the last bill").fill("25");
  await section.getByRole("button", { name: "Save thresholds" }).click();
  await section.getByRole("status").filter({ hasText: "Saved: Alert when 25% over the last bill." }).waitFor();
  const held = await staffGet(`/api/v1/accounts/${account.number}/alerts`);
  assert.equal(held.thresholds.last_bill_percent, 25);
  await photograph(staff, section, "staff-account-alerts-desktop");

  // The customer's Home no longer shows it.
  await page.reload();
  await page.getByTestId("balance").waitFor();
  assert.equal(await card.count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(staffErrors, []);
});

test("a customer who checked a possible leak closes it from Home with a note; staff see it closed by the customer", async (t) => {
  const { leaks } = await staffGet("/api/v1/staff/leaks?status=open&limit=50");
  const leak = leaks.find((l) => !TAKEN.has(l.account.replace(/\D/g, "")));
  if (!leak) return t.skip("no other open leak in the generated data");
  const account = await accountOnFile(leak.account);
  const { page, errors } = await newPage(t);
  await signUp(page, account);
  await inLanguage(page, "es");
  const card = page.locator(`[data-testid="leak-card"][data-leak="${leak.id}"]`);
  await card.getByRole("button", { name: "Ya lo arreglé / revisé" }).click();
  await card.getByLabel("¿Qué encontró o arregló?").fill("Cambié la válvula del inodoro.");
  const closing = page.waitForResponse((r) => r.url().endsWith(`/leaks/${leak.id}/close`));
  await card.getByRole("button", { name: "Cerrar esta alerta" }).click();
  assert.equal((await closing).status(), 200);
  await card.getByRole("status").filter({ hasText: "Gracias. La alerta está cerrada." }).waitFor();
  await photograph(page, card, "home-leak-closed-phone-es");
  const { leaks: closed } = await staffGet("/api/v1/staff/leaks?status=closed&limit=50");
  const done = closed.find((l) => l.id === leak.id);
  assert.equal(done.resolution, "Cambié la válvula del inodoro.");
  assert.match(done.closed_by, /^customer:/);
  await page.reload();
  await page.getByTestId("balance").waitFor();
  assert.equal(await card.count(), 0, "Home shows it no more");
  assert.deepEqual(errors, []);
});
