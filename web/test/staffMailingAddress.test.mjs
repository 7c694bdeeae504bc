// Changing the mailing address (src/staff/mailingAddress.ts): the form as the account has it, what
// is refused before sending, the server's field names, and what was done in words.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  ADDRESS_SERVER_FIELDS,
  addressChangeSummary,
  addressDraftOf,
  addressOf,
  checkAddress,
  sameAddress,
} from "../.test-build/staff/mailingAddress.js";

const onFile = { line1: "7391 Cascade Way", line2: "", city: "Bend", state: "OR", zip: "97703" };

test("the form opens with the address on file; what is sent is trimmed, the state in capitals", () => {
  const draft = addressDraftOf({ line1: "1 Elm St", city: "Eugene", state: "OR", zip: "97401" });
  assert.deepEqual(draft, { line1: "1 Elm St", line2: "", city: "Eugene", state: "OR", zip: "97401" });
  assert.deepEqual(addressOf({ line1: " 12 Oak St ", line2: " Apt 3", city: "Bend ", state: "or", zip: "97701 " }),
    { line1: "12 Oak St", line2: "Apt 3", city: "Bend", state: "OR", zip: "97701" });
  assert.ok(sameAddress(addressOf(addressDraftOf(onFile)), { ...onFile, line2: undefined }));
  assert.ok(!sameAddress(onFile, { ...onFile, zip: "97701" }));
});

test("the street, city, a two-letter state and a ZIP code are needed before sending", () => {
  assert.deepEqual(checkAddress(addressDraftOf(onFile)), {});
  assert.deepEqual(checkAddress({ ...addressDraftOf(onFile), zip: "97701-1234" }), {});
  assert.deepEqual(Object.keys(checkAddress({ line1: " ", line2: "", city: "", state: "Oregon", zip: "9770" })), ["line1", "city", "state", "zip"]);
});

test("the server's mailing_address.zip is the form's zip", () => {
  assert.equal(ADDRESS_SERVER_FIELDS["mailing_address.zip"], "zip");
  assert.equal(ADDRESS_SERVER_FIELDS["mailing_address.line1"], "line1");
  assert.equal(ADDRESS_SERVER_FIELDS.zip, undefined);
});

test("the result says how the customer was told, or that nothing changed", () => {
  const after = { line1: "12 Oak St", line2: "Apt 3", city: "Bend", state: "OR", zip: "97701" };
  const change = (notified, changed = true) => ({ account_number: "100000017", changed, notified, before: onFile, after });
  assert.equal(addressChangeSummary(change("email")), "Mailing address changed to 12 Oak St, Apt 3, Bend, OR 97701. The customer was emailed about the change.");
  assert.equal(addressChangeSummary(change("letter")), "Mailing address changed to 12 Oak St, Apt 3, Bend, OR 97701. A letter goes to the old address to tell the customer.");
  assert.match(addressChangeSummary(change("", false)), /nothing changed/);
});
