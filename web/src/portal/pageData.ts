// What the server wrote into the portal's page for a signed-in visitor (http/static_files.h):
// <script type="application/json" id="page-data">{"me": ...}</script>. With it the portal starts
// signed in, without first asking GET /api/v1/me.
import type { Me } from "./types.ts";

/** The signed-in customer in the page data's text, or null when absent or not well formed. */
export function meFromPageData(text: string | null | undefined): Me | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const me = (data as { me?: Partial<Me> } | null)?.me;
  if (!me || typeof me.csrf_token !== "string" || !Array.isArray(me.accounts)) return null;
  return me as Me;
}

/** The page's signed-in customer, read once (the element is removed, so a later read is null). */
export function takeMeFromPage(doc: Document = document): Me | null {
  const element = doc.getElementById("page-data");
  if (!element) return null;
  element.remove();
  return meFromPageData(element.textContent);
}
