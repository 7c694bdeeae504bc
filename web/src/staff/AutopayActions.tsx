// Autopay on the customer's request, in the account page's Autopay section: for a user with
// payments.take, a button that opens the panel below the section's facts (its code loads then:
// AutopayPanel.tsx), as a payment's "Move…" opens its panel in the Payments section. Escape or
// Close shuts it (not while a request is on its way) and focus returns to the button. Without the
// permission, a line says what it needs.
import { useRef, useState } from "preact/hooks";
import type { AccountDetail, ApiError } from "./api";
import type { Autopay, SavedPaymentMethod } from "../portal/types";
import type { Loaded } from "./useResource";
import { dataOf } from "./resource";
import { lazyPart } from "./lazyPart";
import { AUTOPAY_BUTTON_ID, AUTOPAY_PANEL_ID, AUTOPAY_PERMISSION } from "./autopay";

const AutopayPanel = lazyPart("autopay form", () => import("./AutopayPanel").then((m) => m.AutopayPanel));

export function AutopayActions({ account, autopay, methods, permissions, onChanged, onSessionEnded }: {
  account: AccountDetail;
  autopay: Loaded<Autopay>;
  methods: Loaded<SavedPaymentMethod[]>;
  permissions: readonly string[];
  /** Autopay was enrolled or cancelled: the page asks again for it, the account and the History. */
  onChanged: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // The last answers, kept while the page asks for them again after a change (the panel stays).
  const known = useRef<{ autopay: Autopay | null; methods: SavedPaymentMethod[] | null }>({ autopay: null, methods: null });
  known.current = {
    autopay: dataOf(autopay.resource) ?? known.current.autopay,
    methods: dataOf(methods.resource) ?? known.current.methods,
  };
  const now = known.current.autopay;
  const list = known.current.methods;

  if (!permissions.includes(AUTOPAY_PERMISSION)) {
    return <p class="hint autopay-lacking">Enrolling or cancelling autopay for the customer needs the permission {AUTOPAY_PERMISSION}.</p>;
  }
  if (!now || !list) return null; // the section says it is loading, or why it could not

  const close = () => {
    if (busy) return;
    setOpen(false);
    document.getElementById(AUTOPAY_BUTTON_ID)?.focus();
  };
  return (
    <div class="section-actions">
      <button type="button" class="secondary" id={AUTOPAY_BUTTON_ID} aria-expanded={open ? "true" : "false"}
        aria-controls={open ? AUTOPAY_PANEL_ID : undefined} aria-disabled={busy ? "true" : undefined}
        onClick={() => {
          if (open) close();
          else {
            setOpen(true);
            void AutopayPanel.load().catch(() => {}); // the panel says so if its code cannot come
          }
        }}>
        {now.enrolled ? "Cancel autopay…" : "Enrol in autopay…"}
      </button>
      {open && (
        <AutopayPanel account={account} autopay={now} methods={list} onDone={onChanged} onSessionEnded={onSessionEnded}
          onBusy={setBusy} onClose={close} />
      )}
    </div>
  );
}
