// The utility's zone, known to the whole console (src/staff/utilityZone.ts): learned from an answer
// that names it (an account's History), else asked of the settings once, so the payments, the work
// queues and the audit trail show times on the utility's clocks rather than the browser's.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

process.env.TZ = "Asia/Tokyo"; // the browser, far from the utility
const { askUtilityZone, fetchSettingsZone, forgetUtilityZone, learnUtilityZone, onUtilityZone, utilityZone } = await import(
  "../.test-build/staff/utilityZone.js"
);
const { formatInstantIn } = await import("../.test-build/staff/localTime.js");

beforeEach(() => forgetUtilityZone());

test("learned from an answer that names it; every screen showing times is told", () => {
  assert.equal(utilityZone(), null);
  const told = [];
  const stop = onUtilityZone((z) => told.push(z));
  learnUtilityZone(null);
  learnUtilityZone("");
  assert.equal(utilityZone(), null, "an answer without it changes nothing");
  learnUtilityZone("America/Los_Angeles");
  learnUtilityZone("America/Los_Angeles");
  assert.equal(utilityZone(), "America/Los_Angeles");
  assert.deepEqual(told, ["America/Los_Angeles"], "told once");
  stop();
  learnUtilityZone("America/Denver");
  assert.deepEqual(told, ["America/Los_Angeles"], "not after it stopped listening");
  // A payment recorded at 03:43 UTC on Dec 7 was recorded on Dec 6 in Oregon (not 12:43 PM in Tokyo).
  assert.equal(formatInstantIn("2026-12-07T03:43:07Z", "America/Los_Angeles"), "Dec 6, 2026, 7:43 PM PST");
});

test("asked of the settings once when no answer named it; a failure is null and the next screen asks again", async () => {
  let asked = 0;
  const settings = () => {
    asked += 1;
    return Promise.resolve("America/Los_Angeles");
  };
  const [a, b] = await Promise.all([askUtilityZone(settings), askUtilityZone(settings)]);
  assert.deepEqual([a, b, asked], ["America/Los_Angeles", "America/Los_Angeles", 1], "one request for screens asking together");
  assert.equal(await askUtilityZone(settings), "America/Los_Angeles");
  assert.equal(asked, 1, "known: not asked again");

  forgetUtilityZone();
  assert.equal(await askUtilityZone(() => Promise.reject(new Error("403"))), null);
  assert.equal(await askUtilityZone(settings), "America/Los_Angeles", "asked again after a failure");
});

test("the settings' time_zone: its value, else what applies when it is not set", async () => {
  const answer = (settings) => {
    globalThis.fetch = async (url) => {
      assert.equal(String(url), "/api/v1/staff/settings");
      return new Response(JSON.stringify({ settings }), { status: 200, headers: { "Content-Type": "application/json" } });
    };
  };
  const saved = globalThis.fetch;
  try {
    answer([{ key: "name", value: "Demo" }, { key: "time_zone", value: "America/Denver", when_unset: "America/Los_Angeles" }]);
    assert.equal(await fetchSettingsZone(), "America/Denver");
    answer([{ key: "time_zone", value: null, when_unset: "America/Los_Angeles" }]);
    assert.equal(await fetchSettingsZone(), "America/Los_Angeles");
    answer([{ key: "name", value: "Demo" }]);
    assert.equal(await fetchSettingsZone(), null);
  } finally {
    globalThis.fetch = saved;
  }
});
