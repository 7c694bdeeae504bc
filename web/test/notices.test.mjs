// Notices in the portal (src/portal/notices.ts, noticesApi.ts): each kind's words in both
// languages (a kind the catalog adds later shows by its code), which kinds are closed and why,
// what a save sends, where a refusal is said, and the requests the pages make.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import {
  emailShown,
  kindWords,
  lockedReason,
  mobileForServer,
  mobileWords,
  nextBeforeCursor,
  noticeChanges,
  noticeKindName,
  noticeStatusName,
  refusedKind,
  textOpen,
  textShown,
} from "../.test-build/portal/notices.js";
import {
  agreeToTexts,
  fetchNoticeChoices,
  fetchTextConsent,
  fetchSentNotices,
  fetchUnsubscribeTarget,
  saveNoticeChoices,
  stopTexts,
  unsubscribe,
} from "../.test-build/portal/noticesApi.js";
import { onSessionEnded, setCsrfToken } from "../.test-build/portal/api.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";

const tEn = translator(en);
const tEs = translator(es);

const kind = (name, fields = {}) => ({ kind: name, may_turn_off: true, email: true, email_default: true, ...fields });
// As the server answers for a paperless account: bill-ready email on, payment-failed always sent.
const choices = (fields = {}) => ({
  paperless: false,
  has_email: true,
  kinds: [
    kind("bill.ready"),
    kind("payment.received"),
    kind("payment.failed", { may_turn_off: false }),
    kind("autopay.paid", { email: false }),
  ],
  ...fields,
});

test("each kind has a name in English and in Spanish", () => {
  assert.equal(noticeKindName("bill.ready", tEn), "Your bill is ready");
  assert.equal(noticeKindName("bill.ready", tEs), "Su factura está lista");
  assert.equal(noticeKindName("payment.received", tEn), "Payment received (receipt)");
  assert.equal(noticeKindName("payment.received", tEs), "Pago recibido (recibo)");
  assert.equal(noticeKindName("payment.returned", tEn), "Your bank returned a payment");
  assert.equal(noticeKindName("contact.changed", tEs), "Cambiaron sus datos de contacto");
});

test("the usage watch's kinds have names in both languages", () => {
  assert.equal(noticeKindName("usage.high", tEn), "High usage alert");
  assert.equal(noticeKindName("usage.high", tEs), "Alerta de consumo alto");
  assert.equal(noticeKindName("leak.suspected", tEn), "Possible leak");
  assert.equal(noticeKindName("leak.suspected", tEs), "Posible fuga");
});

test("a kind the portal has no words for shows by its code, in the reader's language", () => {
  assert.equal(kindWords("meter.exchange_scheduled"), "meter exchange scheduled");
  assert.equal(noticeKindName("meter.exchange_scheduled", tEn), "Other notice: meter exchange scheduled");
  assert.equal(noticeKindName("meter.exchange_scheduled", tEs), "Otro aviso: meter exchange scheduled");
  assert.equal(noticeKindName("", tEn), "Other notice: ");
});

// Every kind in the server's catalog (the migrations' INSERT INTO notice_kinds) has words of its
// own in the portal, so a customer never reads a code for a kind the server sends today.
test("every kind of the server's catalog has a name in the portal", () => {
  const dir = new URL("../../src/store/sql/migrations/sqlite/", import.meta.url).pathname;
  const kinds = new Set();
  for (const file of readdirSync(dir).filter((n) => n.endsWith(".sql"))) {
    const sql = readFileSync(dir + file, "utf8");
    for (const insert of sql.matchAll(/INSERT INTO notice_kinds[^;]*;/g)) {
      for (const row of insert[0].matchAll(/^\s*\('([a-z0-9_.]+)'/gm)) kinds.add(row[1]);
    }
  }
  assert.ok(kinds.has("bill.ready") && kinds.has("contact.changed"), `found the catalog: ${[...kinds]}`);
  for (const k of kinds) {
    assert.doesNotMatch(noticeKindName(k, tEn), /^Other notice/, `${k} has no English name`);
    assert.doesNotMatch(noticeKindName(k, tEs), /^Otro aviso/, `${k} has no Spanish name`);
  }
});

test("a transactional kind is always sent; a paperless account's bill-ready email is its bill", () => {
  const c = choices();
  assert.equal(lockedReason(c.kinds[2], false), "noticeAlwaysSent");
  assert.equal(lockedReason(c.kinds[0], false), null);
  assert.equal(lockedReason(c.kinds[0], true), "noticePaperlessBillEmail");
  // Only bill-ready: paperless closes nothing else.
  assert.equal(lockedReason(c.kinds[1], true), null);
  // Off while paperless (turned off before going paperless): turning it on stays open.
  assert.equal(lockedReason(kind("bill.ready", { email: false }), true), null);
  assert.match(tEn("noticeAlwaysSent"), /money owed or your account's safety/);
});

test("a save sends only the boxes changed, never a closed one, in the catalog's order", () => {
  const c = choices();
  assert.deepEqual(noticeChanges(c, {}), []);
  // Ticked back to what the server says: nothing to send.
  assert.deepEqual(noticeChanges(c, { "payment.received": true }), []);
  assert.deepEqual(noticeChanges(c, { "autopay.paid": true, "payment.received": false }), [
    { kind: "payment.received", channel: "email", enabled: false },
    { kind: "autopay.paid", channel: "email", enabled: true },
  ]);
  // A closed kind in the draft (paperless turned on since it was unticked) is left out.
  assert.deepEqual(noticeChanges(choices({ paperless: true }), { "bill.ready": false }), []);
  assert.deepEqual(noticeChanges(c, { "payment.failed": false }), []);
  // A kind the server no longer lists is not sent.
  assert.deepEqual(noticeChanges(c, { "gone.kind": false }), []);
});

test("the boxes show the draft over the server's answer, and a closed kind as the server says", () => {
  const c = choices({ paperless: true });
  assert.equal(emailShown(c, {}, c.kinds[3]), false);
  assert.equal(emailShown(c, { "autopay.paid": true }, c.kinds[3]), true);
  assert.equal(emailShown(c, { "bill.ready": false }, c.kinds[0]), true);
  assert.equal(emailShown(c, { "payment.failed": false }, c.kinds[2]), true);
});

test("a refusal is said at the row it is about, when the answer tells which", () => {
  const two = [
    { kind: "payment.received", channel: "email", enabled: false },
    { kind: "bill.ready", channel: "email", enabled: false },
  ];
  assert.equal(refusedKind({ code: "paperless-needs-bill-email", detail: "with paperless bills ..." }, two), "bill.ready");
  assert.equal(refusedKind({ code: "notice-required", detail: "'payment.received' notices are about money owed" }, two), "payment.received");
  assert.equal(refusedKind({ detail: "something else" }, two), null);
  assert.equal(refusedKind({ detail: "something else" }, two.slice(0, 1)), "payment.received");
  // A quoted kind that was not sent is not taken for one that was.
  assert.equal(refusedKind({ detail: "'other.kind' is not a kind of notice" }, two), null);
});

test("a notice's delivery is said in words; the next page's cursor is its id", () => {
  assert.equal(noticeStatusName("sent", tEn), "Sent");
  assert.equal(noticeStatusName("waiting", tEs), "En espera de envío");
  assert.equal(noticeStatusName("retrying", tEn), "Not delivered yet: we are trying again");
  assert.equal(noticeStatusName("bounced", tEn), "bounced");
  assert.equal(nextBeforeCursor(4711), "4711");
  assert.equal(nextBeforeCursor(null), null);
  assert.equal(nextBeforeCursor(undefined), null);
});

// ---- the requests ----------------------------------------------------------------------

let asked = [];
let answer = { status: 200, body: {} };
beforeEach(() => {
  asked = [];
  answer = { status: 200, body: { ok: true } };
  setCsrfToken("csrf-1");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "Content-Type": answer.status < 400 ? "application/json" : "application/problem+json" },
    });
  };
});

test("the choices are read and saved on the account's path, the changes in one PUT with the CSRF token", async () => {
  await fetchNoticeChoices("100000017");
  const changes = [{ kind: "payment.received", channel: "email", enabled: false }];
  await saveNoticeChoices("100000017", changes);
  assert.equal(asked[0].path, "/api/v1/accounts/100000017/notice-choices");
  assert.equal(asked[0].method, "GET");
  assert.equal(asked[1].path, "/api/v1/accounts/100000017/notice-choices");
  assert.equal(asked[1].method, "PUT");
  assert.equal(asked[1].headers["X-CSRF-Token"], "csrf-1");
  assert.deepEqual(JSON.parse(asked[1].body), { changes });
});

test("the notices sent are asked 20 at a time, then before the last one shown", async () => {
  await fetchSentNotices("100000017", null);
  await fetchSentNotices("100000017", "4711");
  assert.equal(asked[0].path, "/api/v1/accounts/100000017/notices?limit=20");
  assert.equal(asked[1].path, "/api/v1/accounts/100000017/notices?limit=20&before=4711");
});

test("the unsubscribe link is read by GET and acted on only by POST, with an empty body; an unknown one is not a lost session", async () => {
  let ended = false;
  onSessionEnded(() => (ended = true));
  await fetchUnsubscribeTarget("a+b/c");
  assert.equal(asked[0].method, "GET");
  assert.equal(asked[0].path, "/api/v1/notices/unsubscribe?token=a%2Bb%2Fc");
  await unsubscribe("a+b/c");
  assert.equal(asked[1].method, "POST");
  assert.equal(asked[1].path, "/api/v1/notices/unsubscribe?token=a%2Bb%2Fc");
  assert.equal(asked[1].body, undefined);
  answer = { status: 404, body: { type: "https://ratepayer.example/problems/not-found", status: 404, detail: "this unsubscribe link is not one we sent" } };
  await assert.rejects(fetchUnsubscribeTarget("nope"), (e) => e.status === 404);
  answer = { status: 401, body: { status: 401, detail: "no session" } };
  await assert.rejects(unsubscribe("x"), (e) => e.status === 401);
  assert.equal(ended, false, "signed-out pages do not end a session");
});

// Texts: a kind's Text box opens once the customer agreed to texts and the kind has a text.
const texting = (fields = {}) => ({
  paperless: false,
  has_email: true,
  texts_allowed: true,
  kinds: [
    kind("bill.ready", { text_available: false, text: false }),
    kind("payment.failed", { may_turn_off: false, text_available: true, text: true }),
    kind("usage.high", { text_available: true, text: false }),
  ],
  ...fields,
});

test("a Text box opens only for a kind with a text, once texts are allowed; one on stays open to turn off", () => {
  const [bill, failed, high] = texting().kinds;
  assert.equal(textOpen(texting(), bill), false, "no text for this kind");
  assert.equal(textOpen(texting(), high), true);
  assert.equal(textOpen(texting({ texts_allowed: false }), high), false, "not agreed to texts");
  assert.equal(textOpen(texting({ texts_allowed: false }), failed), true, "on: it may be turned off");
  // An older server says nothing of texts: every Text box closed, the emails as before.
  assert.equal(textOpen(choices(), choices().kinds[0]), false);
  assert.equal(textShown(texting(), { "usage.high": true }, high), true);
  assert.equal(textShown(texting({ texts_allowed: false }), { "usage.high": true }, high), false);
  assert.equal(textShown(texting(), {}, failed), true);
});

test("a save sends the Text boxes changed after the same kind's email, never a closed one", () => {
  const answer = texting({ texts_allowed: false });
  assert.deepEqual(noticeChanges(answer, {}, { "usage.high": true, "bill.ready": true }), [], "texts not allowed");
  assert.deepEqual(noticeChanges(texting(), { "usage.high": false }, { "usage.high": true, "payment.failed": true }), [
    { kind: "usage.high", channel: "email", enabled: false },
    { kind: "usage.high", channel: "text", enabled: true },
  ]);
  assert.deepEqual(noticeChanges(texting(), {}, { "payment.failed": false }), [
    { kind: "payment.failed", channel: "text", enabled: false },
  ]);
});

test("a mobile number as typed is asked for in E.164, and shown as people write it", () => {
  assert.equal(mobileForServer("(541) 555-0123"), "+15415550123");
  assert.equal(mobileForServer("+1 541.555.0123"), "+15415550123");
  assert.equal(mobileForServer("15415550123"), "+15415550123");
  assert.equal(mobileForServer("555-0123"), null);
  assert.equal(mobileForServer("(041) 555-0123"), null);
  assert.equal(mobileForServer(""), null);
  assert.equal(mobileWords("+15415550123"), "(541) 555-0123");
  assert.equal(mobileWords("+447700900123"), "+447700900123");
});

test("the consent's words are asked for the number typed and the reader's language; agreeing sends them back", async () => {
  await fetchTextConsent("100000017", "+15415550123", "es");
  await fetchTextConsent("100000017", null, "en");
  await agreeToTexts("100000017", "+15415550123", "es", "Acepto recibir mensajes…");
  await stopTexts("100000017");
  assert.equal(asked[0].path, "/api/v1/accounts/100000017/text-consent?language=es&number=%2B15415550123");
  assert.equal(asked[1].path, "/api/v1/accounts/100000017/text-consent?language=en");
  assert.equal(asked[2].method, "PUT");
  assert.equal(asked[2].headers["X-CSRF-Token"], "csrf-1");
  assert.deepEqual(JSON.parse(asked[2].body), { number: "+15415550123", language: "es", wording: "Acepto recibir mensajes…" });
  assert.equal(asked[3].method, "DELETE");
  assert.equal(asked[3].path, "/api/v1/accounts/100000017/text-consent");
});
