import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, asApiError, getAudit, isAbort } from "./api";
import type { AuditRecord } from "./api";
import { Field, focusField } from "./Field";
import { firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { AUDIT_FILTERS, NO_AUDIT_FILTERS, auditHash } from "./route";
import type { AuditFilter, AuditFilters } from "./route";
import { auditProblem, auditStatus, checkAuditFilters } from "./audit";
import { AuditRecords, auditRecordId } from "./AuditRecords";
import { AuditCsv } from "./AuditCsv";

interface Props {
  /** The filters in the address (#/audit?...): what the page shows. */
  filters: AuditFilters;
  /** The page's alert region (ProblemAlert); null clears it. */
  onProblem: (e: ApiError | null) => void;
  /** A refused or failed request: the console signs out on a 401, else says it in the alert. */
  onFail: (e: unknown) => void;
}

const id = (f: string) => `audit-${f}`;

/**
 * The audit trail (permission audit.read; the server refuses others, 403 permission-required,
 * and the alert says so): filters kept in the address, the records newest first, older ones on
 * asking, and every matching record as a CSV file (AuditCsv: it may ask the user to confirm it is them).
 */
export function AuditTrail({ filters, onProblem, onFail }: Props) {
  const key = auditHash(filters);
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  // A new number asks again for the same filters (the form sent as it is shown).
  const [asked, setAsked] = useState(0);
  const [focusRecord, setFocusRecord] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const olderAbort = useRef<AbortController | null>(null);

  // Move focus to the page's heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const refused = (e: unknown) => {
    if (isAbort(e)) return;
    const problem = asApiError(e);
    const { fields, alert } = auditProblem(problem);
    setErrors(fields);
    if (alert) onFail(problem);
    else focusField(id(firstError(fields, AUDIT_FILTERS)!));
  };

  // The first page, whenever the filters in the address change (and on asking again).
  useEffect(() => {
    setDraft(filters);
    setErrors({});
    setRecords(null);
    setNextBefore(null);
    setLoading(true);
    onProblem(null);
    const ctl = new AbortController();
    getAudit(filters, null, ctl.signal).then(
      (page) => {
        setRecords(page.records);
        setNextBefore(page.next_before);
        setLoading(false);
      },
      (e) => {
        if (isAbort(e)) return;
        setLoading(false);
        refused(e);
      },
    );
    return () => {
      ctl.abort();
      olderAbort.current?.abort();
    };
  }, [key, asked]);

  // The first record "Show older" added takes focus (the button may be gone).
  useEffect(() => {
    if (focusRecord) document.getElementById(focusRecord)?.focus();
  }, [focusRecord]);

  const submit = (e: Event) => {
    e.preventDefault();
    const found = checkAuditFilters(draft);
    setErrors(found);
    onProblem(null);
    if (hasErrors(found)) {
      focusField(id(firstError(found, AUDIT_FILTERS)!));
      return;
    }
    const hash = auditHash(draft);
    if (hash === key) setAsked((n) => n + 1); // the same filters: ask again
    else location.hash = hash; // a new history entry: Back returns to the filters before
  };

  const showOlder = async () => {
    if (loading || nextBefore === null || records === null) return;
    const ctl = new AbortController();
    olderAbort.current = ctl;
    setLoading(true);
    onProblem(null);
    try {
      const page = await getAudit(filters, nextBefore, ctl.signal);
      setRecords([...records, ...page.records]);
      setNextBefore(page.next_before);
      if (page.records.length > 0) setFocusRecord(auditRecordId(page.records[0]));
    } catch (err) {
      if (isAbort(err)) return;
      refused(err);
    }
    setLoading(false);
  };

  const set = (f: AuditFilter) => (value: string) => setDraft((d) => ({ ...d, [f]: value }));
  const filtered = key !== auditHash(NO_AUDIT_FILTERS);

  return (
    <section class="audit" aria-labelledby="audit-heading">
      <h1 id="audit-heading" tabIndex={-1} ref={heading}>Audit trail</h1>
      <p class="hint">Who did what, to what and when, newest first. Times are shown in your local time.</p>

      <form class="panel audit-filters" role="search" aria-label="Filter the audit trail" onSubmit={submit} noValidate>
        <div class="filter-fields">
          <Field id={id("account")} label="Account number" inputMode="numeric" autocomplete="off"
            value={draft.account} onValue={set("account")} error={errors.account} />
          <Field id={id("staff")} label="Staff email" type="email" autocomplete="off"
            value={draft.staff} onValue={set("staff")} error={errors.staff} />
          <Field id={id("action")} label="Action" autocomplete="off" value={draft.action} onValue={set("action")}
            error={errors.action} hint="A name, like account.read, or its start ending in a dot, like payment." />
          <Field id={id("from")} label="From" type="date" value={draft.from} onValue={set("from")}
            error={errors.from} hint="From the start of this day (UTC)." />
          <Field id={id("to")} label="To" type="date" value={draft.to} onValue={set("to")}
            error={errors.to} hint="Through the end of this day (UTC)." />
        </div>
        <div class="filter-actions">
          <button type="submit">Show records</button>
          {filtered && <a href={auditHash(NO_AUDIT_FILTERS)}>Clear filters</a>}
        </div>
      </form>

      <div class="audit-summary">
        <p role="status" class="status-line" data-testid="audit-status">
          {auditStatus({ loading, count: records?.length ?? null, more: nextBefore !== null })}
        </p>
        <AuditCsv filters={filters} onProblem={onProblem} onFail={onFail} />
      </div>

      {records && records.length > 0 && <AuditRecords records={records} busy={loading} />}
      {records && nextBefore !== null && (
        <button type="button" class="secondary show-older" aria-disabled={loading ? "true" : undefined}
          onClick={() => void showOlder()}>
          {loading ? "Loading…" : "Show older"}
        </button>
      )}
    </section>
  );
}
