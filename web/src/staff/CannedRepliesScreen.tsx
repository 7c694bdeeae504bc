// Canned replies: the texts staff answer with often, each with a title and a language (English or
// Spanish). Saving one with a title and language already used replaces it (PUT
// .../canned-replies); each may be deleted. Anyone who may see the inbox may change them.
import { useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError, Staff } from "./api";
import { deleteCannedReply, fetchCannedReplies, saveCannedReply } from "./inboxApi";
import { LONGEST_TITLE, actorLabel, checkCanned, inboxHash, languageName } from "./inbox";
import type { CannedReply } from "./inbox";
import type { FieldErrors } from "./forms";
import { Field, focusField } from "./Field";
import { NoteField, ScreenHeading } from "./WorkParts";
import { WhenLoaded } from "./Section";
import { useResource } from "./useResource";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { consoleProblem } from "./problems";

const EMPTY = { title: "", language: "en", body: "" };

export function CannedRepliesScreen({ me, onSessionEnded }: { me: Staff; onSessionEnded: (e: ApiError) => void }) {
  const loaded = useResource(fetchCannedReplies, "canned-replies", onSessionEnded);
  const [latest, setLatest] = useState<CannedReply[] | null>(null);
  const replies = latest ?? (loaded.resource.state === "ready" ? loaded.resource.data : null);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [said, setSaid] = useState("");
  const [busy, setBusy] = useState(false);
  const zone = useUtilityZone(true);

  const failed = (e: unknown) => {
    const p = asApiError(e);
    if (consoleProblem(p) === "sign-in") onSessionEnded(p);
    else if (p.field === "title" || p.field === "language" || p.field === "body") setErrors({ [p.field]: p.detail });
    else setSaid(p.detail);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = checkCanned(draft);
    setErrors(found);
    setSaid("");
    const first = ["title", "language", "body"].find((f) => found[f]);
    if (first) return focusField(`canned-${first}`);
    setBusy(true);
    try {
      const replaced = (replies ?? []).some((r) => r.title === draft.title.trim() && r.language === draft.language);
      await saveCannedReply({ title: draft.title.trim(), language: draft.language, body: draft.body.trim() });
      setLatest(await fetchCannedReplies());
      setSaid(`${replaced ? "Replaced" : "Added"} “${draft.title.trim()}” (${languageName(draft.language)}).`);
      setDraft(EMPTY);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (reply: CannedReply) => {
    if (busy) return;
    setBusy(true);
    setSaid("");
    try {
      await deleteCannedReply(reply.id);
      setLatest(await fetchCannedReplies());
      setSaid(`Deleted “${reply.title}” (${languageName(reply.language)}).`);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="canned-replies" aria-labelledby="work-heading">
      <a class="back" href={inboxHash()}>← Back to the inbox</a>
      <ScreenHeading>Canned replies</ScreenHeading>
      <p class="hint">Texts to answer with, chosen by title in a thread's reply box; the customer's language is offered first.</p>
      <p role="status" class="status-line" data-testid="canned-outcome">{said}</p>
      <div class="canned-layout">
        <div>
          {replies ? (
            replies.length === 0 ? <p>No canned reply is saved yet.</p> : (
              <ul class="canned-list">
                {replies.map((r) => (
                  <li key={r.id} class="panel" data-testid="canned-reply">
                    <p class="message-head">
                      <span class="strong">{r.title}</span>
                      <span class="badge">{languageName(r.language)}</span>
                      <span class="explain">{actorLabel(r.changed_by, me.id, r.changed_by_name)}, {formatInstantIn(r.changed_at, zone)}</span>
                    </p>
                    <p class="message-body">{r.body}</p>
                    <div class="form-actions">
                      <button type="button" class="secondary small"
                        onClick={() => setDraft({ title: r.title, language: r.language, body: r.body })}>
                        Edit<span class="visually-hidden"> {r.title} ({languageName(r.language)})</span>
                      </button>
                      <button type="button" class="secondary small" onClick={() => void remove(r)}>
                        Delete<span class="visually-hidden"> {r.title} ({languageName(r.language)})</span>
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )
          ) : (
            <WhenLoaded what="the canned replies" resource={loaded.resource} onRetry={loaded.reload}>{() => null}</WhenLoaded>
          )}
        </div>
        <form class="panel" aria-label="Add or replace a canned reply" onSubmit={save} noValidate>
          <h2>Add or replace</h2>
          <Field id="canned-title" label="Title" value={draft.title} maxLength={LONGEST_TITLE} error={errors.title}
            onValue={(title) => setDraft({ ...draft, title })} hint="A title already used in that language is replaced." />
          <div class={errors.language ? "field invalid" : "field"}>
            <label for="canned-language">Language</label>
            <select id="canned-language" value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value })}>
              <option value="en">English</option>
              <option value="es">Spanish</option>
            </select>
            {errors.language && <p class="field-error">{errors.language}</p>}
          </div>
          <NoteField id="canned-body" label="Text" value={draft.body} onValue={(body) => setDraft({ ...draft, body })}
            error={errors.body} rows={6} />
          <button type="submit" aria-disabled={busy ? "true" : undefined}>Save canned reply</button>
        </form>
      </div>
    </section>
  );
}
