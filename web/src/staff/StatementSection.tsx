// Statement of account: every ledger entry in the order it took effect, with the balance after
// it, between the opening and the closing balance (GET .../statement). Filters (from, to, one
// kind of entry) ask again; the CSV file and the PDF are asked for with the same filters. The
// section's heading is on the page at once, for the section navigation; its filters and table
// load after the page (Statement.tsx).
import type { Statement, StatementFilters } from "./statement";
import type { Loaded } from "./useResource";
import { Section } from "./Section";
import { lazyPart } from "./lazyPart";

export interface StatementProps {
  account: string;
  statement: Loaded<Statement>;
  filters: StatementFilters;
  onFilters: (filters: StatementFilters) => void;
}

const StatementBody = lazyPart("statement of account", () => import("./Statement").then((m) => m.StatementBody));

export function StatementSection(props: StatementProps) {
  return (
    <Section id="statement" title="Statement of account" wide busy={props.statement.resource.state === "loading"}>
      <StatementBody {...props} />
    </Section>
  );
}
