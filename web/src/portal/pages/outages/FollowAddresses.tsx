// Outage alerts for another address (a parent's house): the addresses the account follows, each
// with Stop, and finding one more to follow (up to 10), with where the alerts go (the account's
// email and the text number it agreed to, chosen in Settings). Folded away like reporting at
// another address; open when the account follows any, so they show at once.
import { useEffect, useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { LoadState } from "../../components/Loading";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useLoad } from "../../components/useLoad";
import { useI18n } from "../../i18n/context";
import { Link } from "../../navigation";
import { ApiError } from "../../problem";
import { premiseLine } from "../../startService";
import { streetLine } from "../../outages";
import { fetchFollowedAddresses, followAddress, unfollowAddress } from "../../outagesApi";
import { FOLLOW_CHOICE_WORDS, followChoice, followRefusalKey, mayFollowMore } from "../../followedAddresses";
import type { FollowedAddress, FollowedAddresses } from "../../followedAddresses";
import type { Premise } from "../../types";
import { AddressSearchForm } from "./AddressSearchForm";

export function FollowAddresses({ account, ownHomes }: { account: string; ownHomes: readonly number[] }) {
  const { t } = useI18n();
  const loaded = useLoad((signal) => fetchFollowedAddresses(account, signal), [account]);
  const followed = loaded.data?.addresses ?? [];
  const [open, setOpen] = useState(false);
  const following = followed.length > 0;
  useEffect(() => {
    if (following) setOpen(true);
  }, [following]);

  return (
    <details class="card another-address follow-addresses" data-testid="follow-addresses" open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t("followTitle")}</summary>
      <p>{t("followIntro")}</p>
      {!loaded.data && <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && (
        <FollowForm account={account} followed={followed} ownHomes={ownHomes} onList={loaded.set} />
      )}
      <p class="hint follow-delivery">
        {t("followDelivery")} <Link href="/settings#notices">{t("followChooseNotices")}</Link>
      </p>
    </details>
  );
}

/** The list with its Stop buttons, then the search for one more; what each did said once. */
function FollowForm({ account, followed, ownHomes, onList }: {
  account: string;
  followed: readonly FollowedAddress[];
  ownHomes: readonly number[];
  onList: (list: FollowedAddresses) => void;
}) {
  const { t } = useI18n();
  const form = useFormSubmit();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  // What the last change did, kept as words to draw (so it follows a change of language).
  const [done, setDone] = useState<{ key: "followDone" | "followStopped"; address: string } | null>(null);
  const [matches, setMatches] = useState<Premise[] | null>(null);
  // The search form starts over after each follow (a new key), so the next address starts empty.
  const [searches, setSearches] = useState(0);
  const refusalKey = refusal ? followRefusalKey(refusal, followed.length) : null;
  const failure = refusalKey ? t(refusalKey) : form.failure;

  const send = async (change: () => Promise<FollowedAddresses>, said: NonNullable<typeof done>) => {
    if (form.busy) return undefined;
    setRefusal(null);
    setDone(null);
    const answer = await form.run(async () => {
      try {
        return await change();
      } catch (e) {
        if (e instanceof ApiError) setRefusal(e);
        throw e;
      }
    });
    if (answer) {
      onList(answer);
      setDone(said);
    }
    return answer;
  };
  const follow = async (premise: Premise) => {
    const answer = await send(() => followAddress(account, premise.id), { key: "followDone", address: premiseLine(premise) });
    if (!answer) return;
    setMatches(null);
    setSearches((n) => n + 1);
  };
  const stop = (address: FollowedAddress) =>
    void send(() => unfollowAddress(account, address.premise), { key: "followStopped", address: streetLine(address) });

  return (
    <>
      {followed.length > 0 && (
        <section aria-labelledby="followed-heading">
          <h3 id="followed-heading">{t("followListTitle")}</h3>
          <ul class="list followed-list">
            {followed.map((a) => (
              <li key={a.premise} class="followed-address" data-testid="followed-address">
                <span>{streetLine(a)}, {a.city}</span>
                <button type="button" class="button" aria-disabled={form.busy}
                  aria-label={t("followStopLabel", { address: streetLine(a) })} onClick={() => stop(a)}>
                  {t("followStop")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Alert>{failure || null}</Alert>
      <Status>{done ? t(done.key, { address: done.address }) : null}</Status>
      {mayFollowMore(followed) ? (
        <>
          <AddressSearchForm key={searches} prefix="follow" label={t("followFindLabel")} onMatches={setMatches} />
          {matches && matches.length > 0 && (
            <ul class="list follow-matches" aria-label={t("followMatchesLabel")}>
              {matches.map((p) => {
                const choice = followChoice(p, followed, ownHomes);
                const why = FOLLOW_CHOICE_WORDS[choice];
                return (
                  <li key={p.id} class="follow-match">
                    <span>{premiseLine(p)}</span>
                    {why ? <span class="hint">{t(why)}</span> : (
                      <button type="button" class="button primary" aria-disabled={form.busy}
                        aria-label={t("followLabel", { address: premiseLine(p) })} onClick={() => void follow(p)}>
                        {t("followButton")}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : (
        <p class="hint" data-testid="follow-full">{t("followFull")}</p>
      )}
    </>
  );
}
