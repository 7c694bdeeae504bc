// "Email this bill again", in the opened bill (permission accounts.change): the bill-ready email
// goes once more to the contact email on file, for a customer who asks for a copy; the History
// gets a "bill.resent" event with who did it. An account without an email is told where to add one.
import { useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { resendBill } from "./actionsApi";
import { consoleProblem } from "./problems";

export interface ResendBillProps {
  account: string;
  /** The bill was emailed: the page shows the History's newest events. */
  onResent: () => void;
  onSessionEnded: (e: ApiError) => void;
}

export function ResendBill({ account, number, onResent, onSessionEnded }: ResendBillProps & { number: number }) {
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState("");
  const [problem, setProblem] = useState<{ what: string; detail: string } | null>(null);
  // Set at once on press (state is not): a second press while the first is on its way sends nothing.
  const sending = useRef(false);

  const send = async () => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setSent("");
    setProblem(null);
    try {
      const answer = await resendBill(account, number);
      setSent(`Emailed to ${answer.emailed_to}.`);
      onResent();
    } catch (err) {
      const error = asApiError(err);
      if (consoleProblem(error) === "sign-in") onSessionEnded(error);
      else if (error.status === 422 && error.field === "email") {
        setProblem({
          what: "This account has no email on file, so the bill cannot be emailed.",
          detail: "Add one with Contact details (under Actions, at the top of the page), then email the bill again.",
        });
      } else setProblem({ what: `Could not email bill ${number} again.`, detail: error.detail });
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <div class="resend-bill">
      <button type="button" class="secondary" aria-disabled={busy ? "true" : undefined} aria-describedby="resend-bill-hint"
        onClick={() => void send()}>
        {busy ? "Emailing…" : "Email this bill again"}
      </button>
      <span id="resend-bill-hint" class="hint">To the contact email on file.</span>
      <p role="status" class="action-result" data-testid="resend-result">{sent}</p>
      <div role="alert" class="alert" data-testid="resend-problem">
        {problem && (
          <>
            <strong>{problem.what}</strong>
            <span class="detail">{problem.detail}</span>
          </>
        )}
      </div>
    </div>
  );
}
