// Browser tests of service requests in the portal, end to end, against a running Ratepayer server:
// a customer whose meter is read by hand signs up, finds Requests in the menu (none yet), asks for a
// meter re-read (what is missing is said first) and sees it received; staff schedule it over the
// API and the open page shows the window on the utility's clocks without a reload; the customer
// cancels it after a confirm step. A request staff dispatch while the customer's page hears nothing
// is refused when the customer cancels, in words. The customer sends a meter reading from the
// Usage page, then asks to stop service (moving out): a bad ZIP is said at its field before
// anything is sent, a state the server refuses is said at its field after, and the check before
// sending names the services, the last day (today) and where the final bill goes; a double tap
// makes one request. Staff walk it (schedule, dispatch, depart, arrive, complete with the hand-read
// meter's final reading): the page follows live to "Completed", with the reading taken and the
// link to the final bill. Another customer sends a reading lower than the last with a photo of the
// dial from the camera (shrunk in the page): held, the photo kept with it; a second reading whose
// photo cannot be sent says so plainly, the reading kept, and sends it on asking again. A billing
// clerk sees the photo in the exception queue and sends someone to read the meter again: "Re-read
// ordered: SO...", the order among the customer's requests. A technician keeps photos of the site
// and of the dial with another customer's request (the staff API): the open request page shows
// them as they come, thumbnails whose alt text says what and when in English and Spanish, each a
// link to the photo, which the customer's session fetches; another account's photo is refused. A
// third customer's meter is exchanged and they move out the same day: the final bill lists each
// meter's part (previous read, final read; read when installed, current read) and the total, in
// the portal in both languages and in the console. Screens are photographed at phone
// size and on a desktop, in English and Spanish, under $RATEPAYER_E2E_ARTIFACTS/orders-*.png
// (each checked for overflow and by axe).
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_ACCOUNT, RATEPAYER_E2E_SECOND_ACCOUNT,
//   RATEPAYER_E2E_MAIL_DIR, RATEPAYER_E2E_DB  as for portal.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import {
  required, baseUrl, launchBrowser, openPage, photographer, inLanguage, PHONE, DESKTOP, apiKeyGet, asApiKey,
  signUpByEmail, cameraPhoto, ownStaffUser, signInToConsole, sql, plain, windowWords,
} from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
required("RATEPAYER_E2E_MAIL_DIR");
required("RATEPAYER_E2E_DB");
// Accounts other browser tests sign up with: not used here.
const TAKEN = new Set([required("RATEPAYER_E2E_ACCOUNT"), required("RATEPAYER_E2E_SECOND_ACCOUNT")]);
const PASSWORD = "copper ladder pine ninety";

let browser;

before(async () => {
  browser = await launchBrowser(chromium);
});

after(async () => {
  await browser?.close();
});

/** Nothing wider than the screen, axe finds nothing, and the part is photographed as orders-<name>.png. */
const photograph = photographer("orders");

/**
 * The account portal.test.mjs's register-read test signs up (the first active account the staff
 * search finds whose meters are all read by hand or drive-by, with an email on file): left to it,
 * as the files run side by side.
 */
async function portalTestsRegisterAccount() {
  for (const q of ["an", "er", "on", "ar", "el", "st", "in", "or", "le", "ll", "ma", "ro"]) {
    let cursor = "";
    do {
      const found = await apiKeyGet(`/api/v1/staff/accounts?${new URLSearchParams({ q, limit: "100", ...(cursor ? { cursor } : {}) })}`);
      for (const item of found.items) {
        if (item.status !== "active") continue;
        const detail = await apiKeyGet(`/api/v1/staff/accounts/${item.account_number}`);
        const meters = detail.agreements.filter((a) => !a.end_date).flatMap((a) => a.meters);
        if (meters.length > 0 && meters.every((m) => m.kind === "amr" || m.kind === "manual") && detail.customer?.email) {
          return item.account_number;
        }
      }
      cursor = found.next_cursor ?? "";
    } while (cursor);
  }
  return null;
}

/**
 * An account with a meter read by hand: active, in English, with an email on file and no login
 * yet, without a unit (the apartment test's), nothing owed (the arrangement test's), a possible
 * leak (the leak tests') or a bill heading for $150 (the high-usage test's). Its hand-read meter's
 * serial and last accepted reading (whole units) come with it.
 */
async function handReadAccount() {
  const theirs = await portalTestsRegisterAccount();
  const numbers = (await sql(
    "SELECT o.number FROM account_overview o JOIN accounts a ON a.id = o.id WHERE o.status = 'active' " +
    "AND a.language = 'en' AND COALESCE(o.line2, '') = '' AND o.balance_cents <= 0 AND EXISTS (" +
    "SELECT 1 FROM service_agreements sa JOIN meters m ON m.service_point_id = sa.service_point_id " +
    "WHERE sa.account_id = o.id AND sa.end_date IS NULL AND m.kind = 'manual') ORDER BY o.id DESC;",
  )).split("\n").filter((n) => /^\d{9}$/.test(n));
  for (const number of numbers) {
    if (TAKEN.has(number) || number === theirs) continue;
    const account = await apiKeyGet(`/api/v1/staff/accounts/${number}`);
    if (!account.customer?.email || !account.service_address || account.staff_facts?.portal_logins !== 0) continue;
    const alerts = await apiKeyGet(`/api/v1/accounts/${number}/alerts`);
    if (alerts.leaks.length > 0) continue;
    const toDate = await apiKeyGet(`/api/v1/accounts/${number}/usage/to-date`);
    if (toDate.projected_charges && Number(toDate.projected_charges.amount) >= 150) continue;
    const [serial, unit, milli] = (await sql(
      "SELECT m.serial, mc.unit, (SELECT rr.milli_units FROM register_reads rr WHERE rr.channel_id = mc.id " +
      "AND rr.status = 'accepted' ORDER BY rr.taken_at DESC LIMIT 1) FROM meters m " +
      "JOIN meter_channels mc ON mc.meter_id = m.id JOIN service_agreements sa ON sa.service_point_id = m.service_point_id " +
      `JOIN accounts a ON a.id = sa.account_id WHERE a.number = '${number}' AND m.kind = 'manual' AND sa.end_date IS NULL ` +
      "ORDER BY m.id LIMIT 1;",
    )).split("|");
    if (!serial || !milli) continue;
    const services = account.agreements.filter((a) => !a.end_date).map((a) => a.commodity);
    return { number, email: account.customer.email, address: account.service_address, serial, unit, last: Math.floor(Number(milli) / 1000), services };
  }
  assert.fail("the test utility has an English account with a meter read by hand and no login");
}

/** The utility's time zone, as usage answers name it. */
async function utilityZone(number) {
  const month = new Date().toISOString().slice(0, 7);
  return (await apiKeyGet(`/api/v1/accounts/${number}/usage?resolution=month&from=${month}-01&to=${month}-02`)).time_zone;
}

/** The day it is on the utility's clocks: "2026-12-07". */
const todayIn = (zone) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());

/** An order moved by staff over the API (the dispatcher's and the field's moves). */
async function staffMove(order, move) {
  const answer = await asApiKey("POST", `/api/v1/staff/service-orders/${order}/moves`, move);
  assert.equal(answer.status, 200, `${move.action} ${order}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.order;
}

/** An appointment window `days` from now, 8 AM to noon Pacific (16:00-20:00 UTC). */
function windowIn(days) {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return { window_start: `${day}T16:00:00Z`, window_end: `${day}T20:00:00Z` };
}

const mainText = async (page) => plain(await page.locator("main").textContent());

test("a customer asks for a meter re-read, sees it scheduled live and cancels it; sends a meter reading; stops service with the final bill's address and follows it to the final bill", async (t) => {
  const account = await handReadAccount();
  const zone = await utilityZone(account.number);
  const { page, errors } = await openPage(browser, t, PHONE);
  await signUpByEmail(page, account, PASSWORD);
  const navigations = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });

  // Home offers sending a reading of the meter read by hand.
  await page.getByTestId("home-meter-reading").waitFor();
  await photograph(page, page.getByTestId("home-meter-reading").locator("xpath=ancestor::section[1]"), "home-usage-card-phone-en");

  // The menu has Requests, on a phone and in Spanish too.
  const menu = page.getByRole("navigation", { name: "Main menu" });
  await photograph(page, page.locator("header"), "menu-phone-en");
  await inLanguage(page, "es");
  await page.getByRole("navigation", { name: "Menú principal" }).getByRole("link", { name: "Solicitudes", exact: true }).waitFor();
  await photograph(page, page.locator("header"), "menu-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("header"), "menu-desktop-es");
  await inLanguage(page, "en");
  await photograph(page, page.locator("header"), "menu-desktop-en");
  await page.setViewportSize(PHONE.viewport);
  await menu.getByRole("link", { name: "Requests", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Requests" }).waitFor();
  await page.getByTestId("requests-none").filter({ hasText: "You have no requests yet." }).waitFor();
  assert.equal(await menu.getByRole("link", { name: "Requests", exact: true }).getAttribute("aria-current"), "page");
  await photograph(page, page.locator("main"), "empty-phone-en");

  // Asking: what is missing is said first, then the re-read is sent with an Idempotency-Key.
  await page.getByRole("button", { name: "Ask for something" }).click();
  const form = page.locator("#ask-form");
  await form.getByRole("button", { name: "Send request" }).click();
  await form.getByText("Choose what you need.").waitFor();
  await form.getByLabel("Look into a high bill or a leak").check();
  await form.getByRole("button", { name: "Send request" }).click();
  await form.getByText("Tell us what you need.").waitFor();
  await form.getByLabel("Read my meter again").check();
  await form.getByLabel("Tell us more (optional)").fill("The reading on my last bill looks higher than the dial.");
  await photograph(page, page.locator("main"), "ask-phone-en");
  await inLanguage(page, "es");
  await form.getByRole("heading", { name: "Pedir algo" }).waitFor();
  await photograph(page, page.locator("main"), "ask-phone-es");
  await inLanguage(page, "en");
  const asked = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(`/accounts/${account.number}/service-orders`));
  await form.getByRole("button", { name: "Send request" }).click();
  const request = await asked;
  assert.match(request.headers()["idempotency-key"] ?? "", /^portal-[0-9a-f]{32}$/);
  assert.deepEqual(request.postDataJSON(), { kind: "meter_reread", details: "The reading on my last bill looks higher than the dial." });
  await page.getByRole("heading", { level: 1, name: "Read my meter again" }).waitFor();
  const reread = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  assert.match(reread, /^SO\d{6}$/);
  const status = page.getByTestId("request-status");
  await status.filter({ hasText: "Received" }).waitFor();
  await page.getByTestId("request-window").filter({ hasText: "Not set yet: we will let you know." }).waitFor();
  await page.getByTestId("request-move").filter({ hasText: "You asked for this." }).waitFor();
  await page.getByRole("button", { name: "Cancel this request" }).waitFor();
  await photograph(page, page.locator("main"), "received-phone-en");

  // The list: what was asked, received.
  await page.getByRole("link", { name: "All requests" }).click();
  const row = page.locator(`[data-testid="request"][data-order="${reread}"]`);
  await row.getByRole("link", { name: "Read my meter again" }).waitFor();
  await row.getByTestId("request-status").filter({ hasText: "Received" }).waitFor();
  await photograph(page, page.locator("main"), "list-phone-en");

  // Staff schedule it: the open page shows it, with the window on the utility's clocks, unreloaded.
  await row.getByRole("link", { name: "Read my meter again" }).click();
  await status.filter({ hasText: "Received" }).waitFor();
  const visit = windowIn(1);
  navigations.length = 0;
  await staffMove(reread, { action: "schedule", ...visit });
  await status.filter({ hasText: "Scheduled" }).waitFor();
  assert.equal(plain(await page.getByTestId("request-window").textContent()), windowWords(visit.window_start, visit.window_end, zone));
  await page.getByTestId("request-move").filter({ hasText: "We scheduled the visit." }).waitFor();
  assert.deepEqual(navigations, [], "the page was not reloaded");
  assert.doesNotMatch(await mainText(page), /api_key|staff:|customer:/, "no actor's id is shown");
  await photograph(page, page.locator("main"), "scheduled-phone-en");

  // Cancelled after the confirm step; the server has it cancelled too.
  await page.getByRole("button", { name: "Cancel this request" }).click();
  await page.getByRole("heading", { name: "Cancel this request?" }).waitFor();
  await photograph(page, page.locator("main"), "cancel-confirm-phone-en");
  await page.getByRole("button", { name: "Keep the request" }).click();
  await page.getByRole("button", { name: "Cancel this request" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await status.filter({ hasText: "Cancelled" }).waitFor();
  await page.getByText("Your request is cancelled.").waitFor();
  await page.getByTestId("request-move").filter({ hasText: "You cancelled this request." }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Cancel this request" }).count(), 0);
  assert.equal((await apiKeyGet(`/api/v1/accounts/${account.number}/service-orders/${reread}`)).order.status, "cancelled");
  await photograph(page, page.locator("main"), "cancelled-phone-en");

  // Too late to cancel: a page that heard nothing of the dispatch is refused, in words.
  const { page: quiet, errors: quietErrors } = await openPage(browser, t, PHONE, { storageState: await page.context().storageState() });
  await quiet.route("**/api/v1/me/events", (route) => route.abort());
  const made = await asApiKey("POST", `/api/v1/accounts/${account.number}/service-orders`,
    { kind: "investigate", details: "Water runs at night." }, { "Idempotency-Key": `orders-e2e-${Date.now()}` });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const late = made.body.order.number;
  await staffMove(late, { action: "schedule", ...windowIn(2) });
  await quiet.goto(`${BASE}/requests/${late}`);
  await quiet.getByTestId("request-status").filter({ hasText: "Scheduled" }).waitFor();
  await quiet.getByTestId("request-move").filter({ hasText: "We opened this request for you." }).waitFor();
  await staffMove(late, { action: "dispatch", crew: "Crew 2" });
  await quiet.getByRole("button", { name: "Cancel this request" }).click();
  await quiet.getByRole("button", { name: "Yes, cancel it" }).click();
  await quiet.getByText("This request can no longer be changed that way: a crew may be on the way already. Call us to change it.").waitFor();
  await quiet.getByTestId("request-status").filter({ hasText: "Crew assigned" }).waitFor();
  assert.equal(await quiet.getByRole("button", { name: "Cancel this request" }).count(), 0);
  await photograph(quiet, quiet.locator("main"), "too-late-phone-en");
  assert.deepEqual(quietErrors, []);

  // A meter reading, from the Usage page: used for the next bill.
  await page.goto(`${BASE}/usage`);
  await page.getByTestId("usage-meter-reading").waitFor();
  await photograph(page, page.locator("main"), "usage-phone-en");
  await page.getByTestId("usage-meter-reading").click();
  await page.getByRole("heading", { level: 1, name: "Submit a meter reading" }).waitFor();
  if (await page.getByTestId("read-meter-only").count()) {
    await page.getByTestId("read-meter-only").filter({ hasText: account.serial }).waitFor();
  } else {
    await page.getByLabel(new RegExp(` ${account.serial} `)).check();
  }
  await page.getByRole("button", { name: "Send reading" }).click();
  await page.getByText("Enter the numbers on the meter's display.").waitFor();
  const reading = page.getByLabel(/^Reading/);
  await reading.fill("12,34x");
  await page.getByRole("button", { name: "Send reading" }).click();
  await page.getByText("Enter the reading in numbers only, like 18342 (up to 3 decimals).").waitFor();
  await reading.fill(String(account.last + 30));
  await photograph(page, page.locator("main"), "reading-phone-en");
  const readSent = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/accounts/${account.number}/meter-reads`));
  await page.getByRole("button", { name: "Send reading" }).click();
  const readAnswer = await (await readSent).json();
  assert.equal(readAnswer.status, "accepted", JSON.stringify(readAnswer));
  await page.getByRole("heading", { name: "Your reading is in" }).waitFor();
  // The server's sentence, its figures as the portal writes them.
  const dial = (account.last + 30).toLocaleString("en-US");
  assert.equal(plain(await page.getByTestId("read-answer-words").textContent()),
    plain(readAnswer.message.replace(/\d+\.000/, dial)));
  assert.match(readAnswer.message, new RegExp(`reading of ${account.last + 30}\\.000 `));
  await photograph(page, page.locator("main"), "reading-done-phone-en");
  await inLanguage(page, "es");
  await page.getByRole("heading", { name: "Recibimos su lectura" }).waitFor();
  await page.getByTestId("read-answer-words").filter({ hasText: `del medidor ${account.serial} quedó registrada` }).waitFor();
  await photograph(page, page.locator("main"), "reading-done-phone-es");
  await inLanguage(page, "en");

  // Stopping service: a bad ZIP is said at its field before anything is sent.
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Requests", exact: true }).click();
  await page.getByRole("link", { name: "Moving out? Stop your service" }).click();
  await page.getByRole("heading", { level: 1, name: "Stop service (moving out)" }).waitFor();
  const today = todayIn(zone);
  const lastDay = page.getByLabel("Last day of service");
  assert.equal(await lastDay.inputValue(), today, "the last day is today unless changed");
  await page.getByLabel("Street address").fill("2210 Harbor View Rd");
  await page.getByLabel("Apartment, suite or unit (optional)").fill("Apt 4");
  await page.getByLabel("City", { exact: true }).fill("Salem");
  await page.getByLabel("State", { exact: true }).fill("ZZ");
  await page.getByLabel("ZIP code").fill("9730");
  let stopPosts = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith(`/accounts/${account.number}/service-orders`)) stopPosts += 1;
  });
  await page.getByRole("button", { name: "Continue" }).click();
  const zipError = page.locator("#stop-zip-error");
  await zipError.filter({ hasText: "Enter a 5-digit ZIP code, or ZIP+4 like 97477-1234." }).waitFor();
  assert.equal(await page.getByLabel("ZIP code").getAttribute("aria-invalid"), "true");
  assert.equal(stopPosts, 0, "nothing is sent with a bad ZIP");
  await photograph(page, page.locator("main"), "stop-zip-phone-en");
  await inLanguage(page, "es");
  await zipError.filter({ hasText: "Escriba un código postal de 5 dígitos, o ZIP+4 como 97477-1234." }).waitFor();
  await photograph(page, page.locator("main"), "stop-zip-phone-es");
  await inLanguage(page, "en");

  // A state the server does not know is said at its field when it refuses it.
  await page.getByLabel("ZIP code").fill("97301");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Check before you send" }).waitFor();
  await page.getByRole("button", { name: /^Stop my service after / }).click();
  await page.locator("#stop-state-error").filter({ hasText: "Enter the state's 2-letter code, like OR." }).waitFor();
  assert.equal(stopPosts, 1);
  assert.equal(await page.getByLabel("State", { exact: true }).getAttribute("aria-invalid"), "true");
  await page.getByLabel("State", { exact: true }).fill("or");

  // The check before sending says what will happen; a double tap makes one request.
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Check before you send" }).waitFor();
  const dayWords = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${today}T00:00:00Z`));
  const street = account.address.line1;
  const summary = plain(await page.getByTestId("stop-summary").textContent());
  assert.match(summary, new RegExp(`^Your .+ service at ${street}.* stops after ${dayWords}\\.$`), summary);
  assert.equal(plain(await page.getByTestId("stop-summary-bill").textContent()),
    "Your final bill goes to 2210 Harbor View Rd, Apt 4, Salem, OR 97301.");
  await photograph(page, page.locator("main"), "stop-review-phone-en");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("main"), "stop-review-desktop-en");
  await inLanguage(page, "es");
  await page.getByRole("heading", { name: "Revise antes de enviar" }).waitFor();
  await photograph(page, page.locator("main"), "stop-review-desktop-es");
  await page.setViewportSize(PHONE.viewport);
  await photograph(page, page.locator("main"), "stop-review-phone-es");
  await inLanguage(page, "en");
  const stopSent = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/accounts/${account.number}/service-orders`));
  await page.getByRole("button", { name: `Stop my service after ${dayWords}` }).dblclick();
  const stopAnswer = await stopSent;
  assert.equal(stopAnswer.status(), 201);
  const stop = (await stopAnswer.json()).order.number;
  await page.getByRole("heading", { level: 1, name: "Stop service (moving out)" }).waitFor();
  await page.waitForURL(`${BASE}/requests/${stop}`);
  await status.filter({ hasText: "Received" }).waitFor();
  const stops = (await apiKeyGet(`/api/v1/accounts/${account.number}/service-orders`)).orders.filter((o) => o.kind === "stop_service");
  assert.equal(stops.length, 1, "one request for a double tap");
  assert.deepEqual(stops[0].forwarding_address, { line1: "2210 Harbor View Rd", line2: "Apt 4", city: "Salem", state: "OR", zip: "97301" });
  assert.equal(stops[0].service_date, today);
  await page.getByTestId("request-last-day").filter({ hasText: dayWords }).waitFor();
  await photograph(page, page.locator("main"), "stop-received-phone-en");

  // Staff walk it; the page follows, to the final bill.
  const stopVisit = windowIn(0);
  await staffMove(stop, { action: "schedule", ...stopVisit });
  await status.filter({ hasText: "Scheduled" }).waitFor();
  await staffMove(stop, { action: "dispatch", crew: "Crew 1" });
  await status.filter({ hasText: "Crew assigned" }).waitFor();
  await staffMove(stop, { action: "depart" });
  await status.filter({ hasText: "Crew on the way" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Cancel this request" }).count(), 0, "no cancelling once a crew is on the way");
  await photograph(page, page.locator("main"), "stop-en-route-phone-en");
  await staffMove(stop, { action: "arrive" });
  // The crew reads the dial the customer read minutes ago (more in minutes would be unlikely use).
  const finalReading = String(account.last + 30);
  const done = await staffMove(stop, { action: "complete", reads: [{ meter: account.serial, reading: finalReading }] });
  assert.equal(done.status, "completed");
  assert.ok(done.final_bill_id, `a completed stop makes the final bill: ${JSON.stringify(done)}`);
  await status.filter({ hasText: "Completed" }).waitFor();
  await page.getByTestId("request-explain").filter({ hasText: "Your service has stopped. Your final bill is below." }).waitFor();
  const finalBill = page.getByTestId("final-bill-link");
  await finalBill.waitFor();
  await page.getByTestId("request-read").filter({ hasText: `Meter ${account.serial}: ${Number(finalReading).toLocaleString("en-US")} ${account.unit}` }).waitFor();
  for (const words of ["You asked for this.", "We scheduled the visit.", "We assigned a crew.", "The crew set off to your address.",
    "The crew arrived.", "The work was done."]) {
    await page.getByTestId("request-move").filter({ hasText: words }).waitFor();
  }
  assert.deepEqual(await page.getByTestId("request-move").evaluateAll((items) => items.map((i) => i.dataset.action)),
    ["create", "schedule", "dispatch", "depart", "arrive", "complete"], "the history is oldest first");
  assert.doesNotMatch(await mainText(page), /api_key|staff:|customer:/, "no actor's id is shown");
  await photograph(page, page.locator("main"), "stop-completed-phone-en");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("main"), "stop-completed-desktop-en");
  await inLanguage(page, "es");
  await status.filter({ hasText: "Terminada" }).waitFor();
  await page.getByTestId("request-move").filter({ hasText: "Se hizo el trabajo." }).waitFor();
  await photograph(page, page.locator("main"), "stop-completed-desktop-es");
  await page.setViewportSize(PHONE.viewport);
  await photograph(page, page.locator("main"), "stop-completed-phone-es");
  await page.getByRole("link", { name: "Todas las solicitudes" }).click();
  await page.locator(`[data-testid="request"][data-order="${stop}"]`).getByTestId("request-status").filter({ hasText: "Terminada" }).waitFor();
  await page.locator(`[data-testid="request"][data-order="${reread}"]`).getByTestId("request-status").filter({ hasText: "Cancelada" }).waitFor();
  await photograph(page, page.locator("main"), "list-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("main"), "list-desktop-es");
  await inLanguage(page, "en");
  await photograph(page, page.locator("main"), "list-desktop-en");
  await page.setViewportSize(PHONE.viewport);

  // No second move-out: the service has stopped. The final bill opens from the request.
  await page.locator(`[data-testid="request"][data-order="${stop}"]`).waitFor();
  assert.equal(await page.getByRole("link", { name: "Moving out? Stop your service" }).count(), 0);
  await page.goto(`${BASE}/requests/stop`);
  await page.getByTestId("stop-no-service").filter({ hasText: "There is no service on this account to stop." }).waitFor();
  await page.goBack();
  await page.locator(`[data-testid="request"][data-order="${stop}"]`).getByRole("link").click();
  await page.getByTestId("final-bill-link").click();
  await page.waitForURL(/\/bills\/\d+$/);
  const billNumber = new URL(page.url()).pathname.split("/").pop();
  const bill = await apiKeyGet(`/api/v1/accounts/${account.number}/bills/${billNumber}`);
  assert.equal(bill.id, done.final_bill_id, "the link opens the final bill the stop made");
  assert.equal(bill.final, true);

  assert.deepEqual(errors, []);
});

/** The open exception about register read `read` (the queue is paged oldest first). */
async function exceptionOfRead(read) {
  let after = "";
  for (;;) {
    const page = await apiKeyGet(`/api/v1/staff/vee-exceptions?${new URLSearchParams({ status: "open", limit: "200", ...(after ? { after } : {}) })}`);
    const found = page.items.find((e) => e.register_read_id === read);
    if (found) return found;
    if (page.next_after === undefined || page.items.length === 0) return null;
    after = String(page.next_after);
  }
}

test("a customer's held reading comes with a photo of the dial; a photo not sent is said, the reading kept; staff see the photo and send someone to read it again", async (t) => {
  const account = await handReadAccount();
  const { page, errors } = await openPage(browser, t, PHONE);
  await signUpByEmail(page, account, PASSWORD);
  await page.goto(`${BASE}/meter-reading`);
  await page.getByRole("heading", { level: 1, name: "Submit a meter reading" }).waitFor();
  if (await page.getByTestId("read-meter-only").count() === 0) await page.getByLabel(new RegExp(` ${account.serial} `)).check();
  // Lower than the last reading: held for a person to check.
  const low = Math.max(1, account.last - 120);
  await page.getByLabel(/^Reading/).fill(String(low));
  await page.getByText("Take or choose a photo").waitFor();
  await photograph(page, page.locator("main"), "reading-photo-choose-phone-en");
  await inLanguage(page, "es");
  await page.getByText("Tomar o elegir una foto").waitFor();
  await photograph(page, page.locator("main"), "reading-photo-choose-phone-es");
  await inLanguage(page, "en");
  const dial = await cameraPhoto(page, { digits: String(low).padStart(6, "0") });
  await page.getByLabel("Photo of the dial (optional)").setInputFiles(dial);
  const chosen = page.getByTestId("dial-photo-chosen");
  await chosen.getByText(/^Photo ready to send \(\d+ KB\)\.$/).waitFor();
  await page.waitForFunction(() => document.querySelector("[data-testid=dial-photo-chosen] img")?.naturalWidth > 0);
  await photograph(page, page.locator("main"), "reading-photo-phone-en");
  await inLanguage(page, "es");
  await page.getByTestId("dial-photo-chosen").getByText(/^Foto lista para enviar/).waitFor();
  await page.getByRole("button", { name: "Quitar la foto" }).waitFor();
  await photograph(page, page.locator("main"), "reading-photo-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("main"), "reading-photo-desktop-es");
  await inLanguage(page, "en");
  await photograph(page, page.locator("main"), "reading-photo-desktop-en");
  await page.setViewportSize(PHONE.viewport);

  const readSent = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/accounts/${account.number}/meter-reads`));
  const photoSent = page.waitForResponse((r) => r.request().method() === "POST" && /\/meter-reads\/\d+\/photo$/.test(r.url()));
  await page.getByRole("button", { name: "Send reading" }).click();
  const held = await (await readSent).json();
  assert.equal(held.status, "held", JSON.stringify(held));
  const photoAnswer = await photoSent;
  assert.equal(photoAnswer.status(), 201);
  assert.equal(new URL(photoAnswer.url()).pathname, `/api/v1/accounts/${account.number}/meter-reads/${held.id}/photo`, "the photo names the reading answered");
  // (A Blob's bytes are not in the request Playwright sees: the server's answer says what it kept.)
  assert.equal(photoAnswer.request().headers()["content-type"], "image/jpeg");
  const photo = (await photoAnswer.json()).photo;
  assert.deepEqual([photo.purpose, photo.content_type], ["dial", "image/jpeg"]);
  assert.ok(photo.size_bytes > 10_000 && photo.size_bytes <= 900_000, `shrunk to ${photo.size_bytes} bytes`);
  await page.getByRole("heading", { name: "We will check your reading" }).waitFor();
  await page.getByTestId("read-photo").filter({ hasText: "Your photo of the dial was sent with the reading." }).waitFor();
  await photograph(page, page.locator("main"), "reading-held-photo-phone-en");
  await inLanguage(page, "es");
  await page.getByTestId("read-photo").filter({ hasText: "Su foto de la pantalla del medidor se envió con la lectura." }).waitFor();
  await photograph(page, page.locator("main"), "reading-held-photo-phone-es");
  await inLanguage(page, "en");

  // Another reading, whose photo cannot be sent (the connection drops): said plainly, the reading
  // kept; sent when asked again.
  await page.getByRole("button", { name: "Send another reading" }).click();
  if (await page.getByTestId("read-meter-only").count() === 0) await page.getByLabel(new RegExp(` ${account.serial} `)).check();
  await page.getByLabel(/^Reading/).fill(String(account.last + 20));
  await page.getByLabel("Photo of the dial (optional)").setInputFiles(await cameraPhoto(page, { digits: String(account.last + 20).padStart(6, "0") }));
  await page.getByTestId("dial-photo-chosen").waitFor();
  await page.route(/\/meter-reads\/\d+\/photo$/, (route) => route.abort("connectionreset"));
  const secondSent = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/accounts/${account.number}/meter-reads`));
  await page.getByRole("button", { name: "Send reading" }).click();
  const second = await (await secondSent).json();
  assert.equal(second.status, "accepted", JSON.stringify(second));
  const failed = page.locator("[data-testid=read-photo][data-state=failed]");
  await failed.waitFor();
  assert.equal(plain(await failed.locator("p").textContent()),
    "Your reading is recorded, but your photo of the dial could not be sent. The connection was lost while sending it. You do not need to send the reading again.");
  await page.getByRole("heading", { name: "Your reading is in" }).waitFor();
  await photograph(page, page.locator("main"), "reading-photo-failed-phone-en");
  await inLanguage(page, "es");
  await failed.getByText("Su lectura quedó registrada, pero no se pudo enviar su foto de la pantalla del medidor.").waitFor();
  await photograph(page, page.locator("main"), "reading-photo-failed-phone-es");
  await inLanguage(page, "en");
  await page.unroute(/\/meter-reads\/\d+\/photo$/);
  const again = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/meter-reads/${second.id}/photo`));
  await failed.getByRole("button", { name: "Try sending the photo again" }).click();
  assert.equal((await again).status(), 201);
  await page.getByTestId("read-photo").filter({ hasText: "Your photo of the dial was sent with the reading." }).waitFor();
  assert.deepEqual(errors.filter((e) => !/ERR_CONNECTION_RESET|net::/.test(e)), []);

  // A billing clerk: the held reading's exception shows the customer's photo; a re-read is ordered.
  const exception = await exceptionOfRead(held.id);
  assert.ok(exception, `an open exception holds reading ${held.id}`);
  assert.equal(exception.photo_id, photo.id, "the queue names the customer's photo");
  assert.equal(exception.reread_order, undefined);
  const clerk = await ownStaffUser({ tag: "orders-vee", name: "Bo Billing", role: "billing_clerk" });
  const desk = await openPage(browser, t, DESKTOP);
  await signInToConsole(desk.page, clerk);
  const queue = desk.page;
  await queue.goto(`${BASE}/staff.html#/queues/vee-exceptions`);
  const row = queue.locator(`tr[data-exception-id="${exception.id}"]`);
  const more = queue.getByRole("button", { name: "Show more exceptions" });
  for (let pages = 0; (await row.count()) === 0; pages++) {
    assert.ok(pages < 20, "the exception is listed");
    await more.or(row).first().waitFor();
    if ((await row.count()) === 0) await more.click();
  }
  await row.getByTestId("has-dial-photo").filter({ hasText: "With the customer's photo of the dial." }).waitFor();
  await photograph(queue, row, "vee-row-photo-desktop");
  await row.getByRole("button", { name: `Resolve exception ${exception.id}, meter ${exception.meter}`, exact: true }).click();
  const panel = queue.getByTestId("vee-resolve");
  const shown = panel.getByRole("img", { name: `The customer's photo of the dial of meter ${exception.meter}` });
  await shown.waitFor();
  await queue.waitForFunction(() => document.querySelector("[data-testid=dial-photo] img")?.naturalWidth > 0);
  assert.equal(await shown.evaluate((img) => img.naturalWidth), 1600, "the customer's photo as kept, 1600 px wide");
  await panel.getByRole("link", { name: "Download the photo" }).waitFor();
  await photograph(queue, panel, "vee-dial-photo-desktop");
  const reread = panel.getByTestId("vee-reread");
  await reread.getByLabel("Note for the technician (optional)").fill("Customer's photo shows a lower dial than our last read: read it again.");
  const asked = queue.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/vee-exceptions/${exception.id}/reread`));
  await reread.getByRole("button", { name: "Send someone to read it again" }).click();
  const rereadAnswer = await asked;
  assert.equal(rereadAnswer.status(), 201, await rereadAnswer.text());
  const order = (await rereadAnswer.json()).order;
  assert.equal(order.kind, "meter_reread");
  assert.deepEqual(rereadAnswer.request().postDataJSON(), { note: "Customer's photo shows a lower dial than our last read: read it again." });
  await panel.getByTestId("reread-ordered").getByText(`Re-read ordered: ${order.number}`).waitFor();
  assert.equal(await panel.getByTestId("reread-ordered").getByRole("link").count(), 0, "a billing clerk cannot open the field page: the number only");
  await queue.getByTestId("vee-outcome").filter({ hasText: `Re-read ordered: ${order.number} for exception ${exception.id} (meter ${exception.meter}).` }).waitFor();
  await row.getByTestId("row-reread").filter({ hasText: `Re-read ordered: ${order.number}.` }).waitFor();
  await photograph(queue, panel, "vee-reread-ordered-desktop");
  assert.equal((await exceptionOfRead(held.id)).reread_order, order.number, "the exception stays open, the order named");
  const requests = (await apiKeyGet(`/api/v1/accounts/${account.number}/service-orders`)).orders;
  assert.ok(requests.some((o) => o.number === order.number && o.kind === "meter_reread"), "the re-read is among the customer's requests");
  assert.deepEqual(desk.errors, []);
});

/** A small JPEG (a canvas drawn in `page`, `words` written on it), as the field page would send one. */
async function jpegOf(page, words) {
  const base64 = await page.evaluate((words) => {
    const canvas = document.createElement("canvas");
    canvas.width = 800;
    canvas.height = 600;
    const c = canvas.getContext("2d");
    c.fillStyle = "#6b7d5a";
    c.fillRect(0, 0, 800, 600);
    c.fillStyle = "#f4f4f4";
    c.font = "bold 64px sans-serif";
    c.fillText(words, 60, 320);
    return canvas.toDataURL("image/jpeg", 0.8).split(",")[1];
  }, words);
  return Buffer.from(base64, "base64");
}

/** A technician's photo kept with `order` over the staff API (the field page's upload), its answer. */
async function staffPhoto(order, purpose, jpeg) {
  const res = await fetch(`${BASE}/api/v1/staff/service-orders/${order}/photos?purpose=${purpose}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${required("RATEPAYER_STAFF_KEY")}`, "Content-Type": "image/jpeg" },
    body: jpeg,
  });
  const answer = await res.json();
  assert.equal(res.status, 201, `photo for ${order}: ${res.status} ${JSON.stringify(answer)}`);
  return answer.photo;
}

/** When a photo was taken as the request page writes it: on the utility's clocks, its zone named. */
const takenWords = (at, zone, locale) => plain(new Intl.DateTimeFormat(locale, {
  month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: zone,
}).format(new Date(at)));

test("a request's page shows the technician's photos to its customer, live, in English and Spanish; another account's photo is not served", async (t) => {
  const account = await handReadAccount();
  const zone = await utilityZone(account.number);
  const { page, errors } = await openPage(browser, t, PHONE);
  await signUpByEmail(page, account, PASSWORD);
  const made = await asApiKey("POST", `/api/v1/accounts/${account.number}/service-orders`,
    { kind: "investigate", details: "Water pools by the meter box after it rains." }, { "Idempotency-Key": `orders-photos-${Date.now()}` });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const order = made.body.order.number;
  await page.goto(`${BASE}/requests/${order}`);
  await page.getByRole("heading", { level: 1, name: "Look into a high bill or a leak" }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "Photos" }).count(), 0, "no section without photos");

  // The technician keeps a photo of the site: the open page shows it as it happens, unreloaded.
  const site = await staffPhoto(order, "site", await jpegOf(page, "meter box, wet"));
  const photos = page.getByTestId("request-photo");
  await photos.first().waitFor();
  await page.getByRole("heading", { name: "Photos" }).waitFor();
  const dial = await staffPhoto(order, "reading", await jpegOf(page, "018342"));
  await page.locator(`[data-testid="request-photo"][data-purpose="reading"]`).waitFor();
  assert.equal(await photos.count(), 2);

  // Each: a thumbnail of the account's own photo, sized and lazy, its alt saying what and when, a link to it.
  const shown = async (locale) => photos.evaluateAll((items) => items.map((li) => {
    const img = li.querySelector("img");
    return { purpose: li.dataset.purpose, href: li.querySelector("a").getAttribute("href"), src: img.getAttribute("src"),
      alt: img.alt.replace(/[\s\u202f\u2009\u00a0]+/g, " "), loading: img.loading, width: img.getAttribute("width"), height: img.getAttribute("height") };
  }));
  const path = (p) => `/api/v1/accounts/${account.number}/photos/${p.id}`;
  const expected = (subjects, taken, locale) => [site, dial].map((p, i) => ({
    purpose: p.purpose, href: path(p), src: path(p), alt: `${subjects[i]}${taken}${takenWords(p.taken_at, zone, locale)}`,
    loading: "lazy", width: "160", height: "160",
  }));
  assert.deepEqual(await shown(), expected(["Photo of the site", "Photo of your meter's dial"], ", taken ", "en-US"));
  await page.getByRole("heading", { name: "Photos" }).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=request-photo] img")].every((img) => img.naturalWidth === 800));
  await page.getByRole("link", { name: `Photo of the site, taken ${takenWords(site.taken_at, zone, "en-US")}` }).waitFor();
  // The link's photo, with the customer's session: the image itself.
  const fetched = await page.evaluate(async (href) => {
    const r = await fetch(href);
    return { status: r.status, type: r.headers.get("content-type"), bytes: (await r.arrayBuffer()).byteLength };
  }, path(site));
  assert.deepEqual(fetched, { status: 200, type: "image/jpeg", bytes: site.size_bytes });
  assert.doesNotMatch(await mainText(page), /api_key|staff:|customer:/, "no actor's id is shown");
  await photograph(page, page.locator("section[aria-labelledby=photos-heading]"), "request-photos-phone-en");
  await photograph(page, page.locator("main"), "request-photos-page-phone-en");

  await inLanguage(page, "es");
  await page.getByRole("heading", { name: "Fotos" }).waitFor();
  await page.getByRole("link", { name: `Foto del lugar, tomada el ${takenWords(site.taken_at, zone, "es-US")}` }).waitFor();
  assert.deepEqual(await shown(), expected(["Foto del lugar", "Foto de la pantalla de su medidor"], ", tomada el ", "es-US"));
  await photograph(page, page.locator("section[aria-labelledby=photos-heading]"), "request-photos-phone-es");
  await photograph(page, page.locator("main"), "request-photos-page-phone-es");
  await inLanguage(page, "en");

  // Another account's photo is never served to this customer, by its id under this account or under the other.
  const others = (await sql(
    "SELECT number FROM account_overview WHERE status = 'active' AND COALESCE(line2, '') <> '' " +
    `AND number NOT IN ('${account.number}', ${[...TAKEN].map((n) => `'${n}'`).join(", ")}) ORDER BY id DESC LIMIT 1;`,
  ));
  assert.match(others, /^\d{9}$/, "the test utility has another active account");
  const theirs = await asApiKey("POST", `/api/v1/accounts/${others}/service-orders`,
    { kind: "other", details: "A test order, cancelled at once." }, { "Idempotency-Key": `orders-photos-other-${Date.now()}` });
  assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
  await staffMove(theirs.body.order.number, { action: "cancel", note: "browser test" });
  const theirPhoto = await staffPhoto(theirs.body.order.number, "site", await jpegOf(page, "not yours"));
  const refused = await page.evaluate(async (paths) => Promise.all(paths.map(async (p) => (await fetch(p)).status)),
    [`/api/v1/accounts/${account.number}/photos/${theirPhoto.id}`, `/api/v1/accounts/${others}/photos/${theirPhoto.id}`]);
  assert.ok(refused.every((s) => s === 403 || s === 404), `another account's photo refused: ${refused}`);
  assert.deepEqual(errors, []);
});

/** A quantity as the portal and the console write it: whole gallons, one decimal for kWh, CCF and therms. */
const quantityWords = (value, unit, locale = "en-US") => {
  const digits = unit === "gal" ? 0 : 1;
  return Number(value).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
};

test("a meter exchanged, then a move-out the same day: the final bill lists each meter's part and the total, in the portal in English and Spanish and in the console", async (t) => {
  const account = await handReadAccount();
  const zone = await utilityZone(account.number);
  const { page, errors } = await openPage(browser, t, PHONE);
  await signUpByEmail(page, account, PASSWORD);

  // The technician exchanges the hand-read meter: its final reading, the new one put in reading 5.
  const staffAccount = await apiKeyGet(`/api/v1/staff/accounts/${account.number}`);
  const commodity = staffAccount.agreements.find((a) => !a.end_date && a.meters.some((m) => m.serial === account.serial)).commodity;
  const asked = await asApiKey("POST", `/api/v1/accounts/${account.number}/service-orders`, { kind: "meter_exchange", commodity, details: "Dial fogged over" },
    { "Idempotency-Key": `orders-exchange-${Date.now()}` });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  const exchange = asked.body.order.number;
  for (const move of [{ action: "schedule", ...windowIn(0) }, { action: "dispatch", crew: "Crew 3" }, { action: "depart" }, { action: "arrive" }]) {
    await staffMove(exchange, move);
  }
  const finalReading = String(account.last + 40);
  const newSerial = `${account.serial[0]}7${String(Date.now()).slice(-7)}`;
  const exchanged = await staffMove(exchange, {
    action: "complete", reads: [{ meter: account.serial, reading: finalReading, confirmed: true }],
    new_meter: { serial: newSerial, kind: "manual", reading: "5", channels: [{ name: account.unit, unit: account.unit, interval_minutes: null }] },
  });
  assert.equal(exchanged.status, "completed", JSON.stringify(exchanged.results));

  // The customer moves out today: the new meter still reads 5, the others a little more than last time.
  const today = todayIn(zone);
  const stopAsked = await asApiKey("POST", `/api/v1/accounts/${account.number}/service-orders`, {
    kind: "stop_service", service_date: today, forwarding_address: { line1: "2210 Harbor View Rd", line2: "", city: "Salem", state: "OR", zip: "97301" },
  }, { "Idempotency-Key": `orders-exchange-stop-${Date.now()}` });
  assert.equal(stopAsked.status, 201, JSON.stringify(stopAsked.body));
  const stop = stopAsked.body.order.number;
  for (const move of [{ action: "schedule", ...windowIn(0) }, { action: "dispatch", crew: "Crew 3" }, { action: "depart" }, { action: "arrive" }]) {
    await staffMove(stop, move);
  }
  const site = (await apiKeyGet(`/api/v1/staff/service-orders/${stop}`)).order.site.meters.filter((m) => m.serial && !m.automatic);
  const reads = site.map((m) => ({ meter: m.serial, reading: m.serial === newSerial ? "5" : String(Math.ceil(Number(m.last_reading ?? "0")) + 12), confirmed: true }));
  const stopped = await staffMove(stop, { action: "complete", reads });
  assert.ok(stopped.final_bill_number, `the final bill is released: ${JSON.stringify(stopped.results)}`);
  const bill = await apiKeyGet(`/api/v1/accounts/${account.number}/bills/${stopped.final_bill_number}`);
  const section = bill.sections.find((s) => (s.meters ?? []).length > 0);
  assert.ok(section, `a section lists the meters: ${JSON.stringify(bill.sections.map((s) => [s.commodity, s.meters]))}`);
  assert.deepEqual(section.meters.map((m) => [m.serial, m.to, Number(m.end_read)]), [[account.serial, today, Number(finalReading)], [newSerial, today, 5]]);
  assert.equal(section.meter_serial, newSerial, "the meter in place at the end");
  const [old, fresh] = section.meters;
  const unit = section.unit;

  // The portal's bill: each meter's part as on paper, then the total; in English and Spanish.
  await page.goto(`${BASE}/bills/${stopped.final_bill_number}`);
  const box = page.getByTestId("meter-exchange");
  await box.waitFor();
  const parts = async () => (await box.getByTestId("meter-part").evaluateAll((items) => items.map((li) =>
    [...li.querySelectorAll(".meter-part-title, .meter-part-period, dt, dd")].map((e) => e.textContent)))).map((texts) => texts.map(plain));
  const date = (d, locale) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
  assert.deepEqual(await parts(), [
    [`Meter ${old.serial}`, `${date(old.from, "en-US")} to ${date(old.to, "en-US")}`,
      "Previous read", quantityWords(old.start_read, unit), "Final read", quantityWords(old.end_read, unit), "Usage", `${quantityWords(old.usage, unit)} ${unit}`],
    [`Meter ${fresh.serial}`, `${date(fresh.from, "en-US")} to ${date(fresh.to, "en-US")}`,
      "Read when installed", quantityWords("5", unit), "Current read", quantityWords("5", unit), "Usage", `${quantityWords("0", unit)} ${unit}`],
  ]);
  assert.equal(plain(await box.getByTestId("meter-total").textContent()), `Total usage${quantityWords(section.usage, unit)} ${unit}`);
  assert.equal(await box.locator("xpath=ancestor::section[1]").getByText("Usage billed").count(), 0, "the total stands in for the usage billed");
  await page.getByText("This is the final bill for a service that ended.").waitFor();
  assert.match(plain(await page.getByTestId("bill-period").textContent()), / \(\d+ days?\)$/);
  const card = box.locator("xpath=ancestor::section[1]");
  await photograph(page, card, "bill-exchange-phone-en");
  await inLanguage(page, "es");
  await box.getByRole("heading", { name: "Medidores en este período" }).waitFor();
  assert.deepEqual((await parts())[1], [`Medidor ${fresh.serial}`, `Del ${date(fresh.from, "es-US")} al ${date(fresh.to, "es-US")}`,
    "Lectura al instalarlo", quantityWords("5", unit, "es-US"), "Lectura actual", quantityWords("5", unit, "es-US"), "Consumo", `${quantityWords("0", unit, "es-US")} ${unit}`]);
  assert.deepEqual((await parts())[0].slice(2, 6), ["Lectura anterior", quantityWords(old.start_read, unit, "es-US"), "Lectura final", quantityWords(old.end_read, unit, "es-US")]);
  assert.equal(plain(await box.getByTestId("meter-total").textContent()), `Consumo total${quantityWords(section.usage, unit, "es-US")} ${unit}`);
  await photograph(page, card, "bill-exchange-phone-es");
  await inLanguage(page, "en");
  assert.deepEqual(errors, []);

  // The console's bill: the same parts, in English, a line each.
  const clerk = await ownStaffUser({ tag: "orders-bill", name: "Cy Service", role: "customer_service" });
  for (const device of [DESKTOP, PHONE]) {
    const desk = await openPage(browser, t, device);
    await signInToConsole(desk.page, clerk);
    await desk.page.goto(`${BASE}/staff.html#/accounts/${account.number}`);
    await desk.page.getByRole("button", { name: `Bill ${stopped.final_bill_number}`, exact: true }).click();
    const opened = desk.page.getByRole("region", { name: `Bill ${stopped.final_bill_number}`, exact: true });
    const lines = opened.getByTestId("meter-exchange").getByTestId("meter-part");
    await lines.first().waitFor();
    assert.deepEqual((await lines.allTextContents()).map(plain), [
      `${old.serial}, ${date(old.from, "en-US")} to ${date(old.to, "en-US")}: Previous read ${quantityWords(old.start_read, unit)} · Final read ${quantityWords(old.end_read, unit)} · Usage ${quantityWords(old.usage, unit)} ${unit}`,
      `${fresh.serial}, ${date(fresh.from, "en-US")} to ${date(fresh.to, "en-US")}: Read when installed ${quantityWords("5", unit)} · Current read ${quantityWords("5", unit)} · Usage ${quantityWords("0", unit)} ${unit}`,
    ]);
    assert.equal(plain(await opened.getByTestId("meter-total").textContent()), `${quantityWords(section.usage, unit)} ${unit}`);
    await photograph(desk.page, opened.locator(".bill-service").filter({ has: desk.page.getByTestId("meter-exchange") }),
      `staff-bill-exchange-${device === PHONE ? "phone" : "desktop"}`);
    assert.deepEqual(desk.errors, []);
  }
});
