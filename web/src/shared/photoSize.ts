// How a photo from a phone's camera is made small enough to send (pure; test/photoSize.test.mjs).
// The server takes a request body of 1 MB by default (413 beyond) and keeps photos of 5 MB at
// most, while a phone's camera makes 3-12 MB: the field page and the portal draw the photo again
// at most PHOTO_LONG_SIDE_PX on its long side and export it as JPEG (shrinkPhoto.ts), trying the
// steps of SHRINK_STEPS in order until one is at most PHOTO_BYTES_MAX. A dial or a meter box is
// still readable at 640 px.

/** The long side of a photo as sent, at most (a dial's digits stay sharp). */
export const PHOTO_LONG_SIDE_PX = 1600;
/** A photo as sent, at most: under the server's 1 MB body limit with room to spare. */
export const PHOTO_BYTES_MAX = 900_000;
/** A file chosen that is larger than this is not even read (no phone photo is): 40 MB. */
export const PHOTO_CHOSEN_BYTES_MAX = 40 * 1024 * 1024;

/** One try: the long side at most, and the JPEG quality (0-1). */
export interface ShrinkStep {
  long_side_px: number;
  quality: number;
}

/** The tries, best first; the last is small enough for any photo (640 px at 0.6 is ~60-150 kB). */
export const SHRINK_STEPS: readonly ShrinkStep[] = [
  { long_side_px: PHOTO_LONG_SIDE_PX, quality: 0.8 },
  { long_side_px: PHOTO_LONG_SIDE_PX, quality: 0.65 },
  { long_side_px: 1200, quality: 0.7 },
  { long_side_px: 900, quality: 0.65 },
  { long_side_px: 640, quality: 0.6 },
];

/**
 * The size to draw a `width` x `height` image at so its long side is at most `longSide`: scaled
 * down keeping its shape, never up; whole pixels, at least 1. Requires positive sizes.
 */
export function fittedSize(width: number, height: number, longSide: number): { width: number; height: number } {
  if (!(width > 0 && height > 0 && longSide > 0)) throw new RangeError(`fittedSize needs positive sizes, not ${width}x${height} in ${longSide}`);
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Whether a chosen file may be a photo: an image type, or no type and a photo's name. */
export function mayBePhoto(file: { type: string; name?: string }): boolean {
  if (file.type) return file.type.toLowerCase().startsWith("image/");
  return /\.(jpe?g|png|gif|webp|heic|heif|bmp)$/i.test(file.name ?? "");
}

/** A size as the pages write it: "820 bytes", "240 kB", "1.2 MB" (decimal kB, as phones show them). */
export function photoBytesWords(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
