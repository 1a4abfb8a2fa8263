import type { StaffUser } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { emptyStaffForm, missingPicks, staffFormOf, toCreateRequest, toUpdateRequest } from "./staffForm";

const user: StaffUser = {
  id: 7,
  login: "petrov",
  fullName: "Пётр Петров",
  email: null,
  phone: "+79990001122",
  role: "salesperson",
  dealershipId: 1,
  departmentId: 2,
  extension: "205",
  locale: "ru",
  active: true,
};

describe("staff form", () => {
  it("sends blank optional fields as null and normalises the login", () => {
    const result = toCreateRequest({
      ...emptyStaffForm(1),
      fullName: " Иван Иванов ",
      login: " Ivanov ",
      password: "long-enough-1",
      role: "salesperson",
      email: "  ",
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      login: "ivanov",
      fullName: "Иван Иванов",
      email: null,
      extension: null,
    });
  });

  it("reports an unpicked role as required, next to the role field", () => {
    const values = { ...emptyStaffForm(null), fullName: "A", login: "abc", password: "x".repeat(10) };
    expect(toCreateRequest(values).error?.issues.map((i) => i.path[0])).toEqual(["role"]);
    expect(missingPicks(values)).toEqual([{ path: ["role"], message: "required" }]);
  });

  it("patches only the changed fields (plus the locale), and the password only when one is typed", () => {
    expect(toUpdateRequest(user, staffFormOf(user))).toBeNull();
    const english = { ...user, locale: "en" as const };
    const changed = toUpdateRequest(english, {
      ...staffFormOf(english),
      phone: "",
      extension: "206",
      password: "new-password-1",
    });
    expect(changed?.data).toEqual({
      phone: null,
      extension: "206",
      password: "new-password-1",
      locale: "en",
    });
  });
});
