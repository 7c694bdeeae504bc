import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, getAccount, searchAccounts } from "./api";
import type { AccountDetail, AccountSummary } from "./api";
import { TokenForm } from "./TokenForm";
import { AccountSearch } from "./AccountSearch";
import { AccountView } from "./AccountView";
import { ProblemAlert } from "./ProblemAlert";

const TOKEN_KEY = "ratepayer.staffToken";

type Route = { page: "search" } | { page: "account"; number: string };

function parseRoute(hash: string): Route {
  const m = /^#\/accounts\/([^/]+)$/.exec(hash);
  return m ? { page: "account", number: decodeURIComponent(m[1]) } : { page: "search" };
}

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
}

function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({
    type: "about:blank",
    title: "Unexpected error",
    status: 0,
    detail: e instanceof Error ? e.message : String(e),
  });
}

export function App() {
  const [token, setToken] = useState(readToken);
  const [tokenEditing, setTokenEditing] = useState(() => !readToken());
  const [tokenFocus, setTokenFocus] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));

  const [query, setQuery] = useState("");
  const [results, setResults] = useState<AccountSummary[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [searching, setSearching] = useState(false);

  const [account, setAccount] = useState<AccountDetail | null>(null);
  const lastOpened = useRef<string | null>(null);
  const searchAbort = useRef<AbortController | null>(null);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  const askForToken = useCallback((why?: ApiError) => {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      /* storage disabled: nothing to forget */
    }
    setToken("");
    setTokenEditing(true);
    setTokenFocus(true);
    if (why) setError(why);
  }, []);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof DOMException && e.name === "AbortError") return;
      const err = asApiError(e);
      if (err.status === 401) {
        askForToken(
          new ApiError({ ...err, title: "API key needed", detail: `${err.detail} Enter an API key.` }),
        );
      } else {
        setError(err);
      }
    },
    [askForToken],
  );

  const runSearch = useCallback(
    async (q: string, t: string) => {
      setError(null);
      if (!t) {
        askForToken(
          new ApiError({ type: "about:blank", title: "API key needed", status: 401, detail: "Enter an API key first." }),
        );
        return;
      }
      if (!q.trim()) {
        setError(
          new ApiError({ type: "about:blank", title: "Nothing to search for", status: 400, detail: "Type an account number, name, service address or ZIP code.", field: "q" }),
        );
        return;
      }
      searchAbort.current?.abort();
      const ctl = new AbortController();
      searchAbort.current = ctl;
      setSearching(true);
      try {
        const page = await searchAccounts(q.trim(), t, ctl.signal);
        setResults(page.items);
        setHasMore(page.next_cursor !== null);
      } catch (e) {
        fail(e);
      } finally {
        if (searchAbort.current === ctl) setSearching(false);
      }
    },
    [askForToken, fail],
  );

  // Load the account whenever the route or the token changes.
  const accountNumber = route.page === "account" ? route.number : null;
  useEffect(() => {
    if (accountNumber === null) return;
    setAccount(null);
    if (!token) {
      // Keep the server's explanation if a 401 brought us here.
      setTokenEditing(true);
      setError(
        (prev) =>
          prev ??
          new ApiError({ type: "about:blank", title: "API key needed", status: 401, detail: "Enter an API key to open this account." }),
      );
      return;
    }
    setError(null);
    lastOpened.current = accountNumber;
    const ctl = new AbortController();
    getAccount(accountNumber, token, ctl.signal).then(setAccount, fail);
    return () => ctl.abort();
  }, [accountNumber, token, askForToken, fail]);

  // Page title, and focus back on the result the user came from.
  useEffect(() => {
    if (route.page === "account") {
      document.title = `Account ${route.number} · Ratepayer staff`;
    } else {
      document.title = "Find an account · Ratepayer staff";
      const n = lastOpened.current;
      if (n) {
        document.querySelector<HTMLElement>(`a[href="#/accounts/${encodeURIComponent(n)}"]`)?.focus();
      }
    }
  }, [route]);

  const saveToken = (t: string) => {
    try {
      sessionStorage.setItem(TOKEN_KEY, t);
    } catch {
      /* storage disabled: keep it in memory for this page */
    }
    setToken(t);
    setTokenEditing(false);
    setTokenFocus(false);
    setError(null);
    if (route.page === "search" && query.trim()) void runSearch(query, t);
  };

  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="site-header">
        <a class="brand" href="#/">Ratepayer staff console</a>
      </header>
      <main id="main" tabIndex={-1}>
        <TokenForm
          token={token}
          editing={tokenEditing}
          focus={tokenFocus}
          onSave={saveToken}
          onEdit={() => {
            setTokenEditing(true);
            setTokenFocus(true);
          }}
          onClear={() => askForToken()}
        />
        <ProblemAlert error={error} />
        {route.page === "search" ? (
          <AccountSearch
            query={query}
            onQuery={setQuery}
            onSearch={() => void runSearch(query, token)}
            busy={searching}
            results={results}
            hasMore={hasMore}
          />
        ) : (
          <>
            <a class="back" href="#/">← Back to search</a>
            {account ? (
              <AccountView account={account} />
            ) : error ? (
              <h1>Could not open account {route.number}</h1>
            ) : (
              <p role="status" class="status-line">Loading account {route.number}…</p>
            )}
          </>
        )}
      </main>
    </>
  );
}
