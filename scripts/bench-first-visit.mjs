// A citizen's first visit on a slow phone, timed in Debian's Chromium: Slow 4G
// (Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s
// up) and a CPU 4x slower. Prints, as the median of RUNS fresh visits (no
// cache, no service worker), when the first text is painted, when the PIN
// field can be typed into, and when the app has taken over.
// Usage: node scripts/bench-first-visit.mjs [DIST_DIR] [RUNS]   (default: dist, 5)
import { chromium } from "playwright-core";
import { startServer } from "./serve-dist.mjs";

const [dir = "dist", runs = "5"] = process.argv.slice(2);
const site = await startServer(dir, 0);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const figures = { firstText: [], fieldUsable: [], appReady: [], bytes: [] };
for (let i = 0; i < Number(runs); i++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  const start = Date.now();
  await page.goto(site.url, { waitUntil: "commit" });
  // A field is usable once it is in the page: the first paint's, or the app's.
  await page.waitForSelector("#first-pin, #pin", { timeout: 120_000 });
  figures.fieldUsable.push(Date.now() - start);
  await page.waitForSelector("#pin", { timeout: 120_000 });
  figures.appReady.push(Date.now() - start);
  const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  figures.firstText.push(Math.round(fcp));
  figures.bytes.push(bytes);
  await context.close();
}
await browser.close();
await site.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`first visit of ${dir} on Slow 4G with a 4x slower CPU, median of ${runs}:`);
console.log(`  first text painted  ${median(figures.firstText)} ms`);
console.log(`  PIN field usable    ${median(figures.fieldUsable)} ms`);
console.log(`  app took over       ${median(figures.appReady)} ms`);
console.log(`  bytes downloaded    ${median(figures.bytes)}`);
