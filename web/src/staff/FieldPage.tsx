// The field technician's page (orders.field), phone first: the crew chosen once (kept on this
// phone; the day's crews offered, GET /api/v1/staff/crews), today's orders dispatched to it in
// window order (today on the utility's clocks; the server is asked for that crew's orders only,
// `crew=`, so no other crew's orders reach the phone or its kept copy), and
// one order's page: where (the address, the meters with their last reading), what to do, the
// moves: On my way, Arrived, Complete (a reading per meter read by hand; the server checks it
// against the meter's history; the meter put in for an exchange or install), Could not do it (a
// reason), with FieldForms.tsx; and its photos (FieldPhotos.tsx: of the dial with a reading, of the
// site, of why with "Could not do it"). Every move and photo goes through the outbox
// (useFieldOutbox.ts, fieldQueue.ts): kept on the phone (a move with its own Idempotency-Key), sent
// when there is a connection, shown as waiting to send until the server answers; a refusal is said
// with its order (an unlikely reading may then be confirmed as right). Without a connection the page
// still opens after a reload (fieldWorker.ts registers public/field-sw.js, which keeps the page, its
// files and copies of the orders the page asked for): the day's list and each order opened before
// show as they were then, said so ("Offline — showing your list as of 9:42 AM"); opened so, for the
// technician kept on the phone (App.tsx), moves wait in the outbox until the server has said the
// session is still theirs (`confirmed`).
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError, Staff } from "./api";
import type { ServiceOrder } from "../portal/types";
import { fetchCrews, fetchFieldDay, fetchFieldOrder } from "./ordersApi";
import type { SitedOrder, SiteMeter } from "./ordersApi";
import {
  byWindow, crewAsListed, dayRange, fieldCrewChoices, kindWords, readingMayBeConfirmed, readingWords, refusedReading, siteLine, statusWords, windowTimes,
} from "./dispatch";
import type { FieldAction } from "./dispatch";
import { CREW_STORAGE_KEY, fieldMovesFrom, photoRoom, statusAfter, waitingWords } from "./fieldQueue";
import type { FieldMoveBody, QueuedMove, RefusedMove } from "./fieldQueue";
import { CompleteForm, FailForm } from "./FieldForms";
import { OrderPhotos } from "./FieldPhotos";
import type { ChosenPhoto } from "./FieldPhotos";
import { newMeterField } from "./newMeter";
import { useFieldOutbox } from "./useFieldOutbox";
import type { FieldOutbox } from "./useFieldOutbox";
import { useOrdersZone } from "./useOrdersZone";
import { copyNote } from "./fieldOffline";
import { keepTechnician, keepZone, keptZone, registerFieldWorker } from "./fieldWorker";
import { formatInstantIn, localDateOf } from "./localTime";
import { formatDate } from "../shared/format";
import { consoleProblem } from "./problems";
import { FIELD_PERMISSION, fieldHash } from "./route";
import "./field.css";

/** How often today's list is asked for again while the page is open. */
const LIST_EVERY_MS = 120_000;

/** Orders seen on this page, by number: an order opened before still shows when the connection is gone. */
const seen = new Map<string, SitedOrder>();

/** The utility's zone kept on the phone (useOrdersZone): the day is the same day with no connection. */
const KEPT_ZONE = { read: keptZone, keep: keepZone };

function storedCrew(): string {
  try {
    return localStorage.getItem(CREW_STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

const MOVE_WORDS: Record<FieldAction, string> = {
  depart: "On my way",
  arrive: "Arrived",
  complete: "Complete",
  fail: "Could not do it",
};

export function FieldPage({ order, me, confirmed, onSessionEnded }: {
  order: string | null;
  me: Staff;
  /** False: opened with no connection for the technician kept on the phone; nothing is sent until the server confirms the session. */
  confirmed: boolean;
  onSessionEnded: (e: ApiError) => void;
}) {
  if (!me.permissions.includes(FIELD_PERMISSION)) {
    return (
      <section class="field-page" aria-labelledby="field-heading">
        <h1 id="field-heading">Field work</h1>
        <p class="alert">
          <strong>Not open to you.</strong>
          <span class="detail">The field page needs the permission {FIELD_PERMISSION}, which your roles do not give.</span>
        </p>
      </section>
    );
  }
  return <FieldWork order={order} me={me} confirmed={confirmed} onSessionEnded={onSessionEnded} />;
}

type Load = { state: "loading" } | { state: "failed"; error: ApiError } | { state: "ready" };

function FieldWork({ order, me, confirmed, onSessionEnded }: { order: string | null; me: Staff; confirmed: boolean; onSessionEnded: (e: ApiError) => void }) {
  const { zone, ready } = useOrdersZone(KEPT_ZONE);
  const today = localDateOf(new Date(), zone) ?? "";
  const [crew, setCrew] = useState(storedCrew);
  const [choosing, setChoosing] = useState(() => storedCrew() === "");
  const [orders, setOrders] = useState<ServiceOrder[]>([]);
  // When the list shown is the copy kept on the phone (no connection), when that copy was made.
  const [listCopiedAt, setListCopiedAt] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [online, setOnline] = useState(() => navigator.onLine);
  const asking = useRef(0);

  // The crew's day only: nothing is asked for until a crew is chosen.
  const refresh = useCallback(() => {
    const range = dayRange(today, zone);
    if (!ready || !range || !crew) return;
    const n = ++asking.current;
    fetchFieldDay(range.from, range.to, crew, me.id).then(
      ({ value: all, copiedAt }) => {
        if (n !== asking.current) return;
        setOrders(all);
        setListCopiedAt(copiedAt);
        setLoad({ state: "ready" });
      },
      (e) => {
        if (isAbort(e) || n !== asking.current) return;
        const err = asApiError(e);
        if (consoleProblem(err) === "sign-in") onSessionEnded(err);
        else setLoad((l) => (l.state === "ready" ? l : { state: "failed", error: err })); // the list shown stays
      },
    );
  }, [today, zone, ready, crew, me.id, onSessionEnded]);

  // Asked again every few minutes and when the connection comes back: orders dispatched meanwhile appear.
  useEffect(() => {
    refresh();
    const timer = setInterval(() => {
      if (navigator.onLine) refresh();
    }, LIST_EVERY_MS);
    addEventListener("online", refresh);
    return () => {
      clearInterval(timer);
      removeEventListener("online", refresh);
    };
  }, [refresh]);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener("online", on);
    addEventListener("offline", off);
    return () => {
      removeEventListener("online", on);
      removeEventListener("offline", off);
    };
  }, []);

  // An order's page asks for the order again when an answer comes back from the server.
  const [answers, setAnswers] = useState(0);
  const onAnswered = useCallback(() => {
    setAnswers((n) => n + 1);
    refresh();
  }, [refresh]);
  const outbox = useFieldOutbox(me.id, onSessionEnded, onAnswered, !confirmed);

  // The service worker: registered here (the field page only); once it answers the page, the list
  // and the order shown are asked for again through it, so that it keeps them.
  const whenWorkerAnswers = useRef(onAnswered);
  whenWorkerAnswers.current = onAnswered;
  useEffect(() => registerFieldWorker(() => whenWorkerAnswers.current()), []);
  useEffect(() => {
    if (confirmed) keepTechnician(me);
  }, [confirmed, me]);

  // The server answers the crew's orders only; in window order here.
  const mine = useMemo(() => [...orders].sort(byWindow), [orders]);
  // The day's crews, asked for again each time "Change crew" opens the chooser.
  const [chooserOpened, setChooserOpened] = useState(0);
  const crews = useDayCrews(ready ? today : "", chooserOpened, onSessionEnded);

  /** Keeps `typed` on the phone as the crew's listed name; another crew's day starts from nothing shown. */
  const keepCrew = (typed: string) => {
    const name = crewAsListed(typed, crews);
    try {
      localStorage.setItem(CREW_STORAGE_KEY, name);
    } catch {
      // not kept on this phone: asked again next time
    }
    if (name !== crew) {
      setOrders([]);
      setListCopiedAt(null);
      setLoad({ state: "loading" });
      setCrew(name);
    }
  };
  const chooseCrew = (typed: string) => {
    keepCrew(typed);
    setChoosing(false);
  };

  // A crew kept on the phone as typed ("crew 7") is asked for as the server names it ("Crew 7").
  useEffect(() => {
    if (crew && crewAsListed(crew, crews) !== crew) keepCrew(crew);
  }, [crew, crews]);

  return (
    <section class="field-page" aria-labelledby="field-heading">
      <OutboxLine outbox={outbox} online={online} />
      {order ? (
        <OrderPage key={order} number={order} technician={me.id} listed={mine.find((o) => o.number === order) ?? null} zone={zone} answers={answers}
          outbox={outbox} onSessionEnded={onSessionEnded} />
      ) : choosing ? (
        <CrewChooser crew={crew} crews={crews} onChosen={chooseCrew} onBack={crew ? () => setChoosing(false) : null} />
      ) : (
        <>
          <h1 id="field-heading" tabIndex={-1}>Today, {crew}</h1>
          <p class="field-sub">
            {formatDate(today)} · <button type="button" class="link-button" onClick={() => { setChooserOpened((n) => n + 1); setChoosing(true); }}>Change crew</button>
          </p>
          {load.state === "loading" && <p role="status" class="status-line">Loading today's orders…</p>}
          {load.state === "failed" && (
            <div class="section-problem">
              <p class="alert"><strong>Could not load today's orders.</strong><span class="detail">{load.error.detail}</span></p>
              <button type="button" class="secondary" onClick={refresh}>Try again</button>
            </div>
          )}
          {load.state === "ready" && (
            <>
              {listCopiedAt && <OfflineNote words={copyNote("list", listCopiedAt, new Date(), zone)} />}
              <p role="status" class="status-line" data-testid="field-status">
                {mine.length === 0 ? `No orders are dispatched to ${crew} today.` : `${mine.length} ${mine.length === 1 ? "order" : "orders"} today.`}
              </p>
              <ol class="field-orders">
                {mine.map((o) => {
                  const status = statusAfter(o.status, outbox.outbox.waiting, o.number);
                  const waiting = outbox.outbox.waiting.some((m) => m.order === o.number && !m.photo);
                  return (
                    <li key={o.number}>
                      <a class="field-order" href={fieldHash(o.number)} data-testid="field-order" data-order={o.number}>
                        <span class="field-window">{windowTimes(o.window_start, o.window_end, zone)}</span>
                        <span class="field-kind">{kindWords(o.kind)}</span>
                        <span class="field-details">{o.details || `Account ${o.account}`}</span>
                        <span class="field-order-foot">
                          <span class="badge order-status">{statusWords(status)}</span>
                          {waiting && <span class="badge waiting-badge">Waiting to send</span>}
                          <span class="nowrap">{o.number}</span>
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The day's crews a technician may choose from (GET /api/v1/staff/crews), asked for when the page
 * opens and again at each `asking` (the chooser opened); none while `day` is not known or with no
 * connection (the crew is typed then). Never kept on the phone: suggestions only.
 */
function useDayCrews(day: string, asking: number, onSessionEnded: (e: ApiError) => void): string[] {
  const [crews, setCrews] = useState<string[]>([]);
  useEffect(() => {
    if (!day) return;
    const ctl = new AbortController();
    fetchCrews(day, ctl.signal).then(
      (list) => setCrews(fieldCrewChoices(list)),
      (e) => {
        if (isAbort(e)) return;
        const err = asApiError(e);
        if (consoleProblem(err) === "sign-in") onSessionEnded(err);
      },
    );
    return () => ctl.abort();
  }, [day, asking, onSessionEnded]);
  return crews;
}

/** How many moves wait to be sent, and whether the phone has a connection. */
function OutboxLine({ outbox, online }: { outbox: FieldOutbox; online: boolean }) {
  const n = outbox.outbox.waiting.length;
  return (
    <div class={n > 0 || !online ? "outbox-line waiting" : "outbox-line"} role="status" data-testid="outbox-line">
      {!online && <strong>No connection. </strong>}
      {n > 0 ? (
        <>
          <span>{waitingWords(outbox.outbox.waiting)} They are sent when the connection is back.</span>{" "}
          {online && (
            <button type="button" class="secondary small" aria-disabled={outbox.sending ? "true" : undefined} onClick={outbox.flush}>
              {outbox.sending ? "Sending…" : "Send now"}
            </button>
          )}
        </>
      ) : (
        !online && <span>Your moves and photos are kept on this phone and sent when it is back.</span>
      )}
    </div>
  );
}

function CrewChooser({ crew, crews, onChosen, onBack }: { crew: string; crews: string[]; onChosen: (crew: string) => void; onBack: (() => void) | null }) {
  const [name, setName] = useState(crew);
  const [error, setError] = useState<string | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!name.trim()) {
      setError("Type your crew's name, as the dispatcher writes it.");
      document.getElementById("field-crew")?.focus();
      return;
    }
    onChosen(name.trim());
  };
  return (
    <form class="crew-chooser" onSubmit={submit} noValidate aria-labelledby="field-heading">
      <h1 id="field-heading" tabIndex={-1} ref={heading}>Your crew</h1>
      <p class="hint">Choose it once: this phone remembers it.</p>
      <div class={error ? "field invalid" : "field"}>
        <label for="field-crew">Crew</label>
        <input id="field-crew" list="field-crews" autocomplete="off" maxLength={60} value={name} aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "field-crew-error" : undefined} onInput={(e) => setName(e.currentTarget.value)} />
        <datalist id="field-crews">{crews.map((c) => <option key={c} value={c} />)}</datalist>
        {error && <p id="field-crew-error" class="field-error">{error}</p>}
      </div>
      {crews.length > 0 && (
        <ul class="crew-picks" aria-label="Today's crews">
          {crews.map((c) => (
            <li key={c}><button type="button" class="secondary" onClick={() => onChosen(c)}>{c}</button></li>
          ))}
        </ul>
      )}
      <div class="form-actions">
        <button type="submit">Show my orders</button>
        {onBack && <button type="button" class="secondary" onClick={onBack}>Back</button>}
      </div>
    </form>
  );
}

/** The copy kept on the phone is shown: said above what it shows. */
function OfflineNote({ words }: { words: string | null }) {
  if (!words) return null;
  return (
    <p class="offline-note" data-testid="offline-note">
      <strong>{words}</strong> <span>It is asked for again when the connection is back.</span>
    </p>
  );
}

function OrderPage({ number, technician, listed, zone, answers, outbox, onSessionEnded }: {
  number: string;
  /** The technician's staff id: the service worker keeps the order's copy for them. */
  technician: number;
  listed: ServiceOrder | null;
  zone: string | null;
  answers: number;
  outbox: FieldOutbox;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [order, setOrder] = useState<SitedOrder | null>(() => seen.get(number) ?? null);
  const [copiedAt, setCopiedAt] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [form, setForm] = useState<"complete" | "fail" | null>(null);
  const [full, setFull] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const ctl = new AbortController();
    fetchFieldOrder(number, technician, ctl.signal).then(
      ({ value: o, copiedAt: copied }) => {
        seen.set(number, o);
        setOrder(o);
        setCopiedAt(copied);
        setProblem(null);
      },
      (e) => {
        if (isAbort(e)) return;
        const err = asApiError(e);
        if (consoleProblem(err) === "sign-in") onSessionEnded(err);
        else setProblem(err);
      },
    );
    return () => ctl.abort();
  }, [number, technician, answers, onSessionEnded]);

  const shown: SitedOrder | null = order ?? (listed ? { ...listed } : null);
  const waiting = outbox.outbox.waiting.filter((m): m is QueuedMove => m.order === number && !m.photo);
  const refused = outbox.outbox.refused.filter((r): r is RefusedMove => r.order === number && !r.photo);
  const status = shown ? statusAfter(shown.status, outbox.outbox.waiting, number) : "";
  const room = photoRoom(order?.photos?.length ?? 0, outbox.outbox, number);

  // The move first (a completion matters more than its photo, and goes first), then its photo.
  const make = (body: FieldMoveBody, photo: ChosenPhoto | null = null) => {
    const added = outbox.add(number, body);
    setFull(!added);
    if (!added) return;
    if (photo) void outbox.addPhoto(number, body.action === "fail" ? "failure" : "reading", photo.blob).then((kept) => setFull(!kept));
    setForm(null);
    requestAnimationFrame(() => document.getElementById("field-moves-heading")?.focus());
  };

  return (
    <article class="field-order-page" aria-labelledby="field-heading">
      <a class="back" href={fieldHash()}>← Today's orders</a>
      <h1 id="field-heading" tabIndex={-1} ref={heading}>{shown ? kindWords(shown.kind) : number}</h1>
      {!shown && !problem && <p role="status" class="status-line">Loading {number}…</p>}
      {problem && !shown && (
        <p class="alert"><strong>Could not load {number}.</strong><span class="detail">{problem.detail}</span></p>
      )}
      {shown && (
        <>
          {order && copiedAt && <OfflineNote words={copyNote("order", copiedAt, new Date(), zone)} />}
          <p class="field-sub">
            <span class="nowrap">{number}</span> · <span class="badge order-status" data-testid="order-status">{statusWords(status)}{waiting.length > 0 ? ", not sent yet" : ""}</span>
          </p>
          <dl class="field-facts">
            <dt>When</dt>
            <dd>{shown.window_start ? `${windowTimes(shown.window_start, shown.window_end, zone)}` : "No window"}</dd>
            <dt>Where</dt>
            <dd data-testid="site-address">{siteLine(shown.site) || shown.details}</dd>
            <dt>What to do</dt>
            <dd>{kindWords(shown.kind)}{shown.details ? `: ${shown.details}` : ""}</dd>
            {shown.failure_reason && (<><dt>Not done last time</dt><dd>{shown.failure_reason}</dd></>)}
          </dl>
          <Meters meters={shown.site?.meters ?? null} zone={zone} />
          <h2 id="field-moves-heading" tabIndex={-1}>Your moves</h2>
          {waiting.length > 0 && (
            <ul class="waiting-moves" data-testid="waiting-moves">
              {waiting.map((m) => (
                <li key={m.key}>
                  <strong>{MOVE_WORDS[m.body.action]}: waiting to send</strong>
                  <span class="explain">Made {formatInstantIn(m.made_at, zone)}{m.tries > 0 ? `; tried ${m.tries} ${m.tries === 1 ? "time" : "times"}` : ""}.</span>
                </li>
              ))}
            </ul>
          )}
          {refused.map((r) => (
            <Refusal key={r.key} refusal={r} onConfirm={(body) => { outbox.forget(r.key); make(body); }} onDismiss={() => {
              outbox.forget(r.key);
              if (refusedReading(r.field) !== null || newMeterField(r.field) !== null) setForm("complete");
            }} />
          ))}
          {form === "complete" ? (
            <CompleteForm kind={shown.kind} commodity={shown.commodity ?? null} meters={shown.site?.meters ?? null} photoRoom={room} onSend={make}
              onBack={() => setForm(null)} />
          ) : form === "fail" ? (
            <FailForm photoRoom={room} onSend={make} onBack={() => setForm(null)} />
          ) : (
            <MoveButtons status={status} waiting={waiting.length > 0} onMove={(a) => (a === "complete" || a === "fail" ? setForm(a) : make({ action: a }))} />
          )}
          {full && <p class="alert" role="alert"><strong>Not kept: too many moves or photos are waiting to send.</strong><span class="detail">Find a connection so they can be sent, then try again.</span></p>}
          {problem && shown && <p class="alert"><strong>Could not ask for {number} again.</strong><span class="detail">{problem.detail}</span></p>}
          <OrderPhotos number={number} kept={order ? order.photos ?? [] : null} outbox={outbox} zone={zone} />
        </>
      )}
    </article>
  );
}

function MoveButtons({ status, waiting, onMove }: { status: string; waiting: boolean; onMove: (action: FieldAction) => void }) {
  const moves = fieldMovesFrom(status);
  if (moves.length === 0) {
    if (waiting) return <p class="hint">Done on this phone. It is sent when there is a connection: you may go on to the next order.</p>;
    return <p class="hint">{status === "completed" ? "Done. Nothing more to do here." : `Nothing for you to do while it is ${statusWords(status).toLowerCase()}.`}</p>;
  }
  return (
    <div class="field-moves">
      {moves.map((a) => (
        <button key={a} type="button" class={a === "fail" ? "secondary" : ""} onClick={() => onMove(a)}>
          {a === "complete" ? "Complete…" : a === "fail" ? "Could not do it…" : MOVE_WORDS[a]}
        </button>
      ))}
    </div>
  );
}

function Meters({ meters, zone }: { meters: SiteMeter[] | null; zone: string | null }) {
  if (meters === null) return <p class="hint">The meters show once the order is loaded.</p>;
  if (meters.length === 0) return <p class="hint">No meter is recorded here.</p>;
  return (
    <>
      <h2>Meters</h2>
      <ul class="field-meters">
        {meters.map((m, i) => (
          <li key={m.serial ?? i}>
            <strong>{m.serial ?? "No meter"}</strong> · {kindWords(m.commodity)}{m.unit ? `, ${m.unit}` : ""}
            <span class="explain">
              {m.automatic
                ? "Read automatically: no reading needed."
                : !m.serial
                  ? "Nothing to read."
                  : m.last_reading
                  ? `Last reading ${readingWords(m.last_reading)}${m.last_read_at ? ` on ${formatInstantIn(m.last_read_at, zone)}` : ""}.`
                  : "No reading yet."}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A move the server refused: its words, and for an unlikely reading, "It is right" (sent again, confirmed). */
function Refusal({ refusal, onConfirm, onDismiss }: { refusal: RefusedMove; onConfirm: (body: FieldMoveBody) => void; onDismiss: () => void }) {
  const index = refusedReading(refusal.field);
  const read = index !== null ? refusal.body.reads?.[index] : undefined;
  const confirmable = read !== undefined && readingMayBeConfirmed(refusal.detail);
  const confirm = () => {
    const reads = (refusal.body.reads ?? []).map((r, i) => (i === index ? { ...r, confirmed: true } : r));
    onConfirm({ ...refusal.body, reads });
  };
  return (
    <div class="alert refusal" role="alert" data-testid="move-refused">
      <strong>{MOVE_WORDS[refusal.body.action]}: not done.</strong>
      <span class="detail">
        {read ? `The reading ${read.reading} of meter ${read.meter}: ` : ""}{refusal.detail}
      </span>
      <div class="form-actions">
        {confirmable && <button type="button" onClick={confirm}>It is right</button>}
        <button type="button" class="secondary" onClick={onDismiss}>{read ? "Read it again" : "OK"}</button>
      </div>
    </div>
  );
}

