// Russian is the product's first language: these files define the set of keys, en/ must match them.
// One file per feature (as web/src/features/), so a feature's words live beside each other.

import { analytics } from "./ru/analytics";
import { audit } from "./ru/audit";
import { clients } from "./ru/clients";
import { deals } from "./ru/deals";
import { imports } from "./ru/imports";
import { portal } from "./ru/portal";
import { privacy } from "./ru/privacy";
import { propensity } from "./ru/propensity";
import { scenarios } from "./ru/scenarios";
import { service } from "./ru/service";
import { shell } from "./ru/shell";
import { staff } from "./ru/staff";
import { stock } from "./ru/stock";
import { tasks } from "./ru/tasks";
import { telephony } from "./ru/telephony";
import { workspace } from "./ru/workspace";

export const ru = {
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
