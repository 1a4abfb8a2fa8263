import type { ClientCard, HomeSummary, SearchResponse, TimelineEntry, TimelinePage } from "@orbit/contracts";
import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../api/client";
import { clientKeys } from "../clients/api";

/** The shortest query the API answers (shorter is a 400). */
export const SEARCH_MIN_LENGTH = 2;
const TIMELINE_PAGE = 50;

export const searchKeys = {
  all: ["search"] as const,
  query: (q: string, limit: number) => ["search", q, limit] as const,
};

/** Clients matching what was typed, best first; nothing is asked for fewer than 2 characters. */
export function useClientSearch(q: string, limit: number) {
  const query = q.trim();
  return useQuery({
    queryKey: searchKeys.query(query, limit),
    queryFn: ({ signal }) => api<SearchResponse>("/api/search", { query: { q: query, limit }, signal }),
    enabled: query.length >= SEARCH_MIN_LENGTH,
    // The previous results stay while the next ones load: the list does not blink as one types.
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** Everything on the client card in one request; also used to start it before the page's code loads. */
export function clientViewQuery(id: number) {
  return queryOptions({
    queryKey: clientKeys.view(id),
    queryFn: ({ signal }) => api<ClientCard>(`/api/clients/${id}/card`, { signal }),
  });
}

export function useClientView(id: number, { enabled = true } = {}) {
  return useQuery({ ...clientViewQuery(id), enabled });
}

/**
 * The timeline: the first page comes with the card, "show more" passes the previous page's `next`
 * cursor as `before`. The first page is always the card's own (reloaded with it); an entry already
 * shown is not shown twice, whatever a later page repeats.
 */
export function useTimeline(clientId: number, first: TimelinePage) {
  const query = useInfiniteQuery({
    queryKey: clientKeys.timeline(clientId),
    queryFn: ({ pageParam, signal }) =>
      pageParam === null
        ? Promise.resolve(first)
        : api<TimelinePage>(`/api/clients/${clientId}/timeline`, {
            query: { before: pageParam, limit: TIMELINE_PAGE },
            signal,
          }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.more && last.next ? last.next : undefined),
    initialData: { pages: [first], pageParams: [null] },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const pages = query.data.pages;
  const entries = useMemo(() => {
    const seen = new Set<TimelineEntry["id"]>();
    const out: TimelineEntry[] = [];
    for (const page of [first, ...pages.slice(1)]) {
      for (const e of page.entries) {
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        out.push(e);
      }
    }
    return out;
  }, [first, pages]);
  const hasNextPage = pages.length === 1 ? first.more && first.next !== null : query.hasNextPage;
  return { ...query, entries, hasNextPage };
}

/** My clients and my month, for the home page. */
export function useHome() {
  return useQuery({
    queryKey: ["home"],
    queryFn: ({ signal }) => api<HomeSummary>("/api/home", { signal }),
  });
}
