// The worker's clusters come in slices of 4,096. The clerk's page asks for
// each slice once it has taken the one before (`paced`), so that a million
// rows' slices are never all in flight at once; a page from before that (a
// tab left open while the site was updated, which fetches the new worker)
// never asks, and must still get every slice. The real worker, started from
// the clerk's page in Debian's Chromium, spoken to as each page speaks.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openClerk } from "./browser.mjs";

let app;
before(async () => {
  app = await openClerk();
});
after(async () => {
  await app?.close();
});

/// Runs a practice registry in a fresh worker and returns what it sent: the
/// clusters the run has, and each slice's size and `more`, in order. With
/// `paced`, the next slice is asked for only after `wait` ms with nothing
/// more arriving (a slice sent unasked would show up in that time).
function run(page, paced) {
  return page.evaluate(
    async ({ paced }) => {
      const worker = new Worker("./kgpin-worker_loader.js");
      const slices = [];
      let total = null;
      const settle = (ms) => new Promise((done) => setTimeout(done, ms));
      const done = new Promise((resolve, reject) => {
        // A worker that stops sending (a page waiting forever) fails the test.
        setTimeout(() => reject(new Error(`stalled after ${slices.length} slices of ${total}`)), 90_000);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.onmessage = async ({ data }) => {
          if (data.type === "ready") {
            const request = { lang: "en", job: { demo: { people: 80000, seed: 7 } } };
            if (paced) request.paced = true;
            worker.postMessage(request);
          } else if (data.type === "failed") {
            reject(new Error(data.message));
          } else if (data.type === "loaded") {
            total = data.clusters_to_follow;
          } else if (data.type === "clusters") {
            slices.push({ size: data.clusters.length, more: data.more });
            const arrived = slices.reduce((n, s) => n + s.size, 0);
            if (arrived >= total) {
              await settle(300);
              resolve();
            } else if (paced && data.more) {
              const before = slices.length;
              await settle(300);
              // Nothing came unasked in the meantime.
              if (slices.length !== before) reject(new Error("a slice came before it was asked for"));
              worker.postMessage({ lang: "en", job: "moreClusters", paced: true });
            }
          }
        };
      });
      await done;
      worker.terminate();
      return { total, slices };
    },
    { paced },
  );
}

test("a page that asks gets each slice when it asks, and all of them", { timeout: 120_000 }, async () => {
  const { total, slices } = await run(app.page, true);
  assert.ok(total > 4096, `${total} clusters: more than one slice`);
  assert.equal(slices.reduce((n, s) => n + s.size, 0), total);
  assert.ok(slices.length >= 2);
  assert.deepEqual(
    slices.map((s) => s.more),
    slices.map((_, i) => i < slices.length - 1),
    "every slice but the last says more follow",
  );
  assert.ok(slices.slice(0, -1).every((s) => s.size === 4096));
  assert.deepEqual(app.problems, []);
});

test("a page from before the pacing gets every slice without asking", { timeout: 120_000 }, async () => {
  const { total, slices } = await run(app.page, false);
  assert.ok(total > 4096);
  assert.equal(slices.reduce((n, s) => n + s.size, 0), total);
  assert.ok(slices.length >= 2);
  assert.deepEqual(app.problems, []);
});
