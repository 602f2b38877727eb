// A full name typed into one field (an export with one name column): the
// clerk's table shows the names as the engine read them, and the field as
// it was typed in a row of its own, so that the table agrees with the
// reasons ("same surname, same first name") instead of calling the surname
// different and the first name missing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadRegistry, withClerk, writeRegistry } from "./browser.mjs";

const FILE = writeRegistry("one-field", [
  "a,11207199000123,Осмонова,Айпери,Бакыт кызы,1990-07-12,F,tax",
  "b,11207199000456,Осмонова Айпери Бакыт кызы,,,1990-07-12,F,social_fund",
]);

test("a full name typed into one field is shown as the engine read it", async () => {
  await withClerk(async (app) => {
    const { page } = app;
    await page.click('button[data-lang="en"]');
    await loadRegistry(page, FILE);
    const row = async (name) =>
      (await page.locator("article.cluster tr", { has: page.locator(`th:text-is("${name}")`) }).innerText())
        .split("\t")
        .map((cell) => cell.trim());
    assert.deepEqual((await row("Surname")).slice(0, 3), ["Surname", "Осмонова", "Осмонова"]);
    assert.deepEqual((await row("First name")).slice(0, 3), ["First name", "Айпери", "Айпери"]);
    assert.deepEqual((await row("Patronymic")).slice(0, 3), ["Patronymic", "Бакыт кызы", "Бакыт кызы"]);
    assert.deepEqual((await row("Names typed in one field")).slice(0, 3), ["Names typed in one field", "—", "Осмонова Айпери Бакыт кызы"]);
    assert.match(await page.locator("article.cluster").innerText(), /Same surname/);
    assert.deepEqual(app.problems, []);
  });
});
