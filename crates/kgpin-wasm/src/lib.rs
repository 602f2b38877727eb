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

// Input from the page and from files is indexed with `get`, never `[]`:
// a bad index answers with an error instead of killing the worker or the page
// (tests index freely: a panic there is a failed test).
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

// Two modules for the package (see Cargo.toml's features): the checks a
// form needs, and the registry a clerk's tool needs; tests build both.
#[cfg(feature = "checks")]
mod check;
mod error;
#[cfg(feature = "checks")]
mod person;
mod read;
#[cfg(feature = "registry")]
mod registry;

#[cfg(feature = "checks")]
pub use check::check_pin;
#[cfg(feature = "checks")]
pub use person::check_person;
#[cfg(feature = "registry")]
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
    #[wasm_bindgen(typescript_type = "PersonOptions")]
    pub type PersonOptionsArg;
}

/// The package's TypeScript types beside the generated signatures (wasm-bindgen
/// takes only a literal here); a test checks their code unions against the
/// core's code lists.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_TYPES: &'static str = r#"
export type Lang = "ky" | "ru" | "en";
export type Sex = "F" | "M";
/** Why an input is not a valid PIN. */
export type PinErrorCode = "empty" | "spreadsheet_number" | "invalid_character" | "invalid_length"
  | "legal_entity_inn" | "unknown_sex_digit" | "invalid_birth_date" | "birth_date_in_future";
/** What is worth a second look in a valid PIN. */
export type PinWarningCode = "birth_year_before_1900" | "age_over_120" | "serial_zero" | "sex_mismatch"
  | "birth_date_mismatch";
/** How a PIN's birth date differs from the stated one. */
export type DateMismatch = "day_month_swapped" | "one_digit" | "digits_swapped" | "different";
/** What is wrong with one row of a registry file. */
export type ProblemCode = "malformed_row" | "wrong_field_count" | "unbalanced_quote" | "missing_record_id"
  | "duplicate_record_id" | "invalid_pin" | "invalid_birth_date" | "invalid_sex" | "above_header" | "invalid_utf8";
/** Why a whole registry file cannot be read. The package reads CSV only: a
 * workbook is `unsupported_format`; the last two come from the faces that
 * read workbooks (the CLI, the clerk's page), listed so the codes are one set. */
export type RegistryErrorCode = "empty_file" | "missing_column" | "duplicate_column" | "unsupported_format"
  | "no_rows" | "unreadable_workbook" | "no_such_sheet" | "bad_header";
/** Why two records look like one person, or not. */
export type ReasonCode = "last_name_equal" | "last_name_translit_match" | "last_name_suffix_differs"
  | "last_name_similar" | "last_name_differs" | "last_name_names_father" | "first_name_equal" | "first_name_translit_match"
  | "first_name_similar" | "first_name_differs" | "names_swapped" | "patronymic_equal"
  | "patronymic_similar" | "patronymic_differs" | "names_common" | "birth_date_equal" | "birth_date_equal_in_pin"
  | "birth_date_day_month_swapped"
  | "birth_date_one_digit" | "birth_date_digits_swapped" | "birth_date_year_only" | "birth_date_differs"
  | "birth_date_attested_differs" | "birth_date_attested_slip" | "birth_date_unknown"
  | "sex_equal" | "sex_differs" | "sex_against_pin"
  | "pin_equal" | "pin_matches_damaged" | "pin_serial_differs" | "pin_date_differs" | "pin_differs";
/** What a pair or cluster of records shows. */
export type DuplicateKind = "same_person_multiple_pins" | "pin_shared_by_different_people" | "repeated_record"
  | "possible_same_person";
/** What would settle a `possible_same_person` pair: the document to ask for. */
export type SettleCode = "ask_birth_certificate" | "ask_marriage_certificate" | "compare_documents";
/** The kinds of blocking key records are grouped by before comparison. */
export type KeyKind = "date_initials" | "names" | "names_year" | "pin" | "first_name_father"
  | "names_day_month" | "last_name_father" | "name_date" | "father_date" | "first_name_date";
/** The stages of a deduplication run. */
export type Stage = "read" | "prepare" | "block" | "compare" | "cluster";
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
  code: PinErrorCode | PinWarningCode;
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
  /** `sex_mismatch`: a child's number (under 16), for which no change of gender is offered as a reason. */
  forChild?: boolean;
  pinBirthDate?: string;
  statedBirthDate?: string;
  detail?: DateMismatch;
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
  code: ProblemCode;
  message: string;
  expected?: number;
  found?: number;
  linesSpanned?: number;
  repeatedRecordId?: string;
  pinCode?: PinErrorCode;
  value?: string;
  detail?: string;
}
/** One step of a pair's score: a stable code, its weight in bits, and words for people. */
export interface Reason {
  code: ReasonCode;
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
  /** Pairs scoring from this up to `threshold` are `possible_same_person`, for a person to decide; default 3 below `threshold`. A few shapes the score undercounts (born the same day with nothing against them; a woman's other surname with her first name slipped or her father's name missing) are asked about down to 3 below it; at `threshold`, none by score. */
  reviewThreshold?: number;
  /** Called as the comparison advances: `done` of `total` units of work (the records' blocking keys, each key's block compared in turn); ends with `done == total`. */
  onProgress?: (done: number, total: number) => void;
}
/** Records taken for one person. */
export interface Cluster {
  /** The smallest record id of the cluster: stable between runs. */
  clusterId: string;
  kind: DuplicateKind;
  recordIds: string[];
  /** The lowest score among the cluster's pairs above the threshold: review weakest first. */
  weakestLink: number | null;
  /** Present and true when every pair holding the cluster agrees on names only
   * (no birth date, no PIN or PIN date part): weak evidence, review it last. */
  namesOnly?: boolean;
}
/** A pair worth a person's attention, explained. */
export interface Pair {
  recordIdA: string;
  recordIdB: string;
  score: number;
  kind: DuplicateKind;
  reasons: Reason[];
  /** For a `possible_same_person` pair only: what would settle it. */
  settle?: { code: SettleCode; message: string };
}
/** Blocks of one key kind too large to compare pair by pair. */
export interface OversizedBlocks {
  keyKind: KeyKind;
  blocks: number;
  largest: number;
  cap: number;
}
/** The figures of a run: every row of the file accounted for. */
export interface DedupeSummary {
  rowsRead: number;
  records: number;
  /** Rows left out, by problem code. */
  rejected: Partial<Record<ProblemCode, number>>;
  /** Rows kept with an unusable field, by problem code. */
  fieldProblems: Partial<Record<ProblemCode, number>>;
  encoding: "utf8" | "windows1251" | null;
  delimiter: string;
  threshold: number;
  /** Pairs scoring from this up to `threshold` are `possible_same_person`. */
  reviewThreshold: number;
  candidatePairs: number;
  oversizedBlocks: OversizedBlocks[];
  /** PINs on more records than are compared pair by pair (listed in the report). */
  pinsOnManyRecords: number;
  clusters: Partial<Record<DuplicateKind, { clusters: number; records: number }>>;
  pairs: Partial<Record<DuplicateKind, number>>;
  timings: { stage: Stage; millis: number }[];
}
/** What `kgpin dedupe --json` prints and {@link Registry.dedupe} returns. */
export interface DedupeReport {
  summary: DedupeSummary;
  clusters: Cluster[];
  pairs: Pair[];
  /** PINs on more records than are compared pair by pair, most records first: a finding each. */
  pinsOnManyRecords: { pin: string; records: number; recordIds: string[] }[];
  diagnostics: Diagnostic[];
}
/** Where a PIN was found. */
export type Document = "passport" | "tax" | "social_fund" | "birth_certificate" | "other";
/** What one PIN is among the person's numbers. */
export type PinRole = "keep" | "duplicate" | "wrong_date" | "other_person" | "repeated" | "invalid" | "unchecked"
  | "awaits_birth_date" | "awaits_retyping" | "centre_decides" | "document_decides" | "date_impossible"
  | "other_sex_digit" | "born_same_day";
/** What the person's numbers show together. */
export type PersonFindingCode = "several_pins_one_person" | "stated_date_differs" | "several_pins_await_birth_date" | "pin_with_wrong_date" | "same_pin_twice"
  | "not_the_same_person" | "sex_digit_differs" | "no_pin_agrees" | "keep_not_on_id_document" | "keep_on_id_document" | "all_agree"
  | "pin_mistyped" | "pins_one_slip_apart" | "pin_date_impossible";
/** A person and the PINs they found, for {@link checkPersonPins}. Dates `YYYY-MM-DD` or `DD.MM.YYYY`. */
export interface PersonPins {
  lastName?: string;
  firstName?: string;
  patronymic?: string;
  sex?: Sex;
  birthDate?: string;
  pins: { pin: string; document: Document }[];
}
export interface PersonOptions {
  /** The date to check against; default: the local date. */
  today?: string;
  /** Language of the messages; default "en". */
  lang?: Lang;
}
/** One of the person's PINs, checked. */
export interface PinEntry {
  document: Document;
  /** The PIN's own report, as {@link checkPin} gives it, against the person's sex and birth date. */
  check: CheckReport;
  role: PinRole;
  roleMessage: string;
}
/** What {@link checkPersonPins} returns. Positions in findings are 1-based. */
export interface PersonPinsReport {
  pins: PinEntry[];
  /** `differ`: which parts of the numbers differ; `documentsSay`/`typed`: the two birth dates to settle first. */
  findings: {
    code: PersonFindingCode; message: string; pins?: number[]; pin?: number; detail?: DateMismatch;
    differ?: { sexDigit: boolean; birthDate: boolean; serial: boolean }; documentsSay?: string; typed?: string; forChild?: boolean;
  }[];
  needsCorrection: boolean;
  /** What to do next, in order. `bring`: the documents to bring to the centre; `several`: kinds among them that carry two numbers or more (two passports), each of which is brought; `forChild`: the person is under 16, so a parent or guardian applies with their own passport too, and a sex digit is checked against the birth certificate (no change of gender asked about); `pins`: the numbers to compare with their documents; `apart`: how far the documents' date is from the typed one: `slip` (two numbers or more give that date: the typed date is the likelier slip), `number_or_date_slip` (one number gives it: it or the typed date may be mistyped here), `far_beside_typed` (another number gives the typed date, so a number with the documents' date is most likely on a relative's document), `far` (no number near the typed date: most likely another person's numbers, a child's). */
  nextSteps: { code: NextStepCode; message: string; documentsSay?: string; apart?: TypedDateApart; bring?: Document[]; several?: Document[]; forChild?: boolean; pins?: number[] }[];
}
export type TypedDateApart = "slip" | "number_or_date_slip" | "far_beside_typed" | "far";
export type NextStepCode = "retype_mistyped" | "compare_with_documents" | "check_typed_birth_date" | "ask_about_sex_digit" | "type_birth_date" | "select_sex" | "nothing_to_do"
  | "apply_at_centre" | "kyzmat_corrects" | "notified_by_post";
/** Thrown for bad arguments or unreadable files: a normal `Error` with a stable `code`. */
export interface KgpinError extends Error {
  code: "invalid_options" | "invalid_date" | "invalid_sex" | "invalid_lang" | "invalid_person"
    | "invalid_input" | RegistryErrorCode | "registry_not_loaded" | "internal";
}
"#;

#[cfg(test)]
mod tests {
    use kgpin::matching::{blocking::KeyKind, Kind, Reason, Stage};
    use kgpin::pin::DateMismatch;
    use kgpin::registry::{Problem, RegistryError};
    use kgpin::{PinError, PinWarning};

    /// This file, whose TypeScript section holds the unions.
    const SOURCE: &str = include_str!("lib.rs");

    /// The string literals of `export type NAME = "a" | "b" ...;` in the definitions.
    fn union(name: &str) -> Vec<&'static str> {
        let start = format!("export type {name} = ");
        let from = SOURCE
            .find(&start)
            .unwrap_or_else(|| panic!("no union {name}"))
            + start.len();
        let body = &SOURCE[from..];
        let body = &body[..body.find(';').unwrap_or(body.len())];
        body.split('|')
            .map(|literal| literal.trim().trim_matches('"'))
            .collect()
    }

    #[test]
    fn typescript_code_unions_list_exactly_the_core_codes() {
        let sets: [(&str, &[&str]); 14] = [
            ("NextStepCode", kgpin::person::NextStep::CODES),
            ("TypedDateApart", kgpin::person::TypedDateApart::CODES),
            ("Document", kgpin::person::Document::CODES),
            ("PinRole", kgpin::person::PinRole::CODES),
            ("PersonFindingCode", kgpin::person::PersonFinding::CODES),
            ("PinErrorCode", PinError::CODES),
            ("PinWarningCode", PinWarning::CODES),
            ("DateMismatch", DateMismatch::CODES),
            ("ProblemCode", Problem::CODES),
            ("RegistryErrorCode", RegistryError::CODES),
            ("ReasonCode", Reason::CODES),
            ("DuplicateKind", Kind::CODES),
            ("KeyKind", KeyKind::CODES),
            ("Stage", Stage::CODES),
        ];
        for (name, codes) in sets {
            assert_eq!(union(name), codes, "TypeScript {name}");
        }
    }
}
