// The console's keyboard shortcut (pure; test/staffShortcuts.test.mjs): "/" goes to the account
// search, from any page, unless focus is where "/" is typed as text.

/** The search field's id (AccountSearch.tsx), which the shortcut focuses. */
export const SEARCH_FIELD_ID = "account-q";

/** The key pressed, as a KeyboardEvent has it. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Typing through an input method (a character being composed). */
  isComposing?: boolean;
  defaultPrevented?: boolean;
}

/** Where focus is, as an Element has it (document.activeElement). */
export interface Focused {
  tagName: string;
  /** An input's type ("text", "checkbox"). */
  type?: string;
  isContentEditable?: boolean;
}

/** Inputs where a key press types nothing: "/" on them is still the shortcut. */
const NOT_TYPED_IN = new Set(["button", "checkbox", "color", "file", "hidden", "image", "radio", "range", "reset", "submit"]);

/** Whether a key pressed with focus here would type text: a text field, a textarea, editable content. */
export function typesText(focused: Focused | null): boolean {
  if (!focused) return false;
  if (focused.isContentEditable) return true;
  const tag = focused.tagName.toUpperCase();
  if (tag === "TEXTAREA") return true;
  return tag === "INPUT" && !NOT_TYPED_IN.has((focused.type ?? "text").toLowerCase());
}

/**
 * "/" alone (Shift allowed: some keyboards need it for "/"), not typed into a text field, not
 * already handled: go to the search.
 */
export function isSearchShortcut(press: KeyPress, focused: Focused | null): boolean {
  if (press.key !== "/" || press.ctrlKey || press.metaKey || press.altKey) return false;
  if (press.isComposing || press.defaultPrevented) return false;
  return !typesText(focused);
}
