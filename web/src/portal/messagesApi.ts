// Messages with the utility: the customer's conversations (GET .../messages, a page at a time,
// latest first), one conversation (GET .../messages/{id}), writing (POST .../messages), answering
// (POST .../messages/{id}/replies), and the files attached (each sent first, its bytes the whole
// body: POST .../message-attachments?name=; the message then names their ids).
import { accountPath, get, post, postFile } from "./api.ts";
import type { MessageAttachment, MessageTopic, Thread, ThreadSummary } from "./types.ts";

export const fetchThreads = (account: string, limit: number, cursor: string | null, signal?: AbortSignal) => {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set("cursor", cursor);
  return get<{ threads: ThreadSummary[]; next_cursor: string | null }>(accountPath(account, `messages?${q}`), signal);
};

export const fetchThread = (account: string, id: string | number, signal?: AbortSignal) =>
  get<Thread>(accountPath(account, `messages/${encodeURIComponent(String(id))}`), signal);

/** One file; 422 attachment-type or attachment-too-large (field "file"), 413 far too large. */
export const uploadAttachment = (account: string, file: Blob, name: string) =>
  postFile<{ attachment: MessageAttachment }>(accountPath(account, `message-attachments?name=${encodeURIComponent(name)}`), file);

/** A new conversation; 422 naming topic, subject, body or attachments. */
export const writeMessage = (
  account: string,
  message: { topic: MessageTopic; subject: string; body: string; attachments: number[] },
) => post<Thread>(accountPath(account, "messages"), message);

/** Writing again in a conversation (it reopens when closed or answered). */
export const replyToThread = (account: string, id: string | number, reply: { body: string; attachments: number[] }) =>
  post<Thread>(accountPath(account, `messages/${encodeURIComponent(String(id))}/replies`), reply);

/** Where a file attached to a message downloads from (Content-Disposition: attachment). */
export const attachmentPath = (account: string, id: number) =>
  accountPath(account, `message-attachments/${encodeURIComponent(String(id))}`);
