// A status page asks again every REFRESH_MS while it is open and in view, and at once when it
// comes back into view (a phone unlocked during an outage).
import { useEffect } from "preact/hooks";
import { REFRESH_MS } from "../../outages";

export function useRefresh(reload: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const tick = () => {
      if (document.visibilityState === "visible") reload();
    };
    const timer = setInterval(tick, REFRESH_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [reload, enabled]);
}
