// Shortens the names a built page's WebAssembly module imports from, and
// exports to, its JavaScript glue, in both files, drops the custom sections
// no browser reads, and renews the page's integrity hashes for them.
//
// Why: wasm-bindgen names every import after its function and a 16-digit
// hash (`__wbg_instanceof_HtmlInputElement_28751c98d77a5a65`) and gives each
// import the glue's module name (`./kgpin-web_bg.js`); closures export names
// of up to 194 characters. A hash is random, so gzip cannot shrink it: on the
// citizen's page these names were about 4.5 KB of the module, some 1.5 KB
// gzipped, where issue 18 counts every byte. The glue reads them only as
// property names of one object (imports) and of the instance's exports
// (`wasm.x`), so renaming both sides together changes nothing else.
//
// Usage: node scripts/short-names.mjs dist/PAGE.html dist/NAME.js dist/NAME_bg.wasm
// Refuses (exit 1, nothing written) when a name is not found exactly where
// expected in the glue, so a new wasm-bindgen cannot be broken silently.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

const [htmlPath, jsPath, wasmPath] = process.argv.slice(2);
if (!wasmPath) {
  console.error("usage: node scripts/short-names.mjs dist/PAGE.html dist/NAME.js dist/NAME_bg.wasm");
  process.exit(2);
}
const fail = (why) => {
  console.error(`short-names: ${why}; nothing changed`);
  process.exit(1);
};

const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, "utf8");
let html = readFileSync(htmlPath, "utf8");

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}
function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}
const text = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s, "utf8")]);
function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString("utf8"), start + length];
}
// An import's description, skipped over whole (kinds: function, table, memory, global, tag).
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = readLeb(bytes, at);
  if (flags & 1) [, at] = readLeb(bytes, at);
  return at;
}
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0:
      return readLeb(bytes, at)[1];
    case 1:
      return skipLimits(bytes, at + 1);
    case 2:
      return skipLimits(bytes, at);
    case 3:
      return at + 2;
    case 4:
      return readLeb(bytes, at + 1)[1];
    default:
      fail(`unknown import kind ${kind}`);
  }
}

// Short names: a, b, ... z, aa, ab, ... (valid JavaScript identifiers).
let counter = 0;
const shortName = () => {
  let n = counter++;
  let name = "";
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `$${name}`;
};

if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not WebAssembly`);
const sections = [];
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  sections.push({ id, body: wasm.subarray(start, start + size) });
  at = start + size;
}
const importSection = sections.find((s) => s.id === 2);
const exportSection = sections.find((s) => s.id === 7);
if (!importSection || !exportSection) fail("no import or export section");

// Imports from the glue's module: each gets a short name; the module too.
const glueModule = `./${basename(jsPath).replace(/\.js$/, "_bg.js")}`;
const renamedImports = new Map();
{
  const body = importSection.body;
  let [count, at] = readLeb(body, 0);
  const parts = [leb(count)];
  for (; count > 0; count--) {
    let module, field;
    [module, at] = readName(body, at);
    [field, at] = readName(body, at);
    const end = skipImportDescription(body, at);
    if (module === glueModule) {
      if (!renamedImports.has(field)) renamedImports.set(field, shortName());
      parts.push(text("a"), text(renamedImports.get(field)));
    } else {
      parts.push(text(module), text(field));
    }
    parts.push(body.subarray(at, end));
    at = end;
  }
  importSection.body = Buffer.concat(parts);
}
// Exports: the long closure names only (the glue's own short names stay).
const renamedExports = new Map();
{
  const body = exportSection.body;
  let [count, at] = readLeb(body, 0);
  const parts = [leb(count)];
  for (; count > 0; count--) {
    let name;
    [name, at] = readName(body, at);
    const kind = body[at];
    const [, end] = readLeb(body, at + 1);
    if (name.length > 32 && /^[A-Za-z_$][\w$]*$/.test(name)) {
      renamedExports.set(name, shortName());
    }
    parts.push(text(renamedExports.get(name) ?? name), Buffer.from([kind]), body.subarray(at + 1, end));
    at = end;
  }
  exportSection.body = Buffer.concat(parts);
}
if (renamedImports.size === 0) fail(`no imports from ${glueModule}`);

// The glue: each import once, as a key of the imports object; each export
// as a property of the instance's exports; the module name once.
const escape = (s) => s.replace(/[$]/g, "\\$");
for (const [from, to] of renamedImports) {
  const key = new RegExp(`(?<![\\w$])${escape(from)}(?=\\s*:)`, "g");
  const found = js.match(key)?.length ?? 0;
  const anywhere = js.split(from).length - 1;
  if (found !== 1 || anywhere !== 1) fail(`import ${from} found ${anywhere} times, ${found} as a key, in ${jsPath}`);
  js = js.replace(key, to);
}
for (const [from, to] of renamedExports) {
  const property = new RegExp(`\\bwasm\\.${escape(from)}(?![\\w$])`, "g");
  const found = js.match(property)?.length ?? 0;
  // Elsewhere the glue may name a JavaScript function of its own so (left
  // as it is), but never read the export another way: as another object's
  // property or by a string.
  const otherwise = new RegExp(`(?<!\\bwasm)[.'"\\[]${escape(from)}(?![\\w$])`);
  if (found === 0 || otherwise.test(js)) fail(`export ${from} read otherwise than as wasm.${from} in ${jsPath}`);
  js = js.replace(property, `wasm.${to}`);
}
const moduleKey = JSON.stringify(glueModule);
if (js.split(moduleKey).length !== 2) fail(`${moduleKey} not found once in ${jsPath}`);
js = js.replace(moduleKey, '"a"');

// The toolchain's custom sections no browser reads (the compilers'
// versions, the features the code was built with): about 250 bytes, and
// 200 gzipped on the citizen's page, where issue 18 counts every byte.
const unread = new Set(["producers", "target_features"]);
const kept = sections.filter((s) => s.id !== 0 || !unread.has(readName(s.body, 0)[0]));
const out = Buffer.concat([
  wasm.subarray(0, 8),
  ...kept.flatMap((s) => [Buffer.from([s.id]), leb(s.body.length), s.body]),
]);
if (!WebAssembly.validate(out)) fail("the renamed module does not validate");

// Integrity hashes of the two files, where the page names them.
for (const [path, bytes] of [
  [jsPath, Buffer.from(js, "utf8")],
  [wasmPath, out],
]) {
  const digest = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const link = new RegExp(`(<link[^>]*href="/?${escape(basename(path)).replace(/\./g, "\\.")}"[^>]*integrity=")[^"]*(")`);
  if (link.test(html)) html = html.replace(link, `$1${digest}$2`);
  // A page that names the file with a hash this script did not find would
  // refuse it: better no build than a page that does not load.
  else if (html.includes(basename(path)) && /integrity=/.test(html)) fail(`${htmlPath} names ${basename(path)} but no integrity hash was renewed`);
}
writeFileSync(wasmPath, out);
writeFileSync(jsPath, js);
writeFileSync(htmlPath, html);
console.error(
  `short-names: ${basename(wasmPath)} ${wasm.length} -> ${out.length} bytes (${renamedImports.size} imports, ${renamedExports.size} exports renamed)`,
);
