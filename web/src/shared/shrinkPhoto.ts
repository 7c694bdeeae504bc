// Making a phone's photo small enough to send (the browser's part; the rules are photoSize.ts):
// the image is decoded (createImageBitmap, turned as the camera said; else an <img>), drawn on a
// canvas at most 1600 px on its long side and exported as JPEG, smaller and smaller (SHRINK_STEPS)
// until it is at most PHOTO_BYTES_MAX. The page's policy lets images come from the server or data: URLs only
// (no blob:), so a preview is a data: URL (photoDataUrl).

import { PHOTO_BYTES_MAX, PHOTO_CHOSEN_BYTES_MAX, SHRINK_STEPS, fittedSize, mayBePhoto } from "./photoSize.ts";

/** Why a chosen file could not be made into a photo to send. */
export type ShrinkProblem = "not-a-photo" | "unreadable" | "too-large";

export class PhotoShrinkError extends Error {
  constructor(readonly problem: ShrinkProblem) {
    super(`photo could not be prepared: ${problem}`);
    this.name = "PhotoShrinkError";
  }
}

/** A photo ready to send: a JPEG of at most PHOTO_BYTES_MAX, and its size in pixels. */
export interface ShrunkPhoto {
  blob: Blob;
  width: number;
  height: number;
}

/** A decoded image to draw, and how to let it go. */
interface Decoded {
  image: CanvasImageSource;
  width: number;
  height: number;
  close: () => void;
}

/** Through an <img> from a data: URL, for browsers without createImageBitmap of a Blob (older Safari). */
async function decodeByImage(file: Blob): Promise<Decoded> {
  const image = new Image();
  image.src = await photoDataUrl(file);
  await image.decode();
  return { image, width: image.naturalWidth, height: image.naturalHeight, close: () => {} };
}

async function decode(file: Blob): Promise<Decoded> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  } catch {
    try {
      return await decodeByImage(file);
    } catch {
      throw new PhotoShrinkError("unreadable");
    }
  }
}

function jpegOf(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
}

/**
 * `file` as a JPEG small enough to send. Throws PhotoShrinkError: not-a-photo (not an image
 * type), unreadable (the browser cannot decode it), too-large (a file over 40 MB, or no step
 * made it small enough).
 */
export async function shrinkPhoto(file: File | Blob): Promise<ShrunkPhoto> {
  if (!mayBePhoto({ type: file.type, name: (file as File).name })) throw new PhotoShrinkError("not-a-photo");
  if (file.size > PHOTO_CHOSEN_BYTES_MAX) throw new PhotoShrinkError("too-large");
  const decoded = await decode(file);
  const { image } = decoded;
  try {
    if (!(decoded.width > 0 && decoded.height > 0)) throw new PhotoShrinkError("unreadable");
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d");
    if (!context) throw new PhotoShrinkError("unreadable");
    for (const step of SHRINK_STEPS) {
      const size = fittedSize(decoded.width, decoded.height, step.long_side_px);
      canvas.width = size.width;
      canvas.height = size.height;
      context.fillStyle = "#fff"; // a transparent PNG's background, as JPEG has none
      context.fillRect(0, 0, size.width, size.height);
      context.drawImage(image, 0, 0, size.width, size.height);
      const blob = await jpegOf(canvas, step.quality);
      if (!blob) throw new PhotoShrinkError("unreadable");
      if (blob.size <= PHOTO_BYTES_MAX) return { blob, ...size };
    }
    throw new PhotoShrinkError("too-large");
  } finally {
    decoded.close();
  }
}

/** A photo the page holds as a data: URL, for an <img> (the page's policy allows data: images). */
export function photoDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("the photo could not be read"));
    reader.readAsDataURL(blob);
  });
}
