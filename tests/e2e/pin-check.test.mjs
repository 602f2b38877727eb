// The citizen's PIN self-check, in real headless Chromium.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { OUTPUT, openApp } from "./browser.mjs";

let app;
before(async () => {
  app = await openApp();
  await app.page.waitForSelector("#pin", { timeout: 30_000 });
});
after(async () => {
  await app?.close();
});

const text = (selector) => app.page.locator(selector).innerText();

test("a valid PIN is decoded as it is typed", async () => {
  const { page } = app;
  await page.click('button[data-lang="en"]');
  await page.locator("#pin").pressSequentially("1 0202 1982 54217");
  assert.equal(await text("#verdict"), "The PIN is valid");
  assert.equal(await text("#decoded-sex"), "female");
  assert.equal(await text("#decoded-birth-date"), "02.02.1982");
  assert.equal(await text("#decoded-serial"), "54217");
  assert.equal(await page.locator(".findings li").count(), 0);
});

test("an invalid PIN names the position and the look-alike digit", async () => {
  const { page } = app;
  await page.fill("#pin", "1O202198254217");
  assert.equal(await text("#verdict"), "The PIN is not valid");
  const finding = page.locator('li[data-code="invalid_character"]');
  assert.match(await finding.innerText(), /Position 2: “O” is not a digit .*digit 0/);
  assert.equal(await page.locator("#decoded-sex").count(), 0);
});

test("stated sex and birth date show the mismatch warnings, in the chosen language", async () => {
  const { page } = app;
  await page.fill("#pin", "10304198254217");
  await page.selectOption("#stated-sex", "M");
  await page.fill("#stated-birth-date", "1982-03-04");
  await page.locator("#stated-birth-date").dispatchEvent("change");
  await page.click('button[data-lang="ru"]');
  assert.equal(await text("#verdict"), "ПИН корректен, но проверьте");
  assert.match(await text('li[data-code="sex_mismatch"]'), /не меняется при смене пола/);
  assert.match(await text('li[data-code="birth_date_mismatch"]'), /переставлены/);
  assert.equal(await page.getAttribute("html", "lang"), "ru");
  await page.click('button[data-lang="ky"]');
  assert.equal(await text("#verdict"), "ПИН туура, бирок текшерип көрүңүз");
  const shot = join(OUTPUT, "pin-check.png");
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);
});

test("nothing leaves the page and the CSP refuses nothing", async () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
  const csp = await app.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});
