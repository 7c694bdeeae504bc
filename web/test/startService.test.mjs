// Starting service in the portal (src/portal/startService.ts, startServiceApi.ts, router.ts): the
// address looked up, the services and plans chosen, the start day on the utility's clocks, who
// applies (never more than the last four digits of an ID number), the application as the server
// takes it, where each field it refuses is said, in both languages, and the requests the page
// makes (an application made once per key, even when sent again).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  APPLICATION_FIELD_WORDS, NOTHING_NEEDED, SEARCH_FIELD_WORDS, START_STEPS, applicationForServer,
  applicationServerFields, checkAddressSearch, checkApplicant, checkBirthDate, checkIdLast4, checkServices, checkStartDay,
  chosenServices, defaultStartDay, identityNeeded, initialChoices, maskedIdLast4, phoneE164, planFieldId, premiseLine,
  premiseQuery, startDayRange, stepOfField,
} from "../.test-build/portal/startService.js";
import { applyForService, findPremises } from "../.test-build/portal/startServiceApi.js";
import { PaymentAttempts, sendAttempt } from "../.test-build/portal/idempotency.js";
import { setCsrfToken } from "../.test-build/portal/api.js";
import { START_PATH, isPublic, isSignedOutOnly, matchRoute, navSection, needsAccount } from "../.test-build/portal/router.js";
import { PROBLEM_CODES, problemWords } from "../.test-build/portal/problemWords.js";
import { commodityName } from "../.test-build/portal/words.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";

const tEn = translator(en);
const tEs = translator(es);

/** A premise as GET /api/v1/premises answers it (the generated utility's). */
const premise = (fields = {}) => ({
  id: 199, line1: "6643 Coburg Ave", line2: "", city: "Bend", state: "OR", zip: "97703",
  services: [
    { commodity: "electric", service_point: 441, plans: [{ code: "E-RES", name: "Residential electric" }, { code: "E-TOU", name: "Residential time of use" }] },
    { commodity: "sewer", service_point: 443, plans: [{ code: "S-RES", name: "Residential sewer" }] },
    { commodity: "water", service_point: 442, plans: [{ code: "W-RES", name: "Residential water" }] },
  ],
  ...fields,
});

const applicant = (fields = {}) => ({
  name: " Ana  Ruiz ", email: " ana.ruiz@example.com ", phone: "", birthDate: "", idLast4: "", otherMailing: false,
  mailing: { line1: "", line2: "", city: "", state: "", zip: "" }, language: "es", paperless: false, ...fields,
});

test("/start-service is open to anyone, signed in or not, and sits under Requests", () => {
  assert.equal(START_PATH, "/start-service");
  const route = matchRoute("/start-service/");
  assert.deepEqual(route, { page: "start-service" });
  assert.equal(isPublic(route), true);
  assert.equal(isSignedOutOnly(route), false, "a signed-in customer may start service somewhere new");
  assert.equal(needsAccount(route), false, "no account is needed to apply");
  assert.equal(navSection(route), "requests");
  assert.deepEqual(START_STEPS, ["address", "services", "you", "review"]);
});

test("the address is looked up by the start of its street (3 characters or more) and an optional ZIP", () => {
  assert.deepEqual(checkAddressSearch({ street: " 66 ", zip: "" }), { "start-street": "errorStartStreet" });
  assert.deepEqual(checkAddressSearch({ street: "6643 Coburg", zip: "" }), {});
  assert.deepEqual(checkAddressSearch({ street: "6643", zip: "9770" }), { "start-zip": "errorZip" });
  assert.equal(premiseQuery({ street: "  6643   Coburg ", zip: "" }), "address=6643+Coburg");
  assert.equal(premiseQuery({ street: "1204 Elm", zip: "97477-1234" }), "address=1204+Elm&zip=97477");
  assert.equal(premiseLine(premise()), "6643 Coburg Ave, Bend, OR 97703");
  assert.equal(premiseLine(premise({ line2: "Apt 4" })), "6643 Coburg Ave, Apt 4, Bend, OR 97703");
  // A search the server refuses without a code is said in the portal's words.
  assert.equal(tEs(SEARCH_FIELD_WORDS.address), "Escriba el número y el principio de la calle, como 1204 Elm.");
});

test("every service of the premise is chosen at first, on its first plan; each is named plainly in both languages", () => {
  const p = premise();
  const choices = initialChoices(p);
  assert.deepEqual(choices, {
    electric: { chosen: true, plan: "E-RES" }, sewer: { chosen: true, plan: "S-RES" }, water: { chosen: true, plan: "W-RES" },
  });
  assert.deepEqual(p.services.map((s) => commodityName(s.commodity, tEn)), ["Electricity", "Sewer", "Water"]);
  assert.deepEqual(p.services.map((s) => commodityName(s.commodity, tEs)), ["Electricidad", "Alcantarillado", "Agua"]);
  const picked = { ...choices, electric: { chosen: true, plan: "E-TOU" }, sewer: { chosen: false, plan: "S-RES" } };
  assert.deepEqual(chosenServices(p, picked).map((s) => [s.commodity, s.service_point, s.plan.code]), [
    ["electric", 441, "E-TOU"], ["water", 442, "W-RES"],
  ]);
  assert.equal(planFieldId("electric"), "start-plan-electric");
  assert.equal(tEn("startPlanLabel", { service: "electricity" }), "Rate plan for electricity");
});

test("the start day is tomorrow on the utility's clocks unless changed, from 3 days back to 90 ahead", () => {
  assert.equal(defaultStartDay("2026-12-07"), "2026-12-08");
  assert.equal(defaultStartDay("2026-12-31"), "2027-01-01");
  assert.deepEqual(startDayRange("2026-12-07"), { earliest: "2026-12-04", latest: "2027-03-07" });
  assert.equal(checkStartDay("2026-12-04", "2026-12-07"), null);
  assert.equal(checkStartDay("2026-12-03", "2026-12-07"), "errorStartDayPast");
  assert.equal(checkStartDay("2027-03-07", "2026-12-07"), null);
  assert.equal(checkStartDay("2027-03-08", "2026-12-07"), "errorLastDayFar");
  assert.equal(checkStartDay("", "2026-12-07"), "errorRequired");
  assert.equal(checkStartDay("12/08/2026", "2026-12-07"), "errorDate");
});

test("going on needs a service at least, a plan offered for each, and a start day in range", () => {
  const p = premise();
  const none = Object.fromEntries(p.services.map((s) => [s.commodity, { chosen: false, plan: s.plans[0].code }]));
  assert.deepEqual(checkServices(p, none, "2026-12-08", "2026-12-07"), { "start-services": "errorStartServices" });
  const badPlan = { ...initialChoices(p), electric: { chosen: true, plan: "E-OLD" } };
  assert.deepEqual(checkServices(p, badPlan, "2027-06-01", "2026-12-07"), {
    "start-plan-electric": "errorStartPlan", "start-date": "errorLastDayFar",
  });
  assert.deepEqual(checkServices(p, initialChoices(p), "2026-12-08", "2026-12-07"), {});
});

test("who applies: a name and an email; a phone, a date of birth and the last 4 digits optional, each checked when given", () => {
  const today = "2026-12-07";
  assert.deepEqual(checkApplicant(applicant(), today, NOTHING_NEEDED), {});
  assert.deepEqual(checkApplicant(applicant({ name: " ", email: "ana@", phone: "555-0177" }), today, NOTHING_NEEDED), {
    "start-name": "errorStartName", "start-email": "errorEmail", "start-phone": "errorPhone",
  });
  assert.equal(checkApplicant(applicant({ name: "x".repeat(201) }), today, NOTHING_NEEDED)["start-name"], "errorStartName");
  assert.equal(checkBirthDate("", today, false), null);
  assert.equal(checkBirthDate("", today, true), "errorBirthDateRefused");
  assert.equal(checkBirthDate("1988-04-21", today, true), null);
  assert.equal(checkBirthDate("2026-12-07", today, false), "errorBirthDate", "born today is not before today");
  assert.equal(checkBirthDate("1850-01-01", today, false), "errorBirthDate");
  // Only the last four digits, ever: a whole number is refused before anything is sent.
  assert.equal(checkIdLast4("", false), null);
  assert.equal(checkIdLast4("", true), "errorIdLast4Refused");
  assert.equal(checkIdLast4(" 12 34", false), null);
  assert.equal(checkIdLast4("123", false), "errorIdLast4");
  assert.equal(checkIdLast4("12a4", false), "errorIdLast4");
  assert.equal(checkIdLast4("123-45-6789", false), "errorIdLast4Whole");
  assert.match(tEn("errorIdLast4Whole"), /Never type your whole Social Security number/);
  assert.match(tEs("errorIdLast4Whole"), /Nunca escriba su número de Seguro Social completo/);
  assert.match(tEn("startIdLast4"), /^Last 4 digits of your Social Security number \(optional\)$/);
  assert.equal(maskedIdLast4("12 34"), "•••-••-1234");
  // Another mail address is checked only when given.
  assert.deepEqual(checkApplicant(applicant({ otherMailing: true }), today, NOTHING_NEEDED), {
    "start-mail-line1": "errorStreetLine", "start-mail-city": "errorCity", "start-mail-state": "errorState", "start-mail-zip": "errorZipPlus4",
  });
});

test("the application as sent: the services chosen with their plans, only what was given, the mail address only when another", () => {
  const p = premise();
  const choices = { ...initialChoices(p), electric: { chosen: true, plan: "E-TOU" }, sewer: { chosen: false, plan: "S-RES" } };
  assert.deepEqual(applicationForServer(p, choices, "2026-12-08", applicant()), {
    premise: 199, start_date: "2026-12-08",
    services: [{ service_point: 441, rate_plan: "E-TOU" }, { service_point: 442, rate_plan: "W-RES" }],
    customer: { name: "Ana Ruiz", email: "ana.ruiz@example.com" },
    language: "es", paperless: false,
  });
  const full = applicant({
    phone: "(541) 555-0177", birthDate: "1988-04-21", idLast4: "12-34", otherMailing: true, language: "en", paperless: true,
    mailing: { line1: " PO Box  12 ", line2: "", city: "Bend", state: "or", zip: "977011234" },
  });
  assert.deepEqual(applicationForServer(p, choices, "2026-12-08", full), {
    premise: 199, start_date: "2026-12-08",
    services: [{ service_point: 441, rate_plan: "E-TOU" }, { service_point: 442, rate_plan: "W-RES" }],
    customer: { name: "Ana Ruiz", email: "ana.ruiz@example.com", phone: "+15415550177", birth_date: "1988-04-21", id_last4: "1234" },
    mailing_address: { line1: "PO Box 12", line2: "", city: "Bend", state: "OR", zip: "97701-1234" },
    language: "en", paperless: true,
  });
  assert.equal(phoneE164("1 541.555.0177"), "+15415550177");
  assert.equal(phoneE164(""), "");
});

test("a field the server refuses is said at its field, on its step, in the portal's words in both languages", () => {
  const sent = chosenServices(premise(), { ...initialChoices(premise()), sewer: { chosen: false, plan: "S-RES" } });
  const fields = applicationServerFields(sent);
  // The server counts the services as sent: the second is water.
  assert.equal(fields["services[0].rate_plan"], "start-plan-electric");
  assert.equal(fields["services[1].rate_plan"], "start-plan-water");
  assert.equal(fields["services[1].service_point"], "start-services");
  assert.equal(fields["customer.phone"], "start-phone");
  assert.equal(fields["mailing_address.zip"], "start-mail-zip");
  assert.equal(fields.id_last4, "start-id-last4");
  for (const field of ["start_date", "services[1].rate_plan", "services[0].service_point", "customer.name", "customer.email",
    "customer.phone", "birth_date", "id_last4", "mailing_address.state", "mailing_address.zip"]) {
    const key = APPLICATION_FIELD_WORDS[field];
    assert.ok(key && en[key] && es[key] && en[key] !== es[key], field);
  }
  assert.equal(tEn(APPLICATION_FIELD_WORDS.birth_date), "Enter your date of birth: we need it to start service.");
  assert.deepEqual(["start-street", "start-date", "start-plan-water", "start-services", "start-id-last4", "start-mail-zip"].map(stepOfField),
    ["address", "services", "services", "services", "you", "you"]);
});

test("the identity the utility asks for becomes required once the server refuses its absence", () => {
  assert.deepEqual(identityNeeded(["birth_date"], applicant(), NOTHING_NEEDED), { birthDate: true, idLast4: false });
  assert.deepEqual(identityNeeded(["id_last4"], applicant({ idLast4: "12" }), NOTHING_NEEDED), NOTHING_NEEDED,
    "a malformed value refused is not a requirement");
  assert.deepEqual(identityNeeded(["customer.email"], applicant(), { birthDate: true, idLast4: false }), { birthDate: true, idLast4: false });
});

test("refusals of an application are worded in both languages: the premise still served, too many applications", () => {
  assert.equal(PROBLEM_CODES["premise-served"], "problemPremiseServed");
  const served = { status: 409, kind: "conflict", code: "premise-served", detail: "service at 6643 Coburg Ave is in another customer's name" };
  assert.match(problemWords(served, "en", tEn), /their move-out must come first/);
  assert.match(problemWords(served, "es", tEs), /primero debe darse de baja/);
  const throttled = { status: 429, kind: "too-many-requests", detail: "too many applications from this connection", retryAfter: 3600 };
  assert.equal(problemWords(throttled, "es", tEs), "Hemos recibido demasiadas solicitudes como esta. Inténtelo de nuevo en 60 minutos, o llámenos.");
});

test("the confirmation names the application and the account number it will have, in both languages", () => {
  assert.equal(tEn("startDone", { number: "SO000123", account: "1000-0001-7" }),
    "Application SO000123 received. Your account number will be 1000-0001-7. We will email you when service is set up.");
  assert.equal(tEs("startDone", { number: "SO000123", account: "1000-0001-7" }),
    "Recibimos la solicitud SO000123. Su número de cuenta será 1000-0001-7. Le enviaremos un correo electrónico cuando el servicio esté listo.");
});

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  setCsrfToken("");
  answer = () => new Response(JSON.stringify({ premises: [premise()] }), { status: 200, headers: { "Content-Type": "application/json" } });
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    return answer();
  };
});

test("the requests the page makes: the premises by address, the application with its key, no sign-in needed", async () => {
  const found = await findPremises({ street: "6643 Coburg", zip: "97703" });
  assert.equal(found.premises[0].id, 199);
  assert.equal(asked[0].method, "GET");
  assert.equal(asked[0].path, "/api/v1/premises?address=6643+Coburg&zip=97703");
  answer = () => new Response(JSON.stringify({ order: { number: "SO000001" }, account: "1000-0201-3", replayed: false }),
    { status: 201, headers: { "Content-Type": "application/json" } });
  const application = applicationForServer(premise(), initialChoices(premise()), "2026-12-08", applicant());
  const made = await applyForService(application, "portal-abc");
  assert.equal(made.account, "1000-0201-3");
  assert.equal(asked[1].method, "POST");
  assert.equal(asked[1].path, "/api/v1/service-applications");
  assert.equal(asked[1].headers["Idempotency-Key"], "portal-abc");
  assert.equal(asked[1].headers["X-CSRF-Token"], undefined, "signed out: no session, no token");
  assert.deepEqual(JSON.parse(asked[1].body), application);
});

test("an application whose answer was lost is sent again with the same key; a refusal ends the attempt", async () => {
  const attempts = new PaymentAttempts((b) => b.fill(9));
  const application = applicationForServer(premise(), initialChoices(premise()), "2026-12-08", applicant());
  const send = () => sendAttempt(attempts, (key) => applyForService(application, key));
  answer = () => new Response(JSON.stringify({ title: "Busy" }), { status: 502, headers: { "Content-Type": "application/problem+json" } });
  await assert.rejects(send());
  assert.equal(attempts.retrying, true);
  answer = () => new Response(JSON.stringify({ order: { number: "SO000001" }, account: "1000-0201-3", replayed: true }),
    { status: 200, headers: { "Content-Type": "application/json" } });
  assert.equal((await send()).replayed, true);
  assert.equal(asked[0].headers["Idempotency-Key"], asked[1].headers["Idempotency-Key"], "the same application, the same key");
  answer = () => new Response(JSON.stringify({ status: 409, code: "premise-served", detail: "x" }),
    { status: 409, headers: { "Content-Type": "application/problem+json" } });
  await assert.rejects(send(), (e) => e.code === "premise-served");
  assert.equal(attempts.retrying, false, "a refusal is the outcome: a changed application is a new one");
});
