// The portal's dictionaries and lookup (src/portal/i18n/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import {
  asLanguage,
  fill,
  languageFromBrowser,
  localeFor,
  placeholders,
  translator,
} from "../.test-build/portal/i18n/translate.js";

test("Spanish has exactly the English keys", () => {
  assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
});

test("every Spanish message uses the same {placeholders} as the English one", () => {
  for (const key of Object.keys(en)) {
    assert.deepEqual(placeholders(es[key]), placeholders(en[key]), key);
  }
});

test("no message is empty, and Spanish is not English left untranslated", () => {
  const sameInBoth = new Set([
    "portalName", "sectionTitle", "lineCalcPerUnit", "accountLine", "billTitle", "cardExpiryHint",
    "accountOption", "usageColumn", "seriesOption", "commodityGas", "accountNumberIs", "lineCalcPercent",
    "nounGas",
  ]);
  const untranslated = [];
  for (const key of Object.keys(en)) {
    assert.ok(en[key].trim(), `en.${key} is empty`);
    assert.ok(es[key].trim(), `es.${key} is empty`);
    if (en[key] === es[key] && !sameInBoth.has(key)) untranslated.push(key);
  }
  assert.deepEqual(untranslated, []);
});

test("fill puts values into placeholders and leaves unknown ones visible", () => {
  assert.equal(fill("Pay {amount}", { amount: "$84.50" }), "Pay $84.50");
  assert.equal(fill("{a} and {a}", { a: 1 }), "1 and 1");
  assert.equal(fill("Due {date}", {}), "Due {date}");
  assert.equal(fill("No values"), "No values");
  assert.equal(fill("{x}", { x: 0 }), "0");
});

test("translator looks words up in the language's dictionary", () => {
  assert.equal(translator(en)("payButtonAmount", { amount: "$10.00" }), "Pay $10.00");
  assert.equal(translator(es)("payButtonAmount", { amount: "US$10.00" }), "Pagar US$10.00");
  assert.equal(translator(es)("navBills"), "Facturas");
});

test("the language of a visitor comes from the browser, English when we do not speak theirs", () => {
  assert.equal(languageFromBrowser(["es-MX", "en-US"]), "es");
  assert.equal(languageFromBrowser(["fr-FR", "es"]), "es");
  assert.equal(languageFromBrowser(["en-GB", "es"]), "en");
  assert.equal(languageFromBrowser(["fr-FR", "de"]), "en");
  assert.equal(languageFromBrowser([]), "en");
});

test("asLanguage accepts en and es in any case or region, nothing else", () => {
  assert.equal(asLanguage("ES"), "es");
  assert.equal(asLanguage("es_US"), "es");
  assert.equal(asLanguage("en"), "en");
  assert.equal(asLanguage("pt"), null);
  assert.equal(asLanguage(""), null);
  assert.equal(asLanguage(undefined), null);
});

test("money and dates use US English or US Spanish", () => {
  assert.equal(localeFor("en"), "en-US");
  assert.equal(localeFor("es"), "es-US");
});
