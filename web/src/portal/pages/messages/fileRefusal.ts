// A file far over the limit is refused before the server reads it (413, no problem code): the
// customer reads the same words as for a file just over 5 MB, at the files' field.
import { ApiError } from "../../problem";

export async function tooLargeAsFileProblem<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (e) {
    if (e instanceof ApiError && e.status === 413 && !e.code) {
      throw new ApiError({ ...e, code: "attachment-too-large", fieldErrors: { file: e.detail } });
    }
    throw e;
  }
}
