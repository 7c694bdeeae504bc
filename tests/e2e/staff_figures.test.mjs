// Every figure the staff console shows is the API's, and the ledger's: the account page (header,
// how the amount due adds up, aging, statement of account, bills, payments, budget billing,
// arrangements), the search results, the work queues' counts and the aging report, read off the
// screen, parsed into cents or counts, and compared with the answers the page itself was given
// (the routes the console calls, web/src/staff/) and with the database the server runs on.
//
//   RATEPAYER_BASE_URL=http://127.0.0.1:8080       server serving web/dist and /api/v1
//   RATEPAYER_STAFF_KEY=rpk_...                    an API key (administrator): sets up an arrangement, budget
//                                                  billing and two payments (one voided) on accounts of the tail
//                                                  of the search, so that those figures are on some page
//   RATEPAYER_E2E_DB=/tmp/e2e.db                   the server's SQLite database, read with the sqlite3 tool
//                                                  (the ledger), and where `ratepayer staff add` adds this
//                                                  file's own staff user
//   RATEPAYER_E2E_ACCOUNT=100000017                an account number that exists
//   RATEPAYER_E2E_SECOND_ACCOUNT=100000025         another (optional)
//   RATEPAYER_E2E_ARTIFACTS=/tmp                   where screenshots go (optional, default /tmp)
//   RATEPAYER_BIN=build/ratepayer                  the server's binary (optional; default build/ratepayer)
//
// Its own staff user (ownStaffUser in support.mjs): node --test runs the files of this folder side by side, and the server takes
// each 30-second step's code once per user, so signing in as staff_console.test.mjs's user
// (RATEPAYER_STAFF_EMAIL) could refuse one of them, and refusals count towards that user's lockout.
// The other files change accounts meanwhile (payments, bill runs, holds approved): every page is
// read between two reads of the ledger, and read again when the ledger changed in between.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { required, baseUrl, artifactsDir, launchBrowser, asApiKey, apiKeyGet, accountsInZipArea, ownStaffUser, signInToConsole } from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
const DB = required("RATEPAYER_E2E_DB");
const ACCOUNT = required("RATEPAYER_E2E_ACCOUNT");
const SECOND_ACCOUNT = process.env.RATEPAYER_E2E_SECOND_ACCOUNT || null;
const ARTIFACTS = artifactsDir();

// A representative's desk.
const DESKTOP = { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, locale: "en-US" };

const run = promisify(execFile);

// ---- figures as text, as cents --------------------------------------------------------------

const MONEY = /^(-)?\$(\d{1,3}(?:,\d{3})*)\.(\d{2})$/;

/** "-$1,234.56" (as the console shows money) -> -123456; anything else -> null. */
function shownCents(text) {
  const m = MONEY.exec((text ?? "").trim());
  if (!m) return null;
  const cents = Number(m[2].replace(/,/g, "")) * 100 + Number(m[3]);
  return m[1] ? -cents : cents;
}

/** {amount: "-25.5"} or "-25.50" (as the API sends money) -> -2550; anything else -> null. */
function apiCents(money) {
  const s = typeof money === "string" ? money : money?.amount;
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s ?? "");
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -cents : cents;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Dec 8, 2026" (the console's dates) -> "2026-12-08"; anything else -> null. */
function shownDate(text) {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec((text ?? "").trim());
  const month = m ? MONTHS.indexOf(m[1]) : -1;
  return month < 0 ? null : `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[2].padStart(2, "0")}`;
}

/** "1,234" -> 1234; anything else -> null. */
function shownCount(text) {
  const t = (text ?? "").trim();
  return /^\d{1,3}(,\d{3})*$/.test(t) ? Number(t.replace(/,/g, "")) : null;
}

/** A status as the console words it: "voided" -> "Voided" (labels.ts codeLabel). */
const statusWords = (code) => {
  const words = code.replace(/[_-]+/g, " ").trim();
  return words[0].toUpperCase() + words.slice(1);
};

const dollars = (cents) =>
  cents === null || cents === undefined || Number.isNaN(cents)
    ? String(cents)
    : `${cents < 0 ? "-" : ""}$${(Math.abs(cents) / 100).toFixed(2)}`;

const sum = (values) => values.reduce((a, b) => a + b, 0);

/**
 * Collects the comparisons of one screen: each names what it compares and both sides, and a
 * difference is kept (every one is listed at the end, not only the first).
 */
function comparisons() {
  const differences = [];
  let made = 0;
  /** `shown` (parsed off the screen, or an answer's) must be `expected`; `money` says how to print them. */
  const same = (what, shown, expected, { money = true } = {}) => {
    made++;
    // (NaN, a figure that did not parse, is never equal; undefined, one that is not there, neither.)
    if (shown !== expected || shown === undefined) {
      differences.push(`${what}: ${money ? dollars(shown) : JSON.stringify(shown)}, but ${money ? dollars(expected) : JSON.stringify(expected)}`);
    }
  };
  return { same, differences, count: () => made };
}

// ---- the database -------------------------------------------------------------------------

/** Rows of a read-only query of the server's database (sqlite3 -json). */
async function sql(query) {
  const { stdout } = await run("sqlite3", ["-readonly", "-json", "-cmd", ".timeout 10000", DB, query], { maxBuffer: 64 << 20 });
  return stdout.trim() ? JSON.parse(stdout) : [];
}

const accountId = (number) => {
  assert.match(number, /^\d{9}$/, "an account number");
  return `(SELECT id FROM accounts WHERE number = '${number}')`;
};

/** What the database holds for one account: its ledger (oldest first), payments and bills held. */
async function accountRecords(number) {
  const [ledger, payments, held] = await Promise.all([
    sql(`SELECT id, kind, amount_cents AS cents, effective_on, reference, reverses_entry_id
           FROM ledger_entries WHERE account_id = ${accountId(number)} ORDER BY id`),
    sql(`SELECT confirmation, status, amount_cents AS cents, ledger_entry_id, balance_after_cents
           FROM payments WHERE account_id = ${accountId(number)} ORDER BY id`),
    sql(`SELECT COUNT(*) AS n FROM bills WHERE account_id = ${accountId(number)} AND status = 'held'`),
  ]);
  return { ledger, payments, held: held[0].n };
}

// ---- pages ----------------------------------------------------------------------------------

let browser;
/** Cookies of a context signed in as this file's staff user. */
let staffSession;
/** The accounts whose pages are read, and what was set up on some of them. */
let chosen;

/** A tab of `context` whose uncaught exceptions and console errors go into `errors`. */
async function watchedTab(context, errors) {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return page;
}

/** A desktop browser context signed in as this file's staff user (closed after the test). */
async function signedInContext(t) {
  const context = await browser.newContext({ ...DESKTOP, storageState: staffSession });
  t.after(() => context.close());
  return context;
}

/** A desktop page signed in as this file's staff user, and the errors it logs. */
async function newPage(t) {
  const errors = [];
  return { page: await watchedTab(await signedInContext(t), errors), errors };
}

/** Every API answer the page is given from now on, newest last: [{path, search, response}]. */
function recordAnswers(page) {
  const answers = [];
  page.on("response", (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith("/api/") && r.request().method() === "GET") answers.push({ path: url.pathname, params: url.searchParams, response: r });
  });
  return answers;
}

/** The JSON of the last answer the page was given for `path` (and matching `fits`). */
async function answerOf(answers, path, fits = () => true) {
  const found = answers.filter((a) => a.path === path && fits(a.params));
  assert.ok(found.length > 0, `the page asked for ${path}`);
  const last = found[found.length - 1].response;
  assert.equal(last.status(), 200, `${path} answered ${last.status()}`);
  return last.json();
}

before(async () => {
  browser = await launchBrowser(chromium);

  // This file's own staff user (an administrator), signed in once; the tests use its cookies.
  const user = await ownStaffUser({ tag: "figures", name: "Figures Reader" });
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signInToConsole(page, user);
  staffSession = await context.storageState();
  await context.close();

  chosen = await chooseAccounts();
});

after(async () => {
  await browser?.close();
});

/** Every account the search finds by the first two digits of RATEPAYER_E2E_ACCOUNT's ZIP, in its order. */
const searchedAccounts = () => accountsInZipArea(apiKeyGet, ACCOUNT, 5000);

/**
 * The accounts to read: RATEPAYER_E2E_ACCOUNT and the second one, then from the tail of the search
 * (staff_console.test.mjs takes its accounts from its head): one that takes an arrangement offered
 * it (deferred and arranged figures), one enrolled in budget billing that pays $12.34 cash and has a
 * $5.00 payment voided (a balance after each payment, a reversal), one that pays $25.00 owing nothing
 * (a credit balance), the one owing most, and a closed one.
 */
async function chooseAccounts() {
  const { q, accounts } = await searchedAccounts();
  const numbers = [ACCOUNT, ...(SECOND_ACCOUNT && SECOND_ACCOUNT !== ACCOUNT ? [SECOND_ACCOUNT] : [])];
  const tail = accounts.filter((a) => !numbers.includes(a.account_number)).reverse();
  const setUp = {};

  for (const a of tail) {
    if (a.status !== "active") continue;
    const offer = await apiKeyGet(`/api/v1/accounts/${a.account_number}/arrangement-offers`);
    if (!offer.eligible || offer.plans.length === 0) continue;
    const plan = offer.plans.find((p) => p.installments === 3) ?? offer.plans[0];
    const made = await asApiKey("POST", `/api/v1/accounts/${a.account_number}/arrangements`, { installments: plan.installments });
    if (made.status !== 201) continue; // taken meanwhile by another file's test
    setUp.arrangement = a.account_number;
    numbers.push(a.account_number);
    break;
  }
  assert.ok(setUp.arrangement, "an account of the tail of the search takes an arrangement offered it");

  const refusals = [];
  for (const a of tail) {
    if (refusals.length >= 10) break;
    if (a.status !== "active" || numbers.includes(a.account_number)) continue;
    const prefs = await apiKeyGet(`/api/v1/accounts/${a.account_number}/preferences`);
    if (prefs.budget) continue;
    // (A change made for the customer by staff carries the customer's consent.)
    const enrolled = await asApiKey("POST", `/api/v1/staff/accounts/${a.account_number}/budget-billing`,
      { consent: { given_by: a.customer_name, how: "phone" } });
    if (enrolled.status !== 201) {
      refusals.push(`${a.account_number}: ${enrolled.body?.detail ?? enrolled.status}`);
      continue; // fewer than 3 bills, or taken meanwhile
    }
    const pay = (amount) =>
      asApiKey("POST", `/api/v1/staff/accounts/${a.account_number}/payments`, { amount, method: "cash" }, { "Idempotency-Key": `figures-${randomBytes(8).toString("hex")}` });
    const paid = await pay("12.34");
    assert.equal(paid.status, 201, JSON.stringify(paid.body));
    const voidable = await pay("5.00");
    assert.equal(voidable.status, 201, JSON.stringify(voidable.body));
    const voided = await asApiKey("POST", `/api/v1/staff/payments/${voidable.body.confirmation}/void`, { reason: "Keyed twice" });
    assert.equal(voided.status, 200, JSON.stringify(voided.body));
    assert.equal(voided.body.status, "voided");
    setUp.budget = a.account_number;
    setUp.voided = voidable.body.confirmation;
    numbers.push(a.account_number);
    break;
  }
  assert.ok(setUp.budget, `an account of the tail of the search enrols in budget billing (refused: ${refusals.slice(0, 3).join("; ")})`);

  // A customer who owes nothing pays $25.00: a credit balance (the header's Credit, aging's, the report's).
  const paidUp = tail.find((a) => a.status === "active" && !numbers.includes(a.account_number) && apiCents(a.balance) === 0);
  assert.ok(paidUp, "an account of the tail of the search owes nothing");
  const overpaid = await asApiKey("POST", `/api/v1/staff/accounts/${paidUp.account_number}/payments`, { amount: "25.00", method: "cash" },
    { "Idempotency-Key": `figures-${randomBytes(8).toString("hex")}` });
  assert.equal(overpaid.status, 201, JSON.stringify(overpaid.body));
  setUp.credit = paidUp.account_number;
  numbers.push(paidUp.account_number);

  const rest = tail.filter((a) => !numbers.includes(a.account_number));
  const owingMost = rest.reduce((m, a) => (m === null || apiCents(a.balance) > apiCents(m.balance) ? a : m), null);
  if (owingMost) numbers.push(owingMost.account_number);
  const closed = rest.find((a) => a.status === "closed" && a !== owingMost);
  if (closed) numbers.push(closed.account_number);
  return { q, numbers, setUp };
}

// ---- the account page ------------------------------------------------------------------------

/** Opens an account's page and waits until every section it reads is drawn (older bills and payments too). */
async function openAccountPage(page, number) {
  await page.goto(`${BASE}/staff.html#/accounts/${number}`);
  await page.getByRole("heading", { level: 1, name: `Account ${number}`, exact: true }).waitFor();
  const section = (id) => page.getByTestId(`section-${id}`);
  await section("aging").getByTestId("aging-balance").waitFor();
  await section("statement").getByTestId("statement-closing").waitFor();
  await section("bills").getByTestId("bill-row").first().or(section("bills").getByText("No bills sent yet.")).waitFor();
  await section("payments").getByTestId("payment-row").first().or(section("payments").getByText("No payments yet.")).waitFor();
  await section("budget").getByTestId("budget-installment").or(section("budget").getByText("Not on budget billing", { exact: false })).waitFor();
  await section("arrangements").getByTestId("arrangement").first().or(section("arrangements").getByText("No payment arrangements.")).waitFor();
  for (const [id, what, row] of [["bills", "bills", "bill-row"], ["payments", "payments", "payment-row"]]) {
    const more = section(id).getByRole("button", { name: `Show older ${what}`, exact: true });
    for (let i = 0; i < 100 && (await more.isVisible()); i++) {
      const shown = await section(id).getByTestId(row).count();
      await more.click();
      // More rows, a refusal, or the button gone: a full last page says there may be more, and
      // the page after it is empty (24 bills in pages of 12).
      await page.waitForFunction(
        ([id, row, shown]) =>
          document.querySelectorAll(`[data-testid="section-${id}"] [data-testid="${row}"]`).length > shown ||
          document.querySelector(`[data-testid="section-${id}"] .alert`) !== null ||
          document.querySelector(`[data-testid="section-${id}"] button.show-older`) === null,
        [id, row, shown],
      );
    }
  }
  assert.equal((await page.getByTestId("parts-problem").textContent()).trim(), "", `every part of ${number}'s page loaded`);
}

/** Every figure of the account page, as text, in one pass over the page. */
function readAccountPage(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim() : null);
    const one = (id, root = document) => text(root.querySelector(`[data-testid="${id}"]`));
    const all = (id, root = document) => [...root.querySelectorAll(`[data-testid="${id}"]`)];
    const section = (id) => document.querySelector(`[data-testid="section-${id}"]`);
    return {
      number: one("account-number"),
      balance: one("balance"),
      owedNow: one("owed-now"),
      dueOn: one("owed-due-on"),
      pastDue: one("owed-past-due"),
      deferred: one("owed-deferred"),
      credit: one("owed-credit"),
      portalLogins: one("portal-logins"),
      heldBills: one("held-bills"),
      reasons: [...document.querySelectorAll('[data-testid="owed-reasons"] .amount')].map(text),
      owedTotal: one("owed-total"),
      aging: {
        asOf: one("aging-as-of"),
        current: one("aging-current"),
        days_30: one("aging-days_30"),
        days_60: one("aging-days_60"),
        days_90_plus: one("aging-days_90_plus"),
        credit: one("aging-credit"),
        balance: one("aging-balance"),
      },
      statement: {
        opening: one("statement-opening"),
        closing: one("statement-closing"),
        charges: one("statement-charges"),
        credits: one("statement-credits"),
        rows: [...section("statement").querySelectorAll("tr[data-entry-id]")].map((tr) => ({
          id: Number(tr.dataset.entryId),
          kind: tr.dataset.kind,
          date: one("statement-date", tr),
          amount: one("statement-amount", tr),
          after: one("statement-balance-after", tr),
        })),
      },
      bills: all("bill-row").map((tr) => ({
        number: one("bill-number", tr),
        date: one("bill-date", tr),
        due: one("bill-due", tr),
        charges: one("bill-charges", tr),
        amountDue: one("bill-amount-due", tr),
        notes: one("bill-notes", tr),
      })),
      payments: all("payment-row").map((tr) => ({
        date: one("payment-date", tr),
        amount: one("payment-amount", tr),
        status: one("payment-status", tr),
        confirmation: one("payment-confirmation", tr),
        after: one("payment-balance-after", tr),
      })),
      budget: one("budget-installment"),
      budgetSection: text(section("budget")),
      arrangements: all("arrangement").map((li) => ({
        status: one("arrangement-status", li),
        pastDue: one("arrangement-past-due", li),
        down: one("arrangement-down-payment", li),
        installments: one("arrangement-installments", li),
      })),
    };
  });
}

/** Every item of a paged list the page asked for (bills or payments), in the order of its pages. */
async function pagedItems(answers, path, key) {
  const pages = answers.filter((a) => a.path === path);
  assert.ok(pages.length > 0, `the page asked for ${path}`);
  const items = [];
  const seen = new Set();
  for (const p of pages) {
    const cursor = p.params.get("cursor") ?? "";
    if (seen.has(cursor)) continue; // asked again (after an action): the last answer is the same page
    seen.add(cursor);
    assert.equal(p.response.status(), 200, `${path}?${p.params}`);
    items.push(...(await p.response.json())[key]);
  }
  return items;
}

const firstMoney = (text) => shownCents(/-?\$[\d,]+\.\d{2}/.exec(text ?? "")?.[0] ?? "");

/** Compares everything the page shows with the page's own answers and with the database. */
async function compareAccount(number, shown, answers, db, { same }) {
  const path = (rest) => `/api/v1/staff/accounts/${number}${rest}`;
  const customer = (rest) => `/api/v1/accounts/${number}${rest}`;
  const detail = await answerOf(answers, path(""));
  const aging = await answerOf(answers, path("/aging"));
  const statement = await answerOf(answers, path("/statement"), (p) => [...p.keys()].length === 0);
  const bills = await pagedItems(answers, customer("/bills"), "bills");
  const payments = await pagedItems(answers, customer("/payments"), "payments");
  const prefs = await answerOf(answers, customer("/preferences"));
  const { arrangements } = await answerOf(answers, customer("/arrangements"));
  const at = (what) => `${number} ${what}`;
  const ledgerSum = sum(db.ledger.map((e) => e.cents));
  const byId = new Map(db.ledger.map((e) => [e.id, e]));

  // The header: who, what is owed and by when, the staff facts.
  same(at("account number"), shown.number, number, { money: false });
  same(at("header balance (screen vs API)"), shownCents(shown.balance), apiCents(detail.balance));
  same(at("header balance (screen vs ledger)"), shownCents(shown.balance), ledgerSum);
  const owed = detail.owed;
  same(at("owed.balance (API vs ledger)"), apiCents(owed.balance), ledgerSum);
  same(at("amount due now"), shownCents(shown.owedNow), apiCents(owed.now));
  same(at("past due"), shownCents(shown.pastDue), apiCents(owed.past_due));
  same(at("deferred"), shownCents(shown.deferred), apiCents(owed.deferred));
  if (apiCents(owed.credit) > 0) same(at("credit"), shownCents(shown.credit), apiCents(owed.credit));
  else same(at("credit shown though the API has none"), shown.credit, null, { money: false });
  if (owed.due_on) same(at("due date"), shownDate(shown.dueOn), owed.due_on, { money: false });
  else {
    const pastDue = apiCents(owed.past_due) > 0;
    same(at("due (no date)"), shown.dueOn, apiCents(owed.now) > 0 && !pastDue ? "With the next bill" : pastDue ? "Now (past due)" : "—", { money: false });
  }
  const facts = detail.staff_facts;
  const logins = /^No portal login$/.test(shown.portalLogins ?? "") ? 0 : Number(/^(\d+) portal logins?$/.exec(shown.portalLogins ?? "")?.[1] ?? NaN);
  same(at("portal logins"), logins, facts.portal_logins, { money: false });
  const held = shown.heldBills === "None" ? 0 : Number(/^(\d+) waiting for review/.exec(shown.heldBills ?? "")?.[1] ?? NaN);
  same(at("held bills (screen vs API)"), held, facts.held_bills, { money: false });
  same(at("held bills (screen vs database)"), held, db.held, { money: false });

  // How the amount due adds up: each line the API's, adding up to the balance less what is deferred.
  same(at("lines of how the amount due adds up"), shown.reasons.length, owed.reasons.length, { money: false });
  owed.reasons.forEach((r, i) => same(at(`amount due line ${i + 1} (${r.kind})`), shownCents(shown.reasons[i]), apiCents(r.amount)));
  if (owed.reasons.length > 0) {
    same(at("amount due total"), shownCents(shown.owedTotal), apiCents(owed.now));
    same(at("amount due lines add up to balance less deferred"), sum(shown.reasons.map(shownCents)), shownCents(shown.balance) - shownCents(shown.deferred));
  }

  // Aging: the API's buckets, adding up to the ledger's balance.
  same(at("aging as of"), shownDate(shown.aging.asOf), aging.as_of, { money: false });
  for (const bucket of ["current", "days_30", "days_60", "days_90_plus", "credit", "balance"]) {
    same(at(`aging ${bucket}`), shownCents(shown.aging[bucket]), apiCents(aging[bucket]));
  }
  same(at("aging balance (screen vs ledger)"), shownCents(shown.aging.balance), ledgerSum);
  same(at("aging buckets add up to the aging balance"),
    sum(["current", "days_30", "days_60", "days_90_plus", "credit"].map((b) => shownCents(shown.aging[b]))), shownCents(shown.aging.balance));

  // The statement of account: every ledger entry, its amount, the balance after it.
  const st = shown.statement;
  same(at("statement opening balance"), shownCents(st.opening), apiCents(statement.opening_balance));
  same(at("statement opening balance (ledger: nothing before the first entry)"), shownCents(st.opening), 0);
  same(at("statement closing balance (screen vs API)"), shownCents(st.closing), apiCents(statement.closing_balance));
  same(at("statement closing balance (screen vs ledger)"), shownCents(st.closing), ledgerSum);
  same(at("statement charges (screen vs API)"), shownCents(st.charges), apiCents(statement.charges));
  same(at("statement charges (screen vs ledger)"), shownCents(st.charges), sum(db.ledger.filter((e) => e.cents > 0).map((e) => e.cents)));
  same(at("statement credits (screen vs API)"), shownCents(st.credits), apiCents(statement.credits));
  same(at("statement credits (screen vs ledger)"), shownCents(st.credits), sum(db.ledger.filter((e) => e.cents < 0).map((e) => e.cents)));
  same(at("statement lines (screen vs API)"), st.rows.length, statement.lines.length, { money: false });
  same(at("statement lines (screen vs ledger entries)"), st.rows.length, db.ledger.length, { money: false });
  same(at("statement entries are the ledger's"), JSON.stringify(st.rows.map((r) => r.id).sort((a, b) => a - b)), JSON.stringify(db.ledger.map((e) => e.id)), { money: false });
  let running = 0;
  let lastDate = "";
  st.rows.forEach((row, i) => {
    const line = statement.lines[i] ?? {};
    const entry = byId.get(row.id) ?? {};
    const where = at(`statement line ${i + 1} (entry ${row.id}, ${row.kind})`);
    same(`${where} entry`, row.id, line.entry_id, { money: false });
    same(`${where} kind`, row.kind, entry.kind, { money: false });
    same(`${where} date (screen vs API)`, shownDate(row.date), line.effective_on, { money: false });
    same(`${where} date (screen vs ledger)`, shownDate(row.date), entry.effective_on, { money: false });
    same(`${where} amount (screen vs API)`, shownCents(row.amount), apiCents(line.amount));
    same(`${where} amount (screen vs ledger)`, shownCents(row.amount), entry.cents);
    running += entry.cents ?? NaN;
    same(`${where} balance after (screen vs API)`, shownCents(row.after), apiCents(line.balance_after));
    same(`${where} balance after (screen vs ledger's running sum)`, shownCents(row.after), running);
    same(`${where} oldest first`, (shownDate(row.date) ?? "") >= lastDate, true, { money: false });
    lastDate = shownDate(row.date) ?? lastDate;
  });
  if (st.rows.length > 0) same(at("statement's last balance after is the header's balance"), shownCents(st.rows.at(-1).after), shownCents(shown.balance));
  same(at("statement closing balance is the header's"), shownCents(st.closing), shownCents(shown.balance));

  // Bills: every page of them; each charge is the ledger's bill entry.
  same(at("bills listed (screen vs API)"), shown.bills.length, bills.length, { money: false });
  bills.forEach((b, i) => {
    const row = shown.bills[i] ?? {};
    const where = at(`bill ${b.number ?? `#${b.id}`}`);
    same(`${where} number`, b.number === null ? row.number : Number(/^Bill (\d+)$/.exec(row.number ?? "")?.[1] ?? NaN), b.number === null ? "—" : b.number, { money: false });
    same(`${where} bill date`, shownDate(row.date), b.bill_date, { money: false });
    same(`${where} due date`, shownDate(row.due), b.due_date, { money: false });
    same(`${where} charges`, shownCents(row.charges), apiCents(b.charges));
    same(`${where} amount due`, shownCents(row.amountDue), apiCents(b.amount_due));
    const budget = /Budget installment (-?\$[\d,]+\.\d{2})/.exec(row.notes ?? "")?.[1] ?? null;
    same(`${where} budget installment`, budget === null ? null : shownCents(budget), b.budget ? apiCents(b.budget.installment) : null, { money: false });
    const arranged = /Arrangement installment (-?\$[\d,]+\.\d{2})/.exec(row.notes ?? "")?.[1] ?? null;
    same(`${where} arrangement installment`, arranged === null ? null : shownCents(arranged), b.arrangement ? apiCents(b.arrangement.installment) : null, { money: false });
    if (b.status === "released" && b.number !== null) {
      const entries = db.ledger.filter((e) => e.kind === "bill" && e.reference === String(b.number));
      same(`${where} bill entries in the ledger`, entries.length, 1, { money: false });
      same(`${where} charges (screen vs ledger)`, shownCents(row.charges), entries[0]?.cents);
    }
  });
  const listed = new Set(bills.map((b) => String(b.number)));
  for (const e of db.ledger.filter((e) => e.kind === "bill")) same(at(`ledger bill entry ${e.id} (bill ${e.reference}) is listed`), listed.has(e.reference), true, { money: false });

  // Payments: every page of them; each is the ledger's payment entry (and reversal), with the balance after it.
  same(at("payments listed (screen vs API)"), shown.payments.length, payments.length, { money: false });
  same(at("payments listed (screen vs database)"), shown.payments.length, db.payments.length, { money: false });
  const dbPayments = new Map(db.payments.map((p) => [p.confirmation, p]));
  payments.forEach((p, i) => {
    const row = shown.payments[i] ?? {};
    const where = at(`payment ${p.confirmation}`);
    same(`${where} confirmation`, row.confirmation, p.confirmation, { money: false });
    same(`${where} date`, shownDate(row.date), p.effective_on, { money: false });
    same(`${where} amount (screen vs API)`, shownCents(row.amount), apiCents(p.amount));
    same(`${where} status (screen vs API)`, row.status, statusWords(p.status), { money: false });
    const stored = dbPayments.get(p.confirmation) ?? {};
    same(`${where} status (API vs database)`, p.status, stored.status, { money: false });
    same(`${where} amount (screen vs database)`, shownCents(row.amount), stored.cents);
    if (p.balance_after) same(`${where} balance after (screen vs API)`, shownCents(row.after), apiCents(p.balance_after));
    else same(`${where} balance after (none in the API)`, row.after, "—", { money: false });
    if (!["pending", "failed"].includes(p.status)) {
      const entries = db.ledger.filter((e) => e.kind === "payment" && e.reference === p.confirmation);
      same(`${where} payment entries in the ledger`, entries.length, 1, { money: false });
      same(`${where} amount (screen vs ledger credit)`, shownCents(row.amount), entries[0] ? -entries[0].cents : undefined);
      if (p.balance_after) {
        same(`${where} balance after (screen vs ledger through its entry)`, shownCents(row.after),
          sum(db.ledger.filter((e) => e.id <= stored.ledger_entry_id).map((e) => e.cents)));
      }
      if (["voided", "returned", "moved"].includes(p.status)) {
        const reversal = db.ledger.find((e) => e.kind === "reversal" && e.reverses_entry_id === entries[0]?.id);
        same(`${where} reversal in the ledger`, shownCents(row.amount), reversal?.cents);
      }
    }
  });

  // Budget billing and arrangements.
  if (prefs.budget) same(at("budget installment"), shownCents(shown.budget?.replace(/ a month$/, "")), apiCents(prefs.budget.installment));
  else same(at("budget billing"), /Not on budget billing/.test(shown.budgetSection ?? "") && shown.budget === null, true, { money: false });
  same(at("arrangements listed"), shown.arrangements.length, arrangements.length, { money: false });
  arrangements.forEach((a, i) => {
    const li = shown.arrangements[i] ?? {};
    const where = at(`arrangement ${a.id}`);
    same(`${where} status`, li.status, statusWords(a.status), { money: false });
    same(`${where} past due taken on`, shownCents(li.pastDue), apiCents(a.past_due));
    same(`${where} down payment`, firstMoney(li.down), apiCents(a.down_payment));
    const m = /^(\d+) of (\d+) billed, (-?\$[\d,]+\.\d{2}) each(?: \(last (-?\$[\d,]+\.\d{2})\))?$/.exec(li.installments ?? "");
    same(`${where} installments billed`, m ? Number(m[1]) : null, a.installments_billed, { money: false });
    same(`${where} installments`, m ? Number(m[2]) : null, a.installments, { money: false });
    same(`${where} installment`, m ? shownCents(m[3]) : null, apiCents(a.installment));
    same(`${where} last installment`, m ? (m[4] ? shownCents(m[4]) : shownCents(m[3])) : null, apiCents(a.last_installment));
  });

  return {
    lines: st.rows.length,
    bills: bills.length,
    payments: payments.length,
    budget: !!prefs.budget,
    arrangements: arrangements.length,
    deferred: apiCents(owed.deferred),
    credit: apiCents(owed.credit),
    voided: payments.filter((p) => p.status === "voided").length,
  };
}

/** The same records twice: nothing changed the account while its page was read. */
const unchanged = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// ---- tests -----------------------------------------------------------------------------------

test("the account page: every figure is the API's answer and the ledger's, on several accounts", async (t) => {
  const context = await signedInContext(t);
  const errors = [];
  const { numbers, setUp } = chosen;
  assert.ok(numbers.length >= 5, `accounts to read: ${numbers.join(", ")}`);
  const differences = [];
  const seen = [];
  let made = 0;
  for (const number of numbers) {
    for (let attempt = 1; ; attempt++) {
      const before = await accountRecords(number);
      const tab = await watchedTab(context, errors);
      const answers = recordAnswers(tab);
      await openAccountPage(tab, number);
      const shown = await readAccountPage(tab);
      const after = await accountRecords(number);
      if (!unchanged(before, after) && attempt < 4) {
        t.diagnostic(`${number} changed while its page was read: read again`);
        await tab.close();
        continue;
      }
      const c = comparisons();
      const facts = await compareAccount(number, shown, answers, after, c);
      if (number === setUp.budget || number === setUp.arrangement) {
        await tab.screenshot({ path: join(ARTIFACTS, `staff-figures-${number}.png`), fullPage: true });
      }
      await tab.close();
      differences.push(...c.differences);
      made += c.count();
      seen.push({ number, ...facts });
      break;
    }
  }

  // What was compared reached every kind of figure.
  const of = (n) => seen.find((s) => s.number === n);
  assert.ok(seen.every((s) => s.lines > 0), "every account read has statement lines");
  assert.ok(seen.some((s) => s.payments > 20), "some account's payments run over more than one page");
  assert.ok(seen.some((s) => s.bills > 12), "some account's bills run over more than one page");
  assert.ok(of(setUp.budget).budget, `${setUp.budget} shows its budget plan`);
  assert.ok(of(setUp.arrangement).arrangements > 0 && of(setUp.arrangement).deferred > 0, `${setUp.arrangement} shows its arrangement and what it defers`);
  assert.ok(of(setUp.budget).voided > 0, `${setUp.budget} shows its voided payment`);
  assert.ok(of(setUp.credit).credit > 0, `${setUp.credit} shows its credit balance`);
  t.diagnostic(`${made} figures compared on ${seen.length} accounts (${seen.map((s) => s.number).join(", ")})`);
  assert.deepEqual(differences, [], "figures on the account page that are not the API's or the ledger's");
  assert.deepEqual(errors, []);
});

test("the search: each account's balance is the search answer's and the ledger's", async (t) => {
  const { page, errors } = await newPage(t);
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${BASE}/staff.html`);
    const box = page.getByRole("searchbox", { name: "Search accounts" });
    await box.fill(chosen.q);
    const searched = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/accounts");
    const ledgerBefore = await sql("SELECT COUNT(*) AS n, MAX(id) AS last FROM ledger_entries");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const answer = await (await searched).json();
    const list = page.getByRole("list", { name: "Matching accounts" });
    await list.getByRole("link").first().waitFor();
    const rows = await list.locator("li").evaluateAll((items) =>
      items.map((li) => ({
        number: li.querySelector(".number")?.textContent.replace(/^Account\s*/, "").trim(),
        balance: /-?\$[\d,]+\.\d{2}/.exec(li.querySelector(".balance")?.textContent ?? "")?.[0] ?? null,
        status: li.querySelector(".balance .badge")?.textContent.trim(),
      })),
    );
    const found = (await page.locator("p.status-line").filter({ hasText: /found\.$/ }).textContent()).trim();
    const ledger = await sql(`SELECT a.number, COALESCE(SUM(le.amount_cents), 0) AS cents FROM accounts a
                                LEFT JOIN ledger_entries le ON le.account_id = a.id GROUP BY a.id`);
    const ledgerAfter = await sql("SELECT COUNT(*) AS n, MAX(id) AS last FROM ledger_entries");
    if (!unchanged(ledgerBefore, ledgerAfter) && attempt < 4) continue;
    const balances = new Map(ledger.map((r) => [r.number, r.cents]));
    const { same, differences, count } = comparisons();
    same("results listed", rows.length, answer.items.length, { money: false });
    same("the count said above the results", found, `${answer.items.length}${answer.next_cursor ? "+" : ""} accounts found.`, { money: false });
    answer.items.forEach((a, i) => {
      const row = rows[i] ?? {};
      same(`result ${i + 1} account`, row.number, a.account_number, { money: false });
      same(`result ${a.account_number} status`, row.status, a.status, { money: false });
      same(`result ${a.account_number} balance (screen vs API)`, shownCents(row.balance), apiCents(a.balance));
      same(`result ${a.account_number} balance (screen vs ledger)`, shownCents(row.balance), balances.get(a.account_number));
    });
    assert.ok(rows.length >= 10, `the search for "${chosen.q}" lists accounts`);
    await page.screenshot({ path: join(ARTIFACTS, "staff-figures-search.png") });
    t.diagnostic(`${count()} figures compared on ${rows.length} results`);
    assert.deepEqual(differences, [], "search results that are not the API's or the ledger's");
    break;
  }
  assert.deepEqual(errors, []);
});

/** The queues' counts as the database holds them (src/api/sql/work_queue_counts.sql's tables). */
const databaseCounts = async () =>
  (await sql(`SELECT (SELECT COUNT(*) FROM bills WHERE status = 'held') AS bill_holds,
                     (SELECT COUNT(*) FROM vee_exceptions WHERE status = 'open') AS vee_exceptions,
                     (SELECT COUNT(*) FROM adjustments WHERE status = 'pending') AS adjustments,
                     (SELECT COUNT(*) FROM lockbox_items WHERE status = 'suspense') AS lockbox_suspense,
                     (SELECT COUNT(*) FROM payments WHERE status = 'pending') AS pending_payments,
                     (SELECT COUNT(*) FROM bill_runs WHERE status = 'running') AS bill_runs_running`))[0];

const QUEUES = [
  ["bill-holds", "bill_holds", "Bill holds", "waiting"],
  ["vee-exceptions", "vee_exceptions", "Meter-read exceptions", "waiting"],
  ["adjustments", "adjustments", "Adjustments to approve", "waiting"],
  ["lockbox", "lockbox_suspense", "Lockbox suspense", "waiting"],
  ["pending-payments", "pending_payments", "Pending payments", "waiting"],
  ["bill-runs", "bill_runs_running", "Bill runs", "running"],
];

test("work queues: each count on the navigation and the overview is the API's and the database's", async (t) => {
  const { page, errors } = await newPage(t);
  for (let attempt = 1; ; attempt++) {
    const before = await databaseCounts();
    const counted = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/work-queues");
    await page.goto(`${BASE}/staff.html#/queues`);
    const answer = await (await counted).json();
    await page.getByRole("heading", { level: 1, name: "Work queues", exact: true }).waitFor();
    const nav = page.getByRole("navigation", { name: "Work queues" });
    await nav.getByTestId("queue-count-bill-holds").waitFor();
    const shown = {};
    for (const [id] of QUEUES) {
      shown[id] = {
        badge: (await nav.getByTestId(`queue-count-${id}`).textContent()).trim(),
        label: await nav.getByTestId(`queue-link-${id}`).getAttribute("aria-label"),
        card: (await page.locator(".queue-cards li").filter({ has: page.getByRole("heading", { level: 2, name: QUEUES.find((q) => q[0] === id)[2], exact: true }) })
          .locator(".queue-card-count").textContent()).trim(),
      };
    }
    const after = await databaseCounts();
    if (!unchanged(before, after) && attempt < 4) continue;
    const { same, differences, count } = comparisons();
    for (const [id, key, label, word] of QUEUES) {
      same(`${label}: the navigation's badge (screen vs API)`, shownCount(shown[id].badge), answer[key], { money: false });
      same(`${label}: the navigation's badge (screen vs database)`, shownCount(shown[id].badge), after[key], { money: false });
      const read = /^(.*), (\d+) (waiting|running)$/.exec(shown[id].label ?? "");
      same(`${label}: the link as it is read out`, read ? Number(read[2]) : null, answer[key], { money: false });
      same(`${label}: the link's words`, read ? `${read[1]} ${read[3]}` : shown[id].label, `${label} ${word}`, { money: false });
      const card = /^(\d+) (waiting|running)$/.exec(shown[id].card);
      same(`${label}: the overview's count`, card ? Number(card[1]) : null, answer[key], { money: false });
    }
    await page.screenshot({ path: join(ARTIFACTS, "staff-figures-work.png") });
    t.diagnostic(`${count()} counts compared`);
    assert.deepEqual(differences, [], "work queue counts that are not the API's or the database's");
    break;
  }
  assert.deepEqual(errors, []);
});

test("the aging report: its rows and totals are the sum of every account's aging and the ledger's", async (t) => {
  const { page, errors } = await newPage(t);
  const ledgerState = () => sql("SELECT COUNT(*) AS n, MAX(id) AS last FROM ledger_entries");
  for (let attempt = 1; ; attempt++) {
    const before = await ledgerState();
    const reported = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/staff/reports/aging");
    await page.goto(`${BASE}/staff.html#/reports/aging`);
    const answer = await (await reported).json();
    const table = page.getByTestId("report-table");
    await table.waitFor();
    const cells = (rows) => rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent.trim())));
    const shownRows = await cells(table.locator("tbody tr"));
    const shownTotals = await cells(table.getByTestId("report-totals"));
    const asOf = (await page.getByTestId("report-as-of").textContent()).trim();

    // Every account's aging (the API, as the key) and balance (the ledger), by the report's class:
    // the class of the rate plan of the account's first service agreement.
    const accounts = await sql(`SELECT a.number, COALESCE(rp.customer_class, 'none') AS class,
                                       (SELECT COALESCE(SUM(le.amount_cents), 0) FROM ledger_entries le WHERE le.account_id = a.id) AS cents,
                                       (SELECT COUNT(*) FROM ledger_entries le WHERE le.account_id = a.id) AS entries
                                  FROM accounts a
                                  LEFT JOIN service_agreements sa ON sa.id = (SELECT MIN(id) FROM service_agreements WHERE account_id = a.id)
                                  LEFT JOIN rate_plans rp ON rp.id = sa.rate_plan_id`);
    const agings = [];
    for (let i = 0; i < accounts.length; i += 16) {
      agings.push(...(await Promise.all(accounts.slice(i, i + 16).map((a) => apiKeyGet(`/api/v1/staff/accounts/${a.number}/aging`)))));
    }
    const after = await ledgerState();
    if (!unchanged(before, after) && attempt < 4) continue;

    const keys = answer.columns.map((c) => c.key);
    const expected = new Map();
    const add = (name, a, aging) => {
      const e = expected.get(name) ?? { owing: 0, current: 0, days_30: 0, days_60: 0, days_90_plus: 0, credit: 0, total: 0, ledgerTotal: 0, ledgerCredit: 0 };
      e.owing += a.cents > 0 ? 1 : 0;
      for (const b of ["current", "days_30", "days_60", "days_90_plus", "credit"]) e[b] += apiCents(aging[b]);
      e.total += apiCents(aging.balance);
      e.ledgerTotal += a.cents;
      e.ledgerCredit += Math.min(a.cents, 0);
      expected.set(name, e);
    };
    accounts.forEach((a, i) => {
      // (The report ages the accounts the ledger has entries of: a class of none but new accounts is not a row.)
      if (a.entries > 0 || expected.has(a.class)) add(a.class, a, agings[i]);
      add("All classes", a, agings[i]);
    });

    const { same, differences, count } = comparisons();
    same("as of", shownDate(asOf.replace(/^As of /, "").replace(/\.$/, "")), answer.to, { money: false });
    same("classes listed (screen vs API)", shownRows.length, answer.rows.length, { money: false });
    same("classes listed (API vs accounts' classes)", answer.rows.length, expected.size - 1, { money: false });
    const compareRow = (shownCells, apiRow, where) => {
      const name = apiRow[0];
      same(`${where} class`, shownCells?.[0], name, { money: false });
      const e = expected.get(name);
      keys.forEach((key, j) => {
        if (j === 0) return;
        const kind = answer.columns[j].kind;
        const fromScreen = kind === "money" ? shownCents(shownCells?.[j]) : shownCount(shownCells?.[j]);
        same(`${where} ${key} (screen vs API)`, fromScreen, apiRow[j], { money: kind === "money" });
        if (!e) return;
        const fromAccounts = key === "accounts_owing" ? e.owing : e[key];
        same(`${where} ${key} (screen vs the sum of every account's aging)`, fromScreen, fromAccounts, { money: kind === "money" });
        if (key === "total") same(`${where} total (screen vs ledger)`, fromScreen, e.ledgerTotal);
        if (key === "credit") same(`${where} credit balances (screen vs ledger)`, fromScreen, e.ledgerCredit);
      });
      same(`${where} known class`, e !== undefined, true, { money: false });
    };
    answer.rows.forEach((row, i) => compareRow(shownRows[i], row, `aging report row ${row[0]}`));
    same("totals rows", shownTotals.length, answer.totals.length, { money: false });
    answer.totals.forEach((row, i) => compareRow(shownTotals[i], row, "aging report totals"));
    await page.screenshot({ path: join(ARTIFACTS, "staff-figures-aging-report.png"), fullPage: true });
    t.diagnostic(`${count()} figures compared over ${accounts.length} accounts`);
    assert.deepEqual(differences, [], "aging report figures that are not the accounts' aging or the ledger's");
    break;
  }
  assert.deepEqual(errors, []);
});
