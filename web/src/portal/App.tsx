// The customer portal: who is signed in, which page they are on. What belongs to one session
// (the account shown, its balance, live updates) is session.tsx's AccountSession, drawn anew for
// each session.
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { I18nContext, makeI18n } from "./i18n/context";
import { asLanguage, languageFromBrowser } from "./i18n/translate";
import { loadMessages, messagesFor } from "./i18n/messages";
import { en } from "./i18n/en";
import type { Language, MessageKey } from "./i18n/translate";
import { isPublic, isSignedOutOnly, matchRoute, needsAccount, signInPath } from "./router";
import type { PageName, Route } from "./router";
import { navigate, useLocation } from "./navigation";
import { onSessionEnded, setCsrfToken, setRequestLanguage, startEarly } from "./api";
import { fetchMe, saveLanguage, signOut, signOutEverywhere } from "./authApi";
import { fetchBill, fetchDashboard, fetchUsage, fetchUsageToDate } from "./accountApi";
import { fetchOrder, fetchOrders } from "./ordersApi";
import { firstView, rememberedResolutions, usageRange } from "./usage";
import { isoLocalDate } from "./validation";
import { chooseAccount } from "./linkedAccounts";
import { ApiError } from "./problem";
import { AccountSession, SessionContext } from "./session";
import { ACCOUNT_KEY, LANGUAGE_KEY, store, stored } from "./storage";
import type { Me, RegisterPrefill } from "./types";
import { Header } from "./components/Header";
import { BusyNotice } from "./components/BusyNotice";
import { Footer, UtilityContext, useUtilityAnswer } from "./components/Footer";
import { lazyPage } from "./lazy";
import { SignIn } from "./pages/SignIn";
import { Dashboard } from "./pages/Dashboard";
import { NotFound } from "./pages/NotFound";

const Bills = lazyPage(() => import("./pages/Bills").then((m) => m.Bills));
const BillDetail = lazyPage(() => import("./pages/BillDetail").then((m) => m.BillDetail));
const Pay = lazyPage(() => import("./pages/Pay").then((m) => m.Pay));
const AutopayPage = lazyPage(() => import("./pages/Autopay").then((m) => m.AutopayPage));
const Payments = lazyPage(() => import("./pages/Payments").then((m) => m.Payments));
const Arrangements = lazyPage(() => import("./pages/Arrangements").then((m) => m.Arrangements));
const UsagePage = lazyPage(() => import("./pages/Usage").then((m) => m.UsagePage));
const Messages = lazyPage(() => import("./pages/Messages").then((m) => m.Messages));
const MessageThread = lazyPage(() => import("./pages/MessageThread").then((m) => m.MessageThread));
const Requests = lazyPage(() => import("./pages/Requests").then((m) => m.Requests));
const RequestPage = lazyPage(() => import("./pages/RequestPage").then((m) => m.RequestPage));
const StopService = lazyPage(() => import("./pages/StopService").then((m) => m.StopService));
const MeterReading = lazyPage(() => import("./pages/MeterReading").then((m) => m.MeterReading));
const Settings = lazyPage(() => import("./pages/Settings").then((m) => m.Settings));
const Register = lazyPage(() => import("./pages/Register").then((m) => m.Register));
const CheckEmail = lazyPage(() => import("./pages/CheckEmail").then((m) => m.CheckEmail));
const Verify = lazyPage(() => import("./pages/Verify").then((m) => m.Verify));
const ForgotPassword = lazyPage(() => import("./pages/ForgotPassword").then((m) => m.ForgotPassword));
const ResetPassword = lazyPage(() => import("./pages/ResetPassword").then((m) => m.ResetPassword));
const NotMe = lazyPage(() => import("./pages/NotMe").then((m) => m.NotMe));
const ClaimByText = lazyPage(() => import("./pages/ClaimByText").then((m) => m.ClaimByText));
const Unsubscribe = lazyPage(() => import("./pages/Unsubscribe").then((m) => m.Unsubscribe));
const NoAccount = lazyPage(() => import("./pages/NoAccount").then((m) => m.NoAccount));
const StartService = lazyPage(() => import("./pages/StartService").then((m) => m.StartService));
const Outages = lazyPage(() => import("./pages/Outages").then((m) => m.Outages));

/** The pages whose code loads on first visit, by name. */
const LAZY_PAGES: Partial<Record<PageName, { preload: () => void }>> = {
  bills: Bills,
  bill: BillDetail,
  pay: Pay,
  autopay: AutopayPage,
  payments: Payments,
  arrangements: Arrangements,
  usage: UsagePage,
  messages: Messages,
  message: MessageThread,
  requests: Requests,
  request: RequestPage,
  "stop-service": StopService,
  "meter-reading": MeterReading,
  "start-service": StartService,
  outages: Outages,
  settings: Settings,
  register: Register,
  "check-email": CheckEmail,
  verify: Verify,
  "forgot-password": ForgotPassword,
  "reset-password": ResetPassword,
  "not-me": NotMe,
  "claim-by-text": ClaimByText,
  unsubscribe: Unsubscribe,
};

/**
 * Starts what the page the portal opens on needs, so that it all comes down at once rather than
 * one thing after another: the page's code, and, when the customer is already known (the page
 * data), the page's first API answers (api.ts startEarly; each page asks them the same way).
 */
export function startOpening(route: Route, me: Me | null): void {
  const account = me ? chooseAccount(me, stored(ACCOUNT_KEY)) : "";
  if (me && !account && needsAccount(route)) {
    NoAccount.preload(); // drawn in place of the account's page
    return;
  }
  LAZY_PAGES[route.page]?.preload();
  if (!account) return;
  startEarly(() => {
    if (route.page === "dashboard") {
      void fetchDashboard(account);
    } else if (route.page === "usage") {
      // The period so far and the first view drawn: the 30 days, or a register meter's read
      // periods when that is what this account showed last time (the chart and the comparison
      // come after).
      const view = firstView(rememberedResolutions(account));
      const days = usageRange(view, isoLocalDate(new Date()));
      void fetchUsageToDate(account);
      void fetchUsage(account, view, days.from, days.to);
    } else if (route.page === "bill") {
      void fetchBill(account, route.bill);
    } else if (route.page === "requests") {
      void fetchOrders(account);
    } else if (route.page === "request") {
      void fetchOrder(account, route.order);
    }
  });
}

/** The language before anyone signs in: the last one chosen here, else the browser's. */
export function initialLanguage(): Language {
  return asLanguage(stored(LANGUAGE_KEY)) ?? languageFromBrowser(navigator.languages ?? [navigator.language]);
}

/** The portal. `startMe`: the customer the page data names (signed in from the first draw; the
 * caller has set their CSRF token), or null to ask the server. */
export function App({ startLanguage, startMe }: { startLanguage: Language; startMe: Me | null }) {
  const where = useLocation();
  const route = matchRoute(where.pathname, where.search);
  const [language, setShownLanguage] = useState<Language>(startLanguage);
  const i18n = useMemo(() => makeI18n(language, messagesFor(language) ?? en), [language]);
  // Shows a language once its dictionary is here (Spanish downloads on first use). Only the
  // latest asked counts: a dictionary that arrives after another language was chosen is not
  // shown. While one is on its way, <html data-language-pending> names it.
  const wantedLanguage = useRef<Language | null>(null);
  const setLanguage = useCallback((next: Language) => {
    wantedLanguage.current = next;
    document.documentElement.dataset.languagePending = next;
    const settle = (shown: boolean) => {
      if (wantedLanguage.current !== next) return;
      if (shown) setShownLanguage(next);
      delete document.documentElement.dataset.languagePending;
    };
    loadMessages(next).then(() => settle(true), () => settle(false));
  }, []);
  const [me, setMe] = useState<Me | null | undefined>(startMe ?? undefined); // undefined: still asking
  // Numbers the sessions of this page: each one gets a new AccountSession (its key).
  const [sessionNumber, setSessionNumber] = useState(0);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [registeredEmail, setRegisteredEmail] = useState("");
  // What a new customer told us applying for service, offered again on Register.
  const [registerPrefill, setRegisterPrefill] = useState<RegisterPrefill | null>(null);
  const signedIn = useRef(startMe !== null);
  const utility = useUtilityAnswer();

  /** A new Me within the session (an account added, the language changed). */
  const updateMe = useCallback((next: Me) => {
    signedIn.current = true;
    setCsrfToken(next.csrf_token);
    setMe(next);
    const lang = asLanguage(next.language);
    if (lang) setLanguage(lang);
  }, [setLanguage]);

  /** A session begins (signed in, or found signed in): nothing of an earlier one carries over. */
  const startSession = useCallback((next: Me) => {
    setSessionNumber((n) => n + 1);
    updateMe(next);
  }, [updateMe]);

  const forget = useCallback((why: MessageKey | null) => {
    signedIn.current = false;
    setCsrfToken("");
    setSessionNumber((n) => n + 1);
    setMe(null);
    setNotice(why);
  }, []);

  // Who is signed in, once, when the portal opens (unless the page said).
  useEffect(() => {
    if (startMe) return;
    const ctl = new AbortController();
    fetchMe(ctl.signal).then(startSession, (e: unknown) => {
      if (e instanceof ApiError) forget(e.status === 401 ? null : "errorSessionCheck");
    });
    return () => ctl.abort();
  }, [startSession, forget]);

  // A 401 from an account API: the session ended (expired, or signed out elsewhere).
  useEffect(() => {
    onSessionEnded(() => {
      if (!signedIn.current) return;
      forget("sessionEnded");
      navigate(signInPath(location.pathname + location.search), { replace: true });
    });
  }, [forget]);

  // Before the page is painted: the words on screen and the page's language change together.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    setRequestLanguage(i18n.locale);
  }, [language, i18n]);

  // Pages for signed-in customers send others to sign in, and back.
  useEffect(() => {
    if (me === null && !isPublic(route)) {
      navigate(signInPath(where.pathname + where.search), { replace: true });
    } else if (me && isSignedOutOnly(route)) {
      navigate(route.page === "sign-in" ? route.next : "/", { replace: true });
    }
  }, [me, route.page, where.pathname, where.search]);

  const changeLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      store(LANGUAGE_KEY, next);
      if (me) saveLanguage(next).then(updateMe, () => {}); // the page already speaks it
    },
    [me, updateMe, setLanguage],
  );

  // A page opened from an email's link knows the language the email was written in: it is shown
  // in it unless the customer chose one (signed in, or earlier on this device). Not remembered.
  const languageOfLink = useCallback(
    (next: Language) => {
      if (asLanguage(me?.language) || asLanguage(stored(LANGUAGE_KEY))) return;
      setLanguage(next);
    },
    [me, setLanguage],
  );

  const endSession = useCallback(
    async (everywhere: boolean) => {
      try {
        await (everywhere ? signOutEverywhere() : signOut());
      } finally {
        forget(everywhere ? "signedOutEverywhere" : "signedOut");
        navigate("/sign-in");
      }
    },
    [forget],
  );

  const onSignedIn = useCallback(
    (next: Me, to: string) => {
      startSession(next);
      setNotice(null);
      navigate(to, { replace: true });
    },
    [startSession],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <UtilityContext.Provider value={utility}>
        <AccountSession key={sessionNumber} me={me} updateMe={updateMe} signOut={endSession}>
          <a class="skip-link" href="#main">
            {i18n.t("skipToContent")}
          </a>
          <Header route={route} onLanguage={changeLanguage} expectMenu={me === undefined && !isPublic(route)} />
          <main id="main" tabIndex={-1}>
            <BusyNotice />
            {me === undefined || (me === null && !isPublic(route)) || (me && isSignedOutOnly(route)) ? (
              <p role="status" class="loading">
                {i18n.t("loading")}
              </p>
            ) : (
              <PageFor
                key={where.pathname}
                route={route}
                notice={notice}
                registeredEmail={registeredEmail}
                registerPrefill={registerPrefill}
                onRegister={setRegisterPrefill}
                onRegistered={(email) => {
                  setRegisteredEmail(email);
                  navigate("/check-email");
                }}
                onSignedIn={onSignedIn}
                onPasswordReset={() => {
                  setNotice("passwordResetDone");
                  navigate("/sign-in");
                }}
                onLanguage={changeLanguage}
                onLanguageOfLink={languageOfLink}
              />
            )}
          </main>
          <Footer />
        </AccountSession>
      </UtilityContext.Provider>
    </I18nContext.Provider>
  );
}

interface PageForProps {
  route: Route;
  notice: MessageKey | null;
  registeredEmail: string;
  registerPrefill: RegisterPrefill | null;
  onRegister: (prefill: RegisterPrefill) => void;
  onRegistered: (email: string) => void;
  onSignedIn: (me: Me, to: string) => void;
  onPasswordReset: () => void;
  onLanguage: (language: Language) => void;
  onLanguageOfLink: (language: Language) => void;
}

function PageFor(p: PageForProps) {
  const session = useContext(SessionContext);
  const r = p.route;
  // A login that holds no account yet sees the accounts waiting for a mailed code instead.
  if (session && !session.account && needsAccount(r)) return <NoAccount />;
  switch (r.page) {
    case "sign-in":
      return <SignIn next={r.next} notice={p.notice} onSignedIn={p.onSignedIn} />;
    case "register":
      return <Register prefill={p.registerPrefill} onRegistered={p.onRegistered} />;
    case "check-email":
      return <CheckEmail email={p.registeredEmail} />;
    case "verify":
      return <Verify token={r.token} onSignedIn={p.onSignedIn} />;
    case "forgot-password":
      return <ForgotPassword />;
    case "reset-password":
      return <ResetPassword token={r.token} onReset={p.onPasswordReset} />;
    case "not-me":
      return <NotMe token={r.token} />;
    case "claim-by-text":
      return <ClaimByText token={r.token} />;
    case "unsubscribe":
      return <Unsubscribe token={r.token} onLanguageOfLink={p.onLanguageOfLink} />;
    case "dashboard":
      return <Dashboard />;
    case "bills":
      return <Bills />;
    case "bill":
      return <BillDetail bill={r.bill} />;
    case "pay":
      return <Pay />;
    case "autopay":
      return <AutopayPage />;
    case "payments":
      return <Payments />;
    case "arrangements":
      return <Arrangements />;
    case "usage":
      return <UsagePage />;
    case "messages":
      return <Messages write={r.write} />;
    case "message":
      return <MessageThread thread={r.thread} />;
    case "requests":
      return <Requests ask={r.ask} />;
    case "request":
      return <RequestPage order={r.order} />;
    case "stop-service":
      return <StopService />;
    case "meter-reading":
      return <MeterReading />;
    case "start-service":
      return <StartService onRegister={p.onRegister} />;
    case "outages":
      return <Outages />;
    case "settings":
      return <Settings onLanguage={p.onLanguage} />;
    case "not-found":
      return <NotFound />;
  }
}
