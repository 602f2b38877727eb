// Browser half of scripts/bench.sh: the kgpin package in Debian's Chromium.
// Usage: node scripts/bench-wasm.mjs SYNTH.csv NATIVE_SECONDS
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, openPage } from "../tests/e2e/browser.mjs";

const [file, nativeSeconds] = process.argv.slice(2);
const csv = readFileSync(file, "utf8");
const app = await openPage(join(ROOT, "crates", "kgpin-wasm"), "example/", "pkg/web/kgpin_core_bg.wasm", "scripts/build-package.sh");
await app.page.waitForSelector("html[data-ready='true']");
const figures = await app.page.evaluate(async (text) => {
  const kgpin = await import("/pkg/web/kgpin.js");
  await kgpin.default();
  // Valid PINs (what a filled-in form holds), and a mix with invalid ones (what typing produces).
  const valid = ["10202198254217", "20101199000111", "10304198254217", "21503198700412", "12912200800670"];
  const mixed = ["10202198254217", "1O202198254217", "20101199000111", "2.02021E+13", "1020219825"];
  const rate = (inputs, options) => {
    for (let i = 0; i < 20000; i++) kgpin.checkPin(inputs[i % 5], options); // warm up
    const calls = 500000;
    const t = performance.now();
    for (let i = 0; i < calls; i++) kgpin.checkPin(inputs[i % 5], options);
    return calls / ((performance.now() - t) / 1000);
  };
  const callsPerSecond = rate(valid, undefined);
  const callsPerSecondWithOptions = rate(valid, { today: "2026-11-25", lang: "ru" });
  const callsPerSecondMixed = rate(mixed, undefined);
  let t;
  t = performance.now();
  const registry = kgpin.Registry.fromCsv(text);
  const loadSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const result = registry.dedupe();
  const dedupeSeconds = (performance.now() - t) / 1000;
  const records = registry.size;
  registry.free();
  // The engine's stages inside `dedupe` (the report says them); the rest of
  // its time is the report built and handed over as JavaScript objects.
  const stages = (result.summary.timings ?? []).map((t) => [t.stage, t.millis / 1000]);
  return { callsPerSecond, callsPerSecondWithOptions, callsPerSecondMixed, loadSeconds, dedupeSeconds, stages, records, clusters: result.clusters.length };
}, csv);
await app.close();
const total = figures.loadSeconds + figures.dedupeSeconds;
const rate = (n) => Math.round(n).toLocaleString("en");
console.log(`checkPin, valid PINs: ${rate(figures.callsPerSecond)} calls/s (with today and lang options: ${rate(figures.callsPerSecondWithOptions)})`);
console.log(`checkPin, mix with invalid inputs (full reports with messages): ${rate(figures.callsPerSecondMixed)} calls/s`);
console.log(
  `Registry.fromCsv + dedupe, ${figures.records} records: ${total.toFixed(2)} s ` +
    `(fromCsv ${figures.loadSeconds.toFixed(2)} s, dedupe ${figures.dedupeSeconds.toFixed(2)} s, ${figures.clusters} clusters)`,
);
const engine = figures.stages.reduce((sum, [, seconds]) => sum + seconds, 0);
console.log(
  `dedupe by stage: ${figures.stages.map(([stage, seconds]) => `${stage} ${seconds.toFixed(2)} s`).join(", ")}; ` +
    `the report built and handed to JavaScript ${(figures.dedupeSeconds - engine).toFixed(2)} s`,
);
if (nativeSeconds) {
  console.log(`native CLI on the same file: ${Number(nativeSeconds).toFixed(2)} s (one thread); WASM/native = ${(total / nativeSeconds).toFixed(2)}x`);
}
