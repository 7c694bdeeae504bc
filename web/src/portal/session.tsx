// The signed-in customer and the account they are looking at, for every page.
//
// Everything here belongs to one session. App draws a new AccountSession for each one (keyed by
// the session), so nothing a session held (the account shown, its balance or a failed load of it,
// the live updates) outlives it: signing in again, after signing out or after the session ended,
// starts from nothing, as a fresh page would.
import { createContext } from "preact";
import type { ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { fetchSummary } from "./accountApi";
import { fetchMeInSession } from "./authApi";
import { chooseAccount } from "./linkedAccounts";
import { ApiError } from "./problem";
import { ACCOUNT_KEY, store, stored } from "./storage";
import type { AccountSummary, Me } from "./types";

export interface Session {
  me: Me;
  /** The account number the pages show (one of me.accounts); "" when the login holds none yet. */
  account: string;
  /** Shows another of the customer's accounts. */
  chooseAccount: (number: string) => void;
  /** The account's summary (balance), shared so a payment refreshes it everywhere. */
  summary: AccountSummary | null;
  summaryError: ApiError | null;
  refreshSummary: () => Promise<AccountSummary | null>;
  /** Counts the changes the server announced for the account (live updates); pages that show
   * account data load again when it moves. */
  changes: number;
  /** A new Me from the server in this session (after adding an account, changing language). */
  updateMe: (me: Me) => void;
  signOut: (everywhere: boolean) => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The session of a signed-in page; those pages are only rendered with one. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside a signed-in page");
  return s;
}

interface AccountSessionProps {
  /** The signed-in customer; null (or undefined while asking) gives the pages no session. */
  me: Me | null | undefined;
  updateMe: (me: Me) => void;
  signOut: (everywhere: boolean) => Promise<void>;
  children?: ComponentChildren;
}

/** The account's summary as last loaded, with the account it is of. */
interface LoadedSummary {
  account: string;
  summary: AccountSummary | null;
  error: ApiError | null;
}

/** Provides one session to the pages. Draw a new one (a new `key`) for every session. */
export function AccountSession({ me, updateMe: update, signOut, children }: AccountSessionProps) {
  // An answer that arrives after this session ended (a form sent just before) changes nothing.
  const ended = useRef(false);
  useEffect(() => () => void (ended.current = true), []);
  const updateMe = useCallback((next: Me) => {
    if (!ended.current) update(next);
  }, [update]);
  const [wanted, setWanted] = useState(() => stored(ACCOUNT_KEY));
  // Worked out from `me` on every draw, so it always names an account the login holds now.
  const account = me ? chooseAccount(me, wanted) : "";
  const accountRef = useRef(account);
  accountRef.current = account;
  const [loaded, setLoaded] = useState<LoadedSummary>({ account: "", summary: null, error: null });

  const refreshSummary = useCallback(async () => {
    if (!account) return null;
    // An answer for an account no longer shown is dropped.
    const keep = (next: LoadedSummary) => setLoaded((current) => (accountRef.current === account ? next : current));
    try {
      const summary = await fetchSummary(account);
      keep({ account, summary, error: null });
      return summary;
    } catch (e) {
      if (e instanceof ApiError) keep({ account, summary: null, error: e });
      return null;
    }
  }, [account]);

  useEffect(() => {
    if (!account) return;
    store(ACCOUNT_KEY, account);
    void refreshSummary();
  }, [account, refreshSummary]);

  const changes = useLiveUpdates(me, account, refreshSummary, updateMe);

  const current = loaded.account === account ? loaded : null;
  const session: Session | null = useMemo(
    () =>
      me
        ? {
            me,
            account,
            chooseAccount: setWanted,
            summary: current?.summary ?? null,
            summaryError: current?.error ?? null,
            refreshSummary,
            changes,
            updateMe,
            signOut,
          }
        : null,
    [me, account, current, refreshSummary, changes, updateMe, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/**
 * Live updates: the server announces every committed change to the customer's accounts (a
 * payment, a bill, a staff adjustment); the balance and the account's pages load again. The
 * stream follows the accounts held when it opened, so it opens again when they change, and not
 * at all for a login that holds none. When the server refuses the stream (the session ended
 * elsewhere, or its accounts changed), the portal asks who is signed in: a 401 there signs the
 * page out (api.ts onSessionEnded) without waiting for the customer's next click.
 */
function useLiveUpdates(
  me: Me | null | undefined,
  account: string,
  refreshSummary: () => Promise<unknown>,
  updateMe: (me: Me) => void,
): number {
  const [changes, setChanges] = useState(0);
  const accountRef = useRef(account);
  accountRef.current = account;
  const refreshRef = useRef(refreshSummary);
  refreshRef.current = refreshSummary;
  const updateMeRef = useRef(updateMe);
  updateMeRef.current = updateMe;
  const followed = me ? me.accounts.map((a) => a.number).join(",") : "";
  useEffect(() => {
    if (!followed || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/v1/me/events");
    const onAccount = (event: MessageEvent<string>) => {
      let changed = "";
      try {
        changed = (JSON.parse(event.data) as { account_number?: string }).account_number ?? "";
      } catch {
        return;
      }
      if (changed === accountRef.current) {
        void refreshRef.current();
        setChanges((c) => c + 1);
      }
    };
    const onError = () => {
      if (source.readyState !== EventSource.CLOSED) return; // the browser tries again itself
      fetchMeInSession().then((fresh) => updateMeRef.current(fresh), () => {});
    };
    source.addEventListener("account", onAccount as EventListener);
    source.addEventListener("error", onError);
    return () => source.close();
  }, [followed]);
  return changes;
}
