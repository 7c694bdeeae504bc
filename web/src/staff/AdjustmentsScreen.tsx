// Adjustments waiting for approval (billing.read): those above the utility's approval limit, each
// waiting for a second person. A user with adjustments.approve approves one (it posts to the
// account) or rejects it with a reason. The server refuses the person who requested it: its row
// says so plainly ("You requested this adjustment; another person must approve it"). Approving
// needs a sign-in from the last 5 minutes (ConfirmIdentity).
import { useEffect, useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { Adjustment } from "./actionsApi";
import { decideAdjustment, fetchPendingAdjustments } from "./workApi";
import { accountHash } from "./route";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { adjustmentOutcome, adjustmentReasonLabel } from "./adjustment";
import { adjustmentAmount, approvalRefusal, isOwnRequest, requesterWords } from "./adjustmentQueue";
import { WORK_ACTION_PERMISSIONS } from "./workQueues";
import { consoleProblem } from "./problems";
import { useWorkList } from "./useWorkList";
import { ConfirmIdentity, useIdentityCheck } from "./ConfirmIdentity";
import { ActionOutcome, ListMore, ListStatus, NoteField, ScreenHeading, focusSoon } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";

const OUTCOME_ID = "adjustments-outcome";
const approveId = (id: number) => `adjustment-${id}-approve`;
const rejectId = (id: number) => `adjustment-${id}-reject`;

export function AdjustmentsScreen({ me, onSessionEnded, onChanged }: WorkScreenProps) {
  const list = useWorkList(fetchPendingAdjustments, "adjustments", onSessionEnded);
  const zone = useUtilityZone(true); // requested_at on the utility's clocks
  const canDecide = me.permissions.includes(WORK_ACTION_PERMISSIONS.approveAdjustments);
  const [busy, setBusy] = useState<number | null>(null);
  const [refusals, setRefusals] = useState<ReadonlyMap<number, string>>(new Map());
  const [rejecting, setRejecting] = useState<number | null>(null);
  const [said, setSaid] = useState("");
  const identity = useIdentityCheck();
  const lastButton = useRef<string | undefined>(undefined);
  // Set at once (state is not): a second press while a decision is on its way sends nothing.
  const sending = useRef(false);

  const refuse = (id: number, text: string) => setRefusals((r) => new Map(r).set(id, text));

  const decide = async (a: Adjustment, decision: "approve" | "reject", note: string) => {
    if (sending.current) return;
    sending.current = true;
    lastButton.current = decision === "approve" ? approveId(a.id) : rejectId(a.id);
    setBusy(a.id);
    setRefusals((r) => {
      const next = new Map(r);
      next.delete(a.id);
      return next;
    });
    try {
      const decided = await decideAdjustment(a.id, decision, note);
      const outcome = adjustmentOutcome(decided);
      setRejecting(null);
      setSaid(`Adjustment ${a.id} for account ${a.account_number}: ${outcome.title.toLowerCase()}. ${outcome.detail}`.trim());
      list.refresh();
      onChanged();
      focusSoon(OUTCOME_ID);
    } catch (err) {
      const problem = asApiError(err);
      if (consoleProblem(problem) === "sign-in") onSessionEnded(problem);
      else if (!identity.intercept(problem, decision === "approve" ? "approve the adjustment" : "reject the adjustment", () => void decide(a, decision, note))) {
        refuse(a.id, decision === "approve" ? approvalRefusal(problem, isOwnRequest(a.requested_by, me.id)) : problem.detail);
      }
    } finally {
      sending.current = false;
      setBusy(null);
    }
  };

  return (
    <section class="adjustments-queue" aria-labelledby="work-heading">
      <ScreenHeading>Adjustments to approve</ScreenHeading>
      <p class="hint">
        Credits and charges above the utility's approval limit (counted with the account's other adjustments of the last 30 days),
        oldest first. They post once a second person approves them: not the person who requested them.
      </p>
      {!canDecide && <p class="hint" data-testid="adjustments-read-only">Approving or rejecting needs the permission adjustments.approve.</p>}
      <ActionOutcome id={OUTCOME_ID}>{said && <strong>{said}</strong>}</ActionOutcome>
      {identity.pending && (
        <ConfirmIdentity pending={identity.pending} onClose={identity.close} onSessionEnded={onSessionEnded} returnFocus={lastButton.current} />
      )}
      <ListStatus list={list} what="adjustments waiting" one="adjustment waiting" empty="No adjustments are waiting for approval." />
      {list.items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="adjustments-caption" tabIndex={0} aria-busy={list.busy ? "true" : undefined}>
          <table class="data-table work-table adjustments-table">
            <caption id="adjustments-caption" class="visually-hidden">Adjustments waiting for approval, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col" class="num">Amount</th>
                <th scope="col">Reason</th>
                <th scope="col">Requested by</th>
                {canDecide && <th scope="col"><span class="visually-hidden">Decision</span></th>}
              </tr>
            </thead>
            <tbody>
              {list.items.map((a) => {
                const own = isOwnRequest(a.requested_by, me.id);
                const refusal = refusals.get(a.id);
                return (
                  <tr key={a.id} data-adjustment-id={a.id} class={own ? "own" : undefined}>
                    <th scope="row">
                      <a href={accountHash(a.account_number)}>{a.account_number}</a>
                      <span class="explain nowrap">Adjustment {a.id}</span>
                    </th>
                    <td class="num">
                      <span class="strong">{adjustmentAmount(a.amount).size}</span>
                      <span class="explain">{adjustmentAmount(a.amount).kind}</span>
                    </td>
                    <td>
                      {adjustmentReasonLabel(a.reason_code)}
                      <span class="explain memo">{a.memo}</span>
                    </td>
                    <td>
                      <span class={own ? "strong" : undefined}>{requesterWords(a.requested_by, me.id)}</span>
                      <span class="explain">{formatInstantIn(a.requested_at, zone)}</span>
                    </td>
                    {canDecide && (
                      <td class="decision">
                        {own && <p class="hint own-note">You requested this: another person must approve it.</p>}
                        {rejecting === a.id ? (
                          <RejectForm adjustment={a} busy={busy === a.id}
                            onReject={(note) => void decide(a, "reject", note)}
                            onBack={() => {
                              setRejecting(null);
                              requestAnimationFrame(() => document.getElementById(rejectId(a.id))?.focus());
                            }} />
                        ) : (
                          <div class="form-actions">
                            <button type="button" id={approveId(a.id)} class="small" aria-disabled={busy !== null ? "true" : undefined}
                              onClick={() => void decide(a, "approve", "")}>
                              {busy === a.id ? "Approving…" : "Approve"}<span class="visually-hidden"> adjustment {a.id}</span>
                            </button>
                            <button type="button" id={rejectId(a.id)} class="secondary small" aria-disabled={busy !== null ? "true" : undefined}
                              onClick={() => busy === null && setRejecting(a.id)}>
                              Reject…<span class="visually-hidden"> adjustment {a.id}</span>
                            </button>
                          </div>
                        )}
                        <div role="alert" class="row-alert" data-testid="row-refusal">
                          {refusal && <p class="alert"><strong>Not approved.</strong> <span class="detail">{refusal}</span></p>}
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ListMore list={list} what="adjustments" />
    </section>
  );
}

/** Rejecting needs a reason: the account's history says why the adjustment was not made. */
function RejectForm({ adjustment: a, busy, onReject, onBack }: {
  adjustment: Adjustment;
  busy: boolean;
  onReject: (note: string) => void;
  onBack: () => void;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const noteId = `adjustment-${a.id}-reject-note`;
  useEffect(() => document.getElementById(noteId)?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!note.trim()) {
      setError("Say why the adjustment is rejected.");
      document.getElementById(noteId)?.focus();
      return;
    }
    onReject(note.trim());
  };
  return (
    <form class="reject-form" aria-label={`Reject adjustment ${a.id}`} onSubmit={submit} noValidate
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); onBack(); } }}>
      <NoteField id={noteId} label="Why it is rejected" value={note} onValue={setNote} error={error} />
      <div class="form-actions">
        <button type="submit" class="small" aria-disabled={busy ? "true" : undefined}>{busy ? "Rejecting…" : "Reject"}</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}
