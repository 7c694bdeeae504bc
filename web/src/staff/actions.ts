// The actions a representative takes for a caller from the account page (pure;
// test/staffActions.test.mjs): each one, the permission it needs (docs/operations.md, "Permissions
// and roles"), what on the page it changes, and which of them the signed-in user may take. One row
// per action; its panel is one file, loaded when first opened (AccountActions.tsx).
//
// Emailing a bill again is not a row here: it is done from the opened bill (BillsSection.tsx,
// ResendBill.tsx), with the same permission, accounts.change. Nor is autopay on the customer's
// request: it is done from the Autopay section (AutopayActions.tsx, payments.take).

export type ActionId = "payment" | "adjustment" | "arrangement" | "contact" | "mailing-address" | "budget" | "move-out";

/** Emailing a sent bill again (from the opened bill, not a row here) needs this permission. */
export const BILL_RESEND_PERMISSION = "accounts.change";

/** Parts of the account page an action changes, asked for again once it is done (useAccountParts.ts). */
export type RefreshedPart = "payments" | "aging" | "arrangements" | "preferences" | "noticeChoices" | "statement";

export interface AccountAction {
  id: ActionId;
  /** The button's words, and the panel's heading. */
  label: string;
  permission: string;
  /**
   * Besides the account answer (the figures, contact details, services) and the History, which
   * are asked for again after every action.
   */
  refreshes: readonly RefreshedPart[];
}

export const ACCOUNT_ACTIONS: readonly AccountAction[] = [
  { id: "payment", label: "Take a payment", permission: "payments.take", refreshes: ["payments", "aging", "statement"] },
  { id: "adjustment", label: "Request an adjustment", permission: "adjustments.request", refreshes: ["aging", "statement"] },
  { id: "arrangement", label: "Set up an arrangement", permission: "arrangements.make", refreshes: ["arrangements", "aging"] },
  // An email added or removed, or paperless, changes which notices can be sent.
  { id: "contact", label: "Contact details", permission: "accounts.change", refreshes: ["preferences", "noticeChoices"] },
  { id: "mailing-address", label: "Change mailing address", permission: "accounts.change", refreshes: [] },
  { id: "budget", label: "Budget billing", permission: "accounts.change", refreshes: ["preferences"] },
  { id: "move-out", label: "Move out", permission: "accounts.change", refreshes: [] },
];

/** The actions the user's permissions allow, and those that need one they lack, in the page's order. */
export function actionsFor(permissions: readonly string[]): { allowed: AccountAction[]; lacking: AccountAction[] } {
  const has = new Set(permissions);
  return {
    allowed: ACCOUNT_ACTIONS.filter((a) => has.has(a.permission)),
    lacking: ACCOUNT_ACTIONS.filter((a) => !has.has(a.permission)),
  };
}

/** "A", "A and B", "A, B and C". */
function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The one line under the buttons naming what the user cannot do and the permission each needs,
 * grouped by permission: "Not open to you: Request an adjustment needs adjustments.request;
 * Change contact details, Budget billing and Move out need accounts.change." Empty when nothing
 * is missing.
 */
export function lackingLine(lacking: readonly AccountAction[]): string {
  if (lacking.length === 0) return "";
  const byPermission = new Map<string, string[]>();
  for (const a of lacking) byPermission.set(a.permission, [...(byPermission.get(a.permission) ?? []), a.label]);
  const parts = [...byPermission].map(([permission, labels]) => `${inWords(labels)} ${labels.length === 1 ? "needs" : "need"} ${permission}`);
  return `Not open to you: ${parts.join("; ")}.`;
}
