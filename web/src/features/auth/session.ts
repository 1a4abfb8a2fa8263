import type { CurrentUser, Locale, LoginRequest, Permission, SessionInfo } from "@orbit/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, api, onCsrfRejected, onUnauthorized, setCsrfToken } from "../../api/client";
import { applyLocale } from "../../i18n";
import { queryClient } from "../../queryClient";

export const sessionKey = ["session"] as const;

function remember(session: SessionInfo | null): SessionInfo | null {
  setCsrfToken(session?.csrfToken ?? null);
  return session;
}

/** The signed-in session, or null when nobody is signed in (a 401 here is an answer, not an error). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return remember(await api<SessionInfo>("/api/auth/me"));
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) return remember(null);
    throw err;
  }
}

/** Forgets everything cached for the previous user; the router then shows the login page. */
export function endSession(): void {
  remember(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, null);
}

onUnauthorized(() => {
  if (queryClient.getQueryData(sessionKey)) endSession();
});
onCsrfRejected(async () => {
  const session = await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
  return session?.csrfToken ?? null;
});

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** The signed-in employee; only for components rendered inside RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentUser outside a signed-in area");
  return data.user;
}

export function can(user: CurrentUser, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ credentials, locale }: { credentials: LoginRequest; locale: Locale | null }) => {
      let session = remember(
        await api<SessionInfo>("/api/auth/login", { method: "POST", body: credentials }),
      );
      // A language picked on the login page just now is the freshest choice: keep it for the account.
      if (session && locale && locale !== session.user.locale) {
        session = remember(await api<SessionInfo>("/api/auth/me", { method: "PATCH", body: { locale } }));
      }
      return session;
    },
    onSuccess: async (session) => {
      if (!session) return;
      await applyLocale(session.user.locale);
      client.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => api<{ ok: true }>("/api/auth/logout", { method: "POST" }),
    onSuccess: endSession,
  });
}

/** Applies the language at once and stores it for the account; the UI does not wait for the server. */
export function useChangeLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await applyLocale(locale);
      return remember(await api<SessionInfo>("/api/auth/me", { method: "PATCH", body: { locale } }));
    },
    onSuccess: (session) => {
      if (session) client.setQueryData(sessionKey, session);
    },
  });
}
