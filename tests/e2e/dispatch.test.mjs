// Browser test of the dispatcher's board and the field technician's page (web/staff.html #/dispatch,
// #/field) against a running Ratepayer server: a meter re-read is asked for over the API; a field
// dispatcher (role field_dispatcher) finds it among the unscheduled orders, schedules it for today
// and dispatches it to "Crew 7", and the board shows it in Crew 7's column. A field technician (role
// field_technician) on a phone (412 x 823) chooses Crew 7 once (offered among the day's crews; typed
// in any case, asked for as the crew is listed), the page asking the server for Crew 7's orders only
// (crew= on every request for the day), sees the order, opens it (the
// address, the meter with its last reading), goes on the way and arrives; then the phone loses its
// connection, the completion (with a reading when a meter is read by hand, and a photo of the dial
// from the camera, shrunk on the phone under the server's 1 MB limit) waits to send; the
// connection comes back and the first send of each reaches the server but its answer is lost; each
// is sent again (the completion with the same Idempotency-Key, the photo as the same image). The
// order is completed, with exactly one complete among its moves and exactly one photo. A second
// technician's reading below the last is refused in words and read again (then a photo of the site
// is added), and a visit not done (a reason chosen, a photo of why) is on the dispatcher's board to
// schedule again. A meter exchange is completed with the old meter's last reading and the new
// meter's details (what is missing said at its field first): the new meter is in place. A crew is
// listed on the board's Crews form with 1 visit a day (a limit out of range said at its field
// first); one order is dispatched to it, its load then "1 of 1 visit" and marked Full; a second the
// same day is refused, said in words on its card; the crew marked not working is refused too.
// Orders in two areas (ZIP codes): each card names its area, "By area" sums the day up, and the
// board narrowed to one area (the selector, or an area's link) asks the server with `area` and
// shows only that area's orders. A technician's phone that opened the field page once with a
// connection (no reload after its service worker was registered) opens it again after a reload
// with none: the day's list (its crew's only: another crew's order that day is not on the phone)
// and an order from the copies kept on the phone, said "Offline — as of"; a move made then waits and is sent once the connection is back; signing out leaves no copy
// (and with the worker blocked, the console does not open offline at all).
// Screens are photographed as dispatch-*.png under $RATEPAYER_E2E_ARTIFACTS (each checked for
// overflow and by axe), the board and its crews at desktop and phone sizes.
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_ACCOUNT, RATEPAYER_E2E_SECOND_ACCOUNT,
//   RATEPAYER_E2E_DB, RATEPAYER_BIN  as for staff_console.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { stat } from "node:fs/promises";
import {
  required, baseUrl, launchBrowser, openPage, photographer, PHONE, DESKTOP, apiKeyGet, asApiKey, ownStaffUser, signInToConsole, cameraPhoto,
  sql, nowIn, assertEventually,
} from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
required("RATEPAYER_E2E_DB");
// Accounts other browser tests use: not used here.
const TAKEN = new Set([required("RATEPAYER_E2E_ACCOUNT"), required("RATEPAYER_E2E_SECOND_ACCOUNT")]);
const CREW = "Crew 7";

let browser;

before(async () => {
  browser = await launchBrowser(chromium);
});

after(async () => {
  await browser?.close();
});

const photograph = photographer("dispatch");

/**
 * An active account with a meter read by hand, not another file's (the newest such; the oldest
 * with `oldest`, for a test that changes its meter: orders.test.mjs takes the newest it can).
 */
async function accountWithHandReadMeter({ oldest = false } = {}) {
  const numbers = (await sql(
    "SELECT a.number FROM accounts a WHERE a.status = 'active' AND EXISTS (SELECT 1 FROM service_agreements sa " +
    "JOIN meters m ON m.service_point_id = sa.service_point_id WHERE sa.account_id = a.id AND sa.end_date IS NULL AND m.kind = 'manual') " +
    `ORDER BY a.id ${oldest ? "ASC" : "DESC"} LIMIT 20;`,
  )).split("\n").filter((n) => /^\d{9}$/.test(n));
  const number = numbers.find((n) => !TAKEN.has(n));
  assert.ok(number, "the test utility has an active account with a meter read by hand");
  return number;
}

test("a dispatcher schedules and dispatches a visit; the technician's completion, made offline, posts once", async (t) => {
  const number = await accountWithHandReadMeter();
  const made = await asApiKey("POST", `/api/v1/accounts/${number}/service-orders`, { kind: "meter_reread" },
    { "Idempotency-Key": `dispatch-e2e-${Date.now()}` });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const so = made.body.order.number;
  const zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
  const { day, from } = nowIn(zone);

  // ---- the dispatcher -------------------------------------------------------------------------
  const dispatcher = await ownStaffUser({ tag: "dispatch", name: "Dee Dispatcher", role: "field_dispatcher" });
  const desk = await openPage(browser, t, DESKTOP);
  await signInToConsole(desk.page, dispatcher);
  const page = desk.page;
  await page.getByRole("link", { name: "Dispatch", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Dispatch" }).waitFor();
  await page.getByTestId("dispatch-status").filter({ hasText: /orders? on .*to schedule\./ }).waitFor();
  const unscheduled = page.locator("section.unscheduled");
  const showAll = unscheduled.getByRole("button", { name: /^Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  const card = page.locator(`[data-testid=order-card][data-order=${so}]`);
  assert.equal(await unscheduled.locator(`[data-order=${so}]`).count(), 1, "the new order is among the unscheduled");
  await card.getByText("Read the meter again").waitFor();

  await card.getByRole("button", { name: `Schedule… ${so}` }).click();
  const form = card.getByRole("form", { name: `Schedule ${so}` });
  assert.equal(await form.getByLabel("Day of the visit").inputValue(), day, "the board's day (today) is offered");
  await form.getByLabel("From").fill(from);
  await form.getByLabel("To").fill("23:30");
  await form.getByRole("button", { name: "Schedule", exact: true }).click();
  await page.getByTestId("dispatch-outcome").filter({ hasText: `Scheduled ${so}.` }).waitFor();

  const notDispatched = page.locator("[data-testid=crew-column][data-crew='']");
  const scheduledCard = notDispatched.locator(`[data-order=${so}]`);
  await scheduledCard.waitFor();
  await scheduledCard.getByRole("button", { name: `Dispatch… ${so}` }).click();
  await scheduledCard.getByLabel("Crew").fill(CREW);
  await scheduledCard.getByRole("button", { name: "Dispatch", exact: true }).click();
  await page.getByTestId("dispatch-outcome").filter({ hasText: `Dispatched ${so} to ${CREW}.` }).waitFor();
  const crewColumn = page.locator(`[data-testid=crew-column][data-crew='${CREW}']`);
  await crewColumn.locator(`[data-order=${so}]`).getByText("Dispatched").waitFor();
  assert.match(await crewColumn.getByTestId("crew-count").innerText(), /^\d+ orders?/);
  assert.equal((await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.crew, CREW);
  await photograph(page, page.locator(".dispatch-board"), "board");

  // ---- the technician, on a phone --------------------------------------------------------------
  const technician = await ownStaffUser({ tag: "field", name: "Finn Field", role: "field_technician" });
  const phone = await openPage(browser, t, PHONE);
  const field = phone.page;
  await signInToConsole(field, technician);
  assert.equal(await field.getByRole("link", { name: "Dispatch", exact: true }).count(), 0, "no board for a technician");
  const dayLists = [];
  field.on("request", (r) => {
    if (/\/api\/v1\/staff\/service-orders\?/.test(r.url())) dayLists.push(new URL(r.url()));
  });
  const crewsAsked = field.waitForRequest((r) => r.url().startsWith(`${BASE}/api/v1/staff/crews?day=`));
  await field.getByRole("link", { name: "Field work" }).click();
  await field.getByRole("heading", { level: 1, name: "Your crew" }).waitFor();
  await crewsAsked;
  // The day's crews are offered (Crew 7 has a visit booked today); a name typed in another case is Crew 7's.
  await field.getByRole("list", { name: "Today's crews" }).getByRole("button", { name: CREW, exact: true }).waitFor();
  assert.deepEqual(dayLists, [], "nothing is asked for before a crew is chosen");
  await photograph(field, field.locator(".field-page"), "field-crew-chooser");
  await field.getByLabel("Crew", { exact: true }).fill(CREW.toLowerCase());
  const listAsked = field.waitForRequest((r) => /\/api\/v1\/staff\/service-orders\?/.test(r.url()));
  await field.getByRole("button", { name: "Show my orders" }).click();
  await field.getByRole("heading", { level: 1, name: `Today, ${CREW}` }).waitFor();
  const asked = await listAsked;
  assert.equal(new URL(asked.url()).searchParams.get("crew"), CREW, "the page asks for its crew's orders only, as the crew is listed");
  assert.ok(asked.headers()["x-field-copy-for"], "marked for the phone's copy");
  const listed = field.locator(`[data-testid=field-order][data-order=${so}]`);
  await listed.waitFor();
  await photograph(field, field.locator(".field-page"), "field-list");

  // The crew is remembered on the phone.
  await field.reload();
  await field.getByRole("heading", { level: 1, name: `Today, ${CREW}` }).waitFor();
  await listed.waitFor();
  assert.ok(dayLists.length >= 2, `the day asked for on each load: ${dayLists.length}`);
  for (const url of dayLists) {
    assert.deepEqual([url.searchParams.get("crew"), !!url.searchParams.get("from"), !!url.searchParams.get("to")], [CREW, true, true],
      `every request for the day names the crew: ${url.search}`);
  }

  await field.locator(`[data-testid=field-order][data-order=${so}]`).click();
  await field.getByTestId("site-address").waitFor();
  const status = field.getByTestId("order-status");
  await status.filter({ hasText: "Dispatched" }).waitFor();
  const idle = field.getByTestId("outbox-line");
  await field.getByRole("button", { name: "On my way" }).click();
  await status.filter({ hasText: "On the way" }).waitFor();
  await field.waitForFunction(() => !document.querySelector("[data-testid=waiting-moves]"));
  await field.getByRole("button", { name: "Arrived" }).click();
  await status.filter({ hasText: "On site" }).waitFor();
  await field.waitForFunction(() => !document.querySelector("[data-testid=waiting-moves]"));
  await field.getByRole("button", { name: "Complete…" }).waitFor();
  assert.equal((await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.status, "on_site");
  await photograph(field, field.locator(".field-page"), "field-order");

  // No connection: the completion waits on the phone.
  await phone.context.setOffline(true);
  await field.getByRole("button", { name: "Complete…" }).click();
  const detail = await apiKeyGet(`/api/v1/staff/service-orders/${so}`);
  const handRead = (detail.order.site?.meters ?? []).filter((m) => !m.automatic && m.serial);
  for (const meter of handRead) {
    // The last reading was taken this morning (the generated data): the dial has hardly moved since.
    const reading = String(Math.ceil(Number(meter.last_reading ?? "0")));
    await field.getByLabel(`Reading of meter ${meter.serial} (${meter.unit})`).fill(reading);
  }
  // A photo of the dial from the camera (larger than the server takes): shrunk on the phone, shown before it is kept.
  const dial = await cameraPhoto(field);
  assert.ok((await stat(dial)).size > 1_000_000, "the camera's photo is larger than the server's body limit");
  await field.getByLabel("Photo of the dial (optional)").setInputFiles(dial);
  await field.getByTestId("photo-chosen").getByText(/^Ready to send, \d+ kB\.$/).waitFor();
  await photograph(field, field.locator(".complete-form"), "field-complete-photo");
  await field.getByRole("button", { name: "Complete", exact: true }).click();
  await field.getByTestId("waiting-moves").getByText("Complete: waiting to send").waitFor();
  await idle.filter({ hasText: "1 move and 1 photo are waiting to send." }).waitFor();
  await status.filter({ hasText: "Completed, not sent yet" }).waitFor();
  await field.getByTestId("photo-waiting").getByText("Photo of the dial: waiting to send").waitFor();
  await field.getByTestId("photo-count").filter({ hasText: "None kept yet. 1 waiting to send." }).waitFor();
  await field.waitForFunction(() => document.querySelector("[data-testid=photo-waiting] img")?.naturalWidth > 0);
  await photograph(field, field.locator(".field-page"), "field-waiting");
  assert.equal((await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.status, "on_site", "nothing reached the server");
  // Kept on the phone (IndexedDB) like the moves (localStorage), not only in the page's memory.
  assert.equal(await field.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open("ratepayer-field");
    open.onsuccess = () => {
      const count = open.result.transaction("photos").objectStore("photos").count();
      count.onsuccess = () => resolve(count.result);
    };
    open.onerror = () => resolve(-1);
  })), 1, "the photo's bytes are kept on the phone");

  // Back online: sent; the answer is lost, so it stays waiting and is sent again with its key.
  // (Routed only now: a routed request is fetched by Playwright, which the offline phone would not do.)
  const seenKeys = [];
  let lostOne = false;
  await field.route(`**/api/v1/staff/service-orders/${so}/moves`, async (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}");
    if (body.action !== "complete") return route.continue();
    seenKeys.push(route.request().headers()["idempotency-key"]);
    if (!lostOne) {
      // The first send reaches the server, which completes the order; its answer never comes back.
      lostOne = true;
      await route.fetch();
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  const photoSends = [];
  let lostPhoto = false;
  await field.route(new RegExp(`/api/v1/staff/service-orders/${so}/photos\\?`), async (route) => {
    const body = route.request().postDataBuffer() ?? Buffer.alloc(0);
    photoSends.push({ purpose: new URL(route.request().url()).searchParams.get("purpose"), type: route.request().headers()["content-type"],
      bytes: body.length, jpeg: body[0] === 0xff && body[1] === 0xd8 });
    if (!lostPhoto) {
      // Kept by the server; the answer is lost, so the phone sends the same image again.
      lostPhoto = true;
      await route.fetch();
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  await phone.context.setOffline(false);
  await field.waitForFunction(() => navigator.onLine);
  await field.evaluate(() => dispatchEvent(new Event("online"))); // in case the emulation did not say so
  await assertEventually(() => seenKeys.length >= 1, "the completion is sent once the connection is back");
  // Sent again by the next pass (another 'online', "Send now", or the 20 s timer), whichever comes first.
  const sendNow = field.getByRole("button", { name: "Send now" });
  await assertEventually(async () => {
    if (await sendNow.isVisible()) await sendNow.click().catch(() => {});
    return (await field.getByTestId("waiting-moves").count()) === 0 && (await field.getByTestId("photo-waiting").count()) === 0;
  }, "the completion and the photo are sent again and leave the outbox", 45_000);
  assert.ok(seenKeys.length >= 2, `sent again after the lost answer (${seenKeys.length} sends)`);
  assert.equal(new Set(seenKeys).size, 1, "every send carries the same Idempotency-Key");
  // Should the server find a reading unlikely, the technician is told and confirms it is right
  // (each reading it names, one at a time; each confirmed completion is a new move with its own key).
  const refused = field.getByTestId("move-refused");
  for (let confirmed = 0; (await refused.count()) > 0; confirmed++) {
    assert.ok(confirmed < 4, "at most one confirmation per reading");
    assert.match(await refused.innerText(), /read the dial again, or confirm it is right/);
    if (confirmed === 0) await photograph(field, refused, "field-reading-refused");
    const before = await refused.innerText();
    await refused.getByRole("button", { name: "It is right" }).click();
    await assertEventually(async () => (await field.getByTestId("waiting-moves").count()) === 0 &&
      ((await refused.count()) === 0 || (await refused.innerText()) !== before), "the confirmed completion is answered");
  }
  const done = (await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order;
  assert.equal(done.status, "completed");
  assert.equal(done.moves.filter((m) => m.action === "complete").length, 1, "exactly one complete among the moves");
  if (handRead.length > 0) assert.equal(done.results?.reads?.length, handRead.length, "the reading taken is kept with the order");
  // The photo: sent twice (the first answer lost), kept once; a JPEG well under the server's limit.
  assert.ok(photoSends.length >= 2, `the photo was sent again after the lost answer (${photoSends.length} sends)`);
  for (const sent of photoSends) {
    assert.deepEqual([sent.purpose, sent.type, sent.jpeg], ["reading", "image/jpeg", true]);
    assert.ok(sent.bytes > 10_000 && sent.bytes <= 900_000, `shrunk to ${sent.bytes} bytes`);
  }
  assert.equal(new Set(photoSends.map((p) => p.bytes)).size, 1, "the same image each time");
  assert.equal(done.photos.length, 1, `exactly one photo kept: ${JSON.stringify(done.photos)}`);
  assert.deepEqual([done.photos[0].purpose, done.photos[0].content_type, done.photos[0].size_bytes], ["reading", "image/jpeg", photoSends[0].bytes]);
  await field.getByTestId("photo-count").filter({ hasText: "1 photo kept with this order." }).waitFor();
  await field.waitForFunction(() => document.querySelector("[data-testid=photo-kept] img")?.naturalWidth > 0);
  assert.equal(await field.evaluate(() => document.querySelector("[data-testid=photo-kept] img").naturalWidth), 1600, "the server's copy, 1600 px wide");
  await photograph(field, field.locator(".field-photos"), "field-photos");
  await field.getByRole("link", { name: "← Today's orders" }).click();
  await field.getByRole("heading", { level: 1, name: `Today, ${CREW}` }).waitFor();
  await assertEventually(async () => (await field.locator(`[data-testid=field-order][data-order=${so}]`).count()) === 0,
    "the completed order leaves today's list");
  await photograph(field, field.locator(".field-page"), "field-done");
  assert.deepEqual(phone.errors.filter((e) => !/Could not reach|ERR_INTERNET_DISCONNECTED|net::/.test(e)), []);
  assert.deepEqual(desk.errors, []);
});

/** An order moved over the API as the administrator's key. */
async function staffMove(order, move) {
  const answer = await asApiKey("POST", `/api/v1/staff/service-orders/${order}/moves`, move);
  assert.equal(answer.status, 200, `${move.action} ${order}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.order;
}

test("the technician: a reading lower than the last is said and read again; a visit not done is on the board to schedule again", async (t) => {
  const number = await accountWithHandReadMeter();
  const zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
  const { day, from } = nowIn(zone);
  const crew = `Crew 8-${Date.now() % 10_000}`;
  const window = { window_start: instantOf(day, from, zone), window_end: instantOf(day, "23:30", zone) };
  const orders = [];
  for (const tag of ["read", "fail"]) {
    const made = await asApiKey("POST", `/api/v1/accounts/${number}/service-orders`, { kind: "meter_reread" },
      { "Idempotency-Key": `dispatch-e2e-${tag}-${Date.now()}` });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const so = made.body.order.number;
    await staffMove(so, { action: "schedule", ...window });
    await staffMove(so, { action: "dispatch", crew });
    orders.push(so);
  }
  const [reread, notDone] = orders;
  await staffMove(reread, { action: "depart" });
  await staffMove(reread, { action: "arrive" });

  const technician = await ownStaffUser({ tag: "field2", name: "Fay Field", role: "field_technician" });
  const phone = await openPage(browser, t, PHONE);
  const page = phone.page;
  await signInToConsole(page, technician);
  await page.goto(`${BASE}/staff.html#/field`);
  await page.getByLabel("Crew", { exact: true }).fill(crew);
  await page.getByRole("button", { name: "Show my orders" }).click();
  await page.getByTestId("field-status").filter({ hasText: "2 orders today." }).waitFor();

  // A reading below the last: the server's words, then the form again for the dial read again.
  await page.locator(`[data-testid=field-order][data-order=${reread}]`).click();
  await page.getByTestId("order-status").filter({ hasText: "On site" }).waitFor();
  const meters = (await apiKeyGet(`/api/v1/staff/service-orders/${reread}`)).order.site.meters.filter((m) => !m.automatic && m.serial);
  assert.ok(meters.length > 0, "the account has a meter read by hand");
  await page.getByRole("button", { name: "Complete…" }).click();
  for (const m of meters) await page.getByLabel(`Reading of meter ${m.serial} (${m.unit})`).fill(String(Math.max(0, Math.floor(Number(m.last_reading)) - 10)));
  await page.getByRole("button", { name: "Complete", exact: true }).click();
  const refused = page.getByTestId("move-refused");
  await refused.waitFor();
  assert.match(await refused.innerText(), /lower than the last reading/);
  assert.equal(await refused.getByRole("button", { name: "It is right" }).count(), 0, "a reading below the last cannot be confirmed");
  await photograph(page, refused, "field-reading-lower");
  await refused.getByRole("button", { name: "Read it again" }).click();
  for (const m of meters) await page.getByLabel(`Reading of meter ${m.serial} (${m.unit})`).fill(String(Math.ceil(Number(m.last_reading))));
  await page.getByRole("button", { name: "Complete", exact: true }).click();
  await assertEventually(async () => (await apiKeyGet(`/api/v1/staff/service-orders/${reread}`)).order.status === "completed", "completed once read again");
  // A photo of the site, added from the order's page: kept at once.
  await page.getByLabel("Add a photo of the site").setInputFiles(await cameraPhoto(page, { digits: "SITE01" }));
  await page.getByTestId("photo-count").filter({ hasText: "1 photo kept with this order." }).waitFor();
  assert.deepEqual((await apiKeyGet(`/api/v1/staff/service-orders/${reread}`)).order.photos.map((p) => p.purpose), ["site"]);

  // Could not do it: a reason is needed; the order goes back to the dispatcher's unscheduled list.
  await page.getByRole("link", { name: "← Today's orders" }).click();
  await page.locator(`[data-testid=field-order][data-order=${notDone}]`).click();
  await page.getByTestId("order-status").filter({ hasText: "Dispatched" }).waitFor();
  await page.getByRole("button", { name: "Could not do it…" }).click();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.getByText("Choose why it could not be done.").waitFor();
  await page.getByRole("radio", { name: "No access" }).check();
  await page.getByLabel("More (optional)").fill("Gate locked, nobody home");
  await page.getByLabel("Photo of why (optional)").setInputFiles(await cameraPhoto(page, { digits: "LOCKED" }));
  await page.getByTestId("photo-chosen").waitFor();
  await photograph(page, page.locator(".field-page"), "field-could-not");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await assertEventually(async () => (await apiKeyGet(`/api/v1/staff/service-orders/${notDone}`)).order.status === "failed", "recorded as failed");
  const failed = (await apiKeyGet(`/api/v1/staff/service-orders/${notDone}`)).order;
  assert.equal(failed.failure_reason, "No access: Gate locked, nobody home");
  await assertEventually(async () => (await apiKeyGet(`/api/v1/staff/service-orders/${notDone}`)).order.photos.length === 1, "the photo of why is kept");
  assert.equal((await apiKeyGet(`/api/v1/staff/service-orders/${notDone}`)).order.photos[0].purpose, "failure");
  assert.deepEqual(phone.errors, []);

  // The dispatcher's board has it to schedule again, with why it was not done (the server lists
  // it by its old window, not among the unscheduled: the board puts it there).
  const dispatcher = await ownStaffUser({ tag: "dispatch2", name: "Dan Dispatcher", role: "field_dispatcher" });
  const desk = await openPage(browser, t, DESKTOP);
  await signInToConsole(desk.page, dispatcher);
  await desk.page.goto(`${BASE}/staff.html#/dispatch`);
  const again = desk.page.locator(`section.unscheduled [data-testid=order-card][data-order=${notDone}]`);
  await again.getByText("Not done last time: No access: Gate locked, nobody home").waitFor();
  assert.equal(await desk.page.locator(`[data-testid=crew-column] [data-order=${notDone}]`).count(), 0, "not in its crew's column");
  await again.getByRole("button", { name: `Schedule… ${notDone}` }).waitFor();
  assert.equal(await again.getByTestId("late").count(), 0, "a visit not done is not late");
  await photograph(desk.page, desk.page.locator("section.unscheduled"), "board-not-done");
  assert.deepEqual(desk.errors, []);
});

test("a meter exchange: the technician says which meter went in (what is missing said first); the old one's last reading and the new meter are kept", async (t) => {
  const number = await accountWithHandReadMeter({ oldest: true });
  const zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
  const { day, from } = nowIn(zone);
  const commodity = (await sql(
    "SELECT sp.commodity FROM accounts a JOIN service_agreements sa ON sa.account_id = a.id JOIN service_points sp ON sp.id = sa.service_point_id " +
    `JOIN meters m ON m.service_point_id = sa.service_point_id WHERE a.number = '${number}' AND sa.end_date IS NULL AND m.kind = 'manual' LIMIT 1;`,
  ));
  assert.ok(commodity, "a service read by hand");
  const crew = `Crew X-${Date.now() % 10_000}`;
  const made = await asApiKey("POST", `/api/v1/accounts/${number}/service-orders`, { kind: "meter_exchange", commodity, details: "Dial fogged over" },
    { "Idempotency-Key": `dispatch-e2e-exchange-${Date.now()}` });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const so = made.body.order.number;
  await staffMove(so, { action: "schedule", window_start: instantOf(day, from, zone), window_end: instantOf(day, "23:30", zone) });
  await staffMove(so, { action: "dispatch", crew });
  await staffMove(so, { action: "depart" });
  await staffMove(so, { action: "arrive" });
  const meters = (await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.site.meters;
  const old = meters.find((m) => m.commodity === commodity && m.serial && !m.automatic);
  assert.ok(old, `a ${commodity} meter read by hand is in place`);

  const technician = await ownStaffUser({ tag: "field3", name: "Fox Field", role: "field_technician" });
  const phone = await openPage(browser, t, PHONE);
  const page = phone.page;
  await signInToConsole(page, technician);
  await page.goto(`${BASE}/staff.html#/field`);
  await page.getByLabel("Crew", { exact: true }).fill(crew);
  await page.getByRole("button", { name: "Show my orders" }).click();
  await page.locator(`[data-testid=field-order][data-order=${so}]`).click();
  await page.getByTestId("order-status").filter({ hasText: "On site" }).waitFor();
  await page.getByRole("button", { name: "Complete…" }).click();
  const form = page.getByRole("form", { name: "Complete the work" });
  const newMeter = form.getByTestId("new-meter");
  await newMeter.getByRole("group", { name: "How it is read" }).waitFor();
  assert.equal(await newMeter.getByLabel("Counts in").inputValue(), old.unit, "the unit of the meter coming out is offered");
  for (const m of meters.filter((x) => x.serial && !x.automatic)) {
    const label = m === old ? `Last reading of meter ${m.serial} (${m.unit})` : `Reading of meter ${m.serial} (${m.unit})`;
    await form.getByLabel(label).fill(String(Math.ceil(Number(m.last_reading ?? "0"))));
  }
  await form.getByRole("button", { name: "Complete", exact: true }).click();
  await newMeter.getByText("Type the new meter's serial, as on its plate.").waitFor();
  await newMeter.getByText("Choose how the new meter is read.").waitFor();
  assert.equal(await newMeter.getByLabel("Serial").getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "new-meter-serial", "focus goes to the first field to put right");
  assert.equal((await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.status, "on_site", "nothing is sent");
  await photograph(page, form, "field-exchange-problems");
  const serial = `${old.serial[0]}9${String(Date.now()).slice(-7)}`;
  await newMeter.getByLabel("Serial").fill(serial);
  await newMeter.getByRole("radio", { name: "Sends its own readings (AMI)" }).check();
  await newMeter.getByLabel("Sends a reading every").waitFor();
  await newMeter.getByRole("radio", { name: "Read by hand" }).check();
  assert.equal(await newMeter.getByLabel("Sends a reading every").count(), 0, "a meter read by hand has no interval");
  await photograph(page, form, "field-exchange");
  await form.getByRole("button", { name: "Complete", exact: true }).click();
  // Should the server find a reading unlikely, the technician confirms it (the new meter goes with it).
  const refused = page.getByTestId("move-refused");
  await assertEventually(async () => {
    if ((await refused.count()) > 0 && (await refused.getByRole("button", { name: "It is right" }).count()) > 0) {
      await refused.getByRole("button", { name: "It is right" }).click();
    }
    return (await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.status === "completed";
  }, "the exchange is completed", 20_000);
  const done = (await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order;
  assert.deepEqual(done.results.new_meter, { serial, kind: "manual", channels: [{ name: old.unit, unit: old.unit, interval_minutes: null }] });
  assert.equal(done.results.done.installed, serial);
  assert.equal(done.results.done.removed, old.serial);
  assert.ok(done.results.reads.some((r) => r.meter === old.serial), "the old meter's last reading is kept");
  const after = (await apiKeyGet(`/api/v1/staff/accounts/${number}`)).agreements.flatMap((a) => a.meters).map((m) => m.serial);
  assert.ok(after.includes(serial) && !after.includes(old.serial), `the new meter is in place: ${after.join(", ")}`);
  assert.deepEqual(phone.errors, []);
});

test("a crew that takes 1 visit a day: listed on the board, one order dispatched to it, a second refused in words; a crew not working refused too", async (t) => {
  const number = await accountWithHandReadMeter();
  const zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
  const { day, from } = nowIn(zone);
  const crew = `Crew 1v-${Date.now() % 10_000}`;
  const window = { window_start: instantOf(day, from, zone), window_end: instantOf(day, "23:30", zone) };
  const orders = [];
  for (const tag of ["first", "second"]) {
    const made = await asApiKey("POST", `/api/v1/accounts/${number}/service-orders`, { kind: "meter_reread" },
      { "Idempotency-Key": `dispatch-e2e-crew-${tag}-${Date.now()}` });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await staffMove(made.body.order.number, { action: "schedule", ...window });
    orders.push(made.body.order.number);
  }
  const [first, second] = orders;

  const dispatcher = await ownStaffUser({ tag: "dispatch4", name: "Dot Dispatcher", role: "field_dispatcher" });
  const desk = await openPage(browser, t, DESKTOP);
  const page = desk.page;
  await signInToConsole(page, dispatcher);
  await page.goto(`${BASE}/staff.html#/dispatch`);
  await page.getByTestId("dispatch-status").filter({ hasText: /orders? on .*to schedule\./ }).waitFor();

  // The Crews form: a limit out of range is said at its field, in words; then the crew is listed with 1 visit a day.
  const crews = page.locator("section.crews-panel");
  await crews.getByRole("heading", { level: 2, name: /^Crews on / }).waitFor();
  await crews.getByRole("button", { name: "Add a crew…" }).click();
  const adding = crews.getByRole("form", { name: "Add a crew" });
  await adding.getByLabel("Crew's name").fill(crew);
  await adding.getByLabel("Visits a day").fill("0");
  await adding.getByRole("button", { name: "Save", exact: true }).click();
  await adding.getByText("Visits a day is a whole number from 1 to 200.").waitFor();
  assert.equal(await adding.getByLabel("Visits a day").getAttribute("aria-invalid"), "true");
  await photograph(page, crews, "crews-form-problem");
  await adding.getByLabel("Visits a day").fill("1");
  await adding.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByTestId("crews-outcome").filter({ hasText: `Saved ${crew}: 1 visit a day, working.` }).waitFor();
  const row = crews.locator(`[data-testid=crew-row][data-crew='${crew}']`);
  await row.getByTestId("crew-load").filter({ hasText: "0 of 1 visit" }).waitFor();

  // The first order to it: offered among the crews, its load said before sending; dispatched.
  const notDispatched = page.locator("[data-testid=crew-column][data-crew='']");
  const firstCard = notDispatched.locator(`[data-order=${first}]`);
  await firstCard.getByRole("button", { name: `Dispatch… ${first}` }).click();
  assert.equal(await firstCard.locator(`datalist option[value='${crew}']`).getAttribute("label"), "0 of 1 visit");
  await firstCard.getByLabel("Crew").fill(crew);
  await firstCard.getByTestId("crew-notice").filter({ hasText: `${crew}: 0 of 1 visit on ` }).waitFor();
  await firstCard.getByRole("button", { name: "Dispatch", exact: true }).click();
  await page.getByTestId("dispatch-outcome").filter({ hasText: `Dispatched ${first} to ${crew}.` }).waitFor();
  const column = page.locator(`[data-testid=crew-column][data-crew='${crew}']`);
  await column.getByTestId("crew-load").filter({ hasText: "1 of 1 visit this day" }).waitFor();
  assert.match(await column.getByTestId("crew-load").innerText(), /^1 of 1 visit this day\s+Full$/, "a full crew is marked in words");
  await row.getByTestId("crew-load").filter({ hasText: "1 of 1 visit" }).waitFor();
  assert.equal(await row.getByTestId("crew-mark").innerText(), "Full");

  // The second, the same day: offered as full, said so under the field; the server's refusal said on the card.
  const secondCard = notDispatched.locator(`[data-order=${second}]`);
  await secondCard.getByRole("button", { name: `Dispatch… ${second}` }).click();
  assert.equal(await secondCard.locator(`datalist option[value='${crew}']`).getAttribute("label"), "1 of 1 visit, full");
  await secondCard.getByLabel("Crew").fill(crew);
  await secondCard.getByTestId("crew-notice").filter({ hasText: "full: choose another crew or day." }).waitFor();
  await secondCard.getByRole("button", { name: "Dispatch", exact: true }).click();
  const refused = secondCard.getByTestId("order-refused");
  await refused.waitFor();
  assert.match(await refused.innerText(),
    new RegExp(`^Not dispatched: ${crew} already has 1 visit on .+, the most it takes in a day: choose another crew or day\\.$`));
  assert.equal(await refused.getAttribute("role"), "alert");
  assert.equal(await secondCard.getByLabel("Crew").inputValue(), crew, "the crew form stays open for another crew");
  const unmoved = (await apiKeyGet(`/api/v1/staff/service-orders/${second}`)).order;
  assert.equal(unmoved.status, "scheduled");
  assert.equal(unmoved.crew, null);
  await photograph(page, secondCard, "crew-full-refused");
  await photograph(page, page.locator(".dispatch-board"), "board-crews");

  // The crew stops working: marked so; a dispatch to it is refused in words too.
  await row.getByRole("button", { name: `Change… ${crew}` }).click();
  const changing = row.getByRole("form", { name: `Change ${crew}` });
  assert.equal(await changing.getByLabel("Visits a day").inputValue(), "1");
  await changing.getByLabel("Working (takes new visits)").uncheck();
  await changing.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByTestId("crews-outcome").filter({ hasText: `Saved ${crew}: 1 visit a day, not working.` }).waitFor();
  await row.getByTestId("crew-mark").filter({ hasText: "Not working" }).waitFor();
  await secondCard.getByRole("button", { name: "Dispatch", exact: true }).click();
  await refused.filter({ hasText: `Not dispatched: ${crew} is not working` }).waitFor();
  assert.deepEqual(desk.errors, []);

  // On a phone the board and its crews still fit the screen (the columns scroll across inside it).
  const phone = await openPage(browser, t, PHONE);
  await signInToConsole(phone.page, dispatcher);
  await phone.page.goto(`${BASE}/staff.html#/dispatch`);
  const phoneCrews = phone.page.locator("section.crews-panel");
  await phoneCrews.locator(`[data-testid=crew-row][data-crew='${crew}']`).getByTestId("crew-mark").filter({ hasText: "Not working" }).waitFor();
  await phoneCrews.getByRole("button", { name: "Add a crew…" }).click();
  await photograph(phone.page, phoneCrews, "crews-phone");
  await photograph(phone.page, phone.page.locator("section.crew-board"), "board-phone");
  assert.deepEqual(phone.errors, []);
});

/**
 * Two active accounts, not another file's, whose services are in different ZIP codes (the newest
 * such): [{ number, zip, city }, ...].
 */
async function accountsInTwoAreas() {
  const rows = (await sql(
    "SELECT a.number, substr(p.zip, 1, 5), p.city FROM accounts a JOIN service_agreements sa ON sa.account_id = a.id AND sa.end_date IS NULL " +
    "JOIN service_points sp ON sp.id = sa.service_point_id JOIN premises p ON p.id = sp.premise_id WHERE a.status = 'active' " +
    "GROUP BY a.number ORDER BY a.id DESC LIMIT 40;",
  )).split("\n").map((line) => line.split("|")).map(([number, zip, city]) => ({ number, zip, city }))
    .filter((a) => /^\d{9}$/.test(a.number) && /^\d{5}$/.test(a.zip) && !TAKEN.has(a.number));
  const first = rows[0];
  const second = rows.find((a) => a.zip !== first?.zip);
  assert.ok(first && second, "the test utility has active accounts in two ZIP codes");
  return [first, second];
}

test("the board by area: each card names its area; the day summed up by area; narrowed to one area (the server's filter), only its orders", async (t) => {
  const zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
  const { day, from } = nowIn(zone);
  const window = { window_start: instantOf(day, from, zone), window_end: instantOf(day, "23:30", zone) };
  const crew = `Crew A-${Date.now() % 10_000}`;
  const [here, there] = await accountsInTwoAreas();
  // In each area: one order today (here dispatched to a crew), one waiting for a window.
  const made = {};
  for (const [tag, account] of [["here", here], ["there", there]]) {
    for (const when of ["day", "waiting"]) {
      const answer = await asApiKey("POST", `/api/v1/accounts/${account.number}/service-orders`, { kind: "investigate", details: `Area test: ${tag}, ${when}` },
        { "Idempotency-Key": `dispatch-e2e-area-${tag}-${when}-${Date.now()}` });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      assert.deepEqual(answer.body.order.area, { zip: account.zip, city: account.city }, "the server names the order's area");
      if (when === "day") await staffMove(answer.body.order.number, { action: "schedule", ...window });
      made[`${tag}-${when}`] = answer.body.order.number;
    }
  }
  await staffMove(made["here-day"], { action: "dispatch", crew });
  const hereWords = `${here.city} ${here.zip}`;
  const thereWords = `${there.city} ${there.zip}`;

  const dispatcher = await ownStaffUser({ tag: "dispatch5", name: "Ada Dispatcher", role: "field_dispatcher" });
  const desk = await openPage(browser, t, DESKTOP);
  const page = desk.page;
  await signInToConsole(page, dispatcher);
  const asked = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/staff/service-orders?")) asked.push(new URL(r.url()).searchParams);
  });
  await page.goto(`${BASE}/staff.html#/dispatch`);
  await page.getByTestId("dispatch-status").filter({ hasText: /orders? on .*to schedule\./ }).waitFor();
  const card = (so) => page.locator(`[data-testid=order-card][data-order=${so}]`);
  for (const [so, words] of [["here-day", hereWords], ["there-day", thereWords]]) {
    await card(made[so]).getByTestId("order-area").filter({ hasText: words }).waitFor();
  }
  for (const so of ["here-waiting", "there-waiting"]) {
    const showAll = page.locator("section.unscheduled").getByRole("button", { name: /^Show all/ });
    if (await showAll.isVisible()) await showAll.click();
    await card(made[so]).waitFor();
  }
  assert.equal(await card(made["here-waiting"]).getByTestId("order-area").innerText(), hereWords);

  // The day by area: a row per area, its counts and the crews there, as the server's lists have them.
  const summary = page.getByTestId("areas-summary");
  const hereRow = summary.locator(`[data-testid=area-row][data-area='${here.zip}']`);
  const hereDay = (await apiKeyGet(`/api/v1/staff/service-orders?from=${encodeURIComponent(dayStart(day, zone))}&to=${encodeURIComponent(dayStart(nextDayOf(day), zone))}&area=${here.zip}&limit=5000`)).orders;
  const cells = await hereRow.locator("th, td").allInnerTexts();
  assert.equal(cells[0], hereWords);
  assert.equal(Number(cells[1]), hereDay.filter((o) => o.status !== "failed").length, "the area's orders that day");
  assert.match(cells[4], new RegExp(`${crew}: 1`), "the crew working there");
  await photograph(page, page.locator(".dispatch-board"), "board-areas");

  // Narrowed to one area with the selector: the server is asked with its ZIP code; only its orders show.
  const picker = page.getByLabel("Area", { exact: true });
  const choice = await picker.locator(`option[value='${here.zip}']`).innerText();
  assert.match(choice, new RegExp(`^${hereWords} \\(\\d+ that day, (\\d+|none) to schedule\\)$`));
  assert.match(await picker.locator("option[value='']").innerText(), /^All areas \(\d+ that day, (\d+|none) to schedule\)$/);
  asked.length = 0;
  await picker.selectOption(here.zip);
  await page.waitForURL(new RegExp(`#/dispatch\\?area=${here.zip}$`));
  await page.getByTestId("dispatch-status").filter({ hasText: ` in ${hereWords} on ` }).waitFor();
  assert.ok(asked.some((q) => q.get("area") === here.zip && q.has("from")), "the day's list asked for with the area");
  assert.ok(asked.some((q) => q.get("area") === here.zip && q.get("unscheduled") === "true"), "the waiting list asked for with the area");
  const board = page.locator(".crew-board, section.unscheduled");
  await card(made["here-day"]).waitFor();
  await card(made["here-waiting"]).waitFor();
  assert.equal(await card(made["there-day"]).count(), 0, "another area's order today is not shown");
  assert.equal(await card(made["there-waiting"]).count(), 0, "another area's waiting order is not shown");
  const areasShown = new Set(await board.getByTestId("order-area").allInnerTexts());
  assert.deepEqual([...areasShown], [hereWords], "every card shown is in the area");
  assert.equal(await picker.inputValue(), here.zip);
  await page.getByRole("heading", { level: 2, name: new RegExp(`^Unscheduled in ${hereWords}`) }).waitFor();
  await photograph(page, page.locator(".dispatch-board"), "board-one-area");

  // Kept in the address: the next day is of the same area; the summary's link narrows to another; all areas again.
  assert.match(await page.getByRole("link", { name: "Next day" }).getAttribute("href"), new RegExp(`&area=${here.zip}$`));
  await summary.getByRole("link", { name: thereWords, exact: true }).click();
  await page.getByTestId("dispatch-status").filter({ hasText: ` in ${thereWords} on ` }).waitFor();
  await card(made["there-day"]).waitFor();
  assert.equal(await card(made["here-day"]).count(), 0);
  await summary.getByTestId("all-areas").click();
  await page.getByTestId("dispatch-status").filter({ hasText: /^\d+ orders? on / }).waitFor();
  await card(made["here-day"]).waitFor();
  await card(made["there-day"]).waitFor();
  assert.deepEqual(desk.errors, []);

  // On a phone the board narrowed to an area still fits the screen.
  const phone = await openPage(browser, t, PHONE);
  await signInToConsole(phone.page, dispatcher);
  await phone.page.goto(`${BASE}/staff.html#/dispatch?area=${here.zip}`);
  await phone.page.getByTestId("dispatch-status").filter({ hasText: ` in ${hereWords} on ` }).waitFor();
  await photograph(phone.page, phone.page.locator(".dispatch-board"), "board-one-area-phone");
  assert.deepEqual(phone.errors, []);
});

/** The field worker's caches in `page`: { name: [paths] } (the names start "ratepayer-field-"). */
const fieldCaches = (page) => page.evaluate(async () => {
  const found = {};
  for (const name of await caches.keys()) {
    if (!name.startsWith("ratepayer-field-")) continue;
    found[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
  }
  return found;
});

test("the field page with no connection: loaded once online, it opens again after a reload offline (the day and an order as they were), and a move made then is sent once back", async (t) => {
  const number = await accountWithHandReadMeter();
  const zone = (await (await fetch(`${BASE}/api/v1/utility`)).json()).time_zone;
  const { day, from } = nowIn(zone);
  const crew = `Crew O-${Date.now() % 10_000}`;
  const made = await asApiKey("POST", `/api/v1/accounts/${number}/service-orders`, { kind: "meter_reread" },
    { "Idempotency-Key": `dispatch-e2e-offline-${Date.now()}` });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const so = made.body.order.number;
  await staffMove(so, { action: "schedule", window_start: instantOf(day, from, zone), window_end: instantOf(day, "23:30", zone) });
  await staffMove(so, { action: "dispatch", crew });
  // Another crew's visit the same day: never on this technician's phone.
  const others = await asApiKey("POST", `/api/v1/accounts/${number}/service-orders`, { kind: "investigate", details: "Another crew's visit" },
    { "Idempotency-Key": `dispatch-e2e-offline-other-${Date.now()}` });
  assert.equal(others.status, 201, JSON.stringify(others.body));
  const theirs = others.body.order.number;
  await staffMove(theirs, { action: "schedule", window_start: instantOf(day, from, zone), window_end: instantOf(day, "23:30", zone) });
  await staffMove(theirs, { action: "dispatch", crew: `${crew} other` });

  // What this is about: with no worker (blocked here), the console does not open at all offline.
  const bare = await openPage(browser, t, PHONE, { serviceWorkers: "block" });
  await bare.page.goto(`${BASE}/staff.html#/field`);
  await bare.page.getByRole("heading", { level: 1, name: "Sign in", exact: true }).waitFor();
  await bare.context.setOffline(true);
  await assert.rejects(bare.page.reload(), /ERR_INTERNET_DISCONNECTED/, "without the worker a reload offline finds nothing");

  // A phone that has never opened the console (a new browser profile: no service worker yet).
  const technician = await ownStaffUser({ tag: "field4", name: "Flo Field", role: "field_technician" });
  const phone = await openPage(browser, t, PHONE);
  const field = phone.page;
  await signInToConsole(field, technician);
  assert.equal(await field.evaluate(() => navigator.serviceWorker.controller), null, "no worker answers the console before the field page");
  const dayLists = [];
  field.on("request", (r) => {
    if (/\/api\/v1\/staff\/service-orders\?/.test(r.url())) dayLists.push(new URL(r.url()).searchParams.get("crew"));
  });
  await field.getByRole("link", { name: "Field work" }).click();
  await field.getByLabel("Crew", { exact: true }).fill(crew);
  await field.getByRole("button", { name: "Show my orders" }).click();
  await field.getByRole("heading", { level: 1, name: `Today, ${crew}` }).waitFor();
  const listed = field.locator(`[data-testid=field-order][data-order=${so}]`);
  await listed.waitFor();
  assert.equal(await field.locator(`[data-testid=field-order][data-order=${theirs}]`).count(), 0, "another crew's order is not listed");

  // The field page registered its worker, which answers this very page at once (it claims it): no
  // reload with a connection is needed. A mark on the window proves the page was not reloaded meanwhile.
  await field.evaluate(() => { window.notReloaded = true; });
  await field.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith("/field-sw.js"));
  const registration = await field.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
  assert.equal(registration, `${BASE}/staff.html`, "the worker's scope is the console's page only");
  // Opened with a connection: the order's details come through the worker, which keeps them.
  await listed.click();
  await field.getByTestId("site-address").waitFor();
  await field.getByTestId("order-status").filter({ hasText: "Dispatched" }).waitFor();
  assert.equal(await field.getByTestId("offline-note").count(), 0, "online: the server's answer, no note");
  await field.getByRole("link", { name: "← Today's orders" }).click();
  await listed.waitFor();
  await assertEventually(async () => {
    const kept = await fieldCaches(field);
    const copies = Object.entries(kept).find(([name]) => name.startsWith("ratepayer-field-copies-"))?.[1] ?? [];
    const shell = kept["ratepayer-field-shell-v1"] ?? [];
    return copies.some((p) => p.startsWith("/api/v1/staff/service-orders?from=")) && copies.includes(`/api/v1/staff/service-orders/${so}`) &&
      shell.includes("/staff.html") && shell.some((p) => /^\/assets\/FieldPage-.*\.js$/.test(p));
  }, "the page, its files, the day's list and the order are kept on the phone");
  const kept = await fieldCaches(field);
  // The list kept is this crew's day, as the server answered it: the other crew's order is not in it.
  const keptLists = Object.values(kept).flat().filter((p) => p.startsWith("/api/v1/staff/service-orders?"));
  assert.equal(keptLists.length, 1, `one list kept: ${keptLists}`);
  assert.equal(new URLSearchParams(keptLists[0].split("?")[1]).get("crew"), crew, "the kept list is the crew's");
  const keptNumbers = await field.evaluate(async (path) => {
    for (const name of await caches.keys()) {
      const answer = await (await caches.open(name)).match(path);
      if (answer) return (await answer.json()).orders.map((o) => o.number);
    }
    return null;
  }, keptLists[0]);
  assert.ok(keptNumbers.includes(so) && !keptNumbers.includes(theirs), `only the crew's orders are on the phone: ${keptNumbers}`);
  assert.deepEqual(Object.keys(kept).sort(), ["ratepayer-field-copies-" + (await field.evaluate(() => JSON.parse(localStorage.getItem("ratepayer.field.technician")).id)), "ratepayer-field-shell-v1"]);
  for (const paths of Object.values(kept)) {
    for (const path of paths) {
      assert.match(path, /^(\/staff\.html|\/assets\/.+|\/api\/v1\/staff\/service-orders(\/SO\d+|\?.+))$/, `only the page, its files and the field page's orders are kept: ${path}`);
    }
  }
  assert.equal(await field.evaluate(() => window.notReloaded), true, "all that with no reload since the worker was registered");
  await photograph(field, field.locator(".field-page"), "field-list-online");

  // No connection, and the page is opened again.
  await phone.context.setOffline(true);
  await field.reload();
  assert.equal(await field.evaluate(() => window.notReloaded), undefined, "reloaded");
  await field.getByRole("heading", { level: 1, name: `Today, ${crew}` }).waitFor();
  const note = field.getByTestId("offline-note");
  await note.waitFor();
  assert.match(await note.locator("strong").innerText(), /^Offline — showing your list as of \d{1,2}:\d{2}\s[AP]M\.$/);
  await listed.waitFor();
  await field.getByTestId("outbox-line").filter({ hasText: "No connection." }).waitFor();
  assert.equal(await field.getByTestId("staff-name").innerText(), "Flo Field", "the technician kept on the phone");
  await photograph(field, field.locator("main"), "field-list-offline");

  await listed.click();
  await field.getByTestId("site-address").waitFor();
  await field.getByTestId("offline-note").filter({ hasText: /^Offline — showing this order as of / }).waitFor();
  const status = field.getByTestId("order-status");
  await status.filter({ hasText: "Dispatched" }).waitFor();
  await field.getByRole("button", { name: "On my way" }).click();
  await field.getByTestId("waiting-moves").getByText("On my way: waiting to send").waitFor();
  await status.filter({ hasText: "On the way, not sent yet" }).waitFor();
  await photograph(field, field.locator("main"), "field-order-offline");
  assert.equal((await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.status, "dispatched", "nothing reached the server");

  // Back online: the session is asked for again, then the move is sent; the list is the server's again.
  await phone.context.setOffline(false);
  await field.waitForFunction(() => navigator.onLine);
  await field.evaluate(() => dispatchEvent(new Event("online"))); // in case the emulation did not say so
  await assertEventually(async () => (await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.status === "en_route",
    "the move made offline is sent once the connection is back", 30_000);
  await field.waitForFunction(() => !document.querySelector("[data-testid=waiting-moves]"));
  await status.filter({ hasText: /^On the way$/ }).waitFor();
  await field.getByTestId("offline-note").waitFor({ state: "detached" });
  const moves = (await apiKeyGet(`/api/v1/staff/service-orders/${so}`)).order.moves.filter((m) => m.action === "depart");
  assert.equal(moves.length, 1, "sent once");
  assert.ok(dayLists.length > 0 && dayLists.every((c) => c === crew), `every request for the day names the crew: ${dayLists}`);
  await staffMove(theirs, { action: "cancel", note: "a browser test's: only there to be left off the phone" });

  // Signing out lets go of every copy on the phone.
  await field.getByRole("button", { name: "Sign out" }).click();
  await field.getByRole("heading", { level: 1, name: "Sign in", exact: true }).waitFor();
  await assertEventually(async () => Object.keys(await fieldCaches(field)).length === 0, "no copies are left after signing out");
  assert.equal(await field.evaluate(() => localStorage.getItem("ratepayer.field.technician")), null);
  assert.deepEqual(phone.errors.filter((e) => !/Could not reach|ERR_INTERNET_DISCONNECTED|net::/.test(e)), []);
});

test("a day of 5,000 orders: one request for the day, drawn quickly, a column's first cards shown and the rest on asking", async (t) => {
  const dispatcher = await ownStaffUser({ tag: "dispatch3", name: "Di Dispatcher", role: "field_dispatcher" });
  const desk = await openPage(browser, t, DESKTOP);
  await signInToConsole(desk.page, dispatcher);
  const page = desk.page;
  // The day's answer as the server would give it at its most (limit 5000): 40 crews, some late.
  const start = Date.parse(new Date().toISOString().slice(0, 10) + "T16:00:00Z");
  const orders = Array.from({ length: 5000 }, (_, i) => ({
    number: `SO9${String(i).padStart(5, "0")}`, account: "1000-0001-7", kind: i % 3 ? "meter_reread" : "disconnect",
    status: i % 5 === 0 ? "scheduled" : "dispatched", needs_visit: true, details: `${100 + i} Elm St`,
    window_start: new Date(start + (i % 40) * 900_000).toISOString(), window_end: new Date(start + (i % 40) * 900_000 + 7_200_000).toISOString(),
    crew: i % 5 === 0 ? null : `Crew ${i % 40}`, failure_reason: null, service_date: null, commodity: "electric", requested_at: "2026-12-01T10:00:00Z",
  }));
  let dayRequests = 0;
  await page.route(/\/api\/v1\/staff\/service-orders\?from=/, async (route) => {
    dayRequests += 1;
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ orders }) });
  });
  const began = Date.now();
  await page.goto(`${BASE}/staff.html#/dispatch`);
  await page.getByTestId("dispatch-status").filter({ hasText: / orders on / }).waitFor();
  const took = Date.now() - began;
  const status = await page.getByTestId("dispatch-status").innerText();
  assert.match(status, /^5000 orders on/);
  assert.equal(dayRequests, 1, "one request for the day");
  assert.ok(took < 5000, `drawn in ${took} ms`);
  const cards = await page.locator("[data-testid=crew-column] [data-testid=order-card]").count();
  assert.ok(cards <= 41 * 40, `${cards} cards drawn at first`);
  const none = page.locator("[data-testid=crew-column][data-crew='']");
  assert.match(await none.getByTestId("crew-count").innerText(), /^1000 orders/);
  const more = Date.now();
  await none.getByRole("button", { name: /^Show all 1000/ }).click();
  await assertEventually(async () => (await none.locator("[data-testid=order-card]").count()) === 1000, "all 1,000 shown");
  console.log(`# 5,000 orders: status in ${took} ms, ${cards} cards at first; a column of 1,000 in ${Date.now() - more} ms`);
  await page.screenshot({ path: `${process.env.RATEPAYER_E2E_ARTIFACTS || "/tmp"}/dispatch-board-5000.png` });
  assert.deepEqual(desk.errors, []);
});

/** Midnight of `day` on the utility's clocks, as the board asks for a day. */
const dayStart = (day, zone) => instantOf(day, "00:00", zone);

/** The day after "2026-12-07". */
function nextDayOf(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The instant a day and time on the utility's clocks is (as the console computes it). */
function instantOf(day, time, zone) {
  const [y, mo, d] = day.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offset = (at) => {
    const p = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(new Date(at));
    const v = (type) => Number(p.find((x) => x.type === type).value);
    return Date.UTC(v("year"), v("month") - 1, v("day"), v("hour"), v("minute")) - at;
  };
  let at = wall;
  for (let i = 0; i < 2; i++) at = wall - offset(at);
  return new Date(at).toISOString().replace(/\.000Z$/, "Z");
}
