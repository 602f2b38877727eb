// A small static server for the built app, on the loopback interface only.
// Usage: node scripts/serve-dist.mjs DIST_DIR [PORT]   (PORT 0 picks a free one)
// Text and .wasm go gzipped to a browser that accepts it: a phone downloads
// the page's .wasm in about a third of the bytes (a real web server: see
// docs/deploy.md).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { extname, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

// Headers a <meta> CSP cannot set; the page's own meta CSP does the rest.
const SECURITY_HEADERS = {
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

// What compresses well; images are compressed already.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".csv", ".svg", ".webmanifest"]);

export function startServer(dir, port = 0) {
  const root = resolve(dir);
  // Every path served, in order: tests count downloads with it.
  const served = [];
  // Gzipped bodies by path, each with the file's mtime it was made from.
  const gzipped = new Map();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    const file = resolve(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const headers = {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
        Vary: "Accept-Encoding",
        ...SECURITY_HEADERS,
      };
      if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
        const { mtimeMs } = await stat(file);
        let hit = gzipped.get(file);
        if (!hit || hit.mtimeMs !== mtimeMs) {
          hit = { mtimeMs, body: gzipSync(body, { level: 9 }) };
          gzipped.set(file, hit);
        }
        body = hit.body;
        headers["Content-Encoding"] = "gzip";
      }
      served.push(path);
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(404, SECURITY_HEADERS).end("not found");
    }
  });
  return new Promise((ready) => {
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      ready({ server, url, served, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = "dist", port = "8080"] = process.argv.slice(2);
  const { url } = await startServer(dir, Number(port));
  console.log(`kgpin is served at ${url} (Ctrl+C stops it)`);
}
