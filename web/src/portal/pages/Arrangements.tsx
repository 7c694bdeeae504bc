// Payment arrangements without calling: the plans the utility offers for a past-due balance,
// picking one, and the arrangements the account has had.
import { useEffect, useRef, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert, useProblemText } from "../components/Alert";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { useSession } from "../session";
import { fetchArrangementOffers, fetchArrangements, takeArrangement } from "../accountApi";
import { ApiError } from "../problem";
import { arrangementReasonWords } from "../problemWords";
import type { Arrangement, ArrangementOffer } from "../types";

export function Arrangements() {
  const { t } = useI18n();
  const { account, refreshSummary } = useSession();
  const loaded = useLoad(
    (signal) => Promise.all([fetchArrangementOffers(account, signal), fetchArrangements(account, signal)]),
    [account],
  );
  const [taken, setTaken] = useState<Arrangement | null>(null);
  return (
    <Page title={t("arrangementsTitle")}>
      <p>{t("arrangementsIntro")}</p>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {taken && <Taken arrangement={taken} />}
      {loaded.data && !taken && (
        <Offer offer={loaded.data[0]} onTaken={(a) => {
          setTaken(a);
          loaded.reload();
          void refreshSummary();
        }} />
      )}
      {loaded.data && <History arrangements={loaded.data[1].arrangements} />}
    </Page>
  );
}

function Offer({ offer, onTaken }: { offer: ArrangementOffer; onTaken: (a: Arrangement) => void }) {
  const { t, money, language } = useI18n();
  const problemText = useProblemText();
  const { account } = useSession();
  const [choice, setChoice] = useState(offer.plans[0]?.installments ?? 0);
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  if (!offer.eligible) {
    return (
      <section class="card" aria-labelledby="offer-heading">
        <h2 id="offer-heading">{t("arrangementOffer")}</h2>
        <p>{t("pastDue", { amount: money(offer.past_due) })}</p>
        <p>
          {offer.reason || offer.reason_code
            ? t("notEligibleBecause", { reason: arrangementReasonWords(offer, language, t) })
            : t("notEligible")}
        </p>
      </section>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || !choice) return;
    setBusy(true);
    setFailure("");
    try {
      onTaken(await takeArrangement(account, choice));
    } catch (err) {
      if (err instanceof ApiError) setFailure(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="offer-heading">
      <h2 id="offer-heading">{t("arrangementOffer")}</h2>
      <p>{t("pastDue", { amount: money(offer.past_due) })}</p>
      <form onSubmit={submit} class="form">
        <Alert>{failure || null}</Alert>
        <fieldset class="choices plans">
          <legend>{t("choosePlan")}</legend>
          {offer.plans.map((p) => (
            <label key={p.installments} class="choice plan">
              <input type="radio" name="plan" value={String(p.installments)} checked={choice === p.installments}
                onChange={() => setChoice(p.installments)} />
              <span>
                <span class="strong">{t("planInstallments", { count: p.installments })}</span>
                <br />
                {t("planDetail", {
                  down: money(p.down_payment),
                  installment: money(p.installment),
                  last: money(p.last_installment),
                  total: money(p.total),
                })}
              </span>
            </label>
          ))}
        </fieldset>
        <p class="hint">{t("planRules")}</p>
        <button type="submit" class="button primary" aria-disabled={busy}>{t("takePlan")}</button>
      </form>
    </section>
  );
}

function Taken({ arrangement: a }: { arrangement: Arrangement }) {
  const { t, money, date } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card done" aria-labelledby="taken-heading">
      <h2 id="taken-heading" tabIndex={-1} ref={heading}>{t("planTaken")}</h2>
      <p>{t("planTakenDetail", { down: money(a.down_payment), due: date(a.down_payment_due_on), count: a.installments, installment: money(a.installment) })}</p>
    </section>
  );
}

function History({ arrangements }: { arrangements: Arrangement[] }) {
  const { t, money, date, language } = useI18n();
  if (arrangements.length === 0) return null;
  const status = { active: t("arrangementActive"), completed: t("arrangementCompleted"), broken: t("arrangementBroken") };
  return (
    <section class="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t("yourArrangements")}</h2>
      <ul class="list">
        {arrangements.map((a) => (
          <li key={a.id} class="list-item">
            <div class="row">
              <span class="strong">{t("arrangementSince", { date: date(a.created_on) })}</span>
              <span class="badge">{status[a.status] ?? a.status}</span>
            </div>
            <p class="hint">
              {t("arrangementProgress", { past: money(a.past_due), billed: a.installments_billed, count: a.installments, installment: money(a.installment) })}
            </p>
            {/* The server's own words, in English only; the status above says it in every language. */}
            {a.end_reason && language === "en" && <p class="hint">{a.end_reason}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
