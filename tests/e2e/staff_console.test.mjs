// Browser smoke test of the staff console (web/staff.html) against a running Ratepayer server.
//
//   RATEPAYER_BASE_URL=http://127.0.0.1:8080       server serving web/dist and /api/v1
//   RATEPAYER_STAFF_EMAIL=ana@utility.example      a staff user (`ratepayer staff add`, enrolled) who may read accounts
//                                                  and the audit trail (an administrator)
//   RATEPAYER_STAFF_PASSWORD=...                   their password
//   RATEPAYER_STAFF_TOTP_SECRET=3132333435...      their authenticator key, hex (40 digits)
//   RATEPAYER_STAFF_ENROL_LINK=http://.../staff.html#/enrol/...
//                                                  a fresh enrolment link for a second user, "Bea Clerk" (role cashier)
//   RATEPAYER_E2E_ACCOUNT=100000017                an account number that exists
//   RATEPAYER_E2E_ARTIFACTS=/tmp                   where screenshots go (optional, default /tmp)
//   RATEPAYER_E2E_UNKNOWN_ACCOUNT=999999999        an account number that does not exist (optional)
//   RATEPAYER_STAFF_KEY=rpk_...                    an API key (administrator), for the work queue tests: a
//                                                  second person requesting an adjustment, a payment to move,
//                                                  a check returned and a payment voided
//   RATEPAYER_E2E_DB=/tmp/e2e.db                   the server's SQLite database, for `ratepayer lockbox import`
//   RATEPAYER_BIN=build/ratepayer                  the server's binary (optional; default build/ratepayer)
//
// Run: cd tests/e2e && npm ci && node --test
//
// Uses Debian's /usr/bin/chromium through playwright-core (never a downloaded browser).
// Playwright gives every launch a fresh temporary --user-data-dir of its own (it refuses the flag
// in `args`), so no profile state carries over between runs.
//
// The server takes each 30-second step's code once per user, and no step before the last one it
// took. So the first test signs in and the tests after it open new pages with that session's
// cookie (Playwright's storageState); a test that signs the staff user in again waits for a step
// of its own (freshCode). Refused attempts count towards the lockout (5 per user): this file makes 2.
// This file is the only one that signs RATEPAYER_STAFF_EMAIL in: the others sign in staff users of
// their own (ownStaffUser in support.mjs), so no other file takes this user's codes meanwhile.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { readFile, mkdtemp, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "playwright-core";
import {
  required, baseUrl, artifactsDir, ratepayerBin, launchBrowser, PHONE, asApiKey, accountsInZipArea,
  totp, base32Bytes as base32Key, stepNow, freshCode as freshCodeOf,
} from "./support.mjs";

const require = createRequire(import.meta.url);

const BASE = baseUrl();
const EMAIL = required("RATEPAYER_STAFF_EMAIL");
const PASSWORD = required("RATEPAYER_STAFF_PASSWORD");
const STAFF_KEY = Buffer.from(required("RATEPAYER_STAFF_TOTP_SECRET"), "hex");
const ENROL_LINK = required("RATEPAYER_STAFF_ENROL_LINK");
const ACCOUNT = required("RATEPAYER_E2E_ACCOUNT");
const UNKNOWN = process.env.RATEPAYER_E2E_UNKNOWN_ACCOUNT || "999999999";
const ARTIFACTS = artifactsDir();

// PHONE (support.mjs), 412x823 CSS pixels, has no bypassCSP: the console must work under the
// server's Content-Security-Policy (axe is evaluated through the DevTools protocol, which the
// policy does not govern).

// The account page's actions are for a representative at a desk: a desktop screen, and a tablet.
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "en-US" };
const TABLET = { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-US" };

const MONEY = /^-?\$\d{1,3}(,\d{3})*\.\d{2}$/;

// ---- authenticator codes (totp, base32Key and freshCode: support.mjs) -----------------------

/** A code for a step no sign-in of this run has used for `key` (the staff user's unless given). */
const freshCode = (key = STAFF_KEY) => freshCodeOf(key);

/** Six digits that are not the key's code for this step or the ones either side of it. */
function wrongCode(key = STAFF_KEY) {
  const s = stepNow();
  const near = new Set([s - 1, s, s + 1, s + 2].map((n) => totp(key, n)));
  for (let n = 500_000; ; n++) {
    const code = String((Number(totp(key, s)) + n) % 1_000_000).padStart(6, "0");
    if (!near.has(code)) return code;
  }
}

// ---- pages -----------------------------------------------------------------------------

let browser;
/** Cookies of a context signed in as the staff user (the first test to sign in keeps them). */
let staffSession = null;

before(async () => {
  browser = await launchBrowser(chromium);
});

after(async () => {
  await browser?.close();
});

/**
 * A fresh page, phone-sized unless another device is given (with a session's cookies, if given),
 * that records console errors, uncaught exceptions and any API request that carries an
 * Authorization header.
 */
async function newPage(t, storageState, device = PHONE) {
  const context = await browser.newContext({ ...device, storageState });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  const record = (msg) => {
    errors.push(msg);
    console.error(`${t.name}: ${msg}`); // visible even when a later wait times out
  };
  page.on("pageerror", (e) => record(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // Failed API calls are expected in some tests (401 before signing in) and are reported through the UI.
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) record(`console: ${m.text()}`);
  });
  page.on("request", (r) => {
    if (r.url().includes("/api/") && r.headers().authorization) record(`Authorization header sent to ${r.url()}`);
  });
  return { page, context, errors };
}

const signInHeading = (page) => page.getByRole("heading", { level: 1, name: "Sign in", exact: true });
const emailField = (page) => page.getByRole("textbox", { name: "Email", exact: true });
const passwordField = (page) => page.getByLabel("Password", { exact: true });
const codeField = (page) => page.getByRole("textbox", { name: "Code from your authenticator app" });
const searchBox = (page) => page.getByRole("searchbox", { name: "Search accounts" });
const notice = (page) => page.getByTestId("notice");

/** Fills the sign-in form (the email only if asked: after a session ended it is filled in). */
async function signIn(page, { email = EMAIL, password = PASSWORD, code } = {}) {
  await signInHeading(page).waitFor();
  if (email !== null) await emailField(page).fill(email);
  await passwordField(page).fill(password);
  await codeField(page).fill(code ?? (await freshCode()));
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/staff/auth/login"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  return answer;
}

/** A page signed in as the staff user, at the console's start (signing in if no test has yet). */
async function consolePage(t, device = PHONE) {
  if (staffSession) {
    const opened = await newPage(t, staffSession, device);
    await opened.page.goto(`${BASE}/staff.html`);
    await searchBox(opened.page).waitFor();
    return opened;
  }
  const opened = await newPage(t, undefined, device);
  await opened.page.goto(`${BASE}/staff.html`);
  assert.equal((await signIn(opened.page)).status(), 200);
  await searchBox(opened.page).waitFor();
  staffSession = await opened.context.storageState();
  return opened;
}

async function search(page, q) {
  await searchBox(page).fill(q);
  await page.getByRole("button", { name: "Search" }).click();
}

const resultLink = (page, number) =>
  page.getByRole("list", { name: "Matching accounts" }).getByRole("link").filter({ hasText: number }).first();

const accountHeading = (page, number) => page.getByRole("heading", { level: 1, name: `Account ${number}`, exact: true });

/** The text of the elements an element's aria-describedby names. */
function description(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

async function runAxe(page) {
  const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

function assertNoSeriousViolations(violations, where) {
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of violations) {
    if (!bad.includes(v)) console.log(`axe (${where}, ${v.impact}): ${v.id} — ${v.help}`);
  }
  assert.deepEqual(bad, [], `serious/critical accessibility violations on ${where}`);
}

// ---- tests -----------------------------------------------------------------------------------

test("staff signs in with password and code, searches for an account and opens its detail", async (t) => {
  const { page, context, errors } = await newPage(t);
  await page.goto(`${BASE}/staff.html`);

  // The sign-in form: one form, what password managers and phones need to fill it.
  await signInHeading(page).waitFor();
  assert.equal(await emailField(page).getAttribute("autocomplete"), "username");
  assert.equal(await passwordField(page).getAttribute("autocomplete"), "current-password");
  assert.equal(await codeField(page).getAttribute("autocomplete"), "one-time-code");
  assert.equal(await codeField(page).getAttribute("inputmode"), "numeric");
  assert.equal(await page.getByRole("button", { name: "Sign out" }).count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, "staff-sign-in.png"), fullPage: true });
  assertNoSeriousViolations(await runAxe(page), "sign-in");

  const answer = await signIn(page);
  assert.equal(answer.status(), 200);
  const me = await answer.json();
  assert.ok(Array.isArray(me.roles) && me.csrf_token, "the sign-in answer is the staff user");
  await searchBox(page).waitFor();
  staffSession = await context.storageState();
  assert.ok(staffSession.cookies.some((c) => c.name === "rp_staff" && c.httpOnly), "session cookie rp_staff, HttpOnly");

  // The header says who is signed in, and nothing about the session is kept in the page's storage.
  assert.equal((await page.getByTestId("staff-name").textContent()).trim(), me.name);
  assert.ok((await page.getByTestId("staff-roles").textContent()).trim().length > 0);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  assert.deepEqual(await page.evaluate(() => [sessionStorage.length, localStorage.length]), [0, 0]);

  await search(page, ACCOUNT);
  const result = resultLink(page, ACCOUNT);
  await result.waitFor();
  assertNoSeriousViolations(await runAxe(page), "search results");

  await result.click();
  await accountHeading(page, ACCOUNT).waitFor();
  assert.equal(new URL(page.url()).hash, `#/accounts/${ACCOUNT}`);
  assert.equal((await page.getByTestId("account-number").textContent()).trim(), ACCOUNT);

  const balance = page.getByTestId("balance");
  assert.ok(await balance.isVisible(), "balance is visible");
  assert.match((await balance.textContent()).trim(), MONEY);
  // Beside the balance, what the customer owes now, by when and why: the server's `owed`
  // (asked with this page's session cookie).
  const { owed, staff_facts } = await (await page.request.get(`${BASE}/api/v1/staff/accounts/${ACCOUNT}`)).json();
  // What staff see beyond the customer's view, as the API says it.
  const logins = (await page.getByTestId("portal-logins").textContent()).trim();
  assert.equal(logins, staff_facts.portal_logins === 0 ? "No portal login" : `${staff_facts.portal_logins} portal login${staff_facts.portal_logins === 1 ? "" : "s"}`);
  assert.match((await page.getByTestId("held-bills").textContent()).trim(), staff_facts.held_bills === 0 ? /^None$/ : new RegExp(`^${staff_facts.held_bills} waiting`));
  const dollars = (money) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(money.amount));
  assert.equal((await page.getByTestId("owed-now").textContent()).trim(), dollars(owed.now));
  assert.equal((await page.getByTestId("owed-past-due").textContent()).trim(), dollars(owed.past_due));
  assert.equal((await page.getByTestId("owed-deferred").textContent()).trim(), dollars(owed.deferred));
  assert.deepEqual(
    (await page.getByTestId("owed-reasons").locator(".amount").allTextContents()).map((s) => s.trim()),
    owed.reasons.map((r) => dollars(r.amount)),
  );
  await page.getByRole("heading", { name: "Service agreements" }).waitFor();
  await page.getByRole("heading", { name: "History" }).waitFor();

  // The page fits the phone: nothing scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);

  const shot = join(ARTIFACTS, "staff-account-detail.png");
  await page.screenshot({ path: shot, fullPage: true });
  t.diagnostic(`screenshot: ${shot}`);

  assertNoSeriousViolations(await runAxe(page), "account detail");
  assert.deepEqual(errors, []);
});

test("the audit trail lists the staff user's read of the account", async (t) => {
  // The first test opened RATEPAYER_E2E_ACCOUNT as this user (an administrator: audit.read).
  const { page, errors } = await consolePage(t);
  const me = await (await page.request.get(`${BASE}/api/v1/staff/me`)).json();
  assert.ok(me.name, "GET /api/v1/staff/me names the staff user");

  // The header's link, for everyone signed in, opens the page with no filters.
  const firstPage = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/audit");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit trail", exact: true }).click();
  const heading = page.getByRole("heading", { level: 1, name: "Audit trail", exact: true });
  await heading.waitFor();
  assert.equal(new URL(page.url()).hash, "#/audit");
  assert.equal((await firstPage).status(), 200);
  assert.ok(await heading.evaluate((el) => el === document.activeElement), "the heading has focus");

  // Filter by the staff user: the filter goes into the address and the API's query.
  const filtered = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === "/api/v1/staff/audit" && url.searchParams.get("staff") === EMAIL;
  });
  await page.getByRole("textbox", { name: "Staff email", exact: true }).fill(EMAIL);
  await page.getByRole("button", { name: "Show records", exact: true }).click();
  const res = await filtered;
  assert.equal(res.status(), 200);
  const { records } = await res.json();
  assert.ok(records.length > 0, "the staff user's records");
  const hash = new URL(page.url()).hash;
  assert.ok(hash.startsWith("#/audit?"), hash);
  assert.equal(new URLSearchParams(hash.slice("#/audit?".length)).get("staff"), EMAIL);

  // A row: action account.read, Who the staff user's name, Target the account.
  const table = page.getByRole("table", { name: "Audit records" });
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "account.read", exact: true }) })
    .filter({ has: page.getByRole("cell", { name: me.name }) })
    .filter({ has: page.getByRole("cell", { name: ACCOUNT }) })
    .first();
  await row.waitFor();
  assert.equal((await row.locator("td.who .actor-name").textContent()).trim(), me.name);
  assert.ok((await row.locator("td.target").textContent()).includes(ACCOUNT), "the target names the account");
  assert.equal(await table.getByRole("columnheader", { name: "Who", exact: true }).getAttribute("scope"), "col");

  // The page fits the phone: the rows are stacked, nothing scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);

  const shot = join(ARTIFACTS, "staff-audit.png");
  await page.screenshot({ path: shot, fullPage: true });
  t.diagnostic(`screenshot: ${shot}`);

  assertNoSeriousViolations(await runAxe(page), "audit trail");

  // The CSV of the same filters: exporting asks for a recent sign-in (audit.export), so the
  // console asks for the password and a code first when the last one is over 5 minutes old.
  const exported = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/audit.csv" && r.status() === 200);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV", exact: true }).click();
  const confirm = page.getByRole("form", { name: "Confirm it is you" });
  const first = await Promise.race([exported.then(() => "file"), confirm.waitFor().then(() => "confirm")]);
  if (first === "confirm") {
    t.diagnostic("the export asked for the password and a code");
    await confirm.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await confirm.getByLabel("Code from your authenticator app").fill(await freshCode());
    await confirm.getByRole("button", { name: "Confirm and download", exact: true }).click();
  }
  const csvAnswer = await exported;
  assert.equal(new URL(csvAnswer.url()).searchParams.get("staff"), EMAIL);
  const file = await download;
  assert.match(file.suggestedFilename(), /^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await file.path(), "utf8");
  assert.ok(text.startsWith("id,at,actor,actor_name,action,target,outcome,"), text.slice(0, 80));
  assert.ok(text.includes('"account.read"') && text.includes(`"${me.name}"`), "the CSV holds the read by name");
  assert.deepEqual(errors, []);
});

test("an unknown account shows the server's problem detail", async (t) => {
  const { page, errors } = await consolePage(t);

  const response = page.waitForResponse((r) => r.url().endsWith(`/api/v1/staff/accounts/${UNKNOWN}`));
  await page.goto(`${BASE}/staff.html#/accounts/${UNKNOWN}`);
  const res = await response;
  assert.equal(res.status(), 404);
  assert.match(res.headers()["content-type"] ?? "", /^application\/problem\+json/);
  const problem = await res.json();
  assert.ok(problem.detail, "problem+json has a detail");

  const alert = page.getByRole("alert");
  await alert.getByText(problem.detail, { exact: false }).waitFor();
  assert.equal(await page.getByRole("heading", { level: 1, name: /^Account / }).count(), 0);
  await page.getByRole("button", { name: "Sign out" }).waitFor(); // still signed in

  await page.screenshot({ path: join(ARTIFACTS, "staff-unknown-account.png"), fullPage: true });
  assertNoSeriousViolations(await runAxe(page), "unknown account");
  assert.deepEqual(errors, []);
});

// ---- the account page's actions ------------------------------------------------------------------

/** An API answer, asked with the page's own session cookie (what the console itself may see). */
async function apiGet(page, path) {
  const res = await page.request.get(`${BASE}${path}`);
  assert.equal(res.status(), 200, `GET ${path}`);
  return res.json();
}

/** An API amount as the console shows it: {amount: "-25.00"} -> "-$25.00". */
const moneyText = (money) => new Intl.NumberFormat("en-US", { style: "currency", currency: money.currency ?? "USD" }).format(Number(money.amount));

/** "+15415550177" (as the server keeps it) -> "(541) 555-0177", as a caller reads it out. */
function phoneAsSaid(phone) {
  const m = /^(?:\+1)?(\d{3})(\d{3})(\d{4})$/.exec(phone ?? "");
  assert.ok(m, `a US phone number: ${phone}`);
  return `(${m[1]}) ${m[2]}-${m[3]}`;
}

const withoutAccents = (text) => text.normalize("NFD").replace(/\p{M}/gu, "");

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Waits until the element's whole text is `text` (an element's own text, not a child's). */
const textBecomes = (locator, text) => locator.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }).waitFor();

/** A day `days` from today, as a date field takes it: "2027-01-05". */
function dayFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

let generated = null;
/**
 * Every account of the generated utility: those the search finds by the first two digits of
 * RATEPAYER_E2E_ACCOUNT's ZIP (the generator puts every account in one state), a page at a time.
 */
async function generatedAccounts(page) {
  if (generated) return generated;
  const { q, accounts } = await accountsInZipArea((path) => apiGet(page, path), ACCOUNT, 2000);
  generated = accounts;
  assert.ok(generated.some((a) => a.account_number === ACCOUNT), `the search for "${q}" finds ${ACCOUNT}`);
  return generated;
}

/** Accounts the tests below changed, so that each works on a customer of its own. */
const taken = new Set([ACCOUNT]);

/** Opens an account from the search (the header's Accounts link first, if elsewhere), as a representative does. */
async function openAccount(page, number) {
  if (!(await searchBox(page).isVisible())) {
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Accounts", exact: true }).click();
  }
  await search(page, number);
  await resultLink(page, number).click();
  await accountHeading(page, number).waitFor();
}

const actionsArea = (page) => page.getByTestId("account-actions");
const actionButton = (page, name) => actionsArea(page).getByRole("button", { name, exact: true });
const actionPanel = (page) => page.getByTestId("action-panel");
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Opens an action's panel; focus moves to its heading. */
async function openAction(page, name) {
  await actionButton(page, name).click();
  await actionPanel(page).getByRole("heading", { level: 3, name, exact: true }).waitFor();
  assert.equal(await actionButton(page, name).getAttribute("aria-expanded"), "true");
  assert.equal(await focusedId(page), "action-panel-heading", `focus moves into the ${name} panel`);
  return actionPanel(page);
}

/**
 * The History table's row of an event: its kind in words, a summary holding `summary`, and who did
 * it (their name first, then what kind of actor they are).
 */
async function historyRow(page, kind, summary, who) {
  const row = page
    .getByRole("table", { name: /^Account events/ })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: kind, exact: true }) })
    .filter({ hasText: summary })
    .first();
  await row.waitFor();
  assert.ok((await row.locator("td").last().textContent()).trim().startsWith(who), `${kind} "${summary}" was done by ${who}`);
  return row;
}

/** The answer to the next request of `method` to a path ending in `end`. */
const answerTo = (page, method, end) =>
  page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.endsWith(end));

test("a representative finds a customer by phone, and by an accented name typed without its accent", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);

  // The phone as the caller reads it out: "(541) 555-01xx", from the account's own answer.
  const detail = await apiGet(page, `/api/v1/staff/accounts/${ACCOUNT}`);
  const phone = phoneAsSaid(detail.customer.phone);
  assert.match(phone, /^\(541\) 555-01\d\d$/);
  await search(page, phone);
  const byPhone = resultLink(page, ACCOUNT);
  await byPhone.waitFor();
  assert.match((await byPhone.getByTestId("matched-on").textContent()).trim(), /(^|, )Matched phone$/);

  // A name with an accent in the generated data, typed without it ("Gomez" for "Gómez").
  const accented = (await generatedAccounts(page)).find((a) => withoutAccents(a.customer_name) !== a.customer_name);
  assert.ok(accented, "the generated customers include a name with an accent");
  const typed = withoutAccents(accented.customer_name);
  t.diagnostic(`"${typed}" for "${accented.customer_name}" (${accented.account_number})`);
  await search(page, typed);
  const byName = resultLink(page, accented.account_number);
  await byName.waitFor();
  assert.ok((await byName.textContent()).includes(accented.customer_name), "the result shows the name with its accent");
  await byName.click();
  await accountHeading(page, accented.account_number).waitFor();
  assert.equal((await page.getByTestId("customer-name").textContent()).trim(), accented.customer_name);
  assert.deepEqual(errors, []);
});

test("a search that matches a bill number and a full page of addresses: its account first, in addition to the page; the hint says how many are shown", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  // The first two digits of the ZIP start every generated address, and are a bill's number too.
  const detail = await apiGet(page, `/api/v1/staff/accounts/${ACCOUNT}`);
  const q = (detail.service_address ?? detail.mailing_address).zip.slice(0, 2);
  const answer = await apiGet(page, `/api/v1/staff/accounts?${new URLSearchParams({ q, limit: "20" })}`);
  assert.equal(answer.items[0]?.matched_on, "bill_number", `"${q}" is bill number ${q}: its account comes first`);
  assert.ok(answer.items.length > 20 && answer.next_cursor, `"${q}" finds more than a page: ${answer.items.length} on the first`);
  t.diagnostic(`"${q}": ${answer.items.length} on the first page, more after it`);

  await search(page, q);
  const results = page.getByRole("list", { name: "Matching accounts" });
  await results.waitFor();
  await textBecomes(page.getByRole("status").filter({ hasText: /accounts? found/ }), `${answer.items.length}+ accounts found.`);
  assert.equal(await results.getByRole("link").count(), answer.items.length, "every row the server gave");
  assert.match((await results.getByRole("link").first().getByTestId("matched-on").textContent()).trim(), /(^|, )Matched bill number$/);
  assert.equal((await page.getByTestId("more-matches").textContent()).trim(),
    `Showing the first ${answer.items.length} matches. Narrow the search to see others.`);
  assert.deepEqual(errors, []);
});

test("the account: its last bill's lines, a cash payment with a receipt, a note, each in the History by name", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");
  await openAccount(page, ACCOUNT);

  // The last bill, opened from the Bills section: every line of every service.
  const { bills } = await apiGet(page, `/api/v1/accounts/${ACCOUNT}/bills?limit=1`);
  assert.ok(bills.length > 0 && bills[0].number !== null, `${ACCOUNT} has a bill`);
  const last = await apiGet(page, `/api/v1/accounts/${ACCOUNT}/bills/${bills[0].number}`);
  const lines = last.sections.flatMap((s) => s.lines);
  assert.ok(lines.length > 0, "the last bill has lines");
  await page.getByRole("button", { name: `Bill ${last.number}`, exact: true }).click();
  const opened = page.getByRole("region", { name: `Bill ${last.number}`, exact: true });
  await opened.getByRole("table").first().waitFor();
  assert.equal(await opened.locator("table.bill-lines tbody tr").count(), lines.length);
  assert.ok((await opened.locator("table.bill-lines tbody th").first().textContent()).includes(lines[0].description.trim()));
  await page.getByRole("button", { name: `Close bill ${last.number}` }).click();

  // An administrator may take every action: seven buttons, and no line about missing permissions.
  const area = actionsArea(page);
  assert.deepEqual(
    (await area.getByRole("list").getByRole("button").allTextContents()).map((s) => s.trim()),
    ["Take a payment", "Request an adjustment", "Set up an arrangement", "Contact details", "Change mailing address", "Budget billing", "Move out"],
  );
  assert.equal(await page.getByTestId("actions-lacking").count(), 0);

  // Take a payment: the panel opens with focus in it; the page passes axe with it open.
  const panel = await openAction(page, "Take a payment");
  const amount = panel.getByRole("textbox", { name: "Amount", exact: true });
  await amount.fill("25.00");
  assert.ok(await panel.getByRole("radio", { name: "Cash", exact: true }).isChecked(), "cash is the first choice");
  await page.screenshot({ path: join(ARTIFACTS, "staff-actions-desktop.png") });
  await page.screenshot({ path: join(ARTIFACTS, "staff-actions-desktop-full.png"), fullPage: true });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with the payment panel open");

  // Pressed twice quickly: one payment, under a console Idempotency-Key.
  const posts = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === `/api/v1/staff/accounts/${ACCOUNT}/payments`) posts.push(r);
  });
  const paid = answerTo(page, "POST", `/staff/accounts/${ACCOUNT}/payments`);
  await panel.getByRole("button", { name: "Take $25.00 in cash", exact: true }).dblclick();
  const answer = await paid;
  assert.equal(answer.status(), 201);
  const payment = await answer.json();
  assert.equal(posts.length, 1, "a second press while the first is on its way sends nothing");
  assert.match(posts[0].headers()["idempotency-key"] ?? "", /^console-[0-9a-f]{32}$/);

  // The receipt: what the server answered, and who took it (the server's payment list says).
  const receipt = panel.getByTestId("receipt");
  await panel.getByRole("heading", { level: 4, name: "Payment received" }).waitFor();
  assert.equal(await focusedId(page), "action-done-heading", "focus moves to the receipt");
  assert.equal((await receipt.getByTestId("receipt-confirmation").textContent()).trim(), payment.confirmation);
  assert.equal((await receipt.getByTestId("receipt-amount").textContent()).trim(), "$25.00");
  assert.equal((await receipt.getByTestId("receipt-method").textContent()).trim(), "Cash");
  assert.equal((await receipt.getByTestId("receipt-balance-after").textContent()).trim(), moneyText(payment.balance_after));
  // When, in the utility's zone (the History's), named: "Dec 6, 2026, 1:43 PM PST".
  const { time_zone: zone } = await apiGet(page, `/api/v1/staff/accounts/${ACCOUNT}/history?limit=1`);
  const when = new Intl.DateTimeFormat("en-US", {
    year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: zone,
  }).format(new Date(payment.created_at));
  assert.ok((await receipt.getByTestId("receipt-time").textContent()).startsWith(when), `taken at ${when}`);
  await textBecomes(receipt.getByTestId("receipt-taken-by"), me.name);

  // The page's figures follow at once: the balance is the balance after the payment; the payment is listed.
  await textBecomes(page.getByTestId("balance"), moneyText(payment.balance_after));
  await page.getByTestId("section-payments").getByText(payment.confirmation, { exact: true }).waitFor();

  // Print: the browser's print, and the printout holds the receipt alone.
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => { window.printed += 1; };
  });
  await panel.getByRole("button", { name: "Print receipt" }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  await page.emulateMedia({ media: "print" });
  assert.ok(await receipt.isVisible(), "the receipt prints");
  assert.ok(!(await accountHeading(page, ACCOUNT).isVisible()), "the rest of the page does not");
  assert.ok(!(await page.getByRole("button", { name: "Print receipt" }).isVisible()), "nor the receipt's buttons");
  assert.ok(!(await page.getByRole("heading", { name: "History" }).isVisible()));
  await page.screenshot({ path: join(ARTIFACTS, "staff-receipt-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with the receipt shown");

  // Escape closes the panel; focus goes back to its button. (The print preview above took focus
  // from the button it hid.)
  await panel.getByRole("button", { name: "Take another payment" }).focus();
  await page.keyboard.press("Escape");
  await actionPanel(page).waitFor({ state: "detached" });
  assert.equal(await focusedId(page), "action-payment");
  assert.equal(await actionButton(page, "Take a payment").getAttribute("aria-expanded"), "false");

  // A note, as the representative ends the call.
  const body = `Took $25.00 in cash at the counter (${payment.confirmation}).`;
  await page.getByRole("textbox", { name: "Note", exact: true }).fill(body);
  const noted = answerTo(page, "POST", `/staff/accounts/${ACCOUNT}/notes`);
  await page.getByRole("button", { name: "Add note", exact: true }).click();
  assert.equal((await noted).status(), 201);
  await textBecomes(page.getByTestId("note-status"), "Note added.");

  // Both in the History, done by the signed-in user, by name.
  assert.equal(me.name, "E2E Administrator");
  await historyRow(page, "Payment received", payment.confirmation, me.name);
  await historyRow(page, "Note added", body, me.name);
  await page.getByRole("heading", { name: "History" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "staff-actions-history.png") });
  assert.deepEqual(errors, []);
});

test("taking a payment: a check without its number is said at its field; a declined card names the failed payment; an approved card posts", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  await openAccount(page, ACCOUNT);
  const panel = await openAction(page, "Take a payment");
  await panel.getByRole("textbox", { name: "Amount", exact: true }).fill("7.00");

  // A check without its number: said at the field, which gets focus; nothing is sent.
  await panel.getByRole("radio", { name: "Check", exact: true }).check();
  await panel.getByRole("button", { name: "Take a $7.00 check", exact: true }).click();
  const checkNumber = panel.getByRole("textbox", { name: "Check number" });
  assert.equal(await checkNumber.getAttribute("aria-invalid"), "true");
  assert.match(await description(checkNumber), /1 to 10 digits/);
  assert.equal(await focusedId(page), "pay-check-number");

  // A card the processor declines (a test card): the server's words and the failed payment's number.
  await panel.getByRole("radio", { name: "Card by phone", exact: true }).check();
  await panel.getByRole("textbox", { name: "Card number" }).fill("4000 0000 0000 0002");
  await panel.getByRole("textbox", { name: "Expiry (MM/YY)" }).fill("12/30");
  await panel.getByRole("textbox", { name: "Security code" }).fill("123");
  const tokenized = answerTo(page, "POST", "/api/v1/payment-methods/test-tokens");
  let paid = answerTo(page, "POST", `/staff/accounts/${ACCOUNT}/payments`);
  await panel.getByRole("button", { name: "Charge $7.00 to the card", exact: true }).click();
  assert.equal((await tokenized).status(), 201);
  let answer = await paid;
  assert.equal(answer.status(), 402);
  const declined = await answer.json();
  const alert = panel.getByTestId("action-problem");
  await alert.getByText("Could not take the payment.").waitFor();
  await alert.getByText(declined.detail).waitFor();
  await alert.getByText(`Recorded as failed payment ${declined.confirmation}: nothing was taken.`).waitFor();

  // Another card is another payment: approved, posted, on the receipt by its label.
  await panel.getByRole("textbox", { name: "Card number" }).fill("4242 4242 4242 4242");
  paid = answerTo(page, "POST", `/staff/accounts/${ACCOUNT}/payments`);
  await panel.getByRole("button", { name: "Charge $7.00 to the card", exact: true }).click();
  answer = await paid;
  assert.equal(answer.status(), 201);
  const payment = await answer.json();
  assert.notEqual(answer.request().headers()["idempotency-key"], undefined);
  await panel.getByRole("heading", { level: 4, name: "Payment received" }).waitFor();
  assert.equal((await panel.getByTestId("receipt-method").textContent()).trim(), "Visa •••• 4242");
  assert.equal((await panel.getByTestId("receipt-confirmation").textContent()).trim(), payment.confirmation);
  assert.equal(payment.channel, "phone");
  assert.deepEqual(errors, []);
});

test("an answer lost on the way: pressing again sends the same payment, which the server takes once", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  await openAccount(page, ACCOUNT);
  const panel = await openAction(page, "Take a payment");
  await panel.getByRole("textbox", { name: "Amount", exact: true }).fill("3.00");

  // The first answer is lost after the server took the payment (the connection drops).
  const path = `/api/v1/staff/accounts/${ACCOUNT}/payments`;
  const keys = [];
  let first = null;
  await page.route(`${BASE}${path}`, async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (first) return route.continue();
    first = await (await route.fetch()).json();
    await route.abort("connectionreset");
  });
  await panel.getByRole("button", { name: "Take $3.00 in cash", exact: true }).click();
  const alert = panel.getByTestId("action-problem");
  await alert.getByText("Could not take the payment.").waitFor();
  await alert.getByText("it is never taken twice", { exact: false }).waitFor();
  assert.ok(first?.confirmation, "the server took the first one");

  // Pressing again sends the same key: the server answers with the same payment.
  const again = answerTo(page, "POST", path);
  await panel.getByRole("button", { name: "Try again: Take $3.00 in cash", exact: true }).click();
  const answer = await again;
  assert.ok([200, 201].includes(answer.status()), `status ${answer.status()}`);
  assert.equal((await answer.json()).confirmation, first.confirmation);
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], "the retry carries the first attempt's Idempotency-Key");
  await page.unroute(`${BASE}${path}`);
  await textBecomes(panel.getByTestId("receipt-confirmation"), first.confirmation);

  // One payment of $3.00 with that confirmation on the account.
  const { payments } = await apiGet(page, `/api/v1/accounts/${ACCOUNT}/payments?limit=20`);
  assert.equal(payments.filter((p) => p.confirmation === first.confirmation).length, 1);
  assert.deepEqual(errors, []);
});

test("a payment arrangement is set up where one is offered; where none is, the server's reason is shown", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");

  // Through the API: an account offered a plan, and one that is not (with the server's reason).
  let offered = null;
  let refused = null;
  for (const a of await generatedAccounts(page)) {
    if (taken.has(a.account_number) || (offered && refused)) continue;
    const offer = await apiGet(page, `/api/v1/accounts/${a.account_number}/arrangement-offers`);
    if (offer.eligible && offer.plans.length > 0) offered ??= { number: a.account_number, offer };
    else if (!offer.eligible && offer.reason) refused ??= { number: a.account_number, offer };
  }
  assert.ok(refused, "some account is offered no plan");

  // Not offered: the reason, in the server's words.
  taken.add(refused.number);
  await openAccount(page, refused.number);
  let panel = await openAction(page, "Set up an arrangement");
  const reason = panel.getByTestId("arrangement-reason");
  await reason.waitFor();
  const said = refused.offer.reason.trim();
  assert.equal((await reason.textContent()).trim().toLowerCase(), `${said}${/[.!?]$/.test(said) ? "" : "."}`.toLowerCase());
  assert.equal(await panel.getByRole("radio").count(), 0, "no plan to choose");
  t.diagnostic(`${refused.number}: ${said}`);

  if (!offered) {
    // Nothing is skipped silently: no generated account is offered a plan today, which is said.
    t.diagnostic("no generated account is offered an arrangement; the reason shown above is what the page offers");
    assert.deepEqual(errors, []);
    return;
  }

  taken.add(offered.number);
  t.diagnostic(`${offered.number}: ${offered.offer.plans.length} plans offered for ${moneyText(offered.offer.past_due)} past due`);
  await openAccount(page, offered.number);
  panel = await openAction(page, "Set up an arrangement");
  const plans = panel.getByRole("radio");
  await plans.first().waitFor();
  assert.equal(await plans.count(), offered.offer.plans.length);
  const plan = offered.offer.plans[0];
  await panel.getByRole("radio", { name: new RegExp(`^${plan.installments} installments`) }).check();
  const made = answerTo(page, "POST", `/accounts/${offered.number}/arrangements`);
  await panel.getByRole("button", { name: "Set up the arrangement", exact: true }).click();
  const answer = await made;
  assert.equal(answer.status(), 201);
  const arrangement = await answer.json();
  assert.equal(arrangement.installments, plan.installments);
  await panel.getByRole("heading", { level: 4, name: "Arrangement set up" }).waitFor();
  assert.ok((await panel.getByTestId("arrangement-made").textContent()).includes(`${moneyText(arrangement.down_payment)} down by`));

  // The page follows: the arrangement listed, its flag on, and the event in the History by name.
  await page.getByTestId("section-arrangements").getByText("Active", { exact: true }).waitFor();
  await page.getByTestId("flags").locator('[data-flag="arrangement"]').waitFor();
  await historyRow(page, "Arrangement made", moneyText(arrangement.down_payment), me.name);
  assert.deepEqual(errors, []);
});

test("an adjustment (posted, then one waiting for approval), contact details, budget billing in and out, and a move-out", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");

  // A customer of its own: active, with open services, 3 bills or more, not on budget billing,
  // without adjustments yet (so the first small credit is within the approval limit).
  let chosen = null;
  for (const a of await generatedAccounts(page)) {
    if (taken.has(a.account_number) || a.status !== "active") continue;
    const detail = await apiGet(page, `/api/v1/staff/accounts/${a.account_number}`);
    const prefs = await apiGet(page, `/api/v1/accounts/${a.account_number}/preferences`);
    const { bills } = await apiGet(page, `/api/v1/accounts/${a.account_number}/bills?limit=3`);
    const { kinds } = await apiGet(page, `/api/v1/staff/accounts/${a.account_number}/history?limit=1`);
    if (detail.agreements.some((g) => g.end_date === null) && !prefs.budget && bills.length === 3 && !kinds.includes("adjustment")) {
      chosen = detail;
      break;
    }
  }
  assert.ok(chosen, "a generated account to change");
  const number = chosen.account_number;
  taken.add(number);
  await openAccount(page, number);

  // An adjustment within the limit posts at once ...
  let panel = await openAction(page, "Request an adjustment");
  await panel.getByRole("textbox", { name: "Amount", exact: true }).fill("5.00");
  await panel.getByRole("combobox", { name: "Reason" }).selectOption({ label: "Goodwill" });
  await panel.getByRole("textbox", { name: "What it is for" }).fill("Kept waiting on the phone");
  let requested = answerTo(page, "POST", `/staff/accounts/${number}/adjustments`);
  await panel.getByRole("button", { name: "Request the adjustment", exact: true }).click();
  let answer = await requested;
  assert.equal(answer.status(), 201);
  assert.equal((await answer.json()).status, "posted");
  await panel.getByTestId("adjustment-result").getByText("Posted.", { exact: false }).waitFor();
  assert.match(await panel.getByTestId("adjustment-result").textContent(), /A credit of \$5\.00 \(Goodwill\) is on the account now\./);

  // ... one above it waits for a second person.
  await panel.getByRole("radio", { name: /^Charge/ }).check();
  await panel.getByRole("textbox", { name: "Amount", exact: true }).fill("150.00");
  await panel.getByRole("combobox", { name: "Reason" }).selectOption({ label: "Billing error" });
  await panel.getByRole("textbox", { name: "What it is for" }).fill("Meter read twice on the last bill");
  requested = answerTo(page, "POST", `/staff/accounts/${number}/adjustments`);
  await panel.getByRole("button", { name: "Request the adjustment", exact: true }).click();
  answer = await requested;
  assert.equal((await answer.json()).status, "pending");
  await panel.getByTestId("adjustment-result").getByText("Waiting for approval.", { exact: false }).waitFor();
  assert.match(await panel.getByTestId("adjustment-result").textContent(), /second person with adjustments\.approve/);

  // Contact details: a new email and phone, paperless on; the header shows them at once.
  panel = await openAction(page, "Contact details");
  const email = `e2e.${number}@example.com`;
  await panel.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await panel.getByRole("textbox", { name: "Phone", exact: true }).fill("541-555-0142");
  await panel.getByRole("checkbox", { name: /^Paperless bills/ }).check();
  const saved = answerTo(page, "PUT", `/accounts/${number}/preferences`);
  await panel.getByRole("button", { name: "Save contact details", exact: true }).click();
  assert.equal((await saved).status(), 200);
  await textBecomes(panel.getByTestId("contact-result"), `Contact details saved. Email ${email}; phone (541) 555-0142; paperless bills on.`);
  await page.locator(".header-contact").getByRole("link", { name: email, exact: true }).waitFor();
  await page.locator(".header-contact").getByRole("link", { name: "(541) 555-0142", exact: true }).waitFor();

  // Budget billing: enrol, then leave after the step saying what leaving does; each only with the
  // customer's consent (who agreed, how, a reference), which the History then names.
  panel = await openAction(page, "Budget billing");
  const holder = chosen.customer.name;
  let consent = panel.getByRole("group", { name: "The customer's consent" });
  assert.equal(await consent.getByRole("textbox", { name: "Who agreed" }).inputValue(), holder, "the account holder's name to start with");
  await consent.getByRole("textbox", { name: "Who agreed" }).fill("Susan Smith");
  await consent.getByRole("radio", { name: "By phone" }).check();
  await consent.getByRole("textbox", { name: "Reference (optional)" }).fill("call 4471");
  const enrolled = answerTo(page, "POST", `/staff/accounts/${number}/budget-billing`);
  await panel.getByRole("button", { name: "Enrol in budget billing", exact: true }).click();
  answer = await enrolled;
  assert.equal(answer.status(), 201);
  assert.deepEqual(JSON.parse(answer.request().postData()).consent, { given_by: "Susan Smith", how: "phone", reference: "call 4471" });
  const plan = await answer.json();
  await panel.getByTestId("budget-result").filter({ hasText: `${moneyText(plan.installment)} a month` }).waitFor();
  assert.match(await panel.getByTestId("budget-result").textContent(), /At the request of Susan Smith, by phone \(call 4471\)\.$/);
  await page.getByTestId("section-budget").getByText(`${moneyText(plan.installment)} a month`).waitFor();
  await panel.getByRole("button", { name: "Leave budget billing…" }).click();
  const confirmLeave = panel.getByRole("group", { name: /^Leave budget billing today\?/ });
  await confirmLeave.waitFor();
  consent = confirmLeave.getByRole("group", { name: "The customer's consent" });
  assert.equal(await consent.getByRole("textbox", { name: "Who agreed" }).inputValue(), holder);
  await consent.getByRole("radio", { name: "In person" }).check();
  const left = answerTo(page, "DELETE", `/accounts/${number}/budget-billing`);
  await confirmLeave.getByRole("button", { name: "Yes, leave budget billing" }).click();
  answer = await left;
  assert.equal(answer.status(), 200);
  assert.deepEqual(JSON.parse(answer.request().postData()), { consent: { given_by: holder, how: "in_person" } });
  await panel.getByTestId("budget-result").filter({ hasText: "Left budget billing on" }).waitFor();
  assert.ok((await panel.getByTestId("budget-result").textContent()).endsWith(`At the request of ${holder}, in person.`));
  await page.getByTestId("section-budget").getByText("Not on budget billing", { exact: false }).waitFor();

  // Move out: the last day, then the step that says what it does, then the services stop.
  panel = await openAction(page, "Move out");
  const lastDay = dayFromToday(30);
  await panel.getByLabel("Customer's last day").fill(lastDay);
  await panel.getByRole("button", { name: "Continue", exact: true }).click();
  const lastDayWords = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${lastDay}T00:00:00Z`));
  const confirmStop = panel.getByRole("group", { name: new RegExp(`service after ${lastDayWords}\\?`) });
  await confirmStop.waitFor();
  const stopped = answerTo(page, "POST", `/staff/accounts/${number}/move-out`);
  await confirmStop.getByRole("button", { name: `Stop service after ${lastDayWords}`, exact: true }).click();
  answer = await stopped;
  assert.equal(answer.status(), 200);
  const moved = await answer.json();
  assert.ok(moved.services_stopped > 0);
  await panel.getByTestId("move-out-done").filter({ hasText: `Service stops after ${lastDayWords}` }).waitFor();
  await page.getByTestId("section-agreements").getByText(`– ${lastDayWords}`, { exact: false }).first().waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "staff-actions-move-out.png") });

  // Each in the History, by the signed-in user's name.
  await historyRow(page, "Adjustment posted", "A credit of $5.00", me.name);
  await historyRow(page, "Adjustment requested", "waits for a second person", me.name);
  await historyRow(page, "Preferences changed", "contact email", me.name);
  await historyRow(page, "Budget enrolled", `${moneyText(plan.installment)} a month`, me.name);
  await historyRow(page, "Budget enrolled", "at the request of Susan Smith, by phone (call 4471)", me.name);
  await historyRow(page, "Budget ended", `Budget billing ended`, me.name);
  await historyRow(page, "Budget ended", `at the request of ${holder}, in person`, me.name);
  await historyRow(page, "Service stopped", lastDay, me.name);
  assert.deepEqual(errors, []);
});

test("the statement of account: its closing balance is the header's, a kind filter, the CSV and the PDF of the same query", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  await openAccount(page, ACCOUNT);
  const section = page.getByTestId("section-statement");
  await page.getByRole("navigation", { name: /section/i }).getByRole("link", { name: "Statement", exact: true }).click();
  const closing = section.getByTestId("statement-closing");
  await closing.waitFor();

  // Without dates, the closing balance is the account's balance, and the last line's balance after it.
  const balance = (await page.getByTestId("balance").textContent()).trim();
  assert.match(balance, MONEY);
  assert.equal((await closing.textContent()).trim(), balance);
  const after = section.getByTestId("statement-balance-after");
  assert.ok((await after.count()) > 1, "the statement has lines");
  assert.equal((await after.last().textContent()).trim(), balance);
  const shot = join(ARTIFACTS, "staff-statement.png");
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: shot });
  t.diagnostic(`screenshot: ${shot}`);

  // A To date before the From date is said at To before anything is asked.
  const from = section.getByLabel("From", { exact: true });
  const to = section.getByLabel("To", { exact: true });
  await from.fill("2026-03-02");
  await to.fill("2026-03-01");
  await section.getByRole("button", { name: "Show entries", exact: true }).click();
  assert.equal(await to.getAttribute("aria-invalid"), "true");
  assert.match(await description(to), /on or after the From date/);
  assert.equal(await focusedId(page), "statement-to");
  await from.fill("");
  await to.fill("");

  // Payments only: every line shown is a payment; the balances still run over every entry.
  const asked = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === `/api/v1/staff/accounts/${ACCOUNT}/statement` && url.searchParams.get("kind") === "payment";
  });
  await section.getByLabel("Kind of entry").selectOption("payment");
  await section.getByRole("button", { name: "Show entries", exact: true }).click();
  const answer = await asked;
  assert.equal(answer.status(), 200);
  const payments = await answer.json();
  assert.ok(payments.lines.length > 0, `${ACCOUNT} has payments`);
  await section.getByTestId("statement-shows").filter({ hasText: payments.shows }).waitFor();
  const kinds = await section.locator("table.statement-table tbody tr[data-kind]").evaluateAll((rows) => rows.map((r) => r.dataset.kind));
  assert.equal(kinds.length, payments.lines.length);
  assert.deepEqual([...new Set(kinds)], ["payment"]);
  assert.equal((await closing.textContent()).trim(), balance, "a kind filter does not change the closing balance");

  // The CSV file and the PDF of the same query.
  const csvLink = section.getByRole("link", { name: /^Download CSV/ });
  assert.equal(new URL(await csvLink.getAttribute("href"), BASE).searchParams.get("kind"), "payment");
  const download = page.waitForEvent("download");
  await csvLink.click();
  const file = await download;
  assert.match(file.suggestedFilename(), new RegExp(`^statement-${ACCOUNT}-.*\\.csv$`));
  const csv = await readFile(await file.path(), "utf8");
  assert.ok(csv.includes("Opening balance") && csv.includes("Closing balance"), csv.slice(0, 200));
  const pdfLink = section.getByRole("link", { name: /^Open PDF/ });
  const pdfUrl = new URL(await pdfLink.getAttribute("href"), BASE);
  assert.equal(pdfUrl.searchParams.get("kind"), "payment");
  const pdf = await page.request.get(pdfUrl.href);
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()["content-type"] ?? "", /^application\/pdf/);
  assert.deepEqual(errors, []);
});

test("the amount due names a bounced check and a voided payment for what they are; payments are recorded on the utility's clocks, whatever the browser's zone", async (t) => {
  // A browser in Tokyo, far from the utility: no time on the page may be Tokyo's.
  const { page, errors } = await consolePage(t, { ...DESKTOP, timezoneId: "Asia/Tokyo" });
  const chosen = await freshAccount(page, (d) => d.owed.reasons.some((r) => r.kind === "bill"));
  const number = chosen.account_number;

  // A second person (the API key): a check taken and bounced (a returned payment, with its fee),
  // and cash taken and voided the same day. Each posts a reversal of the payment's entry.
  const pay = (body) => asApiKey("POST", `/api/v1/staff/accounts/${number}/payments`, body, { "Idempotency-Key": `e2e-${randomBytes(8).toString("hex")}` });
  const check = await pay({ amount: "7.00", method: "check", check_number: "4417" });
  assert.equal(check.status, 201, JSON.stringify(check.body));
  const bounced = await asApiKey("POST", `/api/v1/staff/payments/${check.body.confirmation}/return`, { return_code: "R01" });
  assert.equal(bounced.status, 200, JSON.stringify(bounced.body));
  assert.equal(bounced.body.payment.status, "returned");
  const cash = await pay({ amount: "5.00", method: "cash" });
  assert.equal(cash.status, 201, JSON.stringify(cash.body));
  const voided = await asApiKey("POST", `/api/v1/staff/payments/${cash.body.confirmation}/void`, { reason: "Keyed twice" });
  assert.equal(voided.status, 200, JSON.stringify(voided.body));
  assert.equal(voided.body.status, "voided");

  // The ledger: each reversal names the payment entry it reverses (the statement's reverses_entry_id).
  const { lines } = await apiGet(page, `/api/v1/staff/accounts/${number}/statement`);
  const reversalOf = (confirmation) => {
    const entry = lines.find((l) => l.kind === "reversal" && l.reference === confirmation);
    assert.ok(entry, `a reversal of ${confirmation} in the ledger`);
    const reversed = lines.find((l) => l.entry_id === entry.reverses_entry_id);
    assert.deepEqual([reversed?.kind, reversed?.reference], ["payment", confirmation]);
    return entry;
  };
  const returnedEntry = reversalOf(check.body.confirmation);
  const voidEntry = reversalOf(cash.body.confirmation);
  const feeEntry = lines.find((l) => l.kind === "fee" && l.reference === check.body.confirmation);
  assert.ok(feeEntry, "the returned-payment fee in the ledger");
  const { owed } = await apiGet(page, `/api/v1/staff/accounts/${number}`);
  assert.deepEqual(owed.reasons.filter((r) => r.kind === "reversal").map((r) => r.amount.amount), ["7.00", "5.00"], JSON.stringify(owed.reasons));

  // How the amount due adds up: each reversal by what it undid, with the ledger's own words.
  await openAccount(page, number);
  const reasons = page.getByTestId("owed-reasons");
  const item = (kind, amount) => reasons.locator(`li[data-kind="${kind}"]`).filter({ hasText: amount });
  await textBecomes(item("reversal", "$7.00").getByTestId("owed-label"), `Payment returned, posted ${dayWords(returnedEntry.effective_on)}`);
  await textBecomes(item("reversal", "$7.00").getByTestId("owed-detail"), returnedEntry.description);
  await textBecomes(item("reversal", "$5.00").getByTestId("owed-label"), `Payment voided, posted ${dayWords(voidEntry.effective_on)}`);
  await textBecomes(item("reversal", "$5.00").getByTestId("owed-detail"), voidEntry.description);
  await textBecomes(item("fee", moneyText(feeEntry.amount)).getByTestId("owed-label"), `Fee, posted ${dayWords(feeEntry.effective_on)}`);
  await textBecomes(item("fee", moneyText(feeEntry.amount)).getByTestId("owed-detail"), feeEntry.description);
  for (const label of await reasons.getByTestId("owed-label").allTextContents()) {
    assert.doesNotMatch(label, /^Returned payment/, "no reversal is called a returned payment by its kind alone");
  }
  assert.equal(await reasons.locator("li").count(), owed.reasons.length);
  await page.getByTestId("section-owed").scrollIntoViewIfNeeded();
  await page.getByTestId("section-owed").screenshot({ path: join(ARTIFACTS, "staff-owed-reversals.png") });

  // Payments: when each was recorded, in the utility's zone (the History names it), not Tokyo's.
  const { time_zone: zone } = await apiGet(page, `/api/v1/staff/accounts/${number}/history?limit=1`);
  assert.ok(zone && zone !== "Asia/Tokyo", `the utility's zone: ${zone}`);
  const at = (iso, timeZone) => new Intl.DateTimeFormat("en-US", {
    year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone,
  }).format(new Date(iso));
  const payments = page.getByTestId("section-payments");
  for (const p of [check.body, cash.body]) {
    const row = payments.getByTestId("payment-row").filter({ has: page.getByTestId("payment-confirmation").getByText(p.confirmation, { exact: true }) });
    await textBecomes(row.getByTestId("payment-recorded"), `recorded ${at(p.created_at, zone)}`);
    assert.notEqual(at(p.created_at, zone), at(p.created_at, "Asia/Tokyo"));
  }
  await payments.scrollIntoViewIfNeeded();
  await payments.screenshot({ path: join(ARTIFACTS, "staff-payments-recorded.png") });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations on the account page");
  assert.deepEqual(errors, []);
});

test("the mailing address changed and a bill emailed again, each at once in the header and the History by name", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");
  // A customer of its own, with an email on file (the change is emailed to them) and a sent bill.
  let number = null;
  for (const a of await generatedAccounts(page)) {
    if (taken.has(a.account_number) || a.status !== "active") continue;
    const detail = await apiGet(page, `/api/v1/staff/accounts/${a.account_number}`);
    if (detail.customer.email) {
      number = a.account_number;
      break;
    }
  }
  assert.ok(number, "an active account with an email");
  taken.add(number);
  const before = await apiGet(page, `/api/v1/staff/accounts/${number}`);
  await openAccount(page, number);

  // The panel opens with the address on file; a ZIP that is not one is said at its field.
  const panel = await openAction(page, "Change mailing address");
  const street = panel.getByRole("textbox", { name: "Street address or PO box" });
  assert.equal(await street.inputValue(), before.mailing_address.line1);
  assert.equal(await panel.getByRole("textbox", { name: "ZIP code" }).inputValue(), before.mailing_address.zip);
  await page.getByTestId("section-statement").getByTestId("statement-closing").waitFor();
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with the statement and the mailing-address panel");

  const zip = panel.getByRole("textbox", { name: "ZIP code" });
  await zip.fill("9770");
  await panel.getByRole("button", { name: "Save mailing address", exact: true }).click();
  assert.equal(await zip.getAttribute("aria-invalid"), "true");
  assert.equal(await focusedId(page), "mailing-zip");

  await street.fill("12 Quail Run");
  await panel.getByRole("textbox", { name: /^Apartment/ }).fill("Unit 4");
  await panel.getByRole("textbox", { name: "City" }).fill("Bend");
  await panel.getByRole("textbox", { name: "State" }).fill("OR");
  await zip.fill("97701");
  const changed = answerTo(page, "PUT", `/staff/accounts/${number}/mailing-address`);
  await panel.getByRole("button", { name: "Save mailing address", exact: true }).click();
  const answer = await changed;
  assert.equal(answer.status(), 200);
  const change = await answer.json();
  assert.equal(change.changed, true);
  assert.equal(change.notified, "email");
  await panel.getByTestId("mailing-address-result").filter({ hasText: "The customer was emailed about the change" }).waitFor();
  await page.locator(".header-contact").getByText("12 Quail Run, Unit 4", { exact: false }).waitFor();
  await historyRow(page, "Mailing address changed", "Mailing address changed", me.name);
  await page.screenshot({ path: join(ARTIFACTS, "staff-mailing-address.png") });

  // The same address again changes nothing, and says so.
  await panel.getByRole("button", { name: "Save mailing address", exact: true }).click();
  await panel.getByTestId("mailing-address-result").filter({ hasText: "Nothing to save" }).waitFor();

  // The last bill, emailed again from the opened bill.
  const { bills } = await apiGet(page, `/api/v1/accounts/${number}/bills?limit=1`);
  assert.ok(bills.length > 0 && bills[0].number !== null, `${number} has a bill`);
  await page.getByRole("button", { name: `Bill ${bills[0].number}`, exact: true }).click();
  const opened = page.getByRole("region", { name: `Bill ${bills[0].number}`, exact: true });
  const resent = answerTo(page, "POST", `/bills/${bills[0].number}/resend`);
  await opened.getByRole("button", { name: "Email this bill again", exact: true }).click();
  const sent = await resent;
  assert.equal(sent.status(), 200);
  const { emailed_to } = await sent.json();
  await opened.getByTestId("resend-result").filter({ hasText: `Emailed to ${emailed_to}` }).waitFor();
  await historyRow(page, "Bill resent", "emailed again", me.name);
  await opened.getByTestId("resend-result").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "staff-bill-resent.png") });
  assert.deepEqual(errors, []);
});

/**
 * A section photographed on its own. The section navigation, kept in view, would lie across a
 * photograph taller than the screen: it is hidden meanwhile (from code, as the policy allows).
 */
async function photographSection(section, name) {
  const nav = section.page().locator(".section-nav");
  await nav.evaluate((el) => (el.style.visibility = "hidden"));
  await section.screenshot({ path: join(ARTIFACTS, name) });
  await nav.evaluate((el) => (el.style.visibility = ""));
}

test("notices: a representative turns a kind off for a customer who asks, the History names them, and the notices sent are listed", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");
  await openAccount(page, ACCOUNT);
  await page.getByRole("navigation", { name: /section/i }).getByRole("link", { name: "Notices", exact: true }).click();
  const section = page.getByTestId("section-notices");
  const form = section.getByRole("form", { name: "What the customer is emailed" });
  const box = (name) => form.getByRole("checkbox", { name: `${name} Email`, exact: true });
  await box("Budget billing ended").waitFor();
  const before = await apiGet(page, `/api/v1/accounts/${ACCOUNT}/notice-choices`);
  assert.equal(await form.getByRole("checkbox").count(), before.kinds.length);
  // Always sent: ticked and closed, with why.
  assert.equal(await box("Payment did not go through").isDisabled(), true);
  assert.equal(await box("Payment did not go through").isChecked(), true);
  assert.match(await description(box("Payment did not go through")), /Always sent: about money owed or the account's safety\./);

  // Budget-billing-ended emails off (the portal's tests change other kinds), then on again.
  const emailed = async () => (await apiGet(page, `/api/v1/accounts/${ACCOUNT}/notice-choices`)).kinds.find((k) => k.kind === "budget.ended").email;
  if (!(await emailed())) {
    // Left off by an earlier run against this server: on first, as the customer's default.
    await box("Budget billing ended").check();
    await form.getByRole("button", { name: "Save notice choices" }).click();
    await textBecomes(form.getByTestId("notices-result"), "Saved: Budget billing ended on. The History records it under your name.");
  }
  assert.equal(await emailed(), true);
  await box("Budget billing ended").uncheck();
  const saved = answerTo(page, "PUT", `/accounts/${ACCOUNT}/notice-choices`);
  await form.getByRole("button", { name: "Save notice choices" }).click();
  const put = await saved;
  assert.equal(put.status(), 200);
  assert.deepEqual(put.request().postDataJSON(), { changes: [{ kind: "budget.ended", channel: "email", enabled: false }] });
  await textBecomes(form.getByTestId("notices-result"), "Saved: Budget billing ended off. The History records it under your name.");
  assert.equal(await emailed(), false, "the server has it off");
  await historyRow(page, "Notices changed", /budget\.ended (by email )?off/, me.name);
  await photographSection(section, "staff-notices-desktop.png");
  assertNoSeriousViolations(await runAxe(page), "the account page with its notices");
  await box("Budget billing ended").check();
  await form.getByRole("button", { name: "Save notice choices" }).click();
  await textBecomes(form.getByTestId("notices-result"), "Saved: Budget billing ended on. The History records it under your name.");
  assert.equal(await emailed(), true);

  // The notices sent: each row one the server lists, newest first.
  const { notices } = await apiGet(page, `/api/v1/accounts/${ACCOUNT}/notices?limit=100`);
  const rows = section.getByRole("table", { name: "Notices sent, newest first" }).locator("tbody tr");
  if (notices.length > 0) {
    await rows.first().waitFor();
    const subjects = (await rows.locator("td.subject").allInnerTexts()).map((text) => text.split("\n")[0].trim());
    const known = new Set(notices.map((n) => n.subject));
    assert.ok(subjects.length > 0 && subjects.length <= 20 && subjects.every((s) => known.has(s)), `notices shown: ${subjects.join(" | ")}`);
  }

  // On a phone (a page of its own: a desktop page made narrow keeps its charts' width) the
  // section is one column, each notice sent a block, and nothing is wider than the screen.
  const { page: phone, errors: phoneErrors } = await consolePage(t);
  await openAccount(phone, ACCOUNT);
  const onPhone = phone.getByTestId("section-notices");
  await onPhone.getByRole("checkbox", { name: "Budget billing ended Email", exact: true }).waitFor();
  if (notices.length > 0) await onPhone.getByRole("table", { name: "Notices sent, newest first" }).locator("tbody tr").first().waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the account page is ${overflow}px wider than the phone`);
  assert.deepEqual(phoneErrors, []);
  await photographSection(onPhone, "staff-notices-phone.png");
  assert.deepEqual(errors, []);
});

test("the account page's actions on a tablet: they fit, and pass axe with a panel open", async (t) => {
  const { page, errors } = await consolePage(t, TABLET);
  await page.goto(`${BASE}/staff.html#/accounts/${ACCOUNT}`);
  await accountHeading(page, ACCOUNT).waitFor();
  await page.getByRole("heading", { name: "History" }).waitFor();
  const panel = await openAction(page, "Request an adjustment");
  await panel.getByRole("textbox", { name: "Amount", exact: true }).waitFor();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, "staff-actions-tablet.png") });
  await page.screenshot({ path: join(ARTIFACTS, "staff-actions-tablet-full.png"), fullPage: true });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with the adjustment panel open");

  // Close gives focus back to the button, as Escape does.
  await panel.getByRole("button", { name: /^Close/ }).click();
  await actionPanel(page).waitFor({ state: "detached" });
  assert.equal(await focusedId(page), "action-adjustment");
  assert.deepEqual(errors, []);
});

test("a wrong password is refused", async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/staff.html`);

  // The password is checked first: a wrong one is refused whatever the code.
  const answer = await signIn(page, { password: `${PASSWORD}-wrong`, code: wrongCode() });
  assert.equal(answer.status(), 401);
  const problem = await answer.json();
  assert.match(problem.type, /sign-in-failed$/);

  await page.getByRole("alert").getByText(problem.detail, { exact: false }).waitFor();
  await signInHeading(page).waitFor();
  assert.equal(await codeField(page).getAttribute("aria-invalid"), null, "not the code's fault");
  assert.equal(await page.getByRole("button", { name: "Sign out" }).count(), 0);
  assert.equal((await page.request.get(`${BASE}/api/v1/staff/me`)).status(), 401, "no session");

  await page.screenshot({ path: join(ARTIFACTS, "staff-sign-in-refused.png"), fullPage: true });
  assertNoSeriousViolations(await runAxe(page), "sign-in refused");
  assert.deepEqual(errors, []);
});

test("a wrong code is refused (mfa-required)", async (t) => {
  const { page, errors } = await newPage(t);
  await page.goto(`${BASE}/staff.html`);

  const answer = await signIn(page, { code: wrongCode() });
  assert.equal(answer.status(), 401);
  const problem = await answer.json();
  assert.match(problem.type, /mfa-required$/);

  // The password was right: the server's words are at the code field, which has focus, emptied
  // for the next code; the alert stays empty.
  const code = codeField(page);
  await page.getByText(problem.detail, { exact: false }).waitFor();
  assert.equal(await code.getAttribute("aria-invalid"), "true");
  assert.ok((await description(code)).includes(problem.detail), "the message is tied to the code field");
  assert.ok(await code.evaluate((el) => el === document.activeElement), "the code field has focus");
  assert.equal(await code.inputValue(), "");
  assert.equal((await page.getByRole("alert").textContent()).trim(), "");
  assert.equal(await page.getByRole("button", { name: "Sign out" }).count(), 0);

  await page.screenshot({ path: join(ARTIFACTS, "staff-sign-in-code-wrong.png"), fullPage: true });
  assertNoSeriousViolations(await runAxe(page), "sign-in code wrong");
  assert.deepEqual(errors, []);
});

test("when the session ends, signing in again continues the search or opens the account", async (t) => {
  const { page, context, errors } = await consolePage(t);
  await search(page, ACCOUNT);
  await resultLink(page, ACCOUNT).waitFor();

  // The session ends (here: the cookie is gone); the next search is answered 401.
  await context.clearCookies();
  await page.getByRole("button", { name: "Search" }).click();
  await notice(page).getByText("Your session ended; sign in again.").waitFor();
  await signInHeading(page).waitFor();
  assert.equal(await emailField(page).inputValue(), EMAIL, "the email is filled in");
  assert.ok(await passwordField(page).evaluate((el) => el === document.activeElement), "the password field has focus");
  await page.screenshot({ path: join(ARTIFACTS, "staff-session-ended.png"), fullPage: true });
  assertNoSeriousViolations(await runAxe(page), "session ended");

  // Signing in (a code of a step of its own) runs the search again.
  // (Signing in may wait for the next 30-second step: the response is waited for as long.)
  const searched = page.waitForResponse((r) => r.url().includes("/api/v1/staff/accounts?"), { timeout: 45_000 });
  assert.equal((await signIn(page, { email: null })).status(), 200);
  assert.equal((await searched).status(), 200);
  await resultLink(page, ACCOUNT).waitFor();
  assert.equal(await searchBox(page).inputValue(), ACCOUNT);
  assert.equal((await notice(page).textContent()).trim(), "");

  // Again on the way to an account: signing in opens it, at the same address.
  await context.clearCookies();
  await resultLink(page, ACCOUNT).click();
  await notice(page).getByText("Your session ended; sign in again.").waitFor();
  assert.equal(new URL(page.url()).hash, `#/accounts/${ACCOUNT}`);
  assert.equal((await signIn(page, { email: null })).status(), 200);
  await accountHeading(page, ACCOUNT).waitFor();
  assert.equal(new URL(page.url()).hash, `#/accounts/${ACCOUNT}`);
  await page.getByTestId("balance").waitFor();
  assert.deepEqual(errors, []);
});

test("a new staff user enrols from the link: password, authenticator, recovery codes, console", async (t) => {
  const { page, errors } = await newPage(t);
  const link = new URL(ENROL_LINK);
  const token = decodeURIComponent(link.hash.replace(/^#\/enrol\//, ""));
  assert.ok(token && token !== link.hash, "RATEPAYER_STAFF_ENROL_LINK ends in #/enrol/<token>");
  const origin = link.origin; // the server's public URL: the session cookie is for that host
  await page.goto(ENROL_LINK);

  // Step 1: a password, twice, with its rule said up front; mistakes are caught before sending.
  await page.getByRole("heading", { level: 1, name: "Set up your staff sign-in" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Step 1 of 3: choose a password" }).waitFor();
  const password = page.getByLabel("New password", { exact: true });
  const again = page.getByLabel("New password again", { exact: true });
  assert.match(await description(password), /At least 12 characters/);
  assert.equal(await password.getAttribute("autocomplete"), "new-password");
  assertNoSeriousViolations(await runAxe(page), "enrolment: password");

  await password.fill("too short");
  await again.fill("too short!");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByText("Use at least 12 characters.").waitFor();
  assert.match(await description(password), /Use at least 12 characters/);
  assert.match(await description(again), /do not match/);
  assert.ok(await password.evaluate((el) => el === document.activeElement), "the first wrong field has focus");

  const chosen = `e2e ${randomBytes(12).toString("base64url")}`;
  await password.fill(chosen);
  await again.fill(chosen);
  const started = page.waitForResponse((r) => r.url().endsWith("/api/v1/staff/auth/enrol"));
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  assert.equal((await started).status(), 200);

  // Step 2: the QR code (an image) and the same key written out in groups of four.
  await page.getByRole("heading", { level: 2, name: /^Step 2 of 3/ }).waitFor();
  await page.getByText("Bea Clerk", { exact: false }).first().waitFor();
  const qr = page.getByRole("img", { name: /QR code/ });
  assert.match(await qr.getAttribute("src"), /^data:image\/svg\+xml,/);
  assert.ok(await qr.evaluate((img) => img.decode().then(() => true, () => false)), "the QR code is an image the page may show");
  const secret = (await page.getByTestId("totp-secret").textContent()).trim();
  assert.match(secret, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  await page.screenshot({ path: join(ARTIFACTS, "staff-enrol-authenticator.png"), fullPage: true });
  assertNoSeriousViolations(await runAxe(page), "enrolment: authenticator");

  // The app's code, worked out from the key on the page, signs Bea in.
  const code = page.getByRole("textbox", { name: "Code from the app" });
  assert.equal(await code.getAttribute("inputmode"), "numeric");
  await code.fill(await freshCode(base32Key(secret)));
  const confirmed = page.waitForResponse((r) => r.url().endsWith("/api/v1/staff/auth/enrol/confirm"));
  await page.getByRole("button", { name: "Confirm code" }).click();
  assert.equal((await confirmed).status(), 200);

  // Step 3: ten recovery codes, shown once, and what they are for.
  await page.getByRole("heading", { level: 2, name: /^Step 3 of 3/ }).waitFor();
  await page.getByText("Keep these somewhere safe; each works once if you lose your phone.").waitFor();
  const codes = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((s) => s.trim());
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  await page.screenshot({ path: join(ARTIFACTS, "staff-enrol-recovery-codes.png"), fullPage: true });
  assertNoSeriousViolations(await runAxe(page), "enrolment: recovery codes");

  // On to the console, signed in as Bea; the token is gone from the address.
  await page.getByRole("button", { name: "Continue to the console" }).click();
  await searchBox(page).waitFor();
  assert.equal(new URL(page.url()).hash, "#/");
  assert.ok(!page.url().includes(token), "the enrolment token is not in the address any more");
  assert.equal((await page.getByTestId("staff-name").textContent()).trim(), "Bea Clerk");
  assert.equal((await page.getByTestId("staff-roles").textContent()).trim(), "Cashier");
  const me = await (await page.request.get(`${origin}/api/v1/staff/me`)).json();
  assert.equal(me.name, "Bea Clerk");
  assert.deepEqual(me.roles, ["cashier"]);
  assert.equal(me.recovery_codes, undefined);

  // A cashier reads accounts (their role has accounts.read) and takes payments there; the page
  // says in one line which actions need a permission Bea lacks ...
  await page.goto(`${origin}/staff.html#/accounts/${ACCOUNT}`);
  await accountHeading(page, ACCOUNT).waitFor();
  const actions = page.getByTestId("account-actions");
  assert.deepEqual((await actions.getByRole("list").getByRole("button").allTextContents()).map((s) => s.trim()), ["Take a payment"]);
  assert.equal(
    (await page.getByTestId("actions-lacking").textContent()).trim(),
    "Not open to you: Request an adjustment needs adjustments.request; Set up an arrangement needs arrangements.make; " +
      "Contact details, Change mailing address, Budget billing and Move out need accounts.change.",
  );
  await actions.screenshot({ path: join(ARTIFACTS, "staff-actions-cashier.png") });
  // ... but not the audit trail: the page says which permission is missing, and Bea stays signed in.
  const refused = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/audit");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit trail", exact: true }).click();
  const answer = await refused;
  assert.equal(answer.status(), 403);
  const problem = await answer.json();
  assert.match(problem.type, /permission-required$/);
  assert.match(problem.detail, /audit\.read/);
  await page.getByRole("alert").getByText("audit.read", { exact: false }).waitFor();
  assert.equal(await page.getByRole("table", { name: "Audit records" }).count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, "staff-refused.png"), fullPage: true });
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  assert.equal(await signInHeading(page).count(), 0);
  assert.deepEqual(errors, []);
});

test("signing out ends the session and returns to the sign-in screen", async (t) => {
  const { page, errors } = await consolePage(t);
  await page.getByTestId("staff-name").waitFor();

  const out = page.waitForResponse((r) => r.url().endsWith("/api/v1/staff/auth/logout"));
  await page.getByRole("button", { name: "Sign out" }).click();
  const res = await out;
  assert.equal(res.status(), 204);
  assert.ok((await res.request().headerValue("x-csrf-token"))?.length > 0, "the CSRF token was sent");
  staffSession = null; // that session is over

  await notice(page).getByText("You have signed out.").waitFor();
  await signInHeading(page).waitFor();
  assert.equal(await emailField(page).inputValue(), "");
  assert.equal(await page.getByRole("button", { name: "Sign out" }).count(), 0);
  assert.equal((await page.request.get(`${BASE}/api/v1/staff/me`)).status(), 401);
  assert.deepEqual(errors, []);
});

// ---- the work queues -----------------------------------------------------------------------------

const E2E_DB = process.env.RATEPAYER_E2E_DB ?? "";
const RATEPAYER_BIN = ratepayerBin();

// A tablet held sideways: the work queues are made for a desk, and must be usable at 1024 px.
const TABLET_WIDE = { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, hasTouch: true, locale: "en-US" };

// asApiKey (support.mjs): a request as the API key (a second person: not the signed-in staff
// user), outside the page.

/** Waits until the element with this id has focus (focus moves once the new part is drawn). */
const focusMovesTo = (page, id) => page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 });

const workNav = (page) => page.getByRole("navigation", { name: "Work queues" });
const workHeading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });

/** A queue's link as it is read out: "Bill holds, 75 waiting", "Bill runs, 0 running". */
const queueLink = (page, name, count, word = "waiting") =>
  workNav(page).getByRole("link", { name: `${name}, ${count} ${word}`, exact: true });

/** Opens the Work area from the console's navigation: its counts are asked for as it opens. */
async function openWork(page) {
  const counted = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/work-queues");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Work", exact: true }).click();
  await workHeading(page, "Work queues").waitFor();
  const answer = await counted;
  assert.equal(answer.status(), 200, "GET /api/v1/staff/work-queues");
  return answer.json();
}

/** The counts the server gives now (asked with the page's session). */
const workCounts = (page) => apiGet(page, "/api/v1/staff/work-queues");

/**
 * The answer to an action that wants a sign-in from the last 5 minutes (approving bills or an
 * adjustment): when the server asks (403 reauthentication-required), the console's "Confirm it is
 * you" form takes the password and a fresh code, and the action is sent again by itself.
 */
async function confirmedAnswer(t, page, method, end, act) {
  let answer = answerTo(page, method, end);
  await act();
  let res = await answer;
  if (res.status() === 403 && /reauthentication-required$/.test((await res.json()).type ?? "")) {
    t.diagnostic(`${end}: the console asked for the password and a code`);
    const form = page.getByTestId("confirm-identity");
    await form.getByRole("heading", { name: "Confirm it is you" }).waitFor();
    await focusMovesTo(page, "work-confirm-password");
    await form.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await form.getByLabel("Code from your authenticator app").fill(await freshCode());
    answer = answerTo(page, method, end);
    const confirmed = answerTo(page, "POST", "/api/v1/staff/auth/reauthenticate");
    await form.getByRole("button", { name: /^Confirm and / }).click();
    assert.equal((await confirmed).status(), 204, "the password and code are confirmed");
    res = await answer;
    await form.waitFor({ state: "detached" });
  }
  return res;
}

/** A generated account no other test has changed, active, meeting `fits` (given its detail). */
async function freshAccount(page, fits = () => true) {
  for (const a of await generatedAccounts(page)) {
    if (taken.has(a.account_number) || a.status !== "active") continue;
    const detail = await apiGet(page, `/api/v1/staff/accounts/${a.account_number}`);
    if (await fits(detail)) {
      taken.add(a.account_number);
      return detail;
    }
  }
  assert.fail("a generated account for this test");
}

test("work queue: a billing user filters the bills on hold; two held past their cycle's next read are refused together, recalculated from their panels, and the new bills approved together with one note", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const counts = await openWork(page);
  assert.equal(typeof counts.bill_holds, "number", "an administrator sees the bill holds' count");
  await queueLink(page, "Bill holds", counts.bill_holds).click();
  await workHeading(page, "Bill holds").waitFor();
  assert.equal(new URL(page.url()).hash, "#/queues/bill-holds");
  await focusMovesTo(page, "work-heading");
  const table = page.getByRole("table", { name: "Bills on hold, oldest first" });
  await table.waitFor();

  // A filter the queue has: high bills of at least $100 held over 30 days. The address and the
  // API's query carry the same filters, and the rows are the server's answer to them.
  const filters = page.getByRole("search", { name: "Filter bills on hold" });
  await filters.getByRole("combobox", { name: "Hold reason" }).selectOption({ label: "High bill" });
  await filters.getByRole("textbox", { name: "Held over (days)" }).fill("30");
  await filters.getByRole("textbox", { name: "Charges from ($)" }).fill("100");
  const filtered = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/bill-holds" && new URL(r.url()).searchParams.get("rule") === "high_bill");
  await filters.getByRole("button", { name: "Show bills", exact: true }).click();
  const answer = await filtered;
  assert.equal(answer.status(), 200);
  const asked = new URL(answer.url()).searchParams;
  assert.deepEqual([asked.get("older_than_days"), asked.get("min_amount")], ["30", "100.00"]);
  assert.equal(new URL(page.url()).hash, "#/queues/bill-holds?rule=high_bill&older_than_days=30&min_amount=100.00");
  const { bills } = await answer.json();
  assert.ok(bills.length >= 2, `at least two high bills of $100 or more held over 30 days (found ${bills.length})`);
  for (const b of bills) {
    assert.ok(b.holds.some((h) => h.reason === "high_bill"), `bill ${b.id} is held as a high bill`);
    assert.ok(Number(b.charges.amount) >= 100, `bill ${b.id} charges $100 or more`);
    assert.equal(typeof b.cycle, "number", `bill ${b.id} names its cycle`);
  }
  await page.getByTestId("queue-status").filter({ hasText: /bills? on hold/ }).waitFor();
  const shownIds = async () => (await table.locator("tbody tr[data-bill-id]").evaluateAll((rows) => rows.map((r) => Number(r.dataset.billId))));
  assert.deepEqual(await shownIds(), bills.map((b) => b.id), "the rows are the server's, oldest first");
  const first = table.locator(`tr[data-bill-id="${bills[0].id}"]`);
  assert.equal((await first.getByRole("link").textContent()).trim(), bills[0].account_number);
  assert.equal((await first.locator("td.num.strong").textContent()).trim(), moneyText(bills[0].charges));
  assert.equal((await first.locator("td.num").first().textContent()).trim(), String(bills[0].cycle));

  // Every bill shown, ticked at once, and let go again.
  const chosenCount = page.getByTestId("chosen-count");
  await page.getByRole("checkbox", { name: `Choose all ${bills.length} bills shown` }).check();
  await textBecomes(chosenCount, `${bills.length} bill${bills.length === 1 ? "" : "s"} of ${bills.length} chosen.`);
  await page.getByRole("checkbox", { name: `Choose all ${bills.length} bills shown` }).uncheck();
  await textBecomes(chosenCount, `0 bills of ${bills.length} chosen.`);

  // The two oldest of one cycle. Held over 30 days, each has waited past its cycle's next read
  // after its bill date (docs/billing.md): it cannot be approved as drafted.
  const a = bills[0];
  const b = bills.find((x) => x.id !== a.id && x.cycle === a.cycle);
  assert.ok(b, `a second high bill of cycle ${a.cycle} held over 30 days`);
  for (const bill of [a, b]) taken.add(bill.account_number);
  t.diagnostic(`bills ${a.id} (dated ${a.bill_date}) and ${b.id} (dated ${b.bill_date}), cycle ${a.cycle}`);

  // Without a note nothing is sent: the note says why, and takes focus.
  for (const bill of [a, b]) {
    const box = page.getByRole("checkbox", { name: `Choose bill ${bill.id}, account ${bill.account_number}` });
    await box.focus();
    await page.keyboard.press("Space"); // ticked from the keyboard
    assert.ok(await box.isChecked());
  }
  await textBecomes(chosenCount, `2 bills of ${bills.length} chosen.`);
  await page.getByRole("button", { name: "Approve 2 bills", exact: true }).click();
  const note = page.getByRole("textbox", { name: "Note", exact: true });
  assert.equal(await note.getAttribute("aria-invalid"), "true");
  assert.match(await description(note), /Write a note/);
  await focusMovesTo(page, "bulk-note");

  // Approved together: each is refused on its own, with the server's reason.
  const text = "Checked with the meter shop: usage confirmed";
  await note.fill(text);
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-holds-chosen.png") });
  const refusedAnswer = await confirmedAnswer(t, page, "POST", "/api/v1/staff/bill-holds/approve", () =>
    page.getByRole("button", { name: "Approve 2 bills", exact: true }).click(),
  );
  assert.equal(refusedAnswer.status(), 200);
  assert.deepEqual(JSON.parse(refusedAnswer.request().postData()), { bill_ids: [a.id, b.id], note: text });
  const refused = await refusedAnswer.json();
  assert.deepEqual(refused.results.map((r) => [r.bill_id, r.done]), [[a.id, false], [b.id, false]], JSON.stringify(refused));
  assert.deepEqual([refused.done, refused.refused], [0, 2]);
  for (const [r, bill] of [[refused.results[0], a], [refused.results[1], b]]) {
    assert.match(r.refused, new RegExp(`^held bill ${bill.id}, dated ${bill.bill_date}, has waited past cycle ${bill.cycle}'s next read on \\d{4}-\\d{2}-\\d{2}: recalculate it from the meter data as it is now before it is released$`));
  }

  // What the clerk reads: nothing was approved; for each bill the server's reason and what to do
  // about it (the bulk form has no Recalculate: the bill's own panel has), in the result and in its row.
  const outcome = page.getByTestId("holds-outcome");
  await outcome.getByText("No bill was approved; 2 were refused: each row says why.", { exact: true }).waitFor();
  await focusMovesTo(page, "holds-outcome");
  for (const r of refused.results) {
    const line = (await outcome.locator("li").filter({ hasText: `Bill ${r.bill_id} refused:` }).textContent()).trim();
    assert.ok(line.toLowerCase().includes(r.refused.toLowerCase()), `the result gives the server's reason for bill ${r.bill_id}: ${line}`);
    assert.match(line, /before it is released\. Review it, write a note and choose Recalculate: the bill is drafted again from the meter data as it is now, dated today\. If the new bill is held again, approve it then\.$/);
    const row = table.locator(`tr[data-bill-id="${r.bill_id}"]`);
    const said = row.getByTestId("row-refusal");
    await said.waitFor();
    assert.ok((await said.textContent()).includes(`Refused: ${r.refused}`), `row ${r.bill_id} gives the server's reason`);
    assert.match(await row.getByTestId("row-refusal-hint").textContent(), /^Review it, write a note and choose Recalculate/);
  }
  // Nothing was released: both are held still, listed and chosen; the count is the same.
  for (const bill of [a, b]) assert.equal((await apiGet(page, `/api/v1/staff/bills/${bill.id}`)).status, "held", `bill ${bill.id} is still held`);
  await textBecomes(chosenCount, `2 bills of ${bills.length} chosen.`);
  assert.deepEqual(await shownIds(), bills.map((x) => x.id), "both still listed");
  assert.equal((await workCounts(page)).bill_holds, counts.bill_holds);
  await queueLink(page, "Bill holds", counts.bill_holds).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-holds-refused.png") });
  await table.locator(`tr[data-bill-id="${a.id}"]`).screenshot({ path: join(ARTIFACTS, "staff-work-holds-refused-row.png") });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with the refusals shown");

  /**
   * Recalculates a bill from its own panel with a note (as the refusal says); the result says
   * what became of it, as the server answered: its replacement, held again or sent at once.
   */
  const recalculate = async (bill, why) => {
    await page.getByRole("button", { name: `Review bill ${bill.id}`, exact: true }).click();
    const panel = page.getByTestId("held-bill");
    await panel.getByRole("heading", { level: 2, name: new RegExp(`^Bill ${bill.id} for account`) }).waitFor();
    await panel.getByRole("textbox", { name: "Note", exact: true }).fill(why);
    const answered = await confirmedAnswer(t, page, "POST", `/api/v1/staff/bills/${bill.id}/recalculate`, () =>
      panel.getByRole("button", { name: `Recalculate bill ${bill.id}`, exact: true }).click(),
    );
    assert.equal(answered.status(), 200, await answered.text());
    assert.deepEqual(JSON.parse(answered.request().postData()), { note: why });
    const o = await answered.json();
    assert.deepEqual([o.bill_id, o.status], [bill.id, "cancelled"], JSON.stringify(o));
    const r = o.replacement;
    assert.ok(r && ["held", "released"].includes(r.status), `bill ${bill.id} is drafted again: ${JSON.stringify(o)}`);
    const said = r.status === "held"
      ? `Bill ${bill.id} recalculated: the new bill ${r.bill_id} failed a check again and is on hold, where it can be approved.`
      : `Bill ${bill.id} recalculated: the new bill ${r.bill_id} was sent as bill number ${r.number}.`;
    await outcome.getByText(said, { exact: true }).waitFor();
    await table.locator(`tr[data-bill-id="${bill.id}"]`).waitFor({ state: "detached" });
    // The server's side: the bill cancelled; the new one names it, is dated later (today), and is what the result said.
    assert.equal((await apiGet(page, `/api/v1/staff/bills/${bill.id}`)).status, "cancelled");
    const fresh = await apiGet(page, `/api/v1/staff/bills/${r.bill_id}`);
    assert.equal(fresh.replaces_bill_id, bill.id);
    assert.equal(fresh.status, r.status);
    assert.ok(fresh.bill_date > bill.bill_date, `the new bill is dated ${fresh.bill_date}, after ${bill.bill_date}`);
    if (r.status === "released") assert.equal(fresh.number, r.number);
    t.diagnostic(`bill ${bill.id} recalculated: bill ${r.bill_id}, ${r.status}, dated ${fresh.bill_date}`);
    return { ...r, cycle: bill.cycle };
  };

  // The first, opened: the panel says why approving it was refused and what to do. Approved alone
  // anyway, the server refuses it (409 bill-overtaken): said in the panel with the same hint.
  await page.getByRole("button", { name: `Review bill ${a.id}`, exact: true }).click();
  const panel = page.getByTestId("held-bill");
  await panel.getByRole("heading", { level: 2, name: new RegExp(`^Bill ${a.id} for account`) }).waitFor();
  const why = (await panel.getByTestId("held-bill-refusal").textContent()).trim();
  assert.ok(why.startsWith(`Approving it was refused: ${refused.results[0].refused}`), why);
  assert.match(why, /Write a note and choose Recalculate: the bill is drafted again from the meter data as it is now, dated today\./);
  const alone = await confirmedAnswer(t, page, "POST", `/api/v1/staff/bills/${a.id}/approve`, () =>
    panel.getByRole("button", { name: `Approve bill ${a.id}`, exact: true }).click(),
  );
  assert.equal(alone.status(), 409);
  const problem = await alone.json();
  assert.equal(problem.code, "bill-overtaken");
  const alert = panel.getByTestId("action-problem");
  await alert.getByText(problem.detail, { exact: true }).waitFor();
  assert.match(await panel.getByTestId("held-bill-hint").textContent(), /^Write a note and choose Recalculate/);
  assert.equal((await apiGet(page, `/api/v1/staff/bills/${a.id}`)).status, "held");
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-hold-overtaken.png") });
  await panel.getByRole("button", { name: `Close bill ${a.id}`, exact: true }).click();
  await panel.waitFor({ state: "detached" });

  const replacements = [await recalculate(a, "Held past the next read: recalculated from the meter data as it is now")];
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-hold-recalculated.png") });

  // The new bill, held again today, is not among bills held over 30 days: the result offers its
  // cycle's bills on hold, where it is, and the second bill too.
  const cycleHash = `#/queues/bill-holds?cycle=${a.cycle}`;
  const cycleAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/bill-holds" && new URL(r.url()).searchParams.get("cycle") === String(a.cycle));
  if (replacements[0].status === "held") {
    await outcome.getByRole("link", { name: `Show cycle ${a.cycle}'s bills on hold, with bill ${replacements[0].bill_id}`, exact: true }).click();
  } else {
    // Sent at once: the clerk filters by the cycle for the second bill.
    await filters.getByRole("combobox", { name: "Hold reason" }).selectOption({ label: "Any reason" });
    await filters.getByRole("textbox", { name: "Held over (days)" }).fill("");
    await filters.getByRole("textbox", { name: "Charges from ($)" }).fill("");
    await filters.getByRole("textbox", { name: "Cycle" }).fill(String(a.cycle));
    await filters.getByRole("button", { name: "Show bills", exact: true }).click();
  }
  const inCycle = (await (await cycleAnswer).json()).bills;
  assert.equal(new URL(page.url()).hash, cycleHash);
  await page.getByTestId("queue-status").filter({ hasText: /bills? on hold/ }).waitFor();
  await table.locator(`tr[data-bill-id="${inCycle.at(-1).id}"]`).waitFor();
  assert.deepEqual(await shownIds(), inCycle.map((x) => x.id), "the rows are the server's for the cycle");
  assert.ok(inCycle.some((x) => x.id === b.id), `bill ${b.id} is among cycle ${a.cycle}'s`);
  if (replacements[0].status === "held") assert.ok(inCycle.some((x) => x.id === replacements[0].bill_id), `the new bill ${replacements[0].bill_id} is listed`);

  replacements.push(await recalculate(b, "Held past the next read: recalculated from the meter data as it is now"));

  // The new bills held again are dated today, not overtaken: approved together with one note,
  // each is sent with its number, and leaves the list.
  const heldAgain = replacements.filter((r) => r.status === "held");
  if (heldAgain.length < 2) {
    t.diagnostic(`only ${heldAgain.length} of the new bills was held again: approving two together is not exercised with this data`);
  }
  if (heldAgain.length > 0) {
    await table.locator(`tr[data-bill-id="${heldAgain.at(-1).bill_id}"]`).waitFor();
    for (const r of heldAgain) {
      const row = table.locator(`tr[data-bill-id="${r.bill_id}"]`);
      const account = (await row.getByRole("link").textContent()).trim();
      await page.getByRole("checkbox", { name: `Choose bill ${r.bill_id}, account ${account}` }).check();
    }
    const n = heldAgain.length;
    const words = n === 1 ? "1 bill" : `${n} bills`;
    const approveNote = "Recalculated from the meter data as it is now; usage confirmed";
    await note.fill(approveNote);
    const approved = await confirmedAnswer(t, page, "POST", "/api/v1/staff/bill-holds/approve", () =>
      page.getByRole("button", { name: `Approve ${words}`, exact: true }).click(),
    );
    assert.equal(approved.status(), 200);
    assert.deepEqual(JSON.parse(approved.request().postData()), { bill_ids: heldAgain.map((r) => r.bill_id), note: approveNote });
    const result = await approved.json();
    assert.deepEqual(result.results.map((r) => [r.bill_id, r.done]), heldAgain.map((r) => [r.bill_id, true]), JSON.stringify(result));
    await outcome.getByText(`Approved ${words}.`, { exact: true }).waitFor();
    for (const r of result.results) {
      await outcome.getByText(`Bill ${r.bill_id} approved and sent as bill number ${r.outcome.number}.`, { exact: true }).waitFor();
      await table.locator(`tr[data-bill-id="${r.bill_id}"]`).waitFor({ state: "detached" });
      const sent = await apiGet(page, `/api/v1/staff/bills/${r.bill_id}`);
      assert.deepEqual([sent.status, sent.number], ["released", r.outcome.number]);
    }
  }

  // Both bills are answered (cancelled, their replacements sent): two fewer on hold.
  const after = await workCounts(page);
  assert.equal(after.bill_holds, counts.bill_holds - 2);
  await queueLink(page, "Bill holds", after.bill_holds).waitFor();

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-holds-approved.png") });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations on the bill holds");
  assert.deepEqual(errors, []);
});

test("work queue: one bill on hold opened from the keyboard, refused without a note, closed with Escape", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  await page.goto(`${BASE}/staff.html#/queues/bill-holds`);
  const table = page.getByRole("table", { name: "Bills on hold, oldest first" });
  await table.waitFor();
  const id = Number(await table.locator("tbody tr[data-bill-id]").first().getAttribute("data-bill-id"));
  const open = page.getByRole("button", { name: `Review bill ${id}`, exact: true });
  await open.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("held-bill");
  await panel.getByRole("heading", { level: 2, name: new RegExp(`^Bill ${id} for account`) }).waitFor();
  await focusMovesTo(page, `held-bill-${id}-heading`);
  assert.equal(await page.getByRole("button", { name: `Close bill ${id}`, exact: true }).first().getAttribute("aria-expanded"), "true");

  // Cancelling needs a note: said at it, nothing sent.
  await panel.getByRole("button", { name: `Cancel bill ${id}`, exact: true }).click();
  await panel.getByText("Write a note: why the bill is cancelled.").waitFor();
  await focusMovesTo(page, `held-bill-${id}-note`);
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with a bill opened");
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-hold-opened.png") });

  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  await focusMovesTo(page, `held-bill-${id}-open`);
  assert.deepEqual(errors, []);
});

test("work queue: a meter-read exception is corrected and another accepted; the navigation's count follows", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const counts = await openWork(page);
  await queueLink(page, "Meter-read exceptions", counts.vee_exceptions).click();
  await workHeading(page, "Meter-read exceptions").waitFor();
  const table = page.getByRole("table", { name: "Open meter-read exceptions, oldest first" });
  await table.waitFor();
  const { items } = await apiGet(page, "/api/v1/staff/vee-exceptions?status=open&limit=50");
  const interval = items.find((e) => e.first_slot !== undefined);
  assert.ok(interval, "an open exception on an interval channel");

  // Correct it: the right value for each interval it covers, with a note.
  await page.getByRole("button", { name: `Resolve exception ${interval.id}, meter ${interval.meter}`, exact: true }).click();
  const panel = page.getByTestId("vee-resolve");
  await panel.getByRole("heading", { level: 2, name: new RegExp(`^Resolve exception ${interval.id}:`) }).waitFor();
  await panel.getByText(interval.evidence, { exact: true }).waitFor();
  await panel.getByRole("radio", { name: "Correct the values" }).check();
  await panel.getByRole("textbox", { name: `Right value for each interval (${interval.unit})` }).fill("0.420");
  await panel.getByRole("textbox", { name: "Note", exact: true }).fill("Test load by the meter shop, not the customer's use");
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with an exception open");
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-vee-resolve.png") });
  const edited = answerTo(page, "POST", `/api/v1/staff/vee-exceptions/${interval.id}/edit`);
  await panel.getByRole("button", { name: `Resolve exception ${interval.id}`, exact: true }).click();
  const answer = await edited;
  assert.equal(answer.status(), 200, await answer.text());
  const slots = [];
  for (let s = interval.first_slot; s <= interval.last_slot; s++) slots.push({ slot: s, value: "0.420" });
  assert.deepEqual(JSON.parse(answer.request().postData()), { note: "Test load by the meter shop, not the customer's use", values: slots });
  assert.equal((await answer.json()).status, "edited");
  await page.getByTestId("vee-outcome").getByText(`Exception ${interval.id} (meter ${interval.meter}) corrected.`).waitFor();
  await table.locator(`tr[data-exception-id="${interval.id}"]`).waitFor({ state: "detached" });
  await queueLink(page, "Meter-read exceptions", counts.vee_exceptions - 1).waitFor();

  // Accept the next as read.
  const next = items.find((e) => e.id !== interval.id);
  await page.getByRole("button", { name: `Resolve exception ${next.id}, meter ${next.meter}`, exact: true }).click();
  await panel.getByRole("radio", { name: "Accept the reads as they are" }).check();
  await panel.getByRole("textbox", { name: "Note", exact: true }).fill("Pool heater: confirmed with the customer");
  const accepted = answerTo(page, "POST", `/api/v1/staff/vee-exceptions/${next.id}/accept`);
  await panel.getByRole("button", { name: `Resolve exception ${next.id}`, exact: true }).click();
  assert.equal((await accepted).status(), 200);
  await page.getByTestId("vee-outcome").getByText(`Exception ${next.id} (meter ${next.meter}) accepted as read.`).waitFor();
  await queueLink(page, "Meter-read exceptions", counts.vee_exceptions - 2).waitFor();
  assert.equal((await workCounts(page)).vee_exceptions, counts.vee_exceptions - 2);
  assert.deepEqual(errors, []);
});

test("work queue: another person's adjustment is approved; one's own is refused, and the row says why", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");
  const noAdjustments = async (d) => !(await apiGet(page, `/api/v1/staff/accounts/${d.account_number}/history?limit=1`)).kinds.includes("adjustment");

  // A second person (the API key) asks for a credit above the approval limit ...
  const theirs = await freshAccount(page, noAdjustments);
  const requested = await asApiKey("POST", `/api/v1/staff/accounts/${theirs.account_number}/adjustments`,
    { amount: "-250.00", reason_code: "leak_credit", memo: "Leak repaired: credit for the lost water" },
    { "Idempotency-Key": `e2e-${randomBytes(8).toString("hex")}` });
  assert.equal(requested.status, 201, JSON.stringify(requested.body));
  assert.equal(requested.body.status, "pending");
  const other = requested.body;

  // ... and the signed-in user asks for one through the console.
  const mine = await freshAccount(page, noAdjustments);
  await openAccount(page, mine.account_number);
  const panel = await openAction(page, "Request an adjustment");
  await panel.getByRole("textbox", { name: "Amount", exact: true }).fill("300.00");
  await panel.getByRole("combobox", { name: "Reason" }).selectOption({ label: "Billing error" });
  await panel.getByRole("textbox", { name: "What it is for" }).fill("Estimated read far above the actual");
  const asked = answerTo(page, "POST", `/staff/accounts/${mine.account_number}/adjustments`);
  await panel.getByRole("button", { name: "Request the adjustment", exact: true }).click();
  const own = await (await asked).json();
  assert.equal(own.status, "pending");
  assert.equal(own.requested_by, `staff:${me.id}`);

  const counts = await openWork(page);
  await queueLink(page, "Adjustments to approve", counts.adjustments).click();
  const table = page.getByRole("table", { name: "Adjustments waiting for approval, oldest first" });
  await table.waitFor();
  const theirRow = table.locator(`tr[data-adjustment-id="${other.id}"]`);
  const ownRow = table.locator(`tr[data-adjustment-id="${own.id}"]`);
  await theirRow.getByText("API key", { exact: false }).waitFor();
  await ownRow.getByText("You", { exact: true }).waitFor();
  await ownRow.getByText("You requested this: another person must approve it.").waitFor();
  assert.ok((await theirRow.textContent()).includes("$250.00"), "the amount, without its sign");
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-adjustments.png") });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations on the adjustments");

  // The other person's: approved, posted to the account, gone from the queue. Approving wants a
  // sign-in from the last 5 minutes; this session's is recent, so the first answer is made the one
  // an older session gets (403 reauthentication-required, as src/api/guards.cc words it): the
  // console asks for the password and a code, the server confirms them, and the approval is sent
  // again by itself, to the server this time.
  let askedToConfirm = false;
  await page.route(`**/api/v1/staff/adjustments/${other.id}/approve`, async (route) => {
    if (askedToConfirm) return route.continue();
    askedToConfirm = true;
    await route.fulfill({
      status: 403,
      contentType: "application/problem+json",
      body: JSON.stringify({
        type: "https://ratepayer.dev/problems/reauthentication-required", title: "Confirm it is you", status: 403,
        detail: "'adjustments.approve' needs your password and a code from the last 5 minutes", code: "reauthentication-required",
      }),
    });
  });
  const approved = await confirmedAnswer(t, page, "POST", `/api/v1/staff/adjustments/${other.id}/approve`, () =>
    page.getByRole("button", { name: `Approve adjustment ${other.id}`, exact: true }).click(),
  );
  assert.ok(askedToConfirm);
  assert.equal(approved.status(), 200);
  assert.equal((await approved.json()).status, "posted");
  await page.unroute(`**/api/v1/staff/adjustments/${other.id}/approve`);
  await page.getByTestId("adjustments-outcome").getByText(`Adjustment ${other.id} for account ${theirs.account_number}: posted.`, { exact: false }).waitFor();
  await theirRow.waitFor({ state: "detached" });
  await queueLink(page, "Adjustments to approve", (await workCounts(page)).adjustments).waitFor();

  // One's own: the server refuses it; the row says so plainly, with the server's words.
  const refused = await confirmedAnswer(t, page, "POST", `/api/v1/staff/adjustments/${own.id}/approve`, () =>
    page.getByRole("button", { name: `Approve adjustment ${own.id}`, exact: true }).click(),
  );
  assert.ok([403, 409].includes(refused.status()), `refused: ${refused.status()}`);
  const problem = await refused.json();
  const alert = ownRow.getByTestId("row-refusal");
  await alert.getByText("You requested this adjustment; another person must approve it.", { exact: false }).waitFor();
  assert.ok((await alert.textContent()).includes(problem.detail), "and the server's words");
  assert.equal((await apiGet(page, "/api/v1/staff/adjustments?limit=100")).adjustments.find((x) => x.id === own.id)?.status, "pending");
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-adjustment-own-refused.png") });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with the refusal shown");
  assert.deepEqual(errors, []);
});

test("work queue: a check in lockbox suspense is applied to the account the user finds", async (t) => {
  assert.ok(E2E_DB, "RATEPAYER_E2E_DB is set (the lockbox file is imported into it)");
  const { page, errors } = await consolePage(t, DESKTOP);
  const target = await freshAccount(page);

  // The bank's file of a deposit: two checks no account can be matched to (no stub; a number that is not one).
  const d = new Date();
  const yymmdd = `${String(d.getFullYear()).slice(2)}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
  const ref = `E2E${randomBytes(3).toString("hex").toUpperCase()}`;
  const file = join(await mkdtemp(join(tmpdir(), "lockbox-")), "deposit.bai");
  await writeFile(file, [
    `01,021000021,RATEPAYER,${yymmdd},0615,1,80,10,2/`,
    `02,RATEPAYER,021000021,1,${yymmdd},2400,,2/`,
    "03,4410012345,USD/",
    `16,115,4321,0,${ref}1,,NO STUB/`,
    `16,115,1500,0,${ref}2,100000018,STUB TORN/`,
    "49,5821,4/",
    "98,5821,1,6/",
    "99,5821,1,8/",
    "",
  ].join("\n"));
  const { stdout } = await promisify(execFile)(RATEPAYER_BIN, ["lockbox", "import", "--db", `sqlite:${E2E_DB}`, "--json", file], { env: { ...process.env, RATEPAYER_LOG_LEVEL: "warn" } });
  const imported = JSON.parse(stdout);
  assert.equal(imported.suspense, 2, stdout);
  const item = imported.items.find((i) => i.amount === "43.21");

  const counts = await openWork(page);
  assert.ok(counts.lockbox_suspense >= 2);
  await queueLink(page, "Lockbox suspense", counts.lockbox_suspense).click();
  const table = page.getByRole("table", { name: "Checks in suspense, oldest first" });
  const row = table.locator(`tr[data-item-id="${item.id}"]`);
  await row.getByText(`${ref}1`).waitFor();
  await row.getByText("NO STUB").waitFor();

  // A mistyped number is refused (the server's words at the field); the right one shows whose account it is.
  await page.getByRole("button", { name: `Apply… the $43.21 check, item ${item.id}`, exact: true }).click();
  const apply = page.getByTestId("lockbox-apply");
  const number = apply.getByRole("textbox", { name: "Account number" });
  await focusMovesTo(page, `lockbox-${item.id}-account`);
  await number.fill("100000018");
  await apply.getByRole("button", { name: "Find the account" }).click();
  await apply.getByText("check digit does not match", { exact: false }).waitFor();
  assert.equal(await number.getAttribute("aria-invalid"), "true");
  await number.fill(target.account_number);
  await apply.getByRole("button", { name: "Find the account" }).click();
  await apply.getByText("Apply the $43.21 check to this account?").waitFor();
  await apply.getByTestId("found-account").getByText(target.customer.name).waitFor();
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with the account found");
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-lockbox-confirm.png") });

  const applied = answerTo(page, "POST", `/api/v1/staff/lockbox/items/${item.id}/apply`);
  await apply.getByRole("button", { name: `Apply to account ${target.account_number}`, exact: true }).click();
  const answer = await applied;
  assert.equal(answer.status(), 200);
  assert.deepEqual(JSON.parse(answer.request().postData()), { account_number: target.account_number });
  const done = await answer.json();
  assert.equal(done.status, "applied");
  await page.getByTestId("lockbox-outcome").getByText(`$43.21 applied to account ${target.account_number} as payment ${done.confirmation}.`).waitFor();
  await row.waitFor({ state: "detached" });
  await queueLink(page, "Lockbox suspense", counts.lockbox_suspense - 1).waitFor();
  const { payments } = await apiGet(page, `/api/v1/accounts/${target.account_number}/payments?limit=5`);
  assert.ok(payments.some((p) => p.confirmation === done.confirmation && p.amount.amount === "43.21"), "the check is the account's payment");
  assert.deepEqual(errors, []);
});

test("work queue: a misapplied payment is moved to the right account, and both histories say so", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");
  const wrong = await freshAccount(page);
  const right = await freshAccount(page);
  // A check taken at the counter onto the wrong account (by the API key: another person).
  const taken_ = await asApiKey("POST", `/api/v1/staff/accounts/${wrong.account_number}/payments`,
    { amount: "12.34", method: "check", check_number: "4417" }, { "Idempotency-Key": `e2e-${randomBytes(8).toString("hex")}` });
  assert.equal(taken_.status, 201, JSON.stringify(taken_.body));
  const payment = taken_.body;

  await openAccount(page, wrong.account_number);
  const section = page.getByTestId("section-payments");
  const move = section.getByRole("button", { name: `Move payment ${payment.confirmation} to another account…`, exact: true });
  await move.click();
  const panel = page.getByTestId("move-payment");
  await panel.getByRole("heading", { level: 3, name: `Move payment ${payment.confirmation} to another account` }).waitFor();
  await focusMovesTo(page, "move-payment-heading");
  await panel.getByRole("textbox", { name: "Account it was meant for" }).fill(right.account_number);
  const reason = `Check for ${right.account_number} keyed to ${wrong.account_number} by mistake`;
  await panel.getByRole("textbox", { name: "Why it is moved" }).fill(reason);
  await panel.getByRole("button", { name: "Continue", exact: true }).click();

  // The step names both accounts and the amount, and whose the right account is.
  await panel.getByText(`Move $12.34 (payment ${payment.confirmation}) from account ${wrong.account_number} to account ${right.account_number}?`).waitFor();
  await panel.getByTestId("found-account").getByText(right.customer.name).waitFor();
  assert.deepEqual(await runAxe(page), [], "no accessibility violations with the move to confirm");
  await panel.screenshot({ path: join(ARTIFACTS, "staff-work-move-confirm.png") });
  const moved = await confirmedAnswer(t, page, "POST", `/api/v1/staff/payments/${payment.confirmation}/move`, () =>
    panel.getByRole("button", { name: `Move $12.34 to account ${right.account_number}`, exact: true }).click(),
  );
  assert.equal(moved.status(), 200, await moved.text());
  assert.match(moved.request().headers()["idempotency-key"] ?? "", /^console-[0-9a-f]{32}$/);
  assert.deepEqual(JSON.parse(moved.request().postData()), { to_account: right.account_number, reason });
  const result = await moved.json();
  assert.equal(result.payment.status, "moved");

  // The result: the new payment's confirmation and both balances, as the server answered them.
  await panel.getByRole("heading", { level: 4, name: "Payment moved" }).waitFor();
  assert.equal((await panel.getByTestId("moved-confirmation").locator("code").textContent()).trim(), result.new_payment.confirmation);
  assert.equal((await panel.getByTestId("moved-amount").textContent()).trim(), "$12.34");
  assert.equal((await panel.getByTestId("moved-from-balance").textContent()).trim(), moneyText(result.from_account.balance));
  assert.equal((await panel.getByTestId("moved-to-balance").textContent()).trim(), moneyText(result.to_account.balance));
  await textBecomes(page.getByTestId("balance"), moneyText(result.from_account.balance));
  await section.locator(`tr[data-status="moved"]`).getByText(payment.confirmation, { exact: true }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-moved.png") });

  // Both accounts' histories name the move.
  const mentions = (e) => JSON.stringify(e).includes(payment.confirmation) || JSON.stringify(e).includes(result.new_payment.confirmation);
  const fromEvents = (await apiGet(page, `/api/v1/staff/accounts/${wrong.account_number}/history?limit=20`)).events;
  const toEvents = (await apiGet(page, `/api/v1/staff/accounts/${right.account_number}/history?limit=20`)).events;
  const out = fromEvents.find((e) => /moved/.test(e.kind) && mentions(e));
  const into = toEvents.find((e) => /moved/.test(e.kind) && mentions(e));
  assert.ok(out, `the wrong account's history: ${JSON.stringify(fromEvents.slice(0, 3))}`);
  assert.ok(into, `the right account's history: ${JSON.stringify(toEvents.slice(0, 3))}`);
  assert.equal(out.actor_name, me.name);
  // ... and so does the History on the page, under the user's name ("payment.moved" -> "Payment moved").
  const kindWords = out.kind.replace(/[._]+/g, " ").replace(/^./, (c) => c.toUpperCase());
  await historyRow(page, kindWords, out.summary.split("\n")[0], me.name);
  const { payments } = await apiGet(page, `/api/v1/accounts/${right.account_number}/payments?limit=5`);
  assert.ok(payments.some((p) => p.confirmation === result.new_payment.confirmation && p.status === "posted"), "the right account has the payment");
  assert.deepEqual(errors, []);
});

test("work queue: a bill run is started and followed every 2 seconds until it is done", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  await page.goto(`${BASE}/staff.html#/queues/bill-runs`);
  await workHeading(page, "Bill runs").waitFor();
  const table = page.getByRole("table", { name: "Bill runs, newest first" });
  await table.waitFor();
  const { bill_runs: [latest] } = await apiGet(page, "/api/v1/staff/bill-runs?limit=1");
  assert.equal((await table.locator(`tr[data-run-id="${latest.id}"] th`).textContent()).trim(), `Run ${latest.id}`);

  // A date that is not the cycle's read date: the server's words at the date field.
  const form = page.getByRole("form", { name: "Start a bill run" });
  await form.getByRole("textbox", { name: "Cycle" }).fill(String(latest.cycle));
  await form.getByLabel("Read date").fill(dayFromToday(1));
  let started = answerTo(page, "POST", "/api/v1/staff/bill-runs");
  await form.getByRole("button", { name: "Start the run" }).click();
  const refused = await started;
  assert.equal(refused.status(), 422);
  assert.equal(await form.getByLabel("Read date").getAttribute("aria-invalid"), "true");
  assert.match(await description(form.getByLabel("Read date")), new RegExp(escapeRegExp((await refused.json()).detail.slice(0, 20)), "i"));

  // The generated utility has billed every read date up to today, so starting its latest run again
  // finds it (done, or billing what is left). So that the page is seen following a run that bills,
  // its first two answers are shown as the server would send them mid-run; the rest are the server's.
  const polls = [];
  await page.route(/\/api\/v1\/staff\/bill-runs\/\d+$/, async (route) => {
    polls.push(Date.now());
    const real = await route.fetch();
    const run = await real.json();
    if (polls.length <= 2) {
      const settled = polls.length === 1 ? 0 : Math.floor(run.accounts / 2);
      Object.assign(run, { status: "running", billing_now: true, released: settled, held: 0, cancelled: 0, problems: 0 });
    }
    await route.fulfill({ response: real, json: run });
  });
  await form.getByLabel("Read date").fill(latest.read_date);
  started = answerTo(page, "POST", "/api/v1/staff/bill-runs");
  await form.getByRole("button", { name: "Start the run" }).click();
  const answer = await started;
  assert.equal(answer.status(), 202);
  const run = await answer.json();
  assert.deepEqual([run.cycle, run.read_date], [latest.cycle, latest.read_date]);

  // Its page: billing, then done; asked for every 2 seconds meanwhile, and no more once done.
  await page.waitForURL(`${BASE}/staff.html#/queues/bill-runs/${run.id}`);
  await workHeading(page, `Bill run ${run.id}: cycle ${run.cycle}, read ${new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${run.read_date}T00:00:00Z`))}`).waitFor();
  await textBecomes(page.getByTestId("run-state"), "Billing now");
  await page.getByTestId("run-status").getByText("Billing now: the figures below follow it every 2 seconds.").waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-run-billing.png") });
  await textBecomes(page.getByTestId("run-state"), "Done");
  assert.ok(polls.length >= 3, `asked ${polls.length} times`);
  for (let i = 1; i < 3; i++) assert.ok(polls[i] - polls[i - 1] >= 1_800, `polls ${i} and ${i + 1} are 2 s apart (${polls[i] - polls[i - 1]} ms)`);
  const done = await apiGet(page, `/api/v1/staff/bill-runs/${run.id}`);
  assert.equal(done.status, "done");
  await textBecomes(page.getByTestId("run-released"), String(done.released));
  await textBecomes(page.getByTestId("run-charges"), moneyText(done.charges));
  await textBecomes(page.getByTestId("run-progress-words"), `${done.released + done.held + done.cancelled + done.problems} of ${done.accounts} accounts settled`);
  const asked = polls.length;
  await sleep(2_500);
  assert.equal(polls.length, asked, "no more asking once the run is done");
  await page.unroute(/\/api\/v1\/staff\/bill-runs\/\d+$/);
  await page.screenshot({ path: join(ARTIFACTS, "staff-work-run-done.png") });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations on a run's page");
  assert.deepEqual(errors, []);
});

test("work queue: every work screen passes axe on a desktop and fits a 1024-pixel tablet", async (t) => {
  const screens = [
    ["queues", "Work queues", null],
    ["queues/bill-holds", "Bill holds", "Bills on hold, oldest first"],
    ["queues/vee-exceptions", "Meter-read exceptions", "Open meter-read exceptions, oldest first"],
    ["queues/adjustments", "Adjustments to approve", null],
    ["queues/lockbox", "Lockbox suspense", null],
    ["queues/pending-payments", "Pending payments", null],
    ["queues/bill-runs", "Bill runs", "Bill runs, newest first"],
  ];
  for (const [device, name] of [[DESKTOP, "desktop"], [TABLET_WIDE, "tablet"]]) {
    const { page, errors } = await consolePage(t, device);
    for (const [path, heading, table] of screens) {
      await page.goto(`${BASE}/staff.html#/${path}`);
      await workHeading(page, heading).waitFor();
      if (table) await page.getByRole("table", { name: table }).waitFor();
      else if (path !== "queues") await page.getByTestId("queue-status").filter({ hasText: /\S/ }).or(page.getByTestId("queue-problem")).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} (${name}) is ${overflow}px wider than the viewport`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-work-${path.replace(/\//g, "-")}-${name}.png`) });
      assert.deepEqual(await runAxe(page), [], `no accessibility violations on ${path} (${name})`);
    }
    assert.deepEqual(errors, []);
  }
});

// ---- settings and reports ------------------------------------------------------------------------

/** A calendar day as the console writes it: "2026-12-17" -> "Dec 17, 2026". */
const dayWords = (day) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** Today in the utility's zone, as the API writes days: "2026-12-06". */
const utilityToday = (timeZone) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

const settingItem = (page, key) => page.getByTestId(`setting-${key.replace(/[^A-Za-z0-9]+/g, "-")}`);

/** Opens the Settings page from the console's navigation; its settings, schedule and changes are asked for as it opens. */
async function openSettings(page) {
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/settings");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Settings", exact: true }).click();
  await workHeading(page, "Settings").waitFor();
  assert.equal(new URL(page.url()).hash, "#/settings");
  assert.equal((await listed).status(), 200);
  await page.getByTestId("bill-schedule").getByRole("table").waitFor();
  await page.getByTestId("setting-changes").getByTestId("queue-status").filter({ hasText: /\S/ }).waitFor();
}

test("settings: a holiday added on a cycle's read date moves that cycle to the next business day, in Recent changes by name", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");
  const holidaysBefore = (await apiGet(page, "/api/v1/staff/settings")).settings.find((s) => s.key === "bill_holidays").value;
  // The generated utility's holidays are put back afterwards (by the API key), for the tests after this one.
  t.after(async () => {
    const restored = await asApiKey("PUT", "/api/v1/staff/settings/bill_holidays", { value: holidaysBefore ?? "" });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
  });
  await openSettings(page);

  // The schedule shown is the utility's month, as the API has it; each setting is in its section.
  const shown = await apiGet(page, "/api/v1/staff/bill-schedule");
  const schedule = page.getByTestId("bill-schedule");
  const month = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${shown.month}-01T00:00:00Z`));
  await textBecomes(schedule.getByTestId("schedule-month"), month);
  assert.equal(await schedule.locator("tbody tr").count(), shown.cycles.length);
  await page.getByTestId("settings-bills").getByRole("heading", { name: "Holidays", exact: true }).waitFor();
  await page.getByTestId("settings-late-fees").getByRole("heading", { name: "Flat late fee", exact: true }).waitFor();
  // A sum of money kept in cents is read in dollars beside the whole number.
  const flat = (await apiGet(page, "/api/v1/staff/settings")).settings.find((s) => s.key === "late_fee_flat_cents");
  const cents = flat.value ?? flat.when_unset;
  assert.ok((await settingItem(page, "late_fee_flat_cents").getByTestId("setting-value").textContent()).includes(moneyText({ amount: (Number(cents) / 100).toFixed(2) })));

  // A cycle read after today (its run not billed yet) with a later cycle after it: the holiday moves
  // it to the next business day, the one the next cycle reads on now.
  const today = utilityToday(shown.time_zone);
  const movable = shown.cycles.filter((c, i) => shown.cycles[i + 1] && shown.cycles[i + 1].read_date > c.read_date);
  const pick = movable.find((c) => c.read_date > today) ?? movable[0];
  assert.ok(pick, "a cycle whose read date can move within the month");
  const next = shown.cycles[shown.cycles.indexOf(pick) + 1].read_date;
  assert.ok(![0, 6].includes(new Date(`${next}T00:00:00Z`).getUTCDay()), `${next} is a weekday`);
  t.diagnostic(`cycle ${pick.cycle} reads on ${pick.read_date}; a holiday then moves it to ${next}`);
  const readDate = (cycle) => schedule.locator(`tr[data-cycle="${cycle}"] [data-testid="read-date"] time`);
  assert.equal(await readDate(pick.cycle).getAttribute("datetime"), pick.read_date);

  // The holidays' editor: the date typed, added to the list, then saved (confirming it is the user when asked).
  const item = settingItem(page, "bill_holidays");
  await item.getByRole("button", { name: "Change Holidays", exact: true }).click();
  const form = page.getByRole("form", { name: "Change Holidays" });
  await focusMovesTo(page, "setting-bill-holidays-add");
  await form.getByLabel("Add a holiday").fill(pick.read_date);
  await form.getByRole("button", { name: "Add", exact: true }).click();
  await form.getByTestId("holiday-list").locator(`time[datetime="${pick.read_date}"]`).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "staff-settings-holiday-added.png") });
  const res = await confirmedAnswer(t, page, "PUT", "/api/v1/staff/settings/bill_holidays", () =>
    form.getByRole("button", { name: "Save the holidays", exact: true }).click());
  assert.equal(res.status(), 200);
  const saved = await res.json();
  assert.equal(saved.changed, true);
  assert.ok(saved.value.split(",").includes(pick.read_date), saved.value);
  await focusMovesTo(page, "setting-bill-holidays-outcome");
  await item.getByTestId("setting-value").locator(`time[datetime="${pick.read_date}"]`).waitFor();

  // The schedule is asked for again: the cycle reads on the next business day, the holiday is the month's.
  await schedule.locator(`tr[data-cycle="${pick.cycle}"] [data-testid="read-date"] time[datetime="${next}"]`).waitFor();
  await schedule.getByTestId("schedule-holidays").locator(`time[datetime="${pick.read_date}"]`).waitFor();
  const after = await apiGet(page, `/api/v1/staff/bill-schedule?month=${shown.month}`);
  assert.equal(after.cycles.find((c) => c.cycle === pick.cycle).read_date, next);
  assert.ok(after.holidays.includes(pick.read_date));

  // Recent changes: the holiday added, under the administrator's name, at the time the server recorded.
  const { changes: [latest] } = await apiGet(page, "/api/v1/staff/settings/changes?limit=1");
  assert.deepEqual([latest.key, latest.actor_name, latest.to], ["bill_holidays", me.name, saved.value]);
  const change = page.getByTestId("setting-changes").locator(`li[data-change-id="${latest.id}"]`);
  await change.waitFor();
  assert.equal((await change.getByTestId("change-actor").textContent()).trim(), me.name);
  assert.ok((await change.textContent()).includes(`Added ${dayWords(pick.read_date)}.`), await change.textContent());
  assert.equal(await change.locator("time").getAttribute("datetime"), latest.at);

  await page.screenshot({ path: join(ARTIFACTS, "staff-settings-holiday-saved.png"), fullPage: true });
  assert.deepEqual(await runAxe(page), [], "no accessibility violations on the settings page");
  assert.deepEqual(errors, []);
});

test("settings: a value the rule refuses (bill_due_days = 91) is said at its field, and nothing changes", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  await openSettings(page);
  const before = (await apiGet(page, "/api/v1/staff/settings")).settings.find((s) => s.key === "bill_due_days");
  const { changes: [newest] } = await apiGet(page, "/api/v1/staff/settings/changes?limit=1");
  const item = settingItem(page, "bill_due_days");
  const shownBefore = await item.getByTestId("setting-value").textContent();

  await item.getByRole("button", { name: "Change Days to pay a bill", exact: true }).click();
  const form = page.getByRole("form", { name: "Change Days to pay a bill" });
  const field = form.getByLabel("New value");
  await focusMovesTo(page, "setting-bill-due-days-value");
  await field.fill("91");
  const res = await confirmedAnswer(t, page, "PUT", "/api/v1/staff/settings/bill_due_days", () =>
    form.getByRole("button", { name: "Save", exact: true }).click());
  assert.equal(res.status(), 422);
  const problem = await res.json();
  assert.equal(problem.field, "bill_due_days");
  await form.locator('#setting-bill-due-days-value[aria-invalid="true"]').waitFor();
  assert.match(await description(field), new RegExp(escapeRegExp("'91' is not a whole number from 1 to 90")));
  assert.ok((await description(field)).toLowerCase().includes(problem.detail.toLowerCase()), "the server's words at the field");
  await focusMovesTo(page, "setting-bill-due-days-value");
  await page.screenshot({ path: join(ARTIFACTS, "staff-settings-refused.png") });

  // Nothing changed: the setting, what the page shows of it and the newest change are as they were.
  const after = (await apiGet(page, "/api/v1/staff/settings")).settings.find((s) => s.key === "bill_due_days");
  assert.deepEqual(after, before);
  const { changes: [still] } = await apiGet(page, "/api/v1/staff/settings/changes?limit=1");
  assert.equal(still?.id, newest?.id, "no change was recorded");
  assert.equal(await item.getByTestId("setting-value").textContent(), shownBefore);

  // Escape closes the form; focus goes back to its Change button.
  await field.press("Escape");
  await form.waitFor({ state: "detached" });
  await focusMovesTo(page, "setting-bill-due-days-change");
  assert.deepEqual(errors, []);
});

/** A report's cell as the console shows it (money in cents, a share in basis points). */
function reportCellText(cell, kind) {
  if (cell === "" || cell === null || cell === undefined) return "";
  if (kind === "money") return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cell / 100);
  if (kind === "percent") return `${(cell / 100).toFixed(2)}%`;
  if (kind === "count") return new Intl.NumberFormat("en-US").format(cell);
  if (kind === "date" && /^\d{4}-\d{2}$/.test(cell)) {
    return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${cell}-01T00:00:00Z`));
  }
  if (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return dayWords(cell);
  return String(cell);
}

test("reports: each opens, its totals are the API's for the same days, its CSV downloads, and axe finds nothing", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/reports");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Reports", exact: true }).click();
  await workHeading(page, "Reports").waitFor();
  const { reports } = await (await listed).json();
  assert.deepEqual(reports.map((r) => r.name), ["aging", "revenue", "bill_runs", "payments", "holds", "portal_adoption", "cashier_drawers"]);
  const list = page.getByTestId("report-list");
  await list.waitFor();
  assert.deepEqual(await runAxe(page), [], "no accessibility violations on the reports' list");

  for (const r of reports) {
    await list.getByRole("link", { name: r.title, exact: true }).click();
    await workHeading(page, r.title).waitFor();
    assert.equal(new URL(page.url()).hash, `#/reports/${r.name}`);
    const table = page.getByTestId("report-table");
    await table.waitFor();

    // The range form for a report over days, with the server's default days in it; none for one as of today.
    const range = page.getByRole("form", { name: "Days of the report" });
    let query = "";
    if (r.ranged) {
      // (The form takes the days the server answered for once the table is drawn.)
      await page.waitForFunction(() => document.getElementById("report-from")?.value && document.getElementById("report-to")?.value);
      const from = await range.getByLabel("From").inputValue();
      const to = await range.getByLabel("To").inputValue();
      assert.match(`${from} ${to}`, /^\d{4}-\d{2}-\d{2} \d{4}-\d{2}-\d{2}$/);
      query = `?from=${from}&to=${to}`;
    } else {
      assert.equal(await range.count(), 0, `${r.name} is as of today: no range`);
      await page.getByTestId("report-as-of").waitFor();
    }
    const answer = await apiGet(page, `/api/v1/staff/reports/${r.name}${query}`);

    // The table: a column per column, a row per row (or one saying there are none), the totals the API's.
    const kinds = answer.columns.map((c) => c.kind);
    assert.deepEqual((await table.locator("thead th").allTextContents()).map((s) => s.trim()), answer.columns.map((c) => c.label));
    assert.equal(await table.locator("tbody tr").count(), Math.max(1, answer.rows.length));
    const totals = table.getByTestId("report-totals");
    assert.equal(await totals.count(), answer.totals.length, `${r.name}: a totals row when the API has one`);
    for (let i = 0; i < answer.totals.length; i++) {
      const shownTotals = (await totals.nth(i).locator("th, td").allTextContents()).map((s) => s.trim());
      assert.deepEqual(shownTotals, answer.totals[i].map((cell, j) => reportCellText(cell, kinds[j])), `${r.name}: the totals`);
      assert.equal(await totals.nth(i).locator("td.num").first().evaluate((el) => getComputedStyle(el).fontWeight), "700");
    }
    if (answer.rows.length > 0) {
      const firstRow = (await table.locator("tbody tr").first().locator("th, td").allTextContents()).map((s) => s.trim());
      assert.deepEqual(firstRow, answer.rows[0].map((cell, j) => reportCellText(cell, kinds[j])), `${r.name}: the first row`);
      const figure = answer.columns.findIndex((c) => c.kind !== "text" && c.kind !== "date");
      assert.equal(await table.locator("tbody tr").first().locator("th, td").nth(figure).evaluate((el) => getComputedStyle(el).textAlign), "right");
      // The chart: one image with a title and a description (the table stays the source of the figures).
      const chart = page.getByRole("img", { name: new RegExp(`^Chart: ${escapeRegExp(r.title)}`) });
      await chart.waitFor();
      assert.ok((await chart.locator("desc").textContent()).includes("The table below the chart has every figure."));
      const drawn = answer.rows.some((row) => answer.chart.series.some((k) => row[answer.columns.findIndex((c) => c.key === k)] !== 0));
      assert.equal((await chart.locator("rect").count()) > 0, drawn, `${r.name}: a bar for each figure that is not 0`);
    }

    // The CSV file of the same table and days.
    const download = page.waitForEvent("download");
    await page.getByTestId("report-csv").click();
    const file = await download;
    assert.equal(file.suggestedFilename(), `${r.name}-${answer.from}-to-${answer.to}.csv`);
    const lines = (await readFile(await file.path(), "utf8")).trimEnd().split("\r\n");
    assert.equal(lines[0], answer.columns.map((c) => c.label).join(","));
    assert.equal(lines.length, 1 + answer.rows.length + answer.totals.length);

    await page.screenshot({ path: join(ARTIFACTS, `staff-report-${r.name}-full.png`), fullPage: true });
    assert.deepEqual(await runAxe(page), [], `no accessibility violations on the ${r.name} report`);
    await page.getByRole("link", { name: "← All reports" }).click();
    await workHeading(page, "Reports").waitFor();
  }

  // Days the server refuses (the first after the last): its words at the field it names; the range is in the address.
  await list.getByRole("link", { name: "Payments by channel and method", exact: true }).click();
  const range = page.getByRole("form", { name: "Days of the report" });
  await range.waitFor();
  await page.getByTestId("report-table").waitFor();
  await range.getByLabel("From").fill(dayFromToday(0));
  await range.getByLabel("To").fill(dayFromToday(-10));
  const refused = answerTo(page, "GET", "/api/v1/staff/reports/payments");
  await range.getByRole("button", { name: "Show the report" }).click();
  const problem = await refused;
  assert.equal(problem.status(), 422);
  const { field, detail } = await problem.json();
  assert.equal(field, "from");
  await range.locator('#report-from[aria-invalid="true"]').waitFor();
  assert.ok((await description(range.getByLabel("From"))).toLowerCase().includes(detail.toLowerCase()));
  await focusMovesTo(page, "report-from");
  assert.equal(new URLSearchParams(new URL(page.url()).hash.split("?")[1]).get("from"), dayFromToday(0));
  await page.screenshot({ path: join(ARTIFACTS, "staff-report-refused.png") });
  assert.deepEqual(errors, []);
});

test("settings and reports: each page fits a desktop and a 1024-pixel tablet, and passes axe", async (t) => {
  const { reports } = await asApiKey("GET", "/api/v1/staff/reports").then((r) => r.body);
  const pages = [["settings", "Settings"], ["reports", "Reports"], ...reports.map((r) => [`reports/${r.name}`, r.title])];
  for (const [device, name] of [[DESKTOP, "desktop"], [TABLET_WIDE, "tablet"]]) {
    const { page, errors } = await consolePage(t, device);
    for (const [path, heading] of pages) {
      await page.goto(`${BASE}/staff.html#/${path}`);
      await workHeading(page, heading).waitFor();
      if (path === "settings") await page.getByTestId("bill-schedule").getByRole("table").waitFor();
      else if (path === "reports") await page.getByTestId("report-list").waitFor();
      else await page.getByTestId("report-table").waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} (${name}) is ${overflow}px wider than the viewport`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-${path.replace(/\//g, "-")}-${name}.png`) });
      if (name === "tablet") assert.deepEqual(await runAxe(page), [], `no accessibility violations on ${path} (${name})`);
    }
    assert.deepEqual(errors, []);
  }
});

// ---- autopay on the customer's request, with their consent ---------------------------------------

/** A saved card on the account (the API key saves it: the console shows saved methods by their labels only). */
async function saveCard(number) {
  const token = await asApiKey("POST", "/api/v1/payment-methods/test-tokens", { card: { number: "4242424242424242", exp_month: 8, exp_year: 2031, cvc: "123" } });
  assert.equal(token.status, 201, JSON.stringify(token.body));
  const saved = await asApiKey("POST", `/api/v1/accounts/${number}/payment-methods`, { token: token.body.token, default: true });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  return saved.body;
}

/** An account of its own, active and not on autopay, with a saved card. */
async function autopayAccount(page) {
  const detail = await freshAccount(page, async (d) => !(await apiGet(page, `/api/v1/accounts/${d.account_number}/autopay`)).enrolled);
  return { detail, method: await saveCard(detail.account_number) };
}

const autopaySection = (page) => page.getByTestId("section-autopay");

test("autopay enrolled and cancelled for a caller with their consent: refused first without a name, said at the field; the History names who agreed", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP);
  const me = await apiGet(page, "/api/v1/staff/me");
  const { detail, method } = await autopayAccount(page);
  const number = detail.account_number;
  const holder = detail.customer.name;
  await openAccount(page, number);
  const section = autopaySection(page);
  await section.getByText("Not enrolled in autopay.").waitFor();

  // The section's button opens the panel below it; focus moves to its heading.
  await section.getByRole("button", { name: "Enrol in autopay…", exact: true }).click();
  const panel = page.getByTestId("autopay-panel");
  await panel.getByRole("heading", { level: 3, name: "Autopay for the customer" }).waitFor();
  await focusMovesTo(page, "autopay-panel-heading");
  assert.equal(await section.getByRole("button", { name: "Enrol in autopay…" }).getAttribute("aria-expanded"), "true");

  // The account's saved method, by its label (the default one chosen); 3 days before the due date.
  const methodSelect = panel.getByRole("combobox", { name: "Pay from" });
  assert.equal(await methodSelect.inputValue(), String(method.id), "the default method to start with");
  assert.ok((await methodSelect.locator("option").allTextContents()).includes(`${method.label} (default)`));
  await panel.getByRole("textbox", { name: "Days before the due date" }).fill("3");

  // Who agreed starts as the account holder; without a name nothing is sent and the field says why.
  const consent = panel.getByRole("group", { name: "The customer's consent" });
  const who = consent.getByRole("textbox", { name: "Who agreed" });
  assert.equal(await who.inputValue(), holder);
  await who.fill("");
  await consent.getByRole("radio", { name: "By phone" }).check();
  let sent = 0;
  const countPuts = (r) => {
    if (r.method() === "PUT" && new URL(r.url()).pathname.endsWith(`/accounts/${number}/autopay`)) sent++;
  };
  page.on("request", countPuts);
  await panel.getByRole("button", { name: "Enrol in autopay", exact: true }).click();
  await consent.locator('#autopay-consent-given-by[aria-invalid="true"]').waitFor();
  await focusMovesTo(page, "autopay-consent-given-by");
  assert.match(await description(who), /Type the name of the person who agreed to this change\./);
  assert.equal(sent, 0, "nothing was sent without a name");
  page.off("request", countPuts);
  // The server refuses the same, naming the field the console says it at.
  const csrf = { "X-CSRF-Token": me.csrf_token };
  const refused = await page.request.put(`${BASE}/api/v1/accounts/${number}/autopay`, {
    data: { payment_method_id: method.id, days_before_due: 3, consent: { given_by: "", how: "phone" } },
    headers: csrf,
  });
  assert.equal(refused.status(), 422);
  assert.equal((await refused.json()).field, "consent.given_by");
  await page.screenshot({ path: join(ARTIFACTS, "staff-autopay-refused.png") });

  // With the name and a reference: enrolled, said in the panel, the section and the History.
  await who.fill("Susan Smith");
  await consent.getByRole("textbox", { name: "Reference (optional)" }).fill("call 4471");
  const enrolled = answerTo(page, "PUT", `/accounts/${number}/autopay`);
  await panel.getByRole("button", { name: "Enrol in autopay", exact: true }).click();
  let answer = await enrolled;
  assert.equal(answer.status(), 200);
  assert.deepEqual(JSON.parse(answer.request().postData()), {
    payment_method_id: method.id,
    days_before_due: 3,
    consent: { given_by: "Susan Smith", how: "phone", reference: "call 4471" },
  });
  const result = panel.getByTestId("autopay-result");
  await textBecomes(result,
    `Autopay is on. Each bill from now on is paid from ${method.label}, 3 days before it is due, for what is still owed on it. ` +
      "At the request of Susan Smith, by phone (call 4471).");
  assert.equal(await result.evaluate((el) => el === document.activeElement), true, "focus moves to what was done");
  await section.getByText(method.label, { exact: true }).waitFor();
  await section.getByText("3 days before each bill is due").waitFor();
  await textBecomes(page.locator("#autopay-action"), "Cancel autopay…");
  await historyRow(page, "Autopay enrolled", "at the request of Susan Smith, by phone (call 4471)", me.name);
  await page.screenshot({ path: join(ARTIFACTS, "staff-autopay-enrolled.png") });
  await section.screenshot({ path: join(ARTIFACTS, "staff-autopay-section-enrolled.png") });

  // Cancelled after the step saying what it stops, on the word of the account holder, in person.
  await panel.getByRole("button", { name: "Cancel autopay…", exact: true }).click();
  const confirmCancel = panel.getByRole("group", { name: /^Cancel autopay today\?/ });
  await confirmCancel.waitFor();
  const cancelConsent = confirmCancel.getByRole("group", { name: "The customer's consent" });
  assert.equal(await cancelConsent.getByRole("textbox", { name: "Who agreed" }).inputValue(), holder);
  await cancelConsent.getByRole("radio", { name: "In person" }).check();
  await panel.screenshot({ path: join(ARTIFACTS, "staff-autopay-cancel-step.png") });
  const cancelled = answerTo(page, "DELETE", `/accounts/${number}/autopay`);
  await confirmCancel.getByRole("button", { name: "Yes, cancel autopay", exact: true }).click();
  answer = await cancelled;
  assert.equal(answer.status(), 204);
  assert.deepEqual(JSON.parse(answer.request().postData()), { consent: { given_by: holder, how: "in_person" } });
  await textBecomes(result, `Autopay is off: no bill is paid automatically from now on. At the request of ${holder}, in person.`);
  await section.getByText("Not enrolled in autopay.").waitFor();
  await historyRow(page, "Autopay cancelled", `at the request of ${holder}, in person`, me.name);
  await historyRow(page, "Autopay enrolled", "at the request of Susan Smith, by phone (call 4471)", me.name);
  assert.equal((await apiGet(page, `/api/v1/accounts/${number}/autopay`)).enrolled, false);

  // Escape closes the panel; focus goes back to the section's button.
  await panel.getByRole("textbox", { name: "Days before the due date" }).press("Escape");
  await panel.waitFor({ state: "detached" });
  await focusMovesTo(page, "autopay-action");
  await page.screenshot({ path: join(ARTIFACTS, "staff-autopay-cancelled.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

// ---- tariffs -------------------------------------------------------------------------------------

// A desktop as the office has them, and (TABLET_WIDE above) a tablet held sideways.
const DESKTOP_WIDE = { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, locale: "en-US" };

/** "$2,964.34", "+$18.53", "-$0.74" -> whole cents. */
function centsOf(text) {
  const m = /^([+-])?\$([\d,]+)\.(\d{2})$/.exec(text.trim());
  assert.ok(m, `an amount: ${text}`);
  const cents = Number(m[2].replace(/,/g, "")) * 100 + Number(m[3]);
  return m[1] === "-" ? -cents : cents;
}

/** {amount: "-18.53"} -> -1853. */
const apiCents = (money) => Math.round(Number(money.amount) * 100);

/** A day `days` after an ISO day. */
function shiftDay(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The plan the tariff tests change: residential electric when there is one, with a tariff and bills sent. */
async function tariffPlan(page) {
  const { rate_plans: plans } = await apiGet(page, "/api/v1/staff/rate-plans");
  const billed = plans.filter((p) => p.tariff && p.billed_through);
  const plan = billed.find((p) => p.code === "E-RES") ?? billed[0];
  assert.ok(plan, "a rate plan with a tariff and bills sent");
  return { plans, plan };
}

/** The tariff `file` with one more version: a copy of its newest, from `effective`, its first fixed charge 75 cents higher. */
function withNewVersion(file, effective, label) {
  const next = structuredClone(file);
  const version = structuredClone(next.versions[next.versions.length - 1]);
  version.effective = effective;
  version.label = label;
  if (version.fixed_charges?.length) version.fixed_charges[0].amount = (Number(version.fixed_charges[0].amount) + 0.75).toFixed(2);
  next.versions.push(version);
  return next;
}

const tariffHeading = (page, plan) => workHeading(page, `${plan.name} (${plan.code})`);

/** The preview's table footer, as shown, and the same text's preview asked of the API. */
async function previewShown(page) {
  const totals = page.getByTestId("preview-totals");
  return {
    current: (await totals.getByTestId("preview-current-total").textContent()).trim(),
    proposed: (await totals.getByTestId("preview-proposed-total").textContent()).trim(),
    change: (await totals.getByTestId("preview-change").textContent()).trim(),
    percent: (await totals.getByTestId("preview-change-percent").textContent()).trim(),
  };
}

test("tariffs: the plans, a plan's versions, a version downloaded; a new version after the last day billed previewed (the API's totals) and stored; a retroactive one refused", async (t) => {
  const { page, errors } = await consolePage(t, DESKTOP_WIDE);
  const me = await apiGet(page, "/api/v1/staff/me");
  assert.ok(me.permissions.includes("tariffs.change"), "an administrator may store tariffs");
  const { plans, plan } = await tariffPlan(page);

  // From Settings' navigation to the plans: each with its class, the last day billed and its versions.
  await openSettings(page);
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/rate-plans");
  await page.getByRole("navigation", { name: "Parts of the settings page" }).getByRole("link", { name: "Tariffs", exact: true }).click();
  await workHeading(page, "Tariffs").waitFor();
  assert.equal(new URL(page.url()).hash, "#/settings/tariffs");
  assert.equal((await listed).status(), 200);
  assert.equal(await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Settings" }).getAttribute("aria-current"), "true");
  const table = page.getByRole("table", { name: "Rate plans" });
  await table.waitFor();
  assert.equal(await table.locator("tbody tr").count(), plans.length);
  for (const p of plans) {
    const row = table.locator(`tr[data-code="${p.code}"]`);
    const cells = (await row.locator("th, td").allTextContents()).map((s) => s.trim());
    assert.equal(cells[0], p.code);
    assert.equal(cells[1], p.name);
    assert.equal(cells[4], p.billed_through ? dayWords(p.billed_through) : "Nothing billed yet");
    assert.equal(cells[5], p.tariff ? `${p.tariff.name} (${p.tariff.unit})` : "None yet");
    assert.equal(cells[6], String(p.tariff?.versions.length ?? 0));
  }
  await page.screenshot({ path: join(ARTIFACTS, "staff-tariffs-list.png"), fullPage: true });

  // The plan: its versions, the newest's content (its fixed charges in dollars).
  await table.getByRole("link", { name: plan.code, exact: true }).click();
  await tariffHeading(page, plan).waitFor();
  assert.equal(new URL(page.url()).hash, `#/settings/tariffs/${plan.code}`);
  assert.equal((await page.getByTestId("billed-through").textContent()).trim(), dayWords(plan.billed_through));
  const versions = page.getByTestId("tariff-versions");
  assert.deepEqual(await versions.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.effective)), plan.tariff.versions.map((v) => v.effective));
  const newest = plan.tariff.versions[plan.tariff.versions.length - 1];
  const view = page.getByTestId("tariff-version");
  await view.getByRole("heading", { level: 2, name: newest.label }).waitFor();
  const whole = await apiGet(page, `/api/v1/staff/rate-plans/${plan.code}/tariff`);
  const newestFile = whole.versions[whole.versions.length - 1];
  if (newestFile.fixed_charges?.length) {
    const c = newestFile.fixed_charges[0];
    await view.getByTestId("fixed-charges").getByRole("row", { name: new RegExp(`^${escapeRegExp(c.description)}`) })
      .getByText(`${moneyText({ amount: Number(c.amount).toFixed(2) })} a ${c.per}`).waitFor();
  }
  if (newestFile.energy) assert.equal(await view.getByTestId("energy-period").count(), newestFile.energy.periods.length);

  // A version downloaded on its own (a file with that version alone), and the whole tariff.
  let download = page.waitForEvent("download");
  await versions.getByTestId(`download-version-${newest.effective}`).click();
  let file = await download;
  assert.equal(file.suggestedFilename(), `${plan.code}-tariff-${newest.effective}.json`);
  const one = JSON.parse(await readFile(await file.path(), "utf8"));
  assert.deepEqual(one.versions.map((v) => v.effective), [newest.effective]);
  await textBecomes(versions.getByTestId("download-status"), `Downloaded ${plan.code}-tariff-${newest.effective}.json.`);
  download = page.waitForEvent("download");
  await versions.getByTestId("download-tariff").click();
  file = await download;
  assert.equal(file.suggestedFilename(), `${plan.code}-tariff.json`);
  const downloaded = JSON.parse(await readFile(await file.path(), "utf8"));
  assert.deepEqual(downloaded, whole);

  // A new tariff: the downloaded file with a version effective after the last day billed, chosen as a file.
  const effective = shiftDay(plan.billed_through, 1);
  const label = `E2E rates from ${effective}`;
  const text = `${JSON.stringify(withNewVersion(downloaded, effective, label), null, 2)}\n`;
  const upload = page.getByTestId("tariff-upload");
  const store = upload.getByRole("button", { name: "Store this tariff", exact: true });
  assert.equal(await store.getAttribute("aria-disabled"), "true", "nothing previewed yet");
  await upload.getByLabel("Tariff file").setInputFiles({ name: `${plan.code}-new.json`, mimeType: "application/json", buffer: Buffer.from(text) });
  const box = upload.getByRole("textbox", { name: "Tariff (JSON)" });
  await page.waitForFunction((want) => document.getElementById("tariff-text")?.value === want, text);

  // Preview: the version previewed, no refusal, a row per sampled bill; the totals are the API's for the same text.
  let previewed = answerTo(page, "POST", `/api/v1/staff/rate-plans/${plan.code}/tariff/preview`);
  await upload.getByRole("button", { name: "Preview", exact: true }).click();
  let answer = await previewed;
  assert.equal(answer.status(), 200);
  assert.equal(answer.request().postData(), text, "the file's text, exactly");
  const shown = await answer.json();
  const preview = upload.getByTestId("tariff-preview");
  await preview.getByRole("heading", { name: `Preview: ${label}, effective ${dayWords(effective)}` }).waitFor();
  await focusMovesTo(page, "tariff-preview-heading");
  assert.equal(await preview.getByTestId("preview-refused").count(), 0);
  assert.equal(await preview.getByTestId("preview-table").locator("tbody tr").count(), shown.bills.length);
  const again = await page.request.post(`${BASE}/api/v1/staff/rate-plans/${plan.code}/tariff/preview?sample=25`, {
    data: text,
    headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token },
  });
  assert.equal(again.status(), 200);
  const api = await again.json();
  assert.equal(api.refused, null);
  assert.ok(api.rated > 0, "bills rated");
  const totals = await previewShown(page);
  assert.equal(centsOf(totals.current), apiCents(api.current_total), "current total");
  assert.equal(centsOf(totals.proposed), apiCents(api.proposed_total), "proposed total");
  assert.equal(centsOf(totals.change), apiCents(api.change), "change");
  const bp = api.change_basis_points;
  assert.equal(totals.percent, bp === null ? "—" : `${bp > 0 ? "+" : bp < 0 ? "-" : ""}${(Math.abs(bp) / 100).toFixed(2)}%`);
  await page.screenshot({ path: join(ARTIFACTS, "staff-tariff-preview.png"), fullPage: true });

  // Storing is open for the very text previewed: a change closes it, putting it back opens it again.
  assert.equal(await store.getAttribute("aria-disabled"), null);
  await box.fill(`${text} `);
  assert.equal(await store.getAttribute("aria-disabled"), "true");
  await upload.getByTestId("preview-stale").waitFor();
  assert.match(await upload.getByTestId("store-hint").textContent(), /changed since its preview/);
  await box.fill(text);
  assert.equal(await store.getAttribute("aria-disabled"), null);

  // Stored (confirming it is the user when asked): the page shows the new version at once.
  const res = await confirmedAnswer(t, page, "PUT", `/api/v1/staff/rate-plans/${plan.code}/tariff`, () => store.click());
  assert.equal(res.status(), 200);
  const storedPlan = await res.json();
  assert.deepEqual(storedPlan.tariff.versions.at(-1), { effective, label });
  await page.getByTestId("tariff-stored").filter({ hasText: `has ${plan.tariff.versions.length + 1} versions now` }).waitFor();
  await focusMovesTo(page, "tariff-stored");
  await versions.locator(`tbody tr[data-effective="${effective}"]`).waitFor();
  assert.equal(await versions.locator("tbody tr").count(), plan.tariff.versions.length + 1);
  await view.getByRole("heading", { level: 2, name: label }).waitFor();
  assert.equal(await box.inputValue(), "", "the form starts again");
  const after = (await apiGet(page, "/api/v1/staff/rate-plans")).rate_plans.find((p) => p.code === plan.code);
  assert.deepEqual(after.tariff.versions.at(-1), { effective, label });
  await page.screenshot({ path: join(ARTIFACTS, "staff-tariff-stored.png"), fullPage: true });

  // A version reaching back into billed days: the preview says storing would be refused, and why; storing is.
  const stored = await apiGet(page, `/api/v1/staff/rate-plans/${plan.code}/tariff`);
  const retro = withNewVersion(stored, plan.billed_through, "E2E retroactive rates");
  retro.versions.splice(-2, 1); // the version just stored goes: the new one starts before it
  const retroText = JSON.stringify(retro, null, 2);
  await box.fill(retroText);
  previewed = answerTo(page, "POST", `/api/v1/staff/rate-plans/${plan.code}/tariff/preview`);
  await upload.getByRole("button", { name: "Preview", exact: true }).click();
  answer = await previewed;
  assert.equal(answer.status(), 200);
  const { refused } = await answer.json();
  assert.ok(refused, "the preview says storing would be refused");
  assert.equal(refused.field, "tariff");
  const banner = preview.getByTestId("preview-refused");
  await banner.waitFor();
  assert.ok((await banner.textContent()).includes("Storing this tariff would be refused."));
  assert.ok((await banner.textContent()).includes(refused.detail.slice(1)), "the server's reason");
  const refusedStore = await confirmedAnswer(t, page, "PUT", `/api/v1/staff/rate-plans/${plan.code}/tariff`, () => store.click());
  assert.equal(refusedStore.status(), 409);
  const problem = await refusedStore.json();
  assert.equal(problem.field, "tariff");
  const alert = upload.locator(".tariff-store").getByTestId("action-problem");
  await alert.getByText("Could not store the tariff.").waitFor();
  assert.ok((await alert.textContent()).includes(problem.detail), "the server's reason, at the form");
  assert.match(problem.detail, new RegExp(`billed through ${plan.billed_through}`));
  const unchanged = (await apiGet(page, "/api/v1/staff/rate-plans")).rate_plans.find((p) => p.code === plan.code);
  assert.deepEqual(unchanged.tariff.versions, after.tariff.versions, "nothing changed");
  assert.equal(await versions.locator("tbody tr").count(), plan.tariff.versions.length + 1);
  await page.screenshot({ path: join(ARTIFACTS, "staff-tariff-refused.png"), fullPage: true });
  await upload.screenshot({ path: join(ARTIFACTS, "staff-tariff-upload-refused.png") });
  assert.deepEqual(errors, []);
});

test("tariffs and the consent panels: each fits a 1366-pixel desktop and a 1024-pixel tablet, and axe finds nothing", async (t) => {
  const probe = await consolePage(t, DESKTOP_WIDE);
  const { plan } = await tariffPlan(probe.page);
  const wholeText = JSON.stringify(await apiGet(probe.page, `/api/v1/staff/rate-plans/${plan.code}/tariff`), null, 2);
  // An account with a saved card and a plan to leave, for the consent in every panel.
  const { detail } = await autopayAccount(probe.page);
  const number = detail.account_number;
  await probe.context.close();

  for (const [device, name] of [[DESKTOP_WIDE, "desktop"], [TABLET_WIDE, "tablet"]]) {
    const { page, errors } = await consolePage(t, device);
    const fits = async (where) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${where} (${name}) is ${overflow}px wider than the viewport`);
      assert.deepEqual(await runAxe(page), [], `no accessibility violations on ${where} (${name})`);
    };

    // The plans, then a plan with a preview of its own tariff.
    await page.goto(`${BASE}/staff.html#/settings/tariffs`);
    await workHeading(page, "Tariffs").waitFor();
    await page.getByRole("table", { name: "Rate plans" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `staff-tariffs-list-${name}.png`) });
    await fits("the rate plans");
    await page.goto(`${BASE}/staff.html#/settings/tariffs/${plan.code}`);
    await tariffHeading(page, plan).waitFor();
    await page.getByTestId("tariff-version").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `staff-tariff-plan-${name}.png`), fullPage: true });
    await fits("a rate plan");
    await page.getByRole("textbox", { name: "Tariff (JSON)" }).fill(wholeText);
    await page.getByTestId("tariff-upload").getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByTestId("preview-table").waitFor();
    await page.getByTestId("tariff-preview").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `staff-tariff-preview-${name}.png`) });
    await fits("a tariff's preview");

    // The consent in the budget billing panel (enrolling), in its leaving step when the account is on it, and in autopay's.
    await page.goto(`${BASE}/staff.html#/accounts/${number}`);
    await accountHeading(page, number).waitFor();
    await page.getByRole("heading", { name: "History" }).waitFor();
    const panel = await openAction(page, "Budget billing");
    const leave = panel.getByRole("button", { name: "Leave budget billing…" });
    await panel.getByRole("group", { name: "The customer's consent" }).or(leave).first().waitFor();
    if (await leave.count()) await leave.click();
    await panel.getByRole("group", { name: "The customer's consent" }).waitFor();
    await panel.screenshot({ path: join(ARTIFACTS, `staff-consent-budget-${name}.png`) });
    await fits("the budget billing panel");
    const section = autopaySection(page);
    await section.getByRole("button", { name: /^(Enrol in|Cancel) autopay…$/ }).click();
    await page.getByTestId("autopay-panel").getByRole("group", { name: "The customer's consent" }).waitFor();
    await page.getByTestId("autopay-panel").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `staff-consent-autopay-${name}.png`) });
    await section.screenshot({ path: join(ARTIFACTS, `staff-consent-autopay-section-${name}.png`) });
    await fits("the autopay panel");
    assert.deepEqual(errors, []);
  }
});
