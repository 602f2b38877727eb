// Shared set-up of the end-to-end tests: Debian's Chromium (never a downloaded
// browser), driven by playwright-core, against the built app served on loopback.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve-dist.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const OUTPUT = join(ROOT, "tests", "e2e", "output");

// Serves `dir` on loopback and opens `path` in Debian's Chromium.
export async function openPage(dir, path, builtFile, buildHint) {
  if (!existsSync(join(dir, builtFile))) {
    throw new Error(`${builtFile} is not built: run ${buildHint} (scripts/test.sh does)`);
  }
  mkdirSync(OUTPUT, { recursive: true });
  const site = await startServer(dir, 0);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 420, height: 860 } });
  // Privacy and CSP watchdogs: every request stays on the page's origin, and
  // nothing is refused by the CSP or thrown by the app.
  const foreignRequests = [];
  const problems = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(site.url) && !r.url().startsWith("data:")) foreignRequests.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(site.url + path);
  return {
    page,
    url: site.url,
    foreignRequests,
    problems,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

// The Yew app, built into dist/.
export function openApp() {
  return openPage(join(ROOT, "dist"), "", "index.html", "scripts/build-web.sh");
}
