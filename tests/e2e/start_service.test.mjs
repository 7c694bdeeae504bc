// Browser tests of starting service, end to end, against a running Ratepayer server: a generated
// account's customer moves out today (over the API), so its premise is free from tomorrow. Someone
// with no account opens "Start service" from the sign-in page, is told plainly that an address
// the utility does not serve is not served (with its phone), finds the premise, keeps its three
// services with a plan of their choosing, gives who they are (the last four digits only: a whole
// Social Security number is refused before anything is sent), checks it all, and sends it for
// the day the old customer is still there: refused, said at the start day. Tomorrow, a double tap
// makes one application, and the confirmation names it and the account number; Register opens
// with what they told us. A Spanish applicant applies at the same premise for electricity alone,
// with their own mail address. In the console, a customer service representative does not see
// the Applications queue (activating needs accounts.open); an administrator sees the three
// applications (the third sent over HTTP as the portal sends it), activates the first (a meter
// read by drive-by and a sewer without one: it needs a visit, scheduled there), is refused the
// Spanish one in words (the premise is now served), and activates the third on bill cycle 7
// (every meter automatic: the start is complete at once). Once activated, the first applicant sets
// up online access with the account number and finds Start service again under Requests. Screens
// are photographed at phone size and on a desktop, in English and Spanish, under
// $RATEPAYER_E2E_ARTIFACTS/start-*.png (each checked for overflow and by axe).
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_ACCOUNT, RATEPAYER_E2E_SECOND_ACCOUNT,
//   RATEPAYER_E2E_MAIL_DIR, RATEPAYER_E2E_DB  as for portal.test.mjs
//   RATEPAYER_BIN=build/ratepayer   the server's binary (optional; default build/ratepayer), to add
//                                   this file's own staff users
//
// Applications from one address are limited to 5 an hour: this file makes 3 (one refused as the
// premise is still served counts for nothing), so run it on a fresh database (scripts/test.sh
// makes one), not twice within the hour.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { chromium } from "playwright-core";
import {
  required, baseUrl, launchBrowser, openPage, photographer, inLanguage, PHONE, DESKTOP, apiKeyGet, asApiKey, newestEmailTo,
  ownStaffConsole, ownStaffUser, signInToConsole, sql, plain, dayIn, dayWords,
} from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
required("RATEPAYER_E2E_MAIL_DIR");
required("RATEPAYER_E2E_DB");
// Accounts other browser tests sign up with: not used here.
const TAKEN = new Set([required("RATEPAYER_E2E_ACCOUNT"), required("RATEPAYER_E2E_SECOND_ACCOUNT")]);

let browser;

before(async () => {
  browser = await launchBrowser(chromium);
});

after(async () => {
  await browser?.close();
});

/** Nothing wider than the screen, axe finds nothing, and the part is photographed as start-<name>.png. */
const photograph = photographer("start");

/** The utility, as the portal reads it (its phone, its zone). */
const utility = async () => (await fetch(`${BASE}/api/v1/utility`)).json();

/**
 * Two accounts to move out, away from those other files take (the messages test's first 60, the
 * high-usage test's last): active, in English, nothing owed, no unit, no login, no possible leak;
 * `withSewer` has electricity on an AMI meter, water read by drive-by and a sewer without a meter
 * (so its start needs a visit), `amiOnly` electricity alone on an AMI meter. Each with its service
 * address (read before the move-out, after which the account has none).
 */
async function movingOutAccounts() {
  const rows = (await sql(
    "SELECT o.number, (SELECT group_concat(sp.commodity || ':' || COALESCE(m.kind, '-'), ',') FROM service_agreements sa " +
    "JOIN service_points sp ON sp.id = sa.service_point_id LEFT JOIN meters m ON m.service_point_id = sp.id " +
    "WHERE sa.account_id = o.id AND sa.end_date IS NULL) FROM account_overview o JOIN accounts a ON a.id = o.id " +
    "WHERE o.status = 'active' AND a.language = 'en' AND COALESCE(o.line2, '') = '' AND o.balance_cents <= 0 " +
    "ORDER BY o.id LIMIT 100 OFFSET 60;",
  )).split("\n").map((line) => line.split("|"));
  const found = {};
  for (const [number, services] of rows) {
    if (TAKEN.has(number)) continue;
    const kinds = (services ?? "").split(",").sort().join(",");
    const want = kinds === "electric:ami,sewer:-,water:amr" ? "withSewer" : kinds === "electric:ami" ? "amiOnly" : null;
    if (!want || found[want]) continue;
    const account = await apiKeyGet(`/api/v1/staff/accounts/${number}`);
    if (!account.service_address || account.staff_facts?.portal_logins !== 0) continue;
    const alerts = await apiKeyGet(`/api/v1/accounts/${number}/alerts`);
    if (alerts.leaks.length > 0) continue;
    found[want] = { number, address: account.service_address };
    if (found.withSewer && found.amiOnly) return found;
  }
  assert.fail("the test utility has an account with electricity, water and sewer and one with electricity alone to move out");
}

/** The customer moves out today (staff's move-out: the services end today), so the premise is free from tomorrow. */
async function moveOutToday(number, today) {
  const answer = await asApiKey("POST", `/api/v1/staff/accounts/${number}/move-out`, { last_day: today });
  assert.equal(answer.status, 200, `move-out of ${number}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** The applications waiting (the start orders no visit is scheduled for), as staff see them. */
const waitingApplications = async () =>
  (await apiKeyGet("/api/v1/staff/service-orders?unscheduled=true&kind=start_service")).orders;

let moving = null;
/** The premises of this file, moved out once (the tests run in order). */
async function premises() {
  if (moving) return moving;
  const { time_zone: zone, phone } = await utility();
  const accounts = await movingOutAccounts();
  const today = dayIn(zone);
  await moveOutToday(accounts.withSewer.number, today);
  await moveOutToday(accounts.amiOnly.number, today);
  moving = { ...accounts, zone, phone, today, tomorrow: dayIn(zone, 1) };
  return moving;
}

const main = (page) => page.locator("main");
const stepHeading = (page, name) => page.getByRole("heading", { level: 2, name });

const APPLICANT = { name: "Ana Ruiz", email: `ana.ruiz.${randomBytes(3).toString("hex")}@example.com`, phone: "541-555-0177" };
const SPANISH = { name: "José Álvarez", email: `jose.alvarez.${randomBytes(3).toString("hex")}@example.com` };
/** The applications made here, in order: { number, account }. */
const made = [];

test("someone with no account starts service: an address not served is said plainly, the premise found, its services and plans chosen, a day still served refused, a double tap one application", async (t) => {
  const { withSewer, phone, today, tomorrow } = await premises();
  const { page, errors } = await openPage(browser, t, PHONE);
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole("link", { name: "Moving in? Start service" }).click();
  await page.getByRole("heading", { level: 1, name: "Start service" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/start-service");
  await stepHeading(page, "Step 1 of 4 Where do you need service?").waitFor();
  assert.equal(await page.getByRole("navigation", { name: "Main menu" }).count(), 0, "no menu: nobody is signed in");

  // Too little to look up is said at the field before anything is sent; an address not served is said plainly.
  let lookups = 0;
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/premises")) lookups += 1;
  });
  const street = page.getByLabel("House number and street");
  await street.fill("99");
  await page.getByRole("button", { name: "Find the address" }).click();
  await page.locator("#start-street-error").filter({ hasText: "Enter the house number and the start of the street, like 1204 Elm." }).waitFor();
  assert.equal(lookups, 0);
  await street.fill("9999 Nowhere Ln");
  await page.getByRole("button", { name: "Find the address" }).click();
  const notServed = page.getByTestId("start-not-served");
  await notServed.getByText("We do not serve that address.").waitFor();
  await notServed.getByRole("link", { name: phone }).waitFor();
  assert.match(await notServed.getByRole("link", { name: phone }).getAttribute("href"), /^tel:\+1\d{10}$/);
  await photograph(page, main(page), "not-served-phone-en");

  // The premise: found by its street and ZIP, the only match chosen already.
  const line = `${withSewer.address.line1}, ${withSewer.address.city}, ${withSewer.address.state} ${withSewer.address.zip}`;
  await street.fill(withSewer.address.line1);
  await page.getByLabel("ZIP code (optional)").fill(withSewer.address.zip);
  await page.getByRole("button", { name: "Find the address" }).click();
  const match = page.getByRole("radio", { name: line });
  await match.waitFor();
  assert.equal(await notServed.count(), 0);
  assert.equal(await match.isChecked(), true, "the only match is chosen");
  await photograph(page, main(page), "address-phone-en");
  await page.getByRole("button", { name: "Continue" }).click();

  // Services: each one the premise has, in plain words; a plan to choose where there are two.
  await stepHeading(page, "Step 2 of 4 Services and start day").waitFor();
  await page.getByTestId("start-at").filter({ hasText: `At ${line}` }).waitFor();
  for (const name of ["Electricity", "Sewer", "Water"]) assert.equal(await page.getByRole("checkbox", { name }).isChecked(), true, name);
  const plan = page.getByLabel("Rate plan for electricity");
  assert.deepEqual(await plan.locator("option").allTextContents(), ["Residential electric", "Residential time of use"]);
  await plan.selectOption({ label: "Residential time of use" });
  await page.getByTestId("start-service").filter({ hasText: "Water" }).getByText("Rate plan: Residential water").waitFor();
  const startDay = page.getByLabel("Start day", { exact: true });
  assert.equal(await startDay.inputValue(), tomorrow, "tomorrow on the utility's clocks unless changed");
  for (const name of ["Electricity", "Sewer", "Water"]) await page.getByRole("checkbox", { name }).uncheck();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#start-services-error").filter({ hasText: "Choose at least one service." }).waitFor();
  for (const name of ["Electricity", "Sewer", "Water"]) await page.getByRole("checkbox", { name }).check();
  await plan.selectOption({ label: "Residential time of use" });
  // Today, while the old customer is still there: the portal cannot know; the server says so.
  await startDay.fill(today);
  await photograph(page, main(page), "services-phone-en");
  await page.getByRole("button", { name: "Continue" }).click();

  // Who applies: what is missing is said; a whole Social Security number is refused before sending.
  await stepHeading(page, "Step 3 of 4 About you").waitFor();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#start-name-error").filter({ hasText: "Enter your full name (up to 200 characters)." }).waitFor();
  await page.locator("#start-email-error").filter({ hasText: "Fill in this field." }).waitFor();
  await page.getByLabel("Full name", { exact: true }).fill(APPLICANT.name);
  await page.getByLabel("Email", { exact: true }).fill(APPLICANT.email);
  await page.getByLabel("Mobile phone (optional)").fill(APPLICANT.phone);
  await page.getByLabel("Date of birth (optional)").fill("1988-04-21");
  const idLast4 = page.getByLabel("Last 4 digits of your Social Security number (optional)");
  await idLast4.fill("123-45-6789");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#start-id-last4-error")
    .filter({ hasText: "Enter only the last 4 digits. Never type your whole Social Security number." }).waitFor();
  assert.equal(await idLast4.evaluate((el) => el === document.activeElement), true, "focus goes to it");
  await photograph(page, main(page), "ssn-refused-phone-en");
  await idLast4.fill("6789");
  await page.getByText(`To ${line}, unless you choose another address.`).waitFor();
  await page.getByRole("checkbox", { name: "Go paperless: email my bills instead of mailing them" }).check();
  assert.equal(await page.getByRole("radio", { name: "English" }).isChecked(), true, "the language the page is in");
  await page.getByText("You can set up autopay once you have signed in.").waitFor();
  await photograph(page, main(page), "you-phone-en");
  await page.getByRole("button", { name: "Continue" }).click();

  // The check before sending says it all.
  await stepHeading(page, "Step 4 of 4 Check before you send").waitFor();
  assert.equal(plain(await page.getByTestId("start-review-address").textContent()), line);
  assert.deepEqual((await page.getByTestId("start-review-services").locator("li").allTextContents()).map(plain), [
    "Electricity, rate plan Residential time of use", "Sewer, rate plan Residential sewer", "Water, rate plan Residential water",
  ]);
  const you = plain(await page.getByTestId("start-review-you").textContent());
  for (const words of [APPLICANT.name, APPLICANT.email, APPLICANT.phone, "Apr 21, 1988", "•••-••-6789", line, "English", "By email (paperless)"]) {
    assert.ok(you.includes(words), `the review says ${words}: ${you}`);
  }
  assert.ok(!you.includes("12345"), "never more than the last four digits");
  await photograph(page, main(page), "review-phone-en");

  // Sent for today: the old customer is still there; said at the start day.
  const posts = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/v1/service-applications")) posts.push(r);
  });
  const refused = page.waitForResponse((r) => r.url().endsWith("/api/v1/service-applications"));
  await page.getByRole("button", { name: "Send my application" }).click();
  assert.equal((await refused).status(), 409);
  await stepHeading(page, "Step 2 of 4 Services and start day").waitFor();
  await page.locator("#start-date-error").filter({
    hasText: "Service at that address is still in another customer's name on that day: their move-out must come first. Choose a later day, or call us.",
  }).waitFor();
  assert.equal(await startDay.evaluate((el) => el === document.activeElement), true, "focus goes to the start day");
  await photograph(page, main(page), "still-served-phone-en");

  // Tomorrow: a double tap makes one application.
  await startDay.fill(tomorrow);
  assert.equal(await page.locator("#start-date-error").count(), 0, "the refusal was about the day it was");
  await page.getByRole("button", { name: "Continue" }).click();
  await stepHeading(page, "Step 3 of 4 About you").waitFor();
  assert.equal(await page.getByLabel("Full name", { exact: true }).inputValue(), APPLICANT.name, "what was typed is kept");
  await page.getByRole("button", { name: "Continue" }).click();
  await stepHeading(page, "Step 4 of 4 Check before you send").waitFor();
  const sent = page.waitForResponse((r) => r.url().endsWith("/api/v1/service-applications") && r.status() !== 409);
  await page.getByRole("button", { name: "Send my application" }).dblclick();
  const answer = await sent;
  assert.ok([200, 201].includes(answer.status()), `applied: ${answer.status()}`);
  const { order, account } = await answer.json();
  assert.match(order.number, /^SO\d{6}$/);
  assert.match(account, /^\d{4}-\d{4}-\d$/);
  const keys = new Set(posts.slice(1).map((r) => r.headers()["idempotency-key"]));
  assert.equal(keys.size, 1, "one key for the double tap");
  assert.match([...keys][0], /^portal-[0-9a-f]{32}$/);
  const body = posts.at(-1).postDataJSON();
  assert.equal(body.start_date, tomorrow);
  assert.deepEqual(body.customer, { name: APPLICANT.name, email: APPLICANT.email, phone: "+15415550177", birth_date: "1988-04-21", id_last4: "6789" });
  assert.equal(body.mailing_address, undefined, "the mail goes to the service address");
  assert.equal(body.paperless, true);
  assert.equal(body.services.length, 3);
  const applications = (await waitingApplications()).filter((o) => o.account === account);
  assert.equal(applications.length, 1, "one application for a double tap");
  assert.equal(applications[0].requested_by.split(":")[0], "public");
  made.push({ number: order.number, account });

  // The confirmation: the application and the account number it will have.
  await page.getByRole("heading", { level: 2, name: "Application received" }).waitFor();
  assert.equal(plain(await page.getByTestId("start-done").textContent()),
    `Application ${order.number} received. Your account number will be ${account}. We will email you when service is set up.`);
  await photograph(page, main(page), "done-phone-en");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, main(page), "done-desktop-en");
  await page.setViewportSize(PHONE.viewport);
  // The utility tells them it has the application, at the email they gave.
  await newestEmailTo(APPLICANT.email, new RegExp(order.number));

  // Online access: Register opens with what they told us.
  await page.getByRole("link", { name: "Set up online access" }).click();
  await page.getByRole("heading", { level: 1, name: "Set up online access" }).waitFor();
  assert.equal(await page.getByLabel("Email", { exact: true }).inputValue(), APPLICANT.email);
  assert.equal(await page.getByLabel("Service address (number and street)").inputValue(), withSewer.address.line1);
  assert.equal(await page.getByLabel("ZIP code").inputValue(), withSewer.address.zip);
  assert.equal(await page.getByLabel(/^Account number/).inputValue(), account);
  await photograph(page, main(page), "register-phone-en");
  assert.deepEqual(errors, []);
});

test("a Spanish applicant starts electricity alone at the same premise, with their own mail address", async (t) => {
  const { withSewer, tomorrow } = await premises();
  const { page, errors } = await openPage(browser, t, PHONE);
  await page.goto(`${BASE}/sign-in`);
  await inLanguage(page, "es");
  await page.getByRole("link", { name: "¿Se muda? Inicie el servicio" }).click();
  await page.getByRole("heading", { level: 1, name: "Iniciar el servicio" }).waitFor();
  await stepHeading(page, "Paso 1 de 4 ¿Dónde necesita el servicio?").waitFor();
  await page.getByLabel("Número y calle").fill("9999 Nowhere Ln");
  await page.getByRole("button", { name: "Buscar la dirección" }).click();
  await page.getByTestId("start-not-served").getByText("No damos servicio en esa dirección.").waitFor();
  await photograph(page, main(page), "not-served-phone-es");

  const line = `${withSewer.address.line1}, ${withSewer.address.city}, ${withSewer.address.state} ${withSewer.address.zip}`;
  await page.getByLabel("Número y calle").fill(withSewer.address.line1);
  await page.getByLabel("Código postal (opcional)").fill(withSewer.address.zip);
  await page.getByRole("button", { name: "Buscar la dirección" }).click();
  await page.getByRole("radio", { name: line }).waitFor();
  await photograph(page, main(page), "address-phone-es");
  await page.getByRole("button", { name: "Continuar" }).click();

  await stepHeading(page, "Paso 2 de 4 Servicios y día de inicio").waitFor();
  for (const name of ["Alcantarillado", "Agua"]) await page.getByRole("checkbox", { name }).uncheck();
  await page.getByLabel("Tarifa de electricidad").waitFor();
  await page.getByText(/^El primer día en que el servicio está a su nombre\. Elija un día del /).waitFor();
  await photograph(page, main(page), "services-phone-es");
  await page.getByRole("button", { name: "Continuar" }).click();

  await stepHeading(page, "Paso 3 de 4 Sus datos").waitFor();
  await page.getByLabel("Nombre completo").fill(SPANISH.name);
  await page.getByLabel("Correo electrónico", { exact: true }).fill(SPANISH.email);
  await page.getByLabel("Últimos 4 dígitos de su número de Seguro Social (opcional)").fill("12345");
  await page.getByRole("checkbox", { name: "Enviarlas a otra dirección" }).check();
  await page.getByLabel("Dirección (número y calle)").fill("PO Box 2210");
  await page.getByLabel("Ciudad").fill("Salem");
  await page.getByLabel("Estado", { exact: true }).fill("or");
  await page.getByLabel("Código postal (ZIP)").fill("973");
  await page.getByRole("radio", { name: "Español" }).check();
  await page.getByRole("button", { name: "Continuar" }).click();
  await page.locator("#start-id-last4-error").filter({ hasText: "Escriba solo los últimos 4 dígitos, como 1234." }).waitFor();
  await page.locator("#start-mail-zip-error").filter({ hasText: "Escriba un código postal de 5 dígitos, o ZIP+4 como 97477-1234." }).waitFor();
  await photograph(page, main(page), "you-errors-phone-es");
  await page.getByLabel("Últimos 4 dígitos de su número de Seguro Social (opcional)").fill("");
  await page.getByLabel("Código postal (ZIP)").fill("97301");
  await photograph(page, main(page), "you-phone-es");
  await page.getByRole("button", { name: "Continuar" }).click();

  await stepHeading(page, "Paso 4 de 4 Revise antes de enviar").waitFor();
  assert.deepEqual((await page.getByTestId("start-review-services").locator("li").allTextContents()).map(plain),
    ["Electricidad, tarifa Residential electric"]);
  const you = plain(await page.getByTestId("start-review-you").textContent());
  for (const words of [SPANISH.name, "No lo indicó", "PO Box 2210, Salem, OR 97301", "Español", "Por correo postal"]) {
    assert.ok(you.includes(words), `the review says ${words}: ${you}`);
  }
  await page.getByText(dayWords(tomorrow, "es-US")).waitFor();
  await photograph(page, main(page), "review-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, main(page), "review-desktop-es");
  await page.setViewportSize(PHONE.viewport);

  const sent = page.waitForResponse((r) => r.url().endsWith("/api/v1/service-applications"));
  await page.getByRole("button", { name: "Enviar mi solicitud" }).click();
  const answer = await sent;
  assert.equal(answer.status(), 201);
  const { order, account } = await answer.json();
  const body = answer.request().postDataJSON();
  assert.equal(body.language, "es");
  assert.deepEqual(body.mailing_address, { line1: "PO Box 2210", line2: "", city: "Salem", state: "OR", zip: "97301" });
  assert.equal(body.customer.id_last4, undefined, "left out");
  made.push({ number: order.number, account });
  await page.getByRole("heading", { level: 2, name: "Solicitud recibida" }).waitFor();
  assert.equal(plain(await page.getByTestId("start-done").textContent()),
    `Recibimos la solicitud ${order.number}. Su número de cuenta será ${account}. Le enviaremos un correo electrónico cuando el servicio esté listo.`);
  await photograph(page, main(page), "done-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, main(page), "done-desktop-es");
  assert.deepEqual(errors, []);
});

const staffConsole = ownStaffConsole({ tag: "start-admin", name: "Ada Starter" });

test("staff activate the applications: one needs a visit and is scheduled, one is refused as the premise is served, one is complete at once", async (t) => {
  assert.equal(made.length, 2, "the portal's two applications (the tests before)");
  const { amiOnly, withSewer, zone, tomorrow } = await premises();

  // A third, sent as the portal sends it, at the premise with electricity alone on an AMI meter.
  const [ami] = (await (await fetch(`${BASE}/api/v1/premises?${new URLSearchParams({ address: amiOnly.address.line1, zip: amiOnly.address.zip })}`)).json()).premises;
  const applied = await fetch(`${BASE}/api/v1/service-applications`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `start-e2e-${Date.now()}` },
    body: JSON.stringify({
      premise: ami.id, start_date: tomorrow,
      services: [{ service_point: ami.services[0].service_point, rate_plan: ami.services[0].plans[0].code }],
      customer: { name: "Lee Park", email: `lee.park.${randomBytes(3).toString("hex")}@example.com` }, language: "en", paperless: false,
    }),
  });
  const third = { status: applied.status, body: await applied.json() };
  assert.equal(third.status, 201, JSON.stringify(third.body));
  const [english, spanish] = made;

  // A customer service representative cannot activate, so the queue is not theirs.
  const representative = await ownStaffUser({ tag: "start-csr", name: "Cy Service", role: "customer_service" });
  const { page: csr, errors: csrErrors } = await openPage(browser, t, DESKTOP);
  await signInToConsole(csr, representative);
  await csr.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Work", exact: true }).click();
  await csr.getByRole("navigation", { name: "Work queues" }).waitFor();
  assert.equal(await csr.getByTestId("queue-link-applications").count(), 0);
  await csr.getByText("Applications (needs accounts.open)").waitFor();
  await csr.goto(`${BASE}/staff.html#/queues/applications`);
  await csr.getByText("This queue needs the permission accounts.open, which your roles do not give.").waitFor();
  await photograph(csr, csr.locator(".work-screen"), "staff-not-open-desktop");
  assert.deepEqual(csrErrors, []);

  // The administrator: Applications beside the other queues, the three waiting, oldest first.
  const { page, errors } = await staffConsole(browser, t, DESKTOP);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Work", exact: true }).click();
  const queues = page.getByRole("navigation", { name: "Work queues" });
  await queues.getByTestId("queue-link-possible-leaks").waitFor();
  await photograph(page, queues, "staff-work-nav-desktop");
  await page.getByTestId("queue-link-applications").click();
  await page.getByRole("heading", { level: 1, name: "Applications" }).waitFor();
  assert.equal(new URL(page.url()).hash, "#/queues/applications");
  const row = (number) => page.locator(`[data-testid="application-row"][data-order="${number}"]`);
  for (const { number, account } of [english, spanish, { number: third.body.order.number, account: third.body.account }]) {
    await row(number).getByRole("link", { name: account }).waitFor();
  }
  await row(english.number).getByText("Online application").waitFor();
  await row(third.body.order.number).getByText("Online application").waitFor();
  for (const number of [english.number, spanish.number, third.body.order.number]) {
    assert.equal(await row(number).getByTestId("account-standing").innerText(), "Waiting for activation");
  }
  await row(english.number).getByText(dayWords(tomorrow)).waitFor();
  await row(english.number).getByRole("cell", { name: withSewer.address.line1, exact: true }).waitFor();
  await photograph(page, page.locator(".work-screen"), "staff-applications-desktop");

  // The first: a bill cycle out of range is said at the field; blank keeps the premise's.
  const outcome = page.getByTestId("applications-outcome");
  await row(english.number).getByRole("button", { name: `Activate… ${english.number}` }).click();
  const cycle = row(english.number).getByLabel("Bill cycle (optional)");
  await cycle.fill("25");
  await row(english.number).getByRole("button", { name: "Activate", exact: true }).click();
  await row(english.number).getByText("Bill cycle is a whole number from 1 to 20, or blank to keep the premise's cycle.").waitFor();
  await photograph(page, page.locator(".work-screen"), "staff-cycle-desktop");
  await cycle.fill("");
  await row(english.number).getByRole("button", { name: "Activate", exact: true }).click();
  await outcome.filter({ hasText: `Activated ${english.number}: account ${english.account} is active, and its services start on ${dayWords(tomorrow)}. It needs a visit (a meter is read by hand, or there is none): schedule it.` }).waitFor();
  await row(english.number).getByText("Activated: needs a visit").waitFor();
  // The server says so too: after a reload the account is active, Activate not offered, the visit still to schedule.
  await page.reload();
  await row(english.number).getByText("Activated: needs a visit").waitFor();
  assert.equal(await row(english.number).getAttribute("data-account-status"), "active");
  assert.equal(await row(english.number).getByRole("button", { name: /^Activate/ }).count(), 0, "no Activate for an active account");
  assert.equal(await row(spanish.number).getByTestId("account-standing").innerText(), "Waiting for activation");
  const digits = english.account.replace(/\D/g, "");
  assert.equal((await apiKeyGet(`/api/v1/staff/accounts/${digits}`)).status, "active");
  await photograph(page, page.locator(".work-screen"), "staff-needs-visit-desktop");

  // Scheduled there: the start day, 8 to noon on the utility's clocks.
  await row(english.number).getByRole("button", { name: `Schedule the visit… ${english.number}` }).click();
  assert.equal(await row(english.number).getByLabel("Day of the visit").inputValue(), tomorrow);
  await row(english.number).getByRole("button", { name: "Schedule", exact: true }).click();
  await outcome.filter({ hasText: `Scheduled the visit for ${english.number}: ` }).waitFor();
  await row(english.number).waitFor({ state: "detached" });
  const scheduled = (await apiKeyGet(`/api/v1/accounts/${digits}/service-orders/${english.number}`)).order;
  assert.equal(scheduled.status, "scheduled");
  const eight = new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(new Date(scheduled.window_start));
  assert.equal(Number(eight), 8, "8 AM on the utility's clocks");
  await photograph(page, page.locator(".work-screen"), "staff-scheduled-desktop");

  // The Spanish one: the premise's electricity is now the first applicant's from tomorrow.
  await row(spanish.number).getByRole("button", { name: `Activate… ${spanish.number}` }).click();
  await row(spanish.number).getByRole("button", { name: "Activate", exact: true }).click();
  await outcome.filter({ hasText: `Not activated: service at this address is still in another customer's name on ${spanish.number}'s start day.` }).waitFor();
  assert.equal((await apiKeyGet(`/api/v1/staff/accounts/${spanish.account.replace(/\D/g, "")}`)).status, "pending");
  await photograph(page, page.locator(".work-screen"), "staff-refused-desktop");
  await row(spanish.number).getByRole("button", { name: "Back" }).click();

  // The third, on bill cycle 7: every meter automatic, so complete at once.
  const thirdNumber = third.body.order.number;
  await row(thirdNumber).getByRole("button", { name: `Activate… ${thirdNumber}` }).click();
  await row(thirdNumber).getByLabel("Bill cycle (optional)").fill("7");
  await row(thirdNumber).getByRole("button", { name: "Activate", exact: true }).click();
  await outcome.filter({ hasText: `Activated ${thirdNumber}: account ${third.body.account} is active, and its services start on ${dayWords(tomorrow)}. Every meter is read automatically, so the start is complete.` }).waitFor();
  await row(thirdNumber).waitFor({ state: "detached" });
  const thirdDigits = third.body.account.replace(/\D/g, "");
  assert.equal(await sql(`SELECT bill_cycle FROM accounts WHERE number = '${thirdDigits}';`), "7");
  assert.equal((await apiKeyGet(`/api/v1/accounts/${thirdDigits}/service-orders/${thirdNumber}`)).order.status, "completed");
  await photograph(page, page.locator(".work-screen"), "staff-complete-desktop");
  assert.deepEqual(errors, []);
});

test("once activated, the new customer sets up online access with what they told us, and finds Start service again under Requests", async (t) => {
  const [english] = made;
  assert.ok(english, "the first test's application");
  const { withSewer } = await premises();
  assert.equal((await apiKeyGet(`/api/v1/staff/accounts/${english.account.replace(/\D/g, "")}`)).status, "active", "the test before activated it");
  const { page, errors } = await openPage(browser, t, PHONE);
  await page.goto(`${BASE}/register`);
  await page.getByLabel("Email").fill(APPLICANT.email);
  await page.getByLabel("Service address (number and street)").fill(withSewer.address.line1);
  await page.getByLabel("ZIP code").fill(withSewer.address.zip);
  await page.getByLabel(/^Account number/).fill(english.account);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
  const { match: link } = await newestEmailTo(APPLICANT.email, /https?:\/\/\S+\/verify\?token=\S+/);
  await page.goto(link);
  const password = `start e2e ${randomBytes(4).toString("hex")} lantern`;
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  await photograph(page, main(page), "new-home-phone-en");

  // Starting service somewhere new, from Requests: the same flow, with the menu.
  const menu = page.getByRole("navigation", { name: "Main menu" });
  await menu.getByRole("link", { name: "Requests", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Requests" }).waitFor();
  await photograph(page, main(page), "requests-phone-en");
  await page.getByRole("link", { name: "Starting service somewhere new?" }).click();
  await page.getByRole("heading", { level: 1, name: "Start service" }).waitFor();
  assert.equal(await menu.getByRole("link", { name: "Requests", exact: true }).getAttribute("aria-current"), "page");
  await photograph(page, page.locator("body"), "signed-in-phone-en");
  await inLanguage(page, "es");
  await stepHeading(page, "Paso 1 de 4 ¿Dónde necesita el servicio?").waitFor();
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("body"), "signed-in-desktop-es");
  await inLanguage(page, "en");
  assert.deepEqual(errors, []);
});
