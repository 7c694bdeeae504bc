import type { AuditRecord } from "./api";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { actorLines, targetLabel } from "./audit";

/** The id of a record's row header, which takes focus when "Show older" adds it. */
export const auditRecordId = (r: AuditRecord) => `audit-record-${r.id}`;

/** A column's name beside its value when the rows are stacked (phones); screen readers use the headers. */
function CellLabel({ children }: { children: string }) {
  return (
    <span class="cell-label" aria-hidden="true">
      {children}
    </span>
  );
}

function RecordRow({ r, zone }: { r: AuditRecord; zone: string | null }) {
  const who = actorLines(r);
  return (
    <tr role="row">
      <th role="rowheader" scope="row" class="when" id={auditRecordId(r)} tabIndex={-1}>
        <CellLabel>When</CellLabel>
        <time dateTime={r.at}>{formatInstantIn(r.at, zone)}</time>
      </th>
      <td role="cell" class="who">
        <CellLabel>Who</CellLabel>
        <span>
          <span class="actor-name">{who.name}</span> {who.id && <span class="actor">{who.id}</span>}
        </span>
      </td>
      <td role="cell" class="action">
        <CellLabel>Action</CellLabel>
        <code>{r.action}</code>
      </td>
      <td role="cell" class="target">
        <CellLabel>Target</CellLabel>
        <span>{targetLabel(r)}</span>
      </td>
      <td role="cell" class="outcome">
        <CellLabel>Outcome</CellLabel>
        <span class={`badge ${r.outcome}`}>{r.outcome}</span>
      </td>
      <td role="cell" class="from">
        <CellLabel>From</CellLabel>
        <span>{r.client_address || "—"}</span>
      </td>
    </tr>
  );
}

/**
 * The records, newest first: a table on wider screens, one stacked block per record on phones.
 * (The roles are spelled out: some browsers drop a table's semantics when CSS changes its display.)
 */
export function AuditRecords({ records, busy }: { records: AuditRecord[]; busy: boolean }) {
  // Times on the utility's clocks (the audit trail needs audit.read; its roles have billing.read too).
  const zone = useUtilityZone(true);
  return (
    <table role="table" class="audit-table" aria-label="Audit records" aria-busy={busy ? "true" : undefined}>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">When</th>
          <th role="columnheader" scope="col">Who</th>
          <th role="columnheader" scope="col">Action</th>
          <th role="columnheader" scope="col">Target</th>
          <th role="columnheader" scope="col">Outcome</th>
          <th role="columnheader" scope="col">From</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {records.map((r) => (
          <RecordRow key={r.id} r={r} zone={zone} />
        ))}
      </tbody>
    </table>
  );
}
