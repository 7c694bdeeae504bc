// Everything the account page shows besides the account answer itself, each part asked for on its
// own when the page opens (in parallel), so a slow or failed one holds up or blanks nothing else.
import { useState } from "preact/hooks";
import type { ApiError } from "./api";
import {
  fetchAging,
  fetchArrangements,
  fetchAutopay,
  fetchBills,
  fetchNoticeChoices,
  fetchAccountAlerts,
  fetchNotes,
  fetchSentNotices,
  fetchPaymentMethods,
  fetchPayments,
  fetchPreferences,
  fetchScheduledPayments,
  fetchUsage,
} from "./accountApi";
import type { Aging, StaffPayment } from "./accountApi";
import type { AccountNote } from "./notes";
import type { AccountAlerts } from "../portal/types";
import type {
  AccountPreferences,
  Arrangement,
  Autopay,
  BillSummary,
  NoticeChoices,
  SavedPaymentMethod,
  ScheduledPayment,
  SentNotice,
  Usage,
} from "../portal/types";
import { usePagedResource, useResource } from "./useResource";
import { useAccountHistory } from "./useAccountHistory";
import type { AccountHistory } from "./useAccountHistory";
import type { Loaded, PagedLoaded } from "./useResource";
import { FIRST_USAGE_VIEW } from "./usageViews";
import type { StaffUsageView } from "./usageViews";
import { ALL_ENTRIES, fetchStatement, statementParams } from "./statement";
import type { Statement, StatementFilters, StatementLine } from "./statement";

/** The usage figures' code (the portal's chart and tables): asked for with the page's answers. */
export const loadUsageFigures = () => import("./UsageFigures");

export interface AccountParts {
  bills: PagedLoaded<BillSummary>;
  payments: PagedLoaded<StaffPayment>;
  preferences: Loaded<AccountPreferences>;
  autopay: Loaded<Autopay>;
  arrangements: Loaded<Arrangement[]>;
  scheduled: Loaded<ScheduledPayment[]>;
  methods: Loaded<SavedPaymentMethod[]>;
  aging: Loaded<Aging>;
  notes: PagedLoaded<AccountNote>;
  /** Which notices the customer is emailed, and the notices sent. */
  noticeChoices: Loaded<NoticeChoices>;
  notices: PagedLoaded<SentNotice>;
  /** The usage thresholds, high-usage alerts and possible leaks. */
  alerts: Loaded<AccountAlerts>;
  history: AccountHistory;
  usage: Loaded<Usage>;
  usageView: StaffUsageView;
  setUsageView: (view: StaffUsageView) => void;
  /** The statement of account the filters ask for (all entries when the page opens). */
  statement: Loaded<Statement>;
  statementFilters: StatementFilters;
  setStatementFilters: (filters: StatementFilters) => void;
  /**
   * The whole ledger, as the statement of all entries last gave it (whatever filters the statement
   * shows now): what names each charge of "How the amount due adds up". Null until it is in.
   */
  ledger: StatementLine[] | null;
}

/** `onSessionEnded` is told of a 401 from any of them (the console then signs in again). */
export function useAccountParts(account: string, onSessionEnded: (e: ApiError) => void): AccountParts {
  const [usageView, setUsageView] = useState<StaffUsageView>(FIRST_USAGE_VIEW);
  const [statementFilters, setStatementFilters] = useState<StatementFilters>(ALL_ENTRIES);
  const [ledger, setLedger] = useState<{ account: string; lines: StatementLine[] } | null>(null);
  const allEntries = statementParams(statementFilters).toString() === "";
  const ask = <T>(load: (account: string, signal: AbortSignal) => Promise<T>) => (signal: AbortSignal) => load(account, signal);
  return {
    bills: usePagedResource((cursor, signal) => fetchBills(account, cursor, signal), account, onSessionEnded),
    payments: usePagedResource((cursor, signal) => fetchPayments(account, cursor, signal), account, onSessionEnded),
    preferences: useResource(ask(fetchPreferences), account, onSessionEnded),
    autopay: useResource(ask(fetchAutopay), account, onSessionEnded),
    arrangements: useResource(ask(fetchArrangements), account, onSessionEnded),
    scheduled: useResource(ask(fetchScheduledPayments), account, onSessionEnded),
    methods: useResource(ask(fetchPaymentMethods), account, onSessionEnded),
    aging: useResource(ask(fetchAging), account, onSessionEnded),
    notes: usePagedResource((cursor, signal) => fetchNotes(account, cursor, signal), account, onSessionEnded),
    noticeChoices: useResource(ask(fetchNoticeChoices), account, onSessionEnded),
    notices: usePagedResource((cursor, signal) => fetchSentNotices(account, cursor, signal), account, onSessionEnded),
    alerts: useResource(ask(fetchAccountAlerts), account, onSessionEnded),
    history: useAccountHistory(account, onSessionEnded),
    usage: useResource(
      async (signal) => {
        // The days to ask for are the portal's (usage.ts), whose code comes with the chart's.
        const { rangeFor } = await loadUsageFigures();
        const range = rangeFor(usageView);
        return fetchUsage(account, usageView, range.from, range.to, signal);
      },
      `${account}|${usageView}`,
      onSessionEnded,
    ),
    usageView,
    setUsageView,
    statement: useResource(
      async (signal) => {
        const statement = await fetchStatement(account, statementFilters, signal);
        if (allEntries) setLedger({ account, lines: statement.lines });
        return statement;
      },
      `${account}|${statementParams(statementFilters)}`,
      onSessionEnded,
    ),
    statementFilters,
    setStatementFilters,
    ledger: ledger?.account === account ? ledger.lines : null,
  };
}
