import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useUtilityName } from "./Footer";

let firstPage = true;

/**
 * A page: its one h1, the document title (the page's, then the utility's name), and focus moved
 * to the heading when the customer navigates here (not on the first load), so keyboard and
 * screen-reader users start at the top of the new page.
 */
export function Page({ title, children }: { title: string; children?: ComponentChildren }) {
  const name = useUtilityName();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${name}`;
  }, [title, name]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );
}
