import { render } from "preact";
import "../shared/base.css";
import "./portal.css";
import { App, initialLanguage } from "./App";
import { loadMessages } from "./i18n/messages";
import { localeFor } from "./i18n/translate";
import type { Language } from "./i18n/translate";
import { setRequestLanguage } from "./api";

// The customer portal: balance, bills, payments, usage and settings, in English and Spanish.
// A Spanish speaker's first page is drawn in Spanish: its dictionary is fetched before drawing
// (and if it cannot be, the page starts in English rather than not at all).
const start = (language: Language) => {
  setRequestLanguage(localeFor(language));
  render(<App startLanguage={language} />, document.getElementById("app")!);
};
const language = initialLanguage();
if (language === "en") start("en");
else loadMessages(language).then(() => start(language), () => start("en"));
