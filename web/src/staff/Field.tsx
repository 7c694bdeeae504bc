interface Props {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "password" | "date" | "time" | "tel";
  autocomplete?: string;
  inputMode?: "numeric" | "decimal" | "text" | "email" | "tel";
  hint?: string;
  /** What is wrong with the value (checked before sending, or the server's detail), tied to the field. */
  error?: string;
  maxLength?: number;
}

/** A labelled input with its hint and its error, both read out with the field (aria-describedby). */
export function Field(p: Props) {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={p.error ? "field invalid" : "field"}>
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        name={p.id}
        // (Preact types each input type separately; a union of them does not narrow.)
        type={(p.type ?? "text") as "text"}
        autocomplete={p.autocomplete}
        inputMode={p.inputMode}
        spellcheck={false}
        maxLength={p.maxLength}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy}
        value={p.value}
        onInput={(e) => p.onValue(e.currentTarget.value)}
      />
      {p.hint && <p id={hintId} class="hint">{p.hint}</p>}
      {p.error && <p id={errorId} class="field-error">{p.error}</p>}
    </div>
  );
}

/** Moves focus to a field by id (after a problem names it). */
export function focusField(id: string) {
  document.getElementById(id)?.focus();
}
