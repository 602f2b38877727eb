// axe-core (WCAG 2.1 A and AA rules, and best practices) on every screen of the app, in each
// state a person meets. axe is injected, which the app's CSP rightly refuses,
// so this one browser context bypasses the CSP; the other tests keep it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { axeViolations, openApp } from "./browser.mjs";

let app;
before(async () => {
  app = await openApp("", { bypassCSP: true, viewport: { width: 1280, height: 900 } });
  await app.page.waitForSelector("#pin", { timeout: 30_000 });
});
after(async () => {
  await app?.close();
});

async function check(name) {
  // A fresh copy of axe each time: the page may have re-rendered.
  assert.deepEqual(await axeViolations(app.page), [], name);
}

test("the PIN check, empty, valid and invalid", async () => {
  const { page } = app;
  await check("empty");
  await page.fill("#pin", "10202198254217");
  await check("valid");
  await page.fill("#pin", "1O2021982542");
  await check("invalid");
});

test("several numbers: the form, its errors, the answers, the result; and the about page", async () => {
  const { page } = app;
  await page.click('nav a[href="#/several"]');
  await page.waitForSelector("#p-continue");
  await check("several, empty form");
  await page.click("#p-continue");
  await page.waitForSelector("#error-summary");
  await check("several, error summary");
  await page.fill("#p-last-name", "Асанова");
  await page.fill("#p-first-name", "Айгүл");
  await page.check("#p-sex-F");
  await page.fill("#p-birth-date", "1982-02-02");
  await page.fill("#p-pin-0", "10202198254217");
  await page.click("#p-add");
  await page.fill("#p-pin-1", "10202198200311");
  await page.click("#p-continue");
  await page.waitForSelector("#check-heading");
  await check("several, check your answers");
  await page.click("#p-see-result");
  await page.waitForSelector("#result-heading");
  await check("several, result");
  await page.click('nav a[href="#/about"]');
  await page.waitForSelector(".about");
  await check("about");
});

test("the clerk workstation: empty, loaded and reviewing, pre-check, bad file", async () => {
  const { page } = app;
  await page.click('a[href="#/clerk"]');
  await page.waitForSelector("#registry-file");
  await check("clerk, nothing loaded");
  await page.click("#demo");
  await page.waitForSelector("#clusters-found", { timeout: 60_000 });
  await check("clerk, demo loaded");
  await page.focus(".review");
  await page.keyboard.press("s");
  await page.check("#hide-scores");
  await check("clerk, blind review");
  await page.fill("#q-last-name", "Асанов");
  await page.fill("#q-first-name", "Нурлан");
  await page.click("#q-search");
  await page.waitForSelector("#q-result");
  await check("clerk, pre-check results");
  for (const lang of ["ky", "ru"]) {
    await page.click(`button[data-lang="${lang}"]`);
    await check(`clerk in ${lang}`);
  }
});

test("the checker itself catches a planted violation", async () => {
  const { page } = app;
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "data:,";
    img.id = "planted";
    document.body.append(img);
  });
  const violations = await axeViolations(page);
  await page.evaluate(() => document.getElementById("planted").remove());
  assert.ok(violations.some((v) => v.startsWith("image-alt")), violations.join("\n"));
});
