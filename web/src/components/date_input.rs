//! A date as people write it: day, month and year in three fields (the GOV.UK
//! date-input pattern). Never the browser's date picker, whose order follows
//! the machine's locale (`mm/dd/yyyy` on many phones).

use kgpin::{Date, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{label, Label};

/// The three parts as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// Why the parts are not a usable date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing typed.
    Missing,
    /// Not a real calendar date (31.02, a two-digit year, letters).
    NotReal,
    /// After today.
    InFuture,
    /// A date no living person was born on (before 1900, or over 120 years
    /// ago): a mistyped year, never a person's own birth date.
    BeforeAnyoneLiving,
}

impl DateParts {
    /// Nothing typed in any part.
    pub fn is_empty(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .all(|p| p.trim().is_empty())
    }

    /// The date, if the parts make a real one no later than `today`.
    /// The person's own birth date: a real date that a living person can
    /// have (1892 typed for 1982 would judge every number by a slip).
    pub fn date(&self, today: Date) -> Result<Date, DateProblem> {
        let date = self.any_date(today)?;
        if kgpin::pin::is_plausible_birth_date(date, today) {
            Ok(date)
        } else {
            Err(DateProblem::BeforeAnyoneLiving)
        }
    }

    /// Any real date up to today: a registry's record may carry a mistyped
    /// year, and a clerk searches for it as it is.
    pub fn any_date(&self, today: Date) -> Result<Date, DateProblem> {
        if self.is_empty() {
            return Err(DateProblem::Missing);
        }
        let number = |part: &str, max_len: usize| -> Option<u32> {
            let part = part.trim();
            (!part.is_empty() && part.len() <= max_len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = self.year.trim();
        let (Some(day), Some(month), Some(year)) = (
            number(&self.day, 2),
            number(&self.month, 2),
            (year.len() == 4).then(|| number(year, 4)).flatten(),
        ) else {
            return Err(DateProblem::NotReal);
        };
        let date = Date::new(year, month, day).map_err(|_| DateProblem::NotReal)?;
        if date > today {
            return Err(DateProblem::InFuture);
        }
        Ok(date)
    }
}

/// The error message for a date problem, as the form shows it.
pub fn problem_label(problem: DateProblem) -> Label {
    match problem {
        DateProblem::Missing => Label::EnterBirthDate,
        DateProblem::NotReal => Label::BirthDateNotReal,
        DateProblem::InFuture => Label::BirthDateInFuture,
        DateProblem::BeforeAnyoneLiving => Label::BirthDateBeforeAnyoneLiving,
    }
}

/// A date field: what it shows and where its changes go.
pub struct DateField {
    /// The first field's id is `{id}-day`; the others `{id}-month`, `{id}-year`.
    pub id: &'static str,
    pub legend: &'static str,
    pub value: DateParts,
    pub on_change: Callback<DateParts>,
    /// The error shown above the fields, if any.
    pub error: Option<AttrValue>,
    pub lang: Lang,
}

/// A function, not a component: it keeps no state (see `sex_select`).
pub fn date_input(props: DateField) -> Html {
    let (id, lang) = (props.id, props.lang);
    let part = |name: &'static str,
                title: Label,
                value: &str,
                width: &'static str,
                max: &'static str| {
        let on_change = props.on_change.clone();
        let current = props.value.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = current.clone();
            match name {
                "day" => next.day = typed,
                "month" => next.month = typed,
                _ => next.year = typed,
            }
            on_change.emit(next)
        });
        let field = format!("{id}-{name}");
        html! {
            <div class="date-part">
                <label for={ field.clone() }>{ label(title, lang) }</label>
                <input id={ field } ~className={ width } type="text" inputmode="numeric" maxlength={ max }
                    autocomplete={ match name { "day" => "bday-day", "month" => "bday-month", _ => "bday-year" } }
                    value={ value.to_string() } { oninput }
                    aria-invalid={ props.error.as_ref().map(|_| "true") } />
            </div>
        }
    };
    let hint = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = match &props.error {
        Some(_) => format!("{hint} {error_id}"),
        None => hint.clone(),
    };
    html! {
        <fieldset ~className={ if props.error.is_some() { "field date-input field-with-error" } else { "field date-input" } }
            role="group" aria-describedby={ described }>
            <legend>{ props.legend }</legend>
            <span class="hint" id={ hint }>{ label(Label::DateHint, lang) }</span>
            if let Some(error) = &props.error {
                <span class="field-error" id={ error_id }>
                    <span class="visually-hidden">{ label(Label::ErrorPrefix, lang) }{ ": " }</span>{ error }
                </span>
            }
            <div class="date-parts">
                { part("day", Label::Day, &props.value.day, "width-2", "2") }
                { part("month", Label::Month, &props.value.month, "width-2", "2") }
                { part("year", Label::Year, &props.value.year, "width-4", "4") }
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(day: &str, month: &str, year: &str) -> DateParts {
        DateParts {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn dates_are_real_and_not_in_the_future() {
        let today = Date::new(2026, 12, 2).expect("a date");
        assert_eq!(parts("", " ", "").date(today), Err(DateProblem::Missing));
        assert_eq!(
            parts("2", "2", "1982").date(today),
            Ok(Date::new(1982, 2, 2).expect("a date"))
        );
        assert_eq!(
            parts(" 02", "02 ", "1982").date(today),
            Ok(Date::new(1982, 2, 2).expect("a date"))
        );
        for (d, m, y) in [
            ("31", "02", "1982"),
            ("2", "2", "82"),
            ("2", "13", "1982"),
            ("a", "2", "1982"),
            ("2", "", "1982"),
        ] {
            assert_eq!(
                parts(d, m, y).date(today),
                Err(DateProblem::NotReal),
                "{d}.{m}.{y}"
            );
        }
        assert_eq!(
            parts("02", "02", "2982").date(today),
            Err(DateProblem::InFuture)
        );
        // A person's own date: one a living person can have; a clerk's
        // search takes any real date (a registry's mistyped year).
        assert_eq!(
            parts("12", "03", "1892").date(today),
            Err(DateProblem::BeforeAnyoneLiving)
        );
        assert_eq!(
            parts("12", "03", "1892").any_date(today),
            Ok(Date::new(1892, 3, 12).expect("a date"))
        );
        assert_eq!(
            parts("03", "12", "2026").date(today),
            Err(DateProblem::InFuture)
        );
        assert_eq!(parts("02", "12", "2026").date(today), Ok(today));
    }
}
