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
 * The staff bearer token. Until staff sign-in lands, staff API routes are guarded by a
 * configured token (the demo prints it). It is kept in sessionStorage: this tab only.
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
        <h2 id="token-heading" class="visually-hidden">Staff token</h2>
        <p>Staff token is set for this tab.</p>
        <div class="row">
          <button type="button" class="secondary" onClick={onEdit}>Change token</button>
          <button type="button" class="secondary" onClick={onClear}>Forget token</button>
        </div>
      </section>
    );
  }

  return (
    <section class="panel" aria-labelledby="token-heading">
      <h2 id="token-heading">Staff token</h2>
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
        <label for="staff-token">Staff token</label>
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
          <button type="submit">Save token</button>
        </div>
        <p id="staff-token-hint" class="hint">
          The server prints it at start-up (for the demo: <code>ratepayer demo</code>). It is kept
          in this browser tab only.
          {token && " A token is already set; saving replaces it."}
        </p>
      </form>
    </section>
  );
}
