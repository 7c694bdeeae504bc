// Choices kept on this device (the language before signing in, the account last shown). Storage
// may be off (private browsing, a policy): then a choice lasts for this page only.

export function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage disabled: the choice lasts for this page */
  }
}

export const LANGUAGE_KEY = "ratepayer.language";
export const ACCOUNT_KEY = "ratepayer.account";
