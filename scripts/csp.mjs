// Seals a built page with a strict Content-Security-Policy <meta>.
// Trunk writes one inline module script (the WASM loader); it is allowed by its
// SHA-256 hash, so no other inline script can run. No network but the page's own origin.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node scripts/csp.mjs dist/index.html");
  process.exit(2);
}
let html = readFileSync(file, "utf8");
if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.error(`${file} already has a CSP`);
  process.exit(1);
}
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
export const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
html = html.replace(
  /<meta charset="utf-8"\s*\/?>/i,
  (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
);
if (!html.includes(policy)) {
  console.error(`${file}: no <meta charset="utf-8"> to put the CSP after`);
  process.exit(1);
}
writeFileSync(file, html);
console.error(`CSP sealed ${file} (${hashes.length} inline script hash(es))`);
