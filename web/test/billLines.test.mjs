// Bill lines in plain words (src/portal/billLines.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";
import { formatPercent, formatRate, kindExplanation, lineCalculation, lineName } from "../.test-build/portal/billLines.js";

const t = translator(en);
const tEs = translator(es);
const usd = (amount) => ({ amount, currency: "USD" });

test("every kind of line the API sends has a plain-words explanation", () => {
  for (const kind of ["energy", "demand", "fixed", "minimum", "rider", "tax"]) {
    const key = kindExplanation(kind);
    assert.ok(key && en[key] && es[key], kind);
  }
  assert.match(t(kindExplanation("demand")), /peak/);
  assert.equal(kindExplanation("mystery"), null);
});

test("an energy line shows quantity × rate = amount: the quantity to one decimal, the rate to its own digits", () => {
  const line = { kind: "energy", description: "Energy", quantity: "827.371000", unit: "kWh", rate: "0.108500", amount: usd("89.77"), explanation: "" };
  assert.equal(lineCalculation(line, t, "en-US"), "827.4 kWh × $0.1085 per kWh = $89.77");
  assert.equal(lineCalculation(line, tEs, "es-US"), "827.4 kWh × $0.1085 por kWh = $89.77");
  const water = { ...line, quantity: "4488.000000000", unit: "gal", rate: "0.00612345", amount: usd("27.48") };
  assert.equal(lineCalculation(water, t, "en-US"), "4,488 gal × $0.00612345 per gal = $27.48");
  const demand = { ...line, kind: "demand", quantity: "7.250000", unit: "kW", rate: "9.5000", amount: usd("68.88") };
  assert.equal(lineCalculation(demand, t, "en-US"), "7.3 kW × $9.50 per kW = $68.88");
  const gas = { ...line, quantity: "41.3500", unit: "therm", rate: "1.2030000", amount: usd("49.74") };
  assert.equal(lineCalculation(gas, t, "en-US"), "41.4 therm × $1.203 per therm = $49.74");
});

test("days and months are words, singular or plural", () => {
  const daily = { kind: "fixed", description: "Customer charge", quantity: "30", unit: "day", rate: "0.5", amount: usd("15.00"), explanation: "" };
  assert.equal(lineCalculation(daily, t, "en-US"), "30 days × $0.50 per day = $15.00");
  assert.match(lineCalculation(daily, tEs, "es-US"), /^30 días × .*0\.50 por día = /);
  const monthly = { ...daily, quantity: "1", unit: "month", rate: "12.00", amount: usd("12.00") };
  assert.equal(lineCalculation(monthly, t, "en-US"), "1 month × $12.00 per month = $12.00");
});

test("a percentage line (unit $) shows the rate as a percent of its base", () => {
  const tax = { kind: "tax", description: "City tax", quantity: "120.00", unit: "$", rate: "0.0525", amount: usd("6.30"), explanation: "" };
  assert.equal(lineCalculation(tax, t, "en-US"), "5.25% of $120.00 = $6.30");
});

test("a line without a quantity and rate shows no arithmetic", () => {
  const minimum = { kind: "minimum", description: "Minimum bill", quantity: "", unit: "", rate: "", amount: usd("5.00"), explanation: "" };
  assert.equal(lineCalculation(minimum, t, "en-US"), null);
  const zero = { ...minimum, quantity: "0", rate: "0", unit: "kWh" };
  assert.equal(lineCalculation(zero, t, "en-US"), null);
});

test("rates and percentages keep every digit they have, without trailing zeros", () => {
  assert.equal(formatRate("0.123456", "USD", "en-US"), "$0.123456");
  assert.equal(formatRate("0.012345670", "USD", "en-US"), "$0.01234567");
  assert.equal(formatRate("0.108500000", "USD", "en-US"), "$0.1085");
  assert.equal(formatRate("0.500000", "USD", "en-US"), "$0.50");
  assert.equal(formatRate("7", "USD", "en-US"), "$7.00");
  assert.equal(formatPercent("0.0825", "en-US"), "8.25%");
  assert.equal(formatPercent("0.1", "en-US"), "10%");
  assert.equal(formatPercent("0.052512500", "en-US"), "5.25125%");
  assert.equal(formatPercent("0.050000000", "en-US"), "5%");
});

test("in Spanish a line is named by its kind, with the tariff's English description below", () => {
  const line = (kind, description) => ({ kind, description });
  assert.deepEqual(lineName(line("fixed", "Basic charge"), "es", tEs), { name: "Cargo básico", tariff: "Basic charge" });
  assert.deepEqual(lineName(line("energy", "Energy, on-peak"), "es", tEs), { name: "Energía", tariff: "Energy, on-peak" });
  const names = ["energy", "demand", "fixed", "minimum", "rider", "tax"].map((k) => lineName(line(k, "x"), "es", tEs).name);
  assert.deepEqual(names, ["Energía", "Demanda", "Cargo básico", "Cargo mínimo", "Cargo adicional", "Impuesto"]);
  // The description is not repeated when it says the same (a tariff written in Spanish).
  assert.deepEqual(lineName(line("tax", "impuesto"), "es", tEs), { name: "Impuesto", tariff: null });
  assert.deepEqual(lineName(line("energy", "Energia"), "es", tEs), { name: "Energía", tariff: null });
  // A kind the portal does not know keeps the tariff's words.
  assert.deepEqual(lineName(line("surprise", "Storm recovery"), "es", tEs), { name: "Storm recovery", tariff: null });
});

test("in English a line keeps the tariff's description", () => {
  assert.deepEqual(lineName({ kind: "fixed", description: "Basic charge" }, "en", t), { name: "Basic charge", tariff: null });
  assert.deepEqual(lineName({ kind: "rider", description: "Wildfire mitigation" }, "en", t), { name: "Wildfire mitigation", tariff: null });
  assert.deepEqual(lineName({ kind: "fixed", description: " " }, "en", t), { name: "Basic charge", tariff: null });
});
