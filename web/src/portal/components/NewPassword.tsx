import { Field } from "./Field";
import { useI18n } from "../i18n/context";
import { MIN_PASSWORD_LENGTH } from "../validation";

interface NewPasswordProps {
  password: string;
  again: string;
  onPassword: (v: string) => void;
  onAgain: (v: string) => void;
  passwordError?: string;
  againError?: string;
}

/** A new password, typed twice; the rule (12 characters or more) is said before typing. */
export function NewPasswordFields(p: NewPasswordProps) {
  const { t } = useI18n();
  return (
    <>
      <Field id="new-password" label={t("newPassword")} type="password" autoComplete="new-password"
        hint={t("passwordRule", { min: MIN_PASSWORD_LENGTH })} value={p.password} onValue={p.onPassword}
        error={p.passwordError} required />
      <Field id="new-password-again" label={t("newPasswordAgain")} type="password" autoComplete="new-password"
        value={p.again} onValue={p.onAgain} error={p.againError} required />
    </>
  );
}
