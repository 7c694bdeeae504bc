// The audit trail page's checks and words (pure; test/staffAudit.test.mjs).

import type { ApiError, AuditRecord } from "./api.ts";
import type { FieldErrors } from "./forms.ts";
import { AUDIT_FILTERS } from "./route.ts";
import type { AuditFilter, AuditFilters } from "./route.ts";

/** "2026-12-06": a real calendar date, written as the API takes it. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** What the filter form checks before asking (the server checks again); keyed by filter name. */
export function checkAuditFilters(filters: AuditFilters): FieldErrors {
  const errors: FieldErrors = {};
  const { account, staff, from, to } = filters;
  if (account && !/^\d+$/.test(account)) errors.account = "Type the account number's digits only.";
  if (staff && !/^[^\s@]+@[^\s@]+$/.test(staff)) errors.staff = "Type the staff user's work email, like ana@utility.example.";
  if (from && !isIsoDate(from)) errors.from = "Type a date as YYYY-MM-DD.";
  if (to && !isIsoDate(to)) errors.to = "Type a date as YYYY-MM-DD.";
  else if (to && from && isIsoDate(from) && to < from) errors.to = "The last day is before the first day.";
  return errors;
}

function isFilter(name: string): name is AuditFilter {
  return (AUDIT_FILTERS as readonly string[]).includes(name);
}

/**
 * Where a refused search goes: the filter the server named (422 invalid-input with its `field`,
 * or each of a 400's invalid parameters) to its field; the alert when the server named no
 * field, or one the form does not have.
 */
export function auditProblem(e: ApiError): { fields: FieldErrors; alert: boolean } {
  const fields: FieldErrors = {};
  if (e.status === 422 && e.field) {
    if (isFilter(e.field)) fields[e.field] = e.detail;
    return { fields, alert: !isFilter(e.field) };
  }
  let alert = e.status !== 400 || !e.invalidParams?.length;
  for (const p of e.invalidParams ?? []) {
    if (isFilter(p.name)) fields[p.name] = p.reason;
    else alert = true;
  }
  return { fields, alert };
}

/** The Who column: the actor's name, with what the trail calls them below it (none if no name). */
export function actorLines(r: Pick<AuditRecord, "actor" | "actor_name">): { name: string; id: string } {
  const name = r.actor_name?.trim();
  return name ? { name, id: r.actor } : { name: r.actor, id: "" };
}

/** The Target column: its label, else what the trail calls it, else a dash. */
export function targetLabel(r: Pick<AuditRecord, "target" | "target_label">): string {
  return r.target_label?.trim() || r.target?.trim() || "—";
}

/** The status line under the form. */
export function auditStatus(state: { loading: boolean; count: number | null; more: boolean }): string {
  if (state.loading && state.count === null) return "Loading records…";
  if (state.count === null) return "";
  if (state.count === 0) return "No records match.";
  const shown = `${state.count} record${state.count === 1 ? "" : "s"} shown`;
  if (state.loading) return `${shown}; loading older records…`;
  return state.more ? `${shown}; older records remain.` : `${shown}.`;
}
