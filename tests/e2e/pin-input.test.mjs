// <kgpin-pin-input> in a plain form, in real headless Chromium under the
// example's strict CSP: the form's own validity, required, reset and submit.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { OUTPUT, ROOT, openPage } from "./browser.mjs";

let app;
before(async () => {
  app = await openPage(
    join(ROOT, "crates", "kgpin-wasm"),
    "example/pin-input.html",
    "pkg/web/pin-input.js",
    "scripts/build-package.sh",
    { viewport: { width: 360, height: 700 } },
  );
  await app.page.waitForSelector("html[data-ready='true']", { timeout: 30_000 });
  await app.page.waitForSelector("kgpin-pin-input input");
});
after(async () => {
  await app?.close();
});

const formValid = () => app.page.evaluate(() => document.getElementById("signup").checkValidity());
const element = (what) => app.page.evaluate((what) => document.querySelector("kgpin-pin-input")[what], what);

test("required and empty: the form is invalid, and the label is the element's", async () => {
  const { page } = app;
  assert.equal(await formValid(), false);
  assert.equal(await element("validationMessage"), "Enter the PIN.");
  assert.equal(await page.locator("kgpin-pin-input label").innerText(), "PIN (14 digits)");
  // The label names the field for assistive technology.
  assert.equal(await page.getByLabel("PIN (14 digits)").count(), 1);
  // Submit is refused by the browser itself: nothing is sent.
  await page.click("#send");
  assert.equal(await page.locator("#sent").innerText(), "");
});

test("a valid number: decoded, the form valid, the report as an event, submitted with the form", async () => {
  const { page } = app;
  const events = page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        document.addEventListener("kgpin-check", (e) => {
          seen.push(e.detail?.valid ?? null);
          if (e.detail?.valid) resolve(seen);
        });
      }),
  );
  const field = page.locator("kgpin-pin-input input");
  await field.pressSequentially("1 0202 1982 5421");
  // No red while typing: 13 digits, not judged yet.
  assert.equal(await page.locator(".kgpin-pin-finding").count(), 0);
  assert.equal(await field.getAttribute("aria-invalid"), "false");
  await field.pressSequentially("7");
  assert.equal((await events).at(-1), true);
  assert.equal(await page.locator(".kgpin-pin-decoded").innerText(), "female · 02.02.1982");
  assert.equal(await formValid(), true);
  await page.fill('input[name="last_name"]', "Асанова");
  await page.click("#send");
  assert.deepEqual(JSON.parse(await page.locator("#sent").innerText()), { last_name: "Асанова", pin: "10202198254217" });
  await page.screenshot({ path: join(OUTPUT, "pin-input-valid-360.png"), fullPage: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scroll at 360 px");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(OUTPUT, "pin-input-valid-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 700 });
});

test("a wrong number: the core's error is the form's, in the element's language; reset clears it", async () => {
  const { page } = app;
  const field = page.locator("kgpin-pin-input input");
  await field.fill("10202198254");
  assert.equal(await page.locator(".kgpin-pin-finding").count(), 0, "not judged before it is complete");
  await field.blur();
  assert.match(await page.locator(".kgpin-pin-finding").first().innerText(), /A PIN has 14 digits; this has 11/);
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.equal(await formValid(), false);
  assert.match(await element("validationMessage"), /A PIN has 14 digits/);
  await page.evaluate(() => document.querySelector("kgpin-pin-input").setAttribute("lang", "ru"));
  await page.waitForFunction(() => /14 цифр/.test(document.querySelector(".kgpin-pin-finding")?.textContent ?? ""));
  await page.screenshot({ path: join(OUTPUT, "pin-input-error-360.png"), fullPage: true });
  await page.click("#clear");
  assert.equal(await field.inputValue(), "");
  assert.equal(await page.locator(".kgpin-pin-finding").count(), 0);
  assert.equal(await formValid(), false, "required again");
  // A check that cannot run (here a wrong `today`) fails closed, and says why.
  await page.evaluate(() => document.querySelector("kgpin-pin-input").setAttribute("today", "yesterday"));
  await field.fill("10202198254217");
  await page.waitForFunction(() => !document.getElementById("signup").checkValidity());
  assert.match(await page.locator(".kgpin-pin-status").innerText(), /yesterday|date/i);
  await page.evaluate(() => document.querySelector("kgpin-pin-input").removeAttribute("today"));
  await page.click("#clear");
});

test("the element downloads the checks' module alone, not the registry's", async () => {
  const wasm = await app.page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name.split("/").pop())
      .filter((name) => name.endsWith(".wasm")),
  );
  assert.deepEqual(wasm, ["kgpin_core_bg.wasm"]);
});

test("nothing leaves the page and the CSP refuses nothing", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
});
