// The account page's sections as links, kept in view while the page scrolls: every section is on
// the page (Ctrl+F and screen readers find all of it); a link moves to its heading. Routes are the
// hash, so a link does not follow "#..." (that would be a route): it scrolls and moves focus.
import { headingId } from "./Section";

export interface NavEntry {
  id: string;
  label: string;
  /** Its answer could not load: said beside the link. */
  failed?: boolean;
}

/** Scrolls a section's heading into view and moves focus to it. */
export function goToSection(id: string) {
  const heading = document.getElementById(headingId(id));
  if (!heading) return;
  heading.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

export function SectionNav({ entries, href }: { entries: NavEntry[]; href: string }) {
  return (
    <nav class="section-nav" aria-label="Sections of this account">
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <a
              href={href}
              onClick={(ev) => {
                ev.preventDefault();
                goToSection(e.id);
              }}
            >
              {e.label}
              {e.failed && <span class="nav-problem"> (could not load)</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
