// checkPin: the report of `kgpin check --json` for one input.
// Thin translation only: every rule runs in Rust. A valid PIN with nothing to
// warn about comes back packed in one number (see check_pin_packed in
// src/check.rs) and is unpacked here; anything else asks for the full report.
const pad = (n, width) => String(n).padStart(width, "0");

// A wrong argument is a KgpinError with its code, never a raw WebAssembly error.
function invalid(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
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
  const packed = checkPinPacked(input, o.today ?? undefined, o.sex ?? undefined, o.birthDate ?? undefined, o.lang ?? undefined);
  if (packed < 0) return checkPinReport(input, options);
  let v = packed;
  const serial = pad(v % 100000, 5);
  v = Math.floor(v / 100000);
  const year = pad(v % 10000, 4);
  v = Math.floor(v / 10000);
  const month = pad(v % 16, 2);
  v = Math.floor(v / 16);
  const day = pad(v % 32, 2);
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
