//! `kgpin check-person`: one person and every PIN they found, each with its
//! document: which to keep, which to correct, what to do next.

use std::process::ExitCode;

use clap::Args;
use kgpin::messages::{self, report_label, ReportLabel};
use kgpin::person::{Document, Holder};
use kgpin::report::check_person_pins;
use kgpin::{Date, Sex};

use crate::common::Common;

/// A PIN and where it was found: `PIN:DOCUMENT`.
#[derive(Clone)]
struct PinArg(String, Document);

fn parse_pin(text: &str) -> Result<PinArg, String> {
    let (pin, document) = text.rsplit_once(':').unwrap_or((text, "other"));
    // An ID card is the passport's equal (one identity document): an ID-card
    // holder must not have to guess, and pick "other".
    let document = document.to_ascii_lowercase();
    let document = match document.as_str() {
        "id_card" | "id" => "passport",
        other => other,
    };
    let document = Document::from_code(document).ok_or_else(|| {
        format!(
            "unknown document {document:?}: one of {} (id_card is passport)",
            Document::CODES.join(", ")
        )
    })?;
    Ok(PinArg(pin.to_string(), document))
}

#[derive(Args)]
pub struct PersonArgs {
    /// A PIN and the document it is on, as PIN:DOCUMENT (passport or id_card,
    /// tax, social_fund, birth_certificate, other); repeat for each number.
    #[arg(long = "pin", value_name = "PIN:DOCUMENT", value_parser = parse_pin, required = true)]
    pins: Vec<PinArg>,
    /// The person's sex (F or M).
    #[arg(long, value_name = "F|M")]
    sex: Option<Sex>,
    /// The person's date of birth (YYYY-MM-DD or DD.MM.YYYY).
    #[arg(long, value_name = "DATE")]
    birth_date: Option<Date>,
    /// Surname, first name and patronymic, for the record.
    #[arg(long)]
    last_name: Option<String>,
    /// First name.
    #[arg(long)]
    first_name: Option<String>,
    /// Patronymic.
    #[arg(long)]
    patronymic: Option<String>,
    /// `--json` prints the report as `checkPersonPins` returns it.
    #[command(flatten)]
    common: Common,
}

pub fn run(args: PersonArgs) -> ExitCode {
    let today = match args.common.today() {
        Ok(today) => today,
        Err(message) => return crate::usage_error(&message),
    };
    let lang = args.common.lang();
    if let Err(message) = crate::common::refuse_future_birth_date(args.birth_date, today) {
        return crate::usage_error(&message);
    }
    let holder = Holder {
        last_name: args.last_name.unwrap_or_default(),
        first_name: args.first_name.unwrap_or_default(),
        patronymic: args.patronymic.unwrap_or_default(),
        sex: args.sex,
        birth_date: args.birth_date,
    };
    let pins: Vec<(String, Document)> = args.pins.into_iter().map(|p| (p.0, p.1)).collect();
    let report = check_person_pins(&holder, &pins, today, lang);
    let written = crate::common::to_stdout(|out| {
        if args.common.json {
            serde_json::to_writer(&mut *out, &report)?;
            return writeln!(out);
        }
        for (i, entry) in report.pins.iter().enumerate() {
            writeln!(
                out,
                "{} {} ({}): {}",
                report_label(ReportLabel::Number, lang),
                i + 1,
                messages::document(entry.document, lang),
                entry.check.input
            )?;
            writeln!(out, "  {}", entry.role_message)?;
            // Warnings too: a serial 00000 or an age over 120 on a number
            // kept is worth a look before the request is filed.
            let errors = entry.check.errors.iter().map(|e| &e.message);
            let warnings = entry.check.warnings.iter().map(|w| &w.message);
            for finding in errors.chain(warnings) {
                writeln!(out, "  - {finding}")?;
            }
        }
        if !report.findings.is_empty() {
            writeln!(out, "{}:", report_label(ReportLabel::WhatTheyShow, lang))?;
        }
        for finding in &report.findings {
            writeln!(out, "  - {}", finding.message)?;
        }
        writeln!(out, "{}:", report_label(ReportLabel::NextSteps, lang))?;
        for step in &report.next_steps {
            writeln!(out, "  - {}", step.message)?;
        }
        Ok(())
    });
    if let Err(error) = written {
        return crate::usage_error(&format!("cannot write the output: {error}"));
    }
    // Like `kgpin check`: 0 nothing to correct, 1 something to correct.
    ExitCode::from(u8::from(report.needs_correction))
}
