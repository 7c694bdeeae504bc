// Finding an address the utility serves by its house number and street (and a ZIP), as starting
// service finds them: reporting at an address and following one both start here. The fields are
// named by `prefix` ("start-street", "follow-street"), so two searches can share a page. What was
// found goes to `onMatches` (null again while the customer types); none found is said here.
import { useState } from "preact/hooks";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import { findPremises } from "../../startServiceApi";
import { SEARCH_FIELD_WORDS } from "../../startService";
import type { AddressSearch } from "../../startService";
import { checkSearchAt, searchIds, searchServerFieldsAt } from "../../followedAddresses";
import type { Premise } from "../../types";

export function AddressSearchForm({ prefix, label, onMatches }: {
  prefix: string;
  /** The form's name for screen readers ("Find your address"). */
  label: string;
  onMatches: (premises: Premise[] | null) => void;
}) {
  const { t } = useI18n();
  const ids = searchIds(prefix);
  const order = [ids.street, ids.zip];
  const form = useFormSubmit(searchServerFieldsAt(prefix), () => {}, SEARCH_FIELD_WORDS);
  const [search, setSearch] = useState<AddressSearch>({ street: "", zip: "" });
  const [noneFound, setNoneFound] = useState(false);

  const edit = (next: AddressSearch) => {
    setSearch(next);
    setNoneFound(false);
    onMatches(null);
  };
  const find = async (e: Event) => {
    e.preventDefault();
    if (!form.check(checkSearchAt(search, prefix), order)) return;
    const answer = await form.run(() => findPremises(search));
    if (!answer) return;
    setNoneFound(answer.premises.length === 0);
    onMatches(answer.premises);
  };

  return (
    <>
      <form onSubmit={find} noValidate class="form address-search" aria-label={label}>
        <Field id={ids.street} label={t("startStreet")} hint={t("startStreetHint")} autoComplete="address-line1" required
          maxLength={200} value={search.street} onValue={(street) => edit({ ...search, street })}
          error={form.fieldError(ids.street)} />
        <Field id={ids.zip} label={t("startZip")} autoComplete="postal-code" inputMode="numeric" maxLength={10}
          value={search.zip} onValue={(zip) => edit({ ...search, zip })} error={form.fieldError(ids.zip)} />
        <Alert>{form.failure && !order.some((id) => form.fieldError(id)) ? form.failure : null}</Alert>
        <button type="submit" class="button primary" aria-disabled={form.busy}>{form.busy ? t("startFinding") : t("startFind")}</button>
      </form>
      <div role="status">
        {noneFound && <p class="callout warn" data-testid="address-not-found">{t("startNotServed")} {t("startMatchesHint")}</p>}
      </div>
    </>
  );
}
