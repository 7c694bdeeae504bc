import { useEffect, useState } from "preact/hooks";

/**
 * True from two frames after `drawn` first became true, when the browser has put that drawing
 * on screen; stays true. A page asks for what only enriches its first view (a chart's code, the
 * figures it is compared with) once the view is there, so that on a slow connection those
 * downloads do not compete with the first view's own answers.
 */
export function useOnScreen(drawn: boolean): boolean {
  const [onScreen, setOnScreen] = useState(false);
  useEffect(() => {
    if (!drawn || onScreen) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setOnScreen(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [drawn, onScreen]);
  return onScreen;
}
