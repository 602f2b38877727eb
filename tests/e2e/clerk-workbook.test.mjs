// Issue 19: an Excel workbook on the clerk's page, in Debian's Chromium. The
// workbook is written by a library (ExcelJS) as Excel keeps what a clerk
// types: PINs as numbers, birth dates as date cells, a summary sheet first.
// It goes through the real file input to the workbook worker (fetched only
// now), then to the registry worker; the page finds what `kgpin dedupe
// --sheet` finds in the same file, and locates rows by Excel's row numbers.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { OUTPUT, axeViolations, kgpin, openClerk } from "./browser.mjs";

const DIR = mkdtempSync(join(tmpdir(), "kgpin-workbook-"));
const CSV = join(DIR, "registry.csv");
const BOOK = join(DIR, "реестр.xlsx");

// A birth date as Excel keeps one typed into a date cell; text it cannot read stays text.
function dateCell(text) {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year) return null;
  const date = new Date(Date.UTC(+year, +month - 1, +day));
  // 31.02 is not a date: Excel would keep it as text.
  return date.getUTCDate() === +day ? date : null;
}

let app;
let engine; // what `kgpin dedupe --sheet Реестр --json` finds in the workbook
let fromCsv; // what it finds in the CSV the workbook was made from
let badRow; // the Excel row of the row with a bad PIN
before(async () => {
  kgpin("synth", "--people", "2000", "--seed", "5", "--out", CSV);
  const [, ...rows] = readFileSync(CSV, "utf8").trimEnd().split("\n");
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Свод").addRow(["Итого записей", rows.length]);
  const sheet = book.addWorksheet("Реестр");
  // A report's title above the header, as agency exports have one.
  sheet.addRow(["Выписка из реестра на 01.12.2026"]);
  sheet.addRow(["record_id", "ПИН", "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Источник"]);
  for (const line of rows) {
    // The synthetic registry quotes no field (its names carry no commas).
    const [id, pin, last, first, patronymic, dob, sex, source] = line.split(",");
    const date = dateCell(dob);
    sheet.addRow([
      id,
      /^[12]\d{13}$/.test(pin) ? Number(pin) : pin, // a number cell, as Excel keeps a typed PIN
      last,
      first,
      patronymic,
      date ?? dob,
      sex,
      source,
    ]);
  }
  sheet.getColumn(6).numFmt = "dd.mm.yyyy";
  sheet.addRow(["XL-BAD", "123", "Осмонов", "Бакыт", "Асан\nуулу", "31.02.1985", "M", "tax"]);
  badRow = sheet.rowCount;
  await book.xlsx.writeFile(BOOK);
  engine = JSON.parse(kgpin("dedupe", BOOK, "--sheet", "Реестр", "--json", "--today", "2026-12-02"));
  fromCsv = JSON.parse(kgpin("dedupe", CSV, "--json", "--today", "2026-12-02"));
  app = await openClerk();
});
after(async () => {
  await app?.close();
});

const text = (selector) => app.page.locator(selector).innerText();
const num = (figure) => Number(figure.replace(/\s/g, ""));
// A load has ended (the page keeps the last registry shown while it works).
const loaded = () => app.page.waitForSelector("section.progress", { state: "detached", timeout: 60_000 });
const xlsxFetched = () => app.served.some((path) => path.includes("kgpin-xlsx"));

test("the CLI reads the workbook as it reads the CSV it came from", () => {
  assert.equal(engine.summary.sheet, "Реестр");
  // The same people together (scores differ by a tenth: the workbook has one row more).
  const members = (report) => report.clusters.map((c) => c.recordIds.join(" ")).sort();
  assert.deepEqual(members(engine), members(fromCsv));
  assert.ok(engine.clusters.length > 50, `${engine.clusters.length} clusters`);
  const bad = engine.diagnostics.filter((d) => d.recordId === "XL-BAD").map((d) => [d.line, d.code]);
  assert.deepEqual(bad, [
    [badRow, "invalid_pin"],
    [badRow, "invalid_birth_date"],
  ]);
});

test("the first sheet is read and the others offered; the registry's sheet finds the CLI's clusters", async () => {
  const { page } = app;
  assert.equal(xlsxFetched(), false, "the workbook reader is not fetched before a workbook is given");
  await page.setInputFiles("#registry-file", BOOK);
  // The first sheet is a summary: the missing column is said, and the sheets are offered.
  await page.waitForSelector("#load-error", { timeout: 60_000 });
  assert.match(await text("#load-error"), /record_id/);
  assert.ok(xlsxFetched(), "the workbook reader is fetched for a workbook");
  const sheets = await page.locator("#sheet option").allInnerTexts();
  assert.deepEqual(sheets, ["Свод", "Реестр"]);
  // The list shows the sheet that was read, so choosing the other is a change.
  assert.equal(await page.inputValue("#sheet"), "Свод");
  assert.match(await text("#sheet-hint"), /several sheets/);
  assert.ok(await page.locator("#sheet").isEnabled());

  await page.selectOption("#sheet", "Реестр");
  await page.waitForSelector("#clusters-found", { timeout: 60_000 });
  assert.equal(await text("#sheet-read"), "Реестр");
  assert.equal(await page.locator("#encoding").count(), 0, "a workbook has no encoding to name");
  assert.equal(await page.inputValue("#sheet"), "Реестр");
  assert.equal(num(await text("#rows-read")), engine.summary.rowsRead);
  assert.equal(num(await text("#clusters-found")), engine.clusters.length);
  assert.match(await text("#summary-heading"), /реестр\.xlsx/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUTPUT, "clerk-workbook-1280.png"), fullPage: false });
});

test("a row with a problem is located at its Excel row, under a Row heading", async () => {
  const { page } = app;
  // The title above the header is said at its row, not read as data (the
  // rows left out are listed open).
  const title = page.locator('#rejected-rows tr[data-code="above_header"]');
  assert.equal(await title.locator("td").first().innerText(), "1");
  await page.locator("details", { has: page.locator("#kept-with-problems") }).locator("summary").click();
  const table = page.locator("#kept-with-problems");
  assert.equal(await table.locator("thead th").first().innerText(), "Row");
  const bad = table.locator('tr[data-code="invalid_pin"]', { hasText: "XL-BAD" });
  assert.equal(await bad.locator("td").first().innerText(), String(badRow));
});

test("the review compares the workbook's records with their rows", async () => {
  const { page } = app;
  await page.waitForSelector('article.cluster[aria-busy="false"]');
  const heading = page.locator("article.cluster th[scope=row]", { hasText: /^Row$/ });
  assert.equal(await heading.count(), 1);
});

test("a damaged workbook gets a clear message; at 360 px the sheet choice fits", async () => {
  const { page } = app;
  const damaged = join(DIR, "damaged.xlsx");
  const bytes = readFileSync(BOOK);
  writeFileSync(damaged, bytes.subarray(0, bytes.length >> 1));
  await page.setInputFiles("#registry-file", damaged);
  await page.waitForSelector("#load-error", { timeout: 60_000 });
  assert.match(await text("#load-error"), /workbook cannot be opened/);

  await page.setInputFiles("#registry-file", BOOK);
  await page.waitForSelector("#load-error", { timeout: 60_000 });
  await page.selectOption("#sheet", "Реестр");
  await loaded();
  assert.equal(await page.locator("#load-error").count(), 0);
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
  await page.locator("#sheet").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, "clerk-workbook-360.png"), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("no request left the app's own files; the CSP refused nothing", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
});

test("the sheet choice passes axe", async () => {
  const checked = await openClerk({ bypassCSP: true });
  try {
    const { page } = checked;
    await page.setInputFiles("#registry-file", BOOK);
    await page.waitForSelector("#sheet", { timeout: 60_000 });
    await page.selectOption("#sheet", "Реестр");
    await page.waitForSelector("#clusters-found", { timeout: 60_000 });
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await checked.close();
  }
});
