import { useI18n } from "../../i18n/context";
import type { SavedPaymentMethod } from "../../types";

/** A choice among the account's saved payment methods. */
export function MethodSelect({ id, methods, value, onValue }: {
  id: string;
  methods: SavedPaymentMethod[];
  value: string;
  onValue: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{t("payFrom")}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        {methods.map((m) => (
          <option key={m.id} value={String(m.id)}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}
