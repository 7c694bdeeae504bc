// "Write to us": a topic, a subject, the message and up to 3 files (photos or PDF). Send checks
// it all, sends each file (useUploads), then the message (POST .../messages), and opens the new
// conversation; a refusal is said at the field the server names, in the customer's language.
import { useEffect, useRef, useState } from "preact/hooks";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { navigate } from "../../navigation";
import { writeMessage } from "../../messagesApi";
import {
  LONGEST_BODY, LONGEST_SUBJECT, TOPICS, WRITE_FIELD_IDS, WRITE_SERVER_FIELDS, checkMessage, subjectLine, threadPath, topicKey,
} from "../../messages";
import type { MessageDraft } from "../../messages";
import type { FieldErrors } from "../../validation";
import type { MessageTopic } from "../../types";
import { FilesField } from "./FilesField";
import { TextArea } from "./TextArea";
import { tooLargeAsFileProblem } from "./fileRefusal";
import { useUploads } from "./useUploads";

export function WriteForm({ account, onCancel }: { account: string; onCancel?: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<MessageDraft>({ topic: "", subject: "", body: "" });
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblem, setFileProblem] = useState<MessageKey | null>(null);
  const form = useFormSubmit(WRITE_SERVER_FIELDS);
  const upload = useUploads(account);
  const topic = useRef<HTMLSelectElement>(null);
  useEffect(() => topic.current?.focus(), []);
  const change = (part: Partial<MessageDraft>) => setDraft({ ...draft, ...part });
  // What Send found missing stops showing once it is put right (the server's refusals stay).
  const [found, setFound] = useState<FieldErrors>({});
  const now = checkMessage(draft);
  const fieldError = (id: string) => (found[id] && !now[id] ? undefined : form.fieldError(id));

  const submit = async (e: Event) => {
    e.preventDefault();
    setFileProblem(null); // a file refused was left out: the rest may go
    setFound(now);
    if (!form.check(now, [...WRITE_FIELD_IDS])) return;
    const answer = await form.run(() =>
      tooLargeAsFileProblem(async () => {
        const attachments = await upload(files);
        return writeMessage(account, {
          topic: draft.topic as MessageTopic,
          subject: subjectLine(draft.subject),
          body: draft.body.trim(),
          attachments,
        });
      }),
    );
    if (answer) navigate(threadPath(answer.thread.id));
    else requestAnimationFrame(() => document.querySelector<HTMLElement>("#write-form [aria-invalid='true']")?.focus());
  };

  const topicError = fieldError("message-topic");
  return (
    <form id="write-form" onSubmit={submit} noValidate class="form" aria-labelledby="write-heading">
      <h2 id="write-heading">{t("messageWriteTitle")}</h2>
      <p class="hint">{t("messageWriteIntro")}</p>
      <div class={topicError ? "field invalid" : "field"}>
        <label for="message-topic">{t("messageTopicLabel")}</label>
        <select id="message-topic" ref={topic} value={draft.topic} required aria-required="true"
          aria-invalid={topicError ? "true" : undefined} aria-describedby={topicError ? "message-topic-error" : undefined}
          onChange={(e) => change({ topic: e.currentTarget.value as MessageTopic })}>
          <option value="">{t("messageTopicChoose")}</option>
          {TOPICS.map((tp) => <option key={tp} value={tp}>{t(topicKey(tp))}</option>)}
        </select>
        {topicError && <p id="message-topic-error" class="field-error">{topicError}</p>}
      </div>
      <Field id="message-subject" label={t("messageSubjectLabel")} value={draft.subject} maxLength={LONGEST_SUBJECT} required
        onValue={(subject) => change({ subject })} error={fieldError("message-subject")} />
      <TextArea id="message-body" label={t("messageBodyLabel")} hint={t("messageBodyHint")} rows={6} maxLength={LONGEST_BODY}
        value={draft.body} onValue={(body) => change({ body })} error={fieldError("message-body")} />
      <FilesField id="message-files" files={files} onFiles={setFiles} problem={fileProblem} onProblem={setFileProblem}
        error={fieldError("message-files")} />
      <Alert>{form.failure && !WRITE_FIELD_IDS.some((id) => fieldError(id)) ? form.failure : null}</Alert>
      <div class="button-row">
        <button type="submit" class="button primary" aria-disabled={form.busy}>
          {form.busy ? t("messageSending") : t("messageSend")}
        </button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t("textsCancel")}</button>}
      </div>
    </form>
  );
}
