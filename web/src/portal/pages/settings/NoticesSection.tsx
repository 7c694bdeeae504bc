// Settings: which notices the account is emailed or texted, one row per kind of the catalog (in
// its order) with an Email and a Text column; kinds that are always emailed show ticked and
// closed, with why; a kind's Text box opens once the customer agreed to texts (TextsSection) and
// the kind has a text. Save sends one PUT with only the boxes changed. A refusal is said in the
// alert and at its row.
import { useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { LoadState } from "../../components/Loading";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useLoad } from "../../components/useLoad";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { ApiError } from "../../problem";
import { fetchNoticeChoices, saveNoticeChoices } from "../../noticesApi";
import { emailShown, lockedReason, noticeChanges, noticeKindName, refusedKind, textOpen, textShown } from "../../notices";
import type { NoticeDraft } from "../../notices";
import type { NoticeChoice, NoticeChoices } from "../../types";

/** The id of the contact email field (BillDeliverySection), where an account without one adds it. */
const CONTACT_EMAIL_ID = "contact-email";
const EMAIL_COLUMN_ID = "notices-email-column";
const TEXT_COLUMN_ID = "notices-text-column";
const rowId = (kind: string) => `notice-${kind.replace(/[^a-z0-9]+/gi, "-")}`;

/** `contactChanges` counts saves of the contact details (an email added, paperless) and of the
 * texts consent: asked again. */
export function NoticesSection({ contactChanges }: { contactChanges: number }) {
  const { t } = useI18n();
  const { account } = useSession();
  const loaded = useLoad((signal) => fetchNoticeChoices(account, signal), [account, contactChanges]);
  return (
    <section class="card" aria-labelledby="notices-heading" id="notices">
      <h2 id="notices-heading">{t("noticesTitle")}</h2>
      <p>{t("noticesIntro")}</p>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && (
        <NoticesForm account={account} choices={loaded.data} onSaved={loaded.set} onRefused={loaded.reload} />
      )}
    </section>
  );
}

function NoticesForm({ account, choices, onSaved, onRefused }: {
  account: string;
  choices: NoticeChoices;
  onSaved: (choices: NoticeChoices) => void;
  /** The server refused: what it holds may have changed since (paperless turned on): ask again. */
  onRefused: () => void;
}) {
  const { t } = useI18n();
  const form = useFormSubmit();
  const [draft, setDraft] = useState<NoticeDraft>({});
  const [textDraft, setTextDraft] = useState<NoticeDraft>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);

  const tick = (kind: string, on: boolean) => {
    setDraft({ ...draft, [kind]: on });
    setRefused(null);
    setUnchanged(false);
  };
  const tickText = (kind: string, on: boolean) => {
    setTextDraft({ ...textDraft, [kind]: on });
    setRefused(null);
    setUnchanged(false);
  };
  const textsWaiting = !choices.texts_allowed && choices.kinds.some((c) => c.text_available);

  const submit = async (e: Event) => {
    e.preventDefault();
    form.check({}, []);
    setRefused(null);
    const changes = noticeChanges(choices, draft, textDraft);
    setUnchanged(changes.length === 0);
    if (changes.length === 0) return;
    const saved = await form.run(async () => {
      try {
        return await saveNoticeChoices(account, changes);
      } catch (err) {
        if (err instanceof ApiError && err.status === 422) {
          setRefused(refusedKind(err, changes));
          onRefused();
        }
        throw err;
      }
    }, t("noticesSaved"));
    if (saved) {
      onSaved(saved);
      setDraft({});
      setTextDraft({});
    }
  };

  return (
    <form onSubmit={submit} noValidate class="form">
      {!choices.has_email && <NeedsEmail />}
      {textsWaiting && <p class="hint" data-testid="notices-need-texts">{t("noticesTextNeedsAgreement")}</p>}
      <fieldset class="notice-choices">
        <legend>{t("noticesLegend")}</legend>
        <table class="notice-table">
          <thead>
            <tr>
              <th scope="col">{t("noticesColumnNotice")}</th>
              <th scope="col" class="check" id={EMAIL_COLUMN_ID}>{t("noticesColumnEmail")}</th>
              <th scope="col" class="check" id={TEXT_COLUMN_ID}>{t("noticesColumnText")}</th>
            </tr>
          </thead>
          <tbody>
            {choices.kinds.map((c) => (
              <NoticeRow key={c.kind} choice={c} paperless={choices.paperless} on={emailShown(choices, draft, c)}
                text={c.text_available ? { on: textShown(choices, textDraft, c), open: textOpen(choices, c) } : null}
                error={refused === c.kind ? form.failure : ""} onTick={(on) => tick(c.kind, on)}
                onTickText={(on) => tickText(c.kind, on)} />
            ))}
          </tbody>
        </table>
      </fieldset>
      {/* Beside the button: on a phone the top of the list is a screen away. */}
      <Status>{form.done || (unchanged ? t("noticesUnchanged") : null)}</Status>
      <Alert>{form.failure || null}</Alert>
      <button type="submit" class="button primary" aria-disabled={form.busy}>
        {form.busy ? t("sending") : t("noticesSave")}
      </button>
    </form>
  );
}

function NoticeRow({ choice, paperless, on, text, error, onTick, onTickText }: {
  choice: NoticeChoice;
  paperless: boolean;
  on: boolean;
  /** The Text box: ticked, and whether it may change; null when the kind has no text. */
  text: { on: boolean; open: boolean } | null;
  /** Why the server refused this row's change ("" when it did not). */
  error: string;
  onTick: (on: boolean) => void;
  onTickText: (on: boolean) => void;
}) {
  const { t } = useI18n();
  const id = rowId(choice.kind);
  const reason = lockedReason(choice, paperless);
  const describedBy = [reason ? `${id}-why` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <tr class={reason ? "locked" : undefined} data-kind={choice.kind}>
      <th scope="row">
        <label for={`${id}-email`} id={`${id}-name`}>{noticeKindName(choice.kind, t)}</label>
        {reason && <p class="hint" id={`${id}-why`}>{t(reason)}</p>}
        {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
      </th>
      <td class="check">
        <input type="checkbox" id={`${id}-email`} checked={on} disabled={reason !== null}
          aria-labelledby={`${id}-name ${EMAIL_COLUMN_ID}`} aria-describedby={describedBy}
          aria-invalid={error ? "true" : undefined} onChange={(e) => onTick(e.currentTarget.checked)} />
      </td>
      <td class="check">
        {text && (
          <input type="checkbox" id={`${id}-text`} checked={text.on} disabled={!text.open}
            aria-labelledby={`${id}-name ${TEXT_COLUMN_ID}`} aria-invalid={error ? "true" : undefined}
            onChange={(e) => onTickText(e.currentTarget.checked)} />
        )}
      </td>
    </tr>
  );
}

/** No email on file: said plainly, with the way to the field that adds one (on this page). */
function NeedsEmail() {
  const { t } = useI18n();
  const goToEmail = (e: Event) => {
    const field = document.getElementById(CONTACT_EMAIL_ID);
    if (!field) return; // still loading: the link's own jump will do
    e.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  };
  return (
    <div class="callout needs-email" data-testid="notices-need-email">
      <p>{t("noticesNeedEmail")}</p>
      <p><a href={`#${CONTACT_EMAIL_ID}`} onClick={goToEmail}>{t("noticesGoToEmail")}</a></p>
    </div>
  );
}
