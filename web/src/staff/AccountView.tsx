// One account on one screen, for a representative explaining a bill to a caller: the header (who,
// what is owed, the flags, contact details), the actions the user may take for the caller, then
// every section on the page, each loaded on its own (useAccountParts) so a slow or failed one
// holds up or blanks nothing else, with a section navigation kept in view. An action done asks
// again for the account (the figures) and for the History and the sections it changed. Desktop
// first; one column of sections below 48rem.
import { Fragment } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { AccountDetail, ApiError } from "./api";
import { accountHash } from "./route";
import { accountFlags } from "./accountFlags";
import { useAccountParts } from "./useAccountParts";
import { AccountHeader } from "./AccountHeader";
import { SectionNav, goToSection } from "./SectionNav";
import type { NavEntry } from "./SectionNav";
import { AgingSection, OwedSection } from "./OwedSections";
import { BillsSection } from "./BillsSection";
import { PaymentsSection } from "./PaymentsSection";
import { StatementSection } from "./StatementSection";
import { statementFilterErrors } from "./statement";
import { UsageSection } from "./UsageSection";
import { ArrangementsSection, AutopaySection, BudgetSection, MethodsSection, ScheduledSection } from "./PaymentSetupSections";
import { AgreementsSection } from "./AgreementsSection";
import { NOTES_WRITE, NotesSection } from "./NotesSection";
import { NoticesSection } from "./NoticesSection";
import { UsageAlertsSection } from "./UsageAlertsSection";
import { MessagesSection } from "./MessagesSection";
import { OutageHistorySection, outageHistoryAbsent, useOutageHistory } from "./OutageHistorySection";
import { NOTICES_CHANGE_PERMISSION } from "./notices";
import { HistorySection } from "./HistorySection";
import { AccountActions } from "./AccountActions";
import { AutopayActions } from "./AutopayActions";
import { BILL_RESEND_PERMISSION } from "./actions";
import type { AccountAction } from "./actions";
import { WORK_ACTION_PERMISSIONS } from "./workQueues";

export function AccountView({ account: a, permissions, onSessionEnded, onAccountChanged }: {
  account: AccountDetail;
  /** The signed-in user's permissions (notes.write shows the notes form; each action needs its own). */
  permissions: readonly string[];
  /** A 401 from any section's answer: the session ended. */
  onSessionEnded: (e: ApiError) => void;
  /** An action changed the account: ask for it again (its figures, contact details, services). */
  onAccountChanged: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const parts = useAccountParts(a.account_number, onSessionEnded);
  const outages = useOutageHistory(a.account_number, onSessionEnded);

  // Move focus to the new page's heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, [a.account_number]);

  const actionDone = (action: AccountAction) => {
    onAccountChanged();
    parts.history.showNewest();
    for (const part of action.refreshes) parts[part].reload();
  };

  // Autopay enrolled or cancelled from its section: the figures (the header's flags), autopay itself.
  const autopayChanged = () => {
    onAccountChanged();
    parts.history.showNewest();
    parts.autopay.reload();
  };

  // A payment moved to another account: the figures, the payments and what they add up to.
  const paymentMoved = () => {
    onAccountChanged();
    parts.history.showNewest();
    for (const part of ["payments", "aging", "statement"] as const) parts[part].reload();
  };

  const flags = accountFlags({
    owed: a.owed,
    preferences: parts.preferences.resource,
    autopay: parts.autopay.resource,
    arrangements: parts.arrangements.resource,
  });

  // Notices choices saved from their section: the History shows the change.
  const noticesChanged = () => parts.history.showNewest();
  // The Notices section shows two answers: it could not load if either could not.
  const noticeParts = [parts.noticeChoices.resource, parts.notices.resource];
  const noticesResource = { state: noticeParts.some((r) => r.state === "failed") ? "failed" : "ready" };

  // A filter the server refused is said at the filter, not as a part that could not load.
  const statement = parts.statement.resource;
  const statementRefused = statement.state === "failed" && statementFilterErrors(statement.error) !== null;

  // The sections in page order, each with the answer it shows (none: the account answer's own).
  const sections: (NavEntry & { name: string; resource?: { state: string } })[] = [
    { id: "owed", label: "Amount due", name: "how the amount due adds up" },
    { id: "aging", label: "Aging", name: "aging", resource: parts.aging.resource },
    { id: "notes", label: "Notes", name: "notes", resource: parts.notes.resource },
    { id: "bills", label: "Bills", name: "bills", resource: parts.bills.resource },
    { id: "payments", label: "Payments", name: "payments", resource: parts.payments.resource },
    { id: "statement", label: "Statement", name: "the statement of account", resource: statementRefused ? undefined : statement },
    { id: "usage", label: "Usage", name: "usage", resource: parts.usage.resource },
    { id: "arrangements", label: "Arrangements", name: "payment arrangements", resource: parts.arrangements.resource },
    { id: "budget", label: "Budget billing", name: "budget billing", resource: parts.preferences.resource },
    { id: "autopay", label: "Autopay", name: "autopay", resource: parts.autopay.resource },
    { id: "scheduled", label: "Scheduled payments", name: "scheduled payments", resource: parts.scheduled.resource },
    { id: "methods", label: "Payment methods", name: "saved payment methods", resource: parts.methods.resource },
    { id: "agreements", label: "Service agreements", name: "service agreements" },
    { id: "notices", label: "Notices", name: "notices", resource: noticesResource },
    { id: "usage-alerts", label: "Usage alerts", name: "usage alerts", resource: parts.alerts.resource },
    { id: "messages", label: "Messages", name: "messages" },
    ...(outageHistoryAbsent(outages) ? [] : [{ id: "outages", label: "Outages", name: "outage history", resource: outages.resource }]),
    { id: "history", label: "History", name: "history", resource: parts.history.resource },
  ];
  const entries = sections.map((s) => ({ id: s.id, label: s.label, failed: s.resource?.state === "failed" }));
  const failed = sections.filter((s) => s.resource?.state === "failed");

  return (
    <article class="account-view" aria-labelledby="account-heading">
      <AccountHeader account={a} flags={flags} headingRef={heading} />
      <AccountActions
        key={a.account_number}
        account={a}
        permissions={permissions}
        parts={parts}
        onDone={actionDone}
        onSessionEnded={onSessionEnded}
      />
      <PartsProblem account={a.account_number} failed={failed} />
      <div class="account-layout">
        <SectionNav entries={entries} href={accountHash(a.account_number)} />
        <div class="account-sections">
          <OwedSection owed={a.owed} ledger={parts.ledger} payments={parts.payments.items} />
          <AgingSection aging={parts.aging} />
          <NotesSection
            key={a.account_number}
            account={a.account_number}
            notes={parts.notes}
            canWrite={permissions.includes(NOTES_WRITE)}
            onSessionEnded={onSessionEnded}
            onChanged={parts.history.showNewest}
          />
          <BillsSection
            account={a.account_number}
            bills={parts.bills}
            canResend={permissions.includes(BILL_RESEND_PERMISSION)}
            onResent={parts.history.showNewest}
            onSessionEnded={onSessionEnded}
          />
          <PaymentsSection
            account={a.account_number}
            payments={parts.payments}
            canMovePayments={permissions.includes(WORK_ACTION_PERMISSIONS.movePayments)}
            onMoved={paymentMoved}
            onSessionEnded={onSessionEnded}
          />
          <StatementSection
            account={a.account_number}
            statement={parts.statement}
            filters={parts.statementFilters}
            onFilters={parts.setStatementFilters}
          />
          <UsageSection usage={parts.usage} view={parts.usageView} onView={parts.setUsageView} />
          <ArrangementsSection arrangements={parts.arrangements} />
          <BudgetSection preferences={parts.preferences} />
          <AutopaySection autopay={parts.autopay} methods={parts.methods}>
            <AutopayActions key={a.account_number} account={a} autopay={parts.autopay} methods={parts.methods} permissions={permissions}
              onChanged={autopayChanged} onSessionEnded={onSessionEnded} />
          </AutopaySection>
          <ScheduledSection scheduled={parts.scheduled} methods={parts.methods} />
          <MethodsSection methods={parts.methods} />
          <AgreementsSection agreements={a.agreements} />
          <NoticesSection
            key={a.account_number}
            account={a.account_number}
            choices={parts.noticeChoices}
            notices={parts.notices}
            canChange={permissions.includes(NOTICES_CHANGE_PERMISSION)}
            onChanged={noticesChanged}
            onSessionEnded={onSessionEnded}
          />
          <UsageAlertsSection
            key={a.account_number}
            account={a.account_number}
            alerts={parts.alerts}
            permissions={permissions}
            onChanged={parts.history.showNewest}
            onSessionEnded={onSessionEnded}
          />
          <MessagesSection key={a.account_number} account={a.account_number} onSessionEnded={onSessionEnded} />
          <OutageHistorySection history={outages} />
          <HistorySection history={parts.history} />
        </div>
      </div>
    </article>
  );
}

/**
 * One alert at the top naming every part that could not load, each a link to its section (which
 * says why and can try again): a representative sees at once what the page is missing.
 */
function PartsProblem({ account, failed }: { account: string; failed: { id: string; name: string }[] }) {
  return (
    <div role="alert" class="alert parts-problem" data-testid="parts-problem">
      {failed.length > 0 && (
        <>
          <strong>Part of this account could not load.</strong>
          <span class="detail">
            Not shown:{" "}
            {failed.map((s, i) => (
              <Fragment key={s.id}>
                {i > 0 && ", "}
                <a href={accountHash(account)} onClick={(e) => { e.preventDefault(); goToSection(s.id); }}>
                  {s.name}
                </a>
              </Fragment>
            ))}
            . Each section says why and can try again; the rest of the page is complete.
          </span>
        </>
      )}
    </div>
  );
}
