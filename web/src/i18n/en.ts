import { analytics } from "./en/analytics";
import { audit } from "./en/audit";
import { clients } from "./en/clients";
import { deals } from "./en/deals";
import { imports } from "./en/imports";
import { portal } from "./en/portal";
import { privacy } from "./en/privacy";
import { propensity } from "./en/propensity";
import { scenarios } from "./en/scenarios";
import { service } from "./en/service";
import { shell } from "./en/shell";
import { staff } from "./en/staff";
import { stock } from "./en/stock";
import { tasks } from "./en/tasks";
import { telephony } from "./en/telephony";
import { workspace } from "./en/workspace";
import type { Messages } from "./messages";
import type { ru } from "./ru";

export const en: Messages<typeof ru> = {
  ...shell,
  ...staff,
  ...audit,
  ...clients,
  ...workspace,
  ...imports,
  ...tasks,
  ...scenarios,
  ...telephony,
  ...service,
  ...propensity,
  ...stock,
  ...deals,
  ...privacy,
  ...portal,
  ...analytics,
};
