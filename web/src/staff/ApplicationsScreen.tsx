// Applications (accounts.open): applications for service and other start orders no visit is
// scheduled for yet (GET /api/v1/staff/service-orders?unscheduled=true&kind=start_service),
// oldest first: the order, whether its account waits for activation or is active already (its
// account_status), the account it opens (a link to it), the address, the start day, when and how
// it came (an applicant with no sign-in is an "Online application"). Activate, offered only while
// the account waits (POST
// .../activate, an optional bill cycle; blank keeps the premise's) opens the account and starts
// the chosen services on the start day; what it did is said: the start complete at once when
// every meter is read automatically, else a visit to schedule, here for a dispatcher
// (orders.dispatch). The server's refusals (409: not waiting, or the premise still served; 422
// bill cycle) are said in words.
import { useEffect, useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { activateApplication, fetchApplications, scheduleVisit } from "./workApi";
import { accountHash } from "./route";
import { formatDate } from "../shared/format";
import { formatInstantIn, localDateOf } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { accountDigits } from "./leaks";
import {
  accountStanding, activatedWords, activationDone, activationRefusal, applicantWords, applicationAction, applicationAddress, billCycleForServer,
  billCycleProblem, defaultVisit, instantAt, scheduleRefusal, standingWords, visitProblems, windowWords,
} from "./applications";
import type { VisitDraft } from "./applications";
import type { ServiceOrder } from "../portal/types";
import { WORK_ACTION_PERMISSIONS } from "./workQueues";
import { consoleProblem } from "./problems";
import { useWorkList } from "./useWorkList";
import { Field } from "./Field";
import { ActionOutcome, ListMore, ListStatus, ScreenHeading, focusSoon } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";

const OUTCOME_ID = "applications-outcome";
const actionId = (number: string) => `application-${number}-action`;

export function ApplicationsScreen({ me, onSessionEnded, onChanged }: WorkScreenProps) {
  const list = useWorkList(fetchApplications(), "applications", onSessionEnded);
  const zone = useUtilityZone(true);
  const canSchedule = me.permissions.includes(WORK_ACTION_PERMISSIONS.scheduleVisits);
  const [open, setOpen] = useState<string | null>(null);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  // Activated here and waiting for a visit: the answer to activating, until the list is asked again.
  const [activated, setActivated] = useState<Record<string, ServiceOrder>>({});
  const back = (number: string) => {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(actionId(number))?.focus());
  };
  const tell = (text: string, refused = false) => {
    setSaid({ text, refused });
    focusSoon(OUTCOME_ID);
  };
  return (
    <section class="applications-queue" aria-labelledby="work-heading">
      <ScreenHeading>Applications</ScreenHeading>
      <p class="hint">
        Applications for service from the portal, and other start orders with no visit scheduled, oldest first. Activating one makes
        the account active on its bill cycle and starts the chosen services on the start day. When every meter there is read
        automatically (AMI) the start is complete at once; otherwise it needs a visit, for a dispatcher to schedule.
      </p>
      <ActionOutcome id={OUTCOME_ID} refused={said?.refused}>{said && <strong>{said.text}</strong>}</ActionOutcome>
      <ListStatus list={list} what="applications" one="application" empty="No applications are waiting." />
      {list.items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="applications-caption" tabIndex={0} aria-busy={list.busy ? "true" : undefined}>
          <table class="data-table work-table applications-table">
            <caption id="applications-caption" class="visually-hidden">Applications for service, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Application</th>
                <th scope="col">Account</th>
                <th scope="col">Address</th>
                <th scope="col">Start day</th>
                <th scope="col">Applied</th>
                <th scope="col"><span class="visually-hidden">Activate</span></th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((listed) => {
                const o = activated[listed.number] ?? listed;
                const standing = accountStanding(o, listed.number in activated);
                const action = applicationAction(standing, canSchedule);
                return (
                  <tr key={o.number} data-testid="application-row" data-order={o.number} data-account-status={standing}>
                    <th scope="row">
                      <span class="nowrap">{o.number}</span>
                      <span class={`badge account-standing ${standing}`} data-testid="account-standing">{standingWords(standing)}</span>
                    </th>
                    <td><a class="nowrap" href={accountHash(accountDigits(o.account))}>{o.account}</a></td>
                    <td>{applicationAddress(o.details)}</td>
                    <td class="nowrap">{o.service_date ? formatDate(o.service_date) : "—"}</td>
                    <td>
                      {formatInstantIn(o.requested_at, zone)}
                      <span class="explain">{applicantWords(o.requested_by)}</span>
                    </td>
                    <td class="decision">
                      {open !== o.number && action && (
                        <button type="button" id={actionId(o.number)} class="secondary small" onClick={() => setOpen(o.number)}>
                          {action === "schedule" ? "Schedule the visit…" : "Activate…"}
                          <span class="visually-hidden"> {o.number}</span>
                        </button>
                      )}
                      {open === o.number && action === "activate" && (
                        <ActivateForm order={o} onSessionEnded={onSessionEnded} onBack={() => back(o.number)}
                          onRefused={(text) => tell(text, true)}
                          onActivated={(answer) => {
                            setOpen(null);
                            if (!activationDone(answer)) setActivated((a) => ({ ...a, [o.number]: answer }));
                            tell(activatedWords({ ...answer, account: answer.account || o.account }));
                            list.refresh();
                            onChanged();
                          }} />
                      )}
                      {open === o.number && action === "schedule" && (
                        <ScheduleForm order={o} zone={zone} onSessionEnded={onSessionEnded} onBack={() => back(o.number)}
                          onRefused={(text) => tell(text, true)}
                          onScheduled={(answer) => {
                            setOpen(null);
                            tell(`Scheduled the visit for ${answer.number}: ${windowWords(answer.window_start ?? "", answer.window_end ?? "", zone)}.`);
                            list.refresh();
                            onChanged();
                          }} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ListMore list={list} what="applications" />
    </section>
  );
}

interface RowFormProps {
  onSessionEnded: (e: ApiError) => void;
  onBack: () => void;
  /** The server refused: said in the screen's outcome, the form stays open. */
  onRefused: (text: string) => void;
}

/** The optional bill cycle (1 to 20, blank keeps the premise's), then Activate. */
function ActivateForm({ order, onActivated, onBack, onRefused, onSessionEnded }: RowFormProps & {
  order: ServiceOrder;
  onActivated: (order: ServiceOrder) => void;
}) {
  const [cycle, setCycle] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const sending = useRef(false);
  const cycleId = `application-${order.number}-cycle`;
  useEffect(() => document.getElementById(cycleId)?.focus(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const problem = billCycleProblem(cycle);
    setError(problem);
    if (problem) {
      document.getElementById(cycleId)?.focus();
      return;
    }
    sending.current = true;
    try {
      onActivated((await activateApplication(order.number, billCycleForServer(cycle))).order);
    } catch (err) {
      const p = asApiError(err);
      if (consoleProblem(p) === "sign-in") onSessionEnded(p);
      else if (p.status === 422 && p.field === "bill_cycle") setError("Bill cycle is a whole number from 1 to 20.");
      else onRefused(activationRefusal(p, order.number));
    } finally {
      sending.current = false;
    }
  };
  return (
    <form class="reject-form application-form" aria-label={`Activate ${order.number}`} onSubmit={submit} noValidate
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); onBack(); } }}>
      <Field id={cycleId} label="Bill cycle (optional)" inputMode="numeric" maxLength={2} value={cycle} onValue={setCycle}
        hint="1 to 20. Blank keeps the premise's cycle." error={error} />
      <div class="form-actions">
        <button type="submit" class="small">Activate</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}

/** The visit's day and window on the utility's clocks (the start day, 8 AM to noon, unless changed). */
function ScheduleForm({ order, zone, onScheduled, onBack, onRefused, onSessionEnded }: RowFormProps & {
  order: ServiceOrder;
  zone: string | null;
  onScheduled: (order: ServiceOrder) => void;
}) {
  const [visit, setVisit] = useState<VisitDraft>(() => defaultVisit(order.service_date, localDateOf(new Date(), zone) ?? ""));
  const [errors, setErrors] = useState<ReturnType<typeof visitProblems>>({});
  const sending = useRef(false);
  const id = (part: string) => `application-${order.number}-visit-${part}`;
  useEffect(() => document.getElementById(id("day"))?.focus(), []);
  const set = (part: Partial<VisitDraft>) => setVisit({ ...visit, ...part });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const problems = visitProblems(visit);
    setErrors(problems);
    const first = (["day", "from", "to"] as const).find((k) => problems[k]);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    sending.current = true;
    try {
      const window = { window_start: instantAt(visit.day, visit.from, zone) ?? "", window_end: instantAt(visit.day, visit.to, zone) ?? "" };
      onScheduled((await scheduleVisit(order.number, window)).order);
    } catch (err) {
      const p = asApiError(err);
      if (consoleProblem(p) === "sign-in") onSessionEnded(p);
      else onRefused(scheduleRefusal(p, order.number));
    } finally {
      sending.current = false;
    }
  };
  return (
    <form class="reject-form application-form" aria-label={`Schedule the visit for ${order.number}`} onSubmit={submit} noValidate
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); onBack(); } }}>
      <Field id={id("day")} type="date" label="Day of the visit" value={visit.day} onValue={(day) => set({ day })} error={errors.day} />
      <div class="visit-times">
        <Field id={id("from")} type="time" label="From" value={visit.from} onValue={(from) => set({ from })} error={errors.from} />
        <Field id={id("to")} type="time" label="To" value={visit.to} onValue={(to) => set({ to })} error={errors.to} />
      </div>
      <p class="hint">On the utility's clocks.</p>
      <div class="form-actions">
        <button type="submit" class="small">Schedule</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}
