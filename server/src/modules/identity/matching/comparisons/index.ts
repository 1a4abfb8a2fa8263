// Comparison kinds by name: level labels for a spec, and preparation of a batch of records.
import type { ComparisonSpec, MatchRecord } from "../types";
import { dateKind } from "./date";
import { exactKind } from "./exact";
import { identifierKind } from "./identifier";
import { nameKind } from "./name";
import { orgNameKind } from "./orgName";
import type { LevelScheme, PreparedComparison, SharedState } from "./prepared";
import { setKind } from "./set";
import { textKind } from "./text";

export type { PreparedName } from "./name";
export type { LevelScheme, PreparedComparison, SharedState } from "./prepared";

export function levelScheme(spec: ComparisonSpec): LevelScheme {
  switch (spec.kind) {
    case "name":
      return nameKind.levels(spec);
    case "date":
      return dateKind.levels(spec);
    case "identifier":
      return identifierKind.levels(spec);
    case "set":
      return setKind.levels(spec);
    case "exact":
      return exactKind.levels(spec);
    case "text":
      return textKind.levels(spec);
    case "orgName":
      return orgNameKind.levels(spec);
  }
}

export function prepareComparison(
  spec: ComparisonSpec,
  records: readonly MatchRecord[],
  shared: SharedState,
): PreparedComparison {
  switch (spec.kind) {
    case "name":
      return nameKind.prepare(spec, records, shared);
    case "date":
      return dateKind.prepare(spec, records, shared);
    case "identifier":
      return identifierKind.prepare(spec, records, shared);
    case "set":
      return setKind.prepare(spec, records, shared);
    case "exact":
      return exactKind.prepare(spec, records, shared);
    case "text":
      return textKind.prepare(spec, records, shared);
    case "orgName":
      return orgNameKind.prepare(spec, records, shared);
  }
}
