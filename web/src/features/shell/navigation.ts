import type { Permission } from "@orbit/contracts";
import {
  type Icon,
  IconAdjustmentsHorizontal,
  IconBrain,
  IconBriefcase,
  IconCalendarTime,
  IconCar,
  IconChartBar,
  IconChartDonut,
  IconChecklist,
  IconCoins,
  IconFileImport,
  IconGitCompare,
  IconHeadset,
  IconHistory,
  IconHome,
  IconListDetails,
  IconPhoneX,
  IconPlugConnected,
  IconRoute,
  IconTool,
  IconUserPlus,
  IconUsers,
} from "@tabler/icons-react";

/** The sections of the app; each is shown only to those who may use it. */
export const NAV_ITEMS = [
  { to: "/", label: "nav.home", icon: IconHome, permission: null },
  { to: "/worklist", label: "nav.worklist", icon: IconChecklist, permission: "tasks.work" },
  { to: "/calls", label: "nav.calls", icon: IconPhoneX, permission: "tasks.work" },
  { to: "/points", label: "nav.points", icon: IconCoins, permission: "tasks.work" },
  { to: "/service/board", label: "nav.serviceBoard", icon: IconCalendarTime, permission: "service.work" },
  { to: "/deals", label: "nav.deals", icon: IconBriefcase, permission: "deals.work" },
  { to: "/stock", label: "nav.stock", icon: IconCar, permission: "stock.read" },
  { to: "/clients/new", label: "nav.newClient", icon: IconUserPlus, permission: "clients.write" },
  {
    to: "/duplicates",
    label: "nav.duplicates",
    icon: IconGitCompare,
    permission: "clients.merge",
    badge: "pendingDuplicates",
  },
  { to: "/imports", label: "nav.imports", icon: IconFileImport, permission: "clients.import" },
  { to: "/reports/lifecycle", label: "nav.lifecycle", icon: IconChartDonut, permission: "reports.read" },
  { to: "/analytics", label: "nav.analytics", icon: IconChartBar, permission: "reports.read" },
  { to: "/standards", label: "nav.standards", icon: IconAdjustmentsHorizontal, permission: "tasks.manage" },
  { to: "/processes", label: "nav.processes", icon: IconListDetails, permission: "deals.processes" },
  { to: "/scenarios", label: "nav.scenarios", icon: IconRoute, permission: "scenarios.manage" },
  { to: "/propensity", label: "nav.propensity", icon: IconBrain, permission: "propensity.manage" },
  {
    to: "/event-sources",
    label: "nav.eventSources",
    icon: IconPlugConnected,
    permission: "scenarios.manage",
  },
  { to: "/contact-centre", label: "nav.contactCentre", icon: IconHeadset, permission: "telephony.manage" },
  { to: "/service/catalog", label: "nav.serviceCatalog", icon: IconTool, permission: "service.manage" },
  { to: "/staff", label: "nav.staff", icon: IconUsers, permission: "staff.read" },
  { to: "/audit", label: "nav.audit", icon: IconHistory, permission: "audit.read" },
] as const satisfies readonly {
  to: string;
  label: `nav.${string}`;
  icon: Icon;
  permission: Permission | null;
  /** A live count next to the label. */
  badge?: "pendingDuplicates";
}[];

export function isActive(to: string, pathname: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}
