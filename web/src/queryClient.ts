import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "./api/client";

// Client mistakes (4xx) do not get better by asking again; network blips and 5xx often do.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
