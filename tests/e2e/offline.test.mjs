// Works offline once loaded: after a first visit the service worker keeps the
// app's files; with the network gone, every page opens and works, the
// clerk's worker included.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fillSeveral, openApp } from "./browser.mjs";

let app;
before(async () => {
  app = await openApp("", { viewport: { width: 1280, height: 900 } });
  await app.page.waitForSelector("#pin", { timeout: 30_000 });
  // The first visit installs the service worker, which caches the app's files.
  await app.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
});

test("a first visit downloads the page's .wasm once, and not the clerk's worker", async () => {
  assert.deepEqual(app.served.filter((path) => path.endsWith(".wasm")), ["/kgpin-web_bg.wasm"]);
});

test("a clerk who used the workstation once has its worker cached", async () => {
  const { page } = app;
  await page.click("#clerk-link");
  await page.waitForSelector("#demo");
  await page.click("#demo");
  await page.waitForSelector("#clusters-found", { timeout: 60_000 });
  const cached = await page.evaluate(async () => {
    const cache = await caches.open("kgpin-v2");
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  });
  assert.ok(cached.includes("/kgpin-worker_bg.wasm"), cached.join(" "));
  await page.click('nav a[href="./#/"]');
  await page.waitForSelector("#pin");
});
after(async () => {
  await app?.close();
});

test("the app is installable: a manifest with icons, served from the app itself", async () => {
  const manifest = await app.page.evaluate(async () => (await fetch("manifest.webmanifest")).json());
  assert.equal(manifest.display, "standalone");
  assert.deepEqual(manifest.icons.map((i) => i.sizes), ["192x192", "512x512"]);
});

test("with the network gone, every page opens again and works", async () => {
  const { page, context } = app;
  // The browser offline, and the server gone too: nothing can come from the network.
  await context.setOffline(true);
  await app.stopServer();
  try {
    await page.reload();
    await page.waitForSelector("#pin", { timeout: 30_000 });
    await page.click('button[data-lang="en"]');
    await page.fill("#pin", "10202198254217");
    assert.equal(await page.locator("#verdict").innerText(), "The PIN is well formed");

    await page.click('nav a[href="#/several"]');
    await page.waitForSelector("#p-continue");
    await fillSeveral(page, {
      last: "Асанова",
      first: "Айгүл",
      sex: "F",
      born: ["02", "02", "1982"],
      pins: [
        ["10202198254217", "passport"],
        ["10202198200311", "tax"],
      ],
    });
    await page.click("#p-continue");
    await page.click("#p-see-result");
    await page.waitForSelector("#result-heading");

    await page.click('nav a[href="#/about"]');
    await page.waitForSelector(".about");

    // The clerk's worker and its .wasm come from the cache too.
    await page.click("#clerk-link");
    await page.waitForSelector("#demo");
    await page.click("#demo");
    await page.waitForSelector("#clusters-found", { timeout: 60_000 });
    assert.ok(Number((await page.locator("#clusters-found").innerText()).replace(/\s/g, "")) > 0);
  } finally {
    await context.setOffline(false);
  }
});

test("no request left the app's own files; the CSP refused nothing", () => {
  assert.deepEqual(app.foreignRequests, []);
  // Offline, the browser logs failed network fetches before the cache answers them.
  assert.deepEqual(
    app.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to fetch/.test(p)),
    [],
  );
});
