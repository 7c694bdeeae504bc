// A labelled textarea with its hint and its error, both read out with it (the message, the reply,
// what a service request is about).
export function TextArea({ id, label, hint, value, onValue, error, rows, maxLength, required = true }: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  rows: number;
  maxLength: number;
  /** false for words the customer may leave out. */
  required?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      <textarea id={id} name={id} rows={rows} maxLength={maxLength} value={value} required={required}
        aria-required={required ? "true" : undefined}
        aria-invalid={error ? "true" : undefined} aria-describedby={describedBy}
        onInput={(e) => onValue(e.currentTarget.value)} />
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}
