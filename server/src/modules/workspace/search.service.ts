import type { SearchResponse, SearchResult } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { type ReadQuery, readQuery } from "./searchQuery";

type Match = SearchResult["matchedOn"];
interface Hit {
  partyId: number;
  matchedOn: Match;
  matched: string;
  score: number;
}

// How much a kind of match says: a whole phone, VIN, INN or passport names one client; a part of a
// name or a few digits name many.
const SCORE = {
  exact: 100,
  email: 90,
  namesWhole: 88,
  plate: 85,
  namesPrefix: 75,
  vinPart: 70,
  phonePart: 60,
};
const CANDIDATES = 60;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

async function hitsFor(db: Db, r: ReadQuery): Promise<Hit[]> {
  const hits: Hit[] = [];
  const run: Run = async (query, matchedOn, score) => {
    const rows = await execRows<{ party_id: number; matched: string }>(db, query);
    for (const row of rows)
      hits.push({ partyId: row.party_id, matchedOn, matched: row.matched, score: score(row.matched) });
    return rows.length;
  };
  if (r.phone) {
    await run(
      sql`SELECT party_id, value AS matched FROM contact_points
          WHERE value = ${r.phone} AND kind = 'phone' AND valid_to IS NULL LIMIT ${CANDIDATES}`,
      "phone",
      () => SCORE.exact,
    );
  }
  if (r.phoneDigits && !r.phone) {
    // The end of a number is how people quote it; a match there ranks above one in the middle.
    await run(
      sql`SELECT party_id, value AS matched FROM contact_points
          WHERE kind = 'phone' AND valid_to IS NULL AND value LIKE ${`%${escapeLike(r.phoneDigits)}%`}
          LIMIT ${CANDIDATES}`,
      "phone",
      (m) => SCORE.phonePart + (m.endsWith(r.phoneDigits ?? "") ? 5 : 0),
    );
  }
  if (r.email) {
    // The beginning of an address is a range of the btree; typed in full it is one key.
    await run(
      sql`SELECT party_id, value AS matched FROM contact_points
          WHERE value LIKE ${`${escapeLike(r.email)}%`} AND kind = 'email' AND valid_to IS NULL LIMIT ${CANDIDATES}`,
      "email",
      (m) => (m === r.email ? SCORE.exact : SCORE.email),
    );
  }
  if (r.inn) {
    await run(
      sql`SELECT id AS party_id, inn AS matched FROM parties WHERE inn = ${r.inn} LIMIT ${CANDIDATES}`,
      "inn",
      () => SCORE.exact,
    );
  }
  if (r.passport) {
    await run(
      sql`SELECT party_id, number AS matched FROM identity_documents
          WHERE kind = 'passport_rf' AND number = ${r.passport} AND valid_to IS NULL LIMIT ${CANDIDATES}`,
      "document",
      () => SCORE.exact,
    );
  }
  if (r.vin) {
    const pattern = r.vin.whole
      ? r.vin.value
      : `%${escapeLike(r.vin.value)}${/^\d+$/.test(r.vin.value) ? "" : "%"}`;
    await run(
      sql`SELECT o.party_id, v.vin AS matched FROM vehicles v
          JOIN vehicle_ownerships o ON o.vehicle_id = v.id AND o.valid_to IS NULL
          WHERE ${r.vin.whole ? sql`v.vin = ${pattern}` : sql`v.vin LIKE ${pattern}`} LIMIT ${CANDIDATES}`,
      "vin",
      (m) => (m === r.vin?.value ? SCORE.exact : SCORE.vinPart),
    );
  }
  if (r.plate) {
    await run(
      sql`SELECT o.party_id, v.plate AS matched FROM vehicles v
          JOIN vehicle_ownerships o ON o.vehicle_id = v.id AND o.valid_to IS NULL
          WHERE v.plate LIKE ${`%${escapeLike(r.plate)}%`} LIMIT ${CANDIDATES}`,
      "plate",
      (m) => (m.startsWith(r.plate ?? "") ? SCORE.plate + 5 : SCORE.plate),
    );
  }
  if (r.nameTokens.length) await nameHits(r.nameTokens, run);
  return hits;
}

/** Runs one candidate query, records its hits, and says how many rows it found. */
type Run = (
  query: ReturnType<typeof sql>,
  matchedOn: Match,
  score: (matched: string) => number,
) => Promise<number>;

/**
 * Names, cheapest reading first. A surname (and a first name after it, or before it) is an index range
 * on the name keys however common the name; only when that finds too little are the words looked for
 * anywhere in the name through the trigram index, each as its own condition so the index serves them.
 */
async function nameHits(tokens: readonly string[], run: Run): Promise<void> {
  const [first, second, ...rest] = tokens as [string, ...string[]];
  const score = (m: string) => nameScore(m, tokens);
  const others = (words: readonly string[]) =>
    words.map((t) => sql` AND search_terms LIKE ${`% ${escapeLike(t)}%`}`);
  // The surname exactly, or as a prefix when typed in part; a first name after it, as a prefix.
  const keyed = (surname: string, given: string | undefined, more: readonly string[], exact: boolean) =>
    run(
      sql`SELECT id AS party_id, search_terms AS matched FROM parties
          WHERE ${exact ? sql`name_key = ${surname}` : sql`name_key LIKE ${`${escapeLike(surname)}%`}`}
            AND status = 'active'
            ${given ? sql`AND first_key LIKE ${`${escapeLike(given)}%`}` : sql``}
            ${sql.join(others(more), sql``)}
          ORDER BY name_key, first_key, id LIMIT ${CANDIDATES}`,
      "name",
      (m) => score(m) + (exact ? 5 : 0),
    );
  let found = await keyed(first, second, rest, true);
  if (second) found += await keyed(second, first, rest, true);
  if (found < CANDIDATES / 2) found += await keyed(first, second, rest, false);
  // The keys found someone? Then the broad reading (a word anywhere in the name) would only add noise.
  if (found > 0) return;
  await run(
    sql`SELECT id AS party_id, search_terms AS matched FROM parties
        WHERE status = 'active' ${sql.join(others(tokens), sql``)}
        LIMIT ${CANDIDATES}`,
    "name",
    score,
  );
}

/** Whole words rank above prefixes: "ivan" is Иван before Иванов. */
function nameScore(terms: string, tokens: readonly string[]): number {
  const whole = tokens.every((t) => terms.includes(` ${t} `));
  return whole ? SCORE.namesWhole : SCORE.namesPrefix;
}

/**
 * The global search: every reading of the query is tried, a client merged into another is shown as
 * the one it was merged into, and each client appears once with its best match.
 */
export async function searchClients(db: Db, q: string, limit: number): Promise<SearchResponse> {
  const reading = readQuery(q);
  const hits = await hitsFor(db, reading);
  const best = new Map<number, Hit>();
  for (const h of hits) {
    const seen = best.get(h.partyId);
    if (!seen || h.score > seen.score) best.set(h.partyId, h);
  }
  if (best.size === 0) return { query: q, readAs: reading.kinds, results: [], more: false };
  const rows = await execRows<{
    id: number;
    shown: number;
    kind: "person" | "company";
    display_name: string;
    segment: SearchResult["segment"];
    blocked: boolean;
    birth_date: string | null;
    home_dealership_id: number | null;
    primary_phone: string | null;
  }>(
    db,
    sql`SELECT p.id, s.id AS shown, s.kind, s.display_name, s.segment, s.blocked, s.birth_date::text AS birth_date,
               s.home_dealership_id,
               (SELECT value FROM contact_points c WHERE c.party_id = s.id AND c.kind = 'phone' AND c.valid_to IS NULL
                 ORDER BY c.is_primary DESC, c.id LIMIT 1) AS primary_phone
          FROM parties p
          JOIN parties s ON s.id = CASE WHEN p.status = 'merged' THEN p.merged_into_id ELSE p.id END
         WHERE p.id = ANY(${sql.param([...best.keys()])}::int[]) AND s.status = 'active'`,
  );
  const byShown = new Map<number, SearchResult & { score: number }>();
  for (const row of rows) {
    const hit = best.get(row.id);
    if (!hit) continue;
    const seen = byShown.get(row.shown);
    if (seen && seen.score >= hit.score) continue;
    byShown.set(row.shown, {
      clientId: row.shown,
      kind: row.kind,
      displayName: row.display_name,
      segment: row.segment,
      blocked: row.blocked,
      birthDate: row.birth_date,
      primaryPhone: row.primary_phone,
      homeDealershipId: row.home_dealership_id,
      matchedOn: hit.matchedOn,
      matched: hit.matchedOn === "name" ? row.display_name : hit.matched,
      score: hit.score,
    });
  }
  const ranked = [...byShown.values()].sort(
    (a, b) =>
      b.score - a.score || a.displayName.localeCompare(b.displayName, "ru") || a.clientId - b.clientId,
  );
  return {
    query: q,
    readAs: reading.kinds,
    results: ranked.slice(0, limit).map(({ score: _, ...r }) => r),
    more: ranked.length > limit || hits.length >= CANDIDATES,
  };
}
