// checkPin: the report of `kgpin check --json` for one input.
// Thin translation only: every rule runs in Rust. A valid PIN with nothing to
// warn about comes back packed in one number (see check_pin_packed in
// src/check.rs) and is unpacked here; anything else asks for the full report.

// Zero-padded numbers by table: String(n).padStart per field cost more than the check.
const twoDigits = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, "0"));
const fiveDigits = (n) => String(100000 + n).slice(1);

// The number an input of exactly 14 ASCII digits spells, else -1: a number
// crosses into WASM far cheaper than a string (checkPinDigits in src/check.rs).
function digitsValue(input) {
  if (input.length !== 14) return -1;
  let value = 0;
  for (let i = 0; i < 14; i++) {
    const digit = input.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// A wrong argument is a KgpinError with its code, never a raw WebAssembly error.
function invalid(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

// The options the fast path last read (setCheckOptions in src/check.rs) and
// its answer: 0 bad, else their token (odd: `today` given, so no clock read).
// Read again only when one changes, as a string crossing into WASM costs
// about as much as the check itself.
let lastOptions = null;
let lastOptionsRead = 0;
function fastOptions(today, sex, birthDate, lang) {
  const last = lastOptions;
  if (last === null || last[0] !== today || last[1] !== sex || last[2] !== birthDate || last[3] !== lang) {
    lastOptionsRead = setCheckOptions(today, sex, birthDate, lang);
    lastOptions = [today, sex, birthDate, lang];
  }
  return lastOptionsRead;
}

// Date.now(), kept for a second: a read cost a third of a fast call. A kept
// reading is passed as not fresh, and the module answers from it only where a
// day more or less changes nothing (-3 asks for a fresh one: near_the_clock in
// src/check.rs). 0: none kept.
let keptClock = 0;
function readClock() {
  const now = Date.now();
  if (keptClock === 0 && typeof setTimeout === "function") {
    keptClock = now;
    const timer = setTimeout(() => {
      keptClock = 0;
    }, 1000);
    // Node: a kept reading must not keep the process alive.
    if (typeof timer === "object" && typeof timer.unref === "function") timer.unref();
  }
  return now;
}

// The fast call for an input (as its digits' number when it has 14 digits) at
// a clock reading, fresh or kept.
const fastCall = (input, digits, token, now, fresh) =>
  digits >= 0 ? checkPinDigits(digits, token, now, fresh) : checkPinPacked(input, token, now, fresh);

const text = (v) => v === undefined || v === null || typeof v === "string";

function checkPin(input, options) {
  // A number would have lost its leading zeros already: only text is a PIN.
  if (typeof input !== "string") {
    throw invalid("invalid_input", `checkPin: the PIN must be a string, not ${input === null ? "null" : typeof input}`);
  }
  let token;
  if (options === undefined || options === null) token = fastOptions(undefined, undefined, undefined, undefined);
  else {
    const o = options;
    // Options that are not an object of strings: Rust reads them and says which is wrong.
    if (typeof o !== "object" || !text(o.today) || !text(o.sex) || !text(o.birthDate) || !text(o.lang)) {
      return checkPinReport(input, options);
    }
    token = fastOptions(o.today ?? undefined, o.sex ?? undefined, o.birthDate ?? undefined, o.lang ?? undefined);
  }
  if (token === 0) return checkPinReport(input, options);
  const digits = digitsValue(input);
  // The clock is read here, cheaper than from WASM; odd tokens carry `today`.
  let packed;
  if (token % 2 === 1) packed = fastCall(input, digits, token, 0, true);
  else if (keptClock !== 0) {
    packed = fastCall(input, digits, token, keptClock, false);
    if (packed === -3) packed = fastCall(input, digits, token, readClock(), true);
  } else packed = fastCall(input, digits, token, readClock(), true);
  // -2: the module holds other options than these (another copy of this
  // file set its own, or the module started again): read them next time.
  if (packed === -2) lastOptions = null;
  if (packed < 0) return checkPinReport(input, options);
  if (digits >= 0) {
    // Exactly 14 digits: the PIN is the input as typed, its parts slices of it
    // (cheaper than numbers turned back into text).
    return {
      input,
      valid: true,
      pin: input,
      sex: input.charCodeAt(0) === 49 ? "F" : "M",
      birthDate: input.slice(5, 9) + "-" + input.slice(3, 5) + "-" + input.slice(1, 3),
      serial: input.slice(9),
      errors: [],
      warnings: [],
    };
  }
  let v = packed;
  const serial = fiveDigits(v % 100000);
  v = Math.floor(v / 100000);
  const year = String(v % 10000); // four digits: a year before 1900 is never packed
  v = Math.floor(v / 10000);
  const month = twoDigits[v % 16];
  v = Math.floor(v / 16);
  const day = twoDigits[v % 32];
  const sexDigit = Math.floor(v / 32);
  return {
    input,
    valid: true,
    pin: `${sexDigit}${day}${month}${year}${serial}`,
    sex: sexDigit === 1 ? "F" : "M",
    birthDate: `${year}-${month}-${day}`,
    serial,
    errors: [],
    warnings: [],
  };
}
