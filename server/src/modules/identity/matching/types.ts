// Plain-data types of the matching engine. A ModelSpec says what to compare and how to block; a
// ModelParams is a trained spec (JSON, stored as a versioned model); records are plain objects.

/** A field of a record: one value, several (phones, emails, documents, VINs), or nothing. */
export type FieldValue = string | number | null | undefined | ReadonlyArray<string | null | undefined>;

/** A client record as the engine sees it: named fields, nothing else. */
export type MatchRecord = Readonly<Record<string, FieldValue>>;

interface ComparisonBase {
  /** Unique within a spec; shown to staff in the per-field breakdown. */
  readonly name: string;
  /** Record field compared. */
  readonly field: string;
  /**
   * Shared by members of one household (surname, phone, address, car): with any such comparison in a
   * spec, the model has a "same household, different person" class besides match and non-match.
   */
  readonly household?: boolean;
}

/** A person-name part: exact, same transliteration skeleton, Jaro-Winkler bands on the skeleton. */
export interface NameComparisonSpec extends ComparisonBase {
  readonly kind: "name";
  readonly termFrequency?: boolean;
  /** Add an "initial only" level (a patronymic typed as "П."). */
  readonly initials?: boolean;
}

/** A date of birth: exact, day/month swapped, one typo, year off by one, two typos. */
export interface DateComparisonSpec extends ComparisonBase {
  readonly kind: "date";
}

/** A single identifier (tax number, social security id): exact, one typo, two typos. */
export interface IdentifierComparisonSpec extends ComparisonBase {
  readonly kind: "identifier";
}

/**
 * A multi-valued field. Levels look at the best-agreeing pair of values. Identifiers may be typed as
 * "type:value" ("passport:4510123456"); values of different types are never compared.
 */
export interface SetComparisonSpec extends ComparisonBase {
  readonly kind: "set";
  readonly values: "phone" | "email" | "identifier";
}

/** Exact agreement only (postcode, house number). */
export interface ExactComparisonSpec extends ComparisonBase {
  readonly kind: "exact";
  readonly termFrequency?: boolean;
}

/** Free text such as a city or street: exact, same skeleton, Jaro-Winkler bands. */
export interface TextComparisonSpec extends ComparisonBase {
  readonly kind: "text";
  readonly termFrequency?: boolean;
}

/** A company name: legal form and quotes removed, then exact, skeleton, Jaro-Winkler, shared word. */
export interface OrgNameComparisonSpec extends ComparisonBase {
  readonly kind: "orgName";
  readonly termFrequency?: boolean;
}

export type ComparisonSpec =
  | NameComparisonSpec
  | DateComparisonSpec
  | IdentifierComparisonSpec
  | SetComparisonSpec
  | ExactComparisonSpec
  | TextComparisonSpec
  | OrgNameComparisonSpec;

export type ComparisonKind = ComparisonSpec["kind"];

/** How a field value becomes part of a blocking key. */
export type KeyTransform =
  | "exact" // normalised text
  | "skeleton" // transliteration skeleton
  | "initial" // first character of the skeleton
  | "digits"
  | "phone"
  | "email"
  | "identifier"
  | "orgName"
  | "date" // YYYYMMDD
  | "year"
  | "monthDay";

export interface KeyPart {
  /**
   * One field, or several whose transformed values are sorted and joined, so a name typed with first and
   * last name swapped still gives the same key.
   */
  readonly field: string | readonly string[];
  readonly transform: KeyTransform;
}

/**
 * One blocking rule: records get a key "<name>:<part>|<part>..." (several when a field has several
 * values). A record without a value for some part gets no key from this rule.
 */
export interface BlockingRule {
  readonly name: string;
  readonly parts: readonly KeyPart[];
}

export interface ModelSpec {
  readonly name: string;
  readonly comparisons: readonly ComparisonSpec[];
  /** Pairs of name comparisons whose values may have been typed into each other's field. */
  readonly swappable?: ReadonlyArray<readonly [string, string]>;
  /** Union of rules: two records are candidates when they share any key. */
  readonly blocking: readonly BlockingRule[];
  /** Keys shared by more records than this are skipped (and reported). */
  readonly maxBlockSize: number;
}

/** Fellegi-Sunter parameters of one comparison level. */
export interface LevelParams {
  readonly label: string;
  /** P(level | same entity) */
  readonly m: number;
  /** P(level | different entities) */
  readonly u: number;
  /** The level's weight is adjusted by how common the agreeing value is. */
  readonly termFrequency: boolean;
}

export interface ComparisonParams {
  readonly name: string;
  /** Non-null levels, best agreement first; level numbers in results are index + 1 (0 = null). */
  readonly levels: readonly LevelParams[];
}

/** Value frequencies of one comparison, for term-frequency adjustment. */
export interface TermFrequencyTable {
  /** Non-null values counted. */
  readonly total: number;
  /** Sum over values of frequency squared: the chance two random records share a value. */
  readonly sumSquares: number;
  /** Counts of values seen at least twice; any other value counts as seen once. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface TrainingSession {
  readonly rule: string;
  readonly pairs: number;
  readonly iterations: number;
  readonly lambda: number;
  readonly lambdaHousehold: number;
  readonly estimated: readonly string[];
}

export interface TrainingReport {
  readonly records: number;
  readonly uPairs: number;
  readonly sessions: readonly TrainingSession[];
  readonly candidatePairs: number;
  readonly candidateMatchShare: number;
  readonly candidateHouseholdShare: number;
  /** Comparisons no session could estimate (every rule uses their field): m left at its start value. */
  readonly untrained: readonly string[];
}

/** A trained model: plain JSON, storable as a versioned model. */
export interface ModelParams {
  readonly format: "orbit-fellegi-sunter/1";
  readonly spec: ModelSpec;
  /** Prior probability that two random records are the same entity. */
  readonly lambda: number;
  /** Prior probability that two random records are different members of one household (0: no such class). */
  readonly lambdaHousehold: number;
  readonly comparisons: readonly ComparisonParams[];
  readonly termFrequencies: Readonly<Record<string, TermFrequencyTable>>;
  readonly training: TrainingReport;
}

export interface FieldScore {
  /** Comparison name. */
  readonly field: string;
  /** 0 = a value is missing; otherwise index into the comparison's levels + 1. */
  readonly level: number;
  readonly levelLabel: string;
  /** log2 Bayes factor this field contributes. */
  readonly weight: number;
}

export interface PairScore {
  /** log2 Bayes factor summed over fields (the prior is not included). */
  readonly weight: number;
  /** The part of weight from household comparisons (what a relative sharing the home would also get). */
  readonly householdWeight: number;
  /** Posterior probability of a match, prior included. */
  readonly probability: number;
  readonly fields: readonly FieldScore[];
}

export interface ScoredPair {
  /** Record indices, a < b. */
  readonly a: number;
  readonly b: number;
  readonly weight: number;
  readonly probability: number;
  /** "merge" when both records ended in one cluster, else "review". */
  readonly decision: "merge" | "review";
}

export interface SkippedBlock {
  readonly key: string;
  readonly size: number;
}

export interface DedupResult {
  readonly records: number;
  readonly pairsCompared: number;
  /** Pairs with probability >= reviewAt, most probable first. */
  readonly pairs: readonly ScoredPair[];
  /** Groups of record indices (size >= 2) judged to be one entity. */
  readonly clusters: readonly (readonly number[])[];
  readonly skippedBlocks: readonly SkippedBlock[];
  /** Auto-merge links refused by the clustering safeguards. */
  readonly vetoedLinks: number;
}
