import { useI18n } from "../i18n/context";
import type { ApiError } from "../problem";
import { useProblemText } from "./Alert";

/** While a part of a page loads, or why it could not (with a way to try again). */
export function LoadState({ loading, error, onRetry }: { loading: boolean; error: ApiError | null; onRetry?: () => void }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  if (error) {
    return (
      <div class="load-error">
        <p role="alert">{problemText(error)}</p>
        {onRetry && (
          <button type="button" class="button" onClick={onRetry}>
            {t("tryAgain")}
          </button>
        )}
      </div>
    );
  }
  return loading ? (
    <p role="status" class="loading">
      {t("loading")}
    </p>
  ) : null;
}
