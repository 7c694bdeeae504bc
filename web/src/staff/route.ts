// The console's hash routes (pure; test/staffRoute.test.mjs).
//
//   #/ (or anything else)   find an account
//   #/accounts/{number}     one account
//   #/audit?account=&staff=&action=&from=&to=
//                           the audit trail, its filters in the query (any may be left out)
//   #/enrol/{token}         first sign-in: the one-time link from `ratepayer staff add`
//   #/queues...               the work queues (workRoute.ts)
//   #/settings              the utility's settings, the bill schedule and the settings' changes
//   #/settings/tariffs...   the rate plans and their tariffs (tariffsRoute.ts)
//   #/reports...            the office's reports (reportsRoute.ts)
//   #/inbox...              customers' messages (inbox.ts)
//   #/dispatch?day=YYYY-MM-DD&area=97477
//                           the dispatcher's board of a day (today without a day), narrowed to
//                           an area (a five-digit ZIP code) when one is named
//   #/field                 the field technician's orders of today
//   #/field/{SO000123}      one of them: the site, the meters and the moves
//   #/outages...            the outage console (outages.ts)

import { parseWorkRoute } from "./workRoute.ts";
import type { WorkScreen } from "./workRoute.ts";
import { parseReportsRoute } from "./reportsRoute.ts";
import type { ReportsScreen } from "./reportsRoute.ts";
import { parseTariffsRoute } from "./tariffsRoute.ts";
import { parseInboxRoute } from "./inbox.ts";
import type { InboxScreen } from "./inbox.ts";
import { parseOutagesRoute } from "./outages.ts";

/** The audit trail's filters, in the form's order. */
export const AUDIT_FILTERS = ["account", "staff", "action", "from", "to"] as const;

export type AuditFilter = (typeof AUDIT_FILTERS)[number];

/** Each filter as typed (trimmed); "" when it is not set. */
export type AuditFilters = Record<AuditFilter, string>;

export const NO_AUDIT_FILTERS: AuditFilters = { account: "", staff: "", action: "", from: "", to: "" };

export type Route =
  | { page: "search" }
  | { page: "account"; number: string }
  | { page: "audit"; filters: AuditFilters }
  | { page: "enrol"; token: string }
  | { page: "work"; screen: WorkScreen }
  | { page: "settings" }
  | { page: "tariffs"; code: string | null }
  | { page: "reports"; screen: ReportsScreen }
  | { page: "inbox"; screen: InboxScreen }
  | { page: "dispatch"; day: string | null; area: string | null }
  | { page: "field"; order: string | null }
  | { page: "outages"; number: string | null };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null; // a malformed %-escape
  }
}

/** "account=100000017&staff=ana%40utility.example" -> the filters; others are ignored. */
export function parseAuditFilters(query: string): AuditFilters {
  const params = new URLSearchParams(query);
  const filters = { ...NO_AUDIT_FILTERS };
  for (const name of AUDIT_FILTERS) filters[name] = (params.get(name) ?? "").trim();
  return filters;
}

/** The filters that are set, in the form's order: the query of the page and of the API. */
export function auditParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTERS) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  return params;
}

export function parseRoute(hash: string): Route {
  const account = /^#\/accounts\/([^/]+)\/?$/.exec(hash);
  const number = account ? decode(account[1]) : null;
  if (number) return { page: "account", number };
  const audit = /^#\/audit\/?(?:\?(.*))?$/.exec(hash);
  if (audit) return { page: "audit", filters: parseAuditFilters(audit[1] ?? "") };
  const enrol = /^#\/enrol\/([^/?#]+)\/?$/.exec(hash);
  const token = enrol ? decode(enrol[1]) : null;
  if (token) return { page: "enrol", token };
  const screen = parseWorkRoute(hash);
  if (screen) return { page: "work", screen };
  if (/^#\/settings\/?$/.test(hash)) return { page: "settings" };
  const tariffs = parseTariffsRoute(hash);
  if (tariffs) return { page: "tariffs", code: tariffs.code };
  const inbox = parseInboxRoute(hash);
  if (inbox) return { page: "inbox", screen: inbox };
  const dispatch = /^#\/dispatch\/?(?:\?(.*))?$/.exec(hash);
  if (dispatch) {
    const params = new URLSearchParams(dispatch[1] ?? "");
    const day = params.get("day");
    const area = params.get("area");
    return { page: "dispatch", day: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null, area: area && /^\d{5}$/.test(area) ? area : null };
  }
  const field = /^#\/field(?:\/(SO\d{1,12}))?\/?$/.exec(hash);
  if (field) return { page: "field", order: field[1] ?? null };
  const outages = parseOutagesRoute(hash);
  if (outages) return { page: "outages", number: outages.number };
  const reports = parseReportsRoute(hash);
  if (reports) return { page: "reports", screen: reports };
  return { page: "search" };
}

export function accountHash(number: string): string {
  return `#/accounts/${encodeURIComponent(number)}`;
}

/** "#/audit", or "#/audit?staff=ana%40utility.example" with the filters that are set. */
export function auditHash(filters: AuditFilters = NO_AUDIT_FILTERS): string {
  const query = auditParams(filters).toString();
  return query ? `#/audit?${query}` : "#/audit";
}

export const SETTINGS_HASH = "#/settings";
/** Seeing the settings, their changes and the bill schedule (what their routes declare, src/api/routes.cc). */
export const SETTINGS_PERMISSION = "billing.read";

/** The dispatcher's board: "#/dispatch", a day's: "#/dispatch?day=2026-12-08", narrowed to an area: "#/dispatch?day=2026-12-08&area=97477". */
export function dispatchHash(day: string | null = null, area: string | null = null): string {
  const params = new URLSearchParams();
  if (day) params.set("day", day);
  if (area) params.set("area", area);
  const query = params.toString();
  return query ? `#/dispatch?${query}` : "#/dispatch";
}

/** The field page: "#/field", or one order's: "#/field/SO000123". */
export function fieldHash(order: string | null = null): string {
  return order ? `#/field/${order}` : "#/field";
}

/** Seeing the dispatcher's board (its moves need it), and the field page (the field's moves). */
export const DISPATCH_PERMISSION = "orders.dispatch";
export const FIELD_PERMISSION = "orders.field";
