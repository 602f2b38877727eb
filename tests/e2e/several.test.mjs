// "I have several numbers": the citizen's whole flow in Debian's Chromium, in
// Kyrgyz, Russian and English, at desktop and phone widths, with the printed
// summary; nothing personal in the address, the title or storage.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { OUTPUT, fillDate, fillSeveral, openApp, focusedId, severalResult } from "./browser.mjs";

let app;
before(async () => {
  app = await openApp("#/several", { viewport: { width: 1280, height: 900 } });
  await app.page.waitForSelector("#p-continue", { timeout: 30_000 });
});
after(async () => {
  await app?.close();
});

// Numbers are kept on one line by no-break spaces: read as plain spaces.
const text = async (selector) => (await app.page.locator(selector).innerText()).replace(/\u00a0/g, " ");

// The answers of the main walk, typed again.
async function fill() {
  await fillSeveral(app.page, {
    last: "Асанова",
    first: "Айгүл",
    patronymic: "Асанбековна",
    sex: "F",
    born: ["02", "02", "1982"],
    pins: [
      ["1 0202 1982 54217", "passport"],
      ["10202198200311", "tax"],
    ],
  });
}

test("an incomplete form gets an error summary that takes focus, and keeps the input", async () => {
  const { page } = app;
  await page.click('button[data-lang="en"]');
  await page.fill("#p-last-name", "Асанова");
  await page.click("#p-continue");
  await page.waitForSelector("#error-summary");
  assert.equal(await focusedId(page, "error-summary"), "error-summary");
  assert.match(await page.title(), /^Error: /);
  const errors = await page.locator("#error-summary li").allInnerTexts();
  assert.deepEqual(errors, [
    "Enter your first name",
    "Choose your sex",
    "Enter your date of birth",
    // The only row has no Remove button: the error does not offer one.
    "Enter the PIN",
    // No document is preset by the row's place: the first number typed is not the passport's unless chosen.
    "Number 1: choose the document it is on",
    "Add your other number: this page compares two or more. To check one number, use the PIN check",
  ]);
  assert.equal(await page.getAttribute("#p-doc-0", "aria-invalid"), "true");
  assert.equal(await page.getAttribute("#p-doc-0", "aria-describedby"), "p-doc-0-error");
  assert.equal(await page.inputValue("#p-last-name"), "Асанова");
  // A link in the summary takes the focus to its field.
  await page.click('#error-summary a[href="#p-first-name"]');
  assert.equal(await focusedId(page, "p-first-name"), "p-first-name");
  await page.screenshot({ path: join(OUTPUT, "several-errors-desktop.png"), fullPage: true });
});

test("several numbers: check the answers, change one, see which to keep and which to correct", async () => {
  const { page } = app;
  await page.fill("#p-first-name", "Айгүл");
  await page.fill("#p-patronymic", "Асанбековна");
  await page.check("#p-sex-F");
  await fillDate(page, "p-birth-date", "02", "02", "1982");
  await page.fill("#p-pin-0", "1 0202 1982 54217");
  await page.selectOption("#p-doc-0", "passport");
  await page.click("#p-add");
  assert.equal(await focusedId(page, "p-pin-1"), "p-pin-1");
  await page.fill("#p-pin-1", "10202198200311");
  await page.selectOption("#p-doc-1", "tax");
  await page.click("#p-add");
  await page.fill("#p-pin-2", "10302198261530");
  await page.selectOption("#p-doc-2", "social_fund");
  await page.click("#p-add");
  await page.fill("#p-pin-3", "99");
  // Removing a number is one tap.
  await page.click(".pin-row:nth-child(4) button.remove");
  assert.equal(await page.locator(".pin-row").count(), 3);
  await page.click("#p-continue");
  await page.waitForSelector("#check-heading");
  assert.doesNotMatch(await page.title(), /Error/);
  const answers = await text(".check-answers");
  assert.match(answers, /Асанова Айгүл Асанбековна/);
  assert.match(answers, /1 02021982 54217/);
  await page.screenshot({ path: join(OUTPUT, "several-check-answers-desktop.png"), fullPage: true });
  // Change: back to the form, the answers kept.
  await page.click(".summary-row:nth-child(3) .change a");
  assert.equal(await focusedId(page, "p-birth-date-day"), "p-birth-date-day");
  assert.equal(await page.inputValue("#p-birth-date-year"), "1982");
  await page.click("#p-continue");
  await page.click("#p-see-result");
  await page.waitForSelector("#result-heading");
  // The answer first.
  const short = await text("#r-short");
  assert.match(short, /Number to keep\s+№1: 1 02021982 54217 \(Passport or ID card\)/);
  assert.match(short, /To correct\s+№2: 1 02021982 00311 \(Tax Service document\); №3: 1 03021982 61530 \(Social Fund certificate\)/);
  const roles = await page.locator(".pin-result").evaluateAll((items) => items.map((i) => i.dataset.role));
  assert.deepEqual(roles, ["keep", "duplicate", "wrong_date"]);
  const findings = await page.locator("#r-findings li").evaluateAll((items) => items.map((i) => i.dataset.code));
  assert.deepEqual(findings, ["several_pins_one_person", "keep_on_id_document", "pin_with_wrong_date"]);
  // Why №1 stays when №2 agrees with the date as well.
  assert.match(await text("#r-findings"), /Number №1 stays: it is the one in your passport or ID card/);
  assert.match(await text("#r-next"), /1–2 working days; once you have applied, you need not come in person again/);
  assert.match(await text("#r-next"), /notified of the result by post/);
  assert.match(await text("#r-date"), /^\d\d\.\d\d\.\d{4}$/);
  await page.screenshot({ path: join(OUTPUT, "several-result-desktop.png"), fullPage: true });
});

test("the printed summary: no navigation or buttons, a line to sign", async () => {
  const { page } = app;
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".page-header").isVisible(), false);
  assert.equal(await page.locator("#p-print").isVisible(), false);
  assert.equal(await page.locator(".signature").isVisible(), true);
  await page.screenshot({ path: join(OUTPUT, "several-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
});

test("in Kyrgyz and Russian, and at 360 px without sideways scrolling", async () => {
  const { page } = app;
  await page.setViewportSize({ width: 360, height: 800 });
  for (const [lang, next] of [["ky", /1–2 иш күнүндө/], ["ru", /1–2 рабочих дня/]]) {
    await page.click(`button[data-lang="${lang}"]`);
    assert.match(await text("#r-next"), next);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${lang}: ${overflow}px too wide`);
    await page.screenshot({ path: join(OUTPUT, `several-result-360-${lang}.png`), fullPage: false });
  }
  await page.click('button[data-lang="en"]');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("nothing personal in the address, the title or storage unless asked", async () => {
  const { page } = app;
  const stored = () => page.evaluate(() => JSON.stringify(localStorage));
  assert.equal(new URL(page.url()).hash, "#/several/result");
  assert.doesNotMatch(await page.title(), /Асанова|1020219/);
  assert.doesNotMatch(await stored(), /Асанова|1020219/);
  // Unkept, a reload forgets the answers: the result's address shows the empty form.
  await page.reload();
  await page.waitForSelector("#p-continue");
  assert.equal(new URL(page.url()).hash, "#/several");
  assert.equal(await page.inputValue("#p-last-name"), "");
  await fill();
  await page.click("#p-continue");
  await page.click("#p-see-result");
  await page.click("#p-keep");
  assert.match(await stored(), /Асанова/);
  // Kept answers come back on the next visit...
  await page.reload();
  await page.waitForSelector("#result-heading");
  assert.equal(await text("#r-name"), "Асанова Айгүл Асанбековна");
  // A change made after keeping is kept too: the old answers never come back.
  await page.click("#p-back");
  await page.waitForSelector("#check-heading");
  await page.click("#p-back");
  await page.waitForSelector("#p-first-name");
  await page.fill("#p-first-name", "Айгерим");
  await page.click("#p-continue");
  await page.click("#p-see-result");
  await page.waitForSelector("#result-heading");
  await page.reload();
  await page.waitForSelector("#result-heading");
  assert.equal(await text("#r-name"), "Асанова Айгерим Асанбековна");
  assert.doesNotMatch(await stored(), /Айгүл/);
  // ...until the citizen forgets them.
  await page.click("#p-forget");
  assert.doesNotMatch(await stored(), /Асанова/);
});

test("each step has its own address: Back and Forward move between steps, the answers kept", async () => {
  const { page } = app;
  // A fresh form: nothing kept on the device, and a reload clears the page's memory.
  await page.goto(app.url + "#/several");
  await page.reload();
  await page.waitForSelector("#p-continue");
  await fill();
  await page.click("#p-continue");
  await page.waitForSelector("#check-heading");
  assert.equal(new URL(page.url()).hash, "#/several/check");
  assert.equal(await focusedId(page, "check-heading"), "check-heading");
  await page.click("#p-see-result");
  await page.waitForSelector("#result-heading");
  assert.equal(new URL(page.url()).hash, "#/several/result");
  await page.goBack();
  await page.waitForSelector("#check-heading");
  await page.goBack();
  await page.waitForSelector("#p-continue");
  assert.equal(await page.inputValue("#p-pin-1"), "10202198200311");
  await page.goForward();
  await page.waitForSelector("#check-heading");
  // The Back link goes one step back too.
  await page.click("#p-back");
  await page.waitForSelector("#p-continue");
  // Leaving through the menu and coming back keeps the answers for the session.
  await page.click('nav a[href="#/about"]');
  await page.waitForSelector(".about");
  await page.click('nav a[href="#/several"]');
  await page.waitForSelector("#p-continue");
  assert.equal(await page.inputValue("#p-last-name"), "Асанова");
  await page.screenshot({ path: join(OUTPUT, "several-form-desktop.png"), fullPage: true });
});

test("the menu leads with the citizen's pages; the clerk's is in the footer", async () => {
  const { page } = app;
  const menu = await page.locator("nav.app-nav a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.deepEqual(menu, ["#/", "#/several", "#/about"]);
  assert.equal(await page.getAttribute("footer #clerk-link", "href"), "clerk.html");
});

test("the back button moves between pages, each with its own title", async () => {
  const { page } = app;
  await page.click('nav a[href="#/about"]');
  await page.waitForSelector(".about");
  assert.match(await page.title(), /^About the PIN/);
  await page.click('nav a[href="#/"]');
  await page.waitForSelector("#pin");
  assert.match(await page.title(), /^Check a PIN/);
  await page.goBack();
  await page.waitForSelector(".about");
  await page.goBack();
  await page.waitForSelector("#p-continue");
  await page.screenshot({ path: join(OUTPUT, "about-desktop.png") });
});

test("no request left the app's own files; the CSP refused nothing", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
});

test("answers kept by an earlier version come back field by field; a text of another shape is not read", async () => {
  const { page } = app;
  await page.goto(app.url + "#/several");
  // The text as the versions before stop 30 wrote it (serde): a passport's number and a tax one.
  const kept = {
    last_name: "Асанова",
    first_name: "Айгүл",
    patronymic: "Асанбековна",
    sex: "F",
    birth_date: { day: "02", month: "02", year: "1982" },
    pins: [
      { id: 0, pin: "1 0202 1982 54217", document: "passport" },
      { id: 3, pin: "10202198200311", document: "tax" },
    ],
    next_id: 4,
  };
  await page.evaluate((t) => localStorage.setItem("kgpin.citizen", t), JSON.stringify(kept));
  await page.reload();
  await page.waitForSelector("#p-continue");
  assert.equal(await page.inputValue("#p-last-name"), "Асанова");
  assert.equal(await page.inputValue("#p-first-name"), "Айгүл");
  assert.equal(await page.inputValue("#p-patronymic"), "Асанбековна");
  assert.ok(await page.isChecked("#p-sex-F"));
  assert.deepEqual(
    await Promise.all(["day", "month", "year"].map((p) => page.inputValue(`#p-birth-date-${p}`))),
    ["02", "02", "1982"],
  );
  assert.equal(await page.inputValue("#p-pin-0"), "1 0202 1982 54217");
  assert.equal(await page.inputValue("#p-doc-0"), "passport");
  assert.equal(await page.inputValue("#p-pin-3"), "10202198200311");
  assert.equal(await page.inputValue("#p-doc-3"), "tax");
  // Forgotten and kept again, the same text is written.
  await page.click("#p-continue");
  await page.click("#p-see-result");
  await page.click("#p-forget");
  assert.equal(await page.evaluate(() => localStorage.getItem("kgpin.citizen")), null);
  await page.click("#p-keep");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("kgpin.citizen")));
  assert.deepEqual(stored, kept);
  // A text of another shape (a number for a name) is not read: a fresh form.
  await page.evaluate(() => localStorage.setItem("kgpin.citizen", JSON.stringify({ last_name: 5 })));
  await page.goto(app.url + "#/several");
  await page.reload();
  await page.waitForSelector("#p-continue");
  assert.equal(await page.inputValue("#p-last-name"), "");
  assert.equal(await page.inputValue("#p-pin-0"), "");
  await page.evaluate(() => localStorage.removeItem("kgpin.citizen"));
});

// Stop 48, a fresh reading of the pages: a woman's tax number on her birth
// date with the male digit and another serial (a twin brother's looks so)
// was "your number too: a double PIN, to be corrected", with Kyzmat's
// double-PIN promise. Now the short answer sends it to be checked, after a
// comparison with the document, and promises nothing.
test("a number on her date with the other sex digit and serial is checked at the centre, not called her double PIN", async () => {
  const own = await severalResult({
    last: "Асанова",
    first: "Айгүл",
    sex: "F",
    born: ["02", "02", "1982"],
    pins: [
      ["10202198254217", "passport"],
      ["20202198254218", "tax"],
    ],
  });
  try {
    const { page } = own;
    const roles = await page.locator(".pin-result").evaluateAll((items) => items.map((i) => i.dataset.role));
    assert.deepEqual(roles, ["keep", "other_sex_digit"]);
    const short = (await page.locator("#r-short").innerText()).replace(/\u00a0/g, " ");
    assert.match(short, /Compare first/);
    assert.match(short, /Check at the centre\s+№2: 2 02021982 54218 \(Tax Service document\)/);
    assert.doesNotMatch(short, /To correct/);
    assert.doesNotMatch(await page.locator("#r-next").innerText(), /Kyzmat/);
  } finally {
    await own.close();
  }
});

// Stop 49, a fourth reading of the pages: with no passport given, a twin
// brother's number on her Social Fund paper (male digit, her date, another
// serial) was again "your number too ... only one can stay", with Kyzmat's
// promise; and a second copy of the number to correct was missing from "To
// correct".
test("without a passport the other sex digit is still checked, and a copy of the number to correct is listed with it", async () => {
  const person = { last: "Асанова", first: "Айгүл", sex: "F", born: ["03", "02", "1982"] };
  const twin = await severalResult({
    ...person,
    pins: [
      ["10302198254217", "tax"],
      ["20302198200311", "social_fund"],
    ],
  });
  try {
    const { page } = twin;
    const roles = await page.locator(".pin-result").evaluateAll((items) => items.map((i) => i.dataset.role));
    assert.deepEqual(roles, ["centre_decides", "other_sex_digit"]);
    assert.doesNotMatch(await page.locator("#r-findings").innerText(), /look like one person's/);
    assert.doesNotMatch(await page.locator("#r-next").innerText(), /Kyzmat/);
  } finally {
    await twin.close();
  }
  const copies = await severalResult({
    ...person,
    pins: [
      ["10302198254217", "passport"],
      ["10302198200311", "tax"],
      ["10302198200311", "social_fund"],
    ],
  });
  try {
    const short = (await copies.page.locator("#r-short").innerText()).replace(/\u00a0/g, " ");
    assert.match(short, /To correct\s+№2: 1 03021982 00311 \(Tax Service document\); №3: 1 03021982 00311 \(Social Fund certificate\)/);
  } finally {
    await copies.close();
  }
});
