// Shared set-up of the end-to-end tests: Debian's Chromium (never a downloaded
// browser), driven by playwright-core, against the built app served on loopback.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve-dist.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const OUTPUT = join(ROOT, "tests", "e2e", "output");

// Serves `dir` on loopback and opens `path` in Debian's Chromium.
// `options`: `viewport`, and `bypassCSP` (only for injecting axe-core, which
// the app's own CSP rightly refuses).
export async function openPage(dir, path, builtFile, buildHint, options = {}) {
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
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 420, height: 860 },
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
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
  // `hold`: a URL pattern whose responses wait until `release()` (a slow network, exactly).
  let release = () => {};
  if (options.hold) {
    const held = new Promise((resolve) => (release = resolve));
    await page.route(options.hold, async (route) => {
      await held;
      await route.continue();
    });
  }
  await page.goto(site.url + path, { waitUntil: options.hold ? "commit" : "load" });
  return {
    page,
    context,
    url: site.url,
    // Takes the server away for good: what the page still does, it does from its cache.
    async stopServer() {
      site.server.closeAllConnections();
      await site.close();
      site.stopped = true;
    },
    foreignRequests,
    problems,
    release,
    // The paths the server sent, in order (what was really downloaded).
    served: site.served,
    async close() {
      await browser.close();
      if (!site.stopped) await site.close();
    },
  };
}

// The Yew app, built into dist/.
export function openApp(path = "", options = {}) {
  return openPage(join(ROOT, "dist"), path, "index.html", "scripts/build-web.sh", options);
}

// Runs axe-core on the page as it is: the WCAG 2.1 A/AA rules and axe's best
// practices (heading order, landmarks); returns the violations.
export async function axeViolations(page) {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

// Types a date into a day / month / year field group whose ids start with `id`.
export async function fillDate(page, id, day, month, year) {
  await page.fill(`#${id}-day`, day);
  await page.fill(`#${id}-month`, month);
  await page.fill(`#${id}-year`, year);
}

// The several-numbers form filled as a person would: names, sex, birth date
// (day, month, year) and each number with its document, a row added for
// each after the first. `patronymic` is left empty when not given.
export async function fillSeveral(page, { last, first, patronymic, sex, born, pins }) {
  await page.fill("#p-last-name", last);
  await page.fill("#p-first-name", first);
  if (patronymic !== undefined) await page.fill("#p-patronymic", patronymic);
  await page.check(`#p-sex-${sex}`);
  await fillDate(page, "p-birth-date", ...born);
  for (const [i, [pin, document]] of pins.entries()) {
    if (i > 0) await page.click("#p-add");
    await page.fill(`#p-pin-${i}`, pin);
    await page.selectOption(`#p-doc-${i}`, document);
  }
}

// A phone-sized several-numbers page in English, filled from empty with
// `answers` (as fillSeveral takes them) and taken to its result: the app,
// to be closed by the caller.
export async function severalResult(answers) {
  const app = await openApp("#/several", { viewport: { width: 360, height: 800 } });
  const { page } = app;
  await page.waitForSelector("#p-continue", { timeout: 30_000 });
  await page.click('button[data-lang="en"]');
  await fillSeveral(page, answers);
  await page.click("#p-continue");
  await page.click("#p-see-result");
  await page.waitForSelector("#result-heading");
  return app;
}

// The id of the focused element, once it is `expected` (or after 5 s, what it
// is then): the app moves the focus after the route has changed and the page
// has drawn, a task or two after the click that asked for it.
export async function focusedId(page, expected) {
  await page
    .waitForFunction((id) => document.activeElement?.id === id, expected, { timeout: 5_000 })
    .catch(() => {});
  return page.evaluate(() => document.activeElement?.id ?? "");
}

// The kgpin CLI (built by cargo if need be), its standard output as text:
// what the engine finds, for a page to be held to.
export const kgpin = (...args) =>
  execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "kgpin-cli", "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    stdio: ["ignore", "pipe", "ignore"],
  });

/// A registry file of `rows` under the registry's header, in a fresh
/// temporary folder named after `name`; its path.
export function writeRegistry(name, rows) {
  const file = join(mkdtempSync(join(tmpdir(), `kgpin-${name}-`)), `${name}.csv`);
  const header = "record_id,pin,last_name,first_name,patronymic,birth_date,sex,source";
  writeFileSync(file, [header, ...rows].join("\n") + "\n");
  return file;
}

// The clerk's page in English at 1280 px, its file input ready.
export async function openClerk(options = {}) {
  const app = await openApp("#/clerk", { viewport: { width: 1280, height: 900 }, ...options });
  await app.page.waitForSelector("#registry-file", { timeout: 30_000 });
  await app.page.click('button[data-lang="en"]');
  return app;
}

// Runs `use` with a clerk's page of its own (openClerk), closed afterwards
// whatever happens; what `use` returns.
export async function withClerk(use, options = {}) {
  const app = await openClerk(options);
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

// Gives the clerk's page `file` and waits for the first card of the review;
// that card's text.
export async function loadRegistry(page, file) {
  await page.setInputFiles("#registry-file", file);
  await page.waitForSelector('article.cluster[aria-busy="false"]', { timeout: 60_000 });
  return page.locator("article.cluster").innerText();
}

/** After a decision, the next card's text once its records have come from
 * the worker (the counter moves first, the table fills a moment later). */
export async function nextCard(page, reviewed) {
  await page.waitForFunction(
    (n) => document.querySelector("#review-counter").innerText.startsWith(`Reviewed ${n} `),
    reviewed,
  );
  await page.waitForSelector('article.cluster[aria-busy="false"]');
  return page.locator("article.cluster").innerText();
}
