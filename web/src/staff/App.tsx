import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, asApiError, getAccount, getMe, isAbort, searchAccounts, setCsrfToken, signOut } from "./api";
import type { AccountDetail, AccountSummary, Staff } from "./api";
import { SignIn } from "./SignIn";
import { Enrol } from "./Enrol";
import { AccountSearch, SEARCH_MIN_CHARS, SEARCH_WHAT } from "./AccountSearch";
import { forgetNoteDrafts } from "./NotesSection";
import { AccountView } from "./AccountView";
import { AuditTrail } from "./AuditTrail";
import { ProblemAlert } from "./ProblemAlert";
import {
  DISPATCH_PERMISSION, FIELD_PERMISSION, SETTINGS_HASH, SETTINGS_PERMISSION, accountHash, auditHash, dispatchHash, fieldHash, parseRoute,
} from "./route";
import type { Route } from "./route";
import { codeLabel, rolesLabel } from "./labels";
import { lazyPart } from "./lazyPart";
import { queuesFor, workQueue } from "./workQueues";
import { queueOfScreen, workHash } from "./workRoute";
import type { WorkScreen } from "./workRoute";
import { REPORTS_PERMISSION, reportsHash } from "./reportsRoute";
import type { ReportsScreen } from "./reportsRoute";
import { INBOX_PERMISSION, inboxHash } from "./inbox";
import { OUTAGES_PERMISSION, outagesHash } from "./outages";
import { SESSION_ENDED, SIGNED_OUT, consoleProblem } from "./problems";
import { SEARCH_FIELD_ID, isSearchShortcut } from "./shortcuts";
import { forgetFieldCopies, forgetOtherTechnician, keptTechnician } from "./fieldWorker";

/** The work queues' screens: their code loads when the Work area is first opened. */
const WorkArea = lazyPart("work queues", () => import("./WorkArea").then((m) => m.WorkArea));
/** The settings and the reports: their code loads when each is first opened. */
const SettingsArea = lazyPart("settings", () => import("./SettingsArea").then((m) => m.SettingsArea));
const ReportsArea = lazyPart("reports", () => import("./ReportsArea").then((m) => m.ReportsArea));
/** The tariff screens, under Settings: their code loads when first opened. */
/** The Inbox: customers' messages, loaded when first opened. */
const InboxArea = lazyPart("inbox", () => import("./InboxArea").then((m) => m.InboxArea));
/** The dispatcher's board and the field technician's page: loaded when first opened. */
const DispatchBoard = lazyPart("dispatch board", () => import("./DispatchBoard").then((m) => m.DispatchBoard));
const FieldPage = lazyPart("field page", () => import("./FieldPage").then((m) => m.FieldPage));
/** The outage console: loaded when first opened. */
const OutagesArea = lazyPart("outages", () => import("./OutagesArea").then((m) => m.OutagesArea));
const TariffsArea = lazyPart("tariffs", () => import("./TariffsArea").then((m) => m.TariffsArea));

/** A Work area screen's page title: "Bill holds · Ratepayer staff". */
function workTitle(screen: WorkScreen): string {
  if (screen.queue === "bill-run") return `Bill run ${screen.id} · Ratepayer staff`;
  const queue = queueOfScreen(screen);
  return `${queue ? workQueue(queue).label : "Work queues"} · Ratepayer staff`;
}

/** A Reports area screen's page title: "Reports", "Bill runs report · Ratepayer staff". */
function reportsTitle(screen: ReportsScreen): string {
  return `${screen.report === null ? "Reports" : `${codeLabel(screen.report)} report`} · Ratepayer staff`;
}

/**
 * unknown: not asked yet (GET /api/v1/staff/me on start); nothing is drawn until it is known.
 * offline: the server could not be reached on start, on the field page, by the technician kept on
 * this phone (fieldWorker.ts): the field page opens from its copies (no CSRF token: nothing is sent)
 * and the session is asked for again when the connection is back.
 */
type Session = { state: "unknown" } | { state: "signed-out" } | { state: "signed-in"; me: Staff } | { state: "offline"; me: Staff };

/** How often the session is asked for again while the page is open with no connection (besides the browser's "online"). */
const OFFLINE_ASK_EVERY_MS = 30_000;

/**
 * The skip link: focus moves to the page's content (main, tabindex -1). Followed as a link, "#main"
 * would be a route of its own (routes are the hash), so the click does not navigate.
 */
function skipToMain(e: MouseEvent) {
  e.preventDefault();
  document.getElementById("main")?.focus();
}

/** Focus on the search field, its text selected: what is typed next replaces the last search. */
function focusSearchField() {
  const field = document.getElementById(SEARCH_FIELD_ID) as HTMLInputElement | null;
  field?.focus();
  field?.select();
}

/** The user without anything else the answer carried (the enrolment's recovery codes). */
function staffOf(me: Staff): Staff {
  const { id, email, name, roles, permissions, csrf_token } = me;
  return { id, email, name, roles, permissions, csrf_token };
}

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [session, setSession] = useState<Session>({ state: "unknown" });
  // A new number for every sign-in: what the page shows is asked for again in the new session.
  const [sessionKey, setSessionKey] = useState(0);
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  const [query, setQuery] = useState("");
  const [results, setResults] = useState<AccountSummary[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [searching, setSearching] = useState(false);

  const [account, setAccount] = useState<AccountDetail | null>(null);
  const lastOpened = useRef<string | null>(null);
  const searchAbort = useRef<AbortController | null>(null);
  // The search the session ended under, run again once signed in.
  const pendingSearch = useRef<string | null>(null);
  // Whose session it was: the email is offered again, and another user starts from nothing.
  const lastUser = useRef<{ id: number; email: string } | null>(null);
  // "/" was pressed on another page: the search page, once drawn, focuses its field.
  const searchAsked = useRef(false);

  const onEnrol = route.page === "enrol";

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  // Into the Work, Settings (tariffs too) or Reports area: a problem of the page before is not
  // about it (each screen says its own).
  const inArea =
    route.page === "work" || route.page === "settings" || route.page === "tariffs" || route.page === "reports" || route.page === "inbox" ||
    route.page === "dispatch" || route.page === "field" || route.page === "outages"
      ? route.page
      : null;
  useEffect(() => {
    if (inArea) setError(null);
  }, [inArea]);

  // Into or out of the enrolment page: what was said on the other page is not about this one.
  useEffect(() => {
    setNotice("");
    setError(null);
  }, [onEnrol]);

  /** Goes to a route without a new history entry (and without the old one: the enrolment token). */
  const replaceRoute = useCallback((hash: string) => {
    history.replaceState(null, "", hash);
    setRoute(parseRoute(hash));
  }, []);

  const forgetConsole = useCallback(() => {
    searchAbort.current?.abort();
    pendingSearch.current = null;
    lastOpened.current = null;
    setQuery("");
    setResults(null);
    setHasMore(false);
    setSearching(false);
    setAccount(null);
    forgetNoteDrafts();
  }, []);

  const signedIn = useCallback(
    (me: Staff) => {
      if (lastUser.current && lastUser.current.id !== me.id) forgetConsole();
      lastUser.current = { id: me.id, email: me.email };
      forgetOtherTechnician(me);
      setCsrfToken(me.csrf_token);
      setSession({ state: "signed-in", me: staffOf(me) });
      setSessionKey((k) => k + 1);
      setNotice("");
      setError(null);
    },
    [forgetConsole],
  );

  const signedOut = useCallback((why: string) => {
    searchAbort.current?.abort();
    setCsrfToken("");
    setSession({ state: "signed-out" });
    setNotice(why);
    setError(null);
  }, []);

  // Is there a session? Asked once on start (not on the enrolment page, which makes its own).
  const sessionState = session.state;
  useEffect(() => {
    if (onEnrol || sessionState !== "unknown") return;
    const ctl = new AbortController();
    getMe(ctl.signal).then(signedIn, (e) => {
      if (isAbort(e)) return;
      const err = asApiError(e);
      // No connection on the field page: opened for the technician kept on this phone, from its copies.
      const technician = err.status === 0 && parseRoute(location.hash).page === "field" ? keptTechnician() : null;
      if (technician) {
        setSession({ state: "offline", me: technician });
        return;
      }
      if (err.status !== 401) setError(err); // the server could not say; signing in may still work
      setSession({ state: "signed-out" });
    });
    return () => ctl.abort();
  }, [onEnrol, sessionState, signedIn]);

  // Opened with no connection: the session is asked for again when the connection is back (and
  // every 30 s). Still the same user's: signed in as usual (the field page's outbox then sends); ended: sign in again.
  useEffect(() => {
    if (sessionState !== "offline") return;
    const ctl = new AbortController();
    let asking = false;
    const ask = () => {
      if (asking) return;
      asking = true;
      getMe(ctl.signal).then(signedIn, (e) => {
        asking = false;
        if (isAbort(e)) return;
        if (asApiError(e).status === 401) signedOut(SESSION_ENDED);
      });
    };
    addEventListener("online", ask);
    const timer = setInterval(ask, OFFLINE_ASK_EVERY_MS);
    return () => {
      ctl.abort();
      removeEventListener("online", ask);
      clearInterval(timer);
    };
  }, [sessionState, signedIn, signedOut]);

  const fail = useCallback(
    (e: unknown) => {
      if (isAbort(e)) return;
      const err = asApiError(e);
      if (consoleProblem(err) === "sign-in") signedOut(SESSION_ENDED);
      else setError(err);
    },
    [signedOut],
  );

  const runSearch = useCallback(
    async (q: string) => {
      setError(null);
      if ([...q.trim()].length < SEARCH_MIN_CHARS) {
        setError(
          new ApiError({
            type: "about:blank",
            title: q.trim() ? "Too short to search for" : "Nothing to search for",
            status: 400,
            detail: `Type at least ${SEARCH_MIN_CHARS} characters: ${SEARCH_WHAT[0].toLowerCase()}${SEARCH_WHAT.slice(1)}`,
            field: "q",
          }),
        );
        return;
      }
      searchAbort.current?.abort();
      const ctl = new AbortController();
      searchAbort.current = ctl;
      setSearching(true);
      try {
        const page = await searchAccounts(q.trim(), ctl.signal);
        pendingSearch.current = null;
        setResults(page.items);
        setHasMore(page.next_cursor !== null);
      } catch (e) {
        if (!isAbort(e) && asApiError(e).status === 401) pendingSearch.current = q;
        fail(e);
      } finally {
        if (searchAbort.current === ctl) setSearching(false);
      }
    },
    [fail],
  );

  const signedInNow = session.state === "signed-in";
  const offlineNow = session.state === "offline";

  // Signed in again after the session ended during a search: run it again.
  useEffect(() => {
    const q = pendingSearch.current;
    if (!signedInNow || route.page !== "search" || q === null) return;
    void runSearch(q);
  }, [sessionKey, signedInNow, route.page, runSearch]);

  // Load the account whenever the route or the session changes.
  const accountNumber = route.page === "account" && signedInNow ? route.number : null;
  useEffect(() => {
    if (accountNumber === null) return;
    setAccount(null);
    setError(null);
    lastOpened.current = accountNumber;
    const ctl = new AbortController();
    getAccount(accountNumber, ctl.signal).then(setAccount, fail);
    return () => ctl.abort();
  }, [accountNumber, sessionKey, fail]);

  // An action on the account page changed it: ask for it again, keeping the page as it is
  // meanwhile (an answer for an account no longer shown is dropped).
  const refreshAccount = useCallback(() => {
    if (accountNumber === null) return;
    getAccount(accountNumber).then(
      (fresh) => setAccount((shown) => (shown?.account_number === fresh.account_number ? fresh : shown)),
      fail,
    );
  }, [accountNumber, fail]);

  // Page title, and focus: back on the result the user came from, else on the search field.
  useEffect(() => {
    if (route.page === "enrol") {
      document.title = "Set up your sign-in · Ratepayer staff";
    } else if (offlineNow) {
      document.title = `${route.page === "field" ? route.order ?? "Field work" : "No connection"} · Ratepayer staff`;
    } else if (!signedInNow) {
      document.title = "Sign in · Ratepayer staff";
    } else if (route.page === "account") {
      document.title = `Account ${route.number} · Ratepayer staff`;
    } else if (route.page === "audit") {
      document.title = "Audit trail · Ratepayer staff"; // AuditTrail focuses its heading
    } else if (route.page === "work") {
      document.title = workTitle(route.screen); // each screen focuses its heading
    } else if (route.page === "settings") {
      document.title = "Settings · Ratepayer staff";
    } else if (route.page === "tariffs") {
      document.title = `${route.code ? `Rate plan ${route.code}` : "Tariffs"} · Ratepayer staff`;
    } else if (route.page === "reports") {
      document.title = reportsTitle(route.screen);
    } else if (route.page === "dispatch") {
      document.title = "Dispatch · Ratepayer staff";
    } else if (route.page === "field") {
      document.title = `${route.order ?? "Field work"} · Ratepayer staff`;
    } else if (route.page === "outages") {
      document.title = `${route.number ? `Outage ${route.number}` : "Outages"} · Ratepayer staff`;
    } else if (route.page === "inbox") {
      document.title = route.screen.screen === "thread" ? `Thread ${route.screen.id} · Ratepayer staff`
        : route.screen.screen === "canned-replies" ? "Canned replies · Ratepayer staff" : "Inbox · Ratepayer staff";
    } else {
      document.title = "Find an account · Ratepayer staff";
      const n = lastOpened.current;
      const back = n && !searchAsked.current ? document.querySelector<HTMLElement>(`a[href="${accountHash(n)}"]`) : null;
      if (back) back.focus();
      else focusSearchField();
      searchAsked.current = false;
    }
  }, [route, signedInNow, offlineNow]);

  // "/" from anywhere in the console (not while typing in a field): the search field, on this
  // page or the search page.
  const onSearchPage = route.page === "search";
  useEffect(() => {
    if (!signedInNow || onEnrol) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e, document.activeElement as HTMLElement | null)) return;
      e.preventDefault(); // "/" is not typed into the field it focuses
      if (onSearchPage) {
        focusSearchField();
      } else {
        searchAsked.current = true;
        location.hash = "#/";
      }
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [signedInNow, onEnrol, onSearchPage]);

  const doSignOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    setError(null);
    try {
      await signOut();
    } catch (e) {
      const err = asApiError(e);
      if (consoleProblem(err) !== "sign-in") {
        // Still signed in (the server did not answer, or refused): say so and stay.
        setError(new ApiError({ ...err, title: "Could not sign out" }));
        setSigningOut(false);
        return;
      }
      // 401: the session had ended already, which is what was asked.
    }
    setSigningOut(false);
    forgetConsole();
    void forgetFieldCopies(); // the field page's copies of the day's orders leave the phone with the session
    lastUser.current = null;
    signedOut(SIGNED_OUT);
    replaceRoute("#/");
  };

  const enrolled = (me: Staff) => {
    replaceRoute("#/"); // the one-time token leaves the address bar and the history
    signedIn(me);
  };

  let content;
  if (onEnrol) {
    content = <Enrol key={route.token} token={route.token} onProblem={setError} onDone={enrolled} />;
  } else if (session.state === "unknown") {
    content = null; // a moment, on start: nothing to draw and take back
  } else if (session.state === "signed-out") {
    content = <SignIn email={lastUser.current?.email ?? ""} onSignedIn={signedIn} onProblem={setError} />;
  } else if (session.state === "offline") {
    content = route.page === "field" ? (
      <FieldPage order={route.order} me={session.me} confirmed={false} onSessionEnded={fail} />
    ) : (
      <section aria-labelledby="offline-heading">
        <h1 id="offline-heading">No connection</h1>
        <p>Only the field page opens without a connection. <a href={fieldHash()}>Field work</a></p>
      </section>
    );
  } else if (route.page === "audit") {
    content = <AuditTrail filters={route.filters} onProblem={setError} onFail={fail} />;
  } else if (route.page === "work") {
    content = <WorkArea screen={route.screen} me={session.me} onSessionEnded={fail} />;
  } else if (route.page === "settings") {
    content = <SettingsArea me={session.me} onSessionEnded={fail} />;
  } else if (route.page === "tariffs") {
    content = <TariffsArea code={route.code} me={session.me} onSessionEnded={fail} />;
  } else if (route.page === "inbox") {
    content = <InboxArea screen={route.screen} me={session.me} onSessionEnded={fail} />;
  } else if (route.page === "dispatch") {
    content = <DispatchBoard day={route.day} area={route.area} me={session.me} onSessionEnded={fail} />;
  } else if (route.page === "field") {
    content = <FieldPage order={route.order} me={session.me} confirmed onSessionEnded={fail} />;
  } else if (route.page === "outages") {
    content = <OutagesArea number={route.number} me={session.me} onSessionEnded={fail} />;
  } else if (route.page === "reports") {
    content = <ReportsArea screen={route.screen} me={session.me} onSessionEnded={fail} />;
  } else if (route.page === "search") {
    content = (
      <AccountSearch
        query={query}
        onQuery={setQuery}
        onSearch={() => void runSearch(query)}
        busy={searching}
        results={results}
        hasMore={hasMore}
      />
    );
  } else {
    content = (
      <>
        <a class="back" href="#/">← Back to search</a>
        {account ? (
          <AccountView account={account} permissions={session.me.permissions} onSessionEnded={fail} onAccountChanged={refreshAccount} />
        ) : error ? (
          <h1>Could not open account {route.number}</h1>
        ) : (
          <p role="status" class="status-line">Loading account {route.number}…</p>
        )}
      </>
    );
  }

  const me = (session.state === "signed-in" || session.state === "offline") && !onEnrol ? session.me : null;

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>Skip to content</a>
      <header class="site-header">
        <a class="brand" href="#/">Ratepayer staff console</a>
        {me && (
          <nav class="console-nav" aria-label="Console">
            <ul>
              <li>
                <a href="#/" aria-current={route.page === "search" ? "page" : route.page === "account" ? "true" : undefined}>
                  Accounts
                </a>
              </li>
              {queuesFor(me.permissions).length > 0 && (
                <li>
                  <a href={workHash()} aria-current={route.page === "work" ? (route.screen.queue === "overview" ? "page" : "true") : undefined}>
                    Work
                  </a>
                </li>
              )}
              {me.permissions.includes(DISPATCH_PERMISSION) && (
                <li>
                  <a href={dispatchHash()} aria-current={route.page === "dispatch" ? "page" : undefined}>Dispatch</a>
                </li>
              )}
              {me.permissions.includes(OUTAGES_PERMISSION) && (
                <li>
                  <a href={outagesHash()} aria-current={route.page === "outages" ? (route.number ? "true" : "page") : undefined}>Outages</a>
                </li>
              )}
              {me.permissions.includes(FIELD_PERMISSION) && (
                <li>
                  <a href={fieldHash()} aria-current={route.page === "field" ? (route.order ? "true" : "page") : undefined}>Field work</a>
                </li>
              )}
              {me.permissions.includes(INBOX_PERMISSION) && (
                <li>
                  <a href={inboxHash()} aria-current={route.page === "inbox" ? (route.screen.screen === "view" ? "page" : "true") : undefined}>
                    Inbox
                  </a>
                </li>
              )}
              {me.permissions.includes(REPORTS_PERMISSION) && (
                <li>
                  <a href={reportsHash()} aria-current={route.page === "reports" ? (route.screen.report === null ? "page" : "true") : undefined}>
                    Reports
                  </a>
                </li>
              )}
              {me.permissions.includes(SETTINGS_PERMISSION) && (
                <li>
                  <a href={SETTINGS_HASH} aria-current={route.page === "settings" ? "page" : route.page === "tariffs" ? "true" : undefined}>
                    Settings
                  </a>
                </li>
              )}
              <li>
                <a href={auditHash()} aria-current={route.page === "audit" ? "page" : undefined}>Audit trail</a>
              </li>
            </ul>
          </nav>
        )}
        {me && signedInNow && (
          <p class="shortcut-hint">
            Press <kbd>/</kbd> to search
          </p>
        )}
        {me && (
          <div class="signed-in">
            <p class="who">
              <span class="visually-hidden">Signed in as </span>
              <span class="name" data-testid="staff-name">{me.name}</span>
              <span class="visually-hidden">, roles: </span>
              <span aria-hidden="true"> · </span>
              <span class="roles" data-testid="staff-roles">{rolesLabel(me.roles)}</span>
            </p>
            <button type="button" class="sign-out" aria-disabled={signingOut ? "true" : undefined} onClick={() => void doSignOut()}>
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1} aria-busy={session.state === "unknown" && !onEnrol ? "true" : undefined}>
        <p role="status" class="notice" data-testid="notice">{notice}</p>
        <ProblemAlert error={error} />
        {content}
      </main>
    </>
  );
}
