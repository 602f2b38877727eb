// The citizen's PIN self-check, in real headless Chromium.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { OUTPUT, fillDate, openApp } from "./browser.mjs";

let app;
before(async () => {
  app = await openApp();
  await app.page.waitForSelector("#pin", { timeout: 30_000 });
});
after(async () => {
  await app?.close();
});

const text = (selector) => app.page.locator(selector).innerText();

test("a PIN is checked once complete, not in red from the first digit, and says only that it is well formed", async () => {
  const { page } = app;
  await page.click('button[data-lang="en"]');
  const pin = page.locator("#pin");
  await pin.pressSequentially("1 0202 1982 5421");
  // 13 digits typed: no verdict yet, nothing announced, the field not marked.
  assert.equal(await page.locator("#verdict").count(), 0);
  assert.equal(await text("#pin-status"), "");
  assert.equal(await pin.getAttribute("aria-invalid"), null);
  await pin.pressSequentially("7");
  assert.equal(await text("#verdict"), "The PIN is well formed");
  assert.equal(await text("#pin-status"), "The PIN is well formed");
  assert.equal(await text("#decoded-sex"), "female");
  assert.equal(await text("#decoded-birth-date"), "02.02.1982");
  assert.equal(await text("#decoded-serial"), "54217");
  assert.equal(await page.locator(".findings li").count(), 0);
  assert.match(await text("#well-formed-note"), /cannot be told from here/);
  assert.equal(await page.getAttribute("#to-several", "href"), "#/several");
  // Changing the number takes the old verdict away until it is complete again.
  await pin.press("Backspace");
  assert.equal(await page.locator("#verdict").count(), 0);
  await pin.pressSequentially("7");
});

test("a number pasted with invisible direction and zero-width marks reads as the number", async () => {
  const { page } = app;
  await page.click('button[data-lang="en"]');
  // Copied from a right-to-left document or a chat: marks no one can see.
  await page.fill("#pin", "\u200f1 02021982\u200b 54217\u200e");
  await page.locator("#pin").blur();
  assert.equal(await text("#verdict"), "The PIN is well formed");
  assert.equal(await text("#decoded-serial"), "54217");
  await page.fill("#pin", "");
});

// Stop 49, a fourth reading of the pages: "ПИН: 1020…" pasted with its
// label was "not valid", and "PIN 1020…" was told its "I" looks like a 1.
// Stop 56: a note after it, "1020… (паспорт)", was "not valid" too.
test("a number pasted with a label before it or a note after it reads as the number", async () => {
  const { page } = app;
  await page.click('button[data-lang="en"]');
  for (const pasted of ["ПИН: 10202198254217", "PIN 10202198254217", "10202198254217 (паспорт)"]) {
    await page.fill("#pin", pasted);
    await page.locator("#pin").blur();
    assert.equal(await text("#verdict"), "The PIN is well formed", pasted);
    assert.equal(await text("#decoded-serial"), "54217");
  }
  await page.fill("#pin", "");
});

test("an incomplete or wrong PIN is checked on leaving the field or on Check, and the error is tied to it", async () => {
  const { page } = app;
  await page.fill("#pin", "1020219825421");
  assert.equal(await page.locator("#verdict").count(), 0);
  await page.click("#pin-check-button");
  assert.equal(await text("#verdict"), "The PIN is not valid");
  assert.equal(await page.getAttribute("#pin", "aria-invalid"), "true");
  assert.equal(await page.getAttribute("#pin", "aria-describedby"), "report");
  assert.match(await text('li[data-code="invalid_length"]'), /14 digits; this has 13/);
  await page.fill("#pin", "1O202198254217");
  await page.locator("#pin").blur();
  assert.equal(await text("#verdict"), "The PIN is not valid");
  const finding = page.locator('li[data-code="invalid_character"]');
  assert.match(await finding.innerText(), /Position 2: “O” is not a digit .*digit 0/);
  assert.equal(await page.locator("#decoded-sex").count(), 0);
  assert.equal(await page.locator("#well-formed-note").count(), 0);
  // "Check" on an empty field says a PIN is wanted (it used to do nothing).
  await page.fill("#pin", "");
  assert.equal(await page.locator("#verdict").count(), 0);
  await page.click("#pin-check-button");
  assert.equal(await text("#verdict"), "The PIN is not valid");
  assert.match(await text('li[data-code="empty"]'), /No PIN was entered/);
});

test("stated sex and birth date (day, month, year) show the mismatch warnings, in the chosen language", async () => {
  const { page } = app;
  await page.fill("#pin", "10304198254217");
  await page.selectOption("#stated-sex", "M");
  await fillDate(page, "stated-birth-date", "04", "03", "1982");
  assert.match(await text('li[data-code="sex_mismatch"]'), /Otherwise compare its first digit with your document: if it is the same and you have not changed your gender, ask a Public Service Centre to check the number\.$/);
  await page.click('button[data-lang="ru"]');
  assert.equal(await text("#verdict"), "Номер записан по правилам ПИН, но проверьте");
  assert.match(await text('li[data-code="sex_mismatch"]'), /не меняется при смене пола/);
  assert.match(await text('li[data-code="birth_date_mismatch"]'), /переставлены/);
  assert.equal(await page.getAttribute("html", "lang"), "ru");
  await page.click('button[data-lang="ky"]');
  assert.equal(await text("#verdict"), "Номер ПИНдин эрежелерине ылайык жазылган, бирок текшерип көрүңүз");
  const shot = join(OUTPUT, "pin-check.png");
  await page.screenshot({ path: shot, fullPage: true });
  // A date that is not one is said on the date, not taken as the person's.
  await fillDate(page, "stated-birth-date", "31", "02", "1982");
  await page.click('button[data-lang="en"]');
  assert.match(await text("#stated-birth-date-error"), /must be a real date/);
  assert.equal(await page.locator('li[data-code="birth_date_mismatch"]').count(), 0);
  // ...and the verdict does not pass for an agreement: the date was not compared.
  assert.match(await text("#date-not-compared"), /^The PIN was not compared with your date of birth/);
  // ...and a screen reader hears it with the verdict.
  assert.match(await text("#pin-status"), /\. The PIN was not compared with your date of birth/);
  await fillDate(page, "stated-birth-date", "04", "03", "1982");
  assert.equal(await page.locator("#date-not-compared").count(), 0);
  await fillDate(page, "stated-birth-date", "31", "02", "1982");
  await page.setViewportSize({ width: 360, height: 800 });
  // The number as the page's own example writes it shows whole in the field,
  // in every language (in English the short "Check" stayed beside the field
  // and hid the last digit).
  const typed = await page.inputValue("#pin");
  await page.fill("#pin", "1 02021982 54217");
  for (const lang of ["ky", "ru", "en"]) {
    await page.click(`button[data-lang="${lang}"]`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${lang}: ${overflow}px too wide`);
    const hidden = await page.evaluate(() => {
      const field = document.getElementById("pin");
      return field.scrollWidth - field.clientWidth;
    });
    assert.ok(hidden <= 0, `${lang}: ${hidden}px of the PIN hidden in its field`);
    await page.screenshot({ path: join(OUTPUT, `pin-check-360-${lang}.png`), fullPage: true });
  }
  await page.fill("#pin", typed);
});

// Stop 48, a fresh reading of the page: once the PIN was checked, the first
// digit of the day typed showed "must be a real date" in red and changed
// what a screen reader heard at every keystroke. A date being typed is not
// an error: it is judged once its year has four digits.
test("the date is not said to be wrong while it is being typed", async () => {
  const { page } = app;
  await page.click('button[data-lang="en"]');
  await page.fill("#pin", "10202198254217");
  await fillDate(page, "stated-birth-date", "", "", "");
  await page.locator("#stated-birth-date-day").pressSequentially("0");
  assert.equal(await page.locator("#stated-birth-date-error").count(), 0);
  assert.equal(await page.locator("#date-not-compared").count(), 0);
  assert.doesNotMatch(await text("#pin-status"), /not compared/);
  await page.locator("#stated-birth-date-day").pressSequentially("2");
  await page.locator("#stated-birth-date-month").pressSequentially("02");
  await page.locator("#stated-birth-date-year").pressSequentially("198");
  assert.equal(await page.locator("#stated-birth-date-error").count(), 0);
  // Four digits: judged (02.02.1982 agrees; 31.02.1982 is said at once).
  await page.locator("#stated-birth-date-year").pressSequentially("2");
  assert.equal(await page.locator('li[data-code="birth_date_mismatch"]').count(), 0);
  await fillDate(page, "stated-birth-date", "31", "02", "1982");
  assert.match(await text("#stated-birth-date-error"), /must be a real date/);
  // A two-digit year is not a year being typed: said at once, not ignored.
  await fillDate(page, "stated-birth-date", "02", "02", "82");
  assert.match(await text("#stated-birth-date-error"), /four-digit year/);
  assert.match(await text("#pin-status"), /not compared/);
  await fillDate(page, "stated-birth-date", "", "", "");
});

test("nothing leaves the page and the CSP refuses nothing", async () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
  const csp = await app.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});
