// A step of starting service: its heading, which says where the applicant is ("Step 2 of 4"), and
// where focus goes when the step opens: the field a refusal named, else the heading (the first
// step, drawn with the page, leaves focus to the page).
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../i18n/context";
import { START_STEPS } from "../../startService";

export function StepHeading({ step, title, focus }: {
  /** 1 to 4. */
  step: number;
  title: string;
  /** An id to focus when the step opens; "" leaves focus where it is. */
  focus?: string;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus === "") return;
    (focus ? document.getElementById(focus) : heading.current)?.focus();
  }, []);
  return (
    <h2 id="start-step-heading" class="start-step-heading" tabIndex={-1} ref={heading}>
      <span class="start-step">{t("startStep", { step, steps: START_STEPS.length })}</span>{" "}
      {title}
    </h2>
  );
}
