// Browser tests of the customer portal (web/index.html) against a running Ratepayer server, as
// customers would use it: sign up the ways that link an account at once (with the email the
// utility has on file, or with the account number and the amount due on a recent bill), open the
// emailed link, choose a password, read a bill and its PDF, pay, see the balance and the payment
// history change, look at usage, switch to Spanish and sign out; a customer whose meters are read
// by hand or drive-by sees their read periods and months (no 15-minute or hourly views); a second
// customer cannot reach the first one's account; a stranger who knows the address gets only a letter's code, and the
// account holder's "this wasn't me" link undoes it; signing in again in the same tab shows
// everything, however the session ended. Every page shows the utility's name and how to reach it
// (GET /api/v1/utility), and works without it. The pages run under the server's
// Content-Security-Policy (no bypass). axe-core (WCAG 2.1 A and AA rules) runs on every page in
// both languages; every page is photographed at phone size.
//
//   RATEPAYER_BASE_URL=http://127.0.0.1:8080   the server (serving web/dist and /api/v1)
//   RATEPAYER_STAFF_KEY=rpk_...                an API key, to look up the sample accounts (address,
//                                              email, bills) and take a payment at the counter
//   RATEPAYER_E2E_ACCOUNT=100000017            an account with bills
//   RATEPAYER_E2E_SECOND_ACCOUNT=100000025     another customer's account, with bills
//   RATEPAYER_E2E_MAIL_DIR=/tmp/mail           where the loopback SMTP server writes what it gets
//   RATEPAYER_E2E_TEXT_DIR=/tmp/texts          where the loopback SMS provider writes what it gets
//   RATEPAYER_E2E_DB=/tmp/e2e.db               the server's SQLite database (read with sqlite3:
//                                              the letters "mailed" to service addresses)
//   RATEPAYER_E2E_ARTIFACTS=/tmp               where screenshots go (optional)
//   RATEPAYER_E2E_USAGE_MONTHS=24              the months of usage generated (optional): with 24,
//                                              a register customer must see two years of reads

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import {
  required, baseUrl, artifactsDir, launchBrowser, openPage, runAxe, PHONE, DESKTOP, apiKeyGet,
  lastMailNumber, newestEmailTo, newestTextTo, totp, base32Bytes,
} from "./support.mjs";

const BASE = baseUrl();
const STAFF_TOKEN = required("RATEPAYER_STAFF_KEY");
const ACCOUNT = required("RATEPAYER_E2E_ACCOUNT");
const SECOND_ACCOUNT = required("RATEPAYER_E2E_SECOND_ACCOUNT");
required("RATEPAYER_E2E_MAIL_DIR");
required("RATEPAYER_E2E_TEXT_DIR");
const DB = required("RATEPAYER_E2E_DB");
const ARTIFACTS = artifactsDir();
const PASSWORD = "river lamp oboe forty";

// Filled in before the tests: what staff see of the two sample accounts.
let holder; // ACCOUNT: { address, email, name }; its customer signs up with the email on file
let second; // SECOND_ACCOUNT: the same, and `amountDue`, the amount due of a recent bill

// What GET /api/v1/utility answers (every page shows it; checked on its own below).
let utility;

let browser;

before(async () => {
  utility = await fetch(`${BASE}/api/v1/utility`).then((r) => (r.ok ? r.json() : null), () => null);
  holder = await accountOnFile(ACCOUNT);
  second = { ...(await accountOnFile(SECOND_ACCOUNT)), amountDue: await recentAmountDue(SECOND_ACCOUNT) };
  browser = await launchBrowser(chromium);
});

after(async () => {
  await browser?.close();
});

/** A phone-sized page and the errors it logs (openPage in support.mjs). */
const newPage = (t) => openPage(browser, t, PHONE);

const staffGet = apiKeyGet;

/** What the utility has on file for an account: service address, the customer's email and name. */
async function accountOnFile(number) {
  const account = await staffGet(`/api/v1/staff/accounts/${number}`);
  assert.ok(account.customer?.email, `account ${number} has an email on file`);
  return {
    address: account.service_address,
    email: account.customer.email,
    name: account.customer.name,
    phone: account.customer.phone,
  };
}

/** The amount due printed on the latest sent bill of an account ("84.50"). */
async function recentAmountDue(number) {
  const { bills } = await staffGet(`/api/v1/accounts/${number}/bills?limit=4`);
  const sent = bills.find((b) => b.status === "released");
  assert.ok(sent, `account ${number} has a sent bill`);
  return sent.amount_due.amount;
}

/** The newest email to `to` the SMTP server got (after email number `after`) that matches
 * `pattern`, waited for up to 15 s: its text and the match. */
const emailTo = (to, pattern, after = 0) => newestEmailTo(to, pattern, after, { timeout: 15_000 });

/** The link in the newest text the SMS provider took for `to` (E.164) matching `pattern`, waited for up to 15 s. */
async function textedLink(to, pattern) {
  const { body, match } = await newestTextTo(to, pattern, { timeout: 15_000 });
  return { body, link: match };
}

/** The first link (matching `pattern`) in the newest such email to `to` the SMTP server got. */
async function emailedLink(to, pattern = /https?:\/\/\S+/) {
  return (await emailTo(to, pattern)).match;
}

/** The code in the newest letter queued for the print-and-mail export: the line indented by four
 * spaces. */
async function lastLetterCode() {
  const { stdout } = await promisify(execFile)("sqlite3", [DB, "SELECT body FROM letters ORDER BY id DESC LIMIT 1;"]);
  const code = stdout.match(/^ {4}(\S+)\s*$/m);
  assert.ok(code, `no code in the letter: ${stdout}`);
  return code[1];
}

/** The utility's name in the header and the document title, and how to reach it in the footer. */
async function checkUtility(page, name) {
  if (typeof utility?.name !== "string") return; // the test of GET /api/v1/utility fails instead
  const brand = page.locator(".site-header .brand");
  await brand.filter({ hasText: utility.name }).waitFor();
  assert.equal((await brand.textContent()).trim(), utility.name, `the header of ${name}`);
  await page.waitForFunction((n) => document.title.endsWith(` · ${n}`), utility.name);
  const footer = page.getByRole("contentinfo");
  if (utility.phone) {
    const call = footer.getByRole("link", { name: utility.phone, exact: true });
    assert.match(await call.getAttribute("href"), /^tel:\+\d{11}$/, `the phone link on ${name}`);
  }
  if (utility.email) {
    assert.equal(await footer.getByRole("link", { name: utility.email, exact: true }).getAttribute("href"), `mailto:${utility.email}`);
  }
  const shown = await footer.innerText();
  for (const line of [utility.hours, ...utility.address].filter(Boolean)) {
    assert.ok(shown.includes(line), `the footer of ${name} shows '${line}'`);
  }
}

/** Usage and bill quantities as people read them: whole gallons, one decimal for kWh, kW, CCF and
 * therms (the API sends 3 to 9 decimals). Numbers followed by their unit, and the usage table. */
async function checkQuantities(page, name) {
  const text = await page.locator("main").innerText();
  const long = text.match(/\d\.\d{2,}\s?(kWh|kW|CCF|therms?)\b/g) ?? [];
  const gallons = text.match(/\d\.\d+\s?gal\b/g) ?? [];
  assert.deepEqual([...long, ...gallons], [], `quantities on ${name}`);
  const unit = await page.locator(".usage-table caption").first().textContent().catch(() => "");
  const cells = await page.locator(".usage-table td.num").allTextContents();
  const pattern = /\bgal\b/.test(unit) ? /^(—|-?[\d,]+)$/ : /^(—|-?[\d,]+\.\d)$/;
  for (const cell of cells) assert.match(cell.trim(), pattern, `a usage figure on ${name} (${unit})`);
}

/**
 * The usage table's period going on now (today, this month) in the utility's time zone says so
 * (`soFar`), and neither it nor any later row says missing. It is the last row, or the one before
 * when the browser's day is already the utility's tomorrow (the rows after it say "not yet").
 */
async function currentPeriodShown(page, soFar, missing) {
  const rows = await page.locator(".usage-table tbody tr").allInnerTexts();
  const current = rows.findIndex((r) => soFar.test(r));
  assert.ok(current >= 0 && current >= rows.length - 2, `the period going on now: ${rows.slice(-2).join(" | ")}`);
  for (const row of rows.slice(current)) assert.doesNotMatch(row, missing);
}

/** axe finds nothing, the page has one h1, the utility shows, and a phone-sized screenshot is saved. */
async function checkPage(page, name) {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1, `one h1 on ${name}`);
  await checkUtility(page, name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the phone`);
  assert.deepEqual(await runAxe(page), [], `WCAG 2.1 AA violations on ${name}`);
  await page.screenshot({ path: join(ARTIFACTS, `portal-${name}.png`), fullPage: true });
}

/**
 * Signs up as a customer does: email, the service address of `account` (from accountOnFile), and,
 * when given, the account number and the amount due of a recent bill. Ends signed in, on the
 * page the portal opens with (`lands`: its h1).
 */
async function signUp(page, email, account, { number, amountDue, phone, lands = "Your account" } = {}) {
  await page.goto(`${BASE}/register`);
  await checkPage(page, "register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Service address (number and street)").fill(account.address.line1);
  await page.getByLabel("ZIP code").fill(account.address.zip);
  if (number) await page.getByLabel("Account number (optional)").fill(number);
  if (amountDue) await page.getByLabel("Amount due on one of your last two bills (optional)").fill(`$${amountDue}`);
  if (phone) await page.getByLabel("Mobile phone on file (optional)").fill(phone);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
  await checkPage(page, "check-email");
  const link = await emailedLink(email);
  assert.match(link, /\/verify\?token=/);
  await page.goto(link);
  await page.getByRole("heading", { level: 1, name: "Choose your password" }).waitFor();
  await checkPage(page, "verify");
  await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("New password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await page.getByRole("heading", { level: 1, name: lands }).waitFor();
}

async function signIn(page, email) {
  await page.getByRole("heading", { level: 1, name: /^(Sign in|Iniciar sesión)$/ }).waitFor();
  await page.getByLabel(/^(Email|Correo electrónico)$/).fill(email);
  await page.getByLabel(/^(Password|Contraseña)$/).fill(PASSWORD);
  await page.getByRole("button", { name: /^(Sign in|Iniciar sesión)$/ }).click();
}

/** Home shows the balance and Pay its form, reached by the menu (no reload). */
async function homeAndPayWork(page) {
  await page.getByRole("link", { name: "Home", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await page.getByTestId("balance").waitFor();
  await page.getByRole("link", { name: "Pay", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Pay your bill" }).waitFor();
  await page.getByLabel("Amount").waitFor();
  await page.getByRole("button", { name: /^Pay/ }).waitFor();
}

/** The RFC 6238 code an authenticator app shows for a base32 key at `seconds`. */
const appCode = (base32, seconds) => totp(base32Bytes(base32), Math.floor(seconds / 30));

function cents(text) {
  const match = text.replace(/,/g, "").match(/(-?)\$(\d+)\.(\d{2})/);
  assert.ok(match, `no amount in '${text}'`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === "-" || /credit|crédito/i.test(text) ? -value : value;
}

test("a customer signs up with the email on file, reads a bill, pays, sees it everywhere, switches language and signs out", async (t) => {
  const { page, errors } = await newPage(t);
  // Every answer carries the Content-Security-Policy the pages run under here.
  const served = await page.request.get(`${BASE}/register`);
  assert.match(served.headers()["content-security-policy"] ?? "", /script-src 'self'/);
  await signUp(page, holder.email, holder);
  await page.getByText(ACCOUNT).first().waitFor();
  await checkPage(page, "dashboard");
  const balanceBefore = cents(await page.getByTestId("balance").textContent());
  await checkQuantities(page, "dashboard");
  // The amount due is what the server says is owed now, with its reasons; a past-due alert shows
  // exactly when the server says some of it is past due.
  const { owed } = await (await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}/summary`)).json();
  assert.equal(cents(await page.getByTestId("amount-due").textContent()), cents(`$${owed.now.amount}`));
  assert.equal(await page.getByTestId("owed-reasons").locator("li").count(), owed.reasons.length);
  const pastDue = cents(`$${owed.past_due.amount}`) > 0;
  assert.equal(await page.getByTestId("alert-past-due").count(), pastDue ? 1 : 0, `past due: ${owed.past_due.amount}`);
  // The period so far, and a high-usage alert exactly for the services the server finds high.
  const toDate = await (await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}/usage/to-date`)).json();
  assert.equal(toDate.problem, null, `the open period is rated: ${toDate.problem}`);
  const highServices = toDate.high_usage ? toDate.services.filter((s) => s.high_usage).length : 0;
  assert.equal(await page.getByTestId("alert-high-usage").count(), highServices, `high usage: ${highServices}`);
  if (toDate.days_so_far > 0) {
    assert.equal(cents(await page.getByTestId("period-so-far").textContent()), cents(`$${toDate.charges_so_far.amount}`));
  }

  // A bill, every line explained, and its PDF.
  await page.getByRole("link", { name: "Bills", exact: true }).first().click();
  await page.getByRole("heading", { level: 1, name: "Bills" }).waitFor();
  await checkPage(page, "bills");
  await page.getByRole("link", { name: /^Bill of / }).first().click();
  await page.getByRole("heading", { level: 1, name: /^Bill \d+/ }).waitFor();
  await checkPage(page, "bill");
  const billUrl = new URL(page.url()).pathname;
  const bill = await (await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}${billUrl}`)).json();
  // Each service's rate plan by its name, which the server sends next to the code.
  for (const s of bill.sections) assert.equal(typeof s.rate_plan_name, "string", `rate_plan_name of ${s.rate_plan}`);
  assert.deepEqual(await page.getByTestId("rate-plan").allTextContents(), bill.sections.map((s) => s.rate_plan_name || s.rate_plan));
  // In English every line is the tariff's description.
  assert.deepEqual(await page.locator(".bill-lines .row .strong").allTextContents(),
    bill.sections.flatMap((s) => s.lines.map((l) => l.description)));
  await checkQuantities(page, "bill");
  // The latest bill says what is owed now when that is not what the bill asked for.
  const latestReason = owed.reasons.find((r) => r.kind === "bill");
  const changed = latestReason?.bill_number === bill.number && cents(`$${owed.now.amount}`) !== cents(`$${bill.amount_due.amount}`);
  assert.equal(await page.getByTestId("owed-now").count(), changed ? 1 : 0, `owed now ${owed.now.amount}, bill ${bill.amount_due.amount}`);
  if (changed) assert.equal(cents(await page.getByTestId("owed-now").locator("p").first().textContent()), cents(`$${owed.now.amount}`));
  const pdfHref = await page.getByRole("link", { name: "Download the bill (PDF)" }).getAttribute("href");
  const pdf = await page.request.get(new URL(pdfHref, BASE).toString());
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()["content-type"], /^application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), "%PDF-");

  // Pay $5.00 by card: a declined card first, said in the portal's words (not the processor's
  // "the card was declined"), then one that works.
  await page.goto(`${BASE}/pay`);
  await page.getByRole("heading", { level: 1, name: "Pay your bill" }).waitFor();
  await checkPage(page, "pay");
  await page.getByLabel("Amount").fill("5.00");
  await page.getByLabel("A debit or credit card").check();
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByLabel("Expiration date").fill("12/30");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay \$5\.00$/ }).click();
  const declined = page.getByRole("alert").filter({ hasText: "The payment was not taken, and nothing was charged." });
  await declined.waitFor();
  assert.doesNotMatch(await declined.textContent(), /declined/i);
  await checkPage(page, "pay-declined");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay \$5\.00$/ }).click();
  const confirmation = (await page.getByTestId("confirmation").textContent()).trim();
  assert.ok(confirmation.length > 0, "a confirmation number is shown");
  await checkPage(page, "paid");

  // The dashboard shows the new balance at once.
  await page.getByRole("link", { name: utility?.name ?? "Ratepayer" }).first().click().catch(() => page.goto(`${BASE}/`));
  await page.goto(`${BASE}/`);
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await page.getByTestId("balance").waitFor();
  assert.equal(cents(await page.getByTestId("balance").textContent()), balanceBefore - 500);

  // ... and the payment history lists it.
  await page.goto(`${BASE}/payments`);
  await page.getByRole("heading", { level: 1, name: "Payment history" }).waitFor();
  await page.getByText(confirmation).first().waitFor();
  await checkPage(page, "payments");

  // Usage: the chart and a table of the same numbers.
  const asked = [];
  const onRequest = (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith("/api/")) asked.push(url.pathname + url.search);
  };
  page.on("request", onRequest);
  await page.goto(`${BASE}/usage`);
  await page.getByRole("heading", { level: 1, name: "Your usage" }).waitFor();
  await page.getByRole("table").first().waitFor();
  // Compared with the 30 days before and the same days last year (the demo has 3 months).
  await page.getByRole("heading", { name: "Compared" }).waitFor();
  await page.getByRole("region", { name: "Compared" }).getByRole("definition")
    .filter({ hasText: /^[\d,.]+ (kWh|gal|therm)/ }).first().waitFor();
  await page.locator(".uplot").first().waitFor();
  page.off("request", onRequest);
  // The page came with who is signed in (no GET /api/v1/me), and its first answers, asked for
  // while its code loaded, were each asked for once.
  assert.ok(!asked.includes("/api/v1/me"), `asked: ${asked.join(", ")}`);
  assert.equal(asked.filter((p) => p.endsWith("/usage/to-date")).length, 1, `asked: ${asked.join(", ")}`);
  assert.equal(new Set(asked).size, asked.length, `an answer was asked for twice: ${asked.join(", ")}`);
  assert.equal(asked.filter((p) => p.includes("resolution=day")).length, 3, `asked: ${asked.join(", ")}`);
  // The cost so far this period: the server's rating of the open period, as it answered.
  const soFar = page.getByRole("region", { name: "This billing period so far" });
  await soFar.waitFor();
  assert.equal(cents(await soFar.getByTestId("charges-so-far").textContent()), cents(`$${toDate.charges_so_far.amount}`));
  await checkPage(page, "usage");
  await checkQuantities(page, "usage");
  // Today is still going on: its row says so (its usage so far, or in progress), never "Missing".
  await currentPeriodShown(page, /So far|In progress/, /Missing/);
  // By month: this month is "so far" too, and the bars' axis starts at 0.
  await page.getByLabel("By month (last 24 months)").check();
  await page.getByRole("columnheader", { name: "Month", exact: true }).waitFor();
  await page.locator(".chart[data-y-min]").waitFor();
  assert.equal(await page.locator(".chart").getAttribute("data-y-min"), "0", "the monthly chart's y axis starts at 0");
  await currentPeriodShown(page, /So far|In progress/, /Missing/);
  await checkQuantities(page, "usage-monthly");
  await checkPage(page, "usage-monthly");
  await page.getByLabel("By day (last 30 days)").check();
  await page.getByRole("columnheader", { name: "Day", exact: true }).waitFor();
  // Every 15 minutes on the last day with usage: one row per interval the server sums.
  const days = await (await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}/usage?resolution=day`)).json();
  const electric = days.series.find((s) => s.commodity === "electric");
  const lastDay = electric.points.filter((p) => p.quality !== "missing").at(-1).start.slice(0, 10);
  const nextDay = new Date(Date.parse(`${lastDay}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const intervals = (await (await page.request.get(
    `${BASE}/api/v1/accounts/${ACCOUNT}/usage?resolution=interval&from=${lastDay}&to=${nextDay}`)).json())
    .series.find((s) => s.commodity === "electric");
  await page.getByLabel("Every 15 minutes (one day)").check();
  await page.getByLabel("Day shown").fill(lastDay);
  await page.getByLabel("Day shown").press("Enter");
  await page.getByRole("columnheader", { name: /minutes starting/ }).waitFor();
  const intervalTable = page.getByRole("region").filter({ has: page.getByRole("columnheader", { name: /minutes starting/ }) });
  await page.waitForFunction(
    (count) => document.querySelectorAll(".usage-table tbody tr").length === count, intervals.points.length);
  assert.equal(await intervalTable.getByRole("row").count(), intervals.points.length + 1);
  await checkPage(page, "usage-15-minutes");
  // By hour: the last 7 days (the generated data may end before them: then it says so).
  await page.getByLabel("By hour (last 7 days)").check();
  await page.getByRole("columnheader", { name: "Hour starting" }).or(page.getByText("No usage recorded for this period.")).first().waitFor();
  await checkPage(page, "usage-hourly");
  if (await page.getByRole("columnheader", { name: "Hour starting" }).count()) {
    // The last hour of today is going on or still to come: not missing.
    assert.doesNotMatch(await page.locator(".usage-table tbody tr").last().innerText(), /Missing/);
  }

  for (const [path, title, name] of [["/autopay", "Autopay and scheduled payments", "autopay"],
                                     ["/arrangements", "Payment arrangements", "arrangements"]]) {
    await page.goto(`${BASE}${path}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await checkPage(page, name);
  }

  await page.goto(`${BASE}/settings`);
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await checkPage(page, "settings");
  // The phone field looks like the other inputs.
  const look = (label) => page.getByLabel(label, { exact: true }).evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.borderRadius, s.minHeight, s.paddingLeft, s.width, s.fontSize].join(" ");
  });
  assert.equal(await look("Phone"), await look("Email for bills and notices"));

  // Paperless bills, sent to the email given here.
  await page.getByLabel(/^Paperless/).check();
  await page.getByLabel("Email for bills and notices").fill(holder.email);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByText("Saved.", { exact: true }).waitFor();

  // A refusal the server names is said in the portal's words, in the alert and at its field.
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("river lamp oboe forty two");
  await page.getByLabel("New password again").fill("river lamp oboe forty two");
  await page.getByRole("button", { name: "Change password" }).click();
  await page.locator("#current-password-error").filter({ hasText: "That password is not right." }).waitFor();
  await page.getByRole("alert").filter({ hasText: "That password is not right." }).waitFor();
  assert.equal(await page.getByLabel("Current password").getAttribute("aria-invalid"), "true");

  // Spanish, on every page, by the header's toggle.
  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("heading", { level: 1, name: "Ajustes" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  await checkPage(page, "settings-es");
  for (const [path, name] of [["/", "dashboard"], ["/bills", "bills"], [billUrl, "bill"], ["/pay", "pay"], ["/autopay", "autopay"],
                              ["/payments", "payments"], ["/arrangements", "arrangements"], ["/usage", "usage"]]) {
    await page.goto(`${BASE}${path}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es", `${path} in Spanish`);
    await checkPage(page, `${name}-es`);
  }

  await page.goto(`${BASE}/`);
  await page.getByText("Facturas: sin papel, por correo electrónico.").waitFor();

  // The bill in Spanish: each line named by its kind, the tariff's English words below it.
  const kindNames = { energy: "Energía", demand: "Demanda", fixed: "Cargo básico", minimum: "Cargo mínimo", rider: "Cargo adicional", tax: "Impuesto" };
  await page.goto(`${BASE}${billUrl}`);
  await page.locator(".bill-lines").first().waitFor();
  const lines = bill.sections.flatMap((s) => s.lines);
  assert.deepEqual(await page.locator(".bill-lines .row .strong").allTextContents(), lines.map((l) => kindNames[l.kind] ?? l.description));
  assert.ok(lines.some((l) => kindNames[l.kind] && l.description !== kindNames[l.kind]), "a line whose tariff words differ");
  for (const l of lines.filter((l) => kindNames[l.kind] && l.description !== kindNames[l.kind])) {
    await page.locator(".bill-lines li").filter({ hasText: `En la tarifa: ${l.description}` }).first().waitFor();
  }
  await checkQuantities(page, "bill-es");

  // Usage in Spanish: today is "so far" or "in progress", never missing.
  await page.goto(`${BASE}/usage`);
  await page.locator(".usage-table").first().waitFor();
  await currentPeriodShown(page, /Hasta ahora|En curso/, /Falta/);
  await page.getByLabel("Por mes (últimos 24 meses)").check();
  await page.getByRole("columnheader", { name: "Mes", exact: true }).waitFor();
  await page.locator(".chart[data-y-min]").waitFor();
  await currentPeriodShown(page, /Hasta ahora|En curso/, /Falta/);
  await checkPage(page, "usage-monthly-es");

  // A declined card in Spanish: the portal's sentence.
  await page.goto(`${BASE}/pay`);
  await page.getByLabel("Cantidad").fill("5.00");
  await page.getByLabel("Una tarjeta de débito o crédito").check();
  await page.getByLabel("Número de tarjeta").fill("4000 0000 0000 0002");
  await page.getByLabel("Fecha de vencimiento").fill("12/30");
  await page.getByLabel("Código de seguridad").fill("123");
  await page.getByRole("button", { name: /^Pagar .*5\.00$/ }).click();
  await page.getByRole("alert").filter({ hasText: "No se tomó el pago y no se cobró nada." }).waitFor();
  await checkPage(page, "pay-declined-es");

  // Sign out: the account is out of reach until signing in again.
  await page.goto(`${BASE}/settings`);
  await page.getByRole("button", { name: "Cerrar sesión", exact: true }).click();
  await page.getByRole("heading", { level: 1 }).waitFor();
  const after = await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}/summary`);
  assert.equal(after.status(), 401);
  await checkPage(page, "signed-out-es");
  // What the server refuses is said in Spanish too (the problem's code or type, worded by the
  // portal), not in the server's English.
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("Correo electrónico").fill(holder.email);
  await page.getByLabel("Contraseña", { exact: true }).fill("not the password at all");
  await page.getByRole("button", { name: "Iniciar sesión" }).click();
  await page.getByRole("alert").filter({ hasText: "no coinciden" }).waitFor();
  assert.ok(!(await page.getByRole("alert").filter({ hasText: "do not match" }).count()));
  assert.deepEqual(errors, []);
});

test("a customer signs up with the account number and a recent amount due, and cannot open another's account", async (t) => {
  const { page, errors } = await newPage(t);
  await signUp(page, "second.customer@example.com", second, { number: SECOND_ACCOUNT, amountDue: second.amountDue });
  await page.getByText(SECOND_ACCOUNT).first().waitFor();
  for (const path of ["summary", "bills", "payments", "usage?from=2026-01-01&to=2026-02-01", "usage/to-date"]) {
    const response = await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}/${path}`);
    assert.equal(response.status(), 404, `${path} of another customer's account`);
  }
  const paid = await page.request.post(`${BASE}/api/v1/accounts/${ACCOUNT}/payments`, {
    headers: { "Content-Type": "application/json", "Idempotency-Key": "e2e-not-mine" },
    data: { amount: "1.00", payment_method: { token: "tok_visa" } },
  });
  assert.ok([403, 404].includes(paid.status()), `paying another's account answered ${paid.status()}`);
  // The portal never shows another customer's number.
  await page.goto(`${BASE}/bills?account=${ACCOUNT}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(await page.getByText(ACCOUNT).count(), 0);

  // Adding another account by its address alone: a letter with a code goes to that address, the
  // code form shows in Settings and a short notice on Home.
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.getByLabel("Service address (number and street)").fill(holder.address.line1);
  await page.getByLabel("ZIP code").fill(holder.address.zip);
  await page.getByRole("button", { name: "Add account" }).click();
  await page.getByRole("status").filter({ hasText: `We are mailing a letter with a code to ${holder.address.line1}.` }).waitFor();
  await page.getByLabel("Code from the letter").waitFor();
  assert.equal(await page.getByText(ACCOUNT).count(), 0);
  await checkPage(page, "settings-pending");
  await page.getByRole("link", { name: "Home", exact: true }).click();
  await page.getByTestId("pending-notice").filter({ hasText: holder.address.line1 }).waitFor();
  await page.getByTestId("balance").waitFor();
  await checkPage(page, "dashboard-pending");

  // Two-step sign-in: set up with the app's code, then asked for at sign-in.
  await page.goto(`${BASE}/settings`);
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  const secret = (await page.getByTestId("two-step-secret").textContent()).trim();
  await checkPage(page, "two-step-setup");
  const now = Date.now() / 1000;
  await page.getByLabel("Code from the app").fill(appCode(secret, now));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
  assert.equal(await page.locator(".recovery-codes li").count(), 10);
  const recoveryCode = (await page.locator(".recovery-codes li").first().textContent()).trim();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("Email").fill("second.customer@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Sign-in code").fill(appCode(secret, now + 30));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  // A recovery code works once in place of the app's code.
  await page.goto(`${BASE}/settings`);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("Email").fill("second.customer@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Sign-in code").fill(recoveryCode);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  assert.deepEqual(errors, []);
});

test("a forgotten password is reset by the emailed link, and signing in works by keyboard alone", async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/forgot-password`);
  await page.getByRole("heading", { level: 1, name: "Reset your password" }).waitFor();
  await checkPage(page, "forgot-password");
  // The reset link by email sets the password (here to the same one) and sends to sign-in.
  await page.getByLabel("Email").fill(holder.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await page.getByText(/a link is on its way/).waitFor();
  await page.goto(await emailedLink(holder.email, /https?:\/\/\S+reset-password\?token=\S+/));
  await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
  await checkPage(page, "reset-password");
  await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("New password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Save new password" }).click();
  await page.getByText("Your password is changed. Sign in with the new password.").waitFor();
  await page.goto(`${BASE}/register`);
  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("heading", { level: 1 }).filter({ hasText: /acceso/i }).waitFor();
  await checkPage(page, "register-es");
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await checkPage(page, "sign-in-es");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await checkPage(page, "sign-in");
  await page.getByLabel("Email").focus();
  await page.keyboard.type(holder.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: /Your account|Su cuenta/ }).waitFor();
  await page.getByTestId("balance").waitFor();
  // Tab reaches the "Pay now" action and Enter follows it.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => /Pay now|Pagar ahora/.test(document.activeElement?.textContent ?? ""));
  }
  assert.ok(reached, "Pay now is reachable by Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: /Pay your bill|Pagar su factura/ }).waitFor();
  assert.deepEqual(errors, []);
});

test("a payment taken by staff shows on an open dashboard without a reload", async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/sign-in`);
  await signIn(page, holder.email);
  await page.getByTestId("balance").waitFor();
  const before = cents(await page.getByTestId("balance").textContent());
  // The page has its live stream open before staff act.
  await page.waitForTimeout(500);
  const taken = await fetch(`${BASE}/api/v1/staff/accounts/${ACCOUNT}/payments`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${STAFF_TOKEN}`,
      "Content-Type": "application/json",
      "Idempotency-Key": `e2e-live-${Date.now()}`,
    },
    body: JSON.stringify({ amount: "7.00", method: "cash" }),
  });
  assert.equal(taken.status, 201, await taken.text());
  const navigations = [];
  page.on("framenavigated", (frame) => navigations.push(frame.url()));
  await page.waitForFunction(
    (expected) => {
      // As cents() above: a credit shows as "-$12.00", "$12.00 credit" or "Crédito de $12.00".
      const text = document.querySelector('[data-testid="balance"]')?.textContent ?? "";
      const match = text.replace(/,/g, "").match(/(-?)\$(\d+)\.(\d{2})/);
      if (match === null) return false;
      const value = Number(match[2]) * 100 + Number(match[3]);
      return (match[1] === "-" || /credit|crédito/i.test(text) ? -value : value) === expected;
    },
    before - 700,
    { timeout: 5_000 },
  );
  assert.deepEqual(navigations, [], "the page was not reloaded");
  assert.deepEqual(errors, []);
});

/** Whole cents of an API money amount: "42.66" -> 4266. */
function amountCents(money) {
  const match = money.amount.match(/^(-?)(\d+)\.(\d{2})$/);
  assert.ok(match, `not an amount: ${money.amount}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

/** A date as the portal writes it in English: "2026-12-13" -> "Dec 13, 2026". */
function portalDate(iso) {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * An account of the test utility that is offered a payment arrangement (its offer, as staff see
 * it), other than the accounts the other tests use. One whose whole balance is past due when there
 * is one, so that after the arrangement what is owed now is its down payment alone.
 */
async function arrangementAccount() {
  const { stdout } = await promisify(execFile)("sqlite3", [DB,
    "SELECT number FROM account_overview WHERE status = 'active' AND balance_cents > 0 ORDER BY id;"]);
  const others = new Set([ACCOUNT, SECOND_ACCOUNT, await apartmentAccount()]);
  let offered = null;
  for (const number of stdout.split("\n").map((n) => n.trim()).filter((n) => /^\d{9}$/.test(n) && !others.has(n))) {
    const offer = await staffGet(`/api/v1/accounts/${number}/arrangement-offers`);
    if (!offer.eligible || offer.plans.length === 0) continue;
    const { owed } = await staffGet(`/api/v1/accounts/${number}/summary`);
    if (amountCents(owed.balance) === amountCents(offer.past_due)) return { number, offer, owed };
    offered ??= { number, offer, owed };
  }
  assert.ok(offered, "the test utility has an account offered a payment arrangement (GET .../arrangement-offers)");
  return offered;
}

test("an arrangement's Home and Pay agree", async (t) => {
  const { page, errors } = await newPage(t);
  const { number, offer, owed: before } = await arrangementAccount();
  const account = await accountOnFile(number);
  // The street as the bill prints it, with the unit of an apartment.
  const street = account.address.line2 ? `${account.address.line1}, ${account.address.line2}` : account.address.line1;
  await signUp(page, account.email, { address: { ...account.address, line1: street } });
  await page.getByText(number).first().waitFor();

  // Before: Home's amount due is what is owed now, and the alert says what of it is past due.
  await page.getByTestId("amount-due").waitFor();
  assert.equal(cents(await page.getByTestId("amount-due").textContent()), amountCents(before.now));
  assert.equal(await page.getByTestId("alert-past-due").count(), amountCents(before.past_due) > 0 ? 1 : 0);
  await checkPage(page, "dashboard-before-arrangement");

  // The customer takes the first plan offered, through the portal.
  await page.getByRole("link", { name: "Payments", exact: true }).click();
  await page.getByRole("link", { name: "Behind on payments? See payment arrangements" }).click();
  await page.getByRole("heading", { level: 1, name: "Payment arrangements" }).waitFor();
  const plan = offer.plans[0];
  await page.getByLabel(new RegExp(`^${plan.installments} installments`)).check();
  await checkPage(page, "arrangement-offer");
  const taking = page.waitForResponse((r) => r.url().endsWith(`/api/v1/accounts/${number}/arrangements`) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Set up this plan" }).click();
  const arrangement = await (await taking).json();
  await page.getByRole("heading", { name: "Your payment arrangement is set up" }).waitFor();
  assert.equal(arrangement.down_payment.amount, plan.down_payment.amount);

  // What is owed now: the down payment, plus what the balance holds that was not past due (the
  // latest bill's charges not yet due), with nothing past due; the rest waits for later bills.
  const deferred = amountCents(offer.past_due) - amountCents(plan.down_payment);
  const expected = amountCents(plan.down_payment) + amountCents(before.balance) - amountCents(offer.past_due);
  const { owed } = await (await page.request.get(`${BASE}/api/v1/accounts/${number}/summary`)).json();
  assert.equal(amountCents(owed.now), expected, `owed now: ${JSON.stringify(owed)}`);
  assert.equal(amountCents(owed.past_due), 0);
  assert.equal(amountCents(owed.deferred), deferred);
  assert.ok(owed.due_on && owed.due_on <= arrangement.down_payment_due_on, `due ${owed.due_on}`);

  // Home: the same amount, due by the down payment's day, nothing past due, and why.
  await page.getByRole("link", { name: "Home", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await page.getByTestId("amount-due").waitFor();
  assert.equal(cents(await page.getByTestId("amount-due").textContent()), expected);
  assert.equal((await page.getByTestId("due-when").textContent()).trim(), `Due ${portalDate(owed.due_on)}`);
  assert.equal(await page.getByTestId("alert-past-due").count(), 0);
  const arranged = page.getByTestId("owed-reasons").locator('li[data-kind="arranged"]');
  assert.equal(cents(await arranged.textContent()), -deferred);
  assert.match(await arranged.textContent(), /^Moved to later bills by your payment arrangement/);
  assert.equal(cents(await page.getByTestId("owed-deferred").textContent()), deferred);
  assert.match(await page.getByTestId("owed-deferred").textContent(), /is owed on later bills/);
  await checkPage(page, "dashboard-arrangement");

  // Pay proposes exactly that amount, with the same reasons.
  await page.getByRole("link", { name: "Pay", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Pay your bill" }).waitFor();
  assert.equal(await page.getByLabel("Amount").inputValue(), (expected / 100).toFixed(2));
  const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(expected / 100);
  await page.getByRole("button", { name: `Pay ${dollars}`, exact: true }).waitFor();
  assert.equal(cents(await page.getByTestId("owed-reasons").locator('li[data-kind="arranged"]').textContent()), -deferred);
  assert.equal(cents(await page.getByTestId("owed-total").textContent()), expected);
  await checkPage(page, "pay-arrangement");
  assert.deepEqual(errors, []);
});

/** Signed-in pages in English whatever language the login chose earlier (the header's toggle
 * saves the choice). */
async function inEnglish(page) {
  // The account's language may still be on its way (Spanish downloads on first use): wait for it.
  await page.waitForFunction(() => !document.documentElement.dataset.languagePending);
  const toggle = page.getByRole("button", { name: "English", exact: true });
  if (await toggle.count()) {
    await toggle.click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  }
}

test("a stranger who knows the address cannot see the account", async (t) => {
  const { page, errors } = await newPage(t);
  const stranger = "stranger@example.com";
  // Signing up with another email at the account's address links nothing: a letter with a code
  // goes to the service address, and the portal says so.
  await signUp(page, stranger, holder, { lands: "Enter the code from your letter" });
  await page.getByText(`A letter with a code is on its way to ${holder.address.line1}.`).waitFor();
  await checkPage(page, "pending");
  const shown = await page.locator("body").innerText();
  for (const secret of [ACCOUNT, holder.name, "$"]) assert.ok(!shown.includes(secret), `the pending page shows '${secret}'`);
  assert.equal(await page.getByTestId("balance").count(), 0);
  assert.equal((await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}/summary`)).status(), 404);
  // Every page of an account says the same, not "Loading…".
  await page.getByRole("link", { name: "Pay", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Enter the code from your letter" }).waitFor();
  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("heading", { level: 1, name: "Escriba el código de su carta" }).waitFor();
  await checkPage(page, "pending-es");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { level: 1, name: "Enter the code from your letter" }).waitFor();

  // A wrong code is refused at the field; the one in the letter links the account.
  await page.getByLabel("Code from the letter").fill("ABCD-EFGH");
  await page.getByRole("button", { name: "Confirm the code" }).click();
  await page.locator("#claim-code-error").filter({ hasText: "That code does not match the letter we mailed." }).waitFor();
  await checkPage(page, "pending-wrong-code");
  const mailBefore = await lastMailNumber();
  const code = await lastLetterCode();
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await page.getByLabel("Code from the letter").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Confirm the code" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await page.getByText(ACCOUNT).first().waitFor();
  await page.getByTestId("balance").waitFor();
  assert.equal(new URL(page.url()).pathname, "/");

  // The email on file hears of it, with a "this wasn't me" link naming the new login.
  const notice = await emailTo(holder.email, /https?:\/\/\S+\/not-me\?token=\S+/, mailBefore);
  assert.ok(notice.text.includes("s•••@example.com"), "the notice names the login, masked");
  const { page: holderPage, errors: holderErrors } = await newPage(t);
  await holderPage.goto(notice.match);
  await holderPage.getByRole("heading", { level: 1, name: "Remove a login from your account" }).waitFor();
  await checkPage(holderPage, "not-me");
  await holderPage.getByRole("button", { name: "Remove that login" }).click();
  await holderPage.getByRole("status").filter({ hasText: "That login is removed from your account and signed out everywhere." }).waitFor();
  await checkPage(holderPage, "not-me-done");
  // The link works once.
  await holderPage.goto(notice.match);
  await holderPage.getByRole("button", { name: "Remove that login" }).click();
  await holderPage.getByRole("alert").filter({ hasText: "This link has expired or was already used." }).waitFor();
  assert.equal(await holderPage.getByRole("button", { name: "Remove that login" }).count(), 0);
  await holderPage.getByRole("button", { name: "Español" }).click();
  await holderPage.getByRole("heading", { level: 1, name: "Quitar un acceso de su cuenta" }).waitFor();
  await checkPage(holderPage, "not-me-expired-es");
  assert.deepEqual(holderErrors, []);

  // The stranger's open page is signed out by itself (its live stream is refused), and signing in
  // again shows no account.
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor({ timeout: 20_000 });
  await page.getByText("Your session ended, so you were signed out.").waitFor();
  assert.equal((await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}/summary`)).status(), 401);
  await signIn(page, stranger);
  await page.getByText("No utility account is linked to this login yet.").waitFor();
  assert.equal(await page.getByText(ACCOUNT).count(), 0);
  assert.equal((await page.request.get(`${BASE}/api/v1/accounts/${ACCOUNT}/summary`)).status(), 404);
  await checkPage(page, "no-account");
  assert.deepEqual(errors, []);
});

test("the mobile phone on file proves the account by a texted link", async (t) => {
  const { page, errors } = await newPage(t);
  assert.match(second.phone ?? "", /^\+1\d{10}$/, "the second account has a mobile phone on file");
  const digits = second.phone.slice(2);
  const typed = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  const mailBefore = await lastMailNumber();
  await signUp(page, "cousin@example.com", second, { phone: typed, lands: "Open the link we texted you" });
  await page.getByText(`We texted a link for ${second.address.line1}`).waitFor();
  await page.getByText(`to the phone number ending in ${digits.slice(-2)}.`, { exact: false }).waitFor();
  await checkPage(page, "pending-text");
  const shown = await page.locator("body").innerText();
  for (const secret of [SECOND_ACCOUNT, second.name, "$"]) assert.ok(!shown.includes(secret), `the pending page shows '${secret}'`);
  assert.equal((await page.request.get(`${BASE}/api/v1/accounts/${SECOND_ACCOUNT}/summary`)).status(), 404);

  // Whoever holds the phone opens the link, signed out, and adds the account.
  const { link, body } = await textedLink(second.phone, /https?:\/\/\S+\/claim-by-text\?token=\S+/);
  assert.ok(body.includes("c•••@example.com"), "the text names the login, masked");
  const { page: phonePage, errors: phoneErrors } = await newPage(t);
  await phonePage.goto(link);
  await phonePage.getByRole("heading", { level: 1, name: "Add your account to an online login" }).waitFor();
  await checkPage(phonePage, "claim-by-text");
  await phonePage.getByRole("button", { name: "Add my account" }).click();
  const ending = SECOND_ACCOUNT.slice(-4);
  await phonePage
    .getByRole("status")
    .filter({ hasText: `Done: the account ending ${ending} is now in the online login c•••@example.com.` })
    .waitFor();
  await checkPage(phonePage, "claim-by-text-done");
  // The link works once.
  await phonePage.goto(link);
  await phonePage.getByRole("button", { name: "Add my account" }).click();
  await phonePage.getByRole("alert").filter({ hasText: "This link has expired or was already used." }).waitFor();
  await phonePage.getByRole("button", { name: "Español" }).click();
  await phonePage.getByRole("heading", { level: 1, name: "Agregar su cuenta a un acceso en línea" }).waitFor();
  await checkPage(phonePage, "claim-by-text-expired-es");
  assert.deepEqual(phoneErrors, []);

  // The login now holds the account; the email on file hears of it with a way to undo it.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await page.getByTestId("balance").waitFor();
  const notice = await emailTo(second.email, /https?:\/\/\S+\/not-me\?token=\S+/, mailBefore);
  assert.ok(notice.text.includes("c•••@example.com"), "the notice names the login");
  assert.deepEqual(errors, []);
});

// Signing in again in the same tab starts a new session from nothing: Home shows the balance and
// Pay its form, without a reload, however the last session ended.
/** An active account at a premise with a unit (line 2), with a sent bill: from the test database. */
async function apartmentAccount() {
  const { stdout } = await promisify(execFile)("sqlite3", [DB,
    "SELECT o.number FROM account_overview o WHERE o.status = 'active' AND o.line2 <> '' " +
    "AND EXISTS (SELECT 1 FROM bills b WHERE b.account_id = o.id AND b.status = 'released') " +
    `AND o.number NOT IN ('${ACCOUNT}', '${SECOND_ACCOUNT}') ORDER BY o.id LIMIT 1;`]);
  const number = stdout.trim();
  assert.match(number, /^\d{9}$/, "the test utility has an apartment with a bill");
  return number;
}

test("a customer signs up at an apartment typing the address as the bill prints it, in any spelling of the unit", async (t) => {
  const { page, errors } = await newPage(t);
  const number = await apartmentAccount();
  const account = await accountOnFile(number);
  assert.ok(account.address.line2, `account ${number} has a unit`);
  // Without the unit a building's accounts are not offered, and the refusal says to add it.
  await page.goto(`${BASE}/register`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Service address (number and street)").fill(account.address.line1);
  await page.getByLabel("ZIP code").fill(account.address.zip);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await page.getByText(/apartment or unit/).first().waitFor();
  // "Unit 107" on the bill, "#107" typed: the same unit.
  const unit = account.address.line2.replace(/^(Unit|Apt|Suite|Ste)\.?\s*/i, "#");
  await signUp(page, account.email, { address: { ...account.address, line1: `${account.address.line1}, ${unit}` } });
  await page.getByText(number).first().waitFor();
  await page.getByTestId("balance").waitFor();
  await checkPage(page, "dashboard-apartment");
  assert.deepEqual(errors, []);
});

test("signing in again after signing out shows Home and Pay", async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/sign-in`);
  await signIn(page, holder.email);
  await page.getByTestId("balance").waitFor();
  await inEnglish(page);
  await homeAndPayWork(page);
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByText("You are signed out.").waitFor();
  await signIn(page, holder.email);
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await page.getByTestId("balance").waitFor();
  await homeAndPayWork(page);
  assert.deepEqual(errors, []);
});

test("signing in again after the session ended (the server answers 401) shows Home and Pay", async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/sign-in`);
  await signIn(page, holder.email);
  await page.getByTestId("balance").waitFor();
  await inEnglish(page);
  // The session is gone (as when it times out): the next request answers 401 sign-in-required.
  await page.context().clearCookies();
  const refused = page.waitForResponse((r) => r.url().includes("/api/v1/accounts/") && r.status() === 401);
  await page.getByRole("link", { name: "Pay", exact: true }).click();
  assert.equal((await (await refused).json()).type.split("/").pop(), "sign-in-required");
  await page.getByText("Your session ended, so you were signed out.").waitFor();
  await checkPage(page, "session-ended");
  await signIn(page, holder.email);
  // Back where the customer was going.
  await page.getByRole("heading", { level: 1, name: "Pay your bill" }).waitFor();
  await page.getByLabel("Amount").waitFor();
  await homeAndPayWork(page);
  assert.deepEqual(errors, []);
});

test("signing in again after signing out everywhere on another device shows Home and Pay", async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/sign-in`);
  await signIn(page, holder.email);
  await page.getByTestId("balance").waitFor();
  await inEnglish(page);
  const { page: other } = await newPage(t);
  await other.goto(`${BASE}/sign-in`);
  await signIn(other, holder.email);
  await other.getByTestId("balance").waitFor();
  await other.goto(`${BASE}/settings`);
  await other.getByRole("button", { name: "Sign out everywhere" }).click();
  await other.getByText("You are signed out on every device.").waitFor();
  // This tab learns it at its next request, or from its refused live stream, whichever is first.
  await page.evaluate(() => {
    history.pushState(null, "", "/pay");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await page.getByText("Your session ended, so you were signed out.").waitFor();
  await signIn(page, holder.email);
  await page.getByRole("heading", { level: 1, name: "Pay your bill" }).waitFor();
  await page.getByLabel("Amount").waitFor();
  await homeAndPayWork(page);
  assert.deepEqual(errors, []);
});

test("the utility's name and how to reach it show on every page, signed in or not, and the portal works without them", async (t) => {
  // What the server answers: its settings, no sign-in, cacheable for 5 minutes.
  const answer = await fetch(`${BASE}/api/v1/utility`);
  const body = await answer.text();
  assert.equal(answer.status, 200, `GET /api/v1/utility answered ${answer.status}: ${body}`);
  const cache = answer.headers.get("cache-control") ?? "";
  assert.ok(/\bpublic\b/.test(cache) && /\bmax-age=300\b/.test(cache), `Cache-Control: ${cache}`);
  assert.deepEqual(JSON.parse(body), {
    name: "Ratepayer Demo Utility",
    phone: "(541) 555-0100",
    email: "help@utility.example",
    address: ["PO Box 1100", "Springfield, OR 97477"],
    website: "utility.example",
    hours: "Monday to Friday, 8 a.m. to 5 p.m.",
    time_zone: "America/Los_Angeles",
  });

  // Without the answer (blocked here), every page still works, under the portal's own name.
  {
    const { page, errors } = await newPage(t);
    await page.route("**/api/v1/utility", (route) => route.abort());
    await page.goto(`${BASE}/sign-in`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByRole("contentinfo").getByText("Your utility's customer service can help.").waitFor();
    assert.equal((await page.locator(".site-header .brand").textContent()).trim(), "Ratepayer");
    assert.equal(await page.title(), "Sign in · Ratepayer");
    await signIn(page, holder.email);
    await page.getByTestId("balance").waitFor();
    assert.equal(await page.getByRole("contentinfo").getByRole("link").count(), 0);
    assert.deepEqual(errors, []);
  }

  // Signed out, in English and Spanish: the header, the title and the footer.
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await checkUtility(page, "sign-in");
  assert.equal(await page.title(), "Sign in · Ratepayer Demo Utility");
  const footer = page.getByRole("contentinfo");
  await footer.getByText("Questions about your account? Contact Ratepayer Demo Utility.").waitFor();
  assert.equal(await footer.getByRole("link", { name: "(541) 555-0100" }).getAttribute("href"), "tel:+15415550100");
  assert.equal(await footer.getByRole("link", { name: "help@utility.example" }).getAttribute("href"), "mailto:help@utility.example");
  assert.equal(await footer.getByRole("link", { name: "utility.example", exact: true }).getAttribute("href"), "https://utility.example/");
  for (const label of ["Phone", "Hours", "Email", "Mail", "Website"]) {
    await footer.locator("dt").filter({ hasText: new RegExp(`^${label}$`) }).waitFor();
  }
  // The contact links are as easy to tap as any other.
  for (const box of await footer.getByRole("link").evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height))) {
    assert.ok(box >= 44, `a footer link is ${box}px tall`);
  }
  await checkPage(page, "sign-in-contact");
  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("heading", { level: 1, name: "Iniciar sesión" }).waitFor();
  await footer.getByText("¿Preguntas sobre su cuenta? Comuníquese con Ratepayer Demo Utility.").waitFor();
  for (const label of ["Teléfono", "Horario", "Correo electrónico", "Correo postal", "Sitio web"]) {
    await footer.locator("dt").filter({ hasText: new RegExp(`^${label}$`) }).waitFor();
  }
  assert.equal(await page.title(), "Iniciar sesión · Ratepayer Demo Utility");
  await checkPage(page, "sign-in-contact-es");
  // Signed in: the same on the account's pages.
  await signIn(page, holder.email);
  await page.getByTestId("balance").waitFor();
  await checkUtility(page, "dashboard");
  await inEnglish(page);
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await checkUtility(page, "dashboard");
  assert.equal(await page.title(), "Your account · Ratepayer Demo Utility");
  assert.deepEqual(errors, []);
});

/**
 * An account whose meters are all register meters (read by hand or by an AMR drive-by: kind amr
 * or manual, none ami), found through the staff search and each account's detail, with an email
 * on file. Null when the data has none.
 */
async function registerOnlyAccount() {
  const seen = new Set();
  for (const q of ["an", "er", "on", "ar", "el", "st", "in", "or", "le", "ll", "ma", "ro"]) {
    let cursor = "";
    do {
      const found = await staffGet(`/api/v1/staff/accounts?${new URLSearchParams({ q, limit: "100", ...(cursor ? { cursor } : {}) })}`);
      for (const item of found.items) {
        if (seen.has(item.account_number) || item.status !== "active") continue;
        seen.add(item.account_number);
        const detail = await staffGet(`/api/v1/staff/accounts/${item.account_number}`);
        const meters = detail.agreements.filter((a) => !a.end_date).flatMap((a) => a.meters);
        if (meters.length > 0 && meters.every((m) => m.kind === "amr" || m.kind === "manual") && detail.customer?.email) {
          return { number: item.account_number, address: detail.service_address, email: detail.customer.email, meters };
        }
      }
      cursor = found.next_cursor ?? "";
    } while (cursor);
  }
  return null;
}

/** A quantity as the usage page shows it: whole gallons, one decimal for kWh and the others. */
function shownQuantity(value, unit, locale = "en-US") {
  const digits = /^gal/i.test(unit) ? 0 : 1;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Two local days as the usage page writes a read period: "Sep 21 – Oct 21, 2026". */
function shownDays(from, to, locale = "en-US") {
  const f = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return f.formatRange(new Date(`${from.slice(0, 10)}T00:00:00Z`), new Date(`${to.slice(0, 10)}T00:00:00Z`)).replace(/\s+/g, " ");
}

test("a register-read customer sees 24 months of usage, by read period and by month", async (t) => {
  const account = await registerOnlyAccount();
  assert.ok(account, "the data has an account whose meters are all read by hand or drive-by");
  const { page, errors } = await newPage(t);
  await signUp(page, account.email, account, { lands: /^(Your account|Su cuenta)$/ });
  await inEnglish(page);

  // The page opens on the read periods of the last 24 months: the page's own answer.
  const answer = page.waitForResponse((r) => /\/usage\?.*resolution=read_period/.test(r.url()) && r.status() === 200);
  await page.goto(`${BASE}/usage`);
  await page.getByRole("heading", { level: 1, name: "Your usage" }).waitFor();
  const periods = await (await answer).json();
  assert.deepEqual(periods.resolutions, ["read_period", "month"]);
  const asked = new URL((await answer).url()).searchParams;
  // Independently of the page: the server has these periods for the same days.
  const server = await staffGet(`/api/v1/accounts/${account.number}/usage?resolution=read_period&from=${asked.get("from")}&to=${asked.get("to")}`);
  assert.deepEqual(server.series, periods.series);
  const withReads = periods.series.filter((s) => s.points.length > 0);
  assert.ok(withReads.length > 0, "the register meters have read periods");
  // scripts/test.sh generates RATEPAYER_E2E_USAGE_MONTHS (24) months of reads: two years of
  // periods, one a month, are all there (the first and the newest may fall outside the window).
  const usageMonths = Number(process.env.RATEPAYER_E2E_USAGE_MONTHS || "0");
  if (usageMonths >= 24) {
    assert.ok(withReads.every((s) => s.points.length >= 22),
      `every register meter shows two years of read periods: ${withReads.map((s) => s.points.length)}`);
  }
  assert.ok(withReads.every((s) => s.kind === "register" && s.interval_minutes === null));

  // Only what register meters have: by read period (chosen) and by month; no 15-minute, hourly or daily views.
  const views = page.getByRole("group", { name: "Show" });
  assert.deepEqual(await views.getByRole("radio").evaluateAll((radios) => radios.map((r) => r.labels[0].textContent.trim())),
    ["By read period (last 24 months)", "By month (last 24 months)"]);
  assert.equal(await page.getByLabel("By read period (last 24 months)").isChecked(), true);
  for (const gone of [/15 minutes/, /By hour/, /By day/]) assert.equal(await page.getByLabel(gone).count(), 0, `${gone}`);
  assert.equal(await page.getByText("No usage recorded for this period.").count(), 0);
  await page.getByText("Each row runs from one meter read to the next, as your bills do.").waitFor();

  // Each meter's read periods: dates, days, usage and its figure per day, and estimates said in words.
  const meterChoice = page.getByLabel("Service", { exact: true });
  const rowsOf = async () => page.locator(".usage-table tbody tr").evaluateAll((rows) => rows.map((r) =>
    [...r.querySelectorAll("th, td")].map((c) => c.innerText.replace(/\s+/g, " ").trim())));
  for (const [i, s] of withReads.entries()) {
    if (withReads.length > 1) await meterChoice.selectOption({ index: i });
    await page.getByRole("columnheader", { name: "Read period" }).waitFor();
    await page.locator(".usage-table caption").filter({ hasText: `in ${s.unit}, from one meter read to the next` }).waitFor();
    const expected = s.points.map((p) => [
      `${shownDays(p.start, p.end)} ${p.days} days · ${shownQuantity(Number(p.value) / p.days, s.unit)} ${s.unit} a day`,
      shownQuantity(p.value, s.unit),
      p.quality === "estimated" ? "Estimated" : "Actual",
    ]);
    assert.deepEqual(await rowsOf(), expected, `the read periods of meter ${s.meter}`);
    const estimates = s.points.filter((p) => p.quality === "estimated").length;
    assert.equal(await page.locator(".usage-table .badge.estimate").count(), estimates);
    assert.equal(await page.getByText("Estimated: the meter was not read; the next actual read corrects it.").count(), estimates ? 1 : 0);
    await checkQuantities(page, `usage-register-${s.unit}`);
  }
  await page.locator(".uplot").first().waitFor();
  await checkPage(page, "usage-register");

  // By month: the read periods spread by day, a month the reads cover only in part marked so.
  const monthly = page.waitForResponse((r) => /\/usage\?.*resolution=month/.test(r.url()) && r.status() === 200);
  await page.getByLabel("By month (last 24 months)").check();
  const months = await (await monthly).json();
  await page.getByRole("columnheader", { name: "Month", exact: true }).waitFor();
  await page.getByText("Monthly figures for a meter read once a month are its read periods spread evenly by day.").waitFor();
  const shownSeries = months.series.filter((s) => s.points.length > 0);
  assert.ok(shownSeries.length > 0 && shownSeries.every((s) => s.points.every((p) => p.spread === true)));
  const s = shownSeries[await meterChoice.count() ? Number(await meterChoice.inputValue()) : 0];
  const monthRows = await rowsOf();
  assert.equal(monthRows.length, s.points.length);
  const last = s.points.at(-1);
  for (const [i, p] of s.points.entries()) {
    const [label, value, reading] = monthRows[i];
    assert.equal(label, new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(p.start.slice(0, 10))));
    assert.equal(value, shownQuantity(p.value, s.unit));
    assert.match(reading, p.quality === "estimated" ? /^Estimated/ : /^Actual/);
    if (p.days_covered < p.days_in_month) {
      assert.match(reading, new RegExp(`${p.days_covered} of ${p.days_in_month} days`), `a part month: ${label}`);
    } else {
      assert.doesNotMatch(reading, /days/, `a whole month: ${label}`);
    }
  }
  // The newest month ends at the last read: it does not look like a whole month.
  if (last.days_covered < last.days_in_month) {
    assert.match(monthRows.at(-1)[2], /Through the last read/);
    await page.getByText("A month the reads cover only in part counts only those days", { exact: false }).waitFor();
  }
  await page.locator(".chart[data-y-min]").waitFor();
  await checkQuantities(page, "usage-register-monthly");
  await checkPage(page, "usage-register-monthly");

  // In Spanish.
  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("heading", { level: 1, name: "Su consumo" }).waitFor();
  await page.getByRole("columnheader", { name: "Mes", exact: true }).waitFor();
  await page.getByText("Las cifras mensuales de un medidor que se lee una vez al mes", { exact: false }).waitFor();
  if (last.days_covered < last.days_in_month) {
    assert.match(await page.locator(".usage-table tbody tr").last().innerText(), /Hasta la última lectura: \d+ de \d+ días/);
  }
  await checkPage(page, "usage-register-monthly-es");
  await page.getByLabel("Por período de lectura (últimos 24 meses)").check();
  await page.getByRole("columnheader", { name: "Período de lectura" }).waitFor();
  assert.equal(await page.getByLabel(/Cada 15 minutos|Por hora|Por día \(/).count(), 0);
  await page.locator(".usage-table tbody tr th").first().filter({ hasText: /\d+ días · [\d,]+ gal al día|\d+ días · [\d,.]+ kWh al día/ }).waitFor();
  await checkPage(page, "usage-register-es");
  await inEnglish(page);
  assert.deepEqual(errors, []);
});

// ---- notices ---------------------------------------------------------------------------------

/** A part of a page photographed on its own (the notices on a long Settings page). */
async function photograph(locator, name) {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: join(ARTIFACTS, `portal-${name}.png`) });
}

/** The text of the elements an element's aria-describedby names. */
function description(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "").split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
}

/** What staff see of an account's notice choices: kind -> emailed. */
async function emailedKinds(number) {
  const { kinds } = await staffGet(`/api/v1/accounts/${number}/notice-choices`);
  return Object.fromEntries(kinds.map((k) => [k.kind, k.email]));
}

test("a customer turns a notice off in Settings and the server has it off; the notices sent are listed", async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/sign-in`);
  await signIn(page, holder.email);
  await page.getByTestId("balance").waitFor();
  await inEnglish(page);
  const server = await staffGet(`/api/v1/accounts/${ACCOUNT}/notice-choices`);
  const saves = [];
  page.on("request", (r) => {
    if (r.method() === "PUT" && r.url().endsWith(`/api/v1/accounts/${ACCOUNT}/notice-choices`)) saves.push(r.postDataJSON());
  });

  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const notices = page.getByRole("region", { name: "Notices", exact: true });
  const choices = notices.getByRole("group", { name: "Notices by email and text" });
  await choices.getByRole("checkbox").first().waitFor();
  // One row per kind, in the server's order, each box named by its notice and the Email column.
  const box = (name) => choices.getByRole("checkbox", { name: `${name} Email`, exact: true });
  assert.equal(await choices.getByRole("checkbox", { name: / Email$/ }).count(), server.kinds.length);
  // A Text box for each kind with a text, closed until the customer agrees to texts.
  const texts = choices.getByRole("checkbox", { name: / Text$/ });
  assert.equal(await texts.count(), server.kinds.filter((k) => k.text_available).length);
  if (!server.texts_allowed) {
    for (const box of await texts.all()) assert.equal(await box.isDisabled(), true);
    await notices.getByText("To get notices by text, agree to text messages above first.").waitFor();
  }
  // Always sent: ticked, closed, and why, in words.
  for (const name of ["A payment did not go through", "Your bank returned a payment", "Your contact details changed"]) {
    assert.equal(await box(name).isChecked(), true, name);
    assert.equal(await box(name).isDisabled(), true, name);
    assert.match(await description(box(name)), /Always sent: it is about money owed or your account's safety\./, name);
  }
  // Paperless (the first test chose it): the bill-ready email is the bill.
  assert.equal(await box("Your bill is ready").isDisabled(), server.paperless);
  if (server.paperless) assert.match(await description(box("Your bill is ready")), /this email is your bill/);

  // Nothing changed: nothing sent.
  await notices.getByRole("button", { name: "Save notice choices" }).click();
  await notices.getByRole("status").filter({ hasText: "Nothing to save: no notice was changed." }).waitFor();
  assert.equal(saves.length, 0);

  // Autopay receipts off, by keyboard: one PUT with that change alone.
  assert.equal(await box("Autopay paid a bill").isChecked(), true);
  await box("Autopay paid a bill").focus();
  await page.keyboard.press("Space");
  assert.equal(await box("Autopay paid a bill").isChecked(), false);
  await notices.getByRole("button", { name: "Save notice choices" }).click();
  await notices.getByRole("status").filter({ hasText: "Saved. Your notice choices are updated." }).waitFor();
  assert.deepEqual(saves, [{ changes: [{ kind: "autopay.paid", channel: "email", enabled: false }] }]);
  assert.equal((await emailedKinds(ACCOUNT))["autopay.paid"], false, "the server has it off");
  await checkPage(page, "settings-notices");
  await photograph(notices, "settings-notices-section");

  // The notices sent: the server's first page, newest first, with when, to whom and how it went.
  // (Staff tests pay into this account meanwhile: the page may be a few notices behind.)
  const history = page.getByRole("region", { name: "Notices sent" });
  await history.getByRole("listitem").first().waitFor();
  const shown = await history.locator(".notice-subject").allTextContents();
  const times = await history.locator("li time").evaluateAll((ts) => ts.map((el) => el.getAttribute("datetime")));
  const sent = await staffGet(`/api/v1/accounts/${ACCOUNT}/notices?limit=40`);
  const at = sent.notices.findIndex((n) => n.created_at === times[0] && n.subject === shown[0]);
  assert.ok(at >= 0 && at <= 10, `the newest notice shown is one of the server's newest: ${shown[0]}`);
  assert.deepEqual(shown, sent.notices.slice(at, at + shown.length).map((n) => n.subject));
  assert.ok(shown.length <= 20);
  const first = history.getByRole("listitem").first();
  assert.ok((await first.innerText()).includes(`To ${sent.notices[at].recipient}`));
  assert.match(await first.innerText(), /Sent|Waiting to be sent|Not delivered yet/);
  assert.equal(await history.getByRole("button", { name: "Show more notices" }).count(), shown.length === 20 ? 1 : 0);
  await photograph(history, "settings-notices-sent");

  // After a reload the box is as the server has it.
  await page.reload();
  await box("Autopay paid a bill").waitFor();
  assert.equal(await box("Autopay paid a bill").isChecked(), false);

  // In Spanish: every row named, and the reasons.
  await page.getByRole("button", { name: "Español" }).click();
  const avisos = page.getByRole("region", { name: "Avisos", exact: true });
  await avisos.getByRole("group", { name: "Avisos por correo electrónico y mensaje de texto" }).waitFor();
  await avisos.getByRole("checkbox", { name: "Pago recibido (recibo) Correo", exact: true }).waitFor();
  await avisos.getByText("Siempre se envía: trata de dinero adeudado o de la seguridad de su cuenta.").first().waitFor();
  assert.equal(await avisos.getByText(/^Otro aviso/).count(), 0);
  await checkPage(page, "settings-notices-es");
  await photograph(avisos, "settings-notices-section-es");
  await photograph(page.getByRole("region", { name: "Avisos enviados" }), "settings-notices-sent-es");
  await inEnglish(page);

  // On a desktop.
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(notices, "settings-notices-section-desktop");
  await page.screenshot({ path: join(ARTIFACTS, "portal-settings-notices-desktop.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

/** An active account written to in Spanish, with an email on file, that no other test signs up with. */
async function spanishAccount() {
  const { stdout } = await promisify(execFile)("sqlite3", [DB,
    "SELECT number FROM accounts WHERE language = 'es' AND status = 'active' ORDER BY id DESC LIMIT 10;"]);
  for (const number of stdout.split("\n").map((n) => n.trim()).filter((n) => /^\d{9}$/.test(n))) {
    if (number === ACCOUNT || number === SECOND_ACCOUNT) continue;
    const account = await staffGet(`/api/v1/staff/accounts/${number}`);
    if (account.customer?.email) return { number, email: account.customer.email };
  }
  assert.fail("the test utility has an active account in Spanish with an email on file");
}

test("an email's unsubscribe link asks first, then stops that kind of email; in the email's language unless one was chosen", async (t) => {
  // The customer pays in the portal: the receipt email ends with its unsubscribe link.
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/sign-in`);
  await signIn(page, holder.email);
  await page.getByTestId("balance").waitFor();
  await inEnglish(page);
  assert.equal((await emailedKinds(ACCOUNT))["payment.received"], true);
  const mailBefore = await lastMailNumber();
  await page.getByRole("link", { name: "Pay", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Pay your bill" }).waitFor();
  await page.getByLabel("Amount").fill("2.00");
  await page.getByLabel("A debit or credit card").check();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiration date").fill("12/30");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay \$2\.00$/ }).click();
  await page.getByTestId("confirmation").waitFor();
  // (Staff tests pay into this account meanwhile: this payment's receipt is the one for $2.00.)
  const receipt = await emailTo(holder.email, /^Subject: (Payment received|Pago recibido): \$2\.00\r?$/m, mailBefore);
  assert.match(receipt.text, /^List-Unsubscribe: <https?:\/\/\S+\/api\/v1\/notices\/unsubscribe\?token=[\w-]+>/m);
  const link = receipt.text.match(/https?:\/\/[^/\s]+\/unsubscribe\?token=[\w-]+/)?.[0];
  assert.ok(link, "the receipt ends with its unsubscribe link");
  const target = await (await fetch(`${BASE}/api/v1/notices/unsubscribe?token=${new URL(link).searchParams.get("token")}`)).json();
  assert.equal(target.kind, "payment.received");

  // Opened signed out, in a browser set to Spanish with no language chosen on it: the page speaks
  // the email's language, and opening it changes nothing (mail scanners follow links).
  const { page: visitor, errors: visitorErrors } = await newPage(t);
  await visitor.context().setExtraHTTPHeaders({ "Accept-Language": "es-US,es;q=0.9" });
  await visitor.addInitScript(() => Object.defineProperty(navigator, "languages", { get: () => ["es-US", "es"] }));
  await visitor.goto(link);
  const ending = ACCOUNT.slice(-4);
  const englishQuestion = `Stop emails about “Payment received (receipt)” for account *${ending}?`;
  const spanishQuestion = `¿Dejar de recibir correos sobre “Pago recibido (recibo)” de la cuenta *${ending}?`;
  await visitor.getByTestId("unsubscribe-question").filter({ hasText: target.language === "es" ? spanishQuestion : englishQuestion }).waitFor();
  assert.equal(await visitor.evaluate(() => document.documentElement.lang), target.language);
  await checkPage(visitor, `unsubscribe-${target.language}`);
  assert.equal((await emailedKinds(ACCOUNT))["payment.received"], true, "opening the link stops nothing");

  // In English (the customer's choice, kept on this device), the button stops them.
  if (target.language !== "en") {
    await visitor.getByRole("button", { name: "English", exact: true }).click();
    await visitor.getByTestId("unsubscribe-question").filter({ hasText: englishQuestion }).waitFor();
  }
  await visitor.getByRole("button", { name: "Stop these emails" }).click();
  await visitor.getByRole("status").filter({ hasText: `Done. We will no longer email you about “Payment received (receipt)” for account *${ending}.` }).waitFor();
  await visitor.getByText("You can turn them back on in Settings, under Notices.").waitFor();
  assert.equal((await emailedKinds(ACCOUNT))["payment.received"], false, "the server has it off");
  await checkPage(visitor, "unsubscribe-done");

  // The link again: already stopped, and pressing nothing.
  await visitor.reload();
  await visitor.getByTestId("unsubscribe-already").filter({ hasText: `Emails about “Payment received (receipt)” for account *${ending} are already stopped.` }).waitFor();
  assert.equal(await visitor.getByRole("button", { name: "Stop these emails" }).count(), 0);
  await checkPage(visitor, "unsubscribe-already");

  // The customer's Settings say so, and turn them back on.
  await page.goto(`${BASE}/settings#notices`);
  const receipts = page.getByRole("checkbox", { name: "Payment received (receipt) Email", exact: true });
  await receipts.waitFor();
  assert.equal(await receipts.isChecked(), false);
  await receipts.check();
  await page.getByRole("button", { name: "Save notice choices" }).click();
  await page.getByText("Saved. Your notice choices are updated.").waitFor();
  assert.equal((await emailedKinds(ACCOUNT))["payment.received"], true);

  // A link that is not one we sent, or is cut short, is explained plainly (with no email to
  // name a language, in the browser's: Spanish here, unless English was chosen above).
  await visitor.goto(`${BASE}/unsubscribe?token=not-a-token-we-sent`);
  await visitor.getByRole("alert").filter({ hasText: /^(We do not recognise this link\.|No reconocemos este enlace\.)/ }).waitFor();
  await checkPage(visitor, "unsubscribe-unknown");
  await visitor.goto(`${BASE}/unsubscribe`);
  await visitor.getByRole("alert").filter({ hasText: /^(This link is incomplete\.|Este enlace está incompleto\.)/ }).waitFor();
  await checkPage(visitor, "unsubscribe-incomplete");
  assert.deepEqual(errors, []);
  assert.deepEqual(visitorErrors, []);
});

test("an unsubscribe link from an email in Spanish opens in Spanish in a browser set to English", async (t) => {
  const account = await spanishAccount();
  const mailBefore = await lastMailNumber();
  const taken = await fetch(`${BASE}/api/v1/staff/accounts/${account.number}/payments`, {
    method: "POST",
    headers: { Authorization: `Bearer ${STAFF_TOKEN}`, "Content-Type": "application/json", "Idempotency-Key": `e2e-unsubscribe-${Date.now()}` },
    body: JSON.stringify({ amount: "1.00", method: "cash" }),
  });
  assert.equal(taken.status, 201, await taken.text());
  const receipt = await emailTo(account.email, /https?:\/\/[^/\s]+\/unsubscribe\?token=[\w-]+/, mailBefore);
  assert.match(receipt.text, /^Subject: Pago recibido: /m);

  for (const device of [PHONE, DESKTOP]) {
    const context = await browser.newContext(device);
    t.after(() => context.close());
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(receipt.match);
    await page.getByRole("heading", { level: 1, name: "Dejar de recibir correos" }).waitFor();
    await page.getByTestId("unsubscribe-question")
      .filter({ hasText: `¿Dejar de recibir correos sobre “Pago recibido (recibo)” de la cuenta *${account.number.slice(-4)}?` }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    await page.getByRole("button", { name: "Dejar de recibir estos correos" }).waitFor();
    if (device === PHONE) {
      await checkPage(page, "unsubscribe-es-phone");
    } else {
      assert.deepEqual(await runAxe(page), []);
      await page.screenshot({ path: join(ARTIFACTS, "portal-unsubscribe-es-desktop.png"), fullPage: true });
    }
    assert.deepEqual(errors, []);
  }
  assert.equal((await emailedKinds(account.number))["payment.received"], true, "only opened: nothing stopped");
});
