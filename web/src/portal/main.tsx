import { render } from "preact";
import "../shared/base.css";
import "./portal.css";
import { App, initialLanguage, startOpening } from "./App";
import { matchRoute } from "./router";
import { takeMeFromPage } from "./pageData";
import type { Me } from "./types";
import { loadMessages } from "./i18n/messages";
import { asLanguage, localeFor } from "./i18n/translate";
import type { Language } from "./i18n/translate";
import { setCsrfToken, setRequestLanguage } from "./api";
import { fetchUtility } from "./utility";

// The customer portal: balance, bills, payments, usage and settings, in English and Spanish.
// A signed-in customer's page carries who they are (pageData.ts), so the page's code and its first
// answers are asked for at once. A Spanish speaker's first page is drawn in Spanish: its
// dictionary is fetched before drawing (and if it cannot be, the page starts in English rather
// than not at all).
const me = takeMeFromPage();
if (me) setCsrfToken(me.csrf_token);
const language = asLanguage(me?.language) ?? initialLanguage();
setRequestLanguage(localeFor(language));
startOpening(matchRoute(location.pathname, location.search), me);
// Who the utility is (header, footer), asked for after the page's own first answers and alongside
// them; nothing waits for it.
void fetchUtility();

const start = (shown: Language, startMe: Me | null) => {
  setRequestLanguage(localeFor(shown));
  render(<App startLanguage={shown} startMe={startMe} />, document.getElementById("app")!);
};
if (language === "en") start("en", me);
else loadMessages(language).then(() => start(language, me), () => start("en", me));
