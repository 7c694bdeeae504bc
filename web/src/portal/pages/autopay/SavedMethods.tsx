import { useState } from "preact/hooks";
import { Alert, Status, useProblemText } from "../../components/Alert";
import { BankFields, CardFields } from "../../components/MethodFields";
import { focusFirstError, serverFieldErrors } from "../../components/forms";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { removePaymentMethod, savePaymentMethod, tokenizeBankAccount, tokenizeCard } from "../../accountApi";
import { bankEntry, cardEntry, checkBank, checkCard, emptyBank, emptyCard, tokenFieldIds } from "../../methodEntry";
import type { BankValues, CardValues } from "../../methodEntry";
import { ApiError } from "../../problem";
import { hasErrors } from "../../validation";
import type { FieldErrors } from "../../validation";
import type { SavedPaymentMethod } from "../../types";

const P = "save";

/** The account's saved cards and bank accounts: remove one, or add one. */
export function SavedMethods({ methods, onChanged }: { methods: SavedPaymentMethod[]; onChanged: () => void }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const { account } = useSession();
  const [kind, setKind] = useState<"card" | "bank">("card");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const [bank, setBank] = useState<BankValues>(emptyBank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState("");
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setFailure("");
    setDone("");
    try {
      await action();
      setDone(message);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) {
        setFailure(problemText(e));
        setServerErrors(serverFieldErrors(e.fieldErrors, tokenFieldIds(P)));
      }
    } finally {
      setBusy(false);
    }
  };

  const add = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = kind === "card" ? checkCard(card, new Date(), P) : checkBank(bank, P);
    setErrors(found);
    setServerErrors({});
    if (hasErrors(found)) {
      return focusFirstError(found, [`${P}-card-number`, `${P}-card-expiry`, `${P}-card-cvc`, `${P}-bank-routing`, `${P}-bank-account`]);
    }
    void act(async () => {
      const token = await (kind === "card" ? tokenizeCard(cardEntry(card)) : tokenizeBankAccount(bankEntry(bank)));
      await savePaymentMethod(account, token.token);
    }, t("methodSaved"));
  };

  const error = (id: string) => {
    const key = errors[id];
    return serverErrors[id] ?? (key ? t(key) : undefined);
  };
  return (
    <section class="card" aria-labelledby="methods-heading">
      <h2 id="methods-heading">{t("savedMethodsTitle")}</h2>
      <Status>{done || null}</Status>
      {methods.length === 0 ? (
        <p>{t("savedMethodsNone")}</p>
      ) : (
        <ul class="list">
          {methods.map((m) => (
            <li key={m.id} class="list-item row">
              <span>
                {m.label}
                {m.default && <span class="hint"> ({t("defaultMethod")})</span>}
              </span>
              <button type="button" class="button small" aria-disabled={busy}
                onClick={() => void act(() => removePaymentMethod(account, m.id), t("methodRemoved"))}>
                {t("removeMethod", { method: m.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate class="form">
        <h3>{t("addMethod")}</h3>
        <Alert>{failure || null}</Alert>
        <fieldset class="choices">
          <legend>{t("methodKind")}</legend>
          <label class="choice">
            <input type="radio" name="save-kind" checked={kind === "card"} onChange={() => setKind("card")} />
            {t("methodCard")}
          </label>
          <label class="choice">
            <input type="radio" name="save-kind" checked={kind === "bank"} onChange={() => setKind("bank")} />
            {t("methodBank")}
          </label>
        </fieldset>
        {kind === "card" ? (
          <CardFields prefix={P} card={card} onCard={setCard} error={error} />
        ) : (
          <BankFields prefix={P} bank={bank} onBank={setBank} error={error} />
        )}
        <p class="hint">{t("cardNotStored")}</p>
        <button type="submit" class="button primary" aria-disabled={busy}>{t("saveMethodButton")}</button>
      </form>
    </section>
  );
}
