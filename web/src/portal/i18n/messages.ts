// The dictionaries, as the browser gets them: English is in the first download, Spanish is
// fetched the first time it is needed (before the first page is drawn in Spanish).
import { en } from "./en";
import type { Language, Messages } from "./translate";

const loaded: Partial<Record<Language, Messages>> = { en };

/** The dictionary of a language, if it is already here. */
export function messagesFor(language: Language): Messages | undefined {
  return loaded[language];
}

export async function loadMessages(language: Language): Promise<Messages> {
  const have = loaded[language];
  if (have) return have;
  const { es } = await import("./es");
  loaded.es = es;
  return es;
}
