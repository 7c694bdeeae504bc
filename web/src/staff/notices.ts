// Notices as the console words them (pure; test/staffNotices.test.mjs): each kind's name, why a
// kind cannot be turned off, how a notice's delivery went, and what a save changed. What a save
// sends, and which kinds are closed, is the portal's logic (../portal/notices.ts), so both ask
// the server the same thing.
import { lockedReason } from "../portal/notices.ts";
import type { NoticeChoice, NoticeChoiceChange, SentNotice } from "../portal/types.ts";
import { codeLabel } from "./labels.ts";

/** Turning a customer's notices on or off, as other changes to the account, needs this permission. */
export const NOTICES_CHANGE_PERMISSION = "accounts.change";

const KINDS: Readonly<Record<string, string>> = {
  "bill.ready": "Bill is ready",
  "bill.due_soon": "Bill due soon (reminder)",
  "payment.received": "Payment received (receipt)",
  "payment.failed": "Payment did not go through",
  "payment.returned": "Bank returned a payment",
  "payment.voided": "Payment cancelled (voided)",
  "autopay.scheduled": "Autopay will pay a bill (reminder)",
  "autopay.failed": "Autopay could not pay a bill",
  "autopay.paid": "Autopay paid a bill",
  "arrangement.made": "Payment arrangement set up",
  "arrangement.broken": "Payment arrangement ended (broken)",
  "arrangement.installment_due": "Arrangement installment due (reminder)",
  "arrangement.at_risk": "Arrangement down payment not made (warning)",
  "usage.high": "High usage alert",
  "leak.suspected": "Possible leak",
  "leak.gas_suspected": "Possible gas leak (safety: sent at any hour)",
  "message.new": "New message from the utility",
  "order.received": "Service request received",
  "order.scheduled": "Service request scheduled (the window)",
  "order.en_route": "Crew on the way",
  "order.completed": "Service request done",
  "order.cancelled": "Service request cancelled",
  "order.failed": "Visit could not be done",
  "budget.enrolled": "Budget billing started",
  "budget.ended": "Budget billing ended",
  "contact.changed": "Contact details changed",
  "outage.report_received": "Outage report acknowledged",
  "outage.detected": "Power outage at the home (detected)",
  "outage.etr": "Outage: new estimated restoration time",
  "outage.crew_on_site": "Outage: crew on site",
  "outage.restored": "Outage: power restored",
  "outage.planned": "Planned outage ahead",
};

/** "payment.received" -> "Payment received (receipt)"; one the console does not know: "Meter exchanged". */
export function noticeKindLabel(kind: string): string {
  return KINDS[kind] ?? codeLabel(kind.replace(/[._-]+/g, " "));
}

/** Why the customer's email of a kind cannot be turned off, or null when it can. */
export function lockedWords(choice: NoticeChoice, paperless: boolean): string | null {
  switch (lockedReason(choice, paperless)) {
    case "noticeAlwaysSent":
      return "Always sent: about money owed or the account's safety.";
    case "noticePaperlessBillEmail":
      return "Always sent while bills are paperless: this email is the bill.";
    default:
      return null;
  }
}

const STATUSES: Readonly<Record<string, string>> = {
  sent: "Sent",
  waiting: "Waiting to send",
  retrying: "Not taken yet, retrying",
};

/** How a notice's delivery went: "sent" -> "Sent"; one the console does not know, in words. */
export function noticeStatusLabel(status: SentNotice["status"]): string {
  return STATUSES[status] ?? codeLabel(status);
}

/** What a save did, for the result line: "Saved: Payment received (receipt) off, Autopay paid a bill on." */
export function savedSummary(changes: readonly NoticeChoiceChange[]): string {
  const words = changes.map((c) => `${noticeKindLabel(c.kind)} ${c.enabled ? "on" : "off"}`);
  return `Saved: ${words.join(", ")}. The History records it under your name.`;
}
