// One outage (accounts.read): its facts (device, status, cause, customers out, ETR and who set it,
// crew, times, what customers are told), what staff with outages.manage may do with it
// (OutageActions.tsx), the devices and homes under it when the server lists them, and every move
// (who, when, what). Asked for again every 15 seconds and after each move; a move someone else
// made meanwhile (409) is said, and the outage shown as it is now.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError, Staff } from "./api";
import { fetchOutage } from "./outagesApi";
import {
  OUTAGES_MANAGE_PERMISSION, OUTAGES_REFRESH_MS, actorWords, causeWords, customersWords, deviceKindWords, deviceWords, homeWords, isEtrPast, isOpen,
  isPlannedAhead, isToConfirm, moveWords, outageCustomersWords, outagesHash, shortTime, statusWords,
} from "./outages";
import type { OutageDetail, OutageMoveRecord } from "./outages";
import { usePolled } from "./usePolled";
import { useOrdersZone } from "./useOrdersZone";
import { formatZoneName } from "./localTime";
import { ActionOutcome } from "./WorkParts";
import { OutageActions, OUTCOME_ID } from "./OutageActions";
import "./outages.css";

export function OutageView({ number, me, onSessionEnded }: { number: string; me: Staff; onSessionEnded: (e: ApiError) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { zone } = useOrdersZone();
  const detail = usePolled((signal) => fetchOutage(number, signal), number, OUTAGES_REFRESH_MS, onSessionEnded);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  useEffect(() => setSaid(null), [number]);
  const loaded = detail.data !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, number]);
  const now = detail.at ?? Date.now();
  // Moves are offered to staff with outages.manage, on an outage still open.
  const canMove = me.permissions.includes(OUTAGES_MANAGE_PERMISSION) && detail.data !== undefined && isOpen(detail.data.outage.status);

  return (
    <>
      <a class="back" href={outagesHash()}>← All outages</a>
      {detail.data ? (
        <article class="outage-view" aria-labelledby="outage-heading" data-testid="outage-view">
          <Head detail={detail.data} headingRef={heading} now={now} />
          <ActionOutcome id={OUTCOME_ID} refused={said?.refused}>{said && <strong>{said.text}</strong>}</ActionOutcome>
          {detail.error && <RefreshProblem error={detail.error} onRetry={detail.refresh} />}
          <div class={canMove ? "outage-layout with-actions" : "outage-layout"}>
            <Facts detail={detail.data} zone={zone} now={now} meId={me.id} />
            {canMove && (
              <OutageActions key={`${number}|${detail.data.outage.status}`} detail={detail.data} zone={zone}
                onSaid={(text, refused) => setSaid({ text, refused })} onChanged={detail.refresh} onSessionEnded={onSessionEnded} />
            )}
          </div>
          <Parts detail={detail.data} ahead={isPlannedAhead(detail.data.outage, now)} />
          <Moves moves={detail.data.moves} zone={zone} now={now} meId={me.id} />
          {zone && <p class="hint">Times on the utility's clocks ({formatZoneName(zone)}).</p>}
        </article>
      ) : detail.error ? (
        <>
          <h1>Could not open outage {number}</h1>
          <div class="section-problem">
            <p class="alert">
              <strong>{detail.error.status === 404 ? `There is no outage ${number}.` : "Could not load the outage."}</strong>
              <span class="detail">{detail.error.detail}</span>
            </p>
            {detail.error.status !== 404 && <button type="button" class="secondary" onClick={detail.refresh}>Try again</button>}
          </div>
        </>
      ) : (
        <p role="status" class="status-line">Loading outage {number}…</p>
      )}
    </>
  );
}

function RefreshProblem({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <div class="section-problem">
      <p class="alert">
        <strong>Could not refresh the outage; what is shown may be out of date.</strong>
        <span class="detail">{error.detail}</span>
      </p>
      <button type="button" class="secondary" onClick={onRetry}>Try again</button>
    </div>
  );
}

function Head({ detail, headingRef, now }: { detail: OutageDetail; headingRef: { current: HTMLHeadingElement | null }; now: number }) {
  const o = detail.outage;
  const ahead = isPlannedAhead(o, now);
  return (
    <header class="outage-head">
      <h1 id="outage-heading" tabIndex={-1} ref={headingRef}>Outage {o.number}</h1>
      <span class={`badge outage-status ${o.status}`} data-testid="outage-status">{statusWords(o.status)}</span>
      {isToConfirm(o) && <span class="badge confirm-badge">To confirm</span>}
      {o.planned && <span class="badge planned-badge" data-testid="outage-planned">Planned</span>}
      <p class="outage-summary-line">
        {deviceWords(o.device)} ·{" "}
        {ahead
          ? <><strong data-testid="outage-customers">{o.customers_total}</strong> customers go out at its start</>
          : <><strong data-testid="outage-customers">{customersWords(o.customers_out, o.customers_total)}</strong> customers out</>}
      </p>
    </header>
  );
}

/** The ETR's latest setting: by whom (the history's estimate, or staff), with its basis. */
function etrSource(moves: readonly OutageMoveRecord[], meId: number): string | null {
  const last = [...moves].reverse().find((m) => m.etr !== null);
  if (!last) return null;
  return last.actor === "system:history" ? `estimated from past outages${last.note ? `: ${last.note}` : ""}` : `set by ${actorWords(last.actor, meId).replace(/^You$/, "you")}${last.note ? ` (${last.note})` : ""}`;
}

function Facts({ detail, zone, now, meId }: { detail: OutageDetail; zone: string | null; now: number; meId: number }) {
  const o = detail.outage;
  const source = etrSource(detail.moves, meId);
  return (
    <section class="panel outage-facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Facts</h2>
      <dl class="outage-fact-list" data-testid="outage-facts">
        <div><dt>Device</dt><dd>{deviceWords(o.device)}</dd></div>
        <div>
          <dt>Status</dt>
          <dd>{statusWords(o.status)}{isToConfirm(o) && <span class="explain">Predicted from the signals; nobody has confirmed it yet.</span>}</dd>
        </div>
        <div><dt>Cause</dt><dd data-testid="outage-cause">{causeWords(o.cause)}</dd></div>
        <div><dt>Customers out</dt><dd>{outageCustomersWords(o, now)}</dd></div>
        <div>
          <dt>ETR</dt>
          <dd data-testid="outage-etr">
            {o.etr ? shortTime(o.etr, zone, now) : "None"}
            {isEtrPast(o, now) && <span class="badge past-badge">Passed</span>}
            {source && <span class="explain">{source}</span>}
          </dd>
        </div>
        <div><dt>Crew</dt><dd>{o.crew ?? (isOpen(o.status) ? "None yet" : "None")}</dd></div>
        <div>
          <dt>{isPlannedAhead(o, now) ? "Starts" : "Began"}</dt>
          <dd data-testid="outage-began">
            {shortTime(o.began_at, zone, now)}
            {o.planned && <span class="explain">Planned work: its homes were told ahead.</span>}
          </dd>
        </div>
        <div><dt>Updated</dt><dd>{shortTime(o.updated_at, zone, now)}</dd></div>
        {o.restored_at && <div><dt>Restored</dt><dd>{shortTime(o.restored_at, zone, now)}</dd></div>}
        <div class="wide-fact"><dt>What customers are told</dt><dd data-testid="outage-public-note">{o.public_note || "Nothing yet beyond the status and ETR."}</dd></div>
      </dl>
    </section>
  );
}

/** The devices and homes under the outage, when the server lists them (planned work ahead: homes going out at its start). */
function Parts({ detail, ahead }: { detail: OutageDetail; ahead: boolean }) {
  const devices = detail.devices ?? [];
  const homes = detail.homes ?? [];
  if (devices.length === 0 && homes.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="parts-heading" data-testid="outage-parts">
      <h2 id="parts-heading">Under this outage</h2>
      {devices.length > 0 && (
        <div class="table-wrap">
          <table class="data-table">
            <caption class="visually-hidden">Devices under the outage</caption>
            <thead><tr><th scope="col">Device</th><th scope="col" class="num">Customers out</th></tr></thead>
            <tbody>
              {devices.map((d) => (
                <tr key={`${d.kind}:${d.id}`}>
                  <th scope="row"><span class="device-kind">{deviceKindWords(d.kind)}</span> {d.name}</th>
                  <td class="num">{customersWords(d.customers_out, d.customers_total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {homes.length > 0 && (
        <ul class="outage-homes" aria-label="Homes in the outage">
          {homes.map((h) => (
            <li key={h.service_point} class={h.dark ? "dark" : "back"} data-testid="outage-home">
              <span class={h.dark ? (ahead ? "badge planned-badge" : "badge dark-badge") : "badge back-badge"}>
                {h.dark ? (ahead ? "At its start" : "Out") : h.moved_to ? "Moved" : "Back"}
              </span> {homeWords(h)}
              {h.moved_to && <> to <a href={outagesHash(h.moved_to)}>{h.moved_to}</a></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Moves({ moves, zone, now, meId }: { moves: OutageMoveRecord[]; zone: string | null; now: number; meId: number }) {
  return (
    <section class="panel" aria-labelledby="moves-heading">
      <h2 id="moves-heading">Moves</h2>
      <div class="table-wrap">
        <table class="data-table outage-moves" data-testid="outage-moves">
          <caption class="visually-hidden">Every move of the outage, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              <th scope="col">Note</th>
              <th scope="col">ETR</th>
            </tr>
          </thead>
          <tbody>
            {[...moves].reverse().map((m, i) => (
              <tr key={`${m.at}|${i}`} data-testid="outage-move">
                <td class="nowrap">{shortTime(m.at, zone, now)}</td>
                <th scope="row">
                  {moveWords(m.action)}
                  {m.from !== m.to && <span class="explain">{statusWords(m.from)} → {statusWords(m.to)}</span>}
                </th>
                <td>{actorWords(m.actor, meId)}</td>
                <td>{m.note || "—"}</td>
                <td class="nowrap">{m.etr ? shortTime(m.etr, zone, now) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
