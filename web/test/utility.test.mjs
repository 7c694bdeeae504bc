// Who the utility is and how to reach it (src/portal/utility.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  UTILITY_KEY,
  fetchUtility,
  lastKnownUtility,
  mailtoHref,
  telHref,
  utilityFromAnswer,
  websiteLink,
} from "../.test-build/portal/utility.js";
import { ZONE_KEY } from "../.test-build/portal/utilityZone.js";

const ANSWER = {
  name: "Ratepayer Demo Utility",
  phone: "(541) 555-0100",
  email: "help@utility.example",
  address: ["PO Box 1100", "Springfield, OR 97477"],
  website: "utility.example",
  hours: "Monday to Friday, 8 a.m. to 5 p.m.",
  time_zone: "America/Los_Angeles",
};

test("the API's answer is read as it is documented, with the utility's time zone; a setting not set is null", () => {
  assert.deepEqual(utilityFromAnswer(ANSWER), ANSWER);
  assert.deepEqual(utilityFromAnswer({ name: " Springfield Power ", phone: null, email: null, address: [], website: null, hours: null }),
    { name: "Springfield Power", phone: null, email: null, address: [], website: null, hours: null, time_zone: null });
  // Blank values and lines are left out; a missing address is no lines.
  assert.deepEqual(utilityFromAnswer({ name: "U", phone: " ", address: ["", "PO Box 1", 7] }),
    { name: "U", phone: null, email: null, address: ["PO Box 1"], website: null, hours: null, time_zone: null });
  // The zone is an IANA name or nothing (an older server does not name it).
  assert.equal(utilityFromAnswer({ name: "U", time_zone: "not a zone; drop table" }).time_zone, null);
  assert.equal(utilityFromAnswer({ name: "U", time_zone: " America/New_York " }).time_zone, "America/New_York");
  // Without a name there is nothing to show: the portal keeps its own.
  for (const bad of [null, "Ratepayer", [], {}, { name: "" }, { name: 3 }]) assert.equal(utilityFromAnswer(bad), null);
});

test("a phone number is dialled with its country code", () => {
  assert.equal(telHref("(541) 555-0100"), "tel:+15415550100");
  assert.equal(telHref("541.555.0100"), "tel:+15415550100");
  assert.equal(telHref("1-800-555-0199"), "tel:+18005550199");
  assert.equal(telHref("+44 20 7946 0958"), "tel:+442079460958");
  assert.equal(telHref("(541) 555-0100 ext. 12"), "tel:+15415550100");
  assert.equal(telHref("541-555-0100 x3"), "tel:+15415550100");
  assert.equal(telHref("311"), "tel:311");
  assert.equal(telHref("call us"), null);
});

test("only a plain email address becomes a mailto: link", () => {
  assert.equal(mailtoHref("help@utility.example"), "mailto:help@utility.example");
  assert.equal(mailtoHref("help@utility.example?subject=x"), null);
  assert.equal(mailtoHref("Help Desk <help@utility.example>"), null);
  assert.equal(mailtoHref("help"), null);
});

test("the website is linked over https unless it says http, and shown as written", () => {
  assert.deepEqual(websiteLink("utility.example"), { href: "https://utility.example/", text: "utility.example" });
  assert.deepEqual(websiteLink("www.utility.example/help"), { href: "https://www.utility.example/help", text: "www.utility.example/help" });
  assert.deepEqual(websiteLink("https://utility.example/"), { href: "https://utility.example/", text: "utility.example" });
  assert.deepEqual(websiteLink("http://utility.example"), { href: "http://utility.example/", text: "utility.example" });
  assert.equal(websiteLink("javascript:alert(1)"), null);
  assert.equal(websiteLink("mailto:help@utility.example"), null);
  assert.equal(websiteLink("our website"), null);
  assert.equal(websiteLink("localhost"), null);
});

test("the utility is asked for once per page load, kept on this device, and its absence is no error", async () => {
  const kept = new Map();
  globalThis.localStorage = {
    getItem: (k) => (kept.has(k) ? kept.get(k) : null),
    setItem: (k, v) => kept.set(k, String(v)),
  };
  assert.equal(lastKnownUtility(), null);
  const asked = [];
  globalThis.fetch = async (path, init) => {
    asked.push({ path, init });
    return new Response(JSON.stringify(ANSWER), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  const [a, b] = await Promise.all([fetchUtility(), fetchUtility()]);
  assert.deepEqual(a, ANSWER);
  assert.equal(b, a);
  assert.equal(asked.length, 1);
  assert.equal(asked[0].path, "/api/v1/utility");
  assert.equal(asked[0].init.method, "GET");
  // The next load starts from the kept answer.
  assert.deepEqual(JSON.parse(kept.get(UTILITY_KEY)), ANSWER);
  assert.deepEqual(lastKnownUtility(), ANSWER);
  // Its zone is the one the portal's times are on (components/useUtilityZone.ts), kept too.
  assert.equal(kept.get(ZONE_KEY), "America/Los_Angeles");
  kept.set(UTILITY_KEY, "not json");
  assert.equal(lastKnownUtility(), null);
  delete globalThis.localStorage;
  assert.equal(lastKnownUtility(), null, "storage turned off");
});

test("when the server cannot say, the answer is null and the portal goes on without it", async () => {
  // A fresh copy of the module: one that has not asked yet.
  const { fetchUtility: fetchAgain } = await import("../.test-build/portal/utility.js?unavailable");
  globalThis.fetch = async () => {
    throw new TypeError("Failed to fetch");
  };
  assert.equal(await fetchAgain(), null);
  const { fetchUtility: fetchOnce } = await import("../.test-build/portal/utility.js?error");
  globalThis.fetch = async () => new Response("{}", { status: 503, headers: { "Content-Type": "application/json" } });
  assert.equal(await fetchOnce(), null);
});
