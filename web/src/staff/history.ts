// The account's history as the History section shows it (pure; test/staffHistory.test.mjs).
// The server gives it newest first by event id, a page at a time; events written since the page
// was loaded (a note added or pinned here) are asked for again and put on top.

/**
 * The events shown: `newer` (a fresh first page) and `shown` (the pages loaded), each once,
 * newest first (by id, the server's order: ids grow as events are written).
 */
export function newestFirst<T extends { id: number }>(newer: readonly T[], shown: readonly T[]): T[] {
  const byId = new Map<number, T>();
  for (const e of shown) byId.set(e.id, e);
  for (const e of newer) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/**
 * The filter's choices: the groups the account has (the server's `kinds`), and the one chosen
 * even if the answer no longer lists it, so the select never shows a choice it does not have.
 */
export function kindChoices(kinds: readonly string[], chosen: string): string[] {
  return chosen && !kinds.includes(chosen) ? [...kinds, chosen] : [...kinds];
}
