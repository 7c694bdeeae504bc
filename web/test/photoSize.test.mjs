// How a phone's photo is made small enough to send (src/shared/photoSize.ts): drawn at most 1600 px
// on its long side, never larger than taken, JPEG tries from the best to one small enough for any
// photo, all under the server's 1 MB body limit.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PHOTO_BYTES_MAX, PHOTO_LONG_SIDE_PX, SHRINK_STEPS, fittedSize, mayBePhoto, photoBytesWords,
} from "../.test-build/shared/photoSize.js";

test("a phone's photo is drawn at most 1600 px on its long side, its shape kept", () => {
  assert.deepEqual(fittedSize(4032, 3024, 1600), { width: 1600, height: 1200 });
  assert.deepEqual(fittedSize(3024, 4032, 1600), { width: 1200, height: 1600 }, "upright too");
  assert.deepEqual(fittedSize(4000, 1800, 1600), { width: 1600, height: 720 });
  assert.deepEqual(fittedSize(800, 600, 1600), { width: 800, height: 600 }, "never larger than taken");
  assert.deepEqual(fittedSize(10000, 3, 640), { width: 640, height: 1 }, "at least a pixel");
  assert.throws(() => fittedSize(0, 600, 1600), RangeError);
});

test("the tries go from the best to the smallest, all within the limits; the limit is under the server's 1 MB", () => {
  assert.equal(PHOTO_LONG_SIDE_PX, 1600);
  assert.ok(PHOTO_BYTES_MAX < 1_000_000, "under the server's default body limit");
  assert.deepEqual(SHRINK_STEPS[0], { long_side_px: 1600, quality: 0.8 });
  for (let i = 1; i < SHRINK_STEPS.length; i++) {
    const [a, b] = [SHRINK_STEPS[i - 1], SHRINK_STEPS[i]];
    assert.ok(b.long_side_px * b.quality < a.long_side_px * a.quality, `step ${i} is smaller than the one before`);
  }
  assert.ok(SHRINK_STEPS.at(-1).long_side_px >= 640, "a dial is still readable at the last step");
});

test("what may be a photo: an image type, or no type and a photo's name", () => {
  assert.equal(mayBePhoto({ type: "image/jpeg", name: "dial.jpg" }), true);
  assert.equal(mayBePhoto({ type: "image/heic" }), true, "the browser may still read it");
  assert.equal(mayBePhoto({ type: "application/pdf", name: "dial.jpg" }), false, "the type decides");
  assert.equal(mayBePhoto({ type: "", name: "IMG_2041.JPG" }), true);
  assert.equal(mayBePhoto({ type: "", name: "notes.txt" }), false);
});

test("sizes as phones write them", () => {
  assert.equal(photoBytesWords(820), "820 bytes");
  assert.equal(photoBytesWords(412_300), "412 kB");
  assert.equal(photoBytesWords(1_240_000), "1.2 MB");
});
