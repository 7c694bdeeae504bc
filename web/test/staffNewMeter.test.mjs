// The meter put in when completing an exchange or install (src/staff/newMeter.ts): which orders ask
// for it, the form as it opens, its checks, and the `new_meter` the complete move carries.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  METER_UNITS, checkNewMeter, newMeterBody, newMeterDraft, newMeterField, putsMeterIn,
} from "../.test-build/staff/newMeter.js";

test("an exchange and an install put a meter in; a removal, a re-read or a disconnect do not", () => {
  assert.equal(putsMeterIn("meter_exchange"), true);
  assert.equal(putsMeterIn("meter_install"), true);
  for (const kind of ["meter_remove", "meter_reread", "disconnect", "stop_service"]) assert.equal(putsMeterIn(kind), false, kind);
});

test("the form opens with the unit of the meter coming out, else the service's usual unit", () => {
  assert.deepEqual(newMeterDraft("water", "CCF"), { serial: "", kind: "", unit: "CCF", interval: "15" });
  assert.equal(newMeterDraft("electric").unit, "kWh");
  assert.equal(newMeterDraft("water").unit, "gal");
  assert.equal(newMeterDraft("gas").unit, "therm");
  assert.equal(newMeterDraft("electric", "furlongs").unit, "kWh", "a unit the server does not take is not offered");
  assert.equal(newMeterDraft(null).unit, "", "no service named: the technician chooses");
  assert.deepEqual(METER_UNITS, ["kWh", "kW", "gal", "CCF", "therm"]);
});

test("what is missing or wrong is said at its field, in words", () => {
  const empty = newMeterDraft(null);
  assert.deepEqual(checkNewMeter(empty), {
    serial: "Type the new meter's serial, as on its plate.",
    kind: "Choose how the new meter is read.",
    unit: "Choose the unit the new meter counts in.",
  });
  assert.deepEqual(checkNewMeter({ serial: "W".repeat(41), kind: "manual", unit: "gal", interval: "15" }), { serial: "A serial is at most 40 characters." });
  assert.deepEqual(checkNewMeter({ serial: "  ", kind: "ami", unit: "kWh", interval: "7" }),
    { serial: "Type the new meter's serial, as on its plate.", interval: "Choose how often it sends a reading." });
  assert.deepEqual(checkNewMeter({ serial: "W2000100", kind: "amr", unit: "gal", interval: "7" }), {}, "only a meter sending its own readings has an interval");
});

test("the complete move's new_meter: one channel named after its unit; an interval for a meter sending its own readings only", () => {
  assert.deepEqual(newMeterBody({ serial: " W2000100 ", kind: "manual", unit: "gal", interval: "15" }),
    { serial: "W2000100", kind: "manual", channels: [{ name: "gal", unit: "gal", interval_minutes: null }] });
  assert.deepEqual(newMeterBody({ serial: "E3000001", kind: "ami", unit: "kWh", interval: "60" }),
    { serial: "E3000001", kind: "ami", channels: [{ name: "kWh", unit: "kWh", interval_minutes: 60 }] });
  assert.throws(() => newMeterBody({ serial: "E1", kind: "", unit: "kWh", interval: "15" }), /checked draft/);
});

test("the server's refusal of the new meter names the field to put right", () => {
  assert.equal(newMeterField("new_meter.serial"), "serial");
  assert.equal(newMeterField("meter.serial"), "serial", "a serial installed elsewhere already");
  assert.equal(newMeterField("new_meter.kind"), "kind");
  assert.equal(newMeterField("new_meter.channels"), "unit");
  assert.equal(newMeterField("new_meter"), "unit");
  assert.equal(newMeterField("reads[0].reading"), null);
  assert.equal(newMeterField(null), null);
});
