// A browser test of an account's whole life, end to end, against a running Ratepayer server, as
// the product's acceptance asks: "a new customer starts service at a vacant premise from the portal;
// a dispatcher schedules it; a technician completes it on a phone with a read; the customer sees
// each status live and, after the cycle, a first bill prorated from the start day. A customer moves
// out and has a final bill the same day."
//
// Set up over the API: a generated account whose premise has electricity on an AMI meter, water
// read by drive-by and a sewer moves out (staff's move-out, its last day 4 days ago), so the premise
// is vacant from 3 days ago. Then in the browser: someone new starts service there on the portal (a
// phone) from 3 days ago, the earliest the utility allows; an administrator activates the
// application in the console on the bill cycle read since then (the water is not read by its own
// meter, so the start needs a visit); the customer sets up online access with the account number
// and keeps the request's page open while a dispatcher schedules the visit today and dispatches it
// to a crew on the board, and the technician, on a phone, goes on the way, arrives and completes it
// with the water meter's reading, weeks of the previous customer's water past its last one (its
// field the size of the form's others): the open page shows each status as it happens, never
// reloaded. The cycle's bill run (started over the API, as staff_console.test.mjs does from the
// console) makes the first bill: in the customer's Bills, from the start day, each service's fixed
// charge prorated to its days, its water from the move-in read (none of the previous customer's). The same day the customer stops
// service from the portal (last day today); the dispatcher and the technician do the final read; the
// request page says the service has stopped and, live, links the final bill, which is in Bills the
// same day, marked final, for today alone ("1 day"; "1 día" in Spanish). A bill a check holds (no water used since the move-in
// read: "zero usage") is approved over the API as the console's Approve does, and the test says
// so. Screens are photographed at phone size and on a desktop under
// $RATEPAYER_E2E_ARTIFACTS/lifecycle-*.png (each checked for overflow and by axe).
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_ACCOUNT, RATEPAYER_E2E_SECOND_ACCOUNT,
//   RATEPAYER_E2E_MAIL_DIR, RATEPAYER_E2E_DB  as for portal.test.mjs
//   RATEPAYER_BIN=build/ratepayer   the server's binary (optional; default build/ratepayer), to add
//                                   this file's own staff users
//
// Its name sorts last: its bill run (the cycle read since the start day) comes after the other
// files, which share the server. On the few days a month when no cycle reads between the start
// day (exclusive) and today (after the last cycle of a month with more business days than
// cycles), the first bill's test checks there is no bill yet, saying so, and the move-out's final
// bill covers the whole service from the start day. Run it on a fresh database (scripts/test.sh makes one): it applies for service
// once, of the 5 applications an hour one address may make.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { chromium } from "playwright-core";
import {
  required, baseUrl, launchBrowser, openPage, photographer, PHONE, DESKTOP, apiKeyGet, asApiKey, newestEmailTo,
  ownStaffConsole, ownStaffUser, signInToConsole, sql, plain, dayIn, dayWords, nowIn, windowWords, assertEventually, inLanguage,
} from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
required("RATEPAYER_E2E_MAIL_DIR");
required("RATEPAYER_E2E_DB");
// Accounts other browser tests sign up with: not used here.
const TAKEN = new Set([required("RATEPAYER_E2E_ACCOUNT"), required("RATEPAYER_E2E_SECOND_ACCOUNT")]);
/** A crew of this file's own (not listed: no limit a day). */
const CREW = `Crew L${randomBytes(2).toString("hex")}`;

let browser;

before(async () => {
  browser = await launchBrowser(chromium);
});

after(async () => {
  await browser?.close();
});

/** Nothing wider than the screen, axe finds nothing, and the part is photographed as lifecycle-<name>.png. */
const photograph = photographer("lifecycle");

const main = (page) => page.locator("main");

const CUSTOMER = {
  name: "Rosa Lindqvist",
  email: `rosa.lindqvist.${randomBytes(3).toString("hex")}@example.com`,
  password: `lifecycle ${randomBytes(4).toString("hex")} kettle`,
};

/**
 * What the tests before found and made, in order (node:test runs a file's tests one after the
 * other): the premise moved out of, the days, the cycle, the application, and the signed-in pages'
 * storage (to open them again without signing in again).
 */
const life = {};

/**
 * An account to move out, away from those other files take (the messages test's first 40, the
 * start-service test's from the 60th, the high-usage test's newest 60): active, in English, nothing
 * owed, no unit, with electricity on an AMI meter, water read by drive-by (so a start there needs a
 * visit) and a sewer without a meter; moved out by staff with its last day `lastDay` (one whose
 * bill already runs past it is refused, 409: the next is tried). Returns its number and service
 * address (read before the move-out, after which the account has none).
 */
async function moveOutOfPremise(lastDay) {
  const newest = new Set((await sql(
    "SELECT number FROM accounts WHERE status = 'active' AND language = 'en' ORDER BY id DESC LIMIT 60;",
  )).split("\n"));
  const rows = (await sql(
    "SELECT o.number, (SELECT group_concat(sp.commodity || ':' || COALESCE(m.kind, '-'), ',') FROM service_agreements sa " +
    "JOIN service_points sp ON sp.id = sa.service_point_id LEFT JOIN meters m ON m.service_point_id = sp.id " +
    "WHERE sa.account_id = o.id AND sa.end_date IS NULL) FROM account_overview o JOIN accounts a ON a.id = o.id " +
    "WHERE o.status = 'active' AND a.language = 'en' AND COALESCE(o.line2, '') = '' AND o.balance_cents <= 0 " +
    "ORDER BY o.id LIMIT 20 OFFSET 40;",
  )).split("\n").map((line) => line.split("|"));
  for (const [number, services] of rows) {
    if (TAKEN.has(number) || newest.has(number)) continue;
    if ((services ?? "").split(",").sort().join(",") !== "electric:ami,sewer:-,water:amr") continue;
    const account = await apiKeyGet(`/api/v1/staff/accounts/${number}`);
    if (!account.service_address) continue;
    const moved = await asApiKey("POST", `/api/v1/staff/accounts/${number}/move-out`, { last_day: lastDay });
    if (moved.status === 409) continue;
    assert.equal(moved.status, 200, `move-out of ${number}: ${moved.status} ${JSON.stringify(moved.body)}`);
    return { number, address: account.service_address };
  }
  assert.fail("the test utility has an account with electricity on an AMI meter, water read by drive-by and a sewer to move out");
}

/** `day` moved by `days`: addDays("2026-12-07", -1) is "2026-12-06". */
function addDays(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The month before "2026-12": "2026-11". */
function monthBefore(month) {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/**
 * The bill cycle read after `startDay` and by `today` (its run bills the days from the start day
 * up to its read date): today's if one reads today, else the latest; null when none does.
 */
async function cycleReadSince(startDay, today) {
  const cycles = [];
  for (const month of [monthBefore(today.slice(0, 7)), today.slice(0, 7)]) {
    cycles.push(...(await apiKeyGet(`/api/v1/staff/bill-schedule?month=${month}`)).cycles);
  }
  const read = cycles.filter((c) => c.read_date > startDay && c.read_date <= today);
  read.sort((a, b) => (a.read_date < b.read_date ? 1 : -1));
  return read[0] ?? null;
}

test("someone new starts service on the portal at a premise vacant since its customer moved out, from 3 days ago", async (t) => {
  const { time_zone: zone } = await (await fetch(`${BASE}/api/v1/utility`)).json();
  const today = dayIn(zone);
  const startDay = dayIn(zone, -3);
  const premise = await moveOutOfPremise(dayIn(zone, -4));
  const cycle = await cycleReadSince(startDay, today);
  Object.assign(life, { zone, today, startDay, premise, cycle });
  t.diagnostic(`account ${premise.number} moved out; start day ${startDay}; cycle ${cycle ? `${cycle.cycle}, read ${cycle.read_date}` : "none read since"}`);

  const { page, errors } = await openPage(browser, t, PHONE);
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole("link", { name: "Moving in? Start service" }).click();
  await page.getByRole("heading", { level: 1, name: "Start service" }).waitFor();
  const line = `${premise.address.line1}, ${premise.address.city}, ${premise.address.state} ${premise.address.zip}`;
  await page.getByLabel("House number and street").fill(premise.address.line1);
  await page.getByLabel("ZIP code (optional)").fill(premise.address.zip);
  await page.getByRole("button", { name: "Find the address" }).click();
  const match = page.getByRole("radio", { name: line });
  await match.waitFor();
  assert.equal(await match.isChecked(), true, "the only match is chosen");
  await page.getByRole("button", { name: "Continue" }).click();

  // Every service the premise has, each on its residential plan; service from 3 days ago, the earliest allowed.
  await page.getByRole("heading", { level: 2, name: "Step 2 of 4 Services and start day" }).waitFor();
  for (const name of ["Electricity", "Sewer", "Water"]) assert.equal(await page.getByRole("checkbox", { name }).isChecked(), true, name);
  const start = page.getByLabel("Start day", { exact: true });
  assert.equal(await start.getAttribute("min"), startDay, "3 days back is the earliest start day");
  await start.fill(startDay);
  await photograph(page, main(page), "start-services-phone");
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByRole("heading", { level: 2, name: "Step 3 of 4 About you" }).waitFor();
  await page.getByLabel("Full name", { exact: true }).fill(CUSTOMER.name);
  await page.getByLabel("Email", { exact: true }).fill(CUSTOMER.email);
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByRole("heading", { level: 2, name: "Step 4 of 4 Check before you send" }).waitFor();
  assert.equal(plain(await page.getByTestId("start-review-address").textContent()), line);
  await page.getByText(dayWords(startDay)).waitFor();
  const sent = page.waitForResponse((r) => r.url().endsWith("/api/v1/service-applications"));
  await page.getByRole("button", { name: "Send my application" }).click();
  const answer = await sent;
  assert.equal(answer.status(), 201, await answer.text());
  const { order, account } = await answer.json();
  assert.equal(answer.request().postDataJSON().start_date, startDay);

  // The confirmation names the application and the account number to register with.
  await page.getByRole("heading", { level: 2, name: "Application received" }).waitFor();
  assert.equal(plain(await page.getByTestId("start-done").textContent()),
    `Application ${order.number} received. Your account number will be ${account}. We will email you when service is set up.`);
  await photograph(page, main(page), "start-done-phone");
  life.application = { order: order.number, account, digits: account.replace(/\D/g, "") };
  assert.deepEqual(errors, []);
});

const staffConsole = ownStaffConsole({ tag: "life-admin", name: "Lou Lifecycle" });

test("an administrator activates the application on the cycle read since the start day: it needs a visit", async (t) => {
  const { application, startDay, cycle } = life;
  assert.ok(application, "the test before applied");
  const { page, errors } = await staffConsole(browser, t, DESKTOP);
  await page.goto(`${BASE}/staff.html#/queues/applications`);
  await page.getByRole("heading", { level: 1, name: "Applications" }).waitFor();
  const row = page.locator(`[data-testid="application-row"][data-order="${application.order}"]`);
  await row.getByRole("link", { name: application.account }).waitFor();
  assert.equal(await row.getByTestId("account-standing").innerText(), "Waiting for activation");
  await row.getByText(dayWords(startDay)).waitFor();
  await photograph(page, page.locator(".work-screen"), "applications-desktop");

  await row.getByRole("button", { name: `Activate… ${application.order}` }).click();
  if (cycle) await row.getByLabel("Bill cycle (optional)").fill(String(cycle.cycle));
  await row.getByRole("button", { name: "Activate", exact: true }).click();
  await page.getByTestId("applications-outcome").filter({
    hasText: `Activated ${application.order}: account ${application.account} is active, and its services start on ${dayWords(startDay)}. ` +
      "It needs a visit (a meter is read by hand, or there is none): schedule it.",
  }).waitFor();
  await row.getByText("Activated: needs a visit").waitFor();
  await photograph(page, page.locator(".work-screen"), "activated-desktop");
  const activated = await apiKeyGet(`/api/v1/staff/accounts/${application.digits}`);
  assert.equal(activated.status, "active");
  if (cycle) assert.equal(await sql(`SELECT bill_cycle FROM accounts WHERE number = '${application.digits}';`), String(cycle.cycle));
  assert.deepEqual(errors, []);
});

/** The status of the request open on the customer's `page`. */
const requestStatus = (page) => page.getByTestId("request-status");

/**
 * The dispatcher on the board (#/dispatch, today): schedules `order` today from the next whole
 * hour to 23:30 and dispatches it to CREW. `onScheduled` runs between the two (the customer's page
 * is checked there). Returns the order as the server then has it.
 */
async function scheduleAndDispatch(page, order, onScheduled) {
  const { day, from } = nowIn(life.zone);
  await page.goto(`${BASE}/staff.html#/dispatch`);
  await page.getByRole("heading", { level: 1, name: "Dispatch" }).waitFor();
  await page.getByTestId("dispatch-status").filter({ hasText: /orders? on .*to schedule\./ }).waitFor();
  const unscheduled = page.locator("section.unscheduled");
  const showAll = unscheduled.getByRole("button", { name: /^Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  const card = unscheduled.locator(`[data-testid=order-card][data-order=${order}]`);
  await card.waitFor();
  await card.getByRole("button", { name: `Schedule… ${order}` }).click();
  const form = card.getByRole("form", { name: `Schedule ${order}` });
  assert.equal(await form.getByLabel("Day of the visit").inputValue(), day, "today is offered");
  await form.getByLabel("From").fill(from);
  await form.getByLabel("To").fill("23:30");
  await form.getByRole("button", { name: "Schedule", exact: true }).click();
  await page.getByTestId("dispatch-outcome").filter({ hasText: `Scheduled ${order}.` }).waitFor();
  await onScheduled?.();

  const scheduled = page.locator("[data-testid=crew-column][data-crew='']").locator(`[data-order=${order}]`);
  await scheduled.getByRole("button", { name: `Dispatch… ${order}` }).click();
  await scheduled.getByLabel("Crew").fill(CREW);
  await scheduled.getByRole("button", { name: "Dispatch", exact: true }).click();
  await page.getByTestId("dispatch-outcome").filter({ hasText: `Dispatched ${order} to ${CREW}.` }).waitFor();
  await page.locator(`[data-testid=crew-column][data-crew='${CREW}']`).locator(`[data-order=${order}]`).getByText("Dispatched").waitFor();
  return (await apiKeyGet(`/api/v1/staff/service-orders/${order}`)).order;
}

/**
 * The technician's phone on #/field, CREW's orders today: opens `order` and goes on the way
 * (`onMove("en_route")` runs after), arrives (`onMove("on_site")`), then opens Complete. Returns the
 * Complete form.
 */
async function goAndArrive(page, order, onMove) {
  await page.goto(`${BASE}/staff.html#/field`);
  const crew = page.getByLabel("Crew", { exact: true });
  await page.getByRole("heading", { level: 1, name: `Today, ${CREW}` }).or(crew).waitFor();
  if (await crew.isVisible()) {
    await crew.fill(CREW);
    await page.getByRole("button", { name: "Show my orders" }).click();
  }
  await page.getByRole("heading", { level: 1, name: `Today, ${CREW}` }).waitFor();
  await page.locator(`[data-testid=field-order][data-order=${order}]`).click();
  const status = page.getByTestId("order-status");
  await status.filter({ hasText: "Dispatched" }).waitFor();
  const settled = () => page.waitForFunction(() => !document.querySelector("[data-testid=waiting-moves]"));
  await page.getByRole("button", { name: "On my way" }).click();
  await status.filter({ hasText: "On the way" }).waitFor();
  await settled();
  await onMove?.("en_route");
  await page.getByRole("button", { name: "Arrived" }).click();
  await status.filter({ hasText: "On site" }).waitFor();
  await settled();
  await onMove?.("on_site");
  await page.getByRole("button", { name: "Complete…" }).click();
  return page.getByRole("form", { name: "Complete the work" });
}

/**
 * Completes on the Complete form with each meter read by hand at its last reading (shown on the
 * page) plus `more`; should the server find a reading unlikely, the technician confirms it is
 * right. The form is photographed as `name`. Returns { serial, unit, reading } of the water meter
 * read, once the order is completed.
 */
async function completeWithReads(page, form, order, more, name) {
  const meters = (await apiKeyGet(`/api/v1/staff/service-orders/${order}`)).order.site.meters.filter((m) => !m.automatic && m.serial);
  assert.equal(meters.length, 1, `one meter read by hand (the water's): ${JSON.stringify(meters)}`);
  const [meter] = meters;
  const input = form.getByLabel(`Reading of meter ${meter.serial} (${meter.unit})`);
  const hint = plain(await form.locator("#reading-0-hint").textContent());
  const last = Number(/^Last reading ([\d.]+)\.$/.exec(hint)?.[1]);
  assert.ok(Number.isFinite(last) && last >= 0, `the page shows the last reading: ${hint}`);
  assert.ok(Math.abs(last - Number(meter.last_reading)) < 0.001, `the page's last reading is the server's (${meter.last_reading})`);
  // The reading's field is styled like the form's other fields: a full-height touch target.
  const box = await input.boundingBox();
  assert.ok(box.height >= 44, `the reading's field is ${box.height}px high`);
  const reading = String(Math.ceil(last) + more);
  await input.fill(reading);
  await photograph(page, form, name);
  await form.getByRole("button", { name: "Complete", exact: true }).click();
  const refused = page.getByTestId("move-refused");
  await assertEventually(async () => {
    if ((await refused.count()) > 0 && (await refused.getByRole("button", { name: "It is right" }).count()) > 0) {
      await refused.getByRole("button", { name: "It is right" }).click();
    }
    return (await apiKeyGet(`/api/v1/staff/service-orders/${order}`)).order.status === "completed";
  }, `${order} is completed`, 20_000);
  await page.getByTestId("order-status").filter({ hasText: "Completed" }).waitFor();
  return { serial: meter.serial, unit: meter.unit, reading };
}

const dispatcherUser = () => (life.dispatcher ??= ownStaffUser({ tag: "life-dispatch", name: "Dara Dispatch", role: "field_dispatcher" }));
const technicianUser = () => (life.technician ??= ownStaffUser({ tag: "life-field", name: "Tomas Field", role: "field_technician" }));

test("the customer sets up online access and follows the start live while a dispatcher schedules it and a technician completes it with a read", async (t) => {
  const { application, premise, zone } = life;
  assert.equal((await apiKeyGet(`/api/v1/staff/accounts/${application.digits}`)).status, "active", "the test before activated it");
  const [dispatcher, technician] = await Promise.all([dispatcherUser(), technicianUser()]);

  // The customer: online access with the account number, then Requests.
  const customer = await openPage(browser, t, PHONE);
  const page = customer.page;
  await page.goto(`${BASE}/register`);
  await page.getByLabel("Email").fill(CUSTOMER.email);
  await page.getByLabel("Service address (number and street)").fill(premise.address.line1);
  await page.getByLabel("ZIP code").fill(premise.address.zip);
  await page.getByLabel(/^Account number/).fill(application.account);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
  const { match: link } = await newestEmailTo(CUSTOMER.email, /https?:\/\/\S+\/verify\?token=\S+/);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(CUSTOMER.password);
  await page.getByLabel("New password again").fill(CUSTOMER.password);
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Requests", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Requests" }).waitFor();
  const row = page.locator(`[data-testid="request"][data-order="${application.order}"]`);
  await row.getByTestId("request-status").filter({ hasText: "Received" }).waitFor();
  await photograph(page, main(page), "requests-phone");
  await row.getByRole("link", { name: "Start service" }).click();
  await page.getByRole("heading", { level: 1, name: "Start service" }).waitFor();
  const status = requestStatus(page);
  await status.filter({ hasText: "Received" }).waitFor();
  await page.getByTestId("request-window").filter({ hasText: "Not set yet: we will let you know." }).waitFor();
  await photograph(page, main(page), "start-received-phone");
  // From here the page stays open: every change below arrives without a reload.
  const navigations = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });

  // The dispatcher schedules the visit today and dispatches it; the customer sees each.
  const desk = await openPage(browser, t, DESKTOP);
  await signInToConsole(desk.page, await dispatcher);
  const dispatched = await scheduleAndDispatch(desk.page, application.order, async () => {
    await status.filter({ hasText: "Scheduled" }).waitFor();
    const scheduled = (await apiKeyGet(`/api/v1/staff/service-orders/${application.order}`)).order;
    assert.equal(plain(await page.getByTestId("request-window").textContent()), windowWords(scheduled.window_start, scheduled.window_end, zone));
    await page.getByTestId("request-move").filter({ hasText: "We scheduled the visit." }).waitFor();
    await photograph(page, main(page), "start-scheduled-phone");
  });
  assert.equal(dispatched.crew, CREW);
  await status.filter({ hasText: "Crew assigned" }).waitFor();
  await page.getByTestId("request-move").filter({ hasText: "We assigned a crew." }).waitFor();
  await photograph(desk.page, desk.page.locator(".dispatch-board"), "board-desktop");

  // The technician, on a phone: on the way, there, done with the water meter's reading.
  const phone = await openPage(browser, t, PHONE);
  await signInToConsole(phone.page, await technician);
  const form = await goAndArrive(phone.page, application.order, async (now) => {
    if (now === "en_route") {
      await status.filter({ hasText: "Crew on the way" }).waitFor();
      await page.getByTestId("request-explain").filter({ hasText: "The crew is on the way to your address." }).waitFor();
      await photograph(page, main(page), "start-en-route-phone");
    } else {
      await status.filter({ hasText: "Crew at your address" }).waitFor();
    }
  });
  // The dial weeks past its last reading (the previous customer's water since): the move-in read
  // starts this customer's first bill, so none of that water is billed to them.
  const read = await completeWithReads(phone.page, form, application.order, 35000, "field-complete-start-phone");
  await photograph(phone.page, phone.page.locator(".field-page"), "field-start-done-phone");
  await status.filter({ hasText: "Completed" }).waitFor();
  await page.getByTestId("request-explain").filter({ hasText: "The work is done." }).waitFor();
  await page.getByTestId("request-read").filter({ hasText: `Meter ${read.serial}: ${Number(read.reading).toLocaleString("en-US")} ${read.unit}` }).waitFor();
  assert.deepEqual(await page.getByTestId("request-move").evaluateAll((items) => items.map((i) => i.dataset.action)),
    ["create", "schedule", "dispatch", "depart", "arrive", "complete"], "the whole history, oldest first");
  assert.deepEqual(navigations, [], "the customer's page was never reloaded");
  await photograph(page, main(page), "start-completed-phone");

  life.customerState = await customer.context.storageState();
  life.deskState = await desk.context.storageState();
  life.fieldState = await phone.context.storageState();
  life.startRead = read;
  assert.deepEqual(customer.errors, []);
  assert.deepEqual(desk.errors, []);
  assert.deepEqual(phone.errors, []);
});

/** A bill run of `cycle` read on `readDate`, started over the API and followed until it is done. */
async function runBills(cycle, readDate) {
  const started = await asApiKey("POST", "/api/v1/staff/bill-runs", { cycle, read_date: readDate });
  assert.equal(started.status, 202, `bill run: ${started.status} ${JSON.stringify(started.body)}`);
  let run = started.body;
  await assertEventually(async () => {
    run = await apiKeyGet(`/api/v1/staff/bill-runs/${run.id}`);
    return run.status === "done";
  }, `bill run ${run.id} is done`, 60_000);
  return run;
}

/**
 * Bill `id` of account `number`, released: when a bill check held it, approved as drafted with
 * `note` (the console's Approve, over the API), which the test then says. Returns the bill as the
 * customer's API has it.
 */
async function released(t, number, id, note) {
  const drafted = await apiKeyGet(`/api/v1/staff/bills/${id}`);
  if (drafted.status === "held") {
    t.diagnostic(`bill ${id} was held (${drafted.holds.map((h) => `${h.reason}: ${h.evidence}`).join("; ")}): approved as drafted, as the console's Approve does`);
    const approved = await asApiKey("POST", `/api/v1/staff/bills/${id}/approve`, { note });
    assert.equal(approved.status, 200, `approve bill ${id}: ${approved.status} ${JSON.stringify(approved.body)}`);
  }
  const { number: billNumber } = await apiKeyGet(`/api/v1/staff/bills/${id}`);
  assert.ok(billNumber, `bill ${id} is released, numbered`);
  return apiKeyGet(`/api/v1/accounts/${number}/bills/${billNumber}`);
}

/**
 * Each service's fixed charge covers exactly the bill's days: `days` of the cycle's full period
 * ("Basic charge, 3 of 31 days"), at the monthly charge (a whole number of cents) divided by the
 * period's days, rounded to the cent.
 */
function assertFixedChargesProrated(bill, days) {
  for (const section of bill.sections) {
    const fixed = section.lines.filter((l) => l.kind === "fixed");
    assert.equal(fixed.length, 1, `${section.commodity} has one fixed charge`);
    const [line] = fixed;
    const named = /, (\d+) of (\d+) days$/.exec(line.description);
    assert.ok(named, `${section.commodity}'s fixed charge names its days: ${line.description}`);
    const [of, full] = [Number(named[1]), Number(named[2])];
    assert.deepEqual([of, line.quantity, line.unit], [days, String(days), "day"], `${section.commodity}: ${JSON.stringify(line)}`);
    const monthly = Number(line.rate) * full;
    assert.ok(Math.abs(monthly * 100 - Math.round(monthly * 100)) < 1e-4, `${section.commodity}: the rate is a monthly charge over ${full} days (${monthly})`);
    assert.equal(line.amount.amount, (Math.round((monthly * days / full) * 100) / 100).toFixed(2),
      `${section.commodity}: ${days} of ${full} days of ${monthly.toFixed(2)} a month`);
  }
}

/** A service as the portal's bill names it. */
const SERVICE_WORDS = { electric: "Electricity", water: "Water", sewer: "Sewer" };

/** A period as the portal's bill writes it: "Dec 4, 2026 to Dec 6, 2026 (3 days)", "Dec 7, 2026 to Dec 7, 2026 (1 day)"; in Spanish "Del 7 dic 2026 al 7 dic 2026 (1 día)". */
const periodWords = (period, language = "en") => language === "es"
  ? `Del ${dayWords(period.start, "es-US")} al ${dayWords(period.end, "es-US")} (${period.days} ${period.days === 1 ? "día" : "días"})`
  : `${dayWords(period.start)} to ${dayWords(period.end)} (${period.days} ${period.days === 1 ? "day" : "days"})`;

/**
 * The customer's Bills (a page opened signed in with `state`): bill `bill` listed with its period,
 * the Final bill mark when `final`; opened, its period and each service's fixed charge as the bill
 * has them. Photographed as `${name}-phone` and `${name}-desktop`. Returns the page.
 */
async function billInPortal(t, bill, { final, name }) {
  const { page, errors } = await openPage(browser, t, PHONE, { storageState: life.customerState });
  await page.goto(`${BASE}/bills`);
  await page.getByRole("heading", { level: 1, name: "Bills" }).waitFor();
  const item = page.locator("li.list-item").filter({ has: page.getByRole("link", { name: `Bill of ${dayWords(bill.bill_date)}` }) })
    .filter({ hasText: `Service ${dayWords(bill.period.start)} to ${dayWords(bill.period.end)}` });
  await item.waitFor();
  assert.equal(await item.getByText("Final bill", { exact: true }).count(), final ? 1 : 0, final ? "marked final" : "not marked final");
  await photograph(page, main(page), `${name}-list-phone`);
  await item.getByRole("link").click();
  await page.waitForURL(`${BASE}/bills/${bill.number}`);
  const facts = page.locator("section.card").first();
  await facts.getByText(periodWords(bill.period), { exact: true }).waitFor();
  if (final) await page.getByText("This is the final bill for a service that ended.").waitFor();
  // An estimated final bill has no next bill to correct it: it says a later reading of the meter will.
  const estimatedNote = page.getByTestId("bill-estimated-note");
  if (bill.estimated) {
    assert.equal(plain(await estimatedNote.textContent()), final
      ? "The last meter reading on this final bill is estimated because the meter was not read. If the meter is read later, we will correct this bill."
      : "Some usage on this bill is estimated because the meter was not read. The next actual reading corrects it.");
  } else {
    assert.equal(await estimatedNote.count(), 0);
  }
  for (const section of bill.sections) {
    const fixed = section.lines.find((l) => l.kind === "fixed");
    const card = page.locator("section.card").filter({ has: page.getByRole("heading", { level: 2, name: `${SERVICE_WORDS[section.commodity]}: $${section.charges.amount}` }) });
    const line = card.locator("ul.bill-lines > li").filter({ has: page.getByText(fixed.description, { exact: true }) });
    await line.waitFor();
    assert.match(plain(await line.locator(".calc").textContent()), new RegExp(`^${bill.period.days} days? × .+ = \\$${fixed.amount.amount}$`));
  }
  await photograph(page, main(page), `${name}-phone`);
  if (final) {
    // The final bill (today alone, as a rule: "1 day") in Spanish too, then back to the customer's English.
    await inLanguage(page, "es");
    await facts.getByText(periodWords(bill.period, "es"), { exact: true }).waitFor();
    await page.getByText("Esta es la factura final de un servicio que terminó.").waitFor();
    if (bill.estimated) {
      await estimatedNote.filter({ hasText: "La última lectura del medidor en esta factura final es estimada porque no se leyó el medidor. Si se lee más adelante, corregiremos esta factura." }).waitFor();
    }
    await photograph(page, main(page), `${name}-phone-es`);
    await inLanguage(page, "en");
  }
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, main(page), `${name}-desktop`);
  assert.deepEqual(errors, []);
  return page;
}

test("after the cycle's bill run, the customer's first bill starts on the start day, its fixed charges prorated to its days", async (t) => {
  const { application, cycle, startDay } = life;
  assert.ok(life.customerState, "the test before completed the start");
  if (!cycle) {
    // No cycle reads between the start day and today (the end of a month with more business days
    // than cycles): no bill may exist yet, and the move-out's final bill below, from the start
    // day, is the first bill, its prorating checked there.
    const none = await sql(`SELECT COUNT(*) FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.number = '${application.digits}';`);
    assert.equal(none, "0", "no bill before the cycle's first read");
    t.diagnostic(`no bill cycle reads after ${startDay} and by today: the final bill is the first, from the start day`);
    life.firstBill = null;
    return;
  }
  const run = await runBills(cycle.cycle, cycle.read_date);
  t.diagnostic(`bill run ${run.id} of cycle ${cycle.cycle}, read ${cycle.read_date}: ${run.released} released, ${run.held} held, ${run.problems} problems`);
  // Every bill of the account, held ones too (a first bill with no use since the move-in read is
  // held by the zero-usage check): exactly one so far.
  const ids = (await sql(`SELECT b.id FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.number = '${application.digits}' ORDER BY b.id;`))
    .split("\n").filter(Boolean);
  assert.equal(ids.length, 1, `one bill so far: ${ids.join(", ")}`);
  const bill = await released(t, application.digits, Number(ids[0]), "Checked: a new customer's first days.");
  assert.equal(bill.status, "released");
  assert.equal(bill.final, false);
  // The period: from the start day to the day before the read date; each service's too.
  const days = (Date.parse(cycle.read_date) - Date.parse(startDay)) / 86_400_000;
  assert.deepEqual(bill.period, { start: startDay, end: addDays(cycle.read_date, -1), days });
  assert.deepEqual(bill.sections.map((s) => s.commodity).sort(), ["electric", "sewer", "water"]);
  for (const section of bill.sections) assert.deepEqual(section.period, { start: startDay, end: addDays(cycle.read_date, -1) }, section.commodity);
  assertFixedChargesProrated(bill, days);
  // The water from the technician's move-in read: none of the previous customer's.
  const water = bill.sections.find((s) => s.commodity === "water");
  assert.equal(Number(water.start_read), Number(life.startRead.reading), "the first bill starts at the move-in read");
  life.firstBill = bill;
  await billInPortal(t, bill, { final: false, name: "first-bill" });
});

test("the same day the customer moves out from the portal: the technician's final read, and the final bill in Bills, marked final", async (t) => {
  const { application, today, startDay, firstBill } = life;
  assert.ok(life.customerState, "the tests before started the service");
  const customer = await openPage(browser, t, PHONE, { storageState: life.customerState });
  const page = customer.page;
  await page.goto(`${BASE}/requests`);
  await page.getByRole("link", { name: "Moving out? Stop your service" }).click();
  await page.getByRole("heading", { level: 1, name: "Stop service (moving out)" }).waitFor();
  assert.equal(await page.getByLabel("Last day of service").inputValue(), today, "today unless changed");
  await page.getByLabel("Street address").fill("88 Juniper Ct");
  await page.getByLabel("City", { exact: true }).fill("Eugene");
  await page.getByLabel("State", { exact: true }).fill("OR");
  await page.getByLabel("ZIP code").fill("97401");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Check before you send" }).waitFor();
  assert.equal(plain(await page.getByTestId("stop-summary-bill").textContent()), "Your final bill goes to 88 Juniper Ct, Eugene, OR 97401.");
  await photograph(page, main(page), "stop-review-phone");
  const sent = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/accounts/${application.digits}/service-orders`));
  await page.getByRole("button", { name: `Stop my service after ${dayWords(today)}` }).click();
  const answer = await sent;
  assert.equal(answer.status(), 201, await answer.text());
  const stop = (await answer.json()).order.number;
  await page.waitForURL(`${BASE}/requests/${stop}`);
  const status = requestStatus(page);
  await status.filter({ hasText: "Received" }).waitFor();
  await page.getByTestId("request-last-day").filter({ hasText: dayWords(today) }).waitFor();
  const navigations = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });

  // A meter is read by hand: the dispatcher sends the crew and the technician reads it today.
  const desk = await openPage(browser, t, DESKTOP, { storageState: life.deskState });
  await scheduleAndDispatch(desk.page, stop, () => status.filter({ hasText: "Scheduled" }).waitFor());
  await status.filter({ hasText: "Crew assigned" }).waitFor();
  const phone = await openPage(browser, t, PHONE, { storageState: life.fieldState });
  const form = await goAndArrive(phone.page, stop, (now) => status.filter({ hasText: now === "en_route" ? "Crew on the way" : "Crew at your address" }).waitFor());
  // The same dial as this morning: nothing used in the minutes since (more would be unlikely use, held for a person).
  const read = await completeWithReads(phone.page, form, stop, 0, "field-complete-stop-phone");
  assert.equal(Number(read.reading), Number(life.startRead.reading), "the final reading is the dial as the start's left it");

  // The stop is done: the final bill is made at once. With no water used on its one day a check holds
  // it ("zero usage"): the customer is told it is being checked; once approved, the link arrives live.
  const done = (await apiKeyGet(`/api/v1/accounts/${application.digits}/service-orders/${stop}`)).order;
  assert.equal(done.status, "completed");
  assert.ok(done.final_bill_id, `the completed stop made the final bill: ${JSON.stringify(done)}`);
  await status.filter({ hasText: "Completed" }).waitFor();
  await page.getByTestId("request-explain").filter({ hasText: "Your service has stopped. Your final bill is below." }).waitFor();
  await page.getByTestId("request-read").filter({ hasText: `Meter ${read.serial}: ${Number(read.reading).toLocaleString("en-US")} ${read.unit}` }).waitFor();
  const finalBill = page.locator("section.final-bill");
  const drafted = await apiKeyGet(`/api/v1/staff/bills/${done.final_bill_id}`);
  if (drafted.status === "held") {
    await finalBill.getByText("Your final bill is being checked before we send it. It will be under Bills.").waitFor();
    await photograph(page, main(page), "stop-final-bill-held-phone");
  }
  const bill = await released(t, application.digits, done.final_bill_id, "Checked: moved out the day the meter was read.");
  assert.equal(bill.status, "released");
  assert.equal(bill.final, true);
  await finalBill.getByTestId("final-bill-link").filter({ hasText: `See your final bill (number ${bill.number})` }).waitFor();
  assert.deepEqual(navigations, [], "the customer's page was never reloaded");
  await photograph(page, main(page), "stop-completed-phone");

  // Its period: from where the first bill ended (or the start day) through today, the last day.
  const from = firstBill ? addDays(firstBill.period.end, 1) : startDay;
  const days = (Date.parse(today) - Date.parse(from)) / 86_400_000 + 1;
  assert.deepEqual(bill.period, { start: from, end: today, days });
  assertFixedChargesProrated(bill, days);
  assert.ok(bill.sections.every((s) => s.final), "every service's section is final");
  const water = bill.sections.find((s) => s.commodity === "water");
  assert.equal(Number(water.end_read), Number(read.reading), "the water is billed to the technician's final read");

  // In Bills the same day, marked final; opened from the request, it is that bill.
  await billInPortal(t, bill, { final: true, name: "final-bill" });
  await page.getByTestId("final-bill-link").click();
  await page.waitForURL(`${BASE}/bills/${bill.number}`);
  assert.deepEqual(customer.errors, []);
  assert.deepEqual(desk.errors, []);
  assert.deepEqual(phone.errors, []);
});
