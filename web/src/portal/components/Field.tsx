export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** The message shown under the field and tied to it (aria-describedby), if it is wrong. */
  error?: string;
  hint?: string;
  type?: "text" | "email" | "password" | "tel" | "date";
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "email" | "tel" | "text";
  required?: boolean;
  min?: string;
  max?: string;
  maxLength?: number;
  lang?: string;
}

/** A labelled input with its hint and its error, both read out with the field. */
export function Field(p: FieldProps) {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={p.error ? "field invalid" : "field"}>
      <label for={p.id}>{p.label}</label>
      {p.hint && (
        <p id={hintId} class="hint">
          {p.hint}
        </p>
      )}
      <input
        id={p.id}
        name={p.id}
        // (Preact types each input type separately; a union of them does not narrow.)
        type={(p.type ?? "text") as "text"}
        value={p.value}
        onInput={(e) => p.onValue(e.currentTarget.value)}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        required={p.required}
        aria-required={p.required ? "true" : undefined}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy}
        min={p.min}
        max={p.max}
        maxLength={p.maxLength}
        spellcheck={false}
      />
      {p.error && (
        <p id={errorId} class="field-error">
          {p.error}
        </p>
      )}
    </div>
  );
}
