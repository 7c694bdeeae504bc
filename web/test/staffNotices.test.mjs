// Notices in the staff console (src/staff/notices.ts, accountApi.ts): each kind's name (one the
// console does not know, in words), why a kind is closed, delivery in words, what a save says,
// and the requests.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import {
  NOTICES_CHANGE_PERMISSION,
  lockedWords,
  noticeKindLabel,
  noticeStatusLabel,
  savedSummary,
} from "../.test-build/staff/notices.js";
import { fetchNoticeChoices, fetchSentNotices, saveNoticeChoices } from "../.test-build/staff/accountApi.js";
import { setCsrfToken } from "../.test-build/staff/api.js";
import { codeLabel } from "../.test-build/staff/labels.js";

const kind = (name, fields = {}) => ({ kind: name, may_turn_off: true, email: true, email_default: true, ...fields });

test("each kind is named; one the console does not know, in words", () => {
  assert.equal(noticeKindLabel("payment.received"), "Payment received (receipt)");
  assert.equal(noticeKindLabel("bill.ready"), "Bill is ready");
  assert.equal(noticeKindLabel("meter.exchange_scheduled"), "Meter exchange scheduled");
});

// Every kind in the server's catalog (the migrations' INSERT INTO notice_kinds) has a name of its
// own in the console, not its code made readable.
test("every kind of the server's catalog has a name in the console", () => {
  const dir = new URL("../../src/store/sql/migrations/sqlite/", import.meta.url).pathname;
  const kinds = new Set();
  for (const file of readdirSync(dir).filter((n) => n.endsWith(".sql"))) {
    const sql = readFileSync(dir + file, "utf8");
    for (const insert of sql.matchAll(/INSERT INTO notice_kinds[^;]*;/g)) {
      for (const row of insert[0].matchAll(/^\s*\('([a-z0-9_.]+)'/gm)) kinds.add(row[1]);
    }
  }
  assert.ok(kinds.has("bill.ready") && kinds.has("outage.restored"), `found the catalog: ${[...kinds]}`);
  for (const k of kinds) {
    assert.notEqual(noticeKindLabel(k), codeLabel(k.replace(/[._-]+/g, " ")), `${k} has no name in the console`);
  }
});

test("changing a customer's notices needs accounts.change, as other changes to the account", () => {
  assert.equal(NOTICES_CHANGE_PERMISSION, "accounts.change");
});

test("a closed kind says why", () => {
  assert.equal(lockedWords(kind("payment.failed", { may_turn_off: false }), false), "Always sent: about money owed or the account's safety.");
  assert.equal(lockedWords(kind("bill.ready"), true), "Always sent while bills are paperless: this email is the bill.");
  assert.equal(lockedWords(kind("bill.ready"), false), null);
  assert.equal(lockedWords(kind("payment.received"), true), null);
});

test("delivery and a save in words", () => {
  assert.equal(noticeStatusLabel("sent"), "Sent");
  assert.equal(noticeStatusLabel("waiting"), "Waiting to send");
  assert.equal(noticeStatusLabel("retrying"), "Not taken yet, retrying");
  assert.equal(noticeStatusLabel("bounced_hard"), "Bounced hard");
  assert.equal(
    savedSummary([
      { kind: "payment.received", channel: "email", enabled: false },
      { kind: "autopay.paid", channel: "email", enabled: true },
    ]),
    "Saved: Payment received (receipt) off, Autopay paid a bill on. The History records it under your name.",
  );
});

let asked = [];
beforeEach(() => {
  asked = [];
  setCsrfToken("staff-csrf");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method ?? "GET", headers: init.headers, body: init.body });
    const body = path.includes("/notices?") ? { notices: [{ id: 9 }], next_before: asked.length === 1 ? 9 : null } : { kinds: [] };
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  };
});

test("the console reads and saves choices on the customer routes, and pages the notices sent by id", async () => {
  const first = await fetchSentNotices("100000017", null);
  assert.equal(asked[0].path, "/api/v1/accounts/100000017/notices?limit=20");
  assert.deepEqual(first, { items: [{ id: 9 }], next_cursor: "9" });
  const second = await fetchSentNotices("100000017", first.next_cursor);
  assert.equal(asked[1].path, "/api/v1/accounts/100000017/notices?limit=20&before=9");
  assert.equal(second.next_cursor, null);
  await fetchNoticeChoices("100000017");
  assert.equal(asked[2].path, "/api/v1/accounts/100000017/notice-choices");
  const changes = [{ kind: "payment.received", channel: "email", enabled: false }];
  await saveNoticeChoices("100000017", changes);
  assert.equal(asked[3].method, "PUT");
  assert.deepEqual(JSON.parse(asked[3].body), { changes });
  assert.equal(asked[3].headers["X-CSRF-Token"], "staff-csrf");
});
