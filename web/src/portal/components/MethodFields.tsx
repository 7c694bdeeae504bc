// The fields of a new card or bank account.
import { Field } from "./Field";
import { useI18n } from "../i18n/context";
import type { BankValues, CardValues } from "../methodEntry";

type ErrorText = (id: string) => string | undefined;

export function CardFields({ prefix, card, onCard, error }: {
  prefix: string;
  card: CardValues;
  onCard: (c: CardValues) => void;
  error: ErrorText;
}) {
  const { t } = useI18n();
  const id = (f: string) => `${prefix}-card-${f}`;
  return (
    <div class="method-fields">
      <Field id={id("number")} label={t("cardNumber")} inputMode="numeric" autoComplete="cc-number"
        value={card.number} onValue={(number) => onCard({ ...card, number })} error={error(id("number"))}
        required maxLength={23} />
      <div class="field-row">
        <Field id={id("expiry")} label={t("cardExpiry")} hint={t("cardExpiryHint")} inputMode="numeric"
          autoComplete="cc-exp" value={card.expiry} onValue={(expiry) => onCard({ ...card, expiry })}
          error={error(id("expiry"))} required maxLength={7} />
        <Field id={id("cvc")} label={t("cardCvc")} hint={t("cardCvcHint")} inputMode="numeric"
          autoComplete="cc-csc" value={card.cvc} onValue={(cvc) => onCard({ ...card, cvc })}
          error={error(id("cvc"))} required maxLength={4} />
      </div>
    </div>
  );
}

export function BankFields({ prefix, bank, onBank, error }: {
  prefix: string;
  bank: BankValues;
  onBank: (b: BankValues) => void;
  error: ErrorText;
}) {
  const { t } = useI18n();
  const id = (f: string) => `${prefix}-bank-${f}`;
  return (
    <div class="method-fields">
      <Field id={id("holder")} label={t("bankHolder")} autoComplete="name" value={bank.holder}
        onValue={(holder) => onBank({ ...bank, holder })} error={error(id("holder"))} maxLength={100} />
      <Field id={id("routing")} label={t("bankRouting")} hint={t("bankRoutingHint")} inputMode="numeric"
        value={bank.routing} onValue={(routing) => onBank({ ...bank, routing })} error={error(id("routing"))}
        required maxLength={9} />
      <Field id={id("account")} label={t("bankAccount")} inputMode="numeric" value={bank.account}
        onValue={(account) => onBank({ ...bank, account })} error={error(id("account"))} required maxLength={17} />
      <fieldset class="choices">
        <legend>{t("bankType")}</legend>
        {(["checking", "savings"] as const).map((type) => (
          <label key={type} class="choice">
            <input type="radio" name={`${prefix}-bank-type`} value={type} checked={bank.type === type}
              onChange={() => onBank({ ...bank, type })} />
            {type === "checking" ? t("bankChecking") : t("bankSavings")}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
