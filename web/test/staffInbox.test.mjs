// The console's Inbox (src/staff/inbox.ts, inboxApi.ts, route.ts): its routes, views and counts,
// statuses and who wrote in words, the first-reply figures, the canned replies offered (the
// customer's language first), the checks before sending, and the requests its screens make.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  CANNED_REPLIES_HASH, actorLabel, authorLabel, cannedGroups, checkCanned, checkLinks, checkReply, inboxHash, inboxThreadHash,
  linksForServer, minutesLabel, parseInboxRoute, statusLabel, topicLabel, viewCount,
} from "../.test-build/staff/inbox.js";
import {
  assignThread, closeThread, deleteCannedReply, fetchCannedReplies, fetchInbox, fetchInboxFigures, fetchStaffThread, linkThread,
  replyAsStaff, saveCannedReply,
} from "../.test-build/staff/inboxApi.js";
import { parseRoute } from "../.test-build/staff/route.js";

test("the inbox's routes: a view (Unassigned when left out), a thread, the canned replies", () => {
  assert.deepEqual(parseInboxRoute("#/inbox"), { screen: "view", view: "unassigned" });
  assert.deepEqual(parseInboxRoute("#/inbox?view=waiting"), { screen: "view", view: "waiting" });
  assert.deepEqual(parseInboxRoute("#/inbox?view=nonsense"), { screen: "view", view: "unassigned" });
  assert.deepEqual(parseInboxRoute("#/inbox/12"), { screen: "thread", id: 12 });
  assert.deepEqual(parseInboxRoute("#/inbox/canned-replies"), { screen: "canned-replies" });
  assert.equal(parseInboxRoute("#/inbox/x"), null);
  assert.equal(parseInboxRoute("#/queues"), null);
  assert.deepEqual(parseRoute("#/inbox?view=mine"), { page: "inbox", screen: { screen: "view", view: "mine" } });
  assert.deepEqual(parseRoute("#/inbox/3"), { page: "inbox", screen: { screen: "thread", id: 3 } });
  assert.equal(inboxHash(), "#/inbox");
  assert.equal(inboxHash("closed"), "#/inbox?view=closed");
  assert.equal(inboxThreadHash(3), "#/inbox/3");
  assert.deepEqual(parseInboxRoute(CANNED_REPLIES_HASH), { screen: "canned-replies" });
});

const FIGURES = {
  unassigned: 4, mine: 1, waiting: 0, open: 5, oldest_open_at: "2026-12-01T10:00:00Z", opened_30_days: 9, answered_30_days: 7,
  first_reply_median_minutes: 42, first_reply_p90_minutes: 1505,
};

test("each view's count comes from the figures; closed has none", () => {
  assert.equal(viewCount("unassigned", FIGURES), 4);
  assert.equal(viewCount("mine", FIGURES), 1);
  assert.equal(viewCount("waiting", FIGURES), 0);
  assert.equal(viewCount("closed", FIGURES), null);
  assert.equal(viewCount("mine", null), null);
});

test("minutes to first reply read as minutes, hours or days", () => {
  assert.equal(minutesLabel(42), "42 min");
  assert.equal(minutesLabel(60), "1 h");
  assert.equal(minutesLabel(185), "3 h 5 min");
  assert.equal(minutesLabel(1505), "1 d 1 h");
  assert.equal(minutesLabel(2880), "2 d");
  assert.equal(minutesLabel(null), "—");
});

test("statuses, topics, assignees and authors in words", () => {
  assert.equal(statusLabel("open"), "Waiting on us");
  assert.equal(statusLabel("waiting"), "Waiting on the customer");
  assert.equal(statusLabel("closed"), "Closed");
  assert.equal(topicLabel("usage"), "Usage");
  assert.equal(topicLabel("other"), "Something else");
  assert.equal(actorLabel("staff:12", 12), "You");
  assert.equal(actorLabel("staff:12", 3), "Staff member 12");
  assert.equal(actorLabel("api_key:3", 3), "API key 3");
  assert.equal(actorLabel(null, 3), "No one");
  // The server's name for someone else; never for oneself.
  assert.equal(actorLabel("staff:12", 3, "Bea Clerk"), "Bea Clerk");
  assert.equal(actorLabel("staff:12", 12, "Bea Clerk"), "You");
  assert.equal(authorLabel({ from: "utility", actor: "staff:12", actor_name: "Bea Clerk" }, "Maria", 3), "Bea Clerk");
  assert.equal(authorLabel({ from: "customer", actor: "customer:4" }, "Ana Ruiz", 1), "Ana Ruiz");
  assert.equal(authorLabel({ from: "utility", actor: "staff:1" }, "Ana Ruiz", 1), "You");
});

const canned = (id, title, language) => ({ id, title, language, body: `${title} (${language})`, changed_by: "staff:1", changed_at: "" });

test("canned replies in the customer's language come first, each language by title; both when it is not known", () => {
  const replies = [canned(1, "Payment received", "en"), canned(2, "Pago recibido", "es"), canned(3, "Meter photo", "en"), canned(4, "Foto", "es")];
  const spanish = cannedGroups(replies, "es");
  assert.deepEqual(spanish.map((g) => g.language), ["es", "en"]);
  assert.equal(spanish[0].label, "Spanish (the customer's language)");
  assert.deepEqual(spanish[0].replies.map((r) => r.title), ["Foto", "Pago recibido"]);
  assert.deepEqual(spanish[1].replies.map((r) => r.title), ["Meter photo", "Payment received"]);
  const unknown = cannedGroups(replies, null);
  assert.deepEqual(unknown.map((g) => g.label), ["English", "Spanish"]);
  assert.deepEqual(cannedGroups([canned(1, "A", "en")], "es").map((g) => g.language), ["en"]);
});

test("a reply, a canned reply and links are checked before sending", () => {
  assert.deepEqual(checkReply("  ", "r"), { r: "Write the reply (or the note) first." });
  assert.deepEqual(checkReply("x".repeat(4000), "r"), {});
  assert.match(checkReply("x".repeat(4001), "r").r, /At most 4000/);
  assert.deepEqual(Object.keys(checkCanned({ title: "", language: "fr", body: "" })), ["title", "language", "body"]);
  assert.deepEqual(checkCanned({ title: "Thanks", language: "es", body: "Gracias" }), {});
  assert.deepEqual(Object.keys(checkCanned({ title: "x".repeat(81), language: "en", body: "Hi" })), ["title"]);
  assert.deepEqual(checkLinks({ bill: "12a", payment: "X1" }), {
    bill: "A bill number is digits only.",
    payment: "A payment's confirmation starts with P.",
  });
  assert.deepEqual(checkLinks({ bill: " 1024 ", payment: "p20261201-7" }), {});
  assert.deepEqual(linksForServer({ bill: " 1024 ", payment: "p20261201-7" }), { bill: 1024, payment: "P20261201-7" });
  assert.deepEqual(linksForServer({ bill: "", payment: " " }), { bill: null, payment: null });
});

let asked = [];
beforeEach(() => {
  asked = [];
  globalThis.document = { cookie: "rp_staff_csrf=csrf-9" };
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, body: init.body });
    const body = path.includes("/staff/messages?") ? { threads: [{ id: 1 }], next_cursor: "c2" } : { canned_replies: [], ok: true };
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  };
});

test("the inbox's requests: views 50 at a time, figures, a thread, replies and notes, assignment, closing, links, canned replies", async () => {
  const page = await fetchInbox("mine", "c1");
  assert.deepEqual(page, { items: [{ id: 1 }], next_cursor: "c2" });
  await fetchInboxFigures();
  await fetchStaffThread(7);
  await replyAsStaff(7, "Thanks", false);
  await replyAsStaff(7, "Checked", true);
  await assignThread(7, "me");
  await assignThread(7, null);
  await closeThread(7);
  await linkThread(7, { bill: 1024, payment: null });
  await fetchCannedReplies();
  await saveCannedReply({ title: "Thanks", language: "en", body: "Thank you" });
  await deleteCannedReply(4);
  assert.deepEqual(asked.map((a) => [a.method ?? "GET", a.path, a.body ? JSON.parse(a.body) : undefined]), [
    ["GET", "/api/v1/staff/messages?view=mine&limit=50&cursor=c1", undefined],
    ["GET", "/api/v1/staff/messages/figures", undefined],
    ["GET", "/api/v1/staff/messages/7", undefined],
    ["POST", "/api/v1/staff/messages/7/replies", { body: "Thanks", internal: false }],
    ["POST", "/api/v1/staff/messages/7/replies", { body: "Checked", internal: true }],
    ["PUT", "/api/v1/staff/messages/7/assignee", { assigned_to: "me" }],
    ["PUT", "/api/v1/staff/messages/7/assignee", { assigned_to: null }],
    ["POST", "/api/v1/staff/messages/7/close", undefined],
    ["PUT", "/api/v1/staff/messages/7/links", { bill: 1024, payment: null }],
    ["GET", "/api/v1/staff/canned-replies", undefined],
    ["PUT", "/api/v1/staff/canned-replies", { title: "Thanks", language: "en", body: "Thank you" }],
    ["DELETE", "/api/v1/staff/canned-replies/4", undefined],
  ]);
});
