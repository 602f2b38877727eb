// The package installed as integrators install it: `npm pack`, the tarball
// installed into a fresh project, built with Vite, webpack and esbuild (the
// dev dependencies of tests/bundlers/, from the package registry), and each
// built page loaded in Debian's Chromium under a strict CSP: checkPin,
// Registry and <kgpin-pin-input> work. And a plain <script type=module> page.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { OUTPUT, ROOT, openPage } from "./browser.mjs";

const TOOLS = join(ROOT, "tests", "bundlers", "node_modules", ".bin");
const PACKAGE = join(ROOT, "crates", "kgpin-wasm", "pkg");
let project;

before(() => {
  for (const tool of ["vite", "webpack", "esbuild"]) {
    if (!existsSync(join(TOOLS, tool))) throw new Error(`${tool} is not installed: run npm ci --prefix tests/bundlers (scripts/setup.sh does)`);
  }
  if (!existsSync(join(PACKAGE, "package.json"))) throw new Error("the package is not built: run scripts/build-package.sh");
  project = mkdtempSync(join(tmpdir(), "kgpin-integrator-"));
  cpSync(join(ROOT, "tests", "bundlers", "app"), project, { recursive: true });
  const run = (command, args) => execFileSync(command, args, { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
  run("npm", ["pack", "--silent", "--pack-destination", project, PACKAGE]);
  const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"));
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", join(project, tarball)]);
  run(join(TOOLS, "vite"), ["build"]);
  run(join(TOOLS, "webpack"), ["--config", "webpack.config.cjs"]);
  copyFileSync(join(project, "index.html"), join(project, "dist-webpack", "index.html"));
  // esbuild leaves `new URL("kgpin_core_bg.wasm", import.meta.url)` alone: the
  // two .wasm files are copied next to the bundle, as the package's README says.
  run(join(TOOLS, "esbuild"), ["main.js", "--bundle", "--format=esm", "--target=esnext", "--outfile=dist-esbuild/main.js", "--log-level=warning"]);
  copyFileSync(join(project, "index.html"), join(project, "dist-esbuild", "index.html"));
  for (const wasm of ["kgpin_core_bg.wasm", "kgpin_registry_bg.wasm"]) {
    copyFileSync(join(project, "node_modules", "kgpin", "web", wasm), join(project, "dist-esbuild", wasm));
  }
});

for (const [name, dir, page] of [
  ["Vite", "dist-vite", "index.html"],
  ["webpack", "dist-webpack", "index.html"],
  ["esbuild", "dist-esbuild", "index.html"],
  ["a plain <script type=module>", ".", "plain.html"],
]) {
  test(`${name}: checkPin, Registry and <kgpin-pin-input> work in the built page`, async () => {
    const app = await openPage(join(project, dir), page, page, "the before() of this test");
    try {
      await app.page.waitForSelector("html[data-ready='true']", { timeout: 30_000 });
      assert.deepEqual(JSON.parse(await app.page.locator("#result").innerText()), {
        valid: true,
        birthDate: "1982-02-02",
        clusters: [["a", "b"]],
      });
      const valid = () => app.page.evaluate(() => document.getElementById("form").checkValidity());
      assert.equal(await valid(), false, "required and empty");
      await app.page.locator("kgpin-pin-input input").fill("10202198254217");
      await app.page.waitForSelector(".kgpin-pin-decoded");
      assert.equal(await app.page.locator(".kgpin-pin-decoded").innerText(), "female · 02.02.1982");
      assert.equal(await valid(), true);
      await app.page.screenshot({ path: join(OUTPUT, `bundler-${dir.replace(/\W/g, "") || "plain"}.png`) });
      assert.deepEqual(app.foreignRequests, []);
      assert.deepEqual(app.problems, []);
    } finally {
      await app.close();
    }
  });
}
