import { useEffect, useRef, useState } from "preact/hooks";

interface Props {
  token: string;
  /** Show the entry form (no token yet, the server refused it, or the user chose to change it). */
  editing: boolean;
  /** Move focus to the field when the form opens because the server asked for a token. */
  focus: boolean;
  onSave: (token: string) => void;
  onEdit: () => void;
  onClear: () => void;
}

/**
 * An API key (`ratepayer api-key add`; the demo prints one). Until staff sign in with a password
 * and a second step, the console calls the staff API with a key. It is kept in sessionStorage:
 * this tab only.
 */
export function TokenForm({ token, editing, focus, onSave, onEdit, onClear }: Props) {
  const [value, setValue] = useState("");
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (editing && focus) input.current?.focus();
  }, [editing, focus]);

  if (!editing) {
    return (
      <section class="panel token-status" aria-labelledby="token-heading">
        <h2 id="token-heading" class="visually-hidden">API key</h2>
        <p>API key is set for this tab.</p>
        <div class="row">
          <button type="button" class="secondary" onClick={onEdit}>Change key</button>
          <button type="button" class="secondary" onClick={onClear}>Forget key</button>
        </div>
      </section>
    );
  }

  return (
    <section class="panel" aria-labelledby="token-heading">
      <h2 id="token-heading">API key</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const t = value.trim();
          if (t) {
            onSave(t);
            setValue("");
          }
        }}
      >
        <label for="staff-token">API key</label>
        <div class="row">
          <input
            ref={input}
            id="staff-token"
            name="staff-token"
            type="password"
            autocomplete="off"
            spellcheck={false}
            required
            aria-describedby="staff-token-hint"
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
          <button type="submit">Save key</button>
        </div>
        <p id="staff-token-hint" class="hint">
          Made with <code>ratepayer api-key add</code> (the demo prints one at start-up). It is kept
          in this browser tab only.
          {token && " A key is already set; saving replaces it."}
        </p>
      </form>
    </section>
  );
}
