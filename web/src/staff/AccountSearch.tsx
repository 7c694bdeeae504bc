// Find an account by whatever the caller can tell: a name or address (any order, accents or
// not), a phone number in any form, an email, an account, bill or payment number, a meter serial.
// Each result says what it matched, unless it was the name or address it shows. "/" from
// anywhere in the console comes back to this field (App.tsx, shortcuts.ts).
import type { AccountSummary } from "./api";
import { formatMoney } from "../shared/money";
import { matchedOnLabel, moreMatchesHint } from "./labels";
import { SEARCH_FIELD_ID } from "./shortcuts";

/** What can be typed, in the field's hint and in the problem when nothing is. */
export const SEARCH_WHAT = "Name, address, phone, email, account, bill or payment number, or meter serial.";

/** The fewest characters the server searches for. */
export const SEARCH_MIN_CHARS = 2;

interface Props {
  query: string;
  onQuery: (q: string) => void;
  onSearch: () => void;
  busy: boolean;
  /** null until the first search has finished. */
  results: AccountSummary[] | null;
  hasMore: boolean;
}

export function AccountSearch({ query, onQuery, onSearch, busy, results, hasMore }: Props) {
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">Find an account</h1>
      <form
        role="search"
        aria-labelledby="search-heading"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch();
        }}
      >
        <label for={SEARCH_FIELD_ID}>Search accounts</label>
        <div class="row">
          <input
            id={SEARCH_FIELD_ID}
            name="q"
            type="search"
            autocomplete="off"
            enterkeyhint="search"
            aria-keyshortcuts="/"
            aria-describedby="account-q-hint"
            value={query}
            onInput={(e) => onQuery(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy}>
            {busy ? "Searching…" : "Search"}
          </button>
        </div>
        <p id="account-q-hint" class="hint">{SEARCH_WHAT}</p>
      </form>

      <p role="status" class="status-line">
        {busy
          ? "Searching…"
          : results === null
            ? ""
            : results.length === 0
              ? "No accounts match."
              : `${results.length}${hasMore ? "+" : ""} account${results.length === 1 ? "" : "s"} found.`}
      </p>

      {results && results.length > 0 && (
        <ul class="results" aria-label="Matching accounts">
          {results.map((a) => (
            <li key={a.account_number}>
              <a href={`#/accounts/${encodeURIComponent(a.account_number)}`}>
                <span class="who">
                  <span class="name">{a.customer_name}</span>
                  {matchedOnLabel(a.matched_on) && (
                    <span class="matched" data-testid="matched-on">
                      <span class="visually-hidden">, </span>
                      {matchedOnLabel(a.matched_on)}
                    </span>
                  )}
                </span>
                <span class="number">
                  <span class="visually-hidden">Account </span>
                  {a.account_number}
                </span>
                <span class="address">{a.service_address}</span>
                <span class="balance">
                  <span class="visually-hidden">Balance </span>
                  {formatMoney(a.balance)}{" "}
                  <span class={`badge ${a.status}`}>{a.status}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {hasMore && results && <p class="hint" data-testid="more-matches">{moreMatchesHint(results.length)}</p>}
    </section>
  );
}
