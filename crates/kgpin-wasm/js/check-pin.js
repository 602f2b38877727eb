// checkPin: the report of `kgpin check --json` for one input.
// Thin translation only: every rule runs in Rust. A valid PIN with nothing to
// warn about comes back packed in one number (see check_pin_packed in
// src/check.rs) and is unpacked here; anything else asks for the full report.
const pad = (n, width) => String(n).padStart(width, "0");

function checkPin(input, options) {
  const o = options ?? {};
  if (typeof o !== "object") return checkPinReport(input, options);
  const packed = checkPinPacked(String(input), o.today ?? undefined, o.sex ?? undefined, o.birthDate ?? undefined, o.lang ?? undefined);
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
    input: String(input),
    valid: true,
    pin: `${sexDigit}${day}${month}${year}${serial}`,
    sex: sexDigit === 1 ? "F" : "M",
    birthDate: `${year}-${month}-${day}`,
    serial,
    errors: [],
    warnings: [],
  };
}
