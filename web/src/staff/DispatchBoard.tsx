// The dispatcher's board (orders.dispatch): a day on the utility's clocks (today unless the
// address names one), its open orders by crew, each crew's count, late visits and load that day
// ("7 of 12 visits", full, not working), those not dispatched to a crew yet first; the day by area
// (the premise's ZIP code: each area's orders that day, late, not dispatched, to schedule and its
// crews), each area a link that narrows the board to it, as the Area selector does (the area is in
// the address); the day's crews (CrewsPanel.tsx: listing one, changing its visits a day or whether
// it works); and the orders that need a visit and have no window (unscheduled), with the day's
// visits that could not be done, to schedule again. Three requests per showing (the day's window
// list and the unscheduled list, 5,000 each at most, and the day's crews), five narrowed to an area
// (the same two lists asked again with the server's `area` filter, so an area's orders are all
// there past the lists' limit; the whole lists still give the areas and their counts), asked again
// after each move. A column shows its first cards and more on asking, so a day of 5,000 orders
// draws quickly. Moves (POST .../moves):
// schedule and reschedule (a day and times), dispatch to a crew (the day's working crews offered
// with their load, a name may be typed), cancel (confirmed), approve and reject a result waiting
// for approval (OrderCardForms.tsx). Refusals are said in words; a crew full or not working is
// said on the order's card.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError, Staff } from "./api";
import type { OrderArea, ServiceOrder } from "../portal/types";
import { fetchCrews, fetchUnscheduledOrders, fetchWindowOrders, moveOrder } from "./ordersApi";
import type { MoveBody } from "./ordersApi";
import {
  allAreasWords, areaChoices, areaCrewWords, areaWords, boardLists, crewLoadWords, crewStanding, crewsSeen, dayCrews, dayRange, groupByCrew,
  isCrewRefusal, isLate, kindWords, movedWords, moveRefusal, nextDay, previousDay, standingWords, statusWords, summarizeAreas, windowTimes,
} from "./dispatch";
import type { AreaSummary, CrewDay, DispatchAction } from "./dispatch";
import { localDateOf, formatZoneName } from "./localTime";
import { formatDate } from "../shared/format";
import { useOrdersZone } from "./useOrdersZone";
import { consoleProblem } from "./problems";
import { accountHash, dispatchHash, DISPATCH_PERMISSION } from "./route";
import { accountDigits } from "./leaks";
import { ActionOutcome, focusSoon } from "./WorkParts";
import { ConfirmForm, CrewForm, WindowForm } from "./OrderCardForms";
import { CrewsPanel } from "./CrewsPanel";
import "./dispatch.css";

const OUTCOME_ID = "dispatch-outcome";
/** Cards a column shows before "Show all". */
const COLUMN_FIRST = 40;

type Load = { state: "loading" } | { state: "failed"; error: ApiError } | { state: "ready" };

export function DispatchBoard({ day: asked, area, me, onSessionEnded }: {
  day: string | null;
  /** The area (five-digit ZIP code) the board is narrowed to; null: all areas. */
  area: string | null;
  me: Staff;
  onSessionEnded: (e: ApiError) => void;
}) {
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
  return <Board asked={asked} area={area} canChangeCrews={me.permissions.includes(DISPATCH_PERMISSION)} onSessionEnded={onSessionEnded} />;
}

/** The day's crews as the server answered them, or why they could not be had (the board shows without them). */
type CrewsAnswer = { crews: CrewDay[]; error: null } | { crews: null; error: ApiError };

/** The lists narrowed to an area (the server's `area` filter), and which area they are of. */
type AreaLists = { area: string; orders: ServiceOrder[]; unscheduled: ServiceOrder[] };

function Board({ asked, area, canChangeCrews, onSessionEnded }: {
  asked: string | null;
  area: string | null;
  canChangeCrews: boolean;
  onSessionEnded: (e: ApiError) => void;
}) {
  const { zone, ready } = useOrdersZone();
  const today = localDateOf(new Date(), zone) ?? "";
  const day = asked ?? today;
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [orders, setOrders] = useState<ServiceOrder[]>([]);
  const [unscheduled, setUnscheduled] = useState<ServiceOrder[]>([]);
  const [crewsAnswer, setCrewsAnswer] = useState<CrewsAnswer>({ crews: [], error: null });
  const [narrowed, setNarrowed] = useState<AreaLists | null>(null);
  const [shownDay, setShownDay] = useState<string | null>(null);
  const [shownArea, setShownArea] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  const [open, setOpenForm] = useState<{ number: string; action: DispatchAction } | null>(null);
  // A dispatch refused for its crew (full that day, not working): said on the order's card.
  const [refusedOn, setRefusedOn] = useState<{ number: string; text: string } | null>(null);
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
    const crews = fetchCrews(day, ctl.signal).then(
      (answered): CrewsAnswer => ({ crews: answered, error: null }),
      (e): CrewsAnswer => {
        if (isAbort(e)) throw e;
        return { crews: null, error: asApiError(e) };
      },
    );
    const inArea = area
      ? Promise.all([fetchWindowOrders(range.from, range.to, ctl.signal, { area }), fetchUnscheduledOrders(ctl.signal, { area })])
      : Promise.resolve(null);
    Promise.all([fetchWindowOrders(range.from, range.to, ctl.signal), fetchUnscheduledOrders(ctl.signal), crews, inArea]).then(
      ([dayOrders, none, crewsNow, areaLists]) => {
        if (n !== asking.current) return;
        setOrders(dayOrders);
        setUnscheduled(none);
        setCrewsAnswer(crewsNow);
        setNarrowed(area && areaLists ? { area, orders: areaLists[0], unscheduled: areaLists[1] } : null);
        setShownDay(day);
        setShownArea(area);
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
  }, [day, area, zone, ready, onSessionEnded]);

  useEffect(() => {
    setLoad((l) => (l.state === "ready" ? l : { state: "loading" }));
    const ctl = refresh();
    return () => ctl?.abort();
  }, [refresh]);

  // The whole board's lists give the areas and their counts; the lists shown are the area's when narrowed.
  const whole = useMemo(() => boardLists(orders, unscheduled), [orders, unscheduled]);
  const lists = useMemo(() => (narrowed ? boardLists(narrowed.orders, narrowed.unscheduled) : whole), [narrowed, whole]);
  const areas = useMemo(() => summarizeAreas(whole.crews, whole.toSchedule, now), [whole, now]);
  // The area shown, by name: as the summary names it, else as its orders do, else its ZIP code alone.
  const shownAreaOf = useMemo((): OrderArea | null => {
    if (!shownArea) return null;
    const summed = areas.find((a) => a.zip === shownArea);
    if (summed?.city) return { zip: shownArea, city: summed.city };
    return narrowed?.orders[0]?.area ?? narrowed?.unscheduled[0]?.area ?? { zip: shownArea, city: "" };
  }, [shownArea, areas, narrowed]);
  const groups = useMemo(() => groupByCrew(lists.crews, now), [lists, now]);
  const seen = useMemo(() => crewsSeen(orders), [orders]);
  const crews = useMemo(() => dayCrews(crewsAnswer.crews ?? [], seen), [crewsAnswer, seen]);
  const late = useMemo(() => groups.reduce((n, g) => n + g.late, 0), [groups]);

  const tell = (text: string, refused = false) => {
    setSaid({ text, refused });
    setRefusedOn(null);
    focusSoon(OUTCOME_ID);
  };
  const setOpen = (form: { number: string; action: DispatchAction } | null) => {
    setOpenForm(form);
    setRefusedOn(null);
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
      else if (isCrewRefusal(err)) {
        // Near the order, its crew form still open for another crew; the crews' loads asked for again.
        setSaid(null);
        setRefusedOn({ number: order.number, text: moveRefusal(err, body.action, order.number) });
        refresh();
      } else {
        tell(moveRefusal(err, body.action, order.number), true);
        if (err.status === 409) refresh();
      }
      return false;
    }
  };

  const cardProps = { zone, now, crews, open, setOpen, move, boardDay: day, refusedOn };
  const stale = shownDay !== null && (shownDay !== day || shownArea !== area);
  const where = shownAreaOf ? ` in ${areaWords(shownAreaOf)}` : "";
  return (
    <section class="dispatch-board" aria-labelledby="dispatch-heading" aria-busy={load.state === "loading" || stale ? "true" : undefined}>
      <h1 id="dispatch-heading" tabIndex={-1} ref={heading}>Dispatch</h1>
      <DayPicker day={day} today={today} zone={zone} area={area}>
        <AreaPicker day={day} today={today} area={area} areas={load.state === "ready" ? areas : null} chosenArea={shownAreaOf}
          total={{ day: whole.crews.length, toSchedule: whole.toSchedule.length }} />
      </DayPicker>
      <ActionOutcome id={OUTCOME_ID} refused={said?.refused}>{said && <strong>{said.text}</strong>}</ActionOutcome>
      <p role="status" class="status-line" data-testid="dispatch-status">
        {load.state === "loading" || stale
          ? `Loading the orders of ${formatDate(day)}…`
          : load.state === "ready"
            ? `${lists.crews.length} ${lists.crews.length === 1 ? "order" : "orders"}${where} on ${formatDate(day)}` +
              `${late > 0 ? `, ${late} late` : ""}; ${lists.toSchedule.length} to schedule${where ? " there" : ""}.`
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
              <p>No open orders have a window on this day{where}.</p>
            ) : (
              <div class="crew-columns">
                {groups.map((g) => (
                  <CrewColumn key={`${shownDay}|${g.crew ?? ""}`} crew={g.crew} orders={g.orders} late={g.late}
                    load={crewsAnswer.crews ? crews.find((c) => c.name === g.crew) : undefined} {...cardProps} />
                ))}
              </div>
            )}
          </section>
          <div class="board-summaries">
            <AreasSummary areas={areas} day={shownDay ?? day} today={today} area={shownArea} />
            <CrewsPanel day={shownDay ?? day} crews={crewsAnswer.crews ? crews : null} problem={crewsAnswer.error} canChange={canChangeCrews}
              onSaved={() => refresh()} onRetry={() => refresh()} onSessionEnded={onSessionEnded} />
          </div>
          <section class="unscheduled" aria-labelledby="unscheduled-heading">
            <h2 id="unscheduled-heading">
              Unscheduled{where} <span class="count-badge" data-testid="unscheduled-count">{lists.toSchedule.length}</span>
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

function DayPicker({ day, today, zone, area, children }: { day: string; today: string; zone: string | null; area: string | null; children: ComponentChildren }) {
  const go = (d: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) location.hash = dispatchHash(d === today ? null : d, area);
  };
  return (
    <div class="day-picker">
      <div class="field">
        <label for="dispatch-day">Day</label>
        <input id="dispatch-day" type="date" value={day} onChange={(e) => go(e.currentTarget.value)} />
      </div>
      <div class="day-steps">
        <a class="day-step" href={dispatchHash(previousDay(day), area)}>Previous day</a>
        {day !== today && <a class="day-step" href={dispatchHash(null, area)}>Today</a>}
        <a class="day-step" href={dispatchHash(nextDay(day), area)}>Next day</a>
      </div>
      {children}
      {zone && <p class="hint">Windows on the utility's clocks ({formatZoneName(zone)}).</p>}
    </div>
  );
}

/**
 * The Area selector: all areas, then each area with orders that day or to schedule, with their
 * counts (the whole board's); choosing one narrows the board to it (in the address, so Back undoes it).
 */
function AreaPicker({ day, today, area, areas, chosenArea, total }: {
  day: string;
  today: string;
  area: string | null;
  /** Null until the board's lists are in: "All areas" and the area chosen alone. */
  areas: AreaSummary[] | null;
  chosenArea: OrderArea | null;
  /** The whole board's orders that day and to schedule. */
  total: { day: number; toSchedule: number };
}) {
  // Before the lists are in, the area chosen is named by its ZIP code alone (its counts are not known yet).
  const choices = areas ? areaChoices(areas, area, chosenArea) : area ? [{ zip: area, words: area }] : [];
  return (
    <div class="field area-picker">
      <label for="dispatch-area">Area</label>
      <select id="dispatch-area" value={area ?? ""} data-testid="area-picker"
        onChange={(e) => (location.hash = dispatchHash(day === today ? null : day, e.currentTarget.value || null))}>
        <option value="">{areas ? allAreasWords(total.day, total.toSchedule) : "All areas"}</option>
        {choices.map((c) => <option key={c.zip} value={c.zip}>{c.words}</option>)}
      </select>
    </div>
  );
}

/**
 * The day by area: a row per area (its orders that day, late, not dispatched yet, to schedule, and
 * the crews working there), each area a link narrowing the board to it; the area shown marked.
 */
function AreasSummary({ areas, day, today, area }: { areas: AreaSummary[]; day: string; today: string; area: string | null }) {
  const boardDay = day === today ? null : day;
  return (
    <section class="areas-panel" aria-labelledby="areas-heading" data-testid="areas-summary">
      <h2 id="areas-heading">By area</h2>
      {areas.length === 0 ? (
        <p>No orders that day or to schedule.</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table areas-table">
            <caption class="visually-hidden">Orders by area on {formatDate(day)}</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" class="num">That day</th>
                <th scope="col" class="num">Late</th>
                <th scope="col" class="num">To schedule</th>
                <th scope="col">Crews there</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a.zip ?? ""} data-testid="area-row" data-area={a.zip ?? ""} class={a.zip !== null && a.zip === area ? "chosen" : undefined}>
                  <th scope="row">
                    {a.zip === null ? (
                      areaWords(null)
                    ) : (
                      <a href={dispatchHash(boardDay, a.zip)} aria-current={a.zip === area ? "true" : undefined}>{areaWords({ zip: a.zip, city: a.city })}</a>
                    )}
                  </th>
                  <td class="num">{a.day}</td>
                  <td class="num">{a.late}</td>
                  <td class="num">{a.toSchedule}</td>
                  <td>{areaCrewWords(a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {area && <p><a href={dispatchHash(boardDay)} data-testid="all-areas">Show all areas</a></p>}
    </section>
  );
}

interface CardProps {
  zone: string | null;
  now: number;
  /** The day's crews (listed, booked, seen), with their loads. */
  crews: CrewDay[];
  boardDay: string;
  open: { number: string; action: DispatchAction } | null;
  setOpen: (open: { number: string; action: DispatchAction } | null) => void;
  move: (order: ServiceOrder, body: MoveBody) => Promise<boolean>;
  refusedOn: { number: string; text: string } | null;
}

function CrewColumn({ crew, orders, late, load, ...props }: CardProps & { crew: string | null; orders: ServiceOrder[]; late: number; load?: CrewDay }) {
  const name = crew ?? "Not dispatched yet";
  const id = `crew-${(crew ?? "none").replace(/[^A-Za-z0-9]+/g, "-")}`;
  const mark = load ? standingWords(crewStanding(load)) : null;
  return (
    <section class={crew ? "crew-column" : "crew-column no-crew"} aria-labelledby={id} data-testid="crew-column" data-crew={crew ?? ""}>
      <h3 id={id}>
        {name}{" "}
        <span class="crew-count" data-testid="crew-count">
          {orders.length} {orders.length === 1 ? "order" : "orders"}{late > 0 ? `, ${late} late` : ""}
        </span>
      </h3>
      {load && (
        <p class="crew-load" data-testid="crew-load">
          {crewLoadWords(load)} this day{mark && <> <span class={`badge crew-mark ${crewStanding(load)}`}>{mark}</span></>}
        </p>
      )}
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

function OrderCard({ order, zone, now, crews, boardDay, open, setOpen, move, refusedOn }: CardProps & { order: ServiceOrder }) {
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
      <p class="order-area" data-testid="order-area">{areaWords(order.area)}</p>
      <p class="order-details">{order.details || "No details given."}</p>
      <p class="order-window">
        {order.window_start ? windowTimes(order.window_start, order.window_end, zone) : "No window"}
        {order.failure_reason && <span class="explain">Not done last time: {order.failure_reason}</span>}
      </p>
      <p class="order-account"><a href={accountHash(accountDigits(order.account))}>Account {order.account}</a></p>
      {refusedOn?.number === order.number && <p class="card-refusal" role="alert" data-testid="order-refused">{refusedOn.text}</p>}
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
        <CrewForm order={order} crews={crews} boardDay={boardDay} onSend={send} onBack={() => back("dispatch")} />
      ) : (
        <ConfirmForm order={order} action={opened} onSend={send} onBack={() => back(opened)} />
      )}
    </li>
  );
}
