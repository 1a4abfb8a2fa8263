import type { ClientEssentials, DealDocumentKind, DealField } from "@orbit/contracts";

/** What a deal holds, reduced to what the process's required fields ask about. */
export interface DealFacts {
  client: ClientEssentials;
  hasNeeds: boolean;
  stockVehicleId: number | null;
  vehiclePriceKopecks: number | null;
  tradeInVehicleId: number | null;
  appraisals: number;
  tradeInAcceptedKopecks: number | null;
  creditApplied: boolean;
  /** Offers not declined. */
  creditOffers: number;
  creditChosen: boolean;
  insuranceQuotes: number;
  insuranceChosen: boolean;
  accessories: number;
  documents: ReadonlySet<DealDocumentKind>;
  paymentReceived: boolean;
  deliveryPlannedOn: string | null;
}

const has = (v: string | null) => v !== null && v.trim() !== "";

/**
 * Whether the deal has each field. A company buyer is identified by its name and INN: its "full name" is
 * the company's name, its "passport" the INN, and a birth date does not apply.
 */
export function hasField(field: DealField, f: DealFacts): boolean {
  const c = f.client;
  const company = c.kind === "company";
  switch (field) {
    case "needs.profile":
      return f.hasNeeds;
    case "vehicle.selected":
      return f.stockVehicleId !== null;
    case "vehicle.price":
      return f.vehiclePriceKopecks !== null && f.vehiclePriceKopecks > 0;
    case "tradeIn.vehicle":
      return f.tradeInVehicleId !== null;
    case "tradeIn.appraisal":
      return f.appraisals > 0;
    case "tradeIn.accepted":
      return f.tradeInAcceptedKopecks !== null;
    case "credit.application":
      return f.creditApplied;
    case "credit.offers":
      return f.creditOffers > 0;
    case "credit.chosen":
      return f.creditChosen;
    case "insurance.quotes":
      return f.insuranceQuotes > 0;
    case "insurance.chosen":
      return f.insuranceChosen;
    case "accessories.chosen":
      return f.accessories > 0;
    case "client.fullName":
      return company ? has(c.companyName) : has(c.lastName) && has(c.firstName);
    case "client.birthDate":
      return company || has(c.birthDate);
    case "client.passport":
      return company ? has(c.inn) : has(c.passport);
    case "client.address":
      return has(c.address);
    case "client.phone":
      return has(c.phone);
    case "client.email":
      return has(c.email);
    case "documents.quote":
      return f.documents.has("quote");
    case "documents.contract":
      return f.documents.has("contract");
    case "documents.act":
      return f.documents.has("act");
    case "payment.received":
      return f.paymentReceived;
    case "delivery.date":
      return f.deliveryPlannedOn !== null;
  }
}

export function missingFields(required: readonly DealField[], facts: DealFacts): DealField[] {
  return required.filter((field) => !hasField(field, facts));
}

/** What each document needs before it can be issued: the contract names the buyer and the car. */
export const DOCUMENT_REQUIRES: Record<DealDocumentKind, readonly DealField[]> = {
  quote: [],
  contract: ["client.fullName", "client.birthDate", "client.passport", "client.address", "client.phone"],
  act: ["client.fullName", "client.passport"],
};
