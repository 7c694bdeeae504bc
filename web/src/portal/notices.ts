// Notices in the customer's words (pure; test/notices.test.mjs): each kind's name, why a kind
// cannot be turned off, what a save sends, where a refusal belongs, and how a notice sent went.
// A kind the catalog adds later is one row in NOTICE_KINDS (and its words in the dictionaries);
// until then it shows by its code, never as an error.
import type { MessageKey, Translate } from "./i18n/translate.ts";
import type { NoticeChoice, NoticeChoiceChange, NoticeChoices } from "./types.ts";

const NOTICE_KINDS: Readonly<Record<string, MessageKey>> = {
  "bill.ready": "noticeBillReady",
  "bill.due_soon": "noticeBillDueSoon",
  "payment.received": "noticePaymentReceived",
  "payment.failed": "noticePaymentFailed",
  "payment.returned": "noticePaymentReturned",
  "payment.voided": "noticePaymentVoided",
  "autopay.scheduled": "noticeAutopayScheduled",
  "autopay.failed": "noticeAutopayFailed",
  "autopay.paid": "noticeAutopayPaid",
  "arrangement.made": "noticeArrangementMade",
  "arrangement.broken": "noticeArrangementBroken",
  "budget.enrolled": "noticeBudgetEnrolled",
  "budget.ended": "noticeBudgetEnded",
  "contact.changed": "noticeContactChanged",
};

/** "late_fee.charged" -> "late fee charged": a kind the portal has no words for, readable. */
export function kindWords(kind: string): string {
  return kind.replace(/[._-]+/g, " ").trim();
}

/** "payment.received" -> "Payment received (receipt)"; a kind it does not know: "Other notice: …". */
export function noticeKindName(kind: string, t: Translate): string {
  const key = NOTICE_KINDS[kind];
  return key ? t(key) : t("noticeKindOther", { kind: kindWords(kind) });
}

/**
 * Why a kind's email cannot be turned off here, or null when it can: a transactional kind is
 * always sent; a paperless account's bill-ready email is its bill. (Should a paperless account's
 * bill-ready email be off, turning it on is open.)
 */
export function lockedReason(choice: NoticeChoice, paperless: boolean): MessageKey | null {
  if (!choice.may_turn_off) return "noticeAlwaysSent";
  if (choice.kind === "bill.ready" && paperless && choice.email) return "noticePaperlessBillEmail";
  return null;
}

/** What the customer ticked, by kind, over what the server said (kinds not ticked: as they are). */
export type NoticeDraft = Readonly<Record<string, boolean>>;

/** Whether a kind's box is ticked: the draft's value for one that may change, else the server's. */
export function emailShown(choices: NoticeChoices, draft: NoticeDraft, choice: NoticeChoice): boolean {
  if (lockedReason(choice, choices.paperless)) return choice.email;
  return draft[choice.kind] ?? choice.email;
}

/**
 * The changes a save sends: only kinds whose box differs from what the server said, never a
 * locked one (the server would refuse it), in the catalog's order. Empty: nothing to save.
 */
export function noticeChanges(choices: NoticeChoices, draft: NoticeDraft): NoticeChoiceChange[] {
  const changes: NoticeChoiceChange[] = [];
  for (const choice of choices.kinds) {
    if (lockedReason(choice, choices.paperless)) continue;
    const wanted = draft[choice.kind];
    if (wanted !== undefined && wanted !== choice.email) changes.push({ kind: choice.kind, channel: "email", enabled: wanted });
  }
  return changes;
}

/**
 * The kind a refused save is about, for saying it at that row: the one the refusal's code names
 * (bill.ready for paperless-needs-bill-email), the one quoted in its detail ("'payment.failed'
 * notices ..."), or the only one sent. Null when it cannot tell: the form's alert says it.
 */
export function refusedKind(
  refusal: { code?: string; detail: string },
  changes: readonly NoticeChoiceChange[],
): string | null {
  if (refusal.code === "paperless-needs-bill-email") return "bill.ready";
  const quoted = /'([a-z0-9_.-]+)'/.exec(refusal.detail)?.[1];
  if (quoted && changes.some((c) => c.kind === quoted)) return quoted;
  return changes.length === 1 ? changes[0].kind : null;
}

const STATUSES: Readonly<Record<string, MessageKey>> = {
  sent: "noticeStatusSent",
  waiting: "noticeStatusWaiting",
  retrying: "noticeStatusRetrying",
};

/** How a notice's delivery went, in words; a status the portal does not know, as sent. */
export function noticeStatusName(status: string, t: Translate): string {
  const key = STATUSES[status];
  return key ? t(key) : status;
}

/** A page's `next_before` as the list's cursor (PagedList.tsx): "4711", or null at the end. */
export function nextBeforeCursor(nextBefore: number | null | undefined): string | null {
  return typeof nextBefore === "number" && Number.isFinite(nextBefore) ? String(nextBefore) : null;
}
