// A held register read, in its exception's panel: the customer's photo of the dial when they sent
// one (from the server with the session cookie; the page's policy shows only its own images), and
// "Send someone to read it again" (an optional note for the technician): a meter re-read order for
// the account in service at the meter (POST .../vee-exceptions/{id}/reread). Once asked, the order
// is named ("Re-read ordered: SO000123", opening the order's field page for whoever may see it);
// completing it with a reading sets the held read aside and resolves the exception on its own.
import { useState } from "preact/hooks";
import type { ApiError, Staff } from "./api";
import { askForReread } from "./workApi";
import type { VeeException } from "./workApi";
import { staffPhotoPath } from "./ordersApi";
import { REREAD_NOTE_MAX, checkRereadNote, dialPhotoWords, mayAskReread, rereadWords } from "./vee";
import { useActionForm } from "./useActionForm";
import { ActionProblem } from "./ActionParts";
import { NoteField } from "./WorkParts";
import { FIELD_PERMISSION, fieldHash } from "./route";

export function DialPhoto({ exception: e }: { exception: VeeException }) {
  if (e.photo_id === undefined) return null;
  const path = staffPhotoPath(e.photo_id);
  return (
    <figure class="dial-photo" data-testid="dial-photo">
      <img src={path} alt={dialPhotoWords(e)} />
      <figcaption>
        The customer's photo of the dial, sent with the reading. <a href={path} download>Download the photo</a>
      </figcaption>
    </figure>
  );
}

/** The re-read order asked for, in words; the order's page when the user may open it. */
function RereadOrdered({ id, order, me }: { id: string; order: string; me: Staff }) {
  return (
    <p id={id} tabIndex={-1} class="reread-ordered" data-testid="reread-ordered">
      {me.permissions.includes(FIELD_PERMISSION) ? (
        <>Re-read ordered: <a href={fieldHash(order)}>{order}</a></>
      ) : (
        <strong>{rereadWords(order)}</strong>
      )}
      <span class="explain">The dispatcher schedules the visit. When it is completed with a reading, the held one is set aside and this exception is resolved.</span>
    </p>
  );
}

export function VeeReread({ exception: e, me, onSessionEnded, onOrdered }: {
  exception: VeeException;
  me: Staff;
  onSessionEnded: (err: ApiError) => void;
  /** The order made (or found made already). */
  onOrdered: (order: string) => void;
}) {
  const [note, setNote] = useState("");
  const [ordered, setOrdered] = useState<string | null>(null);
  const id = `vee-${e.id}-reread`;
  const form = useActionForm({ fields: ["note"], serverFields: { note: "note" }, fieldId: () => `${id}-note`, onSessionEnded });
  const order = ordered ?? e.reread_order ?? null;
  if (order) return <RereadOrdered id={`${id}-ordered`} order={order} me={me} />;
  if (!mayAskReread(e)) return null;
  const submit = (ev: Event) => {
    ev.preventDefault();
    const wrong = checkRereadNote(note);
    void form.submit(wrong ? { note: wrong } : {}, () => askForReread(e.id, note.trim()), (answer) => {
      setOrdered(answer.order.number);
      onOrdered(answer.order.number);
      requestAnimationFrame(() => document.getElementById(`${id}-ordered`)?.focus()); // the button is gone: focus stays in the panel
    });
  };
  return (
    <form class="vee-reread" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate data-testid="vee-reread">
      <h3 id={`${id}-heading`}>Not sure of the reading?</h3>
      <p class="hint">A technician reads the meter again. Until then the exception stays open, and you may still resolve it below.</p>
      <NoteField id={`${id}-note`} label="Note for the technician (optional)" value={note} error={form.errors.note}
        onValue={(v) => { form.changed(); setNote(v); }} hint={`What to look at; ${REREAD_NOTE_MAX} characters at most.`} />
      <ActionProblem what={`Could not order a re-read for exception ${e.id}.`} problem={form.problem} />
      <button type="submit" class="secondary" aria-disabled={form.busy ? "true" : undefined}>
        {form.busy ? "Ordering…" : "Send someone to read it again"}
      </button>
    </form>
  );
}
