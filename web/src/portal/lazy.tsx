// Rarely used pages load on first visit, so the first page a customer opens stays small.
import type { ComponentType } from "preact";
import { useI18n } from "./i18n/context";
import { Alert } from "./components/Alert";
import { lazyComponent } from "../shared/lazyComponent";

/** A page whose code loads on first use; preload() starts that load early (the portal calls it
 * for the page it opens on, so the page's code comes down beside the first API answers). */
export type LazyPage<P extends object> = ComponentType<P> & { preload: () => void };

function PageLoading() {
  const { t } = useI18n();
  return (
    <p role="status" class="loading">
      {t("loading")}
    </p>
  );
}

function PageFailed() {
  const { t } = useI18n();
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

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  const page = lazyComponent(load, PageLoading, PageFailed);
  return Object.assign(page, {
    preload: () => {
      page.load().catch(() => {}); // the page shows the failure when it is drawn
    },
  });
}
