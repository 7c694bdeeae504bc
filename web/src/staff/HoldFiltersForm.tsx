// The bill hold queue's filters: the hold reason, the cycle, how long held, the amount range. They
// are kept in the address (#/queues/bill-holds?rule=...), so Back returns to the filters before and
// a filtered queue can be shared; the server filters (GET /api/v1/staff/bill-holds's query).
import { useEffect, useState } from "preact/hooks";
import { Field, focusField } from "./Field";
import { firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { HOLD_FILTERS, HOLD_REASON_CODES, NO_HOLD_FILTERS, checkHoldFilters, holdReasonLabel, isFiltered } from "./billHolds";
import type { HoldFilter, HoldFilters } from "./billHolds";
import { billHoldsHash } from "./workRoute";
import { describedBy } from "./ActionParts";

const id = (f: string) => `holds-${f.replace(/_/g, "-")}`;

export function HoldFiltersForm({ filters, refused, onSame }: {
  /** The filters in the address: what the list shows. */
  filters: HoldFilters;
  /** A filter the server refused, said at it. */
  refused: FieldErrors | null;
  /** The form was sent as the address already has it: ask again. */
  onSame: () => void;
}) {
  const [draft, setDraft] = useState<HoldFilters>(filters);
  const [checked, setChecked] = useState<FieldErrors>({});
  useEffect(() => {
    setDraft(filters);
    setChecked({});
  }, [billHoldsHash(filters)]);
  const errors: FieldErrors = { ...refused, ...checked };

  const set = (f: HoldFilter) => (value: string) => setDraft((d) => ({ ...d, [f]: value }));
  const submit = (e: Event) => {
    e.preventDefault();
    const found = checkHoldFilters(draft);
    setChecked(found.errors);
    if (hasErrors(found.errors)) {
      focusField(id(firstError(found.errors, HOLD_FILTERS)!));
      return;
    }
    const hash = billHoldsHash(found.filters);
    if (hash === billHoldsHash(filters)) onSame();
    else location.hash = hash; // a new history entry: Back returns to the filters before
  };

  const ruleId = id("rule");
  return (
    <form class="panel hold-filters" role="search" aria-label="Filter bills on hold" onSubmit={submit} noValidate>
      <div class="hold-filter-fields">
        <div class={errors.rule ? "field invalid" : "field"}>
          <label for={ruleId}>Hold reason</label>
          <select id={ruleId} value={draft.rule} aria-invalid={errors.rule ? "true" : undefined}
            aria-describedby={describedBy(ruleId, errors.rule)} onChange={(e) => set("rule")(e.currentTarget.value)}>
            <option value="">Any reason</option>
            {HOLD_REASON_CODES.map((r) => (
              <option key={r} value={r}>{holdReasonLabel(r)}</option>
            ))}
          </select>
          {errors.rule && <p id={`${ruleId}-error`} class="field-error">{errors.rule}</p>}
        </div>
        <Field id={id("cycle")} label="Cycle" inputMode="numeric" autocomplete="off" value={draft.cycle}
          onValue={set("cycle")} error={errors.cycle} />
        <Field id={id("older_than_days")} label="Held over (days)" inputMode="numeric" autocomplete="off"
          value={draft.older_than_days} onValue={set("older_than_days")} error={errors.older_than_days} />
        <Field id={id("min_amount")} label="Charges from ($)" inputMode="decimal" autocomplete="off" value={draft.min_amount}
          onValue={set("min_amount")} error={errors.min_amount} />
        <Field id={id("max_amount")} label="Charges to ($)" inputMode="decimal" autocomplete="off" value={draft.max_amount}
          onValue={set("max_amount")} error={errors.max_amount} />
      </div>
      <div class="filter-actions">
        <button type="submit">Show bills</button>
        {isFiltered(filters) && <a href={billHoldsHash(NO_HOLD_FILTERS)}>Clear filters</a>}
      </div>
    </form>
  );
}
