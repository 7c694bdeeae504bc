// Looking up the portal's words. Every user-visible string lives in the dictionaries
// (en.ts, es.ts); es.ts is typed against en.ts, so a missing or extra key is a compile error.
import type { MessageKey, Messages } from "./en.ts";

export type { MessageKey, Messages };
export type Language = "en" | "es";

/** Values put into a message's {placeholders}. */
export type MessageVars = Record<string, string | number>;

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** The Intl locale for a language: US English or US Spanish (dollars, US dates). */
export function localeFor(language: Language): "en-US" | "es-US" {
  return language === "es" ? "es-US" : "en-US";
}

/** Narrows anything (Me.language, a stored choice) to a language the portal speaks, or null. */
export function asLanguage(value: string | null | undefined): Language | null {
  const base = (value ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return base === "en" || base === "es" ? base : null;
}

/** The language for a visitor who has not signed in: the browser's first language we speak. */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = asLanguage(tag);
    if (language) return language;
  }
  return "en";
}

/**
 * Fills {name} placeholders from vars. A placeholder with no value is left as written, so a
 * forgotten value shows up in review instead of as an empty gap.
 */
export function fill(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function translator(messages: Messages): Translate {
  return (key, vars) => fill(messages[key], vars);
}

/** The placeholders a message uses, e.g. "Pay {amount}" -> ["amount"]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
