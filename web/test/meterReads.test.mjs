// A customer's reading of a meter read by hand (src/portal/meterReads.ts, meterReadsApi.ts): which
// meters take one, the reading's checks, what the answer means in both languages, and the request.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  METER_READING_PATH, READ_SERVER_FIELDS, checkReading, handReadMeters, readAnswerWords, readPhotoFailure, readingForServer, shrinkProblemKey,
  tidyFigures,
} from "../.test-build/portal/meterReads.js";
import { submitMeterRead, uploadReadPhoto } from "../.test-build/portal/meterReadsApi.js";
import { setCsrfToken } from "../.test-build/portal/api.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";
import { formatDate, formatDecimal } from "../.test-build/shared/format.js";

const tEn = translator(en);
const tEs = translator(es);
const decimal = (v) => formatDecimal(v, "en-US");
const date = (d) => formatDate(d, "en-US");

const meter = (serial, kind, channels = ["kWh"]) => ({ serial, kind, channels, installed_on: "2018-12-09" });
const agreement = (commodity, meters, end_date = null) => ({
  id: 1, commodity, start_date: "2018-12-09", end_date, meters, service_address: { line1: "1 Main", line2: "", city: "Eugene", state: "OR", zip: "97403" },
});

test("only meters read by hand take a reading; automatic and drive-by ones, and ended services, do not", () => {
  const agreements = [
    agreement("electric", [meter("E1", "ami"), meter("E2", "manual")]),
    agreement("water", [meter("W1", "amr", ["gal"]), meter("W2", "manual", ["gal"])]),
    agreement("gas", [meter("G1", "manual", ["therm"])], "2024-05-01"),
  ];
  assert.deepEqual(handReadMeters(agreements), [
    { serial: "E2", commodity: "electric", unit: "kWh" },
    { serial: "W2", commodity: "water", unit: "gal" },
  ]);
  assert.deepEqual(handReadMeters(undefined), []);
  assert.equal(METER_READING_PATH, "/meter-reading");
});

test("a reading is a number of at most 3 decimals; spaces and thousands commas are left out", () => {
  assert.equal(readingForServer(" 18,342.5 "), "18342.5");
  assert.equal(readingForServer("18342"), "18342");
  assert.equal(readingForServer("18342.1234"), null);
  assert.equal(readingForServer("-5"), null);
  assert.equal(readingForServer("12,34x"), null);
  assert.equal(checkReading(""), "errorReadingRequired");
  assert.equal(checkReading("abc"), "errorReading");
  assert.equal(checkReading("00123"), null);
  assert.equal(READ_SERVER_FIELDS.reading, "read-value");
  assert.equal(READ_SERVER_FIELDS.meter, "read-meter");
});

const accepted = {
  id: 9, status: "accepted", meter: "E000000011", unit: "kWh", reading: "50180.000", read_at: "2026-12-07T11:48:56Z",
  message: "Thank you. Your reading of 50180.000 kWh for meter E000000011 is recorded and will be used for your next bill.",
};
const held = {
  ...accepted, status: "held", reading: "49000.000",
  message: "Thank you. Your reading of 49000.000 kWh is lower than the last reading we have, 50029.000 on 2026-11-23, so a member of our billing team will check it before it is used for a bill. You do not need to do anything else.",
};

test("the answer in English is the server's sentence, its figures as the portal writes them", () => {
  assert.equal(readAnswerWords(accepted, "en", tEn, decimal, date),
    "Thank you. Your reading of 50,180 kWh for meter E000000011 is recorded and will be used for your next bill.");
  assert.equal(readAnswerWords(held, "en", tEn, decimal, date),
    "Thank you. Your reading of 49,000 kWh is lower than the last reading we have, 50,029 on Nov 23, 2026, so a member of our billing team will check it before it is used for a bill. You do not need to do anything else.");
  assert.equal(tidyFigures("meter W000000012 read 8046.500 on 2026-10-22", decimal, date), "meter W000000012 read 8,046.5 on Oct 22, 2026");
});

test("in Spanish the portal says it by status (the server writes English only)", () => {
  const esDecimal = (v) => formatDecimal(v, "es-US");
  assert.equal(readAnswerWords(accepted, "es", tEs, esDecimal, date),
    "Gracias. Su lectura de 50,180 kWh del medidor E000000011 quedó registrada y se usará para su próxima factura.");
  assert.match(readAnswerWords(held, "es", tEs, esDecimal, date), /^Gracias\. Su lectura de 49,000 kWh del medidor E000000011 no es lo que esperábamos/);
  // Without a message from the server, English says it by status too.
  assert.match(readAnswerWords({ ...held, message: "" }, "en", tEn, decimal, date), /will check it before it is used for a bill/);
});

test("a reading is sent for its meter, with the CSRF token", async () => {
  const asked = [];
  setCsrfToken("csrf-8");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    return new Response(JSON.stringify(accepted), { status: 201, headers: { "Content-Type": "application/json" } });
  };
  const answer = await submitMeterRead("100000066", "E000000011", "50180");
  assert.equal(answer.status, "accepted");
  assert.equal(asked[0].path, "/api/v1/accounts/100000066/meter-reads");
  assert.equal(asked[0].method, "POST");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-8");
  assert.deepEqual(JSON.parse(asked[0].body), { meter: "E000000011", reading: "50180" });
});

test("the photo of the dial goes after the reading, its bytes the whole body, for the reading answered", async () => {
  const asked = [];
  setCsrfToken("csrf-8");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    return new Response(JSON.stringify({ photo: { id: 41, purpose: "dial" }, replayed: false }), { status: 201, headers: { "Content-Type": "application/json" } });
  };
  const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" });
  const answer = await uploadReadPhoto("100000066", 9001, jpeg);
  assert.equal(answer.photo.id, 41);
  assert.equal(asked[0].path, "/api/v1/accounts/100000066/meter-reads/9001/photo");
  assert.equal(asked[0].method, "POST");
  assert.equal(asked[0].headers["Content-Type"], "image/jpeg");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-8");
  assert.equal(asked[0].body, jpeg);
});

test("a photo not sent is said plainly, in both languages, the reading kept; sending it again is offered only when it may work", () => {
  assert.deepEqual(readPhotoFailure({ status: 0 }), { reason: "meterPhotoConnection", again: true });
  assert.deepEqual(readPhotoFailure({ status: 503 }), { reason: "meterPhotoConnection", again: true });
  assert.deepEqual(readPhotoFailure({ status: 409, code: "read-has-photo" }), { reason: "meterPhotoHasOne", again: false });
  assert.deepEqual(readPhotoFailure({ status: 413 }), { reason: "meterPhotoTooLarge", again: false });
  assert.deepEqual(readPhotoFailure({ status: 422, code: "photo-type" }), { reason: "meterPhotoRefused", again: false });
  assert.deepEqual(readPhotoFailure({ status: 404 }), { reason: "meterPhotoRefused", again: false });
  for (const t of [tEn, tEs]) {
    for (const key of ["meterPhotoFailed", "meterPhotoConnection", "meterPhotoHasOne", "meterPhotoTooLarge", "meterPhotoRefused", "meterPhotoNoNeed"]) {
      assert.ok(t(key).length > 10 && !t(key).includes("{"), key);
    }
  }
  assert.equal(tEn("meterPhotoFailed"), "Your reading is recorded, but your photo of the dial could not be sent.");
  assert.equal(tEs("meterPhotoNoNeed"), "No necesita enviar la lectura otra vez.");
  assert.equal(tEn("meterPhotoReady", { size: "412 KB" }), "Photo ready to send (412 KB).");
});

test("a photo that could not be made ready is said at the field", () => {
  assert.equal(shrinkProblemKey("not-a-photo"), "meterPhotoNotPhoto");
  assert.equal(shrinkProblemKey("too-large"), "meterPhotoTooLarge");
  assert.equal(shrinkProblemKey("unreadable"), "meterPhotoUnreadable");
  assert.equal(shrinkProblemKey("anything else"), "meterPhotoUnreadable");
});
