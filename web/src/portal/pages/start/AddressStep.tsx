// Starting service, step 1: the address. The house number and street (the start is enough) and an
// optional ZIP are looked up among the premises the utility serves; the applicant picks theirs
// from the matches. None is said plainly: we do not serve that address, with the utility's phone.
import { useContext, useEffect, useState } from "preact/hooks";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { UtilityContext } from "../../components/Footer";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import { findPremises } from "../../startServiceApi";
import { SEARCH_FIELD_WORDS, SEARCH_SERVER_FIELDS, checkAddressSearch, premiseLine } from "../../startService";
import type { AddressSearch } from "../../startService";
import { telHref } from "../../utility";
import type { FieldErrors } from "../../validation";
import type { Premise } from "../../types";
import { StepHeading } from "./StepHeading";

/** What was looked up and what it found (kept by the flow, so going back shows it again). */
export interface Lookup {
  search: AddressSearch;
  /** null: not looked up yet (or the search changed since). */
  matches: Premise[] | null;
}

export const NO_LOOKUP: Lookup = { search: { street: "", zip: "" }, matches: null };

const SEARCH_IDS = ["start-street", "start-zip"];

export function AddressStep({ lookup, onLookup, chosen, onChosen, focus }: {
  lookup: Lookup;
  onLookup: (lookup: Lookup) => void;
  chosen: Premise | null;
  onChosen: (premise: Premise) => void;
  /** As StepHeading's: "" on the page's first draw. */
  focus?: string;
}) {
  const { t } = useI18n();
  const form = useFormSubmit(SEARCH_SERVER_FIELDS, () => {}, SEARCH_FIELD_WORDS);
  const [found, setFound] = useState<FieldErrors>({});
  // Matches just found take focus (not those shown again on coming back).
  const [justFound, setJustFound] = useState(false);
  const now = checkAddressSearch(lookup.search);
  const fieldError = (id: string) => (found[id] && !now[id] ? undefined : form.fieldError(id));
  const setSearch = (part: Partial<AddressSearch>) => onLookup({ search: { ...lookup.search, ...part }, matches: null });

  const find = async (e: Event) => {
    e.preventDefault();
    setFound(now);
    if (!form.check(now, SEARCH_IDS)) return;
    const search = lookup.search;
    const answer = await form.run(() => findPremises(search));
    if (answer) {
      setJustFound(true);
      onLookup({ search, matches: answer.premises });
    }
    else requestAnimationFrame(() => document.querySelector<HTMLElement>("#start-search [aria-invalid='true']")?.focus());
  };

  return (
    <>
      <StepHeading step={1} title={t("startAddressTitle")} focus={focus} />
      <form id="start-search" onSubmit={find} noValidate class="form" aria-labelledby="start-step-heading">
        <Field id="start-street" label={t("startStreet")} hint={t("startStreetHint")} autoComplete="address-line1" required
          maxLength={200} value={lookup.search.street} onValue={(street) => setSearch({ street })} error={fieldError("start-street")} />
        <Field id="start-zip" label={t("startZip")} autoComplete="postal-code" inputMode="numeric" maxLength={10}
          value={lookup.search.zip} onValue={(zip) => setSearch({ zip })} error={fieldError("start-zip")} />
        <Alert>{form.failure && !SEARCH_IDS.some((id) => fieldError(id)) ? form.failure : null}</Alert>
        <button type="submit" class="button" aria-disabled={form.busy}>{form.busy ? t("startFinding") : t("startFind")}</button>
      </form>
      <div role="status" class="start-matches-status">
        {lookup.matches?.length === 0 && <NotServed />}
      </div>
      {lookup.matches && lookup.matches.length > 0 && (
        <Matches key={lookup.matches.map((p) => p.id).join()} matches={lookup.matches} chosen={chosen} onChosen={onChosen}
          takeFocus={justFound} />
      )}
    </>
  );
}

/** No premise starts so: the utility does not serve it, and how to reach us if it does. */
function NotServed() {
  const { t } = useI18n();
  const phone = useContext(UtilityContext)?.phone ?? null;
  const tel = phone ? telHref(phone) : null;
  return (
    <div class="callout warn start-not-served" data-testid="start-not-served">
      <p class="strong">{t("startNotServed")}</p>
      <p>{t("startNotServedHint")}</p>
      <p>
        {phone ? (
          <>{t("startNotServedCall")} {tel ? <a href={tel}>{phone}</a> : phone}</>
        ) : (
          t("startNotServedCallUs")
        )}
      </p>
    </div>
  );
}

/** The premises found, one to choose (the only one already chosen). */
function Matches({ matches, chosen, onChosen, takeFocus }: {
  matches: Premise[];
  chosen: Premise | null;
  onChosen: (premise: Premise) => void;
  takeFocus: boolean;
}) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<number | null>(
    matches.some((p) => p.id === chosen?.id) ? chosen!.id : matches.length === 1 ? matches[0].id : null,
  );
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (takeFocus) document.getElementById("start-premise")?.focus();
  }, []);
  const choose = (e: Event) => {
    e.preventDefault();
    const premise = matches.find((p) => p.id === picked);
    setMissing(!premise);
    if (premise) onChosen(premise);
    else document.getElementById("start-premise")?.focus();
  };
  return (
    <form id="start-choose" onSubmit={choose} noValidate class="form">
      <fieldset class={missing ? "choices invalid" : "choices"} aria-describedby={missing ? "start-premise-error" : "start-premise-hint"}>
        <legend>{t("startMatchesLegend")}</legend>
        {matches.map((p, i) => (
          <label key={p.id} class="choice" data-testid="start-match">
            <input type="radio" name="start-premise" id={i === 0 ? "start-premise" : undefined} value={String(p.id)}
              checked={picked === p.id} aria-invalid={missing ? "true" : undefined}
              onChange={() => { setPicked(p.id); setMissing(false); }} />
            <span>{premiseLine(p)}</span>
          </label>
        ))}
        {missing && <p id="start-premise-error" class="field-error">{t("errorStartChoose")}</p>}
        <p id="start-premise-hint" class="hint">{t("startMatchesHint")}</p>
      </fieldset>
      <button type="submit" class="button primary">{t("startContinue")}</button>
    </form>
  );
}
