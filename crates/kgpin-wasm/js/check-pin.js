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

const text = (v) => v === undefined || v === null || typeof v === "string";

function checkPin(input, options) {
  // A number would have lost its leading zeros already: only text is a PIN.
  if (typeof input !== "string") {
    throw invalid("invalid_input", `checkPin: the PIN must be a string, not ${input === null ? "null" : typeof input}`);
  }
  const o = options ?? {};
  // Options that are not an object of strings: Rust reads them and says which is wrong.
  if (typeof o !== "object" || !text(o.today) || !text(o.sex) || !text(o.birthDate) || !text(o.lang)) {
    return checkPinReport(input, options);
  }
  const token = fastOptions(o.today ?? undefined, o.sex ?? undefined, o.birthDate ?? undefined, o.lang ?? undefined);
  if (token === 0) return checkPinReport(input, options);
  const digits = digitsValue(input);
  const now = token % 2 === 0 ? Date.now() : 0; // read here: cheaper than called from WASM
  const packed = digits >= 0 ? checkPinDigits(digits, token, now) : checkPinPacked(input, token, now);
  // -2: the module holds other options than these (another copy of this
  // file set its own, or the module started again): read them next time.
  if (packed === -2) lastOptions = null;
  if (packed < 0) return checkPinReport(input, options);
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
    // Exactly 14 digits: the PIN is the input as typed.
    pin: digits >= 0 ? input : `${sexDigit}${day}${month}${year}${serial}`,
    sex: sexDigit === 1 ? "F" : "M",
    birthDate: `${year}-${month}-${day}`,
    serial,
    errors: [],
    warnings: [],
  };
}
