// The bill schedule of a month (GET /api/v1/staff/bill-schedule): each cycle's read date, bill date
// and the period its bill covers, on the business days the holidays leave, and the month's
// holidays. It opens on the utility's month; the buttons go a month back or on. It is asked for
// again whenever `round` changes (a setting was saved), the last answer staying on screen meanwhile:
// a new holiday is seen moving the cycle read on it to the next business day.
import { useRef, useState } from "preact/hooks";
import { formatDate, formatMonth } from "../shared/format";
import type { ApiError } from "./api";
import { fetchBillSchedule } from "./settingsApi";
import { shiftMonth } from "./settings";
import type { BillSchedule } from "./settings";
import { useResource } from "./useResource";
import { headingId } from "./Section";

const ID = "bill-schedule";

const shortDay = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
const monthDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "2026-12-07" -> "Mon, Dec 7" (the month is the table's). */
function dayWords(day: string, format = shortDay): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : format.format(d);
}

export function BillSchedulePanel({ round, onSessionEnded }: { round: number; onSessionEnded: (e: ApiError) => void }) {
  // null: the utility's month (the server's "this month"), until the user moves.
  const [month, setMonth] = useState<string | null>(null);
  const loaded = useResource((signal) => fetchBillSchedule(month, signal), `${month ?? "now"}|${round}`, onSessionEnded);
  const kept = useRef<BillSchedule | null>(null);
  if (loaded.resource.state === "ready") kept.current = loaded.resource.data;
  const shown = kept.current;
  const busy = loaded.resource.state === "loading";
  const failed = loaded.resource.state === "failed" ? loaded.resource.error : null;

  const move = (by: number) => {
    if (shown) setMonth(shiftMonth(shown.month, by));
  };

  return (
    <section id={`${ID}-section`} class="panel bill-schedule" aria-labelledby={headingId(ID)} aria-busy={busy ? "true" : undefined}
      data-testid="bill-schedule">
      <h2 id={headingId(ID)} tabIndex={-1}>Bill schedule</h2>
      <p class="hint">
        Cycle by cycle, the day its meters are read and the day its bills are dated: the business days (weekdays that are
        not holidays) the holidays leave. A cycle read on a new holiday moves to the next business day.
      </p>
      {shown && (
        <div class="month-switch">
          <h3 class="shown-month" aria-live="polite" data-testid="schedule-month">{formatMonth(shown.month)}</h3>
          <button type="button" class="secondary small" aria-disabled={busy ? "true" : undefined} onClick={() => !busy && move(-1)}>
            <span aria-hidden="true">← </span>Previous<span class="visually-hidden"> month, {formatMonth(shiftMonth(shown.month, -1))}</span>
          </button>
          <button type="button" class="secondary small" aria-disabled={busy ? "true" : undefined} onClick={() => !busy && move(1)}>
            Next<span class="visually-hidden"> month, {formatMonth(shiftMonth(shown.month, 1))}</span><span aria-hidden="true"> →</span>
          </button>
        </div>
      )}
      <p role="status" class="status-line">{busy ? "Loading the schedule…" : ""}</p>
      {failed && (
        <div class="section-problem">
          <p class="alert">
            <strong>Could not load the bill schedule.</strong>
            <span class="detail">{failed.detail}</span>
          </p>
          <button type="button" class="secondary" onClick={loaded.reload}>Try again<span class="visually-hidden"> to load the bill schedule</span></button>
        </div>
      )}
      {shown && <ScheduleTable schedule={shown} />}
    </section>
  );
}

function ScheduleTable({ schedule: s }: { schedule: BillSchedule }) {
  const month = formatMonth(s.month);
  return (
    <>
      <p class="schedule-holidays" data-testid="schedule-holidays">
        <strong>Holidays in {month}:</strong>{" "}
        {s.holidays.length === 0
          ? "none"
          : s.holidays.map((d, i) => (
              <span key={d}>
                {i > 0 && ", "}
                <time dateTime={d}>{formatDate(d)}</time>
              </span>
            ))}
      </p>
      <div class="table-wrap" role="region" aria-labelledby="schedule-caption" tabIndex={0}>
        <table class="data-table schedule-table">
          <caption id="schedule-caption" class="visually-hidden">Cycles' dates in {month} ({s.time_zone})</caption>
          <thead>
            <tr>
              <th scope="col" class="num">Cycle</th>
              <th scope="col">Read</th>
              <th scope="col">Bill date</th>
              <th scope="col">Period billed</th>
              <th scope="col" class="num">Days</th>
            </tr>
          </thead>
          <tbody>
            {s.cycles.map((c) => (
              <tr key={c.cycle} data-cycle={c.cycle}>
                <th scope="row" class="num">{c.cycle}</th>
                <td class="nowrap" data-testid="read-date"><time dateTime={c.read_date}>{dayWords(c.read_date)}</time></td>
                <td class="nowrap" data-testid="bill-date"><time dateTime={c.bill_date}>{dayWords(c.bill_date)}</time></td>
                <td class="nowrap">
                  <time dateTime={c.period.start}>{dayWords(c.period.start, monthDay)}</time> –{" "}
                  <time dateTime={c.period.end}>{dayWords(c.period.end, monthDay)}</time>
                </td>
                <td class="num">{c.period.days}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
