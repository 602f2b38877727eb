//! kgpin for JavaScript. Thin bindings over the `kgpin` core: they translate
//! types and errors and hold no rules of their own.
//!
//! ```js
//! import init, { checkPin, Registry } from "kgpin";
//! await init();
//! const report = checkPin("10202198254217", { lang: "ru", sex: "F" });
//! report.valid; // true
//! const registry = Registry.fromCsv(fileBytes);
//! const { clusters, pairs } = registry.dedupe({ onProgress: (done, total) => {} });
//! registry.free();
//! ```

mod check;
mod error;
mod registry;

pub use check::check_pin;
pub use registry::JsRegistry;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `CheckOptions` in TypeScript: optional arguments must be typed imports
    /// for wasm-bindgen to declare them optional (`options?: CheckOptions`).
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type CheckOptionsArg;
    #[wasm_bindgen(typescript_type = "RegistryOptions")]
    pub type RegistryOptionsArg;
    #[wasm_bindgen(typescript_type = "CandidateOptions")]
    pub type CandidateOptionsArg;
    #[wasm_bindgen(typescript_type = "DedupeOptions")]
    pub type DedupeOptionsArg;
}

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_TYPES: &'static str = r#"
export type Lang = "ky" | "ru" | "en";
export type Sex = "F" | "M";
/** Options of {@link checkPin}. Dates are `YYYY-MM-DD`. */
export interface CheckOptions {
  /** The date to check against; default: the browser's local date. */
  today?: string;
  /** The person's stated sex, compared with the PIN's sex digit. */
  sex?: Sex;
  /** The person's stated date of birth, compared with the PIN's. */
  birthDate?: string;
  /** Language of the messages; default "en". */
  lang?: Lang;
}
/** One finding: a stable `code`, a human `message`, and the data the message is built from. */
export interface Finding {
  code: string;
  message: string;
  position?: number;
  character?: string;
  looksLike?: string;
  expected?: number;
  found?: number;
  value?: string;
  digit?: string;
  digits?: string;
  birthDate?: string;
  today?: string;
  year?: number;
  age?: number;
  pinSex?: Sex;
  statedSex?: Sex;
  pinBirthDate?: string;
  statedBirthDate?: string;
  detail?: "day_month_swapped" | "one_digit" | "different";
}
/** What `kgpin check --json` prints for one input. */
export interface CheckReport {
  input: string;
  valid: boolean;
  pin: string | null;
  sex: Sex | null;
  birthDate: string | null;
  serial: string | null;
  errors: Finding[];
  warnings: Finding[];
}
export interface RegistryOptions {
  /** Language of diagnostics and reasons; default "en". */
  lang?: Lang;
}
/** A row of the file that was left out or has an unusable field. */
export interface Diagnostic {
  /** 1-based line of the file where the row starts. */
  line: number;
  recordId: string | null;
  code: "malformed_row" | "wrong_field_count" | "unbalanced_quote" | "missing_record_id"
    | "duplicate_record_id" | "invalid_pin" | "invalid_birth_date" | "invalid_sex";
  message: string;
  expected?: number;
  found?: number;
  linesSpanned?: number;
  repeatedRecordId?: string;
  pinCode?: string;
  value?: string;
  detail?: string;
}
export type DuplicateKind = "same_person_multiple_pins" | "pin_shared_by_different_people" | "repeated_record";
/** One step of a pair's score: a stable code, its weight in bits, and words for people. */
export interface Reason {
  code: string;
  weight: number;
  message: string;
}
export interface Person {
  lastName: string;
  firstName: string;
  patronymic?: string;
  /** `YYYY-MM-DD` or `DD.MM.YYYY`. */
  birthDate?: string;
  sex?: Sex;
  pins?: string[];
}
export interface Candidate {
  recordId: string;
  score: number;
  /** null: worth a look, but below the threshold and sharing no PIN. */
  kind: DuplicateKind | null;
  reasons: Reason[];
}
export interface CandidateOptions {
  /** At most this many candidates, best first; default 10. */
  limit?: number;
}
export interface DedupeOptions {
  /** Score (bits of evidence) from which a pair is taken for one person; default 17. */
  threshold?: number;
  /** Called as the comparison advances: `done` of `total` candidate pairs. */
  onProgress?: (done: number, total: number) => void;
}
export interface Cluster {
  /** The smallest record id of the cluster: stable between runs. */
  clusterId: string;
  kind: DuplicateKind;
  recordIds: string[];
}
export interface Pair {
  recordIdA: string;
  recordIdB: string;
  score: number;
  kind: DuplicateKind;
  reasons: Reason[];
}
export interface DedupeResult {
  clusters: Cluster[];
  pairs: Pair[];
}
/** Thrown for bad arguments or unreadable files: a normal `Error` with a stable `code`. */
export interface KgpinError extends Error {
  code: "invalid_options" | "invalid_date" | "invalid_sex" | "invalid_lang" | "invalid_person"
    | "invalid_input" | "empty_file" | "missing_column" | "duplicate_column" | "bad_header" | "internal";
}
"#;
