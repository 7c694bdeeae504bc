// The Inbox's API (src/api/message_handlers.h): the views, the figures, one thread with its notes,
// replying or noting, assigning, closing, linking a bill or payment, and the canned replies. Each
// change sends the session's CSRF token (api.ts). Relative imports end in .ts for the unit tests.
import { getJson, request } from "./api.ts";
import type { ListPage } from "./accountApi.ts";
import type { CannedReply, InboxFigures, InboxView } from "./inbox.ts";

const STAFF = "/api/v1/staff";
export const INBOX_PAGE_SIZE = 50;

/** A thread as the inbox lists it. */
export interface InboxThread {
  id: number;
  topic: string;
  subject: string;
  status: string;
  opened_at: string;
  last_message_at: string;
  first_reply_at: string | null;
  bill: number | null;
  payment: string | null;
  /** Formatted: "1000-0001-7". */
  account: string;
  customer: string;
  assigned_to: string | null;
  /** Who it is assigned to, by name (null: nobody). */
  assigned_to_name?: string | null;
}

export interface StaffMessage {
  id: number;
  from: string;
  body: string;
  created_at: string;
  attachments: { id: number; name: string; type: string; size: number }[];
  internal: boolean;
  actor: string;
  /** Who wrote it, by name ("Bea Clerk", "API key 'wms'"). */
  actor_name?: string;
}

export interface StaffThread {
  thread: InboxThread;
  messages: StaffMessage[];
}

export async function fetchInbox(view: InboxView, cursor: string | null, signal?: AbortSignal): Promise<ListPage<InboxThread>> {
  const q = new URLSearchParams({ view, limit: String(INBOX_PAGE_SIZE) });
  if (cursor) q.set("cursor", cursor);
  const page = await getJson<{ threads: InboxThread[]; next_cursor: string | null }>(`${STAFF}/messages?${q}`, signal);
  return { items: page.threads, next_cursor: page.next_cursor };
}

export const fetchInboxFigures = (signal?: AbortSignal) => getJson<InboxFigures>(`${STAFF}/messages/figures`, signal);

export const fetchStaffThread = (id: number, signal?: AbortSignal) => getJson<StaffThread>(`${STAFF}/messages/${id}`, signal);

/** A reply to the customer (it becomes "waiting"), or a note only staff see (internal). */
export const replyAsStaff = (id: number, body: string, internal: boolean) =>
  request<StaffThread>("POST", `${STAFF}/messages/${id}/replies`, { body, internal });

/** "me", another's "staff:12", or null to unassign. */
export const assignThread = (id: number, assignedTo: string | null) =>
  request<StaffThread>("PUT", `${STAFF}/messages/${id}/assignee`, { assigned_to: assignedTo });

/** 409 thread-closed when it already was. */
export const closeThread = (id: number) => request<StaffThread>("POST", `${STAFF}/messages/${id}/close`);

/** 422 naming bill or payment when it is not the thread's account's. */
export const linkThread = (id: number, links: { bill: number | null; payment: string | null }) =>
  request<StaffThread>("PUT", `${STAFF}/messages/${id}/links`, links);

export const attachmentHref = (id: number) => `${STAFF}/message-attachments/${id}`;

export const fetchCannedReplies = (signal?: AbortSignal) =>
  getJson<{ canned_replies: CannedReply[] }>(`${STAFF}/canned-replies`, signal).then((a) => a.canned_replies);

/** Creates, or replaces the one of the same title and language. */
export const saveCannedReply = (reply: { title: string; language: string; body: string }) =>
  request<unknown>("PUT", `${STAFF}/canned-replies`, reply);

export const deleteCannedReply = (id: number) => request<void>("DELETE", `${STAFF}/canned-replies/${id}`);

/** An account's threads, latest first (the customer's route; staff may read it too). */
export const fetchAccountThreads = (account: string, signal?: AbortSignal) =>
  getJson<{ threads: Omit<InboxThread, "account" | "customer" | "assigned_to">[]; next_cursor: string | null }>(
    `/api/v1/accounts/${encodeURIComponent(account)}/messages?limit=20`,
    signal,
  );
