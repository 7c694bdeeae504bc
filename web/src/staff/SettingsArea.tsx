// The Settings area (billing.read): the utility's settings in the sections the office thinks in,
// each with what it means and its value (or what applies while it is not set); a user with
// settings.change changes one at a time (the server checks it and says what is wrong at the field;
// it wants a sign-in from the last 5 minutes: ConfirmIdentity). Beside them the bill schedule of a
// month, asked for again after each change (a new holiday moves the cycles' dates), and the
// settings' recent changes with who made them. Its code loads when the area is first opened (App.tsx).
// Desktop first: from 80rem (1280 px) the schedule and the changes are a column at the right.
import { useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError, Staff } from "./api";
import { fetchSettingChanges, fetchSettings } from "./settingsApi";
import { SETTINGS_CHANGE_PERMISSION, isFamily, sectionsOf, settingLabel } from "./settings";
import { SETTINGS_HASH, SETTINGS_PERMISSION } from "./route";
import { TARIFFS_HASH } from "./tariffsRoute";
import type { Setting, SettingChanged } from "./settings";
import { useResource } from "./useResource";
import { dataOf } from "./resource";
import { useWorkList } from "./useWorkList";
import { consoleProblem } from "./problems";
import { ScreenHeading, focusSoon } from "./WorkParts";
import { WhenLoaded, headingId } from "./Section";
import { goToSection } from "./SectionNav";
import { SettingItem, outcomeId } from "./SettingItem";
import { BillSchedulePanel } from "./BillSchedulePanel";
import { SettingChangesPanel } from "./SettingChangesPanel";
import { ActionProblem } from "./ActionParts";

export function SettingsArea({ me, onSessionEnded }: { me: Staff; onSessionEnded: (e: ApiError) => void }) {
  if (!me.permissions.includes(SETTINGS_PERMISSION)) {
    return (
      <section class="settings-area" aria-labelledby="work-heading">
        <ScreenHeading>Settings</ScreenHeading>
        <p class="alert">
          <strong>Not open to you.</strong>
          <span class="detail">The settings need the permission {SETTINGS_PERMISSION}, which your roles do not give.</span>
        </p>
      </section>
    );
  }
  return <SettingsScreen me={me} onSessionEnded={onSessionEnded} />;
}

/** What a saved change did, in a sentence. */
function savedWords(setting: Setting, answer: SettingChanged): string {
  const label = settingLabel(answer.key);
  if (!answer.changed) return `${label} was this already; nothing changed.`;
  if (setting.kind === "dates") return `${label} saved. The bill schedule shows the cycles' dates with them.`;
  return `${label} saved.`;
}

function SettingsScreen({ me, onSessionEnded }: { me: Staff; onSessionEnded: (e: ApiError) => void }) {
  const canChange = me.permissions.includes(SETTINGS_CHANGE_PERMISSION);
  const loaded = useResource(fetchSettings, "settings", onSessionEnded);
  // The settings as asked for again after a change (the first answer until then).
  const [fresh, setFresh] = useState<Setting[] | null>(null);
  const [refreshProblem, setRefreshProblem] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ key: string; words: string } | null>(null);
  const [scheduleRound, setScheduleRound] = useState(0);
  const changes = useWorkList(fetchSettingChanges, "setting-changes", onSessionEnded);
  const settings = fresh ?? dataOf(loaded.resource);
  const zoneSetting = settings?.find((s) => s.key === "time_zone");
  const zone = zoneSetting ? zoneSetting.value ?? zoneSetting.when_unset : null;

  const saved = (setting: Setting, answer: SettingChanged) => {
    setEditing(null);
    // A family's first member ("vee_rules." -> "vee_rules.electric") is a setting of its own,
    // drawn once the settings are in again: its words go there.
    const family = isFamily(setting.key);
    setOutcome({ key: family ? answer.key : setting.key, words: savedWords(setting, answer) });
    if (!family) focusSoon(outcomeId(setting.key));
    setRefreshProblem(null);
    fetchSettings().then((list) => {
      setFresh(list);
      if (family) focusSoon(outcomeId(answer.key));
    }, (e: unknown) => {
      const problem = asApiError(e);
      if (consoleProblem(problem) === "sign-in") onSessionEnded(problem);
      else setRefreshProblem(problem);
    });
    changes.refresh();
    setScheduleRound((n) => n + 1);
  };

  const open = (key: string | null) => {
    setEditing(key);
    setOutcome(null);
  };

  const sections = settings ? sectionsOf(settings) : [];
  const nav = [
    ...sections.map(({ section }) => ({ id: `settings-${section.id}`, label: section.title })),
    { id: "bill-schedule", label: "Bill schedule" },
    { id: "setting-changes", label: "Recent changes" },
    { id: "tariffs", label: "Tariffs", href: TARIFFS_HASH },
  ];

  return (
    <div class="settings-area">
      <ScreenHeading>Settings</ScreenHeading>
      <p class="hint area-about">
        The utility's settings: what each means, its value, and what applies while one is not set.
        {canChange ? " Change one at a time; the server checks each value." : ` Changing one needs the permission ${SETTINGS_CHANGE_PERMISSION}.`}
      </p>
      <PartsNav entries={nav} />
      <ActionProblem what="Could not load the settings again after the change." problem={refreshProblem} />
      <div class="settings-layout">
        <div class="settings-sections" aria-busy={loaded.resource.state === "loading" ? "true" : undefined}>
          {settings ? (
            sections.map(({ section, settings: mine }) => (
              <section key={section.id} class="panel settings-section" aria-labelledby={headingId(`settings-${section.id}`)}
                data-testid={`settings-${section.id}`}>
                <h2 id={headingId(`settings-${section.id}`)} tabIndex={-1}>{section.title}</h2>
                <ul class="setting-list">
                  {mine.map((s) => (
                    <SettingItem key={s.key} setting={s} canChange={canChange} editing={editing === s.key}
                      outcome={outcome?.key === s.key ? outcome.words : null}
                      onOpen={() => open(editing === s.key ? null : s.key)} onClose={() => open(null)}
                      onSaved={(answer) => saved(s, answer)} onSessionEnded={onSessionEnded} />
                  ))}
                </ul>
              </section>
            ))
          ) : (
            <WhenLoaded what="the settings" resource={loaded.resource} onRetry={loaded.reload}>{() => null}</WhenLoaded>
          )}
        </div>
        <div class="settings-side">
          <BillSchedulePanel round={scheduleRound} onSessionEnded={onSessionEnded} />
          <SettingChangesPanel list={changes} zone={zone} />
        </div>
      </div>
    </div>
  );
}

/**
 * The page's parts as links, each moving to its part's heading (routes are the hash, so a link
 * does not follow "#...": it scrolls and moves focus, as the account page's navigation does); an
 * entry with its own `href` is a page of the area (the tariffs), followed as a link.
 */
function PartsNav({ entries }: { entries: { id: string; label: string; href?: string }[] }) {
  return (
    <nav class="area-nav" aria-label="Parts of the settings page">
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            {e.href ? (
              <a href={e.href}>{e.label}</a>
            ) : (
              <a href={SETTINGS_HASH} onClick={(ev) => {
                ev.preventDefault();
                goToSection(e.id);
              }}>{e.label}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
