// The console's hash routes (pure; test/staffRoute.test.mjs).
//
//   #/ (or anything else)   find an account
//   #/accounts/{number}     one account
//   #/enrol/{token}         first sign-in: the one-time link from `ratepayer staff add`

export type Route =
  | { page: "search" }
  | { page: "account"; number: string }
  | { page: "enrol"; token: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null; // a malformed %-escape
  }
}

export function parseRoute(hash: string): Route {
  const account = /^#\/accounts\/([^/]+)\/?$/.exec(hash);
  const number = account ? decode(account[1]) : null;
  if (number) return { page: "account", number };
  const enrol = /^#\/enrol\/([^/?#]+)\/?$/.exec(hash);
  const token = enrol ? decode(enrol[1]) : null;
  if (token) return { page: "enrol", token };
  return { page: "search" };
}

export function accountHash(number: string): string {
  return `#/accounts/${encodeURIComponent(number)}`;
}
