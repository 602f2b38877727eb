// The citizen gets the right advice, or none (issue 14): each case here once
// sent a person to correct the wrong document, or let a wrong answer through.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { OUTPUT, fillDate, openApp, focusedId } from "./browser.mjs";

let app;
before(async () => {
  app = await openApp("#/several", { viewport: { width: 1280, height: 900 } });
  await app.page.waitForSelector("#p-continue", { timeout: 30_000 });
  await app.page.click('button[data-lang="en"]');
});
after(async () => {
  await app?.close();
});
beforeEach(async () => {
  // A fresh form for each case.
  await app.page.evaluate(() => localStorage.removeItem("kgpin.citizen"));
  await app.page.reload();
  await app.page.waitForSelector("#p-continue");
});

// Numbers are kept on one line by no-break spaces: read as plain spaces.
const text = async (selector) => (await app.page.locator(selector).innerText()).replace(/\u00a0/g, " ");

// Fills the form: `pins` as [number, document code].
async function fill({ born = ["02", "02", "1982"], sex = "F", pins }) {
  const { page } = app;
  await page.fill("#p-last-name", "Асанова");
  await page.fill("#p-first-name", "Айгүл");
  await page.check(`#p-sex-${sex}`);
  await fillDate(page, "p-birth-date", ...born);
  for (const [i, [pin, document]] of pins.entries()) {
    if (i > 0) await page.click("#p-add");
    const id = await page.locator(".pin-row input.pin-input").nth(i).getAttribute("id");
    await page.fill(`#${id}`, pin);
    await page.selectOption(`#${id.replace("pin", "doc")}`, document);
  }
}

async function result() {
  const { page } = app;
  await page.click("#p-continue");
  await page.waitForSelector("#check-heading");
  await page.click("#p-see-result");
  await page.waitForSelector("#result-heading");
}

// The result as it stands, at 1280 px and at 360 px (a phone), for reading.
async function shootBothWidths(name) {
  const { page } = app;
  await page.screenshot({ path: join(OUTPUT, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(OUTPUT, `${name}-360.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const errorSummary = () => app.page.locator("#error-summary li").allInnerTexts();

test("a typo in the typed birth date asks first, and never says to correct the passport", async () => {
  const { page } = app;
  await fill({
    born: ["02", "02", "1983"],
    pins: [["10202198254217", "passport"], ["10202198200311", "tax"]],
  });
  await result();
  const short = await text("#r-short");
  assert.match(short, /Check first/);
  assert.match(short, /№1, №2: the PINs give the birth date 02\.02\.1982, and you typed 02\.02\.1983: check the date you typed/);
  assert.doesNotMatch(short, /To correct|Number to keep/);
  // Two numbers on one date are a double PIN whichever date is right: never "nothing needs correcting".
  assert.doesNotMatch(short, /no number needs correcting/);
  assert.match(await text("#r-double-pin"), /Double PIN\s+Numbers №1, №2 look like one person's .*only one of them can stay/);
  const roles = await page.locator(".pin-result").evaluateAll((items) => items.map((i) => i.dataset.role));
  assert.deepEqual(roles, ["awaits_birth_date", "awaits_birth_date"]);
  const next = await text("#r-next");
  assert.doesNotMatch(next, /Apply at a Public Service Centre|Kyzmat/);
  assert.match(next, /Compare the date of birth you typed with your passport/);
  await page.screenshot({ path: join(OUTPUT, "several-check-date-desktop.png"), fullPage: true });
  // "Change the date of birth" goes back to the date, and the right date settles it.
  await page.click("#r-change-date");
  assert.equal(await focusedId(page, "p-birth-date-day"), "p-birth-date-day");
  await page.fill("#p-birth-date-year", "1982");
  await result();
  assert.match(await text("#r-short"), /Number to keep\s+№1: 1 02021982 54217 \(Passport or ID card\)/);
  assert.match(await text("#r-short"), /To correct\s+№2: 1 02021982 00311/);
});

test("the sentence about two numbers names the part that differs: the sex digit, not the serial", async () => {
  await fill({ pins: [["1 02021982 54217", "passport"], ["2 02021982 54217", "tax"]] });
  await result();
  const findings = await text("#r-findings");
  assert.match(findings, /the same birth date and serial, different sex digits/);
  assert.doesNotMatch(findings, /different serials|same birth date and sex/);
});

test("two numbers one digit apart are compared with the documents first, not called a double PIN outright", async () => {
  const { page } = app;
  await fill({ pins: [["10202198254217", "passport"], ["10202198254218", "tax"]] });
  await result();
  const short = await text("#r-short");
  // The first line of the answer, before what stays and what to correct.
  assert.match(short, /^In short\s+Compare first\s+Numbers №1, №2 differ by one digit/);
  const next = await page.locator("#r-next li").evaluateAll((items) => items.map((i) => i.dataset.code));
  assert.equal(next[0], "compare_with_documents");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(OUTPUT, "several-one-slip-360.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("a passport number dated 1892 for 1982 is copied again first, and no other number is kept in its place", async () => {
  const { page } = app;
  await fill({ pins: [["10202189254217", "passport"], ["10202198212345", "tax"]] });
  await result();
  const short = await text("#r-short");
  assert.doesNotMatch(short, /Number to keep|To correct/);
  const roles = await page.locator(".pin-result").evaluateAll((items) => items.map((i) => i.dataset.role));
  assert.deepEqual(roles, ["date_impossible", "awaits_retyping"]);
  const next = await page.locator("#r-next li").evaluateAll((items) => items.map((i) => i.dataset.code));
  assert.equal(next[0], "retype_mistyped");
  assert.ok(!next.includes("kyzmat_corrects"), next.join());
  await shootBothWidths("several-passport-1892");
});

test("a late grandfather's Social Fund number of 1903 beside one's own passport is another person's, not one's own copied wrong", async () => {
  const { page } = app;
  await fill({
    born: ["15", "03", "1960"],
    sex: "M",
    pins: [["21503196012345", "passport"], ["20405190300123", "social_fund"]],
  });
  await result();
  const roles = await page.locator(".pin-result").evaluateAll((items) => items.map((i) => i.dataset.role));
  assert.deepEqual(roles, ["keep", "other_person"]);
  const pageText = await text("main");
  assert.match(pageText, /relative/);
  assert.doesNotMatch(pageText, /No living person|most likely a digit was copied wrong/);
  const next = await page.locator("#r-next li").evaluateAll((items) => items.map((i) => i.dataset.code));
  assert.ok(!next.includes("compare_with_documents"), next.join());
  await shootBothWidths("several-late-relative");
});

test("a passport number eight years from the typed date, beside one tax number on it, asks about the date and corrects nothing", async () => {
  const { page } = app;
  await fill({
    born: ["05", "03", "1982"],
    pins: [["11507199012345", "passport"], ["10503198254217", "tax"]],
  });
  await result();
  const short = await text("#r-short");
  // One paper against the passport cannot say which is the slip: neither is
  // named to correct (the page takes each number once, so the tax and Social
  // Fund papers' one number, which would set the passport aside, is the CLI's
  // and the package's case).
  assert.match(short, /Check first/);
  assert.doesNotMatch(short, /To correct/);
  // Eight years off beside a number on the typed date: a relative's document
  // is left out, and only on her own is the number issued wrong.
  assert.match(await text(".result"), /on a relative's document \(a child's, a parent's\) is not yours, leave it out/);
  assert.match(await text(".result"), /on a document of yours it was issued wrong: bring that document/);
  await page.screenshot({ path: join(OUTPUT, "several-far-passport-desktop.png"), fullPage: true });
});

test("Continue stops a number that is not a PIN, a future date, one number, the same number twice", async () => {
  const { page } = app;
  await fill({ born: ["02", "02", "2982"], pins: [["1020219825421", "passport"]] });
  await page.click("#p-continue");
  await page.waitForSelector("#error-summary");
  assert.deepEqual(await errorSummary(), [
    "The date of birth cannot be after today",
    "Number 1: A PIN has 14 digits; this has 13. One digit is missing: check each digit against the document. A number copied from Excel sometimes loses the 0 at its start; a number that starts with 0 belongs to an organisation, not a person",
    "Add your other number: this page compares two or more. To check one number, use the PIN check",
  ]);
  // The error is tied to its field.
  assert.equal(await page.getAttribute("#p-pin-0", "aria-invalid"), "true");
  assert.equal(await page.getAttribute("#p-pin-0", "aria-describedby"), "p-pin-0-error");
  await fillDate(page, "p-birth-date", "31", "02", "1982");
  await page.fill("#p-pin-0", "1O2O2198254217");
  await page.click("#p-add");
  await page.fill("#p-pin-1", "2 02022982 54217");
  await page.selectOption("#p-doc-1", "tax");
  await page.click("#p-add");
  await page.fill("#p-pin-2", "1O2O2198254217");
  await page.selectOption("#p-doc-2", "other");
  await page.click("#p-continue");
  const errors = await errorSummary();
  assert.equal(errors[0], "The date of birth must be a real date: day, month and a four-digit year");
  assert.match(errors[1], /^Number 1: Position 2: “O” is not a digit \(a letter that looks like the digit 0; type the digit\)$/);
  assert.match(errors[2], /^Number 2: The birth date in the PIN \(02\.02\.2982\) is after today/);
  assert.match(errors[3], /^Number 3: Position 2/);
  assert.equal(errors.length, 4);
  // The same valid number twice from one kind of document (on two kinds it
  // is two papers: see the next test).
  await fillDate(page, "p-birth-date", "02", "02", "1982");
  await page.fill("#p-pin-0", "10202198254217");
  await page.fill("#p-pin-1", "1 0202 1982 54217");
  await page.selectOption("#p-doc-1", "passport");
  await page.click(".pin-row:nth-child(3) button.remove");
  // Each row keeps the document chosen for it on screen (unkeyed, the
  // removed row's "Other document" showed here while the answers said passport).
  assert.equal(await page.locator("#p-doc-1").inputValue(), "passport");
  await page.click("#p-continue");
  assert.deepEqual(await errorSummary(), [
    "Number 2 repeats number 1 from the same document: give each number once for each document",
  ]);
  await page.screenshot({ path: join(OUTPUT, "several-errors-pins-desktop.png"), fullPage: true });
  // Fixed, the form goes on.
  await page.fill("#p-pin-1", "10202198200311");
  await page.click("#p-continue");
  await page.waitForSelector("#check-heading");
});

test("one number on the tax and the Social Fund papers is two papers: both brought, and they set a far passport aside", async () => {
  const { page } = app;
  await fill({
    born: ["05", "03", "1982"],
    pins: [["11507199012345", "passport"], ["10503198254217", "tax"], ["10503198254217", "social_fund"]],
  });
  await result();
  const short = await text("#r-short");
  assert.doesNotMatch(short, /Check first/);
  assert.match(short, /Number to keep\n№2: 1 05031982 54217/);
  const all = await text(".result");
  assert.match(all, /This number is already listed above/);
  assert.match(all, /Bring: Passport or ID card, Tax Service document, Social Fund certificate/);
  await page.screenshot({ path: join(OUTPUT, "several-one-number-two-papers-desktop.png"), fullPage: true });
});

test("two identity papers a slip apart ask about the typed date; a 00000 number on it asks too, and one kept beside a far number is compared first, in the short answer too", async () => {
  const { page } = app;
  // A passport on 12.03.1982 and an ID card on 13.03.1982 (both "Passport or ID card"),
  // 13.03.1982 typed: neither identity number is corrected on the typed date's word.
  await fill({
    born: ["13", "03", "1982"],
    sex: "M",
    pins: [["21203198254217", "passport"], ["21303198211111", "passport"]],
  });
  await result();
  const short = await text("#r-short");
  assert.match(short, /Check first\s+№1: the PIN gives the birth date 12\.03\.1982, and you typed 13\.03\.1982/);
  assert.doesNotMatch(short, /To correct|Number to keep/);
  // A passport number with serial 00000 on the typed date (likely made up from it) beside
  // a tax number a slip off: the typed date is asked about, nothing named to correct.
  const fresh = async (pins) => {
    await page.evaluate(() => localStorage.removeItem("kgpin.citizen"));
    await page.reload();
    await page.waitForSelector("#p-continue");
    await fill({ born: ["12", "03", "1982"], sex: "M", pins });
    await result();
  };
  await fresh([["21203198200000", "passport"], ["21303198254217", "tax"]]);
  assert.match(await text("#r-short"), /Check first/);
  assert.doesNotMatch(await text("#r-short"), /To correct|Number to keep/);
  // Beside a far number (a relative's) the 00000 number is kept, and compared first.
  await fresh([["21203198200000", "passport"], ["21303199554217", "tax"]]);
  assert.match(await text("#r-compare"), /Compare first\s+Before anything below, compare number №1 digit by digit with your documents/);
  assert.match(await text("#r-short"), /Number to keep\s+№1: 2 12031982 00000/);
  assert.match(await text("#r-next"), /^Before anything below, compare number №1/);
  await page.screenshot({ path: join(OUTPUT, "several-kept-00000-desktop.png"), fullPage: true });
});

test("no request left the app's own files; the CSP refused nothing", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
});

test("a husband's number typed twice, one digit apart, is another person's: nothing to correct at Kyzmat", async () => {
  const { page } = app;
  await fill({
    born: ["15", "03", "1985"],
    pins: [["11503198534567", "passport"], ["21503198377777", "tax"], ["21503198377771", "social_fund"]],
  });
  await result();
  const roles = await page.locator(".pin-result").evaluateAll((items) => items.map((i) => i.dataset.role));
  assert.deepEqual(roles, ["keep", "other_person", "other_person"]);
  const short = await text("#r-short");
  assert.match(short, /Number to keep\s+№1: 1 15031985 34567/);
  assert.doesNotMatch(short, /To correct/);
  const next = await page.locator("#r-next li").evaluateAll((items) => items.map((i) => i.dataset.code));
  assert.ok(!next.includes("kyzmat_corrects"), next.join());
  // The two copies are still compared with their documents first.
  assert.equal(next[0], "compare_with_documents");
  await shootBothWidths("several-other-person-twice");
});

test("a wife's passport beside a man's own numbers does not make him doubt his date (a tenth reading)", async () => {
  const { page } = app;
  await fill({
    born: ["21", "10", "1962"],
    sex: "M",
    pins: [["12110196340001", "passport"], ["22110196288888", "tax"], ["22110196288888", "social_fund"]],
  });
  await result();
  const roles = await page.locator(".pin-result").evaluateAll((items) => items.map((i) => i.dataset.role));
  assert.deepEqual(roles, ["other_person", "keep", "repeated"]);
  const short = await text("#r-short");
  assert.doesNotMatch(short, /Check first|check the date you typed/);
  assert.match(short, /Number to keep\s+№2: 2 21101962 88888/);
  assert.doesNotMatch(short, /To correct/);
  await shootBothWidths("several-spouse-passport");
});

test("a son's passport beside a father's own number is a relative's if his date is right, not 'issued wrong' (a twelfth reading)", async () => {
  const { page } = app;
  await fill({
    born: ["15", "12", "1982"],
    sex: "M",
    pins: [["21512198212345", "tax"], ["21503201979711", "passport"]],
  });
  await result();
  const next = await page.locator("#r-next li").evaluateAll((items) => items.map((i) => i.dataset.code));
  assert.deepEqual(next, ["check_typed_birth_date"]);
  const words = await text("#r-next");
  assert.match(words, /If the date you typed is right: a number with the date 15\.03\.2019 on a relative's document \(a child's, a parent's\) is not yours, leave it out/);
  assert.doesNotMatch(words, /If the date you typed is right, a number with the date 15\.03\.2019 was issued wrong/);
  await shootBothWidths("several-relative-far-date");
});

test("a child's numbers beside a mother's own date are most likely another person's, and a date digit mistyped in one number asks to compare the number too (a thirteenth reading)", async () => {
  const { page } = app;
  await fill({
    born: ["03", "07", "1988"],
    sex: "F",
    pins: [["21204201500012", "birth_certificate"], ["21204201577777", "social_fund"]],
  });
  await result();
  let next = await page.locator("#r-next li").evaluateAll((items) => items.map((i) => i.dataset.code));
  assert.deepEqual(next, ["check_typed_birth_date"]);
  let words = await text("#r-next");
  assert.match(words, /a number with the date 12\.04\.2015 is most likely another person's \(a child's, a parent's\): check it with that person's date of birth instead/);
  assert.doesNotMatch(words, /a number with the date 12\.04\.2015 was issued wrong/);
  await shootBothWidths("several-far-numbers");

  // A passport number whose year digit may have been mistyped here, beside
  // a tax number on the typed date: the number is compared too.
  await page.evaluate(() => localStorage.removeItem("kgpin.citizen"));
  await page.reload();
  await page.waitForSelector("#p-continue");
  await fill({
    born: ["15", "03", "1985"],
    sex: "M",
    pins: [["21503198612345", "passport"], ["21503198555555", "tax"]],
  });
  await result();
  next = await page.locator("#r-next li").evaluateAll((items) => items.map((i) => i.dataset.code));
  assert.deepEqual(next, ["check_typed_birth_date"]);
  words = await text("#r-next");
  assert.match(words, /Compare the date of birth you typed with your passport or birth certificate, and the number with the document it came from/);
  assert.match(words, /If both are as your document has them, a number with the date 15\.03\.1986 was issued wrong/);
  await shootBothWidths("several-number-or-date-slip");
});
