// The outage console's main screen (accounts.read): the storm summary at the top (customers out
// now, open outages, restored today, the last hour's signals, and the last 24 hours charted), the
// open outages (most customers out first; predicted ones nobody confirmed yet marked "To confirm"),
// the signals by device of the last 12 hours (those in no outage first), and the outages ended in
// the last 24 hours. Everything is asked for again every 15 seconds. A server without the summary
// or the signals (404) shows the rest. Staff with outages.manage open an outage by hand here
// (OutageOpenForm.tsx): planned work, listed with a "Planned" badge and its start, or an outage
// they know of, such as a water main break.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { fetchOutages, fetchSignals, fetchStormSummary } from "./outagesApi";
import {
  OUTAGES_REFRESH_MS, beganWords, causeWords, deviceKindWords, isEtrPast, isPlannedAhead, isToConfirm, lastHourSignals, openLine, outageCustomersWords,
  outagesHash, plural, shortTime, sortSignals, splitOutages, statusWords,
} from "./outages";
import type { Outage, SignalDevice, StormSummary } from "./outages";
import { usePolled } from "./usePolled";
import { useOrdersZone } from "./useOrdersZone";
import { formatZoneName } from "./localTime";
import { CustomersOutChart, SignalsByHourChart } from "./OutageCharts";
import { OutageOpenForm } from "./OutageOpenForm";
import { knownDevices } from "./outageOpen";
import "./outages.css";

const OPEN_BUTTON_ID = "outages-open-button";

export function OutagesScreen({ canOpen, onSessionEnded }: { canOpen: boolean; onSessionEnded: (e: ApiError) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { zone } = useOrdersZone();
  const outages = usePolled(fetchOutages, "outages", OUTAGES_REFRESH_MS, onSessionEnded);
  const summary = usePolled(fetchStormSummary, "summary", OUTAGES_REFRESH_MS, onSessionEnded);
  const signals = usePolled(fetchSignals, "signals", OUTAGES_REFRESH_MS, onSessionEnded);
  const now = outages.at ?? Date.now();
  const lists = outages.data ? splitOutages(outages.data) : null;
  const [opening, setOpening] = useState(false);
  const closeOpening = () => {
    setOpening(false);
    requestAnimationFrame(() => document.getElementById(OPEN_BUTTON_ID)?.focus());
  };

  return (
    <section class="outages-screen" aria-labelledby="outages-heading" aria-busy={outages.data === undefined && !outages.error ? "true" : undefined}>
      <div class="outages-head">
        <h1 id="outages-heading" tabIndex={-1} ref={heading}>Outages</h1>
        {canOpen && !opening && (
          <button id={OPEN_BUTTON_ID} type="button" onClick={() => setOpening(true)}>Open an outage</button>
        )}
      </div>
      <p role="status" class="status-line" data-testid="outages-status">
        {lists
          ? `${openLine(lists.open)} Updated ${shortTime(new Date(now).toISOString(), zone, now)}; refreshed every 15 seconds.`
          : outages.error ? "" : "Loading the outages…"}
      </p>
      {outages.error && (
        <div class="section-problem">
          <p class="alert">
            <strong>{outages.data ? "Could not refresh the outages; the list shown may be out of date." : "Could not load the outages."}</strong>
            <span class="detail">{outages.error.detail}</span>
          </p>
          <button type="button" class="secondary" onClick={outages.refresh}>Try again</button>
        </div>
      )}
      {opening && (
        <OutageOpenForm zone={zone} known={knownDevices(outages.data ?? [], signals.data?.devices ?? [])} onBack={closeOpening} onSessionEnded={onSessionEnded} />
      )}
      {summary.data ? <Summary summary={summary.data} zone={zone} /> : summary.error && <PartProblem what="the storm summary" error={summary.error} />}
      {lists && (
        <section class="panel" aria-labelledby="open-outages-heading">
          <h2 id="open-outages-heading">Open outages <span class="count-badge">{lists.open.length}</span></h2>
          {lists.open.length === 0
            ? <p>No outage is open.</p>
            : <OutagesTable outages={lists.open} zone={zone} now={now} caption="Open outages, most customers out first" testId="open-outages" />}
          {zone && <p class="hint">Times on the utility's clocks ({formatZoneName(zone)}).</p>}
        </section>
      )}
      {signals.data ? <Signals devices={signals.data.devices} /> : signals.error && <PartProblem what="the signals by device" error={signals.error} />}
      {lists && lists.ended.length > 0 && (
        <section class="panel" aria-labelledby="ended-outages-heading">
          <h2 id="ended-outages-heading">Ended in the last 24 hours <span class="count-badge">{lists.ended.length}</span></h2>
          <OutagesTable outages={lists.ended} zone={zone} now={now} caption="Outages ended in the last 24 hours, newest first" testId="ended-outages" ended />
        </section>
      )}
    </section>
  );
}

/** A part of the screen that could not load (the rest is shown; it is asked for again with the rest). */
function PartProblem({ what, error }: { what: string; error: ApiError }) {
  return (
    <p class="alert">
      <strong>Could not load {what}.</strong>
      <span class="detail">{error.detail}</span>
    </p>
  );
}

function Summary({ summary, zone }: { summary: StormSummary; zone: string | null }) {
  const hour = lastHourSignals(summary);
  const asOf = Date.parse(summary.as_of);
  return (
    <section class="panel storm-summary" aria-labelledby="storm-heading" data-testid="storm-summary">
      <h2 id="storm-heading">Storm summary</h2>
      <dl class="storm-figures">
        <div data-testid="figure-customers-out"><dt>Customers out now</dt><dd>{summary.customers_out}</dd></div>
        <div data-testid="figure-open"><dt>Open outages</dt><dd>{summary.outages_open}</dd></div>
        <div data-testid="figure-restored"><dt>Customers restored today</dt><dd>{summary.restored_today}</dd></div>
        <div data-testid="figure-last-hour">
          <dt>Signals this hour</dt>
          <dd>{hour.reports + hour.lastGasps}</dd>
          <dd class="explain">{plural(hour.reports, "report")}, {plural(hour.lastGasps, "last gasp")}</dd>
        </div>
      </dl>
      <div class="storm-charts">
        <CustomersOutChart summary={summary} zone={zone} />
        <SignalsByHourChart summary={summary} zone={zone} />
      </div>
      <p class="hint">As of {shortTime(summary.as_of, zone, Number.isNaN(asOf) ? Date.now() : asOf)}.</p>
    </section>
  );
}

function OutagesTable({ outages, zone, now, caption, testId, ended = false }: {
  outages: Outage[];
  zone: string | null;
  now: number;
  caption: string;
  testId: string;
  ended?: boolean;
}) {
  return (
    <div class="table-wrap">
      <table class="data-table outages-table" data-testid={testId}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Outage</th>
            <th scope="col">Device</th>
            <th scope="col">Status</th>
            <th scope="col">Cause</th>
            <th scope="col" class="num">Customers out</th>
            <th scope="col">{ended ? "Ended" : "ETR"}</th>
            <th scope="col">Crew</th>
            <th scope="col">Began</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {outages.map((o) => (
            <tr key={o.number} class={isToConfirm(o) ? "to-confirm" : isPlannedAhead(o, now) ? "planned-ahead" : undefined} data-testid="outage-row" data-outage={o.number}>
              <th scope="row">
                <a href={outagesHash(o.number)}>{o.number}</a>
                {isToConfirm(o) && <span class="badge confirm-badge" data-testid="to-confirm">To confirm</span>}
                {o.planned && <span class="badge planned-badge" data-testid="planned">Planned</span>}
              </th>
              <td>
                <span class="device-kind">{deviceKindWords(o.device.kind)}</span> {o.device.name}
              </td>
              <td><span class={`badge outage-status ${o.status}`}>{statusWords(o.status)}</span></td>
              <td>{causeWords(o.cause)}</td>
              <td class="num" data-testid="customers-out">{outageCustomersWords(o, now)}</td>
              <td class="nowrap">
                {ended ? shortTime(o.restored_at ?? o.updated_at, zone, now) : shortTime(o.etr, zone, now)}
                {!ended && isEtrPast(o, now) && <span class="badge past-badge">Passed</span>}
              </td>
              <td>{o.crew ?? "—"}</td>
              <td class="nowrap" data-testid="began">{beganWords(o, zone, now)}</td>
              <td class="nowrap">{shortTime(o.updated_at, zone, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Signals({ devices }: { devices: SignalDevice[] }) {
  const sorted = sortSignals(devices);
  const unplaced = sorted.filter((d) => d.outage === null).length;
  return (
    <section class="panel" aria-labelledby="signals-heading" data-testid="outage-signals">
      <h2 id="signals-heading">Signals by device, last 12 hours</h2>
      <p class="hint">
        Customers' reports and meters' last gasps, by the device serving the homes.{" "}
        {unplaced > 0 ? `${plural(unplaced, "device")} with signals in no outage yet, listed first.` : "Every signal is in an outage."}
      </p>
      {sorted.length === 0 ? <p>No signals in the last 12 hours.</p> : (
        <div class="table-wrap">
          <table class="data-table signals-table">
            <caption class="visually-hidden">Signals by device, those in no outage first</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Feeder</th>
                <th scope="col" class="num">Homes</th>
                <th scope="col" class="num">Reports</th>
                <th scope="col" class="num">Last gasps</th>
                <th scope="col">Outage</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((d) => (
                <tr key={`${d.kind}:${d.id}`} class={d.outage === null ? "unplaced" : undefined} data-testid="signal-row" data-device={d.name}>
                  <th scope="row"><span class="device-kind">{deviceKindWords(d.kind)}</span> {d.name}</th>
                  <td>{d.feeder ?? "—"}</td>
                  <td class="num">{d.points}</td>
                  <td class="num">{d.reports}</td>
                  <td class="num">{d.last_gasps}</td>
                  <td>{d.outage ? <a href={outagesHash(d.outage)}>{d.outage}</a> : <span class="badge unplaced-badge">In no outage</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
