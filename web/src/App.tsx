import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy } from "react";
import { BrowserRouter, Route, Routes, useParams, useSearchParams } from "react-router-dom";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireAuth, RequirePermission } from "./features/auth/RequireAuth";
import { loadClientPage } from "./features/clients/loadClientPage";
import { HomePage } from "./features/home/HomePage";
import { AppLayout } from "./features/shell/AppLayout";
import { NotFoundPage } from "./features/shell/NotFoundPage";
import { SearchPage } from "./features/shell/SearchPage";
import { dealershipsQuery } from "./features/staff/api";
import { clientViewQuery } from "./features/workspace/api";
import { queryClient } from "./queryClient";
import { theme } from "./theme";

// Sections not everyone may open are loaded on first visit, keeping the first paint small.
const StaffPage = lazy(() => import("./features/staff/StaffPage").then((m) => ({ default: m.StaffPage })));
const AuditPage = lazy(() => import("./features/audit/AuditPage").then((m) => ({ default: m.AuditPage })));
const ClientPage = lazy(() => loadClientPage().then((m) => ({ default: m.ClientPage })));
const NewClientPage = lazy(() =>
  import("./features/clients/NewClientPage").then((m) => ({ default: m.NewClientPage })),
);
const DuplicatesPage = lazy(() =>
  import("./features/clients/DuplicatesPage").then((m) => ({ default: m.DuplicatesPage })),
);
const ImportsPage = lazy(() =>
  import("./features/imports/ImportsPage").then((m) => ({ default: m.ImportsPage })),
);
const NewImportPage = lazy(() =>
  import("./features/imports/NewImportPage").then((m) => ({ default: m.NewImportPage })),
);
const ImportPage = lazy(() =>
  import("./features/imports/ImportPage").then((m) => ({ default: m.ImportPage })),
);
const WorkListPage = lazy(() =>
  import("./features/tasks/WorkListPage").then((m) => ({ default: m.WorkListPage })),
);
const StandardsPage = lazy(() =>
  import("./features/tasks/StandardsPage").then((m) => ({ default: m.StandardsPage })),
);
const AnalyticsPage = lazy(() =>
  import("./features/analytics/AnalyticsPage").then((m) => ({ default: m.AnalyticsPage })),
);
const LifecycleReportPage = lazy(() =>
  import("./features/tasks/LifecycleReportPage").then((m) => ({ default: m.LifecycleReportPage })),
);
const ScenariosPage = lazy(() =>
  import("./features/scenarios/ScenariosPage").then((m) => ({ default: m.ScenariosPage })),
);
const DealsPage = lazy(() => import("./features/deals/DealsPage").then((m) => ({ default: m.DealsPage })));
const DealPage = lazy(() => import("./features/deals/DealPage").then((m) => ({ default: m.DealPage })));
const ProcessesPage = lazy(() =>
  import("./features/deals/ProcessesPage").then((m) => ({ default: m.ProcessesPage })),
);
const StockPage = lazy(() => import("./features/stock/StockPage").then((m) => ({ default: m.StockPage })));
const EventSourcesPage = lazy(() =>
  import("./features/scenarios/EventSourcesPage").then((m) => ({ default: m.EventSourcesPage })),
);
const PropensityPage = lazy(() =>
  import("./features/propensity/PropensityPage").then((m) => ({ default: m.PropensityPage })),
);

const ContactCentrePage = lazy(() =>
  import("./features/telephony/ContactCentrePage").then((m) => ({ default: m.ContactCentrePage })),
);
const PointsPage = lazy(() =>
  import("./features/telephony/PointsPage").then((m) => ({ default: m.PointsPage })),
);
const TelephonySettingsPage = lazy(() =>
  import("./features/telephony/SettingsPage").then((m) => ({ default: m.TelephonySettingsPage })),
);

const PlanningBoardPage = lazy(() =>
  import("./features/service/PlanningBoardPage").then((m) => ({ default: m.PlanningBoardPage })),
);
const WorkOrderPage = lazy(() =>
  import("./features/service/WorkOrderPage").then((m) => ({ default: m.WorkOrderPage })),
);
const ServiceCatalogPage = lazy(() =>
  import("./features/service/ServiceCatalogPage").then((m) => ({ default: m.ServiceCatalogPage })),
);

/**
 * The client card's one request starts with the route, alongside the card's code rather than after it:
 * the card is the page opened most often, and from a phone call, so it must be fast.
 */
function ClientRoute() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const clientId = Number(id);
  if (Number.isInteger(clientId) && clientId > 0 && !params.get("asOf")) {
    // Idempotent: a request in flight or fresh data is reused, so a re-render asks nothing again.
    void queryClient.prefetchQuery(clientViewQuery(clientId));
    // The header names the client's dealership: without this it would say "#3" for a moment.
    void queryClient.prefetchQuery(dealershipsQuery);
  }
  return <ClientPage />;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              <Route index element={<HomePage />} />
              <Route
                path="staff"
                element={
                  <RequirePermission permission="staff.read">
                    <StaffPage />
                  </RequirePermission>
                }
              />
              <Route
                path="audit"
                element={
                  <RequirePermission permission="audit.read">
                    <AuditPage />
                  </RequirePermission>
                }
              />
              <Route
                path="clients/new"
                element={
                  <RequirePermission permission="clients.write">
                    <NewClientPage />
                  </RequirePermission>
                }
              />
              <Route
                path="clients/:id"
                element={
                  <RequirePermission permission="clients.read">
                    <ClientRoute />
                  </RequirePermission>
                }
              />
              <Route
                path="duplicates"
                element={
                  <RequirePermission permission="clients.merge">
                    <DuplicatesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="imports"
                element={
                  <RequirePermission permission="clients.import">
                    <ImportsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="imports/new"
                element={
                  <RequirePermission permission="clients.import">
                    <NewImportPage />
                  </RequirePermission>
                }
              />
              <Route
                path="imports/:id"
                element={
                  <RequirePermission permission="clients.import">
                    <ImportPage />
                  </RequirePermission>
                }
              />
              <Route
                path="worklist"
                element={
                  <RequirePermission permission="tasks.work">
                    <WorkListPage />
                  </RequirePermission>
                }
              />
              <Route
                path="standards"
                element={
                  <RequirePermission permission="tasks.manage">
                    <StandardsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="scenarios"
                element={
                  <RequirePermission permission="scenarios.manage">
                    <ScenariosPage />
                  </RequirePermission>
                }
              />
              <Route
                path="event-sources"
                element={
                  <RequirePermission permission="scenarios.manage">
                    <EventSourcesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="propensity"
                element={
                  <RequirePermission permission="propensity.manage">
                    <PropensityPage />
                  </RequirePermission>
                }
              />
              <Route
                path="analytics/:tab?"
                element={
                  <RequirePermission permission="reports.read">
                    <AnalyticsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="reports/lifecycle"
                element={
                  <RequirePermission permission="reports.read">
                    <LifecycleReportPage />
                  </RequirePermission>
                }
              />
              <Route
                path="calls"
                element={
                  <RequirePermission permission="tasks.work">
                    <ContactCentrePage />
                  </RequirePermission>
                }
              />
              <Route
                path="points"
                element={
                  <RequirePermission permission="tasks.work">
                    <PointsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="contact-centre"
                element={
                  <RequirePermission permission="telephony.manage">
                    <TelephonySettingsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="service/board"
                element={
                  <RequirePermission permission="service.work">
                    <PlanningBoardPage />
                  </RequirePermission>
                }
              />
              <Route
                path="service/work-orders/:id"
                element={
                  <RequirePermission permission="service.work">
                    <WorkOrderPage />
                  </RequirePermission>
                }
              />
              <Route
                path="service/catalog"
                element={
                  <RequirePermission permission="service.manage">
                    <ServiceCatalogPage />
                  </RequirePermission>
                }
              />
              <Route
                path="deals"
                element={
                  <RequirePermission permission="deals.work">
                    <DealsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="deals/:id"
                element={
                  <RequirePermission permission="deals.work">
                    <DealPage />
                  </RequirePermission>
                }
              />
              <Route
                path="processes"
                element={
                  <RequirePermission permission="deals.processes">
                    <ProcessesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="stock"
                element={
                  <RequirePermission permission="stock.read">
                    <StockPage />
                  </RequirePermission>
                }
              />
              <Route path="search" element={<SearchPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
