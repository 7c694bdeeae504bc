// Messages with the utility in the portal (src/portal/messages.ts, messagesApi.ts, router.ts):
// topics and statuses in both languages, what is wrong with a message or its files before
// sending, file sizes, the pages' paths, and the requests the pages make (a file's bytes as the
// whole body, then the message naming the files' ids).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  LARGEST_FILE, TOPICS, addFiles, checkMessage, checkMessageText, fileProblem, fileSize, isMine, statusKey, subjectLine,
  threadPath, topicKey,
} from "../.test-build/portal/messages.js";
import {
  attachmentPath, fetchThread, fetchThreads, replyToThread, uploadAttachment, writeMessage,
} from "../.test-build/portal/messagesApi.js";
import { setCsrfToken } from "../.test-build/portal/api.js";
import { WRITE_TO_US_PATH, matchRoute, navSection, needsAccount, isPublic } from "../.test-build/portal/router.js";
import { PROBLEM_CODES } from "../.test-build/portal/problemWords.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";

const tEn = translator(en);
const tEs = translator(es);
const file = (name, type, size = 1000) => ({ name, type, size });

test("a conversation's status says whose turn it is, in the customer's words", () => {
  assert.equal(tEn(statusKey("open")), "Waiting for us");
  assert.equal(tEn(statusKey("waiting")), "We answered");
  assert.equal(tEn(statusKey("closed")), "Closed");
  assert.equal(tEs(statusKey("open")), "Esperando nuestra respuesta");
  assert.equal(tEs(statusKey("waiting")), "Le respondimos");
  assert.equal(tEs(statusKey("closed")), "Cerrada");
  assert.equal(statusKey("something-new"), "messageStatusOpen");
});

test("every topic has words in both languages; one the portal does not know is 'Something else'", () => {
  assert.deepEqual(TOPICS, ["bill", "payment", "usage", "service", "other"]);
  assert.deepEqual(TOPICS.map((tp) => tEn(topicKey(tp))), ["My bill", "A payment", "My usage", "My service", "Something else"]);
  assert.deepEqual(TOPICS.map((tp) => tEs(topicKey(tp))), ["Mi factura", "Un pago", "Mi consumo", "Mi servicio", "Otra cosa"]);
  assert.equal(topicKey("outage"), "messageTopicOther");
});

test("a new message needs a topic, a subject of one line up to 120 characters and a message up to 4000", () => {
  assert.deepEqual(checkMessage({ topic: "", subject: " ", body: "" }), {
    "message-topic": "errorMessageTopic",
    "message-subject": "errorMessageSubject",
    "message-body": "errorMessageBody",
  });
  assert.deepEqual(checkMessage({ topic: "bill", subject: "é".repeat(120), body: "x".repeat(4000) }), {});
  assert.deepEqual(checkMessage({ topic: "bill", subject: "x".repeat(121), body: "x".repeat(4001) }), {
    "message-subject": "errorMessageSubjectLong",
    "message-body": "errorMessageBodyLong",
  });
  assert.deepEqual(checkMessageText("  ", "reply-body"), { "reply-body": "errorMessageBody" });
  assert.equal(subjectLine("  Meter\r\n read  "), "Meter read");
});

test("only photos and PDFs up to 5 MB may be attached, by type or else by name", () => {
  assert.equal(fileProblem(file("meter.jpg", "image/jpeg")), null);
  assert.equal(fileProblem(file("bill.PDF", "")), null);
  assert.equal(fileProblem(file("photo.heic", "image/heic")), "problemAttachmentType");
  assert.equal(fileProblem(file("notes.txt", "text/plain")), "problemAttachmentType");
  assert.equal(fileProblem(file("big.png", "image/png", LARGEST_FILE)), null);
  assert.equal(fileProblem(file("big.png", "image/png", LARGEST_FILE + 1)), "problemAttachmentTooLarge");
  // The refusals the server names by code are worded by the same keys.
  assert.equal(PROBLEM_CODES["attachment-type"], "problemAttachmentType");
  assert.equal(PROBLEM_CODES["attachment-too-large"], "problemAttachmentTooLarge");
});

test("at most 3 files: those past it and the refused ones are left out, the first problem said", () => {
  const a = file("a.png", "image/png");
  const b = file("b.png", "image/png");
  const c = file("c.pdf", "application/pdf");
  const d = file("d.png", "image/png");
  assert.deepEqual(addFiles([a], [b, c]), { files: [a, b, c], problem: null });
  assert.deepEqual(addFiles([a, b], [c, d]), { files: [a, b, c], problem: "errorMessageFilesMany" });
  assert.deepEqual(addFiles([], [file("x.txt", "text/plain"), a]), { files: [a], problem: "problemAttachmentType" });
});

test("file sizes read in the customer's locale", () => {
  assert.equal(fileSize(74, "en-US"), "74 B");
  assert.equal(fileSize(250_000, "en-US"), "244 KB");
  assert.equal(fileSize(1_300_000, "en-US"), "1.2 MB");
  assert.equal(fileSize(1_300_000, "es-US"), "1.2 MB");
  assert.equal(fileSize(5 * 1024 * 1024, "en-US"), "5 MB");
});

test("the customer's own messages are told from the utility's", () => {
  assert.equal(isMine({ from: "customer" }), true);
  assert.equal(isMine({ from: "utility" }), false);
});

test("/messages and /messages/{id} are account pages under Messages; ?write opens the form", () => {
  assert.deepEqual(matchRoute("/messages"), { page: "messages", write: false });
  assert.deepEqual(matchRoute("/messages/", "?write"), { page: "messages", write: true });
  assert.equal(WRITE_TO_US_PATH, "/messages?write");
  assert.deepEqual(matchRoute("/messages/42"), { page: "message", thread: "42" });
  assert.equal(matchRoute("/messages/abc").page, "not-found");
  assert.equal(threadPath(42), "/messages/42");
  assert.equal(navSection(matchRoute("/messages/42")), "messages");
  assert.equal(needsAccount(matchRoute("/messages")), true);
  assert.equal(needsAccount(matchRoute("/messages/42")), true);
  assert.equal(isPublic(matchRoute("/messages")), false);
});

let asked = [];
beforeEach(() => {
  asked = [];
  setCsrfToken("csrf-3");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    return new Response(JSON.stringify({ ok: true }), { status: 201, headers: { "Content-Type": "application/json" } });
  };
});

test("a file goes as its own bytes, with the CSRF token; the message then names the files", async () => {
  const photo = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" });
  await uploadAttachment("100000017", photo, "meter photo.png");
  assert.equal(asked[0].path, "/api/v1/accounts/100000017/message-attachments?name=meter%20photo.png");
  assert.equal(asked[0].method, "POST");
  assert.equal(asked[0].body, photo);
  assert.equal(asked[0].headers["Content-Type"], "image/png");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-3");
  await uploadAttachment("100000017", new Blob(["%PDF"]), "bill.pdf");
  assert.equal(asked[1].headers["Content-Type"], "application/octet-stream");
  await writeMessage("100000017", { topic: "bill", subject: "Meter", body: "Please check", attachments: [7] });
  assert.equal(asked[2].path, "/api/v1/accounts/100000017/messages");
  assert.deepEqual(JSON.parse(asked[2].body), { topic: "bill", subject: "Meter", body: "Please check", attachments: [7] });
  await replyToThread("100000017", 5, { body: "Thanks", attachments: [] });
  assert.equal(asked[3].path, "/api/v1/accounts/100000017/messages/5/replies");
  assert.deepEqual(JSON.parse(asked[3].body), { body: "Thanks", attachments: [] });
});

test("conversations are read a page at a time; one by its id; a file downloads from its path", async () => {
  await fetchThreads("100000017", 20, null);
  await fetchThreads("100000017", 20, "c2");
  await fetchThread("100000017", "9");
  assert.deepEqual(asked.map((a) => [a.method, a.path]), [
    ["GET", "/api/v1/accounts/100000017/messages?limit=20"],
    ["GET", "/api/v1/accounts/100000017/messages?limit=20&cursor=c2"],
    ["GET", "/api/v1/accounts/100000017/messages/9"],
  ]);
  assert.equal(attachmentPath("100000017", 3), "/api/v1/accounts/100000017/message-attachments/3");
});
