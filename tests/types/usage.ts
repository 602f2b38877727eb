// Compiled with `tsc --strict` against the package's generated definitions:
// an integrator's code must type-check without casts or `any`.
import init, {
  checkPin,
  checkPersonPins,
  Registry,
  type PersonPinsReport,
  type PinRole,
  type CheckReport,
  type Candidate,
  type DedupeReport,
  type ReasonCode,
  type Diagnostic,
  type Finding,
  type KgpinError,
} from "../../crates/kgpin-wasm/pkg/web/kgpin.js";
// The checks alone, as a form imports them ("kgpin/check").
import initChecks, { checkPin as checkOnly, checkPersonPins as personOnly } from "../../crates/kgpin-wasm/pkg/web/check.js";

export async function formOnly(): Promise<boolean> {
  await initChecks();
  await init({ registry: false });
  const person: PersonPinsReport = personOnly({ pins: [{ pin: "10202198254217", document: "tax" }] });
  return checkOnly("10202198254217").valid && person.needsCorrection === false;
}

export async function demo(bytes: Uint8Array): Promise<string[]> {
  await init();
  const report: CheckReport = checkPin("10202198254217", { lang: "ky", sex: "F", birthDate: "1982-02-02" });
  const plain: CheckReport = checkPin("10202198254217");
  const firstError: Finding | undefined = report.errors[0];
  const position: number | undefined = firstError?.position;
  const registry = Registry.fromCsv(bytes, { lang: "ru" });
  const diagnostics: Diagnostic[] = registry.diagnostics;
  const found: Candidate[] = registry.candidates({ lastName: "Асанов", firstName: "Нурлан", pins: ["21503198700412"] }, { limit: 5 });
  const result: DedupeReport = registry.dedupe({ threshold: 17, onProgress: (done: number, total: number) => void [done, total] });
  registry.free();
  const person: PersonPinsReport = checkPersonPins(
    { sex: "F", birthDate: "1982-02-02", pins: [{ pin: "10202198254217", document: "passport" }] },
    { lang: "ky" },
  );
  const roles: PinRole[] = person.pins.map((p) => p.role);
  try {
    checkPin("1", { today: "bad" });
  } catch (error) {
    const code: KgpinError["code"] = (error as KgpinError).code;
    return [code];
  }
  return [
    String(plain.valid),
    String(position),
    String(diagnostics.length),
    ...found.map((c) => `${c.recordId}:${c.kind ?? "review"}:${c.score}`),
    ...result.clusters.map((c) => `${c.clusterId}=${c.recordIds.join("+")}@${c.weakestLink ?? "-"}`),
    ...result.pairs.flatMap((p) => p.reasons.map((r) => r.code satisfies ReasonCode)),
    String(result.summary.rowsRead),
    ...roles,
    ...person.findings.map((f) => f.code),
    String(result.summary.rejected.duplicate_record_id ?? 0),
  ];
}

// <kgpin-pin-input>: typed as an element, its event carries the report.
import { KgpinPinInput } from "../../crates/kgpin-wasm/pkg/web/pin-input.js";

export function pinField(form: HTMLFormElement): string | null {
  const field = form.querySelector("kgpin-pin-input");
  field?.addEventListener("kgpin-check", (event) => {
    const report: CheckReport | null = event.detail;
    if (report && !report.valid) console.log(report.errors[0]?.code);
  });
  const made: KgpinPinInput = document.createElement("kgpin-pin-input");
  made.value = "10202198254217";
  return field && field.validity.valid ? made.report?.pin ?? null : null;
}
