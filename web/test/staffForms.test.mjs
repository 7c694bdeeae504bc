// What the staff sign-in and enrolment forms check before sending (src/staff/forms.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { MIN_PASSWORD_LENGTH, checkEnrolCode, checkNewPassword, checkReauthentication, checkSignIn, cleanCode, firstError, hasErrors } from "../.test-build/staff/forms.js";

test("codes lose the spaces apps show or copying adds", () => {
  assert.equal(cleanCode("123 456"), "123456");
  assert.equal(cleanCode(" 123456\n"), "123456");
  assert.equal(cleanCode(" abcd-efgh "), "abcd-efgh");
});

test("signing in needs all three fields; a recovery code is a code", () => {
  assert.deepEqual(checkSignIn("ana@utility.example", "correct horse battery", "123 456"), {});
  assert.deepEqual(checkSignIn("ana@utility.example", "correct horse battery", "abcd-efgh"), {});
  const empty = checkSignIn(" ", "", "  ");
  assert.deepEqual(Object.keys(empty).sort(), ["code", "email", "password"]);
  assert.ok(hasErrors(empty));
  assert.equal(firstError(empty, ["email", "password", "code"]), "email");
  assert.equal(firstError({ code: "x" }, ["email", "password", "code"]), "code");
  assert.equal(hasErrors({}), false);
});

test("a new password: at least 12 characters, typed the same twice", () => {
  assert.equal(MIN_PASSWORD_LENGTH, 12);
  assert.deepEqual(checkNewPassword("twelve chars", "twelve chars"), {});
  assert.match(checkNewPassword("eleven char", "eleven char").password, /at least 12 characters/);
  assert.equal(checkNewPassword("twelve chars", "twelve chars!").again, "The two passwords do not match.");
  assert.equal(checkNewPassword("twelve chars", "").again, "Type the password again.");
  // Characters, not UTF-16 units: 11 emoji are 22 units and still too short.
  assert.ok(checkNewPassword("😀".repeat(11), "😀".repeat(11)).password);
});

test("enrolment's first code is the app's 6 digits", () => {
  assert.deepEqual(checkEnrolCode("123456"), {});
  assert.deepEqual(checkEnrolCode("123 456"), {});
  assert.ok(checkEnrolCode("12345").code);
  assert.ok(checkEnrolCode("abcd-efgh").code);
  assert.ok(checkEnrolCode("").code);
});

test("confirming it is you needs the password and a code", () => {
  assert.deepEqual(checkReauthentication("correct horse battery", "123 456"), {});
  assert.deepEqual(checkReauthentication("", " "), {
    password: "Type your password.",
    code: "Type the code from your authenticator app.",
  });
  assert.deepEqual(Object.keys(checkReauthentication("pw", "")), ["code"]);
  assert.equal(firstError(checkReauthentication("", ""), ["password", "code"]), "password");
});
