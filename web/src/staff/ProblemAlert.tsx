import type { ApiError } from "./api";

/**
 * The one alert region of the console. It is always in the document (so screen readers
 * pick up changes) and shows the problem's `detail`, plus the field it names, if any.
 */
export function ProblemAlert({ error }: { error: ApiError | null }) {
  return (
    <div role="alert" class="alert" data-testid="problem">
      {error && (
        <>
          <strong>{error.title || "Something went wrong"}</strong>
          <span class="detail">{error.detail}</span>
          {error.field && <span class="field"> (field: {error.field})</span>}
        </>
      )}
    </div>
  );
}
