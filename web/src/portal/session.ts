// The signed-in customer and the account they are looking at, for every page.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { AccountSummary, Me } from "./types";
import type { ApiError } from "./problem";

export interface Session {
  me: Me;
  /** The account number the pages show (one of me.accounts). */
  account: string;
  /** The account's summary (balance), shared so a payment refreshes it everywhere. */
  summary: AccountSummary | null;
  summaryError: ApiError | null;
  refreshSummary: () => Promise<AccountSummary | null>;
  /** Counts the changes the server announced for the account (live updates); pages that show
   * account data load again when it moves. */
  changes: number;
  /** A new Me from the server (after adding an account, changing language). */
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
