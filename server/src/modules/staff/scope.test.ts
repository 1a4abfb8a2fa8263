import { describe, expect, it } from "vitest";
import { can, permissionsOf } from "./permissions";
import { canAccessDealership, canManageUser, dealershipScope } from "./scope";

describe("dealership scope", () => {
  it("gives group-wide staff every dealership and others their own", () => {
    expect(dealershipScope({ role: "admin", dealershipId: null })).toBe("all");
    expect(dealershipScope({ role: "salesperson", dealershipId: 3 })).toEqual([3]);
    expect(canAccessDealership({ role: "salesperson", dealershipId: 3 }, 4)).toBe(false);
    expect(canAccessDealership({ role: "salesperson", dealershipId: 3 }, 3)).toBe(true);
    expect(canAccessDealership({ role: "marketer", dealershipId: null }, 4)).toBe(true);
  });
});

describe("who manages whom", () => {
  const dealerDirector = { role: "director" as const, dealershipId: 1 };
  it("lets a dealership director manage own staff only, never admins", () => {
    expect(canManageUser(dealerDirector, { role: "salesperson", dealershipId: 1 })).toBe(true);
    expect(canManageUser(dealerDirector, { role: "salesperson", dealershipId: 2 })).toBe(false);
    expect(canManageUser(dealerDirector, { role: "marketer", dealershipId: null })).toBe(false);
    expect(canManageUser(dealerDirector, { role: "admin", dealershipId: 1 })).toBe(false);
  });
  it("lets a group director manage any non-admin and the admin anyone", () => {
    expect(
      canManageUser({ role: "director", dealershipId: null }, { role: "marketer", dealershipId: null }),
    ).toBe(true);
    expect(
      canManageUser({ role: "director", dealershipId: null }, { role: "admin", dealershipId: null }),
    ).toBe(false);
    expect(canManageUser({ role: "admin", dealershipId: null }, { role: "admin", dealershipId: null })).toBe(
      true,
    );
  });
  it("gives no one but admins and directors account management", () => {
    expect(
      canManageUser({ role: "sales_manager", dealershipId: 1 }, { role: "salesperson", dealershipId: 1 }),
    ).toBe(false);
    expect(can("salesperson", "staff.manage")).toBe(false);
    expect(can("director", "staff.manage")).toBe(true);
    expect(permissionsOf("marketer")).not.toContain("clients.write");
  });
});
