// The integrator's example: a plain HTML form using the kgpin package, in real headless Chromium.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { OUTPUT, ROOT, openPage } from "./browser.mjs";

let app;
before(async () => {
  app = await openPage(
    join(ROOT, "crates", "kgpin-wasm"),
    "example/",
    "pkg/web/kgpin_core_bg.wasm",
    "scripts/build-package.sh",
  );
  await app.page.waitForSelector("html[data-ready='true']", { timeout: 30_000 });
});
after(async () => {
  await app?.close();
});

// The .wasm files the page has fetched, by name.
const wasmFetched = () =>
  app.page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name.split("/").pop())
      .filter((name) => name.endsWith(".wasm")),
  );

test("a form that imports the checks downloads their module alone, not the registry's", async () => {
  assert.deepEqual(await wasmFetched(), ["kgpin_core_bg.wasm"]);
});

test("the PIN field is checked as the user types", async () => {
  const { page } = app;
  await page.selectOption("#lang", "en");
  await page.locator("#pin").pressSequentially("10202198254217");
  assert.match(await page.locator(".decoded").innerText(), /10202198254217 — F · 1982-02-02 · 54217/);
  assert.equal(await page.locator("#submit").isDisabled(), false);
  await page.fill("#pin", "2.02021E+13");
  assert.equal(await page.locator("#submit").isDisabled(), true);
  assert.match(
    await page.locator('[data-code="spreadsheet_number"]').innerText(),
    /spreadsheet turned the PIN into the number/,
  );
});

test("the form's sex and birth date are cross-checked", async () => {
  const { page } = app;
  await page.selectOption("#lang", "ru");
  await page.selectOption("#sex", "M");
  await page.fill("#birth-date", "1982-02-20");
  await page.fill("#pin", "10202198254217");
  assert.match(await page.locator('[data-code="sex_mismatch"]').innerText(), /не меняется при смене пола/);
  assert.match(await page.locator('[data-code="birth_date_mismatch"]').innerText(), /20\.02\.1982/);
  await page.screenshot({ path: join(OUTPUT, "example-form.png"), fullPage: true });
  console.log(`screenshot: ${join(OUTPUT, "example-form.png")}`);
});

test("the registry's module not loaded: Registry says so with a code; init's old one-place form still loads", async () => {
  const outcome = await app.page.evaluate(async () => {
    // The page loaded the checks alone ("kgpin/check"); "kgpin" is imported here first.
    const kgpin = await import("../pkg/web/kgpin.js");
    await kgpin.default({ registry: false });
    let before;
    try {
      kgpin.Registry.fromCsv("record_id,pin,last_name,first_name\nr1,10202198254217,A,B\n");
      before = "no error";
    } catch (error) {
      before = `${error instanceof Error} ${error.code}`;
    }
    // Before the split, init took the one module's place: now the checks'.
    await kgpin.default(new URL("../pkg/web/kgpin_core_bg.wasm", location.href));
    const after = kgpin.Registry.fromCsv("record_id,pin,last_name,first_name\nr1,10202198254217,A,B\n").size;
    return { before, after, valid: kgpin.checkPin("10202198254217").valid };
  });
  assert.deepEqual(outcome, { before: "true registry_not_loaded", after: 1, valid: true });
});

test("wrong arguments are errors with a code in the browser too, never raw WebAssembly errors", async () => {
  const outcomes = await app.page.evaluate(async () => {
    const kgpin = await import("../pkg/web/kgpin.js");
    await kgpin.default();
    const attempt = (call) => {
      try {
        call();
        return "no error";
      } catch (error) {
        return `${error instanceof Error} ${error.code} ${/memory|unreachable/i.test(error.message)}`;
      }
    };
    const registry = kgpin.Registry.fromCsv("record_id,pin,last_name,first_name\nr1,10202198254217,A,B\n");
    // init() was called (all modules), so Registry works; checked before the split's guard below.
    return {
      inputs: [123, Number.NaN, {}, null].map((input) => attempt(() => kgpin.checkPin(input))),
      options: [{ lang: 5 }, { today: new Date() }].map((options) => attempt(() => kgpin.checkPin("10202198254217", options))),
      threshold: attempt(() => registry.dedupe({ threshold: Number.NaN })),
    };
  });
  assert.deepEqual(outcomes, {
    inputs: Array(4).fill("true invalid_input false"),
    options: Array(2).fill("true invalid_options false"),
    threshold: "true invalid_options false",
  });
});

test("nothing leaves the page and the CSP refuses nothing", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
});
