// In place of an account's pages, for a login that holds no account yet: the letters with a code
// on their way to the service addresses it claimed, and the form to type the code, and the links
// texted to the mobile phones on file; or, with none, how to add an account; and starting service,
// for someone with no account at all. Nothing of a claimed account shows here but the street the
// customer typed (and the last two digits of the phone they gave): the account is theirs only
// once the code or the link proves it.
import { Page } from "../components/Page";
import { ClaimCodeForm, PendingLetters } from "../components/PendingLetters";
import { useI18n } from "../i18n/context";
import { Link, navigate } from "../navigation";
import { START_PATH } from "../router";
import { useSession } from "../session";
import { lettersPending, textsPending } from "../linkedAccounts";

export function NoAccount() {
  const { t } = useI18n();
  const { me } = useSession();
  const pending = me.pending_accounts;
  if (pending.length === 0) {
    return (
      <Page title={t("dashboardTitle")}>
        <p>{t("noAccounts")}</p>
        <p><Link href="/settings#add-account" class="button">{t("addAccountLink")}</Link></p>
        <p><Link href={START_PATH}>{t("startLink")}</Link></p>
      </Page>
    );
  }
  const letters = lettersPending(pending);
  return (
    <Page title={t(letters ? "pendingTitle" : "pendingTextTitle")}>
      <PendingLetters pending={pending} />
      {letters && <p class="hint pending-why">{t("pendingWhy")}</p>}
      {textsPending(pending) && <p class="hint pending-why">{t("pendingTextWhy")}</p>}
      {letters && <ClaimCodeForm onClaimed={() => navigate("/")} />}
      <p><Link href="/settings#add-account">{t("addAccountLink")}</Link></p>
      <p><Link href={START_PATH}>{t("startLink")}</Link></p>
    </Page>
  );
}
