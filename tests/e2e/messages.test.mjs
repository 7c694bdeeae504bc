// Browser tests of messages between customers and the utility, end to end, against a running
// Ratepayer server: a customer signs up and writes to the utility from the portal's Messages page
// with a photo of the meter (a file of the wrong kind is refused at its field first); staff create a
// canned reply in the console, find the conversation in the Inbox's Unassigned view, assign it to
// themselves, add a note only staff see and answer with the canned reply; the customer gets the
// "new message" email, sees the answer (never the note) on the conversation page and downloads the
// photo; another customer opening the same address reads "Conversation not found". Screens are
// photographed at phone size and on a desktop, in English and Spanish, under
// $RATEPAYER_E2E_ARTIFACTS/messages-*.png.
//
//   RATEPAYER_BASE_URL, RATEPAYER_STAFF_KEY, RATEPAYER_E2E_ACCOUNT, RATEPAYER_E2E_SECOND_ACCOUNT,
//   RATEPAYER_E2E_MAIL_DIR, RATEPAYER_E2E_DB  as for portal.test.mjs
//   RATEPAYER_BIN=build/ratepayer   the server's binary (optional; default build/ratepayer), to add
//                                   this file's own staff user to RATEPAYER_E2E_DB
//
// Its own staff user (an administrator, ownStaffUser in support.mjs): node --test runs the files of
// this folder side by side, and the server takes each 30-second step's code once per user.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import {
  required, baseUrl, launchBrowser, openPage, photographer, inLanguage, PHONE, DESKTOP,
  apiKeyGet, emailsTo, lastMailNumber, arrives, signUpByEmail, ownStaffConsole,
} from "./support.mjs";

const BASE = baseUrl();
required("RATEPAYER_STAFF_KEY");
required("RATEPAYER_E2E_MAIL_DIR");
const DB = required("RATEPAYER_E2E_DB");
// Accounts other browser tests sign up with: not used here.
const TAKEN = new Set([required("RATEPAYER_E2E_ACCOUNT"), required("RATEPAYER_E2E_SECOND_ACCOUNT")]);
const PASSWORD = "harbor quill maple sixty";

// A real 8 x 8 PNG (a blue square): the server tells a file's type by its content.
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR42mPg8l+MFTEMLQkAd/A/AczOcpcAAAAASUVORK5CYII=",
  "base64",
);

let browser;

before(async () => {
  browser = await launchBrowser(chromium);
});

after(async () => {
  await browser?.close();
});

// A 404 for a conversation that is not the account's is the answer the page words (openPage
// leaves "Failed to load resource" out of the errors).
const newPage = (t, device = PHONE) => openPage(browser, t, device, { acceptDownloads: true });

/** Nothing wider than the screen, axe finds nothing, and the part is photographed as messages-<name>.png. */
const photograph = photographer("messages");

/**
 * Two accounts no other browser test signs up with: active, in English, with an email on file and
 * no login yet, without a unit (the apartment test's), nothing owed (the arrangement test's) or a
 * possible leak (the leak tests'), from the first accounts (the high-usage test takes the last).
 */
async function freshAccounts() {
  const { stdout } = await promisify(execFile)("sqlite3", [DB,
    "SELECT o.number FROM account_overview o JOIN accounts a ON a.id = o.id WHERE o.status = 'active' " +
    "AND a.language = 'en' AND COALESCE(o.line2, '') = '' AND o.balance_cents <= 0 ORDER BY o.id LIMIT 40;"]);
  const found = [];
  for (const number of stdout.split("\n").map((n) => n.trim()).filter((n) => /^\d{9}$/.test(n))) {
    if (TAKEN.has(number)) continue;
    const account = await apiKeyGet(`/api/v1/staff/accounts/${number}`);
    if (!account.customer?.email || !account.service_address || account.staff_facts?.portal_logins !== 0) continue;
    const alerts = await apiKeyGet(`/api/v1/accounts/${number}/alerts`);
    if (alerts.leaks.length > 0) continue;
    found.push({ number, email: account.customer.email, address: account.service_address, name: account.customer.name });
    if (found.length === 2) return found;
  }
  assert.fail("the test utility has two English accounts with an email on file and no login");
}

/** Signs up with the email on file and the service address; ends signed in on Home. */
const signUp = (page, account) => signUpByEmail(page, account, PASSWORD);

// ---- the staff console -------------------------------------------------------------------

/** A console page on `device`, signed in as this file's own staff user (an administrator). */
const consoleAsOwnStaff = ownStaffConsole({ tag: "messages", name: "Messages Staff" });
const staffConsole = (t, device) => consoleAsOwnStaff(browser, t, device);

const SUBJECT = "Meter read looks too high";
const QUESTION = "My last bill shows 9,000 gallons but the meter (photo attached) reads much lower. Could you check it?";
const NOTE = "Checked the read history: the photo matches an estimated read. Not for the customer.";
const CANNED_TITLE = "Meter photo received";
const CANNED = "Thank you for the photo of your meter. We checked the read and will correct the bill within 5 business days.";

test("a customer writes with a photo; staff assign it, add a note and answer with a canned reply; the customer is emailed, reads the answer (never the note) and downloads the photo; another customer cannot open it", async (t) => {
  const [account, other] = await freshAccounts();
  const { page, errors } = await newPage(t);
  await signUp(page, account);

  // The menu has Messages (four to a row on a phone), in both languages.
  const menu = page.getByRole("navigation", { name: "Main menu" });
  await menu.getByRole("link", { name: "Messages", exact: true }).waitFor();
  await photograph(page, page.locator("header"), "menu-phone-en");
  await inLanguage(page, "es");
  await page.getByRole("navigation", { name: "Menú principal" }).getByRole("link", { name: "Mensajes", exact: true }).waitFor();
  await photograph(page, page.locator("header"), "menu-phone-es");
  await inLanguage(page, "en");

  // Home leads to Messages; there are none yet.
  await page.getByTestId("write-to-us").getByRole("link", { name: "Write to us" }).click();
  await page.getByRole("heading", { level: 1, name: "Messages" }).waitFor();
  await page.getByText("You have not written to us yet.").waitFor();
  const form = page.locator("#write-form");
  await form.getByRole("heading", { name: "Write to us" }).waitFor();

  // What is missing is said at its field before anything is sent.
  await form.getByRole("button", { name: "Send message" }).click();
  await form.getByText("Choose what your message is about.").waitFor();
  await form.getByText("Write a subject.").waitFor();
  await form.getByText("Write your message.").waitFor();
  assert.equal(await form.getByLabel("Topic").getAttribute("aria-invalid"), "true");

  // A file that is not a photo or a PDF is refused at the field; two photos are chosen, one removed.
  const files = form.getByLabel("Photos or PDF (optional)");
  await files.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a photo") });
  await form.getByText("Attach a photo (JPEG, PNG, GIF or WebP) or a PDF. That file is neither.").waitFor();
  await files.setInputFiles([
    { name: "meter.png", mimeType: "image/png", buffer: PHOTO },
    { name: "meter-again.png", mimeType: "image/png", buffer: PHOTO },
  ]);
  const chosen = form.getByTestId("chosen-file");
  assert.equal(await chosen.count(), 2);
  assert.match(await chosen.first().textContent(), new RegExp(`meter\\.png${PHOTO.length} B`));
  await form.getByRole("button", { name: "Remove meter-again.png" }).click();
  assert.equal(await chosen.count(), 1);
  await form.getByLabel("Topic").selectOption({ label: "My bill" });
  await form.getByLabel("Subject").fill(SUBJECT);
  await form.getByLabel("Message").fill(QUESTION);
  await photograph(page, page.locator("main"), "write-phone-en");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("main"), "write-desktop-en");
  await inLanguage(page, "es");
  await form.getByRole("heading", { name: "Escríbanos" }).waitFor();
  await photograph(page, page.locator("main"), "write-desktop-es");
  await page.setViewportSize(PHONE.viewport);
  await photograph(page, page.locator("main"), "write-phone-es");
  await inLanguage(page, "en");

  // Send: the photo goes first (its bytes the whole body), then the message naming it.
  const upload = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/message-attachments?name=meter.png"));
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(`/accounts/${account.number}/messages`));
  await form.getByRole("button", { name: "Send message" }).click();
  const uploaded = await upload;
  assert.equal(uploaded.status(), 201);
  assert.deepEqual({ ...(await uploaded.json()).attachment, id: 0 }, { id: 0, name: "meter.png", type: "image/png", size: PHOTO.length });
  const body = (await sent).postDataJSON();
  assert.equal(body.topic, "bill");
  assert.equal(body.subject, SUBJECT);
  assert.equal(body.attachments.length, 1);
  await page.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();
  const threadId = Number(new URL(page.url()).pathname.split("/").pop());
  assert.ok(threadId > 0, `the conversation's page: ${page.url()}`);
  await page.getByTestId("thread-status").filter({ hasText: "Waiting for us" }).waitFor();
  const mine = page.getByTestId("message");
  assert.equal(await mine.count(), 1);
  assert.equal(await mine.first().getAttribute("data-from"), "customer");
  await mine.first().getByText("You", { exact: true }).waitFor();
  await mine.first().getByRole("link", { name: "meter.png" }).waitFor();

  // The list: the conversation, its topic and whose turn it is.
  await page.getByRole("link", { name: "All messages" }).click();
  const row = page.locator(`[data-testid="thread"][data-thread="${threadId}"]`);
  await row.getByRole("link", { name: SUBJECT }).waitFor();
  await row.getByText("Waiting for us").waitFor();
  await row.getByText(/^My bill · last message /).waitFor();

  // Staff: a canned reply, then the Inbox.
  const { page: staff, errors: staffErrors } = await staffConsole(t, DESKTOP);
  await staff.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Inbox", exact: true }).click();
  await staff.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
  await staff.getByRole("link", { name: "Canned replies" }).click();
  await staff.getByRole("heading", { level: 1, name: "Canned replies" }).waitFor();
  const cannedForm = staff.getByRole("form", { name: "Add or replace a canned reply" });
  await cannedForm.getByLabel("Title").fill(CANNED_TITLE);
  await cannedForm.getByLabel("Language").selectOption("en");
  await cannedForm.getByLabel("Text").fill(CANNED);
  await cannedForm.getByRole("button", { name: "Save canned reply" }).click();
  await staff.getByTestId("canned-reply").filter({ hasText: CANNED_TITLE }).waitFor();
  const { canned_replies: canned } = await apiKeyGet("/api/v1/staff/canned-replies");
  assert.ok(canned.some((c) => c.title === CANNED_TITLE && c.language === "en" && c.body === CANNED));

  await staff.getByRole("link", { name: "Back to the inbox" }).click();
  const figures = await apiKeyGet("/api/v1/staff/messages/figures");
  const unassignedTab = staff.getByTestId("inbox-view-unassigned");
  await unassignedTab.waitFor();
  await staff.getByTestId("inbox-count-unassigned").filter({ hasText: String(figures.unassigned) }).waitFor();
  const inboxRow = staff.locator(`[data-testid="inbox-row"][data-thread="${threadId}"]`);
  await inboxRow.waitFor();
  assert.match(await inboxRow.textContent(), new RegExp(account.number.slice(0, 4)));
  await photograph(staff, staff.locator("main"), "inbox-desktop");
  await inboxRow.getByRole("link", { name: SUBJECT }).click();
  await staff.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();
  await staff.getByTestId("staff-message").filter({ hasText: QUESTION }).waitFor();

  // Assign it to oneself: it leaves Unassigned for Mine.
  await staff.getByRole("button", { name: "Assign to me" }).click();
  await staff.getByTestId("thread-assignee").filter({ hasText: "You" }).waitFor();
  const assigned = await apiKeyGet(`/api/v1/staff/messages?view=mine`);
  // (The API key is another staff member: its Mine is its own; the assignee shows on the thread.)
  const thread = await apiKeyGet(`/api/v1/staff/messages/${threadId}`);
  assert.match(thread.thread.assigned_to ?? "", /^staff:\d+$/, `assigned: ${JSON.stringify(thread.thread)}`);
  assert.ok(Array.isArray(assigned.threads));

  // A note only staff see, then the answer with the canned reply.
  const reply = staff.getByRole("form", { name: "Answer the customer" });
  await reply.getByLabel("Note only staff see").check();
  await reply.getByLabel("Note", { exact: true }).fill(NOTE);
  await reply.getByRole("button", { name: "Add note" }).click();
  await staff.getByTestId("staff-message").filter({ hasText: NOTE }).getByText("Note only staff see").waitFor();
  assert.equal((await apiKeyGet(`/api/v1/staff/messages/${threadId}`)).thread.status, "open", "a note changes nothing for the customer");
  // A bill that is not the account's is refused at its field.
  const links = staff.getByRole("form", { name: "Links to a bill or payment" });
  await links.getByLabel("Bill number").fill("999999");
  await links.getByRole("button", { name: "Save links" }).click();
  await links.getByText("the thread's account has no bill 999999").waitFor();
  assert.equal(await links.getByLabel("Bill number").getAttribute("aria-invalid"), "true");
  await links.getByLabel("Bill number").fill("");
  await reply.getByLabel("Note only staff see").uncheck();
  await reply.getByLabel("Canned reply").selectOption({ label: CANNED_TITLE });
  assert.equal(await reply.getByLabel("Reply", { exact: true }).inputValue(), CANNED);
  const mailBefore = await lastMailNumber();
  await reply.getByRole("button", { name: "Send reply" }).click();
  await staff.getByTestId("staff-message").filter({ hasText: CANNED }).waitFor();
  await staff.getByTestId("thread-status").filter({ hasText: "Waiting on the customer" }).waitFor();
  await photograph(staff, staff.locator("main"), "staff-thread-desktop");
  await staff.setViewportSize(PHONE.viewport);
  await photograph(staff, staff.locator("main"), "staff-thread-phone");
  await staff.setViewportSize(DESKTOP.viewport);
  await staff.getByRole("link", { name: "Back to the inbox" }).click();
  await staff.getByTestId("inbox-figures").waitFor();
  await staff.getByTestId("inbox-view-mine").click();
  await staff.locator(`[data-testid="inbox-row"][data-thread="${threadId}"]`).waitFor({ state: "detached" });
  await staff.getByTestId("inbox-view-waiting").click();
  await staff.locator(`[data-testid="inbox-row"][data-thread="${threadId}"]`).waitFor();
  await photograph(staff, staff.locator("main"), "inbox-waiting-desktop");
  await staff.setViewportSize(PHONE.viewport);
  await photograph(staff, staff.locator("main"), "inbox-waiting-phone");
  await staff.setViewportSize(DESKTOP.viewport);

  // The account page lists the account's threads, each a way to its thread in the Inbox.
  await staff.goto(`${BASE}/staff.html#/accounts/${account.number}`);
  const section = staff.getByTestId("section-messages");
  await section.getByTestId("account-thread").filter({ hasText: "Waiting on the customer" }).getByRole("link", { name: SUBJECT }).click();
  await staff.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();

  // The customer is emailed (never the words), with a link to Messages.
  const [email] = await arrives(() => emailsTo(account.email, /\/messages/, mailBefore), "the new-message email");
  assert.ok(!email.includes("within 5 business days"), "the email does not carry the answer");
  const link = email.match(/https?:\/\/\S+\/messages\b\S*/)[0].replace(/[>).,]+$/, "");
  assert.equal(new URL(link).pathname, "/messages");

  // The customer reads the answer, never the note, and downloads the photo.
  await page.goto(link);
  await row.getByText("We answered").waitFor();
  await photograph(page, page.locator("main"), "list-phone-en");
  await row.getByRole("link", { name: SUBJECT }).click();
  await page.getByTestId("thread-status").filter({ hasText: "We answered" }).waitFor();
  const messages = page.getByTestId("message");
  assert.equal(await messages.count(), 2);
  assert.equal(await messages.nth(1).getAttribute("data-from"), "utility");
  await messages.nth(1).getByText(CANNED).waitFor();
  assert.ok(!(await page.locator("main").textContent()).includes(NOTE), "the customer never sees the note");
  const download = page.waitForEvent("download");
  await messages.first().getByRole("link", { name: "meter.png" }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), "meter.png");
  assert.deepEqual(await readFile(await file.path()), PHOTO);
  await photograph(page, page.locator("main"), "conversation-phone-en");
  await inLanguage(page, "es");
  await page.getByTestId("thread-status").filter({ hasText: "Le respondimos" }).waitFor();
  await photograph(page, page.locator("main"), "conversation-phone-es");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("main"), "conversation-desktop-es");
  await page.getByRole("link", { name: "Todos los mensajes" }).click();
  await row.getByText("Le respondimos").waitFor();
  await photograph(page, page.locator("main"), "list-desktop-es");
  await page.setViewportSize(PHONE.viewport);
  await photograph(page, page.locator("main"), "list-phone-es");
  await inLanguage(page, "en");
  await page.setViewportSize(DESKTOP.viewport);
  await photograph(page, page.locator("main"), "list-desktop-en");
  await row.getByRole("link", { name: SUBJECT }).click();
  await page.getByTestId("thread-status").waitFor();
  await photograph(page, page.locator("main"), "conversation-desktop-en");

  // Writing again reopens it: "Waiting for us".
  await page.getByLabel("Your reply").fill("Thank you!");
  await page.getByRole("button", { name: "Send reply" }).click();
  await page.getByTestId("thread-status").filter({ hasText: "Waiting for us" }).waitFor();
  assert.equal(await messages.count(), 3);

  // Another customer: the same address is not found, and the API says so too.
  const { page: stranger, errors: strangerErrors } = await newPage(t);
  await signUp(stranger, other);
  await stranger.goto(`${BASE}/messages/${threadId}`);
  await stranger.getByRole("heading", { level: 1, name: "Conversation not found" }).waitFor();
  assert.ok(!(await stranger.locator("main").textContent()).includes(SUBJECT));
  const theirs = await stranger.request.get(`${BASE}/api/v1/accounts/${other.number}/messages/${threadId}`);
  assert.equal(theirs.status(), 404);
  const notTheirs = await stranger.request.get(`${BASE}/api/v1/accounts/${account.number}/messages/${threadId}`);
  assert.equal(notTheirs.status(), 404, "another account's route is not found either");
  await photograph(stranger, stranger.locator("main"), "not-found-phone-en");

  assert.deepEqual(errors, []);
  assert.deepEqual(staffErrors, []);
  assert.deepEqual(strangerErrors, []);
});
