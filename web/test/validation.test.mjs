// Checks on what customers type (src/portal/validation.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as v from "../.test-build/portal/validation.js";

test("email addresses", () => {
  assert.equal(v.checkEmail("maria@example.com"), null);
  assert.equal(v.checkEmail("  maria.lopez+bills@mail.example.org "), null);
  assert.equal(v.checkEmail(""), "errorRequired");
  for (const bad of ["maria", "maria@", "@example.com", "maria@example", "ma ria@example.com", "maria@example."]) {
    assert.equal(v.checkEmail(bad), "errorEmail", bad);
  }
});

test("ZIP codes: 5 digits or ZIP+4", () => {
  assert.equal(v.checkZip("97477"), null);
  assert.equal(v.checkZip("97477-1234"), null);
  assert.equal(v.checkZip(""), "errorRequired");
  for (const bad of ["9747", "974770", "ABCDE", "97477-12"]) assert.equal(v.checkZip(bad), "errorZip", bad);
});

test("the account number is optional, digits when given", () => {
  assert.equal(v.checkOptionalAccountNumber(""), null);
  assert.equal(v.checkOptionalAccountNumber("100000017"), null);
  assert.equal(v.checkOptionalAccountNumber("1000-0001 7"), null);
  assert.equal(v.checkOptionalAccountNumber("10A"), "errorAccountNumber");
});

test("the mobile phone on file: optional, a US number in any common form, sent as its 10 digits", () => {
  for (const typed of ["(541) 555-0134", "541-555-0134", "541.555.0134", "5415550134", "+1 541 555 0134",
    "1-541-555-0134", "15415550134", " (541)555-0134 "]) {
    assert.equal(v.checkOptionalPhone(typed), null, typed);
    assert.equal(v.phoneForServer(typed), "5415550134", typed);
  }
  assert.equal(v.checkOptionalPhone(""), null, "left empty");
  assert.equal(v.phoneForServer(""), "");
  assert.equal(v.phoneForServer("  "), "");
  for (const bad of [
    "541-555-013", // 9 digits
    "541-555-01345", // 11 digits, not a leading 1
    "041-555-0134", // no area code starts with 0
    "141-555-0134", // nor with 1
    "1-141-555-0134",
    "11-541-555-0134",
    "+44 20 7946 0958",
    "541-555-O134", // a letter O
    "541/555/0134",
    "call 5415550134",
  ]) {
    assert.equal(v.checkOptionalPhone(bad), "errorPhone", bad);
    assert.equal(v.phoneForServer(bad), null, bad);
  }
});

test("the amount due of a recent bill: optional, dollars and cents as the server reads them", () => {
  assert.equal(v.billAmountForServer(""), "");
  assert.equal(v.billAmountForServer("  "), "");
  assert.equal(v.billAmountForServer("84.50"), "84.50");
  assert.equal(v.billAmountForServer("84.5"), "84.50");
  assert.equal(v.billAmountForServer("$84.50"), "84.50");
  assert.equal(v.billAmountForServer(" $ 1,204.05 "), "1204.05");
  assert.equal(v.billAmountForServer("84"), "84.00");
  assert.equal(v.billAmountForServer("-12.00"), "-12.00", "a bill in credit");
  assert.equal(v.billAmountForServer("-$12"), "-12.00");
  assert.equal(v.billAmountForServer("$-12"), "-12.00");
  for (const bad of ["84.505", "eighty", "$", "84,50", "1.2.3", "--1"]) {
    assert.equal(v.billAmountForServer(bad), null, bad);
    assert.equal(v.checkOptionalBillAmount(bad), "errorBillAmount", bad);
  }
  assert.equal(v.checkOptionalBillAmount(""), null);
  assert.equal(v.checkOptionalBillAmount("$84.50"), null);
});

test("an amount due proves the account only with its number", () => {
  assert.equal(v.checkNumberWithBillAmount("", ""), null);
  assert.equal(v.checkNumberWithBillAmount("100000017", ""), null);
  assert.equal(v.checkNumberWithBillAmount("100000017", "84.50"), null);
  assert.equal(v.checkNumberWithBillAmount(" ", "84.50"), "errorBillAmountNeedsNumber");
  assert.equal(v.checkNumberWithBillAmount("10A", "84.50"), "errorAccountNumber");
});

test("the code of a mailed letter: 8 letters and digits, any case, spaces and dash ignored", () => {
  assert.equal(v.checkClaimCode("K7QP-M3XD"), null);
  assert.equal(v.checkClaimCode(" k7qp m3xd "), null);
  assert.equal(v.checkClaimCode("K7QPM3XD"), null);
  assert.equal(v.checkClaimCode(""), "errorRequired");
  for (const bad of ["K7QP-M3X", "K7QP-M3XDZ", "K7QP-M3X!"]) assert.equal(v.checkClaimCode(bad), "errorClaimCode", bad);
  assert.equal(v.claimCodeForServer(" k7qp-m3xd "), "K7QPM3XD");
});

test("new passwords: at least 12 characters, typed the same twice", () => {
  assert.equal(v.checkNewPassword("correct horse"), null);
  assert.equal(v.checkNewPassword("eleven char"), "errorPasswordShort");
  assert.equal(v.checkNewPassword(""), "errorRequired");
  // Characters, not UTF-16 units: 11 emoji are 11 characters.
  assert.equal(v.checkNewPassword("🔒".repeat(11)), "errorPasswordShort");
  assert.equal(v.checkPasswordsMatch("abc", "abc"), null);
  assert.equal(v.checkPasswordsMatch("abc", "abd"), "errorPasswordMismatch");
  assert.equal(v.checkPasswordsMatch("abc", ""), "errorRequired");
});

test("sign-in codes are 6 digits", () => {
  assert.equal(v.checkTotpCode("123 456"), null);
  assert.equal(v.checkTotpCode("12345"), "errorCode");
  assert.equal(v.checkTotpCode("abcdef"), "errorCode");
  // At sign-in a recovery code works in place of the app's code.
  assert.equal(v.checkSignInCode("123 456"), null);
  assert.equal(v.checkSignInCode("abcd-2345"), null);
  assert.equal(v.checkSignInCode("ABCD 2345"), null);
  assert.equal(v.checkSignInCode("abcd2345"), null);
  assert.equal(v.checkSignInCode(""), "errorRequired");
  assert.equal(v.checkSignInCode("12345"), "errorSignInCode");
  assert.equal(v.checkSignInCode("abcd-2340"), "errorSignInCode", "0 is not in a recovery code");
  assert.equal(v.checkSignInCode("abcd-23456"), "errorSignInCode");
});

test("payment amounts are read exactly into cents", () => {
  assert.equal(v.parseAmountInput("84.50"), 8450n);
  assert.equal(v.parseAmountInput("84.5"), 8450n);
  assert.equal(v.parseAmountInput("$84"), 8400n);
  assert.equal(v.parseAmountInput("1,204.07"), 120407n);
  assert.equal(v.parseAmountInput("0.30"), 30n);
  for (const bad of ["", "84.505", "-5", "1,20.00", "abc", "8 4", "84,50"]) {
    assert.equal(v.parseAmountInput(bad), null, bad);
  }
  assert.equal(v.checkPaymentAmount("0.00"), "errorAmountZero");
  assert.equal(v.checkPaymentAmount("12.345"), "errorAmount");
  assert.equal(v.checkPaymentAmount(" "), "errorRequired");
  assert.equal(v.checkPaymentAmount("0.01"), null);
});

test("card numbers pass the Luhn check", () => {
  assert.equal(v.checkCardNumber("4242 4242 4242 4242"), null);
  assert.equal(v.checkCardNumber("4000-0000-0000-0002"), null);
  assert.equal(v.checkCardNumber("4242 4242 4242 4241"), "errorCardNumber");
  assert.equal(v.checkCardNumber("4242"), "errorCardNumber");
  assert.equal(v.checkCardNumber("0000 0000 0000"), "errorCardNumber", "12 digits: cards have 13 to 19, as the server checks");
  assert.equal(v.checkCardNumber("0000 0000 0000 0"), null);
  assert.equal(v.checkCardNumber(""), "errorRequired");
  assert.equal(v.luhnValid("79927398713"), true);
  assert.equal(v.luhnValid("79927398710"), false);
});

test("card expiry: MM/YY, good through the end of its month", () => {
  const may2026 = new Date(2026, 4, 20);
  assert.deepEqual(v.parseCardExpiry("08/27"), { month: 8, year: 2027 });
  assert.deepEqual(v.parseCardExpiry("8/2027"), { month: 8, year: 2027 });
  assert.deepEqual(v.parseCardExpiry("0827"), { month: 8, year: 2027 });
  assert.equal(v.parseCardExpiry("13/27"), null);
  assert.equal(v.checkCardExpiry("05/26", may2026), null);
  assert.equal(v.checkCardExpiry("04/26", may2026), "errorCardExpired");
  assert.equal(v.checkCardExpiry("12/99", may2026), "errorCardExpiry");
  assert.equal(v.checkCardExpiry("tomorrow", may2026), "errorCardExpiry");
});

test("security codes are 3 or 4 digits", () => {
  assert.equal(v.checkCvc("123"), null);
  assert.equal(v.checkCvc("1234"), null);
  assert.equal(v.checkCvc("12"), "errorCvc");
});

test("routing numbers pass the ABA check digit; bank accounts are 4 to 17 digits", () => {
  assert.equal(v.checkRoutingNumber("011000015"), null); // Federal Reserve Bank of Boston
  assert.equal(v.checkRoutingNumber("121000358"), null);
  assert.equal(v.checkRoutingNumber("011000016"), "errorRoutingNumber");
  assert.equal(v.checkRoutingNumber("12345678"), "errorRoutingNumber");
  assert.equal(v.checkBankAccountNumber("6789"), null);
  assert.equal(v.checkBankAccountNumber("123"), "errorBankAccountNumber");
  assert.equal(v.checkBankAccountNumber("1".repeat(18)), "errorBankAccountNumber");
});

test("a scheduled payment's day is after today and within 365 days", () => {
  assert.equal(v.checkScheduleDate("2026-05-21", "2026-05-20"), null);
  assert.equal(v.checkScheduleDate("2026-05-20", "2026-05-20"), "errorDateNotFuture");
  assert.equal(v.checkScheduleDate("2027-05-20", "2026-05-20"), null);
  assert.equal(v.checkScheduleDate("2027-05-21", "2026-05-20"), "errorDateTooFar");
  assert.equal(v.checkScheduleDate("", "2026-05-20"), "errorRequired");
  assert.equal(v.checkScheduleDate("21/05/2026", "2026-05-20"), "errorDate");
  assert.equal(v.addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(v.addDays("2024-12-31", 1), "2025-01-01");
});

test("collectErrors keeps only the failed checks", () => {
  assert.deepEqual(v.collectErrors({ email: "errorEmail", zip: null }), { email: "errorEmail" });
  assert.equal(v.hasErrors({}), false);
  assert.equal(v.hasErrors({ zip: "errorZip" }), true);
});

test("the interval view's day: a date, today or earlier", () => {
  assert.equal(v.checkUsageDay("2026-11-22", "2026-11-23"), null);
  assert.equal(v.checkUsageDay("2026-11-23", "2026-11-23"), null);
  assert.equal(v.checkUsageDay("2026-11-24", "2026-11-23"), "errorUsageDayFuture");
  assert.equal(v.checkUsageDay("", "2026-11-23"), "errorRequired");
  assert.equal(v.checkUsageDay("22/11/2026", "2026-11-23"), "errorDate");
  assert.equal(v.checkUsageDay("2026-13-40", "2026-11-23"), "errorDate");
});
