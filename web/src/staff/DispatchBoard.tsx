// The dispatcher's board (orders.dispatch): a day on the utility's clocks (today unless the
// address names one), its open orders by crew, each crew's count and late visits, those not
// dispatched to a crew yet first; and the orders that need a visit and have no window
// (unscheduled), with the day's visits that could not be done, to schedule again. Two requests per
// showing (the day's window list and the unscheduled list, 5,000 each at most), asked again after
// each move. A column shows its first cards and more on asking, so a day of 5,000 orders draws
// quickly. Moves (POST .../moves): schedule and reschedule (a day and times), dispatch to a crew
// (the crews seen that day offered), cancel (confirmed), approve and reject a result waiting for
// approval. Refusals are said in words.
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError, Staff } from "./api";
import type { ServiceOrder } from "../portal/types";
import { fetchUnscheduledOrders, fetchWindowOrders, moveOrder } from "./ordersApi";
import type { MoveBody } from "./ordersApi";
import {
  boardLists, clockTime, crewsSeen, dayRange, groupByCrew, isLate, kindWords, movedWords, moveRefusal, nextDay, previousDay, statusWords, windowTimes,
} from "./dispatch";
import type { DispatchAction } from "./dispatch";
import { instantAt, visitProblems } from "./applications";
import type { VisitDraft } from "./applications";
import { localDateOf, formatZoneName } from "./localTime";
import { formatDate } from "../shared/format";
import { useOrdersZone } from "./useOrdersZone";
import { consoleProblem } from "./problems";
import { accountHash, dispatchHash, DISPATCH_PERMISSION } from "./route";
import { accountDigits } from "./leaks";
import { Field } from "./Field";
import { ActionOutcome, NoteField, focusSoon } from "./WorkParts";
import "./dispatch.css";

const OUTCOME_ID = "dispatch-outcome";
/** Cards a column shows before "Show all". */
const COLUMN_FIRST = 40;

type Load = { state: "loading" } | { state: "failed"; error: ApiError } | { state: "ready" };

export function DispatchBoard({ day: asked, me, onSessionEnded }: { day: string | null; me: Staff; onSessionEnded: (e: ApiError) => void }) {
  if (!me.permissions.includes(DISPATCH_PERMISSION)) {
    return (
      <section aria-labelledby="dispatch-heading">
        <h1 id="dispatch-heading">Dispatch</h1>
        <p class="alert">
          <strong>Not open to you.</strong>
          <span class="detail">The dispatcher's board needs the permission {DISPATCH_PERMISSION}, which your roles do not give.</span>
        </p>
      </section>
    );
  }
  return <Board asked={asked} onSessionEnded={onSessionEnded} />;
}

function Board({ asked, onSessionEnded }: { asked: string | null; onSessionEnded: (e: ApiError) => void }) {
  const { zone, ready } = useOrdersZone();
  const today = localDateOf(new Date(), zone) ?? "";
  const day = asked ?? today;
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [orders, setOrders] = useState<ServiceOrder[]>([]);
  const [unscheduled, setUnscheduled] = useState<ServiceOrder[]>([]);
  const [shownDay, setShownDay] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  const [open, setOpen] = useState<{ number: string; action: DispatchAction } | null>(null);
  const asking = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const refresh = useCallback(() => {
    const range = dayRange(day, zone);
    if (!ready || !range) return;
    const n = ++asking.current;
    const ctl = new AbortController();
    Promise.all([fetchWindowOrders(range.from, range.to, ctl.signal), fetchUnscheduledOrders(ctl.signal)]).then(
      ([dayOrders, none]) => {
        if (n !== asking.current) return;
        setOrders(dayOrders);
        setUnscheduled(none);
        setShownDay(day);
        setNow(Date.now());
        setLoad({ state: "ready" });
      },
      (e) => {
        if (isAbort(e) || n !== asking.current) return;
        const err = asApiError(e);
        if (consoleProblem(err) === "sign-in") onSessionEnded(err);
        else setLoad({ state: "failed", error: err });
      },
    );
    return ctl;
  }, [day, zone, ready, onSessionEnded]);

  useEffect(() => {
    setLoad((l) => (l.state === "ready" ? l : { state: "loading" }));
    const ctl = refresh();
    return () => ctl?.abort();
  }, [refresh]);

  const lists = useMemo(() => boardLists(orders, unscheduled), [orders, unscheduled]);
  const groups = useMemo(() => groupByCrew(lists.crews, now), [lists, now]);
  const crews = useMemo(() => crewsSeen(orders), [orders]);
  const late = useMemo(() => groups.reduce((n, g) => n + g.late, 0), [groups]);

  const tell = (text: string, refused = false) => {
    setSaid({ text, refused });
    focusSoon(OUTCOME_ID);
  };

  /** Sends a move; says what it did or why not; asks for the board again either way. */
  const move = async (order: ServiceOrder, body: MoveBody): Promise<boolean> => {
    try {
      await moveOrder(order.number, body);
      setOpen(null);
      tell(movedWords(body.action, order.number, body.crew));
      refresh();
      return true;
    } catch (e) {
      const err = asApiError(e);
      if (consoleProblem(err) === "sign-in") onSessionEnded(err);
      else {
        tell(moveRefusal(err, body.action, order.number), true);
        if (err.status === 409) refresh();
      }
      return false;
    }
  };

  const cardProps = { zone, now, crews, open, setOpen, move, boardDay: day };
  const stale = shownDay !== null && shownDay !== day;
  return (
    <section class="dispatch-board" aria-labelledby="dispatch-heading" aria-busy={load.state === "loading" || stale ? "true" : undefined}>
      <h1 id="dispatch-heading" tabIndex={-1} ref={heading}>Dispatch</h1>
      <DayPicker day={day} today={today} zone={zone} />
      <ActionOutcome id={OUTCOME_ID} refused={said?.refused}>{said && <strong>{said.text}</strong>}</ActionOutcome>
      <p role="status" class="status-line" data-testid="dispatch-status">
        {load.state === "loading" || stale
          ? `Loading the orders of ${formatDate(day)}…`
          : load.state === "ready"
            ? `${lists.crews.length} ${lists.crews.length === 1 ? "order" : "orders"} on ${formatDate(day)}` +
              `${late > 0 ? `, ${late} late` : ""}; ${lists.toSchedule.length} to schedule.`
            : ""}
      </p>
      {load.state === "failed" && (
        <div class="section-problem">
          <p class="alert">
            <strong>Could not load the orders.</strong>
            <span class="detail">{load.error.detail}</span>
          </p>
          <button type="button" class="secondary" onClick={() => refresh()}>Try again</button>
        </div>
      )}
      {load.state === "ready" && (
        <>
          <section class="crew-board" aria-labelledby="crews-heading">
            <h2 id="crews-heading">By crew</h2>
            {groups.length === 0 ? (
              <p>No open orders have a window on this day.</p>
            ) : (
              <div class="crew-columns">
                {groups.map((g) => (
                  <CrewColumn key={`${shownDay}|${g.crew ?? ""}`} crew={g.crew} orders={g.orders} late={g.late} {...cardProps} />
                ))}
              </div>
            )}
          </section>
          <section class="unscheduled" aria-labelledby="unscheduled-heading">
            <h2 id="unscheduled-heading">
              Unscheduled <span class="count-badge" data-testid="unscheduled-count">{lists.toSchedule.length}</span>
            </h2>
            <p class="hint">
              Orders that need a visit and have no window yet, oldest first, then this day's visits that could not be done, to schedule again.
            </p>
            {lists.toSchedule.length === 0
              ? <p>None: every visit has a window.</p>
              : <CardList orders={lists.toSchedule} label="Unscheduled orders" {...cardProps} />}
          </section>
        </>
      )}
    </section>
  );
}

function DayPicker({ day, today, zone }: { day: string; today: string; zone: string | null }) {
  const go = (d: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) location.hash = dispatchHash(d === today ? null : d);
  };
  return (
    <div class="day-picker">
      <div class="field">
        <label for="dispatch-day">Day</label>
        <input id="dispatch-day" type="date" value={day} onChange={(e) => go(e.currentTarget.value)} />
      </div>
      <div class="day-steps">
        <a class="day-step" href={dispatchHash(previousDay(day))}>Previous day</a>
        {day !== today && <a class="day-step" href={dispatchHash()}>Today</a>}
        <a class="day-step" href={dispatchHash(nextDay(day))}>Next day</a>
      </div>
      {zone && <p class="hint">Windows on the utility's clocks ({formatZoneName(zone)}).</p>}
    </div>
  );
}

interface CardProps {
  zone: string | null;
  now: number;
  crews: string[];
  boardDay: string;
  open: { number: string; action: DispatchAction } | null;
  setOpen: (open: { number: string; action: DispatchAction } | null) => void;
  move: (order: ServiceOrder, body: MoveBody) => Promise<boolean>;
}

function CrewColumn({ crew, orders, late, ...props }: CardProps & { crew: string | null; orders: ServiceOrder[]; late: number }) {
  const name = crew ?? "Not dispatched yet";
  const id = `crew-${(crew ?? "none").replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <section class={crew ? "crew-column" : "crew-column no-crew"} aria-labelledby={id} data-testid="crew-column" data-crew={crew ?? ""}>
      <h3 id={id}>
        {name}{" "}
        <span class="crew-count" data-testid="crew-count">
          {orders.length} {orders.length === 1 ? "order" : "orders"}{late > 0 ? `, ${late} late` : ""}
        </span>
      </h3>
      <CardList orders={orders} label={`${name}'s orders`} {...props} />
    </section>
  );
}

/** The first cards, then all on asking (a long list is not drawn until it is wanted). */
function CardList({ orders, label, ...props }: CardProps & { orders: ServiceOrder[]; label: string }) {
  const [most, setMost] = useState(COLUMN_FIRST);
  const shown = orders.length > most ? orders.slice(0, most) : orders;
  return (
    <>
      <ul class="order-cards" aria-label={label}>
        {shown.map((o) => <OrderCard key={o.number} order={o} {...props} />)}
      </ul>
      {orders.length > shown.length && (
        <button type="button" class="secondary small" onClick={() => setMost(orders.length)}>
          Show all {orders.length}<span class="visually-hidden"> of {label}</span>
        </button>
      )}
    </>
  );
}

/** The dispatcher's moves from a status (the server's rules, docs/orders.md). */
function actionsFrom(order: ServiceOrder): DispatchAction[] {
  switch (order.status) {
    case "received":
    case "failed":
      return ["schedule", "cancel"];
    case "scheduled":
      return ["dispatch", "reschedule", "cancel"];
    case "dispatched":
      return ["reschedule", "cancel"];
    case "en_route":
      return ["cancel"];
    case "awaiting_approval":
      return ["approve", "reject"];
    default:
      return [];
  }
}

const ACTION_WORDS: Record<DispatchAction, string> = {
  schedule: "Schedule…",
  reschedule: "Reschedule…",
  dispatch: "Dispatch…",
  cancel: "Cancel…",
  approve: "Approve",
  reject: "Reject…",
};

function OrderCard({ order, zone, now, crews, boardDay, open, setOpen, move }: CardProps & { order: ServiceOrder }) {
  const lateNow = isLate(order, now);
  const opened = open?.number === order.number ? open.action : null;
  const [sending, setSending] = useState(false);
  const send = async (body: MoveBody) => {
    if (sending) return;
    setSending(true);
    await move(order, body);
    setSending(false);
  };
  const buttonId = (a: DispatchAction) => `order-${order.number}-${a}`;
  const back = (a: DispatchAction) => {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(buttonId(a))?.focus());
  };
  return (
    <li class={lateNow ? "order-card late" : "order-card"} data-testid="order-card" data-order={order.number}>
      <p class="order-card-head">
        <strong class="nowrap">{order.number}</strong>
        <span class={`badge order-status ${order.status}`}>{statusWords(order.status)}</span>
        {lateNow && <span class="badge late-badge" data-testid="late">Late</span>}
      </p>
      <p class="order-kind">{kindWords(order.kind)}</p>
      <p class="order-details">{order.details || "No details given."}</p>
      <p class="order-window">
        {order.window_start ? windowTimes(order.window_start, order.window_end, zone) : "No window"}
        {order.failure_reason && <span class="explain">Not done last time: {order.failure_reason}</span>}
      </p>
      <p class="order-account"><a href={accountHash(accountDigits(order.account))}>Account {order.account}</a></p>
      {opened === null ? (
        <div class="order-actions">
          {actionsFrom(order).map((a) => (
            <button key={a} id={buttonId(a)} type="button" class={a === "approve" ? "small" : "secondary small"} aria-disabled={sending ? "true" : undefined}
              onClick={() => (a === "approve" ? void send({ action: "approve" }) : setOpen({ number: order.number, action: a }))}>
              {ACTION_WORDS[a]}<span class="visually-hidden"> {order.number}</span>
            </button>
          ))}
        </div>
      ) : opened === "schedule" || opened === "reschedule" ? (
        <WindowForm order={order} action={opened} zone={zone} boardDay={boardDay} onSend={send} onBack={() => back(opened)} />
      ) : opened === "dispatch" ? (
        <CrewForm order={order} crews={crews} onSend={send} onBack={() => back("dispatch")} />
      ) : (
        <ConfirmForm order={order} action={opened} onSend={send} onBack={() => back(opened)} />
      )}
    </li>
  );
}

interface FormProps {
  order: ServiceOrder;
  onSend: (body: MoveBody) => Promise<void>;
  onBack: () => void;
}

function escapeBack(onBack: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onBack();
    }
  };
}

/** A window: the day and the times on the utility's clocks (the order's own, else the board's day, 8 AM to noon). */
function WindowForm({ order, action, zone, boardDay, onSend, onBack }: FormProps & { action: "schedule" | "reschedule"; zone: string | null; boardDay: string }) {
  const [visit, setVisit] = useState<VisitDraft>(() =>
    order.window_start && order.window_end
      ? { day: localDateOf(order.window_start, zone) ?? boardDay, from: clockTime(order.window_start, zone), to: clockTime(order.window_end, zone) }
      : { day: boardDay, from: "08:00", to: "12:00" },
  );
  const [errors, setErrors] = useState<ReturnType<typeof visitProblems>>({});
  const id = (part: string) => `order-${order.number}-window-${part}`;
  useEffect(() => document.getElementById(id("day"))?.focus(), []);
  const set = (part: Partial<VisitDraft>) => setVisit({ ...visit, ...part });
  const submit = (e: Event) => {
    e.preventDefault();
    const problems = visitProblems(visit);
    setErrors(problems);
    const first = (["day", "from", "to"] as const).find((k) => problems[k]);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    void onSend({ action, window_start: instantAt(visit.day, visit.from, zone) ?? "", window_end: instantAt(visit.day, visit.to, zone) ?? "" });
  };
  const verb = action === "schedule" ? "Schedule" : "Reschedule";
  return (
    <form class="card-form" aria-label={`${verb} ${order.number}`} onSubmit={submit} noValidate onKeyDown={escapeBack(onBack)}>
      <Field id={id("day")} type="date" label="Day of the visit" value={visit.day} onValue={(day) => set({ day })} error={errors.day} />
      <div class="visit-times">
        <Field id={id("from")} type="time" label="From" value={visit.from} onValue={(from) => set({ from })} error={errors.from} />
        <Field id={id("to")} type="time" label="To" value={visit.to} onValue={(to) => set({ to })} error={errors.to} />
      </div>
      <div class="form-actions">
        <button type="submit" class="small">{verb}</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}

/** The crew, typed or chosen among those seen on the day. */
function CrewForm({ order, crews, onSend, onBack }: FormProps & { crews: string[] }) {
  const [crew, setCrew] = useState(order.crew ?? "");
  const [error, setError] = useState<string | undefined>(undefined);
  const id = `order-${order.number}-crew`;
  useEffect(() => document.getElementById(id)?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    const name = crew.trim();
    if (!name) {
      setError("Name the crew to dispatch it to.");
      document.getElementById(id)?.focus();
      return;
    }
    void onSend({ action: "dispatch", crew: name });
  };
  return (
    <form class="card-form" aria-label={`Dispatch ${order.number}`} onSubmit={submit} noValidate onKeyDown={escapeBack(onBack)}>
      <div class={error ? "field invalid" : "field"}>
        <label for={id}>Crew</label>
        <input id={id} list={`${id}-seen`} maxLength={60} autocomplete="off" value={crew} aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `${id}-error` : undefined} onInput={(e) => setCrew(e.currentTarget.value)} />
        <datalist id={`${id}-seen`}>{crews.map((c) => <option key={c} value={c} />)}</datalist>
        {error && <p id={`${id}-error`} class="field-error">{error}</p>}
      </div>
      <div class="form-actions">
        <button type="submit" class="small">Dispatch</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}

/** Cancel (confirmed, a note optional) or reject a result waiting for approval (a note optional). */
function ConfirmForm({ order, action, onSend, onBack }: FormProps & { action: DispatchAction }) {
  const [note, setNote] = useState("");
  const id = `order-${order.number}-${action}-note`;
  const cancel = action === "cancel";
  useEffect(() => document.getElementById(id)?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    void onSend(note.trim() ? { action, note: note.trim() } : { action });
  };
  return (
    <form class="card-form" aria-label={cancel ? `Cancel ${order.number}` : `Reject ${order.number}`} onSubmit={submit} noValidate onKeyDown={escapeBack(onBack)}>
      <p class="confirm-words">
        {cancel
          ? `Cancel ${order.number}? The customer is told, and it leaves the board.`
          : `Send ${order.number} back on site? Its result is not approved.`}
      </p>
      <NoteField id={id} label="Note (optional)" value={note} onValue={setNote} rows={2} />
      <div class="form-actions">
        <button type="submit" class={cancel ? "danger small" : "small"}>{cancel ? "Cancel the order" : "Reject"}</button>
        <button type="button" class="secondary small" onClick={onBack}>{cancel ? "Keep it" : "Back"}</button>
      </div>
    </form>
  );
}
