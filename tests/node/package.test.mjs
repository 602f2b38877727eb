// The Node build of the package (CommonJS), as a server-side integrator would load it.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..");
const require = createRequire(import.meta.url);
const kgpin = require(join(ROOT, "crates", "kgpin-wasm", "pkg", "node", "kgpin.js"));

test("checkPin gives the report of kgpin check --json", () => {
  const report = kgpin.checkPin("10202198254217", { today: "2026-11-25" });
  assert.deepEqual(report, {
    input: "10202198254217",
    valid: true,
    pin: "10202198254217",
    sex: "F",
    birthDate: "1982-02-02",
    serial: "54217",
    errors: [],
    warnings: [],
  });
  const bad = kgpin.checkPin("01801201210323", { today: "2026-11-25", lang: "ky" });
  assert.equal(bad.errors[0].code, "legal_entity_inn");
  assert.match(bad.errors[0].message, /уюмдун ИНН/);
  // The full report, field for field and null for null, as the CLI writes it:
  // a look-alike letter, a wrong length, a warning, a legal entity's INN; then
  // the fast paths (valid as typed, valid with spaces, 14 digits that fail:
  // an organisation's INN, an unknown sex digit, a birth date after today,
  // 14 characters a number parser would take).
  const inputs = ["1O202198254217", "1020219825", "10202198200000", "01801201210323",
    "10202198254217", "1 0202 1982 54217", "00202198254217", "30202198254217", "21512202612345", "0x1234567890ab"];
  // The CLI exits 1 when a PIN is invalid: its report is on standard output all the same.
  const cli = spawnSync(
    "cargo",
    ["run", "--quiet", "--locked", "-p", "kgpin-cli", "--", "check", "--json", "--today", "2026-11-25", "--lang", "ru", ...inputs],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
  const fromCli = cli.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.deepStrictEqual(inputs.map((input) => kgpin.checkPin(input, { today: "2026-11-25", lang: "ru" })), fromCli);
  assert.ok(fromCli.some((r) => r.pin === null) && fromCli.some((r) => r.warnings.length > 0), "nulls and warnings met");
});

test("Node's import of the CommonJS build sees every export by name", async () => {
  const all = await import(join(ROOT, "crates", "kgpin-wasm", "pkg", "node", "kgpin.js"));
  const checks = await import(join(ROOT, "crates", "kgpin-wasm", "pkg", "node", "check.js"));
  for (const name of ["checkPin", "checkPersonPins", "Registry"]) assert.equal(typeof all[name], "function", name);
  for (const name of ["checkPin", "checkPersonPins"]) assert.equal(typeof checks[name], "function", name);
  assert.equal(all.checkPin, checks.checkPin, "one copy of checkPin");
});

test("kgpin/check: the checks alone, the same answers, no registry module loaded", () => {
  const checks = require(join(ROOT, "crates", "kgpin-wasm", "pkg", "node", "check.js"));
  assert.deepEqual(Object.keys(checks).sort(), ["checkPersonPins", "checkPin"]);
  for (const input of ["10202198254217", "1O202198254217", "2.02021E+13"]) {
    assert.deepEqual(checks.checkPin(input, { today: "2026-12-04" }), kgpin.checkPin(input, { today: "2026-12-04" }));
  }
  const person = { sex: "F", birthDate: "1982-02-02", pins: [{ pin: "10202198254217", document: "passport" }, { pin: "10202198254218", document: "tax" }] };
  assert.deepEqual(checks.checkPersonPins(person, { today: "2026-12-04" }), kgpin.checkPersonPins(person, { today: "2026-12-04" }));
});

test("checkPin answers each call with its own options (the fast path keeps the last ones read)", () => {
  const pin = "10202198254217"; // a woman born 1982-02-02
  const warnings = (options) => kgpin.checkPin(pin, options).warnings.map((w) => w.code);
  const errors = (options) => kgpin.checkPin(pin, options).errors.map((e) => e.code);
  assert.deepEqual(warnings({ sex: "M" }), ["sex_mismatch"]);
  assert.deepEqual(warnings(), []);
  assert.deepEqual(warnings({ sex: "F", birthDate: "1982-02-02" }), []);
  assert.deepEqual(warnings({ sex: "F", birthDate: "1982-02-20" }), ["birth_date_mismatch"]);
  assert.deepEqual(errors({ today: "1982-02-01" }), ["birth_date_in_future"]);
  assert.deepEqual(errors({ today: "1982-02-02" }), []);
  assert.deepEqual(errors({ today: "1982-02-01" }), ["birth_date_in_future"]);
  // Blank means absent, as in the full report: the clock's date, long after 1982.
  assert.deepEqual(errors({ today: " " }), []);
  assert.throws(() => kgpin.checkPin(pin, { lang: "xx" }), (e) => e.code === "invalid_lang");
  assert.throws(() => kgpin.checkPin(pin, { lang: "xx" }), (e) => e.code === "invalid_lang", "twice");
  assert.equal(kgpin.checkPin(pin, { lang: "ky" }).valid, true);
  assert.deepEqual(kgpin.checkPin(pin, { today: "2026-11-25", lang: "ru" }), kgpin.checkPin(pin));
  // Bad options between two calls with the same good ones.
  assert.deepEqual(warnings({ sex: "M" }), ["sex_mismatch"]);
  assert.throws(() => kgpin.checkPin(pin, { sex: "M", lang: "xx" }), (e) => e.code === "invalid_lang");
  assert.deepEqual(warnings({ sex: "M" }), ["sex_mismatch"]);
  // null, "" and undefined all mean "not given".
  for (const absent of [null, "", undefined, null]) assert.deepEqual(warnings({ sex: absent }), []);
});

test("checkPin keeps a clock reading for a second, and never answers from it where a day changes the answer", async () => {
  // Let a reading kept by an earlier test run out (it is dropped after a second).
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const realNow = Date.now;
  const noon = (iso) => new Date(`${iso}T12:00:00`).getTime();
  try {
    Date.now = () => noon("2026-12-04");
    assert.equal(kgpin.checkPin("10202198254217").valid, true); // keeps 2026-12-04's reading
    Date.now = () => noon("2026-12-05"); // a day on, the reading still kept
    // 120 on the kept day, 121 today: the kept reading alone would say nothing.
    assert.deepEqual(kgpin.checkPin("10512190500001").warnings.map((w) => w.code), ["age_over_120"]);
    // Born today, after the kept day: valid.
    assert.deepEqual(kgpin.checkPin("10512202600001").errors, []);
    // Born tomorrow: in the future.
    assert.deepEqual(kgpin.checkPin("10612202600001").errors.map((e) => e.code), ["birth_date_in_future"]);
    // Days on (a sleeping laptop's timers wait): still read again near the age's end.
    Date.now = () => noon("2026-12-07");
    assert.deepEqual(kgpin.checkPin("10712190500001").warnings.map((w) => w.code), ["age_over_120"]);
    // Far from either edge the kept reading answers, the same as a fresh one.
    assert.equal(kgpin.checkPin("21503198700412").birthDate, "1987-03-15");
  } finally {
    Date.now = realNow;
  }
});

test("people and options of the wrong shape are coded errors that name the field", () => {
  const code = (f) => {
    try {
      f();
    } catch (error) {
      assert.ok(error instanceof Error);
      return `${error.code}: ${error.message}`;
    }
    return "no error";
  };
  const person = (extra) => ({ lastName: "Асанова", firstName: "Айгүл", pins: [{ pin: "10202198254217", document: "tax" }], ...extra });
  const check = (p, o) => code(() => kgpin.checkPersonPins(p, o ?? { today: "2026-11-25" }));
  assert.match(check(null), /^invalid_person: /);
  assert.match(check("Асанова"), /^invalid_person: the person must be an object/);
  assert.match(check({ lastName: "Асанова" }), /^invalid_person: pins is required/);
  assert.match(check(person({ pins: "10202198254217" })), /^invalid_person: pins must be an array/);
  assert.match(check(person({ pins: [{ pin: 10202198254217, document: "tax" }] })), /^invalid_person: pins\[0\]\.pin must be a string/);
  // A sparse array of 2^32 - 1 holes is a few bytes of input: refused by its length, unread.
  const sparse = [];
  sparse.length = 2 ** 32 - 1;
  assert.match(check(person({ pins: sparse })), /^invalid_person: pins: at most 100 items/);
  assert.match(check(person({ pins: [undefined] })), /^invalid_person: pins\[0\] is missing/);
  // A getter that throws is the field's coded error, not an escaped exception.
  const throwing = person({});
  Object.defineProperty(throwing, "lastName", { get() { throw new Error("no"); } });
  assert.match(check(throwing), /^invalid_person: lastName cannot be read/);
  assert.match(check(person({ pins: [{ pin: "10202198254217", document: "diary" }] })), /^invalid_person: pins\[0\]\.document: unknown document "diary"/);
  assert.match(check(person({ pins: [{ pin: "10202198254217" }] })), /^invalid_person: pins\[0\]\.document is required/);
  assert.match(check(person({ lastName: 7 })), /^invalid_person: lastName must be a string/);
  assert.match(check(person({ sex: "X" })), /^invalid_person: sex: /);
  assert.match(check(person({ birthDate: "1990-02-30" })), /^invalid_person: birthDate: /);
  // A date of birth after today is refused, not taken to make every number "another person's".
  assert.match(check(person({ birthDate: "2026-11-26" })), /^invalid_person: birthDate: 2026-11-26 is after today \(2026-11-25\)/);
  assert.equal(check(person({ birthDate: "2026-11-25" })), "no error");
  assert.match(check(person({}), { lang: 5 }), /^invalid_options: lang must be a string/);
  assert.match(check(person({}), { lang: "xx" }), /^invalid_lang: /);
  assert.match(check(person({}), 5), /^invalid_options: options must be an object/);
  // Absent, null and blank optional fields are "not given"; extra ones are ignored.
  assert.equal(check(person({ patronymic: null, sex: "", birthDate: undefined, note: () => 1 })), "no error");

  const registry = kgpin.Registry.fromCsv("record_id,pin,last_name,first_name\nr1,10202198254217,A,B\nr2,10202198254218,A,B\n");
  const find = (p, o) => code(() => registry.candidates(p, o));
  assert.match(find({ firstName: 5 }), /^invalid_person: firstName must be a string/);
  assert.match(find({ pins: ["10202198254217", 5] }), /^invalid_person: pins\[1\] must be a string/);
  assert.match(find({ lastName: "A" }, { limit: -1 }), /^invalid_options: limit must be a whole number/);
  assert.match(find({ lastName: "A" }, { limit: 1.5 }), /^invalid_options: limit must be a whole number/);
  assert.match(find({ lastName: "A" }, { limit: "2" }), /^invalid_options: limit must be a finite number/);
  assert.equal(registry.candidates({ lastName: "A", firstName: "B", pins: ["10202198254217"] }, { limit: 1 }).length, 1);
  assert.equal(registry.candidates({ lastName: "A", firstName: "B", pins: ["10202198254217"] }).length, 2);
  registry.free();
  assert.match(code(() => kgpin.Registry.fromCsv("record_id,last_name\nr1,A\n", { lang: 5 })), /^invalid_options: lang must be a string/);
  assert.match(code(() => kgpin.Registry.fromCsv("record_id,last_name\nr1,A\n", { lang: "xx" })), /^invalid_lang: /);
});

test("two copies of the package's page half over one module each get their own options", () => {
  // A page that bundles kgpin.js twice (or loads it under two URLs) over one
  // kgpin_core.js: the module holds the options one copy set last.
  const dir = join(ROOT, "crates", "kgpin-wasm", "pkg", "node");
  const copy = join(mkdtempSync(join(tmpdir(), "kgpin-")), "check.js");
  // Its module required from where it is.
  const source = readFileSync(join(dir, "check.js"), "utf8");
  writeFileSync(copy, source.replace(/require\("\.\/(kgpin_\w+\.js)"\)/g, (_, file) => `require(${JSON.stringify(join(dir, file))})`));
  try {
    const second = require(copy);
    assert.notEqual(second.checkPin, kgpin.checkPin, "a second copy");
    const pin = "10202198254217"; // a woman's
    const warnings = (k, options) => k.checkPin(pin, options).warnings.map((w) => w.code);
    assert.deepEqual(warnings(kgpin, { sex: "M" }), ["sex_mismatch"]);
    assert.deepEqual(warnings(second, {}), []);
    assert.deepEqual(warnings(kgpin, { sex: "M" }), ["sex_mismatch"]);
    assert.deepEqual(warnings(second, {}), []);
  } finally {
    unlinkSync(copy);
  }
});

test("errors are Error objects with a code", () => {
  // A valid PIN takes the fast path: its bad options throw all the same.
  for (const [options, code] of [[{ lang: "xx" }, "invalid_lang"], [{ today: "2026-02-30" }, "invalid_date"], [{ sex: "X" }, "invalid_sex"]]) {
    assert.throws(
      () => kgpin.checkPin("10202198254217", options),
      (error) => error instanceof Error && error.code === code,
      JSON.stringify(options),
    );
  }
  assert.throws(
    () => kgpin.checkPin("1", { today: "yesterday" }),
    (error) => error instanceof Error && error.code === "invalid_date",
  );
  assert.throws(
    () => kgpin.Registry.fromCsv("a,b\n1,2\n"),
    (error) => error instanceof Error && error.code === "missing_column",
  );
});

test("wrong arguments are KgpinErrors with a code, never raw WebAssembly errors", () => {
  const coded = (code) => (error) => error instanceof Error && error.code === code && !/memory|unreachable/i.test(error.message);
  for (const input of [123, Number.NaN, {}, null, undefined, 10202198254217n]) {
    assert.throws(() => kgpin.checkPin(input), coded("invalid_input"), String(input));
  }
  for (const options of [{ lang: 5 }, { today: new Date() }, { sex: true }, { birthDate: {} }]) {
    assert.throws(() => kgpin.checkPin("10202198254217", options), coded("invalid_options"), JSON.stringify(options));
  }
  assert.throws(() => kgpin.checkPin("10202198254217", 5), coded("invalid_options"));
  const registry = kgpin.Registry.fromCsv("record_id,pin,last_name,first_name\nr1,10202198254217,A,B\n");
  for (const threshold of [Number.NaN, Number.POSITIVE_INFINITY, "17"]) {
    assert.throws(() => registry.dedupe({ threshold }), coded("invalid_options"), String(threshold));
    assert.throws(() => registry.dedupe({ reviewThreshold: threshold }), coded("invalid_options"), String(threshold));
  }
  assert.equal(registry.dedupe({ threshold: 17 }).summary.rowsRead, 1);
  registry.free();
  // A megabyte pasted into a form: one quick answer, the limit said.
  const huge = kgpin.checkPin("1".repeat(1_000_000));
  assert.equal(huge.errors.length, 1);
  assert.match(huge.errors.at(-1).message, /Only the first 64 characters were checked/);
});

test("issue 17's hostile registry: every line accounted for at its line, the same from bytes and from text", () => {
  // tests/fixtures/README.md: a lone CR, a byte that is not UTF-8, a quote open across lines.
  const bytes = readFileSync(join(ROOT, "tests", "fixtures", "hostile-registry.csv"));
  const text = bytes.toString("utf8"); // as a browser's string: the bad byte is U+FFFD
  const reports = [bytes, text].map((input) => {
    const registry = kgpin.Registry.fromCsv(input, { lang: "en" });
    const report = registry.dedupe({ threshold: 17 });
    registry.free();
    return report;
  });
  for (const report of reports) {
    assert.equal(report.summary.encoding, "utf8");
    assert.equal(report.summary.records, 5);
    assert.deepEqual(
      report.diagnostics.map((d) => [d.line, d.code]),
      [[4, "invalid_pin"], [5, "invalid_utf8"], [6, "unbalanced_quote"]],
    );
    assert.equal(report.diagnostics[2].linesSpanned, 2);
    // The report's fields are named as its TypeScript type says (was pins_on_many_records).
    assert.deepEqual(Object.keys(report).sort(), ["clusters", "diagnostics", "pairs", "pinsOnManyRecords", "summary"]);
    assert.match(report.diagnostics[2].message, /the next 2 lines/);
  }
  const [fromBytes, fromText] = reports.map(({ summary: { timings, ...rest }, ...report }) => ({ ...report, summary: rest }));
  assert.deepEqual(fromText, fromBytes);
});

test("files that are not CSV text are named; a stray NUL is read; invisible marks in a PIN are dropped", () => {
  const coded = (code, pattern) => (error) => error instanceof Error && error.code === code && pattern.test(error.message);
  assert.throws(() => kgpin.Registry.fromCsv(Buffer.from("%PDF-1.7\n%\xe2\xe3 1 0 obj", "latin1")), coded("unsupported_format", /PDF/));
  const utf16 = Buffer.from("record_id,pin,last_name\nr1,10202198254217,Асанова\n", "utf16le");
  assert.throws(() => kgpin.Registry.fromCsv(utf16), coded("unsupported_format", /UTF-16/));
  const registry = kgpin.Registry.fromCsv(Buffer.from("record_id,pin,last_name,first_name\nr1,10202198254217,A\0,B\nr2,10202198254218,C,D\n"));
  assert.equal(registry.size, 2);
  registry.free();
  // A right-to-left mark and a zero-width space copied with a number, as spaces are.
  const report = kgpin.checkPin("\u200f1 02021982\u200b 54217", { today: "2026-12-02" });
  assert.equal(report.valid, true, JSON.stringify(report.errors));
  assert.equal(report.pin, "10202198254217");
});

test("a Windows-1251 file from Excel reads and dedupes", () => {
  const bytes = readFileSync(join(ROOT, "crates", "kgpin", "tests", "corpus", "windows1251.csv"));
  const registry = kgpin.Registry.fromCsv(bytes, { lang: "ru" });
  assert.equal(registry.size, 2);
  assert.deepEqual(registry.diagnostics, []);
  const report = registry.dedupe({ threshold: 17 });
  assert.deepEqual([report.clusters, report.pairs, report.diagnostics], [[], [], []]);
  assert.equal(report.summary.encoding, "windows1251");
  assert.equal(report.summary.rowsRead, 2);
  registry.free();
});

test("dedupe explains its pairs", () => {
  const csv = [
    "record_id,pin,last_name,first_name,patronymic,birth_date,sex",
    "a,10503198500123,Жумагулова,Айгүл,Асанбековна,1985-03-05,F",
    "b,10503198500456,Zhumagulova,Aigul,Asanbek kyzy,1985-03-05,F",
    "c,10503198500457,Жумагулова,Нургүл,Асанбековна,1985-03-05,F",
  ].join("\n");
  const registry = kgpin.Registry.fromCsv(csv);
  const progress = [];
  const { clusters, pairs } = registry.dedupe({ onProgress: (done, total) => progress.push([done, total]) });
  const pair = pairs.find((p) => p.recordIdA === "a" && p.recordIdB === "b");
  assert.deepEqual(clusters, [
    { clusterId: "a", kind: "same_person_multiple_pins", recordIds: ["a", "b"], weakestLink: pair.score },
  ]);
  assert.ok(pair.score >= 17);
  assert.ok(pair.reasons.some((r) => r.code === "patronymic_equal" && r.weight > 0 && r.message.length > 0));
  assert.deepEqual(progress.at(-1), [progress.at(-1)[1], progress.at(-1)[1]]);
  registry.free();
});

test("kgpin dedupe --json and Registry.dedupe() give the same report for the same file", () => {
  const dir = mkdtempSync(join(tmpdir(), "kgpin-report-"));
  const file = join(dir, "registry.csv");
  const kgpinCli = (...args) =>
    execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "kgpin-cli", "--", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 1 << 28,
      stdio: ["ignore", "pipe", "ignore"],
    });
  // The country profile: twins with names one letter apart, girls, villages.
  kgpinCli("synth", "--people", "3000", "--seed", "11", "--profile", "country", "--out", file);
  const fromCli = JSON.parse(kgpinCli("dedupe", file, "--json", "--lang", "ru"));
  const registry = kgpin.Registry.fromCsv(readFileSync(file), { lang: "ru" });
  const fromPackage = registry.dedupe();
  registry.free();
  // Timings are the one part that differs between two runs.
  for (const report of [fromCli, fromPackage]) {
    assert.deepEqual(report.summary.timings.map((t) => t.stage), ["read", "block", "compare", "cluster"].slice(report === fromCli ? 0 : 1));
    report.summary.timings = [];
  }
  assert.ok(fromCli.clusters.length > 50, "the file has duplicates");
  assert.ok(fromCli.pairs.some((p) => p.kind === "pin_shared_by_different_people"));
  assert.ok(fromCli.pairs.some((p) => p.kind === "possible_same_person" && p.settle.code.startsWith("ask_")));
  assert.deepEqual(fromPackage, fromCli);
});

test("the review band: possible matches with what settles them, never in a cluster, its threshold settable", () => {
  // A second PIN issued from a mistyped year, stored with it: each record's
  // PIN confirms its own date, so only the birth certificate can tell.
  const csv = [
    "record_id,pin,last_name,first_name,patronymic,birth_date,sex",
    "a,21606197800603,Касымканов,Бакыт,Максат уулу,1978-06-16,M",
    "b,21806197800266,Касымканов,Бакыт,Максатович,1978-06-18,M",
  ].join("\n");
  const registry = kgpin.Registry.fromCsv(csv, { lang: "en" });
  const report = registry.dedupe();
  assert.deepEqual(report.clusters, []);
  assert.equal(report.pairs.length, 1);
  const [pair] = report.pairs;
  assert.equal(pair.kind, "possible_same_person");
  assert.deepEqual(pair.settle, {
    code: "ask_birth_certificate",
    message: "Ask for the birth certificate: it shows which date is right",
  });
  assert.equal(report.summary.reviewThreshold, report.summary.threshold - 3.5);
  assert.equal(report.summary.pairs.possible_same_person, 1);
  assert.equal(registry.dedupe({ threshold: 20, reviewThreshold: 19 }).summary.reviewThreshold, 19);
  registry.free();
});

test("checkPersonPins: which number to keep, which to correct, what to do next", () => {
  const report = kgpin.checkPersonPins(
    {
      lastName: "Асанова",
      firstName: "Айгүл",
      sex: "F",
      birthDate: "1982-02-02",
      pins: [
        { pin: "10202198200311", document: "tax" },
        { pin: "1 02021982 54217", document: "passport" },
        { pin: "10302198254217", document: "social_fund" },
        { pin: "10202198200311", document: "other" },
      ],
    },
    { today: "2026-11-25", lang: "en" },
  );
  assert.deepEqual(report.pins.map((p) => p.role), ["duplicate", "keep", "wrong_date", "repeated"]);
  assert.equal(report.pins[1].check.pin, "10202198254217");
  // №2 and №3 are one digit apart: most often one number copied wrong, so compared with the documents first.
  // The double PIN on the tax and "other" papers is not "the same number on several documents, as it should be".
  assert.deepEqual(report.findings.map((f) => f.code), ["several_pins_one_person", "keep_on_id_document", "pin_with_wrong_date", "pins_one_slip_apart"]);
  assert.deepEqual(report.findings[0].pins, [1, 2]);
  assert.equal(report.findings[1].pin, 2);
  assert.deepEqual(report.findings[3].pins, [2, 3]);
  assert.deepEqual(report.nextSteps[0], {
    code: "compare_with_documents",
    pins: [2, 3],
    message: "Before anything below, compare numbers №2, №3 digit by digit with your documents: a slip made here is corrected here; the steps below are for a document that carries it so.",
  });
  assert.equal(report.needsCorrection, true);
  assert.match(report.nextSteps.map((s) => s.message).join(" "), /1–2 working days/);
  // The holder's fields reach the check: a stated sex the PIN contradicts is a warning.
  const asMan = kgpin.checkPersonPins(
    { lastName: "Асанов", firstName: "Айбек", patronymic: "Бекович", sex: "M", birthDate: "1982-02-02", pins: [{ pin: "10202198254217", document: "passport" }] },
    { today: "2026-11-25" },
  );
  assert.deepEqual(asMan.pins[0].check.warnings.map((w) => w.code), ["sex_mismatch"]);
  assert.throws(
    () => kgpin.checkPersonPins({ pins: [{ pin: "1", document: "diary" }] }),
    (error) => error.code === "invalid_person",
  );
});
