// The clerk workstation under load, in Debian's Chromium: a registry file
// chosen through the file input, read and deduplicated in the worker.
// Prints, per file: the worker's time from job to report, the time until
// the page shows it, the page's longest frame gap during the run, the tab's
// peak memory (the renderer process, which holds the page and its worker)
// and the worker's WebAssembly memory,
// and the time of one pre-check query (first builds the index, then warm);
// then the native CLI on one thread on the same file and machine
// (target/release/kgpin, RAYON_NUM_THREADS=1; the median of three runs), and the worker's time over it
// (issue 18 asks for at most 1.5x).
// Usage: node scripts/bench-clerk.mjs FILE.csv [FILE.csv ...]
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { openApp } from "../tests/e2e/browser.mjs";

/// Resident memory (MB) of the Chromium renderer processes, the largest one.
function rendererMegabytes() {
  const out = execFileSync("ps", ["-eo", "rss=,args="], { encoding: "utf8" });
  const sizes = out
    .split("\n")
    .filter((l) => l.includes("--type=renderer"))
    .map((l) => Number(l.trim().split(/\s+/)[0]) / 1024);
  return Math.max(0, ...sizes);
}

/// Seconds the native CLI takes on one thread, as its summary says; null without the binary.
function nativeOneThreadRun(file) {
  const kgpin = new URL("../target/release/kgpin", import.meta.url).pathname;
  const run = spawnSync(kgpin, ["dedupe", file], {
    env: { ...process.env, RAYON_NUM_THREADS: "1" },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const time = (run.stderr ?? "").match(/time\s+([\d.]+)(ms|s)/);
  if (!time) return null;
  return Number(time[1]) / (time[2] === "ms" ? 1000 : 1);
}

/// `{ median, runs }`: the seconds of three runs and their median (null
/// without the binary). On a shared machine one run (right after the
/// browser let go of its memory) took 3.3-3.9 s where the others took 2.1-2.5 s.
function nativeOneThreadSeconds(file) {
  const runs = [0, 1, 2].map(() => nativeOneThreadRun(file));
  if (runs.includes(null)) return null;
  runs.sort((a, b) => a - b);
  return { median: runs[1], runs };
}

for (const file of process.argv.slice(2)) {
  const app = await openApp("#/clerk", { viewport: { width: 1280, height: 900 } });
  const { page } = app;
  await page.waitForSelector("#registry-file");
  await page.click('button[data-lang="en"]');
  // The longest gap between two animation frames while the worker runs.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    const tick = (now) => {
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  let peak = rendererMegabytes();
  const sampler = setInterval(() => {
    peak = Math.max(peak, rendererMegabytes());
  }, 100);
  const started = Date.now();
  await page.setInputFiles("#registry-file", file);
  await page.waitForSelector("#clusters-found, #load-error", { timeout: 600_000 });
  const shown = (Date.now() - started) / 1000;
  // Let the first frames after the report land count too.
  await page.waitForTimeout(500);
  const gap = await page.evaluate(() => {
    window.__stop = true;
    return window.__gap;
  });
  clearInterval(sampler);
  // The worker's WebAssembly memory: its high-water mark (it never shrinks),
  // the same on every run of one build and file, unlike the tab's resident
  // memory. Read through the worker's no-modules glue (`wasm_bindgen`).
  const workerMemory = await Promise.all(
    page.workers().map((w) =>
      w.evaluate(async () => (await wasm_bindgen()).memory.buffer.byteLength / 1048576).catch(() => null),
    ),
  );
  const workerSeconds = await page.locator("#time-taken").innerText();
  const stages = await page.locator(".stage-times").innerText();
  const records = await page.locator("#rows-read").innerText();
  const clusters = await page.locator("#clusters-found").innerText();
  // People from the file's first data rows (record_id,pin,last,first,...): each
  // query waits for its own record among the candidates.
  // Read from the file's head only: a file over 512 MB is more than one
  // JavaScript string can hold.
  const head = Buffer.alloc(1 << 16);
  const fd = openSync(file, "r");
  const headBytes = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const rows = head.subarray(0, headBytes).toString("utf8").split("\n", 4).slice(1).map((l) => l.split(","));
  const query = async (row) => {
    await page.fill("#q-last-name", row[2]);
    await page.fill("#q-first-name", row[3]);
    await page.fill("#q-pins", row[1]);
    await page.click("#q-search");
    await page.waitForFunction(
      (id) => (document.querySelector("#q-result")?.innerText ?? "").includes(id),
      row[0],
      { timeout: 120_000 },
    );
    return Number((await page.locator("#q-result p").first().innerText()).match(/(\d+) ms/)[1]);
  };
  // Review latency: a decision by key until the counter shows it.
  await page.focus(".review");
  const decisions = 10;
  const reviewStart = Date.now();
  for (let i = 1; i <= decisions; i++) {
    await page.keyboard.press("u");
    await page.waitForFunction((n) => document.querySelector("#review-counter").innerText.startsWith(`Reviewed ${n} `), i);
  }
  const perDecision = (Date.now() - reviewStart) / decisions;
  const firstQuery = await query(rows[0]);
  const warmQuery = await query(rows[1]);
  const size = (statSync(file).size / 1e6).toFixed(1);
  console.log(
    `${file} (${size} MB, ${records} rows, ${clusters} clusters): worker ${workerSeconds}, ` +
      `(${stages}), shown after ${shown.toFixed(2)} s, longest frame gap ${gap.toFixed(0)} ms, ` +
      `tab peak ${peak.toFixed(0)} MB, the worker's memory ${workerMemory.filter((m) => m !== null).map((m) => `${m.toFixed(0)} MB`).join(", ") || "unread"}; a decision shows in ${perDecision.toFixed(0)} ms; pre-check ${firstQuery} ms (first, builds the index), ${warmQuery} ms (warm)`,
  );
  await app.close();
  const native = nativeOneThreadSeconds(file);
  const worker = Number(workerSeconds.match(/[\d.]+/)?.[0]);
  console.log(
    native === null
      ? `${file}: no native figure (build it: cargo build --release -p kgpin-cli)`
      : `${file}: native CLI on one thread ${native.median.toFixed(2)} s (median of ${native.runs.map((r) => r.toFixed(2)).join(", ")}); the worker takes ${(worker / native.median).toFixed(2)}x that`,
  );
}
