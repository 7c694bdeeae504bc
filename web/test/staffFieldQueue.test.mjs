// The field page's outbox (src/staff/fieldQueue.ts): moves kept with their own key, sent oldest
// first, kept while the outcome is unknown (no connection, 503), removed when the server answers
// (done, or refused and then said), the same key when sent again (a completion posts once), the
// status the technician's moves leave an order in, and what the stored outbox reads as; photos in
// the same line, with their limits (30 waiting, 10 an order), said in words, let go once answered.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  EMPTY_OUTBOX, OUTBOX_MOST, PHOTOS_PER_ORDER_MOST, PHOTOS_WAITING_MOST, dismiss, enqueue, enqueuePhoto, fieldMovesFrom, outcomeOfFailure,
  parseOutbox, photoMayWait, photoRoom, photosWaiting, sendWaiting, settle, statusAfter, waitingWords,
} from "../.test-build/staff/fieldQueue.js";

const at = new Date("2026-12-08T18:05:00Z");
let n = 0;
const key = () => `field-${++n}`;

/** A storage the tests can look into, as localStorage holds it (JSON text). */
function storage(outbox = EMPTY_OUTBOX) {
  let text = JSON.stringify(outbox);
  return { load: () => parseOutbox(text), save: (o) => { text = JSON.stringify(o); }, text: () => text };
}

test("a move is queued with its own key, after those waiting", () => {
  const one = enqueue(EMPTY_OUTBOX, "SO1", { action: "depart" }, at, "k1");
  const two = enqueue(one, "SO1", { action: "arrive" }, at, "k2");
  assert.deepEqual(two.waiting.map((m) => [m.key, m.order, m.body.action, m.tries]), [["k1", "SO1", "depart", 0], ["k2", "SO1", "arrive", 0]]);
  assert.equal(two.waiting[0].made_at, "2026-12-08T18:05:00.000Z");
  const fresh = enqueue(EMPTY_OUTBOX, "SO1", { action: "depart" }, at);
  assert.match(fresh.waiting[0].key, /^field-[0-9a-f]{32}$/, "a new random key");
});

test("a full outbox keeps no more", () => {
  let box = EMPTY_OUTBOX;
  for (let i = 0; i < OUTBOX_MOST; i++) box = enqueue(box, `SO${i}`, { action: "depart" }, at, key());
  assert.equal(enqueue(box, "SO9", { action: "depart" }, at, key()), null);
});

test("outcomes: no answer, 408, 429 and 5xx are unknown (kept); a 4xx is a refusal", () => {
  assert.deepEqual(outcomeOfFailure({ status: 0, detail: "Could not reach the server." }), { kind: "unknown" });
  assert.deepEqual(outcomeOfFailure({ status: 503, detail: "busy" }), { kind: "unknown" });
  assert.deepEqual(outcomeOfFailure({ status: 502, detail: "bad gateway" }), { kind: "unknown" });
  assert.deepEqual(outcomeOfFailure({ status: 422, code: "validation", field: "reads[0].reading", detail: "lower" }),
    { kind: "refused", status: 422, code: "validation", field: "reads[0].reading", detail: "lower" });
});

test("settle: done removes it; unknown keeps it with one more try; refused moves it to the refusals", () => {
  const box = enqueue(enqueue(EMPTY_OUTBOX, "SO1", { action: "depart" }, at, "k1"), "SO1", { action: "arrive" }, at, "k2");
  assert.deepEqual(settle(box, "k1", { kind: "done" }).waiting.map((m) => m.key), ["k2"]);
  assert.deepEqual(settle(box, "k1", { kind: "unknown" }).waiting.map((m) => [m.key, m.tries]), [["k1", 1], ["k2", 0]]);
  const refused = settle(box, "k2", { kind: "refused", status: 409, code: "order-move-not-allowed", field: null, detail: "It was cancelled." });
  assert.deepEqual(refused.waiting.map((m) => m.key), ["k1"]);
  assert.deepEqual(refused.refused.map((r) => [r.key, r.order, r.body.action, r.status, r.detail]), [["k2", "SO1", "arrive", 409, "It was cancelled."]]);
  assert.deepEqual(dismiss(refused, "k2").refused, []);
  assert.equal(settle(box, "nope", { kind: "done" }), box, "a key not waiting changes nothing");
});

test("sent oldest first; the first with no answer stops the pass and everything stays, same keys, for the next", async () => {
  const store = storage(enqueue(enqueue(enqueue(EMPTY_OUTBOX, "SO1", { action: "depart" }, at, "k1"), "SO1", { action: "arrive" }, at, "k2"),
    "SO1", { action: "complete" }, at, "k3"));
  const sent = [];
  let online = true;
  const send = async (m) => {
    sent.push(m.key);
    if (!online || m.key === "k2" && sent.length < 3) { online = false; return { kind: "unknown" }; }
    return { kind: "done" };
  };
  const after = await sendWaiting(store.load, store.save, send);
  assert.deepEqual(sent, ["k1", "k2"], "stopped at the move with no answer: the completion was not sent before its arrival");
  assert.deepEqual(after.waiting.map((m) => [m.key, m.tries]), [["k2", 1], ["k3", 0]]);
  assert.deepEqual(store.load().waiting.map((m) => m.key), ["k2", "k3"], "kept in storage too");
  online = true;
  const again = await sendWaiting(store.load, store.save, send);
  assert.deepEqual(sent, ["k1", "k2", "k2", "k3"], "the same keys again, in order");
  assert.deepEqual(again.waiting, []);
});

test("a completion resent after an answer that was lost posts once: the server sees one key twice and does it once", async () => {
  const done = new Set(); // the server's: keys it has done
  const posted = [];
  let lose = true;
  const server = async (m) => {
    if (!done.has(m.key)) { done.add(m.key); posted.push(m.body.action); }
    if (lose) { lose = false; return { kind: "unknown" }; } // done, but the answer never came back
    return { kind: "done" };
  };
  const store = storage(enqueue(EMPTY_OUTBOX, "SO1", { action: "complete", reads: [{ meter: "E1", reading: "10400" }] }, at, "kc"));
  await sendWaiting(store.load, store.save, server);
  assert.equal(store.load().waiting.length, 1, "still waiting: no answer came");
  await sendWaiting(store.load, store.save, server);
  assert.equal(store.load().waiting.length, 0);
  assert.deepEqual(posted, ["complete"], "done once");
});

test("a refusal is kept for the technician and does not stop the moves after it", async () => {
  const store = storage(enqueue(enqueue(EMPTY_OUTBOX, "SO1", { action: "complete", reads: [{ meter: "E1", reading: "1" }] }, at, "k1"),
    "SO2", { action: "depart" }, at, "k2"));
  const send = async (m) => (m.key === "k1"
    ? { kind: "refused", status: 422, code: null, field: "reads[0].reading", detail: "lower than the last reading" }
    : { kind: "done" });
  const after = await sendWaiting(store.load, store.save, send);
  assert.deepEqual(after.waiting, []);
  assert.deepEqual(after.refused.map((r) => [r.key, r.field]), [["k1", "reads[0].reading"]]);
  const retried = enqueue(after, "SO1", { action: "complete", reads: [{ meter: "E1", reading: "10400", confirmed: true }] }, at, "k3");
  assert.deepEqual(retried.refused, [], "a new try of the same move replaces its refusal");
});

test("a move another tab sent meanwhile is not sent again", async () => {
  const store = storage(enqueue(enqueue(EMPTY_OUTBOX, "SO1", { action: "depart" }, at, "k1"), "SO1", { action: "arrive" }, at, "k2"));
  const sent = [];
  const send = async (m) => {
    sent.push(m.key);
    if (m.key === "k1") store.save(settle(store.load(), "k2", { kind: "done" })); // the other tab
    return { kind: "done" };
  };
  await sendWaiting(store.load, store.save, send);
  assert.deepEqual(sent, ["k1"]);
});

test("what is stored and cannot be read is an empty outbox; what can is kept", () => {
  assert.deepEqual(parseOutbox(null), EMPTY_OUTBOX);
  assert.deepEqual(parseOutbox("{not json"), EMPTY_OUTBOX);
  assert.deepEqual(parseOutbox(JSON.stringify({ waiting: [{ key: 1 }, null] })), { waiting: [], refused: [] });
  const box = enqueue(EMPTY_OUTBOX, "SO1", { action: "fail", note: "No access" }, at, "k1");
  assert.deepEqual(parseOutbox(JSON.stringify(box)), box);
});

test("the status the technician's own moves leave an order in, and the moves it then offers", () => {
  const box = enqueue(enqueue(EMPTY_OUTBOX, "SO1", { action: "depart" }, at, "k1"), "SO1", { action: "arrive" }, at, "k2");
  assert.equal(statusAfter("dispatched", box.waiting, "SO1"), "on_site");
  assert.equal(statusAfter("dispatched", box.waiting, "SO2"), "dispatched");
  assert.equal(statusAfter("on_site", enqueue(EMPTY_OUTBOX, "SO1", { action: "complete" }, at, "k").waiting, "SO1"), "completed");
  assert.deepEqual(fieldMovesFrom("dispatched"), ["depart", "arrive", "fail"]);
  assert.deepEqual(fieldMovesFrom("en_route"), ["arrive", "fail"]);
  assert.deepEqual(fieldMovesFrom("on_site"), ["complete", "fail"]);
  assert.deepEqual(fieldMovesFrom("completed"), []);
});

// ---- photos (of the dial, the site, why a visit could not be done) in the same outbox ----------

const photo = (purpose = "site", size_bytes = 412_000) => ({ purpose, size_bytes });

test("a photo waits in the same line as the moves, after those made before it", () => {
  const box = enqueuePhoto(enqueue(EMPTY_OUTBOX, "SO1", { action: "complete" }, at, "k1"), "SO1", photo("reading"), at, "p1");
  assert.deepEqual(box.waiting.map((m) => [m.key, m.body?.action ?? m.photo.purpose]), [["k1", "complete"], ["p1", "reading"]]);
  assert.deepEqual(box.waiting[1], { key: "p1", order: "SO1", photo: { purpose: "reading", size_bytes: 412_000 }, made_at: "2026-12-08T18:05:00.000Z", tries: 0 });
  assert.match(enqueuePhoto(EMPTY_OUTBOX, "SO1", photo(), at).waiting[0].key, /^photo-[0-9a-f]{32}$/, "a new random key");
  assert.deepEqual(photosWaiting(box, "SO1").map((p) => p.key), ["p1"]);
  assert.deepEqual(photosWaiting(box, "SO2"), []);
  assert.equal(statusAfter("on_site", box.waiting, "SO1"), "completed", "a photo moves no order");
});

test("at most 30 photos wait on the phone, and the outbox's 200 items count them", () => {
  let box = EMPTY_OUTBOX;
  for (let i = 0; i < PHOTOS_WAITING_MOST; i++) box = enqueuePhoto(box, `SO${i}`, photo(), at, `p${i}`);
  assert.equal(photoMayWait(box), false);
  assert.equal(enqueuePhoto(box, "SO99", photo(), at, "one-more"), null);
  assert.ok(enqueue(box, "SO99", { action: "depart" }, at, "k"), "a move is still kept");
  let moves = EMPTY_OUTBOX;
  for (let i = 0; i < OUTBOX_MOST; i++) moves = enqueue(moves, `SO${i}`, { action: "depart" }, at, key());
  assert.equal(photoMayWait(moves), false);
  assert.equal(enqueuePhoto(moves, "SO1", photo(), at, "p"), null);
  assert.equal(photoMayWait(EMPTY_OUTBOX), true);
});

test("an order takes 10 photos: those the server keeps and those waiting count", () => {
  const box = enqueuePhoto(enqueuePhoto(EMPTY_OUTBOX, "SO1", photo(), at, "p1"), "SO2", photo(), at, "p2");
  assert.equal(PHOTOS_PER_ORDER_MOST, 10);
  assert.equal(photoRoom(0, EMPTY_OUTBOX, "SO1"), 10);
  assert.equal(photoRoom(7, box, "SO1"), 2);
  assert.equal(photoRoom(9, box, "SO1"), 0);
  assert.equal(photoRoom(12, box, "SO1"), 0, "never below none");
});

test("what waits, in words", () => {
  const move = (k) => enqueue(EMPTY_OUTBOX, "SO1", { action: "depart" }, at, k).waiting[0];
  const pic = (k) => enqueuePhoto(EMPTY_OUTBOX, "SO1", photo(), at, k).waiting[0];
  assert.equal(waitingWords([]), "");
  assert.equal(waitingWords([move("a")]), "1 move is waiting to send.");
  assert.equal(waitingWords([move("a"), move("b")]), "2 moves are waiting to send.");
  assert.equal(waitingWords([pic("a")]), "1 photo is waiting to send.");
  assert.equal(waitingWords([move("a"), pic("b")]), "1 move and 1 photo are waiting to send.");
  assert.equal(waitingWords([move("a"), pic("b"), pic("c")]), "1 move and 2 photos are waiting to send.");
});

test("a photo whose answer was lost is sent again (the server keeps the same image once); its bytes are let go once it is answered", async () => {
  const kept = new Set(); // the server's: images it keeps for the order
  const letGo = [];
  let lose = true;
  const server = async (m) => {
    if (m.photo) kept.add(`${m.order}:${m.key}`); // the same bytes each time: one image
    if (lose && m.photo) { lose = false; return { kind: "unknown" }; }
    return { kind: "done" };
  };
  const store = storage(enqueuePhoto(enqueue(EMPTY_OUTBOX, "SO1", { action: "complete" }, at, "k1"), "SO1", photo("reading"), at, "p1"));
  await sendWaiting(store.load, store.save, server, (m) => letGo.push(m.key));
  assert.deepEqual(store.load().waiting.map((m) => [m.key, m.tries]), [["p1", 1]], "the completion went; the photo waits, tried once");
  assert.deepEqual(letGo, ["k1"], "a photo whose outcome is unknown keeps its bytes");
  await sendWaiting(store.load, store.save, server, (m) => letGo.push(m.key));
  assert.deepEqual(store.load().waiting, []);
  assert.deepEqual(letGo, ["k1", "p1"]);
  assert.equal(kept.size, 1, "kept once");
});

test("a photo refused is kept with what it was, for the technician to read; it stops nothing after it", async () => {
  const store = storage(enqueue(enqueuePhoto(EMPTY_OUTBOX, "SO1", photo("site"), at, "p1"), "SO1", { action: "depart" }, at, "k2"));
  const send = async (m) => (m.photo
    ? { kind: "refused", status: 409, code: "too-many-photos", field: null, detail: "order SO1 has 10 photos, the most it keeps" }
    : { kind: "done" });
  const after = await sendWaiting(store.load, store.save, send);
  assert.deepEqual(after.waiting, []);
  assert.deepEqual(after.refused, [{ key: "p1", order: "SO1", photo: { purpose: "site", size_bytes: 412_000 }, status: 409, code: "too-many-photos",
    field: null, detail: "order SO1 has 10 photos, the most it keeps" }]);
  const again = enqueue(after, "SO1", { action: "arrive" }, at, "k3");
  assert.equal(again.refused.length, 1, "a new move does not replace a photo's refusal");
  assert.deepEqual(dismiss(again, "p1").refused, []);
});

test("photos stored and read back; a photo of no known purpose is not", () => {
  const box = enqueuePhoto(enqueue(EMPTY_OUTBOX, "SO1", { action: "fail", note: "No access" }, at, "k1"), "SO1", photo("failure"), at, "p1");
  assert.deepEqual(parseOutbox(JSON.stringify(box)), box);
  const odd = { waiting: [{ ...box.waiting[1], photo: { purpose: "selfie", size_bytes: 1 } }, { ...box.waiting[1], photo: { purpose: "site" } }] };
  assert.deepEqual(parseOutbox(JSON.stringify(odd)).waiting, []);
});
