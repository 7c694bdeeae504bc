// A customer's reading of a meter read by hand (POST /api/v1/accounts/{number}/meter-reads): taken
// now; 422 naming meter or reading, 409 when a different reading was sent for the same time. Its
// photo of the dial, sent after it (POST .../meter-reads/{read}/photo, the image the whole body).
import { accountPath, post, postFile } from "./api.ts";
import type { KeptPhoto, MeterReadAnswer } from "./types.ts";

export const submitMeterRead = (account: string, meter: string, reading: string) =>
  post<MeterReadAnswer>(accountPath(account, "meter-reads"), { meter, reading });

/**
 * The photo of the dial for reading `read` (the id the reading was answered with), shrunk to at
 * most the server's body limit (shared/shrinkPhoto.ts). The same image again answers 200 replayed;
 * 409 read-has-photo for another; 422 field "file" for what is not an image; 413 too large.
 */
export const uploadReadPhoto = (account: string, read: number, photo: Blob) =>
  postFile<{ photo: KeptPhoto; replayed: boolean }>(accountPath(account, `meter-reads/${encodeURIComponent(String(read))}/photo`), photo);
