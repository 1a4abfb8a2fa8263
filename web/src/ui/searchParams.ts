import { useCallback } from "react";
import { useSearchParams } from "react-router-dom";

export type ParamsPatch = Record<string, string | number | null | undefined>;

/** The URL's parameters with a patch applied: null, undefined and "" remove a parameter. */
export function patchedParams(current: URLSearchParams, patch: ParamsPatch): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/**
 * A page's filters kept in its URL (a link shows the same view): the parameters, and a function that
 * changes some of them in place of the current history entry.
 */
export function usePatchedSearchParams(): [URLSearchParams, (patch: ParamsPatch) => void] {
  const [params, setParams] = useSearchParams();
  const patch = useCallback(
    (p: ParamsPatch) => setParams((current) => patchedParams(current, p), { replace: true }),
    [setParams],
  );
  return [params, patch];
}
