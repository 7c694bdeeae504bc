// One report's page (GET /api/v1/staff/reports/{name}): the range form (from and to; none for a
// report as of today), which puts the range in the address; the chart of the answer and its table
// (figures right-aligned, the totals in bold at the foot), and the CSV file of the same table and
// range. Without a range in the address the server's default is shown (the last 30 days in the
// utility's zone) and the form takes its days. A range the server refuses is said at its field.
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../shared/format";
import type { ApiError } from "./api";
import { fetchReport } from "./reportsApi";
import { RANGE_FIELDS, cellText, checkRange, isFigure, rangeWords, reportCsvPath } from "./reports";
import type { ReportInfo, ReportTable } from "./reports";
import { reportsHash } from "./reportsRoute";
import type { ReportRange } from "./reportsRoute";
import { chartDataOf } from "./reportChart";
import { useResource } from "./useResource";
import { dataOf } from "./resource";
import type { Resource } from "./resource";
import { Field, focusField } from "./Field";
import { firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { asSentence, codeLabel } from "./labels";
import { ScreenHeading } from "./WorkParts";
import { ReportChart } from "./ReportChart";

const fieldId = (f: string) => `report-${f}`;

export function ReportScreen({ name, range, catalog, onSessionEnded }: {
  name: string;
  range: ReportRange;
  catalog: Resource<ReportInfo[]>;
  onSessionEnded: (e: ApiError) => void;
}) {
  const info = dataOf(catalog)?.find((r) => r.name === name) ?? null;
  const report = useResource((signal) => fetchReport(name, range.from, range.to, signal), `${range.from}|${range.to}`, onSessionEnded);
  const table = dataOf(report.resource);
  const failed = report.resource.state === "failed" ? report.resource.error : null;
  const rangeRefused = failed && failed.status === 422 && (failed.field === "from" || failed.field === "to") ? failed : null;
  // Until the catalog says otherwise (or when it could not load), a report takes a range.
  const ranged = info ? info.ranged : true;
  const title = info?.title ?? table?.title ?? codeLabel(name);
  const loading = report.resource.state === "loading";

  return (
    <section class="report" aria-labelledby="work-heading" aria-busy={loading ? "true" : undefined}>
      <a class="back" href={reportsHash()}>← All reports</a>
      <ScreenHeading>{title}</ScreenHeading>
      {info && <p class="hint area-about">{asSentence(info.description)}</p>}
      {ranged ? (
        <RangeForm name={name} range={range} answered={table} refused={rangeRefused} onSame={report.reload} />
      ) : (
        table && <p class="as-of" data-testid="report-as-of">As of {formatDate(table.to)}.</p>
      )}
      <div class="report-summary">
        <p role="status" class="status-line" data-testid="report-status">
          {loading ? "Loading the report…" : table ? rowsWords(table, ranged) : ""}
        </p>
        {table && (
          <p class="report-files">
            <a href={reportCsvPath(name, ranged ? table.from : "", ranged ? table.to : "")} download data-testid="report-csv">
              Download CSV<span class="visually-hidden"> of {title}, {rangeWords(table, ranged)}</span>
            </a>
          </p>
        )}
      </div>
      {failed && !rangeRefused && (
        <div class="section-problem" data-testid="report-problem">
          <p class="alert">
            <strong>Could not load the report.</strong>
            <span class="detail">{failed.detail}</span>
          </p>
          {failed.status !== 404 && (
            <button type="button" class="secondary" onClick={report.reload}>Try again<span class="visually-hidden"> to load the report</span></button>
          )}
        </div>
      )}
      {table && <ReportFigures table={table} title={title} ranged={ranged} />}
    </section>
  );
}

/** "14 rows, Nov 7, 2026 to Dec 6, 2026." */
function rowsWords(t: ReportTable, ranged: boolean): string {
  const n = t.rows.length;
  return `${n === 0 ? "No rows" : `${n} ${n === 1 ? "row" : "rows"}`}, ${rangeWords(t, ranged)}.`;
}

/**
 * From and to (local days). Shown, the range goes into the address (a link to it shows the same
 * report); the same range again asks again (`onSame`). The days typed stay as typed; without a
 * range in the address the form takes the days the server answered for.
 */
function RangeForm({ name, range, answered, refused, onSame }: {
  name: string;
  range: ReportRange;
  answered: ReportTable | null;
  refused: ApiError | null;
  onSame: () => void;
}) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [errors, setErrors] = useState<FieldErrors>({});

  // Another range in the address (back, forward): the form shows it.
  useEffect(() => {
    if (range.from) setFrom(range.from);
    if (range.to) setTo(range.to);
  }, [range.from, range.to]);
  // The server's default range: the form takes its days.
  useEffect(() => {
    if (!answered) return;
    if (!range.from) setFrom(answered.from);
    if (!range.to) setTo(answered.to);
  }, [answered?.from, answered?.to]);
  // The server refused the range: its words at the field it names.
  useEffect(() => {
    if (!refused?.field) return;
    setErrors({ [refused.field]: asSentence(refused.detail) });
    focusField(fieldId(refused.field));
  }, [refused]);

  const submit = (e: Event) => {
    e.preventDefault();
    const found = checkRange(from, to);
    setErrors(found);
    if (hasErrors(found)) {
      focusField(fieldId(firstError(found, RANGE_FIELDS)!));
      return;
    }
    const hash = reportsHash(name, { from: from.trim(), to: to.trim() });
    if (location.hash === hash) onSame();
    else location.hash = hash;
  };
  const edit = (set: (v: string) => void, field: string) => (v: string) => {
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
    set(v);
  };

  return (
    <form class="report-range" aria-label="Days of the report" onSubmit={submit} noValidate data-testid="report-range">
      <Field id={fieldId("from")} label="From" type="date" value={from} onValue={edit(setFrom, "from")} error={errors.from} />
      <Field id={fieldId("to")} label="To" type="date" value={to} onValue={edit(setTo, "to")} error={errors.to} />
      <div class="form-actions">
        <button type="submit">Show the report</button>
      </div>
      <p class="hint range-hint">Days in the utility's time zone, both included; at most 366 of them.</p>
    </form>
  );
}

function ReportFigures({ table: t, title, ranged }: { table: ReportTable; title: string; ranged: boolean }) {
  const chart = chartDataOf(t);
  return (
    <>
      {chart && (
        <div class="panel report-chart-panel">
          <ReportChart data={chart} title={`${title}, ${rangeWords(t, ranged)}`} />
        </div>
      )}
      <div class="table-wrap report-table-wrap" role="region" aria-labelledby="report-caption" tabIndex={0}>
        <table class="data-table report-table" data-testid="report-table">
          <caption id="report-caption">{title}, {rangeWords(t, ranged)}</caption>
          <thead>
            <tr>
              {t.columns.map((c) => (
                <th key={c.key} scope="col" class={isFigure(c.kind) ? "num" : undefined}>{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.rows.length === 0 && (
              <tr>
                <td colSpan={t.columns.length}>Nothing to report for these days.</td>
              </tr>
            )}
            {t.rows.map((row, i) => <ReportRow key={i} table={t} row={row} />)}
          </tbody>
          {t.totals.length > 0 && (
            <tfoot>
              {t.totals.map((row, i) => <ReportRow key={i} table={t} row={row} totals />)}
            </tfoot>
          )}
        </table>
      </div>
    </>
  );
}

function ReportRow({ table: t, row, totals }: { table: ReportTable; row: ReportTable["rows"][number]; totals?: boolean }) {
  return (
    <tr class={totals ? "totals" : undefined} data-testid={totals ? "report-totals" : undefined}>
      {t.columns.map((c, j) => {
        const text = cellText(row[j], c.kind);
        const cls = isFigure(c.kind) ? "num" : c.kind === "date" ? "nowrap" : undefined;
        return j === 0 ? (
          <th key={c.key} scope="row" class={cls}>{text}</th>
        ) : (
          <td key={c.key} class={cls}>{text}</td>
        );
      })}
    </tr>
  );
}
