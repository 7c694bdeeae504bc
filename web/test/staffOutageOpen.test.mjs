// Opening an outage by hand (src/staff/outageOpen.ts): planned work on a device or an area, an
// outage staff know of such as a water main break; the checks before sending (five-digit ZIP
// code, at least one street, the end after the start and within 72 hours, the ETR ahead), the
// body sent with the times typed on the utility's clocks, the device named by id or by a name the
// console knows, and the server's refusal (422) placed at its field. And planned work as the lists
// show it (src/staff/outages.ts): its start still ahead, its customers from its start.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  blankOpenFields, checkOpen, deviceChoiceWords, firstProblem, knownDevices, openRefusal, refusedField, resolveDevice, streetLines, withPlanned,
} from "../.test-build/staff/outageOpen.js";
import { beganWords, deviceKindWords, deviceWords, isPlannedAhead, outageCustomersWords } from "../.test-build/staff/outages.js";

const LA = "America/Los_Angeles";
const NOW = Date.parse("2026-12-07T22:00:00Z"); // 2 PM on Dec 7 in Los Angeles

const KNOWN = [
  { kind: "transformer", id: 12, name: "T-97477-0042" },
  { kind: "feeder", id: 3, name: "Eugene 3-F2" },
];

const planned = (fields = {}) => ({
  ...blankOpenFields(true), device: "12", startDay: "2026-12-08", startTime: "09:00", endDay: "2026-12-08", endTime: "13:00", ...fields,
});
const mainBreak = (fields = {}) => ({ ...blankOpenFields(false), zip: "97477", streets: "Oak St\n", ...fields });

test("planned work on a transformer: its start and end on the utility's clocks, cause planned", () => {
  const answer = checkOpen(planned({ publicNote: "  Replacing the transformer. " }), LA, NOW, KNOWN);
  assert.deepEqual(answer, {
    body: {
      planned: true, device: { kind: "transformer", id: 12 }, cause: "planned",
      starts_at: "2026-12-08T17:00:00Z", ends_at: "2026-12-08T21:00:00Z", public_note: "Replacing the transformer.",
    },
  });
});

test("a water main break on streets of a ZIP code: the streets one a line, no times unless an ETR is given", () => {
  assert.deepEqual(checkOpen(mainBreak({ streets: "Oak St\n\n  Elm   St \noak st\n", cause: "equipment" }), LA, NOW, KNOWN), {
    body: { planned: false, area: { commodity: "water", zip: "97477", streets: ["Oak St", "Elm St"] }, cause: "equipment" },
  });
  const withEtr = checkOpen(mainBreak({ etrDay: "2026-12-07", etrTime: "18:30" }), LA, NOW, KNOWN);
  assert.equal(withEtr.body.ends_at, "2026-12-08T02:30:00Z");
  assert.equal(withEtr.body.cause, "unknown");
});

test("the area's checks: a five-digit ZIP code and at least one street, said together", () => {
  const { problems } = checkOpen(mainBreak({ zip: "9747", streets: " \n " }), LA, NOW, KNOWN);
  assert.equal(problems.zip, "A ZIP code is five digits, like 97477.");
  assert.equal(problems.streets, "Name at least one street, like Oak St.");
  assert.equal(firstProblem(problems), "zip");
  assert.match(checkOpen(mainBreak({ streets: "1204" }), LA, NOW, KNOWN).problems.streets, /not a street's name/);
  const many = Array.from({ length: 51 }, (_, i) => `Street ${i}`).join("\n");
  assert.match(checkOpen(mainBreak({ streets: many }), LA, NOW, KNOWN).problems.streets, /At most 50 streets/);
  assert.deepEqual(streetLines("Oak St\r\nElm St\r\n"), ["Oak St", "Elm St"]);
});

test("planned work's times: it starts later than now, ends after its start and within 72 hours", () => {
  const problem = (fields) => checkOpen(planned(fields), LA, NOW, KNOWN).problems ?? {};
  assert.equal(problem({ startTime: "" }).start, "Give the day and the time the work starts.");
  assert.equal(problem({ startDay: "2026-12-07", startTime: "13:00", endDay: "2026-12-07", endTime: "17:00" }).start, "Planned work starts later than now.");
  assert.equal(problem({ endTime: "09:00" }).end, "The end must be after the start.");
  assert.equal(problem({ endDay: "2026-12-11", endTime: "09:01" }).end, "The end must be within 72 hours of the start.");
  assert.equal(problem({ endDay: "2026-12-11", endTime: "09:00" }).end, undefined, "72 hours exactly is allowed, as by the server");
  assert.equal(problem({ endDay: "2026-12-11", endTime: "09:00" }).start, undefined);
  assert.equal(problem({ endDay: "" }).end, "Give the day and the time the power is back.");
  assert.equal(problem({ startDay: "2027-02-06", endDay: "2027-02-06" }).start, "Planned work starts within 60 days.");
});

test("a day after the clocks change: its own offset (PDT), not today's (PST)", () => {
  const answer = checkOpen(planned({ startDay: "2027-03-14", endDay: "2027-03-14" }), LA, Date.parse("2027-03-13T20:00:00Z"), KNOWN);
  assert.equal(answer.body.starts_at, "2027-03-14T16:00:00Z");
  assert.equal(answer.body.ends_at, "2027-03-14T20:00:00Z");
});

test("the ETR of an outage now: optional, both parts or neither, later than now and within 14 days", () => {
  const problem = (fields) => checkOpen(mainBreak(fields), LA, NOW, KNOWN).problems?.etr;
  assert.equal(problem({}), undefined);
  assert.equal(problem({ etrTime: "18:00" }), "Give both the day and the time power should be back, or neither.");
  assert.equal(problem({ etrDay: "2026-12-07", etrTime: "13:00" }), "The ETR must be later than now.");
  assert.equal(problem({ etrDay: "2026-12-22", etrTime: "13:00" }), "The ETR must be within 14 days.");
});

test("what customers are told: at most 500 characters, counted as characters", () => {
  assert.equal(checkOpen(planned({ publicNote: "é".repeat(500) }), LA, NOW, KNOWN).body.public_note.length, 500);
  assert.equal(checkOpen(planned({ publicNote: "x".repeat(501) }), LA, NOW, KNOWN).problems.publicNote, "What customers are told is at most 500 characters.");
});

test("the device: by its id, or by a name the console knows (any case), else why not", () => {
  assert.deepEqual(resolveDevice("transformer", " 12 ", KNOWN), { id: 12, name: "T-97477-0042" });
  assert.deepEqual(resolveDevice("transformer", "t-97477-0042", KNOWN), { id: 12, name: "T-97477-0042" });
  assert.deepEqual(resolveDevice("feeder", "40", KNOWN), { id: 40, name: null });
  assert.equal(resolveDevice("transformer", "", KNOWN).problem, "Name the transformer: pick it from the list, or type its id.");
  assert.equal(resolveDevice("transformer", "Eugene 3-F2", KNOWN).problem, "Eugene 3-F2 is a feeder: choose Feeder as the kind.");
  assert.match(resolveDevice("substation", "Salem 9", KNOWN).problem, /does not know a substation named “Salem 9”: type its id/);
  assert.match(resolveDevice("transformer", "0", KNOWN).problem, /whole number from 1/);
  assert.equal(deviceChoiceWords("transformer", "12", KNOWN), "Transformer T-97477-0042 (id 12)");
  assert.equal(deviceChoiceWords("substation", "4", KNOWN), "Substation id 4");
  assert.equal(deviceChoiceWords("substation", "Salem 9", KNOWN), null);
  assert.deepEqual(checkOpen(planned({ device: "" }), LA, NOW, KNOWN).problems.device, "Name the transformer: pick it from the list, or type its id.");
});

test("the devices offered: those in outages and in the signals, each once, transformers first; homes and areas are not", () => {
  const outages = [
    { device: { kind: "feeder", id: 3, name: "Eugene 3-F2" } },
    { device: { kind: "service_point", id: 88, name: "12 Oak St" } },
    { device: { kind: "area", id: 1, name: "Water: Oak St (97477)" } },
    { device: { kind: "transformer", id: 12, name: "T-97477-0042" } },
  ];
  const signals = [{ kind: "transformer", id: 12, name: "T-97477-0042" }, { kind: "transformer", id: 2, name: "T-97401-0001" }];
  assert.deepEqual(knownDevices(outages, signals), [
    { kind: "transformer", id: 2, name: "T-97401-0001" },
    { kind: "transformer", id: 12, name: "T-97477-0042" },
    { kind: "feeder", id: 3, name: "Eugene 3-F2" },
  ]);
});

test("switching between planned work and an outage now: the place and cause follow unless staff gave their own", () => {
  const now = withPlanned(blankOpenFields(true), false);
  assert.deepEqual([now.cause, now.place], ["unknown", "area"]);
  assert.deepEqual([withPlanned(now, true).cause, withPlanned(now, true).place], ["planned", "device"]);
  assert.equal(withPlanned({ ...blankOpenFields(true), cause: "equipment" }, false).cause, "equipment");
  assert.equal(withPlanned({ ...blankOpenFields(true), device: "12" }, false).place, "device", "a device typed stays");
  assert.equal(withPlanned({ ...blankOpenFields(false), streets: "Oak St" }, true).place, "area", "streets typed stay");
  assert.equal(blankOpenFields(true).place, "device");
  assert.equal(blankOpenFields(false).place, "area");
  assert.equal(blankOpenFields(false).commodity, "water");
});

test("the server's refusal (422) is placed at the field it names, in a sentence", () => {
  const refusal = (field, detail) => ({ status: 422, field, detail });
  const device = { planned: true, place: "device" };
  const area = { planned: false, place: "area" };
  assert.deepEqual(refusedField(refusal("device", "no electric service point is under that device"), device),
    { field: "device", words: "No electric service point is under that device." });
  assert.deepEqual(refusedField(refusal("area", "no water service point is in that area"), area),
    { field: "streets", words: "No home with water service is on these streets of that ZIP code: check the streets' names and the ZIP code." });
  assert.deepEqual(refusedField(refusal("area", "each street is a name such as 'Oak St'"), area),
    { field: "streets", words: "Each street is a name such as 'Oak St'." });
  assert.equal(refusedField(refusal("area", "area.zip is five digits"), area).field, "zip");
  assert.equal(refusedField(refusal("area", "area.commodity is electric, water, gas or sewer"), area).field, "commodity");
  assert.equal(refusedField(refusal("starts_at", "planned work starts from now to 60 days ahead"), device).field, "start");
  assert.equal(refusedField(refusal("ends_at", "planned work ends after it starts, within 72 hours"), device).field, "end");
  assert.equal(refusedField(refusal("ends_at", "the estimated restoration is from now to 14 days ahead"), area).field, "etr");
  assert.equal(refusedField(refusal("cause", "cause is unknown, ..."), area).field, "cause");
  assert.equal(refusedField(refusal("public_note", "at most 500 characters"), area).field, "publicNote");
  assert.equal(refusedField(refusal("planned", "planned is true or false"), area), null);
  assert.equal(refusedField({ status: 409, field: "device", detail: "x" }, device), null);
  assert.equal(openRefusal({ status: 403, detail: "" }), "Your roles do not allow opening outages (it needs outages.manage).");
  assert.equal(openRefusal({ status: 422, detail: "planned is true or false" }), "No outage was opened: Planned is true or false.");
});

test("planned work in the lists: its start while ahead, then as any outage; its customers from its start", () => {
  const work = { planned: true, status: "confirmed", began_at: "2026-12-08T17:00:00Z", customers_out: 11, customers_total: 11 };
  assert.equal(isPlannedAhead(work, NOW), true);
  assert.equal(beganWords(work, LA, NOW).replace(/\s/g, " "), "Starts Dec 8, 9:00 AM");
  assert.equal(outageCustomersWords(work, NOW), "11 from its start");
  const begun = Date.parse("2026-12-08T18:00:00Z");
  assert.equal(isPlannedAhead(work, begun), false);
  assert.equal(beganWords(work, LA, begun).replace(/\s/g, " "), "9:00 AM");
  assert.equal(outageCustomersWords(work, begun), "11 of 11");
  assert.equal(isPlannedAhead({ ...work, status: "cancelled" }, NOW), false);
  assert.equal(isPlannedAhead({ ...work, planned: false }, NOW), false);
  assert.equal(deviceKindWords("area"), "Area");
  assert.equal(deviceWords({ kind: "area", name: "Water: Oak St (97477)" }), "Water: Oak St (97477)", "an area's name says what it is");
  assert.equal(deviceWords({ kind: "transformer", name: "T-97477-0042" }), "Transformer T-97477-0042");
});
