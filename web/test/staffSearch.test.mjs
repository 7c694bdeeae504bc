// The account search's results as the staff console words them (src/staff/labels.ts): the hint
// under a first page that has more says how many are shown, and the first page can hold more than
// the 20 asked for (a matching bill number's account comes first, in addition to the page).
import { test } from "node:test";
import assert from "node:assert/strict";

import { moreMatchesHint } from "../.test-build/staff/labels.js";

test("the hint under results with more says how many are shown, not always 20", () => {
  assert.equal(moreMatchesHint(21), "Showing the first 21 matches. Narrow the search to see others.");
  assert.equal(moreMatchesHint(20), "Showing the first 20 matches. Narrow the search to see others.");
  assert.equal(moreMatchesHint(23), "Showing the first 23 matches. Narrow the search to see others.");
  assert.equal(moreMatchesHint(1), "Showing the first match. Narrow the search to see others.");
});
