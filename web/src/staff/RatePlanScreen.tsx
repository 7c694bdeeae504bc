// One rate plan (#/settings/tariffs/{code}): what it is and the last day billed on it; its tariff's
// versions, each with the days it is in force, whether bills used it, and a Download of its own
// (and one for the whole file); the content of the version chosen (the newest at first); and the
// form for a new tariff (TariffUpload.tsx). Once a tariff is stored the plan and its tariff are asked
// for again and the new version shows, with what was done said above the versions.
import { useState } from "preact/hooks";
import type { ApiError } from "./api";
import { codeLabel } from "./labels";
import { consoleProblem } from "./problems";
import { dataOf } from "./resource";
import { billedThroughWords, changeRuleWords, inForceWords, storedWords, versionBilled, versionName, versionOf } from "./tariffs";
import type { RatePlan, TariffFile } from "./tariffs";
import { fetchTariff } from "./tariffsApi";
import { tariffsHash } from "./tariffsRoute";
import { useResource } from "./useResource";
import type { Loaded } from "./useResource";
import { WhenLoaded, headingId } from "./Section";
import { ActionOutcome, ScreenHeading, focusSoon } from "./WorkParts";
import { ActionProblem } from "./ActionParts";
import { TariffDownload } from "./TariffDownload";
import { TariffVersionView } from "./TariffVersionView";
import { TariffUpload } from "./TariffUpload";

const OUTCOME_ID = "tariff-stored";

export function RatePlanScreen({ code, plans, canStore, onSessionEnded }: {
  code: string;
  plans: Loaded<RatePlan[]>;
  canStore: boolean;
  onSessionEnded: (e: ApiError) => void;
}) {
  // The plan as storing answered, shown while the list is asked for again.
  const [stored, setStored] = useState<RatePlan | null>(null);
  const [round, setRound] = useState(0);
  const [outcome, setOutcome] = useState<string | null>(null);
  const listed = dataOf(plans.resource)?.find((p) => p.code === code) ?? null;
  const plan = listed ?? (plans.resource.state === "ready" ? null : stored);

  if (!plan) {
    if (plans.resource.state === "ready") {
      return (
        <section aria-labelledby="work-heading">
          <ScreenHeading>Rate plan {code}</ScreenHeading>
          <p class="alert"><strong>No rate plan has the code {code}.</strong></p>
          <p><a href={tariffsHash()}>All rate plans</a></p>
        </section>
      );
    }
    return (
      <section aria-labelledby="work-heading">
        <ScreenHeading>Rate plan {code}</ScreenHeading>
        <WhenLoaded what="the rate plans" resource={plans.resource} onRetry={plans.reload}>{() => null}</WhenLoaded>
      </section>
    );
  }

  const onStored = (answer: RatePlan) => {
    setStored(answer);
    setOutcome(storedWords(answer));
    setRound((n) => n + 1);
    plans.reload();
    focusSoon(OUTCOME_ID);
  };

  return (
    <div class="rate-plan" data-testid="rate-plan">
      <ScreenHeading focusKey={code}>{plan.name} <span class="plan-code">({plan.code})</span></ScreenHeading>
      <dl class="facts plan-facts">
        <dt>Commodity</dt>
        <dd>{codeLabel(plan.commodity)}</dd>
        <dt>Customer class</dt>
        <dd>{codeLabel(plan.customer_class)}</dd>
        <dt>Billed through</dt>
        <dd data-testid="billed-through">{billedThroughWords(plan)}</dd>
        <dt>Tariff</dt>
        <dd>{plan.tariff ? `${plan.tariff.name}, billed in ${plan.tariff.unit}` : "None yet: bill runs cannot bill this plan until one is stored."}</dd>
      </dl>
      <p class="hint change-rule">{changeRuleWords(plan)}</p>
      {outcome && <ActionOutcome id={OUTCOME_ID}>{outcome}</ActionOutcome>}
      {plan.tariff && <TariffParts key={round} plan={plan} onSessionEnded={onSessionEnded} />}
      <TariffUpload plan={plan} canStore={canStore} onStored={onStored} onSessionEnded={onSessionEnded} />
    </div>
  );
}

/** The versions (with their downloads) and the content of the one chosen, from the plan's tariff file. */
function TariffParts({ plan, onSessionEnded }: { plan: RatePlan; onSessionEnded: (e: ApiError) => void }) {
  const tariff = useResource((signal) => fetchTariff(plan.code, signal), plan.code, onSessionEnded);
  const versions = plan.tariff?.versions ?? [];
  // The version shown: the newest at first.
  const [shown, setShown] = useState<string | null>(null);
  const showing = shown ?? versions[versions.length - 1]?.effective ?? null;
  const [saved, setSaved] = useState("");
  const [problem, setProblem] = useState<ApiError | null>(null);
  const downloads = {
    onSaved: (filename: string) => {
      setProblem(null);
      setSaved(`Downloaded ${filename}.`);
    },
    onFailed: (e: ApiError) => {
      setSaved("");
      if (consoleProblem(e) === "sign-in") onSessionEnded(e);
      else setProblem(e);
    },
  };

  return (
    <>
      <section class="panel tariff-versions" aria-labelledby={headingId("tariff-versions")} data-testid="tariff-versions">
        <div class="panel-head">
          <h2 id={headingId("tariff-versions")} tabIndex={-1}>Versions</h2>
          <TariffDownload code={plan.code} label="Download the whole tariff" testId="download-tariff" {...downloads} />
        </div>
        <p role="status" class="status-line download-status" data-testid="download-status">{saved}</p>
        <ActionProblem what="Could not download the tariff." problem={problem} />
        <div class="table-wrap">
          <table class="data-table version-table">
            <caption class="visually-hidden">Versions of {plan.tariff?.name}, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Effective</th>
                <th scope="col">Label</th>
                <th scope="col">In force</th>
                <th scope="col">Billed</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.effective} data-effective={v.effective} class={v.effective === showing ? "opened" : undefined}>
                  <th scope="row"><time dateTime={v.effective}>{v.effective}</time></th>
                  <td>{versionName(v)}</td>
                  <td>{inForceWords(versions, i)}</td>
                  <td>{versionBilled(v, plan.billed_through) ? "Yes: it stays as it is" : "Not yet"}</td>
                  <td class="row-actions">
                    <button type="button" class="secondary small" aria-pressed={v.effective === showing ? "true" : "false"}
                      onClick={() => setShown(v.effective)}>
                      Show<span class="visually-hidden"> {versionName(v)}</span>
                    </button>
                    <TariffDownload code={plan.code} effective={v.effective} label="Download" what={`${versionName(v)} as a file of its own`}
                      testId={`download-version-${v.effective}`} {...downloads} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <WhenLoaded what="the tariff" resource={tariff.resource} onRetry={tariff.reload}>
        {(file: TariffFile) => {
          const index = versions.findIndex((v) => v.effective === showing);
          const version = showing ? versionOf(file, showing) : null;
          return version ? (
            <TariffVersionView key={showing} version={version} unit={file.unit} inForce={index >= 0 ? inForceWords(versions, index) : ""} />
          ) : null;
        }}
      </WhenLoaded>
    </>
  );
}
