import { useContext } from "preact/hooks";
import { useI18n } from "../i18n/context";
import type { Language, MessageKey } from "../i18n/translate";
import { Link } from "../navigation";
import { navSection } from "../router";
import type { PageName, Route } from "../router";
import { SessionContext } from "../session";
import { useUtilityName } from "./Footer";

const NAV: { page: PageName; href: string; label: MessageKey }[] = [
  { page: "dashboard", href: "/", label: "navHome" },
  { page: "bills", href: "/bills", label: "navBills" },
  { page: "pay", href: "/pay", label: "navPay" },
  { page: "usage", href: "/usage", label: "navUsage" },
  { page: "payments", href: "/payments", label: "navPayments" },
  { page: "messages", href: "/messages", label: "navMessages" },
  { page: "requests", href: "/requests", label: "navRequests" },
  { page: "outages", href: "/outages", label: "navOutages" },
  { page: "settings", href: "/settings", label: "navSettings" },
];

interface HeaderProps {
  route: Route;
  onLanguage: (language: Language) => void;
  /** While the session is being checked on a signed-in page: draw the menu already, so the page
   * does not move down when it arrives (layout shift). */
  expectMenu: boolean;
}

/** The utility's name, the language toggle (every page), and for a signed-in customer the menu and accounts. */
export function Header({ route, onLanguage, expectMenu }: HeaderProps) {
  const { t, language } = useI18n();
  const session = useContext(SessionContext);
  const other: Language = language === "en" ? "es" : "en";
  const current = navSection(route);
  const utilityName = useUtilityName();
  return (
    <header class="site-header">
      <div class="bar">
        <Link class="brand" href="/">
          {utilityName}
        </Link>
        <button
          type="button"
          class="language-toggle"
          lang={other}
          onClick={() => onLanguage(other)}
        >
          {t("otherLanguage")}
        </button>
      </div>
      {(session || expectMenu) && (
        <nav aria-label={t("navLabel")}>
          <ul class="nav">
            {NAV.map((item) => (
              <li key={item.page}>
                <Link href={item.href} aria-current={current === item.page ? "page" : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {session && session.me.accounts.length > 1 && (
        <div class="account-switcher">
          <label for="account-select">{t("accountSwitchLabel")}</label>
          <select
            id="account-select"
            value={session.account}
            onChange={(e) => session.chooseAccount(e.currentTarget.value)}
          >
            {session.me.accounts.map((a) => (
              <option key={a.number} value={a.number}>
                {t("accountOption", { address: a.service_address, number: a.number })}
              </option>
            ))}
          </select>
        </div>
      )}
    </header>
  );
}
