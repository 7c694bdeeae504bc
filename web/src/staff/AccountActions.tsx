// The account page's actions, near its header: what a representative does for a caller (take a
// payment, request an adjustment, set up an arrangement, change contact details, the mailing
// address or budget billing, move out). Only the actions the user's permissions allow are
// buttons; one line names those that need a permission the user lacks (actions.ts). A button
// opens its panel below the buttons, one at a time: focus moves to its heading, Escape or Close
// shuts it (not while a request is on its way) and focus goes back to the button. Each panel's code loads when it is first opened.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { AccountDetail, ApiError } from "./api";
import { actionsFor, lackingLine } from "./actions";
import type { AccountAction, ActionId } from "./actions";
import { lazyPart } from "./lazyPart";
import type { LazyPart } from "./lazyPart";
import type { ActionPanelProps } from "./ActionParts";
import type { AccountParts } from "./useAccountParts";

const PANELS: Record<ActionId, LazyPart<ActionPanelProps>> = {
  payment: lazyPart("payment form", () => import("./TakePaymentPanel").then((m) => m.TakePaymentPanel)),
  adjustment: lazyPart("adjustment form", () => import("./AdjustmentPanel").then((m) => m.AdjustmentPanel)),
  arrangement: lazyPart("arrangement offer", () => import("./ArrangementPanel").then((m) => m.ArrangementPanel)),
  contact: lazyPart("contact details form", () => import("./ContactPanel").then((m) => m.ContactPanel)),
  "mailing-address": lazyPart("mailing address form", () => import("./MailingAddressPanel").then((m) => m.MailingAddressPanel)),
  budget: lazyPart("budget billing form", () => import("./BudgetPanel").then((m) => m.BudgetPanel)),
  "move-out": lazyPart("move-out form", () => import("./MoveOutPanel").then((m) => m.MoveOutPanel)),
};

const PANEL_ID = "action-panel";
const buttonId = (id: ActionId) => `action-${id}`;

export function AccountActions({ account, permissions, parts, onDone, onSessionEnded }: {
  account: AccountDetail;
  permissions: readonly string[];
  parts: AccountParts;
  /** An action was done: the page asks again for what it changed. */
  onDone: (action: AccountAction) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const { allowed, lacking } = actionsFor(permissions);
  const [open, setOpen] = useState<ActionId | null>(null);
  const [busy, setBusy] = useState(false);
  const opened = allowed.find((a) => a.id === open) ?? null;
  const Panel = opened ? PANELS[opened.id] : null;

  const close = () => {
    if (busy || open === null) return;
    const was = open;
    setOpen(null);
    document.getElementById(buttonId(was))?.focus();
  };
  const choose = (id: ActionId) => {
    if (busy) return;
    if (id === open) close();
    else {
      setOpen(id);
      void PANELS[id].load().catch(() => {}); // the panel says so if its code cannot come
    }
  };

  return (
    <section class="account-actions" aria-labelledby="actions-heading" data-testid="account-actions">
      <h2 id="actions-heading" class="actions-heading">Actions</h2>
      {allowed.length > 0 && (
        <ul class="action-list">
          {allowed.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                class="secondary"
                id={buttonId(a.id)}
                aria-expanded={a.id === open ? "true" : "false"}
                aria-controls={a.id === open ? PANEL_ID : undefined}
                aria-disabled={busy && a.id !== open ? "true" : undefined}
                onClick={() => choose(a.id)}
              >
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {lacking.length > 0 && (
        <p class="hint actions-lacking" data-testid="actions-lacking">
          {allowed.length === 0 ? "No actions on this account for you. " : ""}
          {lackingLine(lacking)}
        </p>
      )}
      {opened && Panel && (
        <ActionPanel key={opened.id} action={opened} busy={busy} onClose={close}>
          <Panel account={account} parts={parts} onDone={() => onDone(opened)} onSessionEnded={onSessionEnded} onBusy={setBusy} />
        </ActionPanel>
      )}
    </section>
  );
}

/**
 * The open action: its heading (focused when it opens), Close, and its panel. Escape closes it.
 * Named "Actions Budget billing", not "Budget billing": the page's section of that name is a
 * landmark too, and two may not share a name.
 */
function ActionPanel({ action, busy, onClose, children }: {
  action: AccountAction;
  busy: boolean;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    box.current?.scrollIntoView({ block: "nearest" });
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || e.defaultPrevented) return;
    e.preventDefault();
    onClose();
  };
  return (
    <section
      id={PANEL_ID}
      ref={box}
      class="action-panel"
      aria-labelledby="actions-heading action-panel-heading"
      aria-busy={busy ? "true" : undefined}
      data-testid="action-panel"
      onKeyDown={onKeyDown}
    >
      <div class="action-panel-head">
        <h3 id="action-panel-heading" tabIndex={-1} ref={heading}>{action.label}</h3>
        <button type="button" class="secondary" aria-disabled={busy ? "true" : undefined} onClick={onClose}>
          Close<span class="visually-hidden"> {action.label.toLowerCase()}</span>
        </button>
      </div>
      {children}
    </section>
  );
}
