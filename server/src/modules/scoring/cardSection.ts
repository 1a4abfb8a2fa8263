import type { Offer } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { Reason } from "./reasons";

/**
 * The client's offers of the latest scoring run, the families the model answers for (the others fall
 * back to the rules), and whether the client agreed to offers by phone (the contact policy).
 */
export function modelOffersSection(partyId: number): SQL {
  return sql`(SELECT json_build_object(
      'scoredOn', r.scored_on,
      'families', coalesce((SELECT json_agg(m.family) FROM propensity_models m JOIN offer_families f ON f.code = m.family AND f.active
                             WHERE m.status = 'active'), '[]'),
      'callable', EXISTS (SELECT 1 FROM consents c WHERE c.party_id = ${partyId} AND c.channel = 'call'
                           AND c.purpose = 'marketing' AND c.granted AND c.valid_to IS NULL),
      'scores', coalesce((SELECT json_agg(x ORDER BY x.rank) FROM (
          SELECT s.family, s.vehicle_id, s.rank, s.probability, s.value_rub, s.expected_rub, s.reasons,
                 f.name AS family_name, f.purpose, nullif(concat_ws(' ', v.make, v.model), '') AS car
            FROM offer_scores s JOIN offer_families f ON f.code = s.family AND f.active
            LEFT JOIN vehicles v ON v.id = s.vehicle_id
           WHERE s.party_id = ${partyId} AND s.run_id = r.id) x), '[]'))
    FROM (SELECT id, scored_on FROM scoring_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1) r)`;
}

export interface ModelOffersJson {
  scoredOn: string;
  families: string[];
  callable: boolean;
  scores: {
    family: string;
    vehicle_id: number | null;
    rank: number;
    probability: number;
    value_rub: number;
    expected_rub: number;
    reasons: Reason[];
    family_name: string | null;
    purpose: "service" | "marketing";
    car: string | null;
  }[];
}

/**
 * The card's offers: the model's for the families it answers for, ranked by expected value, then the
 * rules' for the families it does not (too little history, or no scoring yet). An offer the client may
 * not be called about (no consent to offers) is marked, to be made in person.
 */
export function mergeOffers(model: ModelOffersJson | null, rules: Offer[]): Offer[] {
  const covered = new Set(model?.families ?? []);
  const fromModel: Offer[] = (model?.scores ?? []).map((s) => ({
    family: s.family,
    familyName: s.family_name,
    vehicleId: s.vehicle_id,
    reason: { code: "model_forecast", params: (s.car ? { car: s.car } : {}) as Record<string, string> },
    dueOn: null,
    valueRub: s.value_rub,
    expectedValueRub: s.expected_rub,
    probability: Math.round(s.probability * 1000) / 1000,
    source: "model",
    reasons: s.reasons,
    callable: s.purpose === "service" || Boolean(model?.callable),
  }));
  fromModel.sort((a, b) => b.expectedValueRub - a.expectedValueRub);
  return [...fromModel, ...rules.filter((o) => !covered.has(o.family))];
}
