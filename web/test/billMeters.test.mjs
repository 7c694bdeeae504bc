// A bill's days and meters in the customer's words (src/portal/billMeters.ts): "1 day", never
// "1 days"; the estimated note of a final bill; and a meter exchanged in the period, each meter's
// part worded as the printed bill words it (src/billing/document/bill_sections.cc exchange_text),
// in English and Spanish.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  dayCount, estimatedNoteKey, hasExchange, meterParts, periodWords, totalUsage,
} from "../.test-build/portal/billMeters.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";
import { formatDate } from "../.test-build/shared/format.js";
import { formatQuantity } from "../.test-build/portal/quantities.js";

const words = (messages, locale) => ({
  t: translator(messages),
  date: (d) => formatDate(d, locale),
  quantity: (v, unit) => formatQuantity(v, unit, locale),
});
const EN = words(en, "en-US");
const ES = words(es, "es-US");
const plain = (text) => text.replace(/[\s\u202f\u2009\u00a0]+/g, " ");

// A water service whose register meter W-100 was exchanged for W-200 on Oct 14: the old meter's
// final reading, the new one's read when installed (0), the current read at the period's end.
const exchanged = {
  commodity: "water", rate_plan: "W-RES", period: { start: "2026-10-01", end: "2026-10-31", days: 31 },
  meter_serial: "W-200", unit: "gal", usage: "4180.000000", peak_demand_kw: "0", start_read: "18342.000", end_read: "2360.000",
  estimated: false, final: false, charges: { amount: "41.20", currency: "USD" }, lines: [],
  meters: [
    { serial: "W-100", from: "2026-10-01", to: "2026-10-14", start_read: "18342.000", end_read: "20162.000", usage: "1820.000", estimated: false },
    { serial: "W-200", from: "2026-10-14", to: "2026-10-31", start_read: "0.000", end_read: "2360.000", usage: "2360.000", estimated: false },
  ],
};

test("a number of days: 1 day, 31 days, in both languages", () => {
  assert.equal(dayCount(1, EN.t), "1 day");
  assert.equal(dayCount(31, EN.t), "31 days");
  assert.equal(dayCount(1, ES.t), "1 día");
  assert.equal(dayCount(2, ES.t), "2 días");
});

test("a bill's period says its days; a one-day final bill says 1 day", () => {
  assert.equal(periodWords("2026-10-01", "2026-10-31", 31, EN), "Oct 1, 2026 to Oct 31, 2026 (31 days)");
  assert.equal(periodWords("2026-12-07", "2026-12-07", 1, EN), "Dec 7, 2026 to Dec 7, 2026 (1 day)");
  assert.equal(periodWords("2026-12-07", "2026-12-07", 1, ES), "Del 7 dic 2026 al 7 dic 2026 (1 día)");
  assert.equal(periodWords("2026-10-01", "2026-10-31", undefined, EN), "Oct 1, 2026 to Oct 31, 2026", "no count when the server sends none");
  assert.equal(EN.t("toDateLastBillValue", { amount: "$3.10", days: dayCount(1, EN.t) }), "$3.10 for 1 day");
  assert.equal(ES.t("toDateLastBillValue", { amount: "$3.10", days: dayCount(1, ES.t) }), "$3.10 por 1 día");
});

test("an estimated bill is corrected by the next reading; a final one, which has no next bill, if the meter is read later", () => {
  assert.equal(EN.t(estimatedNoteKey({ final: false })),
    "Some usage on this bill is estimated because the meter was not read. The next actual reading corrects it.");
  assert.equal(EN.t(estimatedNoteKey({ final: true })),
    "The last meter reading on this final bill is estimated because the meter was not read. If the meter is read later, we will correct this bill.");
  assert.equal(ES.t(estimatedNoteKey({ final: true })),
    "La última lectura del medidor en esta factura final es estimada porque no se leyó el medidor. Si se lee más adelante, corregiremos esta factura.");
  assert.doesNotMatch(EN.t(estimatedNoteKey({ final: true })), /next/i);
});

test("a meter exchanged in the period: each meter's part in the printed bill's words, then the total", () => {
  assert.equal(hasExchange(exchanged), true);
  assert.deepEqual(meterParts(exchanged, EN).map((p) => ({ ...p, rows: p.rows.map((r) => `${r.label}: ${plain(r.value)}`) })), [
    { serial: "W-100", title: "Meter W-100", period: "Oct 1, 2026 to Oct 14, 2026",
      rows: ["Previous read: 18,342", "Final read: 20,162", "Usage: 1,820 gal"] },
    { serial: "W-200", title: "Meter W-200", period: "Oct 14, 2026 to Oct 31, 2026",
      rows: ["Read when installed: 0", "Current read: 2,360", "Usage: 2,360 gal"] },
  ]);
  assert.deepEqual(totalUsage(exchanged, EN), { label: "Total usage", value: "4,180 gal" });
  assert.deepEqual(meterParts(exchanged, ES).map((p) => [p.title, p.period, ...p.rows.map((r) => `${r.label}: ${plain(r.value)}`)]), [
    ["Medidor W-100", "Del 1 oct 2026 al 14 oct 2026", "Lectura anterior: 18,342", "Lectura final: 20,162", "Consumo: 1,820 gal"],
    ["Medidor W-200", "Del 14 oct 2026 al 31 oct 2026", "Lectura al instalarlo: 0", "Lectura actual: 2,360", "Consumo: 2,360 gal"],
  ]);
  assert.deepEqual(totalUsage(exchanged, ES), { label: "Consumo total", value: "4,180 gal" });
});

test("an estimate is marked where paper marks it: on a register meter's read, on an interval meter's usage", () => {
  // The old meter came out without a final reading (estimated); the new one is an interval meter.
  const section = {
    ...exchanged, unit: "kWh", usage: "612.400000", estimated: true,
    meters: [
      { serial: "E-7", from: "2026-10-01", to: "2026-10-09", start_read: "50180.000", end_read: "50402.500", usage: "222.500", estimated: true },
      { serial: "E-8", from: "2026-10-09", to: "2026-10-20", start_read: null, end_read: null, usage: "310.000", estimated: false },
      { serial: "E-9", from: "2026-10-20", to: "2026-10-31", start_read: null, end_read: null, usage: "79.900", estimated: true },
    ],
  };
  const rows = (w) => meterParts(section, w).map((p) => p.rows.map((r) => `${r.label}: ${plain(r.value)}`));
  assert.deepEqual(rows(EN), [
    ["Previous read: 50,180.0", "Final read: 50,402.5 (estimated)", "Usage: 222.5 kWh"],
    ["Meter readings: Interval meter", "Usage: 310.0 kWh"],
    ["Meter readings: Interval meter", "Usage: 79.9 kWh (estimated)"],
  ]);
  assert.deepEqual(rows(ES)[0], ["Lectura anterior: 50,180.0", "Lectura final: 50,402.5 (estimada)", "Consumo: 222.5 kWh"]);
  assert.deepEqual(rows(ES)[2], ["Lecturas del medidor: Medidor de intervalos", "Consumo: 79.9 kWh (estimado)"]);
  assert.deepEqual(totalUsage(section, EN), { label: "Total usage", value: "612.4 kWh (estimated)" });
});

test("a period billed on one meter lists no parts", () => {
  for (const meters of [[], undefined]) {
    const one = { ...exchanged, meters };
    assert.equal(hasExchange(one), false);
    assert.deepEqual(meterParts(one, EN), []);
  }
});
