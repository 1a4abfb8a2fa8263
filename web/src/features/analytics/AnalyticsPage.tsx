import { Select, Stack, Tabs } from "@mantine/core";
import { ANALYTICS_REPORTS, type AnalyticsReportName } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { PageHeader } from "../../ui/PageHeader";
import { PeriodFilters, periodParams } from "../../ui/PeriodFilters";
import { usePatchedSearchParams } from "../../ui/searchParams";
import { can, useCurrentUser } from "../auth/session";
import { presetPeriod } from "../tasks/period";
import { dealerDay } from "../tasks/taskDisplay";
import type { ReportFilter } from "./api";
import { PilotsPanel } from "./PilotsPanel";
import { ReportPanel } from "./ReportPanel";
import { TargetListPanel } from "./TargetListPanel";

const TABS = [...ANALYTICS_REPORTS, "pilots", "targets"] as const;
type Tab = (typeof TABS)[number];
/** The breakdowns each report offers; the first is its default. */
const DIMENSIONS: Partial<Record<AnalyticsReportName, ReportFilter["by"][]>> = {
  utilisation: ["kind", "dealership", "employee", "month"],
  calls: ["dealership", "employee"],
  process: [undefined, "dealership", "employee"],
};

/**
 * The analytics section: a tab per report, sharing the period and dealership filters (kept in the URL,
 * so a link shows the same numbers), then the pilots and the campaign lists.
 */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { tab: tabParam } = useParams();
  const [params, set] = usePatchedSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? "") ? (tabParam as Tab) : "utilisation";
  const today = dealerDay();
  const fallback = presetPeriod("thisYear", today);
  const groupWide = user.dealershipId === null;
  const { from, to, dealershipId } = periodParams(params, fallback, groupWide);
  const report = (ANALYTICS_REPORTS as readonly string[]).includes(tab) ? (tab as AnalyticsReportName) : null;
  const dims = report ? DIMENSIONS[report] : undefined;
  const byParam = params.get("by") as ReportFilter["by"] | null;
  const by = dims?.includes(byParam ?? undefined) ? (byParam ?? undefined) : dims?.[0];
  const process = params.get("process") === "deal" ? "deal" : "work_order";
  const filter: ReportFilter = {
    from,
    to,
    dealershipId,
    by,
    process: report === "process" ? process : undefined,
  };
  const visibleTabs = TABS.filter((x) => x !== "targets" || can(user, "analytics.manage"));

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader title={t("analytics.pageTitle")} subtitle={t("analytics.subtitle")} />
      <Tabs
        value={tab}
        onChange={(v) => v && navigate({ pathname: `/analytics/${v}`, search: params.toString() })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: "wrap" }}>
          {visibleTabs.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`analytics.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab !== "targets" && tab !== "pilots" && (
        <PeriodFilters
          from={from}
          to={to}
          today={today}
          dealershipId={dealershipId}
          groupWide={groupWide}
          onChange={set}
        >
          {dims && (
            <Select
              label={t("analytics.by")}
              data={dims.map((d) => ({
                value: d ?? "step",
                label: d ? t(`analytics.dimensions.${d}`) : t("analytics.process"),
              }))}
              value={by ?? "step"}
              onChange={(v) => set({ by: v === "step" ? null : v })}
              allowDeselect={false}
              w={200}
            />
          )}
          {report === "process" && (
            <Select
              label={t("analytics.process")}
              data={(["work_order", "deal"] as const).map((p) => ({
                value: p,
                label: t(`analytics.processes.${p}`),
              }))}
              value={process}
              onChange={(v) => set({ process: v })}
              allowDeselect={false}
              w={200}
            />
          )}
        </PeriodFilters>
      )}
      {report && <ReportPanel report={report} filter={filter} />}
      {tab === "pilots" && <PilotsPanel />}
      {tab === "targets" && <TargetListPanel />}
    </Stack>
  );
}
