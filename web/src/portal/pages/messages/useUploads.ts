// Sends the files chosen for a message, one after another, before the message itself: each file's
// id, in order. A file already sent (a message that failed after its files went) is not sent
// again. The first refusal stops it (the form says it at the files' field).
import { useRef } from "preact/hooks";
import { uploadAttachment } from "../../messagesApi";

export function useUploads(account: string): (files: readonly File[]) => Promise<number[]> {
  const sent = useRef(new WeakMap<File, number>());
  return async (files) => {
    const ids: number[] = [];
    for (const file of files) {
      let id = sent.current.get(file);
      if (id === undefined) {
        id = (await uploadAttachment(account, file, file.name)).attachment.id;
        sent.current.set(file, id);
      }
      ids.push(id);
    }
    return ids;
  };
}
