// Registration with what the customer knows: email, service address and ZIP code, and if they
// have a bill at hand the account number and the amount due on one of the last two bills (with
// both, the account is linked as soon as the email is confirmed; without, a code is mailed to the
// service address, or, given the mobile phone on file, a link is texted to it). A verification
// link is emailed. Someone who just applied for service finds what they told us filled in.
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Field } from "../components/Field";
import { Alert } from "../components/Alert";
import { useFormSubmit } from "../components/useFormSubmit";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { register } from "../authApi";
import type { RegisterPrefill } from "../types";
import {
  billAmountForServer,
  checkEmail,
  checkNumberWithBillAmount,
  checkOptionalBillAmount,
  checkOptionalPhone,
  checkRequired,
  checkZip,
  collectErrors,
  phoneForServer,
} from "../validation";

const ORDER = ["email", "street", "zip", "account_number", "bill_amount", "phone"];

export function Register({ prefill, onRegistered }: {
  /** What a new customer told us applying for service (StartService.tsx), filled in. */
  prefill: RegisterPrefill | null;
  onRegistered: (email: string) => void;
}) {
  const { t, language } = useI18n();
  const [email, setEmail] = useState(prefill?.email ?? "");
  const [street, setStreet] = useState(prefill?.street ?? "");
  const [zip, setZip] = useState(prefill?.zip ?? "");
  const [accountNumber, setAccountNumber] = useState(prefill?.account_number ?? "");
  const [billAmount, setBillAmount] = useState("");
  const [phone, setPhone] = useState("");
  const form = useFormSubmit({
    email: "email",
    street: "street",
    zip: "zip",
    account_number: "account_number",
    bill_amount: "bill_amount",
    phone: "phone",
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = collectErrors({
      email: checkEmail(email),
      street: checkRequired(street),
      zip: checkZip(zip),
      account_number: checkNumberWithBillAmount(accountNumber, billAmount),
      bill_amount: checkOptionalBillAmount(billAmount),
      phone: checkOptionalPhone(phone),
    });
    if (!form.check(found, ORDER)) return;
    const number = accountNumber.replace(/[\s-]/g, "");
    const amount = billAmountForServer(billAmount) ?? "";
    const mobile = phoneForServer(phone) ?? "";
    const answer = await form.run(() =>
      register({
        email: email.trim(),
        street: street.trim(),
        zip: zip.trim(),
        ...(number ? { account_number: number } : {}),
        ...(amount ? { bill_amount: amount } : {}),
        ...(mobile ? { phone: mobile } : {}),
        language,
      }),
    );
    if (answer) onRegistered(answer.email);
  };

  const error = form.fieldError;
  return (
    <Page title={t("registerTitle")}>
      <p>{t("registerIntro")}</p>
      <form onSubmit={submit} noValidate class="form">
        <Alert>{form.failure || null}</Alert>
        <Field id="email" label={t("email")} type="email" autoComplete="email" value={email}
          onValue={setEmail} error={error("email")} required />
        <Field id="street" label={t("street")} hint={t("streetHint")} autoComplete="address-line1"
          value={street} onValue={setStreet} error={error("street")} required />
        <Field id="zip" label={t("zip")} autoComplete="postal-code" inputMode="numeric" value={zip}
          onValue={setZip} error={error("zip")} required maxLength={10} />
        <Field id="account_number" label={t("accountNumberOptional")} hint={t("accountNumberHint")}
          inputMode="numeric" value={accountNumber} onValue={setAccountNumber} error={error("account_number")} />
        <Field id="bill_amount" label={t("billAmountOptional")} hint={t("billAmountHint")} inputMode="decimal"
          value={billAmount} onValue={setBillAmount} error={error("bill_amount")} />
        <Field id="phone" label={t("phoneOptional")} hint={t("phoneHint")} type="tel" autoComplete="tel"
          inputMode="tel" value={phone} onValue={setPhone} error={error("phone")} />
        <button type="submit" class="button primary" aria-disabled={form.busy}>
          {form.busy ? t("sending") : t("registerButton")}
        </button>
      </form>
      <p>
        {t("haveLogin")} <Link href="/sign-in">{t("signInLink")}</Link>
      </p>
    </Page>
  );
}
