// Following another address for outage alerts (src/portal/followedAddresses.ts, outagesApi.ts):
// what a found address offers, the limit of 10, how a refusal is said in both languages, the
// search's fields under the section's own ids, and the requests.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  FOLLOW_CHOICE_WORDS, MOST_FOLLOWED, checkSearchAt, followChoice, followRefusalKey, mayFollowMore, searchIds,
  searchServerFieldsAt,
} from "../.test-build/portal/followedAddresses.js";
import { fetchFollowedAddresses, followAddress, unfollowAddress } from "../.test-build/portal/outagesApi.js";
import { setCsrfToken } from "../.test-build/portal/api.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";

const premise = (id, commodities = ["electric", "water"]) => ({
  id, line1: `${id} Oak St`, line2: "", city: "Eugene", state: "OR", zip: "97401",
  services: commodities.map((commodity, i) => ({ commodity, service_point: id * 10 + i, plans: [] })),
});
const followed = (ids) => ids.map((id) => ({ premise: id, line1: `${id} Oak St`, line2: "", city: "Eugene", state: "OR", zip: "97401" }));

test("a found address offers Follow, unless it is followed already, is the account's own home, or has no electricity from us", () => {
  assert.equal(followChoice(premise(7), [], []), "follow");
  assert.equal(followChoice(premise(7), followed([3, 7]), []), "followed");
  assert.equal(followChoice(premise(7), followed([7]), [7]), "own", "an own home says so first");
  assert.equal(followChoice(premise(7, ["water", "sewer"]), [], []), "noElectricity");
  assert.equal(followChoice(premise(7, []), [], []), "noElectricity");
  assert.equal(FOLLOW_CHOICE_WORDS.follow, null);
  for (const choice of ["followed", "own", "noElectricity"]) {
    const key = FOLLOW_CHOICE_WORDS[choice];
    assert.ok(en[key] && es[key] && en[key] !== es[key], `${choice} is worded in English and Spanish`);
  }
});

test("up to 10 addresses may be followed", () => {
  assert.equal(MOST_FOLLOWED, 10);
  assert.equal(mayFollowMore(followed([1, 2, 3, 4, 5, 6, 7, 8, 9])), true);
  assert.equal(mayFollowMore(followed([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])), false);
  assert.match(en.followFull, /10 addresses/);
  assert.match(es.followFull, /10 direcciones/);
});

test("the server's refusal naming premise is worded by how many are followed; anything else by problemWords", () => {
  const aboutPremise = { status: 422, kind: "invalid-input", detail: "x", fieldErrors: { premise: "x" } };
  assert.equal(followRefusalKey(aboutPremise, 3), "followNoElectricity");
  assert.equal(followRefusalKey(aboutPremise, 10), "followFull");
  assert.equal(followRefusalKey({ ...aboutPremise, code: "something-known" }, 3), null);
  // The server's codes say which refusal it was, whatever the count.
  assert.equal(followRefusalKey({ ...aboutPremise, code: "outage-follow-limit" }, 3), "followFull");
  assert.equal(followRefusalKey({ ...aboutPremise, code: "outage-follow-not-served" }, 10), "followNoElectricity");
  assert.equal(followRefusalKey({ status: 422, kind: "invalid-input", detail: "x", fieldErrors: {} }, 3), null);
  assert.equal(followRefusalKey({ status: 404, kind: "not-found", detail: "x", fieldErrors: {} }, 3), null);
  assert.equal(followRefusalKey({ status: 0, kind: "network", detail: "" }, 3), null);
});

test("the search's fields carry the section's own ids, so two searches share a page", () => {
  assert.deepEqual(searchIds("follow"), { street: "follow-street", zip: "follow-zip" });
  assert.deepEqual(checkSearchAt({ street: "12", zip: "974" }, "follow"), { "follow-street": "errorStartStreet", "follow-zip": "errorZip" });
  assert.deepEqual(checkSearchAt({ street: "1204 Elm", zip: "" }, "follow"), {});
  assert.deepEqual(checkSearchAt({ street: "", zip: "97401" }, "start"), { "start-street": "errorStartStreet" });
  assert.deepEqual(searchServerFieldsAt("follow"), { address: "follow-street", zip: "follow-zip" });
});

let asked = [];
beforeEach(() => {
  asked = [];
  setCsrfToken("csrf-4");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    return new Response(JSON.stringify({ addresses: followed([12]) }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
});

test("the section lists, follows and stops following with the CSRF token, each answered with the list", async () => {
  assert.deepEqual((await fetchFollowedAddresses("100000017")).addresses.map((a) => a.premise), [12]);
  assert.deepEqual((await followAddress("100000017", 12)).addresses.map((a) => a.premise), [12]);
  await unfollowAddress("100000017", 12);
  assert.deepEqual(asked.map((a) => [a.method, a.path]), [
    ["GET", "/api/v1/accounts/100000017/followed-addresses"],
    ["POST", "/api/v1/accounts/100000017/followed-addresses"],
    ["DELETE", "/api/v1/accounts/100000017/followed-addresses/12"],
  ]);
  assert.deepEqual(JSON.parse(asked[1].body), { premise: 12 });
  assert.equal(asked[1].headers["X-CSRF-Token"], "csrf-4");
  assert.equal(asked[2].headers["X-CSRF-Token"], "csrf-4");
});
