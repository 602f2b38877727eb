// A registry larger than the worker reads at once: the worker takes the file
// a slice of 8 MB at a time and the CSV reader a piece of 16 MB, so a file
// over 16 MB crosses both kinds of cut (and most records' lines are cut by a
// slice somewhere). Every row must be read and the same clusters found as
// the CLI finds in the same file.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { kgpin, openClerk } from "./browser.mjs";

const DIR = mkdtempSync(join(tmpdir(), "kgpin-clerk-large-"));
const REGISTRY = join(DIR, "registry.csv");
const CLUSTERS = join(DIR, "clusters.csv");

let app;
before(async () => {
  kgpin("synth", "--people", "160000", "--seed", "9", "--out", REGISTRY);
  kgpin("dedupe", REGISTRY, "--clusters", CLUSTERS);
  app = await openClerk();
});
after(async () => {
  await app?.close();
});

const num = (figure) => Number(figure.replace(/\s/g, ""));

test("a file over two slices and a reader's piece loads whole, with the CLI's clusters", async () => {
  assert.ok(statSync(REGISTRY).size > 17 * 1024 * 1024, "the file crosses two slices and a piece");
  const { page } = app;
  await page.setInputFiles("#registry-file", REGISTRY);
  await page.waitForSelector("#clusters-found, #load-error", { timeout: 180_000 });
  const rows = readFileSync(REGISTRY, "utf8").trimEnd().split("\n").length - 1;
  assert.equal(num(await page.locator("#rows-read").innerText()), rows);
  const cliClusters = new Set(
    readFileSync(CLUSTERS, "utf8")
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]),
  ).size;
  assert.ok(cliClusters > 1000, `${cliClusters} clusters: a registry with duplicates to find`);
  assert.equal(num(await page.locator("#clusters-found").innerText()), cliClusters);
  // More clusters than one message holds (4,096): the worker sends each
  // slice once the page asks for the next, and every one reaches the queue.
  assert.ok(cliClusters > 2 * 4096, `${cliClusters} clusters: three slices or more`);
  const counter = await page.locator("#review-counter").innerText();
  const queued = num(counter.match(/of ([\d\s]+)$/)[1]);
  assert.ok(queued >= cliClusters, `the queue holds every cluster: ${counter}`);
  assert.deepEqual(app.problems, []);
});
