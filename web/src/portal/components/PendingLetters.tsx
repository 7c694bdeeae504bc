// The accounts a login claimed that wait for proof: the code mailed to their service address, or
// the link texted to the mobile phone on file; and the form to type a letter's code
// (POST /api/v1/me/accounts/claim).
import { useState } from "preact/hooks";
import { Field } from "./Field";
import { Alert, Status } from "./Alert";
import { useFormSubmit } from "./useFormSubmit";
import { useI18n } from "../i18n/context";
import { useSession } from "../session";
import { claimAccount } from "../authApi";
import { addAccountOutcome, pendingSentence } from "../linkedAccounts";
import { checkClaimCode, claimCodeForServer, collectErrors } from "../validation";
import type { Me, PendingAccount } from "../types";

/** One sentence per pending account: a letter on its way (where to), or a link texted (to the
 * phone ending in which digits), and until when its code or link works. */
export function PendingLetters({ pending }: { pending: PendingAccount[] }) {
  const { t, date } = useI18n();
  return (
    <ul class="list pending-letters">
      {pending.map((p, i) => (
        <li key={i} class="list-item">
          {pendingSentence(p, t, date)}
        </li>
      ))}
    </ul>
  );
}

/** The code from a letter: links its account to this login. `onClaimed` runs with the new Me. */
export function ClaimCodeForm({ onClaimed }: { onClaimed?: (me: Me) => void }) {
  const { t } = useI18n();
  const { me, updateMe } = useSession();
  const [code, setCode] = useState("");
  const form = useFormSubmit({ code: "claim-code" });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!form.check(collectErrors({ "claim-code": checkClaimCode(code) }), ["claim-code"])) return;
    const before = me;
    const next = await form.run(
      () => claimAccount(claimCodeForServer(code)),
      (answer) =>
        addAccountOutcome(before, answer)
          .linked.map((a) => t("accountLinked", { address: a.service_address }))
          .join(" "),
    );
    if (next) {
      setCode("");
      updateMe(next);
      onClaimed?.(next);
    }
  };
  return (
    <form onSubmit={submit} noValidate class="form">
      <Status>{form.done || null}</Status>
      <Alert>{form.failure || null}</Alert>
      <Field id="claim-code" label={t("claimCode")} hint={t("claimCodeHint")} autoComplete="one-time-code"
        value={code} onValue={setCode} error={form.fieldError("claim-code")} required maxLength={12} />
      <button type="submit" class="button primary" aria-disabled={form.busy}>
        {form.busy ? t("sending") : t("claimButton")}
      </button>
    </form>
  );
}
