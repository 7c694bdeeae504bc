// Browser smoke test of the staff console (web/staff.html) against a running Ratepayer server.
//
//   RATEPAYER_BASE_URL=http://127.0.0.1:8080   server serving web/dist and /api/v1
//   RATEPAYER_STAFF_KEY=rpk_...                an API key (`ratepayer api-key add`), pasted in the console
//   RATEPAYER_E2E_ACCOUNT=100000017            an account number that exists
//   RATEPAYER_E2E_ARTIFACTS=/tmp               where screenshots go (optional, default /tmp)
//   RATEPAYER_E2E_UNKNOWN_ACCOUNT=999999999    an account number that does not exist (optional)
//
// Run: cd tests/e2e && npm ci && node --test
//
// Uses Debian's /usr/bin/chromium through playwright-core (never a downloaded browser).
// Playwright gives every launch a fresh temporary --user-data-dir of its own (it refuses the flag
// in `args`), so no profile state carries over between runs.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

function required(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(
      `${name} is not set. The e2e tests need RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY and ` +
        `RATEPAYER_E2E_ACCOUNT (optional: RATEPAYER_E2E_ARTIFACTS, RATEPAYER_E2E_UNKNOWN_ACCOUNT).`,
    );
  }
  return v;
}

const BASE = required("RATEPAYER_BASE_URL").replace(/\/+$/, "");
const TOKEN = required("RATEPAYER_STAFF_KEY");
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

const MONEY = /^-?\$\d{1,3}(,\d{3})*\.\d{2}$/;

let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

/** A fresh phone-sized page that records console errors and uncaught exceptions. */
async function newPage(t) {
  const context = await browser.newContext(PHONE);
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
    // Failed API calls are expected in some tests and are reported through the UI.
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) record(`console: ${m.text()}`);
  });
  return { page, errors };
}

async function enterToken(page, token) {
  await page.goto(`${BASE}/staff.html`);
  await page.getByRole("textbox", { name: "API key", exact: true }).fill(token);
  await page.getByRole("button", { name: "Save key" }).click();
  await page.getByText("API key is set for this tab.").waitFor();
}

async function search(page, q) {
  await page.getByRole("searchbox", { name: "Search accounts" }).fill(q);
  await page.getByRole("button", { name: "Search" }).click();
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

test("staff searches for an account and opens its detail", async (t) => {
  const { page, errors } = await newPage(t);
  await enterToken(page, TOKEN);

  await search(page, ACCOUNT);
  const result = page.getByRole("list", { name: "Matching accounts" }).getByRole("link").filter({ hasText: ACCOUNT });
  await result.first().waitFor();
  assertNoSeriousViolations(await runAxe(page), "search results");

  await result.first().click();
  const heading = page.getByRole("heading", { level: 1, name: `Account ${ACCOUNT}`, exact: true });
  await heading.waitFor();
  assert.equal(new URL(page.url()).hash, `#/accounts/${ACCOUNT}`);
  assert.equal((await page.getByTestId("account-number").textContent()).trim(), ACCOUNT);

  const balance = page.getByTestId("balance");
  assert.ok(await balance.isVisible(), "balance is visible");
  assert.match((await balance.textContent()).trim(), MONEY);
  // Beside the balance, what the customer owes now, by when and why: the server's `owed`.
  const { owed } = await (await fetch(`${BASE}/api/v1/staff/accounts/${ACCOUNT}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
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

test("an unknown account shows the server's problem detail", async (t) => {
  const { page, errors } = await newPage(t);
  await enterToken(page, TOKEN);

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

  await page.screenshot({ path: join(ARTIFACTS, "staff-unknown-account.png"), fullPage: true });
  assertNoSeriousViolations(await runAxe(page), "unknown account");
  assert.deepEqual(errors, []);
});

test("a wrong API key is refused and the console asks for a key again", async (t) => {
  const { page, errors } = await newPage(t);
  await enterToken(page, `${TOKEN}-wrong`);

  await search(page, ACCOUNT);
  await page.getByRole("alert").getByText("API key needed").waitFor();
  const field = page.getByRole("textbox", { name: "API key", exact: true });
  await field.waitFor();
  assert.ok(await field.evaluate((el) => el === document.activeElement), "token field has focus");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("ratepayer.staffToken")), null);

  // Entering the right token repeats the search.
  await field.fill(TOKEN);
  await page.getByRole("button", { name: "Save key" }).click();
  await page.getByRole("list", { name: "Matching accounts" }).getByRole("link").filter({ hasText: ACCOUNT }).first().waitFor();
  assert.deepEqual(errors, []);
});
