// Messages with the utility in the customer's words (pure; test/messages.test.mjs): the topics
// and the statuses as the customer reads them, what is wrong with a message or its files before
// sending, the files' sizes, and which field a refusal from the server belongs to.
import type { MessageKey } from "./i18n/translate.ts";
import type { MessageTopic, ThreadMessage } from "./types.ts";
import type { FieldErrors } from "./validation.ts";

/** The limits the server keeps to (src/messaging/threads.h). */
export const LONGEST_SUBJECT = 120;
export const LONGEST_BODY = 4000;
export const MOST_FILES = 3;
export const LARGEST_FILE = 5 * 1024 * 1024;

/** The topics, in the form's order. */
export const TOPICS: readonly MessageTopic[] = ["bill", "payment", "usage", "service", "other"];

const TOPIC_WORDS: Readonly<Record<MessageTopic, MessageKey>> = {
  bill: "messageTopicBill",
  payment: "messageTopicPayment",
  usage: "messageTopicUsage",
  service: "messageTopicService",
  other: "messageTopicOther",
};

/** A topic in words; one the portal does not know is "Something else". */
export function topicKey(topic: string): MessageKey {
  return TOPIC_WORDS[topic as MessageTopic] ?? "messageTopicOther";
}

/** A conversation's status as the customer reads it: whose turn it is. */
export function statusKey(status: string): MessageKey {
  switch (status) {
    case "waiting":
      return "messageStatusAnswered";
    case "closed":
      return "messageStatusClosed";
    default:
      return "messageStatusOpen";
  }
}

/** The form's field ids. */
export const WRITE_FIELD_IDS = ["message-topic", "message-subject", "message-body", "message-files"] as const;
export const REPLY_FIELD_IDS = ["reply-body", "reply-files"] as const;

/** The server's field names (a 422's `field`) -> the write form's field ids. */
export const WRITE_SERVER_FIELDS: Readonly<Record<string, string>> = {
  topic: "message-topic",
  subject: "message-subject",
  body: "message-body",
  attachments: "message-files",
  file: "message-files",
};

/** The server's field names -> the reply form's field ids. */
export const REPLY_SERVER_FIELDS: Readonly<Record<string, string>> = {
  body: "reply-body",
  attachments: "reply-files",
  file: "reply-files",
};

/** A new message as typed. */
export interface MessageDraft {
  topic: MessageTopic | "";
  subject: string;
  body: string;
}

const length = (text: string) => [...text.trim()].length;

/** What is wrong with the message itself before sending, by field id. */
export function checkMessageText(body: string, id: string): FieldErrors {
  const n = length(body);
  if (n === 0) return { [id]: "errorMessageBody" };
  return n > LONGEST_BODY ? { [id]: "errorMessageBodyLong" } : {};
}

/** What is wrong with a new message before sending (the server checks the same and names the field). */
export function checkMessage(draft: MessageDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.topic) errors["message-topic"] = "errorMessageTopic";
  const subject = draft.subject.trim();
  if (subject === "") errors["message-subject"] = "errorMessageSubject";
  else if (length(subject) > LONGEST_SUBJECT) errors["message-subject"] = "errorMessageSubjectLong";
  return { ...errors, ...checkMessageText(draft.body, "message-body") };
}

/** The subject as sent: one line (a pasted line break becomes a space). */
export function subjectLine(subject: string): string {
  return subject.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** What the portal knows of a chosen file. */
export interface ChosenFile {
  name: string;
  type: string;
  size: number;
}

const PHOTO_OR_PDF = /\.(jpe?g|png|gif|webp|pdf)$/i;
const TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"]);

/**
 * Why a file cannot be attached, before it is sent: not a photo or a PDF (by the browser's type,
 * else its name), or larger than 5 MB. The server looks at the content itself all the same.
 */
export function fileProblem(file: ChosenFile): MessageKey | null {
  const known = file.type ? TYPES.has(file.type.toLowerCase()) : PHOTO_OR_PDF.test(file.name);
  if (!known) return "problemAttachmentType";
  return file.size > LARGEST_FILE ? "problemAttachmentTooLarge" : null;
}

/**
 * The files after the customer chose more: the first refused one's problem (and it is left out),
 * and at most MOST_FILES in all (those past it are left out, said as "errorMessageFilesMany").
 */
export function addFiles<F extends ChosenFile>(current: readonly F[], chosen: readonly F[]): { files: F[]; problem: MessageKey | null } {
  const files = [...current];
  let problem: MessageKey | null = null;
  for (const file of chosen) {
    const wrong = fileProblem(file);
    if (wrong) {
      problem ??= wrong;
    } else if (files.length >= MOST_FILES) {
      problem ??= "errorMessageFilesMany";
    } else {
      files.push(file);
    }
  }
  return { files, problem };
}

/** A file's size in the reader's locale: "820 bytes", "240 KB", "1.2 MB". */
export function fileSize(bytes: number, locale: string): string {
  if (bytes < 1024) return `${bytes.toLocaleString(locale)} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** Whether a message is the customer's own (the rest are the utility's). */
export function isMine(message: ThreadMessage): boolean {
  return message.from === "customer";
}

/** The path of a conversation's page. */
export function threadPath(id: string | number): string {
  return `/messages/${encodeURIComponent(String(id))}`;
}
