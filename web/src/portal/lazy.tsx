// Rarely used pages load on first visit, so the first page a customer opens stays small.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "./i18n/context";
import { Alert } from "./components/Alert";

/** A page whose code loads on first use; preload() starts that load early (the portal calls it
 * for the page it opens on, so the page's code comes down beside the first API answers). */
export type LazyPage<P extends object> = ComponentType<P> & { preload: () => void };

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => {
    loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = null; // a later visit tries again
        throw e;
      },
    );
    return loading;
  };
  const page = function LazyPage(props: P) {
    const { t } = useI18n();
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      let live = true;
      loadOnce().then(
        (c) => {
          if (live) setComponent(() => c);
        },
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (Component) return <Component {...props} />;
    if (failed) {
      return (
        <>
          <h1>{t("pageLoadFailedTitle")}</h1>
          <Alert>{t("pageLoadFailed")}</Alert>
          <button type="button" class="button" onClick={() => location.reload()}>
            {t("reload")}
          </button>
        </>
      );
    }
    return (
      <p role="status" class="loading">
        {t("loading")}
      </p>
    );
  };
  page.preload = () => {
    loadOnce().catch(() => {}); // the page shows the failure when it is drawn
  };
  return page;
}
