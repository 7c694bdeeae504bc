// The statement's filters and table (loaded after the page; StatementSection.tsx). A filter the
// form or the server refuses (a 422 naming from, to or kind) is said at its field, which gets
// focus; the links to the CSV file and the PDF carry the filters of the statement shown.
import { useEffect, useState } from "preact/hooks";
import { Field, focusField } from "./Field";
import { WhenLoaded } from "./Section";
import { codeLabel } from "./labels";
import { firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { LEDGER_KINDS, STATEMENT_FIELDS, checkStatementFilters, statementFilterErrors, statementPath } from "./statement";
import type { LedgerKind, Statement, StatementFilters } from "./statement";
import type { StatementProps } from "./StatementSection";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";

const fieldId = (f: string) => `statement-${f}`;

export function StatementBody({ account, statement, filters, onFilters }: StatementProps) {
  const [draft, setDraft] = useState<StatementFilters>(filters);
  const [checked, setChecked] = useState<FieldErrors>({});
  const { resource } = statement;
  // The server's refusal of the filters asked for, said at its field.
  const refused = resource.state === "failed" ? statementFilterErrors(resource.error) : null;
  const errors = hasErrors(checked) ? checked : refused ?? {};
  useEffect(() => {
    if (refused) focusField(fieldId(firstError(refused, STATEMENT_FIELDS)!));
  }, [resource]);

  const show = (e: Event) => {
    e.preventDefault();
    const found = checkStatementFilters(draft);
    setChecked(found);
    if (hasErrors(found)) {
      focusField(fieldId(firstError(found, STATEMENT_FIELDS)!));
      return;
    }
    if (statementPath(account, draft) === statementPath(account, filters)) statement.reload();
    else onFilters(draft);
  };

  return (
    <>
      <form class="statement-filters" aria-label="Statement filters" onSubmit={show} noValidate>
        <Field id={fieldId("from")} label="From" type="date" value={draft.from} error={errors.from}
          onValue={(from) => setDraft({ ...draft, from })} />
        <Field id={fieldId("to")} label="To" type="date" value={draft.to} error={errors.to}
          onValue={(to) => setDraft({ ...draft, to })} />
        <div class={errors.kind ? "field invalid" : "field"}>
          <label for={fieldId("kind")}>Kind of entry</label>
          <select id={fieldId("kind")} value={draft.kind}
            aria-invalid={errors.kind ? "true" : undefined}
            aria-describedby={errors.kind ? `${fieldId("kind")}-error` : undefined}
            onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as LedgerKind | "" })}>
            <option value="">All kinds</option>
            {LEDGER_KINDS.map((k) => (
              <option key={k} value={k}>{codeLabel(k)}</option>
            ))}
          </select>
          {errors.kind && <p id={`${fieldId("kind")}-error`} class="field-error">{errors.kind}</p>}
        </div>
        <div class="form-actions">
          <button type="submit">Show entries</button>
        </div>
      </form>
      <p class="statement-files">
        <a href={statementPath(account, filters, ".csv")} download>
          Download CSV<span class="visually-hidden"> of this statement</span>
        </a>
        <a href={statementPath(account, filters, ".pdf")} target="_blank" rel="noopener">
          Open PDF<span class="visually-hidden"> of this statement (opens a new tab)</span>
        </a>
      </p>
      {refused ? (
        <p class="hint">Change the filter marked above, then show the entries again.</p>
      ) : (
        <WhenLoaded what="the statement" resource={resource} onRetry={statement.reload}>
          {(s) => <StatementTable statement={s} />}
        </WhenLoaded>
      )}
    </>
  );
}

function StatementTable({ statement: s }: { statement: Statement }) {
  return (
    <>
      <dl class="facts statement-totals">
        <dt>Shows</dt>
        <dd data-testid="statement-shows">{s.shows}</dd>
        <dt>Charges</dt>
        <dd class="amount" data-testid="statement-charges">{formatMoney(s.charges)}</dd>
        <dt>Credits</dt>
        <dd class="amount" data-testid="statement-credits">{formatMoney(s.credits)}</dd>
      </dl>
      <div class="table-wrap" role="region" aria-labelledby="statement-caption" tabIndex={0}>
        <table class="data-table statement-table">
          <caption id="statement-caption" class="visually-hidden">Statement of account, oldest first: {s.shows}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Description</th>
              <th scope="col">Reference</th>
              <th scope="col" class="num">Amount</th>
              <th scope="col" class="num">Balance after</th>
            </tr>
          </thead>
          <tbody>
            <tr class="statement-balance">
              <th scope="row" colSpan={4}>
                Opening balance{s.from ? `, before ${formatDate(s.from)}` : ""}
              </th>
              <td class="num" data-testid="statement-opening">{formatMoney(s.opening_balance)}</td>
            </tr>
            {s.lines.length === 0 && (
              <tr>
                <td colSpan={5}>No entries in this statement.</td>
              </tr>
            )}
            {s.lines.map((line) => (
              <tr key={line.entry_id} data-kind={line.kind} data-entry-id={line.entry_id}>
                <td class="nowrap" data-testid="statement-date">{formatDate(line.effective_on)}</td>
                <th scope="row">
                  {line.description || codeLabel(line.kind)} <span class="kind">{codeLabel(line.kind)}</span>
                </th>
                <td>{line.reference}</td>
                <td class="num" data-testid="statement-amount">{formatMoney(line.amount)}</td>
                <td class="num" data-testid="statement-balance-after">{formatMoney(line.balance_after)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="statement-balance">
              <th scope="row" colSpan={4}>Closing balance, {formatDate(s.to ?? s.as_of)}</th>
              <td class="num strong" data-testid="statement-closing">{formatMoney(s.closing_balance)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
