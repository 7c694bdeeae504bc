// An account number as staff type it (pure; test/staffMovePayment.test.mjs): nine digits, spaces
// and dashes ignored (src/core/account_number.h). The server checks the check digit, and the
// console looks the account up before money is placed on it.

/** "1000 0001-7" -> "100000017". */
export function cleanAccountNumber(text: string): string {
  return text.replace(/[\s-]/g, "");
}

/** What is wrong with a typed account number; undefined when it has the right shape. */
export function accountNumberProblem(text: string): string | undefined {
  const digits = cleanAccountNumber(text);
  if (!digits) return "Type the account number.";
  if (!/^\d{9}$/.test(digits)) return "An account number has 9 digits, like 100000017.";
  return undefined;
}
