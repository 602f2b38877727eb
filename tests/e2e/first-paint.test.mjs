// A first visit on a slow phone: the PIN check's heading, field and privacy
// line are drawn before the WebAssembly arrives, and what is typed meanwhile
// is kept when the app takes over.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openApp } from "./browser.mjs";

let app;
let releaseWasm;
before(async () => {
  app = await openApp("", { viewport: { width: 360, height: 800 }, hold: "**/kgpin-web_bg.wasm" });
  releaseWasm = app.release;
});
after(async () => {
  await app?.close();
});

test("the heading, the field and the privacy line come before the WebAssembly", async () => {
  const { page } = app;
  await page.waitForSelector("#first-paint h1");
  assert.equal(await page.locator("#pin").count(), 0, "the app has not started");
  assert.equal(await page.locator("#first-paint h1").innerText(), "ПИНди текшерүү");
  assert.match(await page.locator("#first-paint .privacy").innerText(), /түзмөктөн чыкпайт/);
  // The field is usable at once; what is typed goes on into the app's.
  await page.click("#first-pin");
  await page.keyboard.type("1 0202 1982 54217");
  releaseWasm();
  await page.waitForSelector("#pin", { timeout: 30_000 });
  assert.equal(await page.locator("#first-paint").count(), 0);
  assert.equal(await page.inputValue("#pin"), "1 0202 1982 54217");
  assert.match(await page.locator("#verdict").innerText(), /well formed|эрежелерине ылайык жазылган/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "pin");
});

test("nothing leaves the page and the CSP refuses nothing (the first paint's script is hashed)", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.problems, []);
});
