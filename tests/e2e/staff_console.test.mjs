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

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { readFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

function required(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(
      `${name} is not set. The e2e tests need RATEPAYER_BASE_URL, RATEPAYER_STAFF_EMAIL, ` +
        `RATEPAYER_STAFF_PASSWORD, RATEPAYER_STAFF_TOTP_SECRET, RATEPAYER_STAFF_ENROL_LINK and ` +
        `RATEPAYER_E2E_ACCOUNT (optional: RATEPAYER_E2E_ARTIFACTS, RATEPAYER_E2E_UNKNOWN_ACCOUNT).`,
    );
  }
  return v;
}

const BASE = required("RATEPAYER_BASE_URL").replace(/\/+$/, "");
const EMAIL = required("RATEPAYER_STAFF_EMAIL");
const PASSWORD = required("RATEPAYER_STAFF_PASSWORD");
const STAFF_KEY = Buffer.from(required("RATEPAYER_STAFF_TOTP_SECRET"), "hex");
const ENROL_LINK = required("RATEPAYER_STAFF_ENROL_LINK");
const ACCOUNT = required("RATEPAYER_E2E_ACCOUNT");
const UNKNOWN = process.env.RATEPAYER_E2E_UNKNOWN_ACCOUNT || "999999999";
const ARTIFACTS = process.env.RATEPAYER_E2E_ARTIFACTS || "/tmp";
const CHROMIUM = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// A phone: 412x823 CSS pixels.
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "en-US",
  // No bypassCSP: the console must work under the server's Content-Security-Policy (axe is
  // evaluated through the DevTools protocol, which the policy does not govern).
};

// The account page's actions are for a representative at a desk: a desktop screen, and a tablet.
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "en-US" };
const TABLET = { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-US" };

const MONEY = /^-?\$\d{1,3}(,\d{3})*\.\d{2}$/;

// ---- authenticator codes ------------------------------------------------------------

/** The RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) for `key` at time step `step`. */
function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}

/** A base32 key as the enrolment page shows it ("JBSW Y3DP ...") -> bytes. */
function base32Key(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of text.replace(/[\s=]/g, "").toUpperCase()) {
    const v = alphabet.indexOf(c);
    assert.ok(v >= 0, `'${c}' is not base32`);
    bits += v.toString(2).padStart(5, "0");
  }
  return Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
}

const stepNow = () => Math.floor(Date.now() / 30_000);
const lastStep = new Map(); // key (hex) -> the last step whose code a test sent

/**
 * The code for a step no sign-in of this run has used for `key`, not within 3 s of the step's
 * end (so the server still sees the same step): waits for the next step when it must.
 */
async function freshCode(key = STAFF_KEY) {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    const left = (step + 1) * 30_000 - now;
    if (step > (lastStep.get(key.toString("hex")) ?? -1) && left > 3_000) {
      lastStep.set(key.toString("hex"), step);
      return totp(key, step);
    }
    await sleep(left + 250);
  }
}

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
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
  const { owed } = await (await page.request.get(`${BASE}/api/v1/staff/accounts/${ACCOUNT}`)).json();
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

  // A cashier reads accounts (their role has accounts.read) ...
  await page.goto(`${origin}/staff.html#/accounts/${ACCOUNT}`);
  await accountHeading(page, ACCOUNT).waitFor();
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
