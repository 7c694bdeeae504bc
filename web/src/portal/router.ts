// The portal's pages and their paths. Pure: turns a location into a Route and back, so the
// History API code (navigation.ts) and the tests share one definition.

export type Route =
  | { page: "dashboard" }
  | { page: "bills" }
  | { page: "bill"; bill: string }
  | { page: "pay" }
  | { page: "autopay" }
  | { page: "payments" }
  | { page: "arrangements" }
  | { page: "usage" }
  | { page: "settings" }
  | { page: "messages"; write: boolean }
  | { page: "message"; thread: string }
  | { page: "requests"; ask: boolean }
  | { page: "request"; order: string }
  | { page: "stop-service" }
  | { page: "meter-reading" }
  | { page: "start-service" }
  | { page: "outages" }
  | { page: "sign-in"; next: string }
  | { page: "register" }
  | { page: "check-email" }
  | { page: "verify"; token: string }
  | { page: "forgot-password" }
  | { page: "reset-password"; token: string }
  | { page: "not-me"; token: string }
  | { page: "claim-by-text"; token: string }
  | { page: "unsubscribe"; token: string }
  | { page: "not-found"; path: string };

export type PageName = Route["page"];

// Paths with no parameter, one page each.
const FIXED: Record<string, PageName> = {
  "/": "dashboard",
  "/bills": "bills",
  "/pay": "pay",
  "/autopay": "autopay",
  "/payments": "payments",
  "/arrangements": "arrangements",
  "/usage": "usage",
  "/settings": "settings",
  "/requests/stop": "stop-service",
  "/meter-reading": "meter-reading",
  "/start-service": "start-service",
  "/outages": "outages",
  "/register": "register",
  "/check-email": "check-email",
  "/forgot-password": "forgot-password",
};

/** Pages anyone may open; every other page needs a signed-in customer. */
const PUBLIC: ReadonlySet<PageName> = new Set<PageName>([
  "sign-in",
  "register",
  "check-email",
  "verify",
  "forgot-password",
  "reset-password",
  "not-me",
  "claim-by-text",
  "unsubscribe",
  "start-service",
  "outages",
  "not-found",
]);

/** Pages that show one account: a customer with none linked sees, in their place, the accounts
 * waiting for a mailed code (or how to add one). */
const ACCOUNT_PAGES: ReadonlySet<PageName> = new Set<PageName>([
  "dashboard",
  "bills",
  "bill",
  "pay",
  "autopay",
  "payments",
  "arrangements",
  "usage",
  "messages",
  "message",
  "requests",
  "request",
  "stop-service",
  "meter-reading",
]);

/** Pages only for someone not signed in: a signed-in customer goes to the dashboard. */
const SIGNED_OUT_ONLY: ReadonlySet<PageName> = new Set<PageName>([
  "sign-in",
  "register",
  "check-email",
]);

export function isPublic(route: Route): boolean {
  return PUBLIC.has(route.page);
}

export function isSignedOutOnly(route: Route): boolean {
  return SIGNED_OUT_ONLY.has(route.page);
}

export function needsAccount(route: Route): boolean {
  return ACCOUNT_PAGES.has(route.page);
}

/**
 * Where to go after signing in: only a path of this site ("/bills/12"), never another
 * origin ("//evil.example", "https://...") and never back to the sign-in page.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next === "/sign-in" || next.startsWith("/sign-in?")) return "/";
  return next;
}

/** One value of a query string ("?token=abc&x=1", "token") -> "abc"; null when absent. */
export function queryParam(search: string, name: string): string | null {
  for (const pair of search.replace(/^\?/, "").split("&")) {
    const eq = pair.indexOf("=");
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (key !== name) continue;
    const raw = eq < 0 ? "" : pair.slice(eq + 1).replace(/\+/g, " ");
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/** Matches a pathname and query string ("?token=...") to a page. */
export function matchRoute(pathname: string, search = ""): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const fixed = FIXED[path];
  if (fixed) return { page: fixed } as Route;
  if (path === "/sign-in") return { page: "sign-in", next: safeNext(queryParam(search, "next")) };
  if (path === "/verify") return { page: "verify", token: queryParam(search, "token") ?? "" };
  if (path === "/reset-password") return { page: "reset-password", token: queryParam(search, "token") ?? "" };
  if (path === "/not-me") return { page: "not-me", token: queryParam(search, "token") ?? "" };
  if (path === "/claim-by-text") return { page: "claim-by-text", token: queryParam(search, "token") ?? "" };
  if (path === "/unsubscribe") return { page: "unsubscribe", token: queryParam(search, "token") ?? "" };
  if (path === "/messages") return { page: "messages", write: queryParam(search, "write") !== null };
  const thread = /^\/messages\/([0-9]+)$/.exec(path);
  if (thread) return { page: "message", thread: thread[1] };
  if (path === "/requests") return { page: "requests", ask: queryParam(search, "ask") !== null };
  const order = /^\/requests\/(SO[0-9]+)$/i.exec(path);
  if (order) return { page: "request", order: order[1].toUpperCase() };
  const bill = /^\/bills\/([0-9]+)$/.exec(path);
  if (bill) return { page: "bill", bill: bill[1] };
  return { page: "not-found", path: pathname };
}

/** The sign-in path that returns to `path` afterwards. */
export function signInPath(path: string): string {
  const next = safeNext(path);
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** The path of a bill's page. */
export function billPath(bill: string | number): string {
  return `/bills/${encodeURIComponent(String(bill))}`;
}

/** Starting service, open to anyone (pages/StartService.tsx). */
export const START_PATH = "/start-service";

/** Power outages: each home's status and reporting one, open to anyone (pages/Outages.tsx). */
export const OUTAGES_PATH = "/outages";

/** The Messages page with the "Write to us" form open. */
export const WRITE_TO_US_PATH = "/messages?write";

/** Which navigation item a page belongs to (so "Bills" stays marked on a bill's page). */
export function navSection(route: Route): PageName {
  switch (route.page) {
    case "bill":
      return "bills";
    case "autopay":
      return "pay";
    case "arrangements":
      return "payments";
    case "message":
      return "messages";
    case "request":
    case "stop-service":
    case "start-service":
      return "requests";
    case "meter-reading":
      return "usage";
    default:
      return route.page;
  }
}
