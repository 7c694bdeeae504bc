import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../i18n/context";

let firstPage = true;

/**
 * A page: its one h1, the document title, and focus moved to the heading when the customer
 * navigates here (not on the first load), so keyboard and screen-reader users start at the top
 * of the new page.
 */
export function Page({ title, children }: { title: string; children?: ComponentChildren }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t("portalName")}`;
  }, [title, t]);
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
