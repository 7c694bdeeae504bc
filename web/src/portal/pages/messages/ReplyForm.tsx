// The reply box under a conversation: the message and up to 3 files; Send sends each file, then
// the reply (POST .../messages/{id}/replies), and the conversation is drawn again from the answer.
import { useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { replyToThread } from "../../messagesApi";
import { LONGEST_BODY, REPLY_FIELD_IDS, REPLY_SERVER_FIELDS, checkMessageText } from "../../messages";
import type { Thread } from "../../types";
import type { FieldErrors } from "../../validation";
import { FilesField } from "./FilesField";
import { TextArea } from "./TextArea";
import { tooLargeAsFileProblem } from "./fileRefusal";
import { useUploads } from "./useUploads";

export function ReplyForm({ account, thread, onSent }: { account: string; thread: string; onSent: (answer: Thread) => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblem, setFileProblem] = useState<MessageKey | null>(null);
  const form = useFormSubmit(REPLY_SERVER_FIELDS);
  const upload = useUploads(account);
  // What Send found missing stops showing once it is put right (the server's refusals stay).
  const [found, setFound] = useState<FieldErrors>({});
  const now = checkMessageText(body, "reply-body");
  const fieldError = (id: string) => (found[id] && !now[id] ? undefined : form.fieldError(id));

  const submit = async (e: Event) => {
    e.preventDefault();
    setFileProblem(null); // a file refused was left out: the rest may go
    setFound(now);
    if (!form.check(now, [...REPLY_FIELD_IDS])) return;
    const answer = await form.run(
      () => tooLargeAsFileProblem(async () => replyToThread(account, thread, { body: body.trim(), attachments: await upload(files) })),
      t("messageReplySent"),
    );
    if (answer) {
      setBody("");
      setFiles([]);
      onSent(answer);
    }
  };

  return (
    <form onSubmit={submit} noValidate class="form card reply-card" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t("messageReplyTitle")}</h2>
      <TextArea id="reply-body" label={t("messageReplyLabel")} rows={4} maxLength={LONGEST_BODY}
        value={body} onValue={setBody} error={fieldError("reply-body")} />
      <FilesField id="reply-files" files={files} onFiles={setFiles} problem={fileProblem} onProblem={setFileProblem}
        error={fieldError("reply-files")} />
      <Status>{form.done || null}</Status>
      <Alert>{form.failure && !REPLY_FIELD_IDS.some((id) => fieldError(id)) ? form.failure : null}</Alert>
      <button type="submit" class="button primary" aria-disabled={form.busy}>
        {form.busy ? t("messageSending") : t("messageReplySend")}
      </button>
    </form>
  );
}
