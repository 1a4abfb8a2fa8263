import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";

let t: TestApp;
let sales: SignedIn;
let manager: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  sales = await t.signIn("sales");
  manager = await t.signIn("sales.manager");
});
afterAll(() => t.close());

const create = async (who: SignedIn, body: object) => {
  const res = await t.as(who, "POST", "/api/clients", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe("creating clients", () => {
  it("normalises what the employee typed and keeps the typed form", async () => {
    const r = await create(sales, {
      fullName: "смирнова анна викторовна",
      phones: ["8 (921) 765-43-21"],
      emails: ["Anna.Smirnova@Mail.ru"],
      birthDate: "1985-07-14",
    });
    expect(r.outcome).toBe("created");
    const card = (await t.as(sales, "GET", `/api/clients/${r.clientId}`)).json();
    expect(card.golden).toMatchObject({
      lastName: "Смирнова",
      firstName: "Анна",
      patronymic: "Викторовна",
      gender: "f",
    });
    expect(card.contacts.map((c: { value: string }) => c.value)).toEqual([
      "+79217654321",
      "anna.smirnova@mail.ru",
    ]);
    expect(card.contacts[0].raw).toBe("8 (921) 765-43-21");
  });

  it("answers 400 with the field when no name is given, and warns about an unreadable phone", async () => {
    const bad = await t.as(sales, "POST", "/api/clients", { phones: ["+79161234567"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.lastName");
    const warned = await create(sales, { lastName: "Кузьмин", phones: ["12-34"] });
    expect(warned.warnings[0].field).toBe("phones.0");
  });

  it("merges automatically the same person typed in Latin at another dealership", async () => {
    const first = await create(sales, {
      lastName: "Воробьёв",
      firstName: "Алексей",
      patronymic: "Игоревич",
      birthDate: "1979-03-02",
      phones: ["+7 903 111-22-33"],
      passport: "4509 123456",
    });
    const second = await create(manager, {
      fullName: "VOROBEV ALEKSEI",
      birthDate: "1979-03-02",
      phones: ["89031112233"],
    });
    expect(second.outcome).toBe("merged");
    expect(second.clientId).toBe(first.clientId);
    const card = (await t.as(sales, "GET", `/api/clients/${first.clientId}`)).json();
    // The Cyrillic spelling with the patronymic survives; the Latin record stays as a source record.
    expect(card.golden.displayName).toBe("Воробьёв Алексей Игоревич");
    const history = (await t.as(sales, "GET", `/api/clients/${first.clientId}/history`)).json();
    expect(history.sourceRecords).toHaveLength(2);
    expect(history.sourceRecords[1].viaMerge).toBe(true);
    expect(history.merges[0]).toMatchObject({ decidedBy: "auto", survivorId: first.clientId });
    expect(second.matches[0]).toMatchObject({ clientId: first.clientId, outcome: "merged" });
  });

  it("queues a likely duplicate for review and merges it when an employee confirms", async () => {
    // Same full name, but one record has no birth date: likely, not certain.
    const a = await create(sales, {
      lastName: "Лебедев",
      firstName: "Роман",
      patronymic: "Ильич",
      birthDate: "1990-11-20",
      emails: ["roman@example.ru"],
    });
    const b = await create(manager, { lastName: "Лебедев", firstName: "Роман", patronymic: "Ильич" });
    expect(b.outcome).toBe("queued");
    const queue = (await t.as(manager, "GET", "/api/duplicates")).json();
    const pair = queue.items.find(
      (i: { a: { id: number }; b: { id: number } }) => i.a.id === a.clientId && i.b.id === b.clientId,
    );
    expect(pair.probability).toBeGreaterThan(0.2);
    expect(pair.probability).toBeLessThan(0.99);
    expect(pair.explanation.find((f: { field: string }) => f.field === "lastName").levelLabel).toBe("exact");
    expect((await t.as(sales, "POST", `/api/duplicates/${pair.id}/merge`, {})).statusCode).toBe(403);
    const merged = await t.as(manager, "POST", `/api/duplicates/${pair.id}/merge`, {});
    expect(merged.json()).toMatchObject({ survivorId: a.clientId });
    const gone = (await t.as(sales, "GET", `/api/clients/${b.clientId}`)).json();
    expect(gone).toMatchObject({ status: "merged", mergedIntoId: a.clientId });
  });

  it("undoes a merge: both clients come back with their own contacts, and they are not merged again", async () => {
    const a = await create(sales, {
      lastName: "Голубева",
      firstName: "Мария",
      birthDate: "1970-01-15",
      phones: ["+79161000001"],
    });
    const b = await create(manager, {
      fullName: "Голубева Мария",
      birthDate: "1970-01-15",
      phones: ["+79161000001"],
      emails: ["m.g@yandex.ru"],
    });
    expect(b.outcome).toBe("merged");
    const merged = (await t.as(sales, "GET", `/api/clients/${a.clientId}`)).json();
    const primaryPhones = merged.contacts.filter(
      (c: { kind: string; isPrimary: boolean }) => c.kind === "phone" && c.isPrimary,
    );
    expect(primaryPhones).toHaveLength(1);
    const [merge] = (await t.as(sales, "GET", `/api/clients/${a.clientId}/history`)).json().merges;
    const undo = await t.as(manager, "POST", `/api/merges/${merge.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    const restored = (await t.as(sales, "GET", `/api/clients/${undo.json().restoredId}`)).json();
    expect(restored.status).toBe("active");
    expect(restored.contacts.map((c: { value: string }) => c.value)).toContain("m.g@yandex.ru");
    expect(restored.contacts.find((c: { kind: string }) => c.kind === "phone").isPrimary).toBe(true);
    const survivor = (await t.as(sales, "GET", `/api/clients/${a.clientId}`)).json();
    expect(survivor.contacts.map((c: { value: string }) => c.value)).not.toContain("m.g@yandex.ru");
    // Editing the restored client re-runs matching; the undone pair stays apart.
    const edit = await t.as(sales, "PATCH", `/api/clients/${restored.id}`, {
      version: restored.version,
      patronymic: "Ивановна",
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().id).toBe(restored.id);
    expect((await t.as(manager, "POST", `/api/merges/${merge.id}/undo`)).statusCode).toBe(409);
  });
});

describe("editing and history", () => {
  it("keeps every earlier value and shows the card as of a date", async () => {
    const c = await create(sales, { lastName: "Зайцев", firstName: "Олег", phones: ["+79260000002"] });
    const before = (await t.as(sales, "GET", `/api/clients/${c.clientId}`)).json();
    const momentBefore = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const edited = await t.as(sales, "PATCH", `/api/clients/${c.clientId}`, {
      version: before.version,
      lastName: "Зайцев-Орлов",
      addPhones: ["8 916 000 00 03"],
      endContactPointIds: [before.contacts[0].id],
      consents: [{ channel: "sms", purpose: "marketing", granted: false }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().golden.lastName).toBe("Зайцев-Орлов");
    expect(edited.json().contacts.map((x: { value: string }) => x.value)).toEqual(["+79160000003"]);

    const then = (
      await t.as(sales, "GET", `/api/clients/${c.clientId}?asOf=${encodeURIComponent(momentBefore)}`)
    ).json();
    expect(then.golden.lastName).toBe("Зайцев");
    expect(then.contacts.map((x: { value: string }) => x.value)).toEqual(["+79260000002"]);

    const history = (await t.as(sales, "GET", `/api/clients/${c.clientId}/history`)).json();
    expect(history.versions[0]).toMatchObject({ reason: "edited", changedBy: "Дмитрий Алексеевич Волков" });
    expect(history.versions.at(-1).data.lastName).toBe("Зайцев");
    const log = (await t.as(manager, "GET", `/api/audit?entityType=client&entityId=${c.clientId}`)).json();
    expect(log[0]).toMatchObject({ action: "update", processStep: "identity.edit" });
    expect(log[0].before.lastName).toBe("Зайцев");
  });

  it("refuses a stale edit with 409 and a bad birth date with 400", async () => {
    const c = await create(sales, { lastName: "Федорова" });
    const card = (await t.as(sales, "GET", `/api/clients/${c.clientId}`)).json();
    expect(
      (
        await t.as(sales, "PATCH", `/api/clients/${c.clientId}`, {
          version: card.version,
          firstName: "Ирина",
        })
      ).statusCode,
    ).toBe(200);
    const stale = await t.as(sales, "PATCH", `/api/clients/${c.clientId}`, {
      version: card.version,
      firstName: "Инна",
    });
    expect(stale.statusCode).toBe(409);
    const fresh = (await t.as(sales, "GET", `/api/clients/${c.clientId}`)).json();
    const bad = await t.as(sales, "PATCH", `/api/clients/${c.clientId}`, {
      version: fresh.version,
      birthDate: "2090-01-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.birthDate");
  });

  it("keeps the other name parts when only one is corrected", async () => {
    const c = await create(sales, {
      lastName: "Лебедев",
      firstName: "Роман",
      patronymic: "Ильич",
      phones: ["+79161000077"],
    });
    const card = (await t.as(sales, "GET", `/api/clients/${c.clientId}`)).json();
    const edited = await t.as(sales, "PATCH", `/api/clients/${c.clientId}`, {
      version: card.version,
      firstName: "Роман",
      patronymic: "Игоревич",
    });
    expect(edited.json().golden).toMatchObject({
      lastName: "Лебедев",
      firstName: "Роман",
      patronymic: "Игоревич",
    });
  });

  it("drops a queued pair from the review queue once the clients turn out to differ", async () => {
    const a = await create(sales, {
      lastName: "Кузнецова",
      firstName: "Елена",
      patronymic: "Сергеевна",
      birthDate: "1961-02-03",
    });
    const b = await create(manager, { lastName: "Кузнецова", firstName: "Елена", patronymic: "Сергеевна" });
    expect(b.outcome).toBe("queued");
    const inQueue = async () =>
      (
        (await t.as(manager, "GET", "/api/duplicates?limit=100")).json().items as {
          a: { id: number };
          b: { id: number };
        }[]
      ).some((i) => i.a.id === a.clientId && i.b.id === b.clientId);
    expect(await inQueue()).toBe(true);
    // The second dealership learns her birth date: 35 years apart, not the same person.
    const card = (await t.as(sales, "GET", `/api/clients/${b.clientId}`)).json();
    await t.as(sales, "PATCH", `/api/clients/${b.clientId}`, {
      version: card.version,
      birthDate: "1996-09-30",
    });
    expect(await inQueue()).toBe(false);
  });
});
