// The utility's name (header, document title) and its contact details (the footer of every page,
// signed in or not), from GET /api/v1/utility (utility.ts).
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n/context";
import { fetchUtility, lastKnownUtility, mailtoHref, telHref, websiteLink } from "../utility";
import type { Utility } from "../utility";

/** The utility, once known (the last answer on this device until the server's arrives); null
 * before, or when it cannot be had. */
export const UtilityContext = createContext<Utility | null>(null);

/** For App: the utility as last known here, then as the server answers (asked once per load). */
export function useUtilityAnswer(): Utility | null {
  const [utility, setUtility] = useState<Utility | null>(lastKnownUtility);
  useEffect(() => {
    let live = true;
    fetchUtility().then((answer) => {
      if (live && answer) setUtility(answer);
    });
    return () => {
      live = false;
    };
  }, []);
  return utility;
}

/** The utility's name, or the portal's own ("Ratepayer") until it is known. */
export function useUtilityName(): string {
  const { t } = useI18n();
  return useContext(UtilityContext)?.name ?? t("portalName");
}

export function Footer() {
  const { t } = useI18n();
  const utility = useContext(UtilityContext);
  if (!utility) {
    return (
      <footer class="site-footer">
        <p>{t("footerHelp")}</p>
      </footer>
    );
  }
  const tel = utility.phone ? telHref(utility.phone) : null;
  const mailto = utility.email ? mailtoHref(utility.email) : null;
  const website = utility.website ? websiteLink(utility.website) : null;
  return (
    <footer class="site-footer">
      <p>{t("footerContact", { name: utility.name })}</p>
      <address class="contact" data-testid="utility-contact">
        <dl>
          {utility.phone && (
            <div>
              <dt>{t("footerPhone")}</dt>
              <dd>{tel ? <a href={tel}>{utility.phone}</a> : utility.phone}</dd>
            </div>
          )}
          {utility.hours && (
            <div>
              <dt>{t("footerHours")}</dt>
              <dd>{utility.hours}</dd>
            </div>
          )}
          {utility.email && (
            <div>
              <dt>{t("footerEmail")}</dt>
              <dd>{mailto ? <a href={mailto}>{utility.email}</a> : utility.email}</dd>
            </div>
          )}
          {utility.address.length > 0 && (
            <div>
              <dt>{t("footerMail")}</dt>
              <dd>
                {utility.address.map((line, i) => (
                  <span key={i} class="line">{line}</span>
                ))}
              </dd>
            </div>
          )}
          {utility.website && (
            <div>
              <dt>{t("footerWebsite")}</dt>
              <dd>{website ? <a href={website.href}>{website.text}</a> : utility.website}</dd>
            </div>
          )}
        </dl>
      </address>
    </footer>
  );
}
