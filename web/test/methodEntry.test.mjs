// Cards and bank accounts as typed (src/portal/methodEntry.ts) and code names (words.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { bankEntry, cardEntry, checkBank, checkCard, tokenFieldIds } from "../.test-build/portal/methodEntry.js";
import { commodityName, commodityNoun, paymentMethodName, paymentStatusName } from "../.test-build/portal/words.js";
import { translator } from "../.test-build/portal/i18n/translate.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";

const may2026 = new Date(2026, 4, 20);

test("a card is checked field by field, ids prefixed by the form", () => {
  assert.deepEqual(checkCard({ number: "4242 4242 4242 4242", expiry: "08/27", cvc: "123" }, may2026, "pay"), {});
  assert.deepEqual(checkCard({ number: "4242", expiry: "01/20", cvc: "" }, may2026, "save"), {
    "save-card-number": "errorCardNumber",
    "save-card-expiry": "errorCardExpired",
    "save-card-cvc": "errorRequired",
  });
});

test("the tokenizing request has digits only and a four-digit year", () => {
  assert.deepEqual(cardEntry({ number: "4242 4242-4242 4242", expiry: "8/27", cvc: " 123 " }), {
    number: "4242424242424242", exp_month: 8, exp_year: 2027, cvc: "123",
  });
  assert.throws(() => cardEntry({ number: "4242424242424242", expiry: "soon", cvc: "123" }), RangeError);
});

test("a bank account: routing and account checked, holder sent only when given", () => {
  assert.deepEqual(checkBank({ routing: "011000015", account: "123456789", type: "checking", holder: "" }, "pay"), {});
  assert.deepEqual(checkBank({ routing: "011000016", account: "12", type: "checking", holder: "" }, "pay"), {
    "pay-bank-routing": "errorRoutingNumber",
    "pay-bank-account": "errorBankAccountNumber",
  });
  assert.deepEqual(bankEntry({ routing: "011 000 015", account: "1234-5678", type: "savings", holder: "" }), {
    routing_number: "011000015", account_number: "12345678", account_type: "savings",
  });
  assert.equal(bankEntry({ routing: "011000015", account: "12345678", type: "checking", holder: " Maria Lopez " }).holder_name, "Maria Lopez");
});

test("server field names map to the form's inputs", () => {
  const ids = tokenFieldIds("pay");
  assert.equal(ids["card.number"], "pay-card-number");
  assert.equal(ids.exp_year, "pay-card-expiry");
  assert.equal(ids.routing_number, "pay-bank-routing");
});

test("codes the API sends are shown in words, unknown ones as sent", () => {
  assert.equal(commodityName("electric", translator(en)), "Electricity");
  assert.equal(commodityName("water", translator(es)), "Agua");
  assert.equal(commodityName("steam", translator(en)), "steam");
  assert.equal(paymentStatusName("returned", translator(en)), "Returned by the bank");
  assert.equal(paymentStatusName("posted", translator(es)), "Recibido");
  assert.equal(paymentMethodName("check", translator(es)), "Cheque");
});

test("a commodity inside a sentence is a lower-case noun in the customer's language", () => {
  assert.equal(commodityNoun("electric", translator(en)), "electricity");
  assert.equal(commodityNoun("water", translator(es)), "agua");
  assert.equal(commodityNoun("steam", translator(en)), "steam");
  assert.equal(
    translator(en)("alertHighUsage", { percent: "60%", service: commodityNoun("electric", translator(en)) }),
    "You are using 60% more electricity per day than during your last bill.",
  );
});
