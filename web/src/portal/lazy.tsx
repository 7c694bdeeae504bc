// Rarely used pages load on first visit, so the first page a customer opens stays small.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "./i18n/context";
import { Alert } from "./components/Alert";

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyPage(props: P) {
    const { t } = useI18n();
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      let live = true;
      load().then(
        (c) => {
          loaded = c;
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
}
