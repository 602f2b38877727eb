//! The several-numbers flow's state: what the citizen typed, what is wrong
//! with it, and the edits that change it (a reducer, tested natively).

use kgpin::messages;
use kgpin::person::{Document, Holder};
use kgpin::pin::Stated;
use kgpin::report::{check_person_pins, PersonPinsReport};
use kgpin::{Date, Lang, PinError, Sex};
use yew::Reducible;

use crate::components::date_input::{problem_label, DateParts};
use crate::i18n::{self, label, Label};

/// One number and the document it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct PinRow {
    /// A stable id for the row's fields (rows may be removed).
    pub id: u32,
    pub pin: String,
    /// `None` until the citizen chooses: a document preset by the row's
    /// place would make the first number typed the passport's, and keep it.
    pub document: Option<Document>,
}

/// A field of the form: where an error points and where the focus goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    LastName,
    FirstName,
    Sex,
    BirthDate,
    /// A number's row, by its stable id.
    Pin(u32),
    /// The document of a number's row, by the row's stable id.
    Document(u32),
    /// The "Add another number" button.
    AddNumber,
}

impl Field {
    /// The element's id in the page.
    pub fn id(self) -> String {
        match self {
            Field::LastName => "p-last-name".into(),
            Field::FirstName => "p-first-name".into(),
            Field::Sex => "p-sex-F".into(),
            Field::BirthDate => "p-birth-date-day".into(),
            Field::Pin(id) => format!("p-pin-{id}"),
            Field::Document(id) => format!("p-doc-{id}"),
            Field::AddNumber => "p-add".into(),
        }
    }
}

/// What is wrong with an answer: the error summary's lines.
#[derive(Debug, Clone, PartialEq)]
pub enum FormError {
    /// A required answer is missing or wrong: its message.
    Says(Label),
    /// A number is not a PIN as written (position in the list, 1-based).
    Pin { number: usize, error: PinError },
    /// A number repeats an earlier one.
    Repeats { number: usize, first: usize },
    /// No document chosen for a number (position in the list, 1-based).
    Document { number: usize },
}

impl FormError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FormError::Says(l) => label(*l, lang).into(),
            FormError::Pin { number, error } => {
                i18n::number_error(*number, &messages::pin_error(error, lang), lang)
            }
            FormError::Repeats { number, first } => i18n::number_repeats(*number, *first, lang),
            FormError::Document { number } => i18n::number_document(*number, lang),
        }
    }
}

/// Everything the citizen typed, kept as typed (on the device, when the
/// citizen asks, as the text `kept.rs` reads and writes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers {
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    pub sex: Option<Sex>,
    pub birth_date: DateParts,
    pub pins: Vec<PinRow>,
    pub next_id: u32,
    /// The errors of the last "Continue".
    pub errors: Vec<(Field, FormError)>,
    /// Counts "Continue" presses, so each one moves the focus again.
    pub attempts: u32,
}

impl Answers {
    pub fn fresh() -> Self {
        Answers {
            pins: vec![PinRow {
                id: 0,
                pin: String::new(),
                document: None,
            }],
            next_id: 1,
            ..Answers::default()
        }
    }

    /// What is missing or wrong on `today`: the error summary, in the form's order.
    pub fn errors(&self, today: Date) -> Vec<(Field, FormError)> {
        let mut errors = Vec::new();
        if self.last_name.trim().is_empty() {
            errors.push((Field::LastName, FormError::Says(Label::EnterLastName)));
        }
        if self.first_name.trim().is_empty() {
            errors.push((Field::FirstName, FormError::Says(Label::EnterFirstName)));
        }
        if self.sex.is_none() {
            errors.push((Field::Sex, FormError::Says(Label::ChooseSex)));
        }
        if let Err(problem) = self.birth_date.date(today) {
            errors.push((Field::BirthDate, FormError::Says(problem_label(problem))));
        }
        // The same number on two kinds of paper is two papers (both are
        // brought, and both count as the documents' word on its date); on
        // one kind twice, it is typed twice.
        let mut seen: Vec<(usize, String, Option<Document>)> = Vec::new();
        for (i, row) in self.pins.iter().enumerate() {
            let (number, field) = (i + 1, Field::Pin(row.id));
            if row.pin.trim().is_empty() {
                // The only row has no Remove button to offer.
                let says = if self.pins.len() > 1 {
                    Label::EnterPin
                } else {
                    Label::EnterOnlyPin
                };
                errors.push((field, FormError::Says(says)));
            } else {
                let check = kgpin::pin::check(&row.pin, today, &Stated::default());
                if let Some(error) = check.errors.into_iter().next() {
                    errors.push((field, FormError::Pin { number, error }));
                } else if let Some(digits) = check.digits.map(|d| d.to_string()) {
                    match seen
                        .iter()
                        .find(|(_, d, paper)| *d == digits && *paper == row.document)
                    {
                        Some(&(first, ..)) => {
                            errors.push((field, FormError::Repeats { number, first }))
                        }
                        None => seen.push((number, digits, row.document)),
                    }
                }
            }
            if row.document.is_none() {
                errors.push((Field::Document(row.id), FormError::Document { number }));
            }
        }
        if self.pins.len() < 2 {
            errors.push((Field::AddNumber, FormError::Says(Label::AddOtherNumber)));
        }
        errors
    }

    fn holder(&self, today: Date) -> Holder {
        Holder {
            last_name: self.last_name.trim().into(),
            first_name: self.first_name.trim().into(),
            patronymic: self.patronymic.trim().into(),
            sex: self.sex,
            birth_date: self.birth_date.date(today).ok(),
        }
    }

    /// The pre-check of these answers on `today`, in `lang`.
    pub fn report(&self, today: Date, lang: Lang) -> PersonPinsReport {
        let pins: Vec<(String, Document)> = self
            .pins
            .iter()
            // Only a complete form is judged; `Other` claims nothing.
            .map(|r| (r.pin.clone(), r.document.unwrap_or(Document::Other)))
            .collect();
        check_person_pins(&self.holder(today), &pins, today, lang)
    }

    pub fn full_name(&self) -> String {
        [&self.last_name, &self.first_name, &self.patronymic]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A change to the answers. A reducer applies each to the current answers, so
/// two quick changes (a field left by choosing the next) never undo each other.
pub enum Edit {
    LastName(String),
    FirstName(String),
    Patronymic(String),
    Sex(Sex),
    BirthDate(DateParts),
    Pin(u32, String),
    Document(u32, Document),
    Add,
    Remove(u32),
    Reset,
    /// "Continue" on a day: check the answers as they are now (the errors
    /// say whether the flow goes on).
    Continue(Date),
}

impl Reducible for Answers {
    type Action = Edit;

    fn reduce(self: std::rc::Rc<Self>, edit: Edit) -> std::rc::Rc<Self> {
        let mut next = std::rc::Rc::unwrap_or_clone(self);
        match edit {
            Edit::LastName(v) => next.last_name = v,
            Edit::FirstName(v) => next.first_name = v,
            Edit::Patronymic(v) => next.patronymic = v,
            Edit::Sex(v) => next.sex = Some(v),
            Edit::BirthDate(v) => next.birth_date = v,
            Edit::Pin(id, v) => {
                if let Some(row) = next.pins.iter_mut().find(|r| r.id == id) {
                    row.pin = v;
                }
            }
            Edit::Document(id, d) => {
                if let Some(row) = next.pins.iter_mut().find(|r| r.id == id) {
                    row.document = Some(d);
                }
            }
            Edit::Add => {
                let id = next.next_id;
                next.next_id += 1;
                next.pins.push(PinRow {
                    id,
                    pin: String::new(),
                    document: None,
                });
            }
            Edit::Remove(id) => next.pins.retain(|r| r.id != id),
            Edit::Reset => next = Answers::fresh(),
            Edit::Continue(today) => {
                next.errors = next.errors(today);
                next.attempts += 1;
            }
        }
        std::rc::Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;

    fn today() -> Date {
        Date::new(2026, 12, 2).expect("a date")
    }

    fn apply(answers: Answers, edits: Vec<Edit>) -> Answers {
        let mut state = Rc::new(answers);
        for edit in edits {
            state = state.reduce(edit);
        }
        Rc::unwrap_or_clone(state)
    }

    fn filled(pins: &[&str]) -> Answers {
        let mut edits = vec![
            Edit::LastName("Асанова".into()),
            Edit::FirstName("Айгүл".into()),
            Edit::Sex(Sex::Female),
            Edit::BirthDate(DateParts {
                day: "02".into(),
                month: "02".into(),
                year: "1982".into(),
            }),
        ];
        for (i, pin) in pins.iter().enumerate() {
            if i > 0 {
                edits.push(Edit::Add);
            }
            edits.push(Edit::Pin(i as u32, pin.to_string()));
            let document = if i == 0 {
                Document::Passport
            } else {
                Document::Tax
            };
            edits.push(Edit::Document(i as u32, document));
        }
        apply(Answers::fresh(), edits)
    }

    fn error_fields(answers: &Answers) -> Vec<Field> {
        answers.errors.iter().map(|(f, _)| *f).collect()
    }

    #[test]
    fn continue_on_an_empty_form_lists_every_missing_answer_in_order() {
        let answers = apply(Answers::fresh(), vec![Edit::Continue(today())]);
        assert_eq!(
            error_fields(&answers),
            [
                Field::LastName,
                Field::FirstName,
                Field::Sex,
                Field::BirthDate,
                Field::Pin(0),
                Field::Document(0),
                Field::AddNumber
            ]
        );
        assert_eq!(answers.attempts, 1);
    }

    /// The only row has no Remove button: its error does not offer one
    /// (a review found "Enter the PIN or remove this row" there).
    #[test]
    fn an_empty_row_is_offered_removal_only_beside_another() {
        let says = |answers: &Answers| -> Vec<Label> {
            answers
                .errors
                .iter()
                .filter_map(|(field, error)| match (field, error) {
                    (Field::Pin(_), FormError::Says(label)) => Some(*label),
                    _ => None,
                })
                .collect()
        };
        let one = apply(Answers::fresh(), vec![Edit::Continue(today())]);
        assert_eq!(says(&one), [Label::EnterOnlyPin]);
        let two = apply(Answers::fresh(), vec![Edit::Add, Edit::Continue(today())]);
        assert_eq!(says(&two), [Label::EnterPin, Label::EnterPin]);
    }

    #[test]
    fn continue_with_two_good_numbers_has_no_errors_and_the_report_decides() {
        let answers = apply(
            filled(&["10202198254217", "10202198200311"]),
            vec![Edit::Document(1, Document::Tax), Edit::Continue(today())],
        );
        assert!(answers.errors.is_empty(), "{:?}", answers.errors);
        let report = answers.report(today(), Lang::En);
        assert!(report.needs_correction);
        assert_eq!(answers.full_name(), "Асанова Айгүл");
    }

    #[test]
    fn numbers_are_checked_as_pins_and_never_twice() {
        let answers = apply(
            filled(&["1020219825421", "1 0202 1982 54217", "10202198254217"]),
            vec![Edit::Continue(today())],
        );
        assert!(
            matches!(
                answers.errors[..],
                [
                    (
                        Field::Pin(0),
                        FormError::Pin {
                            number: 1,
                            error: PinError::InvalidLength { .. }
                        }
                    ),
                    (
                        Field::Pin(2),
                        FormError::Repeats {
                            number: 3,
                            first: 2
                        }
                    ),
                ]
            ),
            "{:?}",
            answers.errors
        );
        assert_eq!(
            answers.errors[1].1.text(Lang::En),
            "Number 3 repeats number 2 from the same document: give each number once for each document"
        );
    }

    #[test]
    fn rows_are_added_and_removed_by_their_stable_ids() {
        let answers = apply(
            filled(&["10202198254217", "10202198200311", "10302198254217"]),
            vec![Edit::Remove(1), Edit::Add, Edit::Pin(3, "x".into())],
        );
        let ids: Vec<u32> = answers.pins.iter().map(|r| r.id).collect();
        assert_eq!(ids, [0, 2, 3]);
        assert_eq!(
            answers.pins[2].document, None,
            "a new row's document is chosen"
        );
        assert_eq!(answers.pins[2].pin, "x");
        let reset = apply(answers, vec![Edit::Reset]);
        assert_eq!(reset, Answers::fresh());
    }

    /// Stop 37, a citizen's reading: the first row's document was preset to
    /// the passport and later rows' to the tax document, so a citizen who
    /// never touched them had the first number typed kept as the passport's.
    #[test]
    fn each_numbers_document_is_chosen_not_preset() {
        let mut answers = filled(&["10202198200311", "10202198254217"]);
        for row in &mut answers.pins {
            row.document = None;
        }
        let answers = apply(answers, vec![Edit::Continue(today())]);
        assert_eq!(
            error_fields(&answers),
            [Field::Document(0), Field::Document(1)]
        );
        assert_eq!(
            answers.errors[1].1.text(Lang::En),
            "Number 2: choose the document it is on"
        );
        let answers = apply(
            answers,
            vec![
                Edit::Document(0, Document::Tax),
                Edit::Document(1, Document::Passport),
                Edit::Continue(today()),
            ],
        );
        assert!(answers.errors.is_empty(), "{:?}", answers.errors);
        let report = answers.report(today(), Lang::En);
        assert_eq!(report.pins[1].role, kgpin::person::PinRole::Keep);
    }
}
