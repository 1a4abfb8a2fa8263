import { describe, expect, it } from "vitest";
import { checkEmail, isValidEmail, normalizeEmail, suggestEmail } from "./email";

describe("normalizeEmail", () => {
  it.each([
    ["  Ivan.Petrov@Mail.RU ", "ivan.petrov@mail.ru"],
    ["mailto:ivan@yandex.ru", "ivan@yandex.ru"],
    ["MAILTO:Ivan@Yandex.ru?subject=ТО", "ivan@yandex.ru"],
    ["Иван Петров <Ivan@Mail.ru>", "ivan@mail.ru"],
  ])("%j -> %s", (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
});

describe("checkEmail", () => {
  it.each([
    "ivan@mail.ru",
    "i.petrov+crm@gmail.com",
    "info@dealer.moscow",
    "почта@пример.рф",
    "a_b-c@sub.bk.ru",
  ])("accepts %s", (raw) => {
    expect(checkEmail(raw)).toEqual({ valid: true, email: raw });
    expect(isValidEmail(raw)).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["ivan.mail.ru", "no_at"],
    ["@mail.ru", "bad_local"],
    ["ivan..petrov@mail.ru", "bad_local"],
    ["ivan petrov@mail.ru", "bad_local"],
    ["ivan@mail", "bad_domain"],
    ["ivan@mail.r", "bad_domain"],
    ["ivan@-mail.ru", "bad_domain"],
    ["ivan@mail.ru.", "bad_domain"],
  ])("rejects %j as %s", (raw, reason) => {
    expect(checkEmail(raw)).toMatchObject({ valid: false, reason });
  });

  it("flags a domain typo without changing the address", () => {
    expect(checkEmail("ivan@mail.ry")).toEqual({
      valid: true,
      email: "ivan@mail.ry",
      suggestion: "ivan@mail.ru",
    });
    expect(checkEmail("ivan@mail,ru")).toMatchObject({ valid: false, suggestion: "ivan@mail.ru" });
    expect(checkEmail("ivan@mail.ru.")).toMatchObject({ valid: false, suggestion: "ivan@mail.ru" });
  });
});

describe("suggestEmail", () => {
  it.each([
    ["a@mial.ru", "a@mail.ru"],
    ["a@maill.ru", "a@mail.ru"],
    ["a@yandex.ry", "a@yandex.ru"],
    ["a@yndex.ru", "a@yandex.ru"],
    ["a@yandeks.ru", "a@yandex.ru"],
    ["a@gmial.com", "a@gmail.com"],
    ["a@gmail.con", "a@gmail.com"],
    ["a@gmail.ru", "a@gmail.com"],
    ["a@bk.ry", "a@bk.ru"],
    ["a@lits.ru", "a@list.ru"],
    ["a@inbx.ru", "a@inbox.ru"],
    ["a@rambler.ri", "a@rambler.ru"],
  ])("%s -> %s", (email, suggestion) => {
    expect(suggestEmail(email)).toBe(suggestion);
  });

  it.each(["a@mail.ru", "a@ya.ru", "a@yandex.com", "a@mail.com", "a@dealer.ru", "a@inbox.lv"])(
    "leaves %s alone",
    (email) => {
      expect(suggestEmail(email)).toBeUndefined();
    },
  );
});
