// The Inbox: customers' messages to the utility (pure; test/staffInbox.test.mjs). Its hash routes
// under #/inbox, the four views, a thread's status and assignee in words, who wrote each message,
// the first-reply figures in words, the canned replies offered for a thread (the customer's
// language first), and the checks before a reply, a link or a canned reply is sent.
//
//   #/inbox?view=unassigned|mine|waiting|closed   a view (unassigned when left out)
//   #/inbox/{id}                                  one thread
//   #/inbox/canned-replies                        the canned replies, adding, replacing, deleting

import type { FieldErrors } from "./forms.ts";

/** Seeing the inbox (what its routes declare, src/api/routes.cc); answering needs messages.reply. */
export const INBOX_PERMISSION = "accounts.read";
export const REPLY_PERMISSION = "messages.reply";

export type InboxView = "unassigned" | "mine" | "waiting" | "closed";

export const INBOX_VIEWS: readonly { id: InboxView; label: string; about: string }[] = [
  { id: "unassigned", label: "Unassigned", about: "Waiting on the utility, no one assigned: oldest first." },
  { id: "mine", label: "Mine", about: "Assigned to you, waiting on the utility: oldest first." },
  { id: "waiting", label: "Waiting on customer", about: "Answered, waiting on the customer: oldest first." },
  { id: "closed", label: "Closed", about: "Closed threads: latest first." },
];

export type InboxScreen =
  | { screen: "view"; view: InboxView }
  | { screen: "thread"; id: number }
  | { screen: "canned-replies" };

function asView(value: string | null): InboxView {
  return INBOX_VIEWS.find((v) => v.id === value)?.id ?? "unassigned";
}

/** The screen of a hash under #/inbox; null for a hash outside the inbox. */
export function parseInboxRoute(hash: string): InboxScreen | null {
  const m = /^#\/inbox(?:\/([^?]*?))?\/?(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const path = m[1] ?? "";
  if (path === "") return { screen: "view", view: asView(new URLSearchParams(m[2] ?? "").get("view")) };
  if (path === "canned-replies") return { screen: "canned-replies" };
  const id = /^(\d{1,15})$/.exec(path);
  return id ? { screen: "thread", id: Number(id[1]) } : null;
}

/** "#/inbox" (Unassigned), "#/inbox?view=mine". */
export function inboxHash(view: InboxView = "unassigned"): string {
  return view === "unassigned" ? "#/inbox" : `#/inbox?view=${view}`;
}

export function inboxThreadHash(id: number): string {
  return `#/inbox/${id}`;
}

export const CANNED_REPLIES_HASH = "#/inbox/canned-replies";

/** The figures' count for a view ("unassigned", "mine", "waiting"; closed has none). */
export function viewCount(view: InboxView, figures: InboxFigures | null): number | null {
  if (!figures || view === "closed") return null;
  const n = figures[view];
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : null;
}

export interface InboxFigures {
  unassigned: number;
  mine: number;
  waiting: number;
  open: number;
  oldest_open_at: string | null;
  opened_30_days: number;
  answered_30_days: number;
  first_reply_median_minutes: number | null;
  first_reply_p90_minutes: number | null;
}

/** A thread's status in the inbox's words. */
export function statusLabel(status: string): string {
  switch (status) {
    case "open":
      return "Waiting on us";
    case "waiting":
      return "Waiting on the customer";
    case "closed":
      return "Closed";
    default:
      return status;
  }
}

/**
 * "staff:12" (or "api_key:3"), as the signed-in user reads it: "You", else the name the server
 * gave ("Bea Clerk"), else "Staff member 12", "API key 3".
 */
export function actorLabel(actor: string | null | undefined, myId: number, name?: string | null): string {
  if (!actor) return "No one";
  const [kind, id] = actor.split(":");
  if (kind === "staff" && id === String(myId)) return "You";
  if (name) return name;
  if (kind === "staff") return `Staff member ${id}`;
  if (kind === "api_key") return `API key ${id}`;
  if (kind === "customer") return "The customer";
  if (kind === "system") return "Ratepayer";
  return actor;
}

/** Who wrote a message: the customer (by name), a note's or a reply's author. */
export function authorLabel(
  message: { from: string; actor?: string; actor_name?: string },
  customer: string,
  myId: number,
): string {
  if (message.from === "customer") return customer || "The customer";
  return actorLabel(message.actor, myId, message.actor_name);
}

/** Minutes in words: "45 min", "3 h 5 min", "2 d 4 h"; "—" when there is no figure. */
export function minutesLabel(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const days = Math.floor(m / (24 * 60));
  const hours = Math.round((m - days * 24 * 60) / 60);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

export interface CannedReply {
  id: number;
  title: string;
  language: "en" | "es" | string;
  body: string;
  changed_by: string;
  changed_by_name?: string;
  changed_at: string;
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: "English", es: "Spanish" };

export function languageName(language: string): string {
  return LANGUAGE_NAMES[language] ?? language;
}

/**
 * The canned replies offered for a thread, grouped by language: the customer's language first
 * (both when it is not known), each group by title.
 */
export function cannedGroups(replies: readonly CannedReply[], language: string | null): { language: string; label: string; replies: CannedReply[] }[] {
  const languages = [...new Set(replies.map((r) => r.language))].sort();
  if (language && languages.includes(language)) languages.splice(languages.indexOf(language), 1), languages.unshift(language);
  return languages.map((l) => ({
    language: l,
    label: l === language ? `${languageName(l)} (the customer's language)` : languageName(l),
    replies: replies.filter((r) => r.language === l).sort((a, b) => a.title.localeCompare(b.title)),
  }));
}

/** The most a message carries (src/messaging/threads.h). */
export const LONGEST_REPLY = 4000;
export const LONGEST_TITLE = 80;

/** A reply (or a note) before sending: required, at most 4000 characters. */
export function checkReply(body: string, id: string): FieldErrors {
  const n = [...body.trim()].length;
  if (n === 0) return { [id]: "Write the reply (or the note) first." };
  return n > LONGEST_REPLY ? { [id]: `At most ${LONGEST_REPLY} characters (this is ${n}).` } : {};
}

/** A canned reply before saving: a title (at most 80 characters), a language and the text. */
export function checkCanned(draft: { title: string; language: string; body: string }): FieldErrors {
  const errors: FieldErrors = {};
  const title = [...draft.title.trim()].length;
  if (title === 0) errors.title = "Give it a title.";
  else if (title > LONGEST_TITLE) errors.title = `At most ${LONGEST_TITLE} characters.`;
  if (draft.language !== "en" && draft.language !== "es") errors.language = "Choose English or Spanish.";
  return { ...errors, ...checkReply(draft.body, "body") };
}

/** A thread's links as typed: a bill number (digits) and a payment's confirmation ("P..."); "" is none. */
export interface LinksDraft {
  bill: string;
  payment: string;
}

/** What is wrong with the links before sending, by field ("bill", "payment"). */
export function checkLinks(draft: LinksDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.bill.trim() && !/^\d{1,15}$/.test(draft.bill.trim())) errors.bill = "A bill number is digits only.";
  if (draft.payment.trim() && !/^P[0-9A-Z-]{1,40}$/i.test(draft.payment.trim())) errors.payment = "A payment's confirmation starts with P.";
  return errors;
}

/** The PUT body for links checkLinks passed: null where left empty. */
export function linksForServer(draft: LinksDraft): { bill: number | null; payment: string | null } {
  const bill = draft.bill.trim();
  const payment = draft.payment.trim().toUpperCase();
  return { bill: bill ? Number(bill) : null, payment: payment || null };
}

/** A thread's topic as the customer chose it, in the console's words. */
const TOPICS: Readonly<Record<string, string>> = {
  bill: "Bill",
  payment: "Payment",
  usage: "Usage",
  service: "Service",
  other: "Something else",
};

export function topicLabel(topic: string): string {
  return TOPICS[topic] ?? topic;
}
