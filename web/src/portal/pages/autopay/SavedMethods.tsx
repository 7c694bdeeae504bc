import { useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { BankFields, CardFields } from "../../components/MethodFields";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { removePaymentMethod, savePaymentMethod, tokenizeBankAccount, tokenizeCard } from "../../accountApi";
import { bankEntry, cardEntry, checkBank, checkCard, emptyBank, emptyCard, tokenFieldIds } from "../../methodEntry";
import type { BankValues, CardValues } from "../../methodEntry";
import type { SavedPaymentMethod } from "../../types";

const P = "save";

/** The account's saved cards and bank accounts: remove one, or add one. */
export function SavedMethods({ methods, onChanged }: { methods: SavedPaymentMethod[]; onChanged: () => void }) {
  const { t } = useI18n();
  const { account } = useSession();
  const change = useFormSubmit(tokenFieldIds(P), onChanged);
  const [kind, setKind] = useState<"card" | "bank">("card");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const [bank, setBank] = useState<BankValues>(emptyBank);

  const add = (e: Event) => {
    e.preventDefault();
    const found = kind === "card" ? checkCard(card, new Date(), P) : checkBank(bank, P);
    const order = [`${P}-card-number`, `${P}-card-expiry`, `${P}-card-cvc`, `${P}-bank-routing`, `${P}-bank-account`];
    if (!change.check(found, order)) return;
    void change.run(async () => {
      const token = await (kind === "card" ? tokenizeCard(cardEntry(card)) : tokenizeBankAccount(bankEntry(bank)));
      await savePaymentMethod(account, token.token);
      setCard(emptyCard);
      setBank(emptyBank);
    }, t("methodSaved"));
  };

  return (
    <section class="card" aria-labelledby="methods-heading">
      <h2 id="methods-heading">{t("savedMethodsTitle")}</h2>
      <Status>{change.done || null}</Status>
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
              <button type="button" class="button small" aria-disabled={change.busy}
                onClick={() => void change.run(() => removePaymentMethod(account, m.id), t("methodRemoved"))}>
                {t("removeMethod", { method: m.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate class="form">
        <h3>{t("addMethod")}</h3>
        <Alert>{change.failure || null}</Alert>
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
          <CardFields prefix={P} card={card} onCard={setCard} error={change.fieldError} />
        ) : (
          <BankFields prefix={P} bank={bank} onBank={setBank} error={change.fieldError} />
        )}
        <p class="hint">{t("cardNotStored")}</p>
        <button type="submit" class="button primary" aria-disabled={change.busy}>{t("saveMethodButton")}</button>
      </form>
    </section>
  );
}
