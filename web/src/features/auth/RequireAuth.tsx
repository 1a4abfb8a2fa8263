import type { Permission } from "@orbit/contracts";
import { type ReactNode, useEffect } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { applyLocale } from "../../i18n";
import { ErrorState } from "../../ui/ErrorState";
import { PageLoader } from "../../ui/PageLoader";
import { NoAccess } from "./NoAccess";
import { can, useCurrentUser, useSession } from "./session";

/** Renders its children for a signed-in employee; otherwise sends them to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const locale = session.data?.user.locale;
  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);

  if (session.isPending) return <PageLoader fullScreen />;
  if (session.isError && session.data === undefined) {
    return (
      <div style={{ padding: 24 }}>
        <ErrorState error={session.error} onRetry={() => session.refetch()} />
      </div>
    );
  }
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** The server refuses these calls anyway; this only spares the employee a page of errors. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useCurrentUser();
  return can(user, permission) ? children : <NoAccess />;
}
