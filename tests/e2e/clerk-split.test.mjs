// Issue 19: a decision per record, not only per cluster. In a cluster of four
// where one record is someone else, the clerk splits that record off; the
// export holds the split, and the next load of the file keeps it apart (the
// engine applies the decisions kept in the real IndexedDB). Debian's Chromium,
// the real file input and worker.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { OUTPUT, openClerk, writeRegistry } from "./browser.mjs";

// One woman, four records of four agencies: the engine puts them together.
const FOUR = writeRegistry("four", [
  "a1,10202198254217,Асанова,Айгүл,Асанбековна,1982-02-02,F,passport",
  "a2,10202198200311,Асанова,Айгүл,Асанбековна,1982-02-02,F,tax",
  "a3,10202198200522,Асанова,Айгүл,Асанбековна,1982-02-02,F,social_fund",
  "a4,10202198200733,Асанова,Айгүл,Асанбековна,1982-02-02,F,civil_registry",
  "b1,21505197500123,Токтогулов,Нурлан,Маратович,1975-05-15,M,tax",
]);

let app;
before(async () => {
  app = await openClerk();
});
after(async () => {
  await app?.close();
});

const text = (selector) => app.page.locator(selector).innerText();
const toggle = (id) => app.page.locator(`button.apart-toggle[data-record="${id}"]`);
async function load() {
  await app.page.setInputFiles("#registry-file", FOUR);
  await app.page.waitForSelector('article.cluster[aria-busy="false"]', { timeout: 60_000 });
}

test("a record is split off a cluster of four; two always stay together", async () => {
  const { page } = app;
  await load();
  assert.equal(await page.locator("article.cluster thead th").count(), 5, "the field column and four records");
  await toggle("a4").click();
  assert.equal(await toggle("a4").getAttribute("aria-pressed"), "true");
  assert.match(await text("#apart-note"), /^a4: a different person/);
  await toggle("a3").click();
  assert.ok(await toggle("a2").isDisabled(), "a third would leave one record");
  assert.match(await text("#apart-note"), /^a3, a4: a different person/);
  await toggle("a3").click();
  assert.equal(await toggle("a3").getAttribute("aria-pressed"), "false");
  // The verdict is about the others, by keyboard from the cluster's heading.
  await page.focus("#cluster-heading");
  await page.keyboard.press("s");
  assert.match(await text("#review-counter"), /^Reviewed 1 of 1/);
  // An undo is said too: the counter never goes back without a word.
  await page.focus("#cluster-heading");
  await page.keyboard.press("z");
  assert.match(await text("#review-counter"), /^Reviewed 0 of 1/);
  assert.equal(await page.locator("#decision-status").textContent(), "The last step is taken back");
  assert.equal(await toggle("a4").getAttribute("aria-pressed"), "true", "the split stays: only the verdict was taken back");
  await page.focus("#cluster-heading");
  await page.keyboard.press("s");
  assert.match(await page.locator("#decision-status").textContent(), /^Saved: Same person/);
  await page.screenshot({ path: join(OUTPUT, "clerk-split-1280.png"), fullPage: false });
});

test("the export holds the split: the record on its own, nothing to correct", async () => {
  const { page } = app;
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-clusters")]);
  const lines = readFileSync(await download.path(), "utf8").slice(1).trimEnd().split("\r\n");
  const row = (id) => lines.find((l) => l.split(",")[1] === id).split(",");
  for (const id of ["a1", "a2", "a3"]) {
    assert.equal(row(id)[4], "same_person", id);
    assert.equal(row(id)[10], "10202198254217", `${id}: the passport's number stays`);
  }
  assert.equal(row("a4")[0], "a4", "a group of its own");
  assert.equal(row("a4")[4], "different_people");
  assert.equal(row("a4")[10], "", "no PIN to keep for someone else");
  assert.equal(new Set(["a1", "a2", "a3"].map((id) => row(id)[0])).size, 1);
});

test("loaded again, the split holds: the engine keeps the record apart", async () => {
  const { page } = app;
  await page.reload();
  await page.waitForSelector("#registry-file");
  await page.click('button[data-lang="en"]');
  await load();
  const heads = await page.locator("article.cluster thead th").allInnerTexts();
  assert.deepEqual(
    heads.slice(1).map((h) => h.split("\n")[0]),
    ["a1", "a2", "a3"],
    "a4 is no longer proposed with them",
  );
  assert.match(await text("#review-counter"), /^Reviewed 1 of 1/, "their decision found again");
  // a1-a3 are together with the records they were decided with: no note that
  // a record "came back beside a look-alike" (a4 is the one that left).
  assert.equal(await page.locator(".earlier-apart").count(), 0);
});

test("at 360 px the split's buttons fit their columns", async () => {
  const { page } = app;
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
  await page.locator("article.cluster").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, "clerk-split-360.png"), fullPage: false });
});

test("leaving the page and coming back in the same tab reads the registry again; a new tab does not", async () => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 900 });
  // To the citizen's check and back, by the page's own links.
  await page.locator("nav a").first().click();
  await page.waitForSelector("#pin", { timeout: 30_000 });
  await page.click("#clerk-link");
  await page.waitForSelector("#resumed", { timeout: 30_000 });
  await page.waitForSelector('article.cluster[aria-busy="false"]', { timeout: 60_000 });
  assert.match(await text("#summary-heading"), /four\.csv/);
  assert.match(await text("#resumed"), /read again/);
  assert.match(await text("#review-counter"), /^Reviewed 1 of 1/, "with its decisions");
  // A new tab is a new session: nothing is read, and the kept copy is deleted.
  const other = await app.context.newPage();
  await other.goto(page.url());
  await other.waitForSelector("#registry-file", { timeout: 30_000 });
  const kept = () =>
    other.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("kgpin");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction("session").objectStore("session").count();
            get.onsuccess = () => resolve(get.result);
          };
        }),
    );
  for (let i = 0; i < 50 && (await kept()) > 0; i++) await other.waitForTimeout(100);
  assert.equal(await kept(), 0, "the other tab's copy is deleted");
  assert.equal(await other.locator("#resumed, #clusters-found").count(), 0);
  await other.close();
});

test("no request left the app's own files; the CSP refused nothing", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
});
