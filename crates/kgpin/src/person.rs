//! One person and every PIN they found on their documents: which number
//! agrees with them and with their identity document, which look like the
//! double PINs to correct, and what to do next. The citizen's pre-check
//! before a request is filed; `checkPersonPins` in the package runs the same.
//!
//! This module decides, in codes; [`crate::report::check_person_pins`] words it.
//!
//! ```
//! use kgpin::person::{assess, Document, Holder, NextStep, PersonFinding, PinRole};
//! use kgpin::{Date, Sex};
//!
//! let today = Date::new(2026, 11, 25)?;
//! let holder = Holder { sex: Some(Sex::Female), birth_date: Some(Date::new(1982, 2, 2)?), ..Holder::default() };
//! let pins = [
//!     ("10202198254217".to_string(), Document::Passport),
//!     ("10202198200311".to_string(), Document::Tax),
//! ];
//! let assessed = assess(&holder, &pins, today);
//! assert_eq!(assessed.pins[0].role, PinRole::Keep);
//! assert_eq!(assessed.pins[1].role, PinRole::Duplicate);
//! assert_eq!(assessed.findings[0].code(), "several_pins_one_person");
//! assert_eq!(assessed.next_steps[1], NextStep::KyzmatCorrects);
//! # Ok::<(), kgpin::DateError>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::pin::{
    check, is_plausible_birth_date, DateMismatch, PartsDiffer, Pin, PinCheck, PinError, PinWarning,
    Stated, ID_CARD_AGE,
};
use crate::sex::Sex;

crate::coded_enum! {
    /// The document a PIN was found on.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Document {
        /// Passport or ID card: the identity document, whose PIN is the one to keep.
        "passport" => Passport,
        /// A tax registration (the Tax Service assigned PINs before 2016).
        "tax" => Tax,
        /// A Social Fund certificate (the Social Fund assigned PINs before 2016).
        "social_fund" => SocialFund,
        /// A birth certificate.
        "birth_certificate" => BirthCertificate,
        /// Any other paper.
        "other" => Other,
    }
}

crate::coded_enum! {
    /// What one PIN of the person is, among their numbers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum PinRole {
        /// Agrees with the person (and is on the identity document, if one was given): keep it.
        "keep" => Keep,
        /// Agrees with the person too: a second number of one person, to correct.
        "duplicate" => Duplicate,
        /// Issued with a birth date one slip away from the person's: to correct.
        "wrong_date" => WrongDate,
        /// A birth date unlike the person's: perhaps another person's number.
        "other_person" => OtherPerson,
        /// The same number as an earlier one in the list.
        "repeated" => Repeated,
        /// Not a valid PIN: see its errors.
        "invalid" => Invalid,
        /// Valid, but nothing to compare it with (no birth date given).
        "unchecked" => Unchecked,
        /// Valid, but not judged: the person's documents give another birth date
        /// than the one typed, and that is settled first.
        "awaits_birth_date" => AwaitsBirthDate,
        /// Valid, but not judged: the identity document's number was mistyped
        /// here, and which number stays hangs on it.
        "awaits_retyping" => AwaitsRetyping,
        /// The person's, but which of their numbers stays hangs on the sex
        /// digit (a change of gender keeps the old number by law, a mistake
        /// does not): the centre decides, the page does not guess.
        "centre_decides" => CentreDecides,
        /// The person's, as another number that agrees is, and nothing given
        /// tells which stays: two identity documents carry different numbers,
        /// none was given, or the identity document's number is itself in
        /// doubt (serial 00000). The number in the current passport or ID
        /// card stays; the centre checks it. The page does not pick one by
        /// the order the numbers were typed in.
        "document_decides" => DocumentDecides,
        /// Valid, but its birth date is one no living person has (before
        /// 1900, or over [`MAX_PLAUSIBLE_AGE`](crate::pin::MAX_PLAUSIBLE_AGE)
        /// years ago) while the typed date is one a person can have: most
        /// likely copied wrong here. Compared with its document first; if
        /// the document carries it so, it was issued with a wrong date and
        /// is corrected. Never the date the typed one is doubted for. (Far
        /// from the typed date and from every other number, off the
        /// identity papers, it is a late relative's: `other_person`.)
        "date_impossible" => DateImpossible,
        /// Valid and on the person's birth date, but with the other sex digit
        /// than the person's and more than one slip from the number kept
        /// (which carries the person's): the person's number issued with a
        /// wrong sex digit, or another person's born the same day (a twin
        /// brother or sister, say) written on the person's document. Not called a
        /// double PIN to be corrected (that could cost its owner the
        /// number): compared with the document, then checked by the centre.
        "other_sex_digit" => OtherSexDigit,
        /// Valid, on the birth date and with the sex digit of the number
        /// kept, another serial (the next one too: a twin's often is), for a
        /// person born since 2016, when numbers came to be issued centrally
        /// from one database: more likely another person's born that day (a
        /// twin, another baby's paper) than a second number of theirs. With
        /// no number to keep by, each such number of the person's. Not called
        /// a double PIN: compared with the document, then checked by the centre.
        "born_same_day" => BornSameDay,
    }
}

impl PinRole {
    /// A number the centre corrects or checks: one to correct, another
    /// person's, or one of which the centre or the documents decide: it
    /// makes `needs_correction`.
    fn goes_to_centre(self) -> bool {
        matches!(
            self,
            PinRole::Duplicate
                | PinRole::WrongDate
                | PinRole::OtherPerson
                | PinRole::CentreDecides
                | PinRole::DocumentDecides
                | PinRole::OtherSexDigit
                | PinRole::BornSameDay
        )
    }
}

crate::coded_enum! {
    /// What the numbers show together. Positions are 1-based, in the order given.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(tag = "code", rename_all_fields = "camelCase")]
    pub enum PersonFinding {
        /// Several valid numbers with the person's date and sex digit, other
        /// serials: one person with numbers from different agencies.
        "several_pins_one_person" => SeveralPinsOnePerson {
            /// The numbers' positions.
            pins: Vec<usize>,
            /// Which parts of the numbers differ (never the birth date here).
            differ: PartsDiffer,
        },
        /// The documents give a birth date that is not the one typed (the
        /// passport's number; else a birth certificate's one slip away; else
        /// the date most documents give, or the only number's one slip away):
        /// most likely a slip in the typed date. No number is named to keep or
        /// to correct until the person settles it.
        "stated_date_differs" => StatedDateDiffers {
            /// The birth date the documents' numbers give.
            documents_say: Date,
            /// The date the person typed.
            typed: Date,
            /// The numbers that give `documents_say`.
            pins: Vec<usize>,
        },
        /// Several numbers that give one birth date, while no date decides
        /// which stays (the typed date waits to be settled, none was typed, or
        /// the passport's number waits to be retyped): one person's numbers
        /// whichever date is right, so only one of them can stay.
        "several_pins_await_birth_date" => SeveralPinsAwaitBirthDate {
            /// The numbers' positions.
            pins: Vec<usize>,
            /// Which parts of the numbers differ (never the birth date here).
            differ: PartsDiffer,
        },
        /// A number whose date is one slip from the person's (a digit, or day and month swapped).
        "pin_with_wrong_date" => PinWithWrongDate {
            /// The number's position.
            pin: usize,
            /// How its date differs.
            detail: DateMismatch,
        },
        /// The same number written more than once.
        "same_pin_twice" => SamePinTwice {
            /// The positions of the copies.
            pins: Vec<usize>,
        },
        /// Numbers whose birth dates cannot both be this person's.
        "not_the_same_person" => NotTheSamePerson {
            /// The numbers with a date unlike the person's.
            pins: Vec<usize>,
        },
        /// A number's sex digit differs from the stated sex (not changed on a change of gender).
        "sex_digit_differs" => SexDigitDiffers {
            /// The number's position.
            pin: usize,
            /// A child's number: no change of gender explains it.
            for_child: bool,
        },
        /// None of the numbers agrees with the person's birth date.
        "no_pin_agrees" => NoPinAgrees,
        /// The number to keep is not from the identity document: bring the document.
        "keep_not_on_id_document" => KeepNotOnIdDocument {
            /// The number's position.
            pin: usize,
        },
        /// Several numbers agree with the person, and the one to keep is
        /// the identity document's: why it, not another, stays.
        "keep_on_id_document" => KeepOnIdDocument {
            /// The number's position.
            pin: usize,
        },
        /// One number, and it agrees with the person: nothing to correct.
        "all_agree" => AllAgree,
        /// Numbers that cannot be a PIN as written (a letter, a digit too many
        /// or too few): most likely mistyped here; nothing to apply for yet.
        "pin_mistyped" => PinMistyped {
            /// The numbers' positions.
            pins: Vec<usize>,
        },
        /// Valid numbers each one typing slip from another of them (one
        /// digit, or two neighbours swapped; [`Pin::one_slip_from`]): most
        /// often one number copied wrong, here or on a document, so each is
        /// compared with its document before anything is applied for.
        "pins_one_slip_apart" => PinsOneSlipApart {
            /// The numbers' positions.
            pins: Vec<usize>,
        },
        /// Valid numbers whose birth date no living person has (see
        /// [`PinRole::DateImpossible`]): compared with their documents first.
        "pin_date_impossible" => PinDateImpossible {
            /// The numbers' positions.
            pins: Vec<usize>,
        },
    }
}

crate::coded_enum! {
    /// What the person does next, decided here and worded by `messages`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(tag = "code", rename_all_fields = "camelCase")]
    pub enum NextStep {
        /// Copy a mistyped number again from its document and check again.
        "retype_mistyped" => RetypeMistyped,
        /// Compare numbers one slip apart with their documents, digit by
        /// digit, before applying: one of them may be mistyped here.
        "compare_with_documents" => CompareWithDocuments {
            /// The numbers' positions.
            pins: Vec<usize>,
        },
        /// Check the typed birth date against the documents first; no correction yet.
        "check_typed_birth_date" => CheckTypedBirthDate {
            /// The birth date the documents' numbers give.
            documents_say: Date,
            /// How far that date is from the typed one: what else but a
            /// number issued wrong may explain it.
            apart: TypedDateApart,
        },
        /// A sex digit differs: have a centre check it unless the gender was changed.
        "ask_about_sex_digit" => AskAboutSexDigit {
            /// A child's numbers: the sex selected and the birth
            /// certificate are checked, no change of gender is asked about.
            for_child: bool,
        },
        /// Type the date of birth and check again: it tells which of several
        /// numbers of one person stays.
        "type_birth_date" => TypeBirthDate,
        /// Select the sex and check again: the person's numbers differ in
        /// the sex digit, and which stays hangs on it.
        "select_sex" => SelectSex,
        /// Nothing needs doing.
        "nothing_to_do" => NothingToDo,
        /// Apply at a Public Service Centre, with these documents.
        "apply_at_centre" => ApplyAtCentre {
            /// The documents to bring, the identity document first.
            bring: Vec<Document>,
            /// Kinds among `bring` that carry two numbers or more (two
            /// passports): each paper is brought, not one of the kind (a
            /// reading found two passports' numbers "Bring: passport").
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            several: Vec<Document>,
            /// The person is a child (under 16): a parent or guardian
            /// applies for them and brings their own passport or ID card
            /// too (a reading found a child's list without it).
            for_child: bool,
        },
        /// Kyzmat corrects a double PIN in 1-2 working days, no second visit.
        "kyzmat_corrects" => KyzmatCorrects,
        /// The result comes by post where the address is known.
        "notified_by_post" => NotifiedByPost,
    }
}

crate::coded_enum! {
    /// How far the date the documents' numbers give is from the typed date,
    /// and so what else may explain it before a number is called issued
    /// wrong (see [`NextStep::CheckTypedBirthDate`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum TypedDateApart {
        /// One typing slip apart, and two numbers or more give that date
        /// (or one from two kinds of paper): the date typed here is the
        /// likelier slip.
        "slip" => Slip,
        /// One typing slip apart, and one number from one paper gives that date: the date
        /// typed here, or that number copied here, may be the slip (a
        /// reading found a number's date digit mistyped sent to the
        /// centre, the number never compared).
        "number_or_date_slip" => NumberOrDateSlip,
        /// Further apart, and another number gives the typed date (or one
        /// slip from it): a number with the documents' date is most likely
        /// on a relative's document, to leave out, and only on the person's
        /// own was it issued wrong (a reading found a father sent to the
        /// centre with his son's passport).
        "far_beside_typed" => FarBesideTyped,
        /// Further apart, and no number near the typed date: the numbers
        /// are most likely another person's (a parent typing their own date
        /// beside a child's numbers was told they were issued wrong).
        "far" => Far,
    }
}

/// The person the numbers belong to, as they state it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Holder {
    /// Surname.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// Patronymic, if any.
    pub patronymic: String,
    /// Sex, if given.
    pub sex: Option<Sex>,
    /// Date of birth, if given.
    pub birth_date: Option<Date>,
}

/// One of the person's numbers, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessedPin {
    /// Where the number was found.
    pub document: Document,
    /// The number's own check, against the person's sex and birth date.
    pub check: PinCheck,
    /// What the number is among the person's numbers.
    pub role: PinRole,
}

/// What the numbers are, what they show together and what to do: codes and
/// data only, worded by [`crate::report::PersonPinsReport`].
#[derive(Debug, Clone, PartialEq)]
pub struct PersonPins {
    /// Each number, in the order given.
    pub pins: Vec<AssessedPin>,
    /// What the numbers show together.
    pub findings: Vec<PersonFinding>,
    /// Whether anything needs correcting at a Public Service Centre.
    pub needs_correction: bool,
    /// What to do next, in order.
    pub next_steps: Vec<NextStep>,
}

/// Checks each of a person's numbers and decides what they show together.
pub fn assess(holder: &Holder, pins: &[(String, Document)], today: Date) -> PersonPins {
    let stated = Stated {
        sex: holder.sex,
        birth_date: holder.birth_date,
    };
    let checks: Vec<PinCheck> = pins
        .iter()
        .map(|(input, _)| check(input, today, &stated))
        .collect();
    let parsed: Vec<Option<Pin>> = checks
        .iter()
        .map(|c| c.pin.filter(|_| c.is_valid()))
        .collect();
    let mut roles: Vec<PinRole> = vec![PinRole::Invalid; pins.len()];
    let mut findings = Vec::new();
    // Copies of one number: the first stands for all.
    let mut repeated: Vec<Vec<usize>> = Vec::new();
    for (i, pin) in parsed.iter().enumerate() {
        let Some(pin) = pin else {
            continue;
        };
        match parsed[..i].iter().position(|p| p.as_ref() == Some(pin)) {
            Some(first) => {
                roles[i] = PinRole::Repeated;
                match repeated.iter_mut().find(|g| g[0] == first + 1) {
                    Some(group) => group.push(i + 1),
                    None => repeated.push(vec![first + 1, i + 1]),
                }
            }
            None => roles[i] = PinRole::Unchecked,
        }
    }
    let distinct: Vec<usize> = (0..pins.len())
        .filter(|&i| roles[i] == PinRole::Unchecked)
        .collect();
    // An organisation's INN (a leading 0, an employer's on a tax paper) is
    // no person's number mistyped: its words say whose it is, and it is
    // neither copied again nor brought (a reading found "copy the
    // mistyped number again" of one).
    // (Only on a tax or "other" paper: the others carry a person's number,
    // and there a leading 0 is a slip, 02503… for 20503…; nor with the
    // typed date in its digits 2-9, a PIN's date: the person's number with
    // its first digit slipped, a review found.)
    let typed_digits = holder.birth_date.map(Date::ddmmyyyy_digits);
    let organisations: Vec<bool> = checks
        .iter()
        .zip(pins)
        .map(|(c, (input, d))| {
            let digits: Vec<u8> = input
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|b| b - b'0')
                .collect();
            matches!(c.errors[..], [PinError::LegalEntityInn])
                && matches!(d, Document::Tax | Document::Other)
                && typed_digits.is_none_or(|typed| digits.get(1..9) != Some(&typed[..]))
        })
        .collect();
    // Whether a number, or a copy of it further down, is on the identity document.
    let on_passport: Vec<bool> = (0..pins.len())
        .map(|i| {
            (0..pins.len()).any(|j| {
                (j == i || (roles[j] == PinRole::Repeated && parsed[j] == parsed[i]))
                    && pins[j].1 == Document::Passport
            })
        })
        .collect();
    // A date no living person has: most likely a number copied wrong. Such
    // a number neither speaks for the date (the typed one is not doubted for
    // it) nor is judged by it (it is not kept as the person's). Far from
    // everything the person gave, it is a late relative's (`late`): another
    // person's, out of the dates too.
    let (late, impossible): (Vec<usize>, Vec<usize>) = distinct
        .iter()
        .copied()
        .filter(|&i| parsed[i].is_some_and(|p| !is_plausible_birth_date(p.birth_date(), today)))
        .partition(|&i| late_relatives(i, holder, &parsed, pins, today));
    // Copies of such a number too, each compared with its document.
    let impossible_or_copies: Vec<usize> = (0..pins.len())
        .filter(|&j| {
            impossible
                .iter()
                .any(|&i| parsed[j].is_some() && parsed[j] == parsed[i])
        })
        .collect();
    let dated: Vec<(usize, Date)> = distinct
        .iter()
        .filter(|i| !impossible.contains(i) && !late.contains(i))
        .filter_map(|&i| Some((i, parsed[i]?.birth_date())))
        .collect();
    // Kinds of document that carry each distinct number: two agencies that
    // wrote one number agree on its date as much as two numbers do; one
    // number typed twice from the same kind of paper is one word, not two.
    let copies: Vec<usize> = (0..pins.len())
        .map(|i| {
            let mut kinds: Vec<Document> = Vec::new();
            for j in 0..pins.len() {
                if parsed[j].is_some() && parsed[j] == parsed[i] && !kinds.contains(&pins[j].1) {
                    kinds.push(pins[j].1);
                }
            }
            kinds.len()
        })
        .collect();
    let on_birth_certificate: Vec<bool> = (0..pins.len())
        .map(|i| {
            (0..pins.len()).any(|j| {
                parsed[j].is_some()
                    && parsed[j] == parsed[i]
                    && pins[j].1 == Document::BirthCertificate
            })
        })
        .collect();
    let sex_fits: Vec<bool> = parsed
        .iter()
        .map(|pin| pin.is_none_or(|pin| holder.sex.is_none_or(|sex| pin.sex() == sex)))
        .collect();
    let firm: Vec<bool> = parsed
        .iter()
        .map(|pin| pin.is_some_and(|pin| holder.sex == Some(pin.sex()) && !pin.serial().is_zero()))
        .collect();
    // Too young for a passport: the birth certificate is the identity document.
    let child = holder
        .birth_date
        .is_some_and(|born| born.years_until(today) < ID_CARD_AGE);
    // A number with serial 00000 on the typed date (likely made up from the
    // sex and that date) says nothing of the date beside a firm number (the
    // sex given and on it, a real serial) a slip from the typed date: a
    // reading found such a passport on the typed date make the tax and
    // Social Fund papers a slip off "issued wrong", and a review, one real
    // number "to correct" beside it. (Beside far numbers only, a relative's,
    // or with no sex given, it still speaks.)
    let documents_say = holder.birth_date.and_then(|born| {
        let slip_off = dated
            .iter()
            .any(|&(i, d)| firm[i] && d != born && within_a_slip(d, born));
        let heard: Vec<(usize, Date)> = dated
            .iter()
            .copied()
            .filter(|&(i, d)| {
                !(slip_off && d == born && parsed[i].is_some_and(|p| p.serial().is_zero()))
            })
            .collect();
        let said = documents_date(
            &heard,
            &DocumentsOf {
                passport: &on_passport,
                birth_certificate: &on_birth_certificate,
                copies: &copies,
                sex_fits: &sex_fits,
                firm: &firm,
                child,
            },
            born,
        );
        // A typed date no living person has is asked about against any
        // number's real date (the earliest, so the order never decides),
        // never taken to judge the numbers by (1982 "to correct" beside a
        // typed 1892).
        if is_plausible_birth_date(born, today) {
            said
        } else {
            said.or_else(|| dated.iter().map(|&(_, d)| d).min())
        }
    });

    // The identity document's number mistyped here, and no copy of it typed
    // right: another number may be that very number, so none is named to
    // keep or correct until it is copied again. A passport's number dated
    // before any living person (1892 for 1982) is most likely mistyped too:
    // beside it, a number on the typed date was "keep" and the passport's
    // real number, once copied right, would have been the one to keep. (A
    // typed date no living person has is asked about first, below; a number
    // that two kinds of document carry alike was not mistyped here.)
    let passport_entries: Vec<usize> = (0..pins.len())
        .filter(|&i| pins[i].1 == Document::Passport)
        .collect();
    let typed_date_plausible = holder
        .birth_date
        .is_none_or(|born| is_plausible_birth_date(born, today));
    let passport_given = !passport_entries.is_empty();
    // (For a child, every birth certificate mistyped too: a reading found a
    // child's mistyped certificate leave the Social Fund's copy of the
    // child's own number "a twin's?".)
    // (Any passport or ID card mistyped: beside another with a different
    // number, a reading found the mistyped one's real number, on another
    // paper, named "to be corrected".)
    let passport_invalid = passport_entries.iter().any(|&i| parsed[i].is_none())
        || child
            && pins.iter().any(|(_, d)| *d == Document::BirthCertificate)
            && (0..pins.len())
                .all(|i| pins[i].1 != Document::BirthCertificate || parsed[i].is_none());
    let passport_unlikely = passport_given
        && passport_entries
            .iter()
            .all(|&i| parsed[i].is_none() || impossible_or_copies.contains(&i) && copies[i] == 1);
    let passport_mistyped = passport_invalid && !distinct.is_empty()
        || typed_date_plausible
            && passport_unlikely
            && distinct.iter().any(|i| !impossible.contains(i));
    // Numbers one typing slip from another of them, and numbers that share
    // a serial (not 00000) and differ elsewhere, which may be one number
    // copied here with two slips: compared with their documents before
    // anything is applied for. (What the serial means is not known, so a
    // shared one judges nothing: it only asks for the comparison.)
    let [slipped, serial_kin] = slipped_and_serial_kin(&distinct, &parsed);
    // "As it should be" is not said of a number whose date nobody living has.
    let repeated: Vec<Vec<usize>> = repeated
        .into_iter()
        .filter(|copies| !impossible.contains(&(copies[0] - 1)))
        .collect();
    // Once the roles are decided: only of a number kept, or of the only
    // number given with no date to judge it by; never of one that is, or
    // may be, to correct (a reading found the double PIN on a tax and a
    // Social Fund paper "as it should be"), nor of one waiting for the date
    // or the passport's number to be settled (it may yet be). Its copies
    // say "listed above" under the number's own judgement.
    let same_pin_twice = |roles: &[PinRole]| -> Vec<PersonFinding> {
        repeated
            .iter()
            .filter(|copies| match roles[copies[0] - 1] {
                PinRole::Keep => true,
                PinRole::Unchecked => distinct.len() == 1,
                _ => false,
            })
            .map(|pins| PersonFinding::SamePinTwice { pins: pins.clone() })
            .collect()
    };
    if passport_mistyped {
        // A number far from the typed date, beside one near it, is another
        // person's whatever the identity paper's number turns out to be (a
        // review found a mother's passport beside her son's mistyped birth
        // certificate waiting, and its female digit doubted as his).
        let near = |i: usize| {
            holder
                .birth_date
                .zip(parsed[i])
                .is_some_and(|(born, pin)| within_a_slip(pin.birth_date(), born))
        };
        let any_near = distinct.iter().any(|&j| near(j));
        let others: Vec<usize> = distinct
            .iter()
            .copied()
            .filter(|&i| any_near && !near(i) && !impossible.contains(&i) || late.contains(&i))
            .collect();
        for &i in &distinct {
            roles[i] = if others.contains(&i) {
                PinRole::OtherPerson
            } else {
                PinRole::AwaitsRetyping
            };
        }
        if !others.is_empty() {
            findings.push(PersonFinding::NotTheSamePerson {
                pins: others.iter().map(|i| i + 1).collect(),
            });
        }
        for &i in &impossible {
            roles[i] = PinRole::DateImpossible;
        }
        if !impossible.is_empty() {
            findings.push(PersonFinding::PinDateImpossible {
                pins: impossible.iter().map(|i| i + 1).collect(),
            });
        }
        let awaiting: Vec<(usize, Date)> = dated
            .iter()
            .copied()
            .filter(|(i, _)| !others.contains(i))
            .collect();
        findings.extend(double_pins_awaiting_date(&awaiting, &parsed));
        findings.extend(same_pin_twice(&roles));
        let sex_findings = sex_digit_findings(&checks, &roles);
        let sex_differs = !sex_findings.is_empty();
        let sex_for_child = sex_findings_for_child(&sex_findings);
        findings.extend(sex_findings);
        let invalid: Vec<usize> = (0..pins.len())
            .filter(|&i| roles[i] == PinRole::Invalid && !organisations[i])
            .map(|i| i + 1)
            .collect();
        if !invalid.is_empty() {
            findings.push(PersonFinding::PinMistyped { pins: invalid });
        }
        let mut steps = vec![NextStep::RetypeMistyped];
        if sex_differs {
            steps.push(NextStep::AskAboutSexDigit {
                for_child: sex_for_child,
            });
        }
        compare_first(&slipped, slipped.clone(), &mut findings, &mut steps);
        return PersonPins::of(checks, pins, roles, findings, steps);
    }
    let mut agreeing = Vec::new();
    let mut other_person = Vec::new();
    // Which numbers are the person's hangs on a sex not given (below).
    let mut sex_unknown_decides = false;
    match (holder.birth_date, documents_say) {
        // The documents agree on another date than the one typed: ask first, judge nothing.
        (Some(typed), Some(documents_say)) => {
            for &i in &distinct {
                roles[i] = PinRole::AwaitsBirthDate;
            }
            findings.push(PersonFinding::StatedDateDiffers {
                documents_say,
                typed,
                // Every document that says it, copies of one number included.
                pins: (0..pins.len())
                    .filter(|&i| parsed[i].map(|p| p.birth_date()) == Some(documents_say))
                    .map(|i| i + 1)
                    .collect(),
            });
            findings.extend(double_pins_awaiting_date(&dated, &parsed));
        }
        (Some(born), None) => {
            // A date one slip off and the other sex digit, while a number
            // that agrees carries the person's: two slips on one
            // number (no change of gender explains it), more likely another
            // person's than a second of theirs; unless the number is one
            // typing slip from another given (two digits swapped across the
            // sex digit and the day), which is compared first.
            // The person's sex digit: the sex given, else the one every
            // identity paper on their date carries (a reading found, with no
            // sex given, a number with the other digit and a slipped date
            // "to be corrected" beside the passport on the date); another
            // paper does not tell the person's sex (a review found an
            // "other" paper's digit make the tax number "not yours").
            let agreeing_dated = || dated.iter().filter(|&&(_, date)| date == born);
            let sex_of_dated = |i: usize| parsed[i].map(|p| p.sex());
            let identity_paper = |i: usize| on_passport[i] || child && on_birth_certificate[i];
            // (Only where every number on the date carries that digit: with
            // both there, the sex is asked for first; a review found a
            // number judged another person's while the sex was asked for.)
            let person_sex = holder.sex.or_else(|| {
                let first = agreeing_dated()
                    .find(|&&(i, _)| identity_paper(i))
                    .and_then(|&(i, _)| sex_of_dated(i))?;
                agreeing_dated()
                    .all(|&(i, _)| sex_of_dated(i) == Some(first))
                    .then_some(first)
            });
            // No sex given, none to stand for it, and a number a slip from
            // the person's date with another digit than one on it: whether
            // it is theirs (the typed date then doubted) or another
            // person's hangs on the sex, which is asked for first (a
            // reading found a spouse's number "to be corrected", with no
            // sex given, beside the person's Social Fund number).
            let digit_apart = |i: usize| {
                person_sex.is_none()
                    && sex_of_dated(i).is_some()
                    && agreeing_dated().any(|&(j, _)| {
                        sex_of_dated(j).is_some() && sex_of_dated(j) != sex_of_dated(i)
                    })
            };
            let sex_digit_is = |i: usize| {
                let sex = person_sex?;
                sex_of_dated(i).map(|s| s == sex)
            };
            // A number on their date carries it, and none with the other
            // digit there is on the passport (which a change of gender
            // would explain). Beside it, one with the other digit on their
            // date on another paper is a twin's, not a sign that the digit
            // may differ (a reading found a slipped number with the other
            // digit "to be corrected" once a brother's tax number was added).
            let person_sex_digit_agrees = agreeing_dated()
                .any(|&(i, _)| sex_digit_is(i) == Some(true))
                && !agreeing_dated()
                    .any(|&(i, _)| sex_digit_is(i) == Some(false) && on_passport[i]);
            let mut awaiting = false;
            for &(i, date) in &dated {
                if date == born {
                    agreeing.push(i);
                    continue;
                }
                // (Not one slip from a number that shares its serial: the
                // person's with the sex digit and the day's digit swapped,
                // theirs mistyped. One slip from another far number alone
                // is another person's copied twice: a reading found a
                // husband's number typed twice "to be corrected".)
                let two_slips = person_sex_digit_agrees
                    && sex_digit_is(i) == Some(false)
                    && !(slipped.contains(&(i + 1)) && serial_kin.contains(&(i + 1)));
                let detail = DateMismatch::between(date, born);
                if detail == DateMismatch::Different || two_slips {
                    roles[i] = PinRole::OtherPerson;
                    other_person.push(i + 1);
                } else if agreeing_dated().next().is_none() {
                    // No number on the typed date (two passports that
                    // disagree, say): the typing may be the slip, so this
                    // number is not named to correct; the date is asked
                    // about (no_pin_agrees).
                    roles[i] = PinRole::AwaitsBirthDate;
                    awaiting = true;
                } else if digit_apart(i) && !slipped.contains(&(i + 1)) {
                    roles[i] = PinRole::AwaitsBirthDate;
                    sex_unknown_decides = true;
                } else {
                    roles[i] = PinRole::WrongDate;
                    findings.push(PersonFinding::PinWithWrongDate { pin: i + 1, detail });
                }
            }
            // Numbers on one date are one person's whichever date is theirs.
            if awaiting {
                findings.extend(double_pins_awaiting_date(&dated, &parsed));
            }
        }
        // No date to judge by, but numbers on one date are still a double PIN.
        (None, _) => findings.extend(double_pins_awaiting_date(&dated, &parsed)),
    }
    for &i in &impossible {
        roles[i] = PinRole::DateImpossible;
    }
    if !impossible.is_empty() {
        findings.push(PersonFinding::PinDateImpossible {
            pins: impossible.iter().map(|i| i + 1).collect(),
        });
    }
    // (Put in the list's order, not sorted: a sort's code was 1.5 KB of the
    // package's checks.)
    for &i in &late {
        roles[i] = PinRole::OtherPerson;
        let at = other_person.partition_point(|&p| p < i + 1);
        other_person.insert(at, i + 1);
    }
    // The number to keep: the identity document's (the passport's, else, for
    // a child, the birth certificate's), else the only one that agrees. Two
    // such numbers, or none on an identity document among several, leave
    // the choice to the documents themselves, not to the order of the list;
    // so does a serial 00000 (likely mistyped) on the one that would stay
    // beside a number without it.
    let only = |of: &mut dyn Iterator<Item = usize>| -> Option<Option<usize>> {
        let found: Vec<usize> = of.collect();
        match found.as_slice() {
            [] => None,
            [one] => Some(Some(*one)),
            _ => Some(None),
        }
    };
    let on_identity = |i: &usize| on_passport[*i];
    let on_child_identity = |i: &usize| child && on_birth_certificate[*i];
    let sex_of = |i: usize| parsed[i].map(|p| p.sex());
    let one_slip = |i: usize, j: usize| {
        parsed[i]
            .zip(parsed[j])
            .is_some_and(|(x, y)| x.one_slip_from(&y))
    };
    let serial_zero = |i: usize| {
        checks[i]
            .warnings
            .iter()
            .any(|w| matches!(w, PinWarning::SerialZero))
    };
    // On the person's date with the other sex digit, beside numbers with
    // theirs (on their date or issued with a wrong date; one not 00000,
    // likely mistyped), more than one slip from each and sharing no serial:
    // not said to be theirs, with or without an identity document to keep
    // by (readings found a twin brother's number "your number too" beside
    // her Social Fund number, and beside her own with a wrong date). On a
    // passport, the centre decides (a change of gender keeps the old digit);
    // not on a child's birth certificate, as no change of gender explains
    // a child's (a reading found a twin brother's birth certificate typed
    // beside his sister's number "one person's ... only one can stay").
    let own = |j: &usize| sex_of(*j) == holder.sex;
    let witnesses: Vec<usize> = (0..pins.len())
        .filter(|&j| own(&j) && (agreeing.contains(&j) || roles[j] == PinRole::WrongDate))
        .collect();
    for &i in &agreeing {
        // A child's birth certificate only beside a number of theirs on
        // their date (not one issued with a wrong date, which the
        // certificate set aside would leave "to correct" on its word alone:
        // a review's find).
        // And only where one number of theirs is on their date: beside two,
        // which stays would be the certificate's to say (a reading found
        // "the birth certificate's stays" of one just set aside).
        // A child's passport too: no change of gender explains it (a
        // reading found a twin sister's passport make the boy's birth
        // certificate "one person's ... only one can stay").
        let child_paper = on_child_identity(&i) || child && on_identity(&i);
        let own_on_date = agreeing.iter().filter(|j| own(j)).count();
        // (Or beside a birth certificate of theirs on their date, which
        // then stays: a reading found a twin brother's paper "your number
        // too" once the girl's double PIN was typed beside it.)
        let witnessed = |j: &usize| {
            !serial_zero(*j)
                && (!child_paper
                    || agreeing.contains(j) && (own_on_date == 1 || on_birth_certificate[*j]))
        };
        // Beside a child's own birth certificate with the sex given, any
        // paper of the child's one slip from it too (the sex digit alone,
        // the serial shared): no change of gender explains a child's digit,
        // so the certificate stays and this one, compared first as one slip
        // apart, is set aside (a reading found a girl of 2019 told "the
        // centre decides" of both, and "a double PIN").
        let beside_own_certificate = child
            && witnesses
                .iter()
                .any(|&j| on_birth_certificate[j] && agreeing.contains(&j) && !serial_zero(j));
        if !own(&i)
            && (child || !on_identity(&i))
            && (beside_own_certificate
                || witnesses.iter().any(witnessed)
                    && !witnesses.iter().any(|&j| one_slip(i, j))
                    // (A shared serial: more likely one number copied wrong twice.)
                    && !serial_kin.contains(&(i + 1)))
        {
            roles[i] = PinRole::OtherSexDigit;
        }
    }
    let set_aside = roles.contains(&PinRole::OtherSexDigit);
    agreeing.retain(|&i| roles[i] != PinRole::OtherSexDigit);
    // Since 2016 one database issues the numbers: for a person born since,
    // another serial on their date and sex digit is more likely another
    // person's born that day (a same-sex twin's, its serial often the next
    // one) than a double PIN; with nothing to keep by, each may be.
    let born_centrally = holder
        .birth_date
        .is_some_and(|born| born.year() >= CENTRAL_ISSUE_YEAR);
    // Of two numbers or more on one kind of paper, the one with the sex
    // given, where no change of gender explains the other digit: a child's
    // birth certificates (a reading found a girl's own number "nothing
    // tells which stays" beside one with the male digit), and, since 2016,
    // papers that are no identity document (no second number is issued
    // since: a review found a girl of 2019 told "only one can stay").
    let by_sex = |on: &dyn Fn(&usize) -> bool| {
        only(&mut agreeing.iter().copied().filter(|i| on(i) && own(i))).flatten()
    };
    let keep = only(&mut agreeing.iter().copied().filter(on_identity))
        .or_else(|| {
            only(&mut agreeing.iter().copied().filter(on_child_identity))
                .map(|found| found.or_else(|| by_sex(&on_child_identity)))
        })
        .unwrap_or_else(|| {
            only(&mut agreeing.iter().copied()).and_then(|found| {
                found.or_else(|| born_centrally.then(|| by_sex(&|_| true)).flatten())
            })
        });
    // A child's passport and birth certificate on the child's date with
    // two numbers: each is the child's identity paper, and nothing here
    // tells which number is right (a reading found the passport's kept "as
    // the one in your passport (a child's: the birth certificate)").
    // (Only numbers with the person's sex digit: a twin's birth certificate
    // beside the child's passport is another's number, below.)
    // (With no sex given, every number may be the child's: a reading found
    // the birth certificate's "a double PIN, to be corrected" beside "the
    // one in your passport (a child's: the birth certificate) stays".)
    let own_or_unknown = |i: &usize| holder.sex.is_none() || own(i);
    let child_papers_disagree = agreeing.iter().any(|i| on_identity(i) && own_or_unknown(i))
        && agreeing
            .iter()
            .any(|i| on_child_identity(i) && own_or_unknown(i))
        && !agreeing
            .iter()
            .any(|i| on_identity(i) && on_child_identity(i));
    // (For a child born since then, the birth certificate's stays: a
    // passport with another number is more likely a twin's, whose parents
    // hold both, than a double PIN; a reading found "only one can stay"
    // and Kyzmat promised for a child born in 2019.)
    let keep = if child_papers_disagree {
        only(&mut agreeing.iter().copied().filter(on_child_identity))
            .flatten()
            .filter(|_| born_centrally)
    } else {
        keep
    };
    let keep = keep.filter(|&k| !serial_zero(k) || agreeing.iter().all(|&i| serial_zero(i)));
    let document_decides = keep.is_none() && agreeing.len() > 1;
    // The number that would stay has the other sex digit than the person's,
    // and another of theirs has the person's: which is right cannot be told
    // from here, so none is named to keep or to correct.
    // (Or one of theirs issued with a wrong date carries the person's: a
    // reading found a woman told to keep the number with the male digit
    // and correct her own, each one slip from her data.)
    // (Or a number with the other sex digit was set aside above, and the
    // one left is on no identity paper: a twin's, or the person's own
    // from before a change of gender, which keeps the old digit by law; a
    // review found the new-digit number kept.)
    let sex_decides = match (keep, holder.sex) {
        (Some(k), Some(sex)) => {
            sex_of(k) != Some(sex)
                && (0..pins.len())
                    .any(|i| own(&i) && matches!(roles[i], PinRole::Unchecked | PinRole::WrongDate))
                || set_aside && !on_identity(&k) && !on_child_identity(&k)
        }
        // No sex given, and the numbers differ in the sex digit: the first
        // given must not win by its place in the list, and the sex is asked
        // for first whatever the documents.
        (_, None) => {
            sex_unknown_decides
                || agreeing
                    .iter()
                    .any(|&i| sex_of(i) != agreeing.first().and_then(|&f| sex_of(f)))
        }
        // Two identity papers of one date, one with the person's sex digit
        // and one with the other: which stays hangs on the digit (a change
        // of gender keeps the old number by law; the other may be a twin's),
        // so the centre decides, not "nothing tells which stays" of two
        // numbers "one person's" (a reading found a twin brother's passport
        // so, and Kyzmat promised).
        // (Not a child's: no change of gender explains a child's digit, and
        // one born since 2016 has numbers from one database; a review found
        // a girl's two passports "born the same day" made "one person's".)
        (None, Some(_)) => {
            let identity = || agreeing.iter().filter(|i| on_identity(i));
            !child
                && document_decides
                && identity().any(own)
                && identity().any(|i| sex_of(*i).is_some_and(|s| Some(s) != holder.sex))
        }
    };
    let keep = keep.filter(|_| !sex_decides);
    // Beside a kept number with the person's sex digit, one on their date
    // with the other sex digit is not said to be theirs: a twin's number on
    // their document looks just so. Only the sex digit apart from the kept
    // number (the same serial) is one slip: typed or issued wrong, theirs;
    // but not a double PIN for a person born since 2016, whose numbers one
    // database issues (a reading found "a double PIN ... most date from
    // before 2016" and Kyzmat said of a baby's twin brother's number).
    let other_sex_digit = |i: usize| {
        keep.is_some_and(|k| {
            sex_of(k) == holder.sex
                && sex_of(i) != holder.sex
                && (!one_slip(i, k) || born_centrally)
        })
    };
    let born_same_day = |i: usize| born_centrally && keep.is_some_and(|k| sex_of(i) == sex_of(k));
    // With nothing to keep by, only numbers with the person's sex digit
    // (two or more) are "born the same day": its words say so (a reading
    // found them said of a number with the other sex digit).
    // (Two distinct numbers with one date and sex digit differ in the serial.)
    // With no sex given, any: different digits ask for it first (a
    // reading found "a double PIN" and Kyzmat until the sex was given.)
    // (Not counting a serial 00000, likely mistyped: a reading found a
    // child's real number "someone else's born that day" beside a birth
    // certificate typed with 00000.)
    let own_numbers = agreeing
        .iter()
        .filter(|&&i| own_or_unknown(&i) && !serial_zero(i))
        .count();
    let born_same_day_unkept = |i: usize| own_or_unknown(&i) && own_numbers > 1;
    for &i in &agreeing {
        roles[i] = if sex_decides {
            PinRole::CentreDecides
        } else if document_decides && born_centrally && born_same_day_unkept(i) {
            PinRole::BornSameDay
        } else if document_decides {
            PinRole::DocumentDecides
        } else if Some(i) == keep {
            PinRole::Keep
        } else if other_sex_digit(i) {
            PinRole::OtherSexDigit
        } else if born_same_day(i) {
            PinRole::BornSameDay
        } else {
            PinRole::Duplicate
        };
    }
    // The person's own numbers among those on their date.
    agreeing.retain(|&i| !matches!(roles[i], PinRole::OtherSexDigit | PinRole::BornSameDay));
    // With no sex given, numbers with two sex digits are as likely twins' as
    // one person's (the sex is asked for first): only those sharing a digit,
    // or one slip apart, are said to be one person's (a reading found a boy's and a girl's
    // birth certificates "only one of your numbers can stay").
    let one_person: Vec<usize> = agreeing
        .iter()
        .copied()
        .filter(|&i| {
            holder.sex.is_some()
                || agreeing
                    .iter()
                    .any(|&j| j != i && (sex_of(j) == sex_of(i) || one_slip(i, j)))
        })
        .collect();
    if one_person.len() > 1 {
        let numbers: Vec<Pin> = one_person.iter().filter_map(|&i| parsed[i]).collect();
        findings.insert(
            0,
            PersonFinding::SeveralPinsOnePerson {
                pins: one_person.iter().map(|i| i + 1).collect(),
                differ: PartsDiffer::among(&numbers),
            },
        );
    }
    findings.extend(same_pin_twice(&roles));
    if !other_person.is_empty() {
        findings.push(PersonFinding::NotTheSamePerson { pins: other_person });
    }
    let sex_findings = sex_digit_findings(&checks, &roles);
    let sex_differs = !sex_findings.is_empty();
    findings.extend(sex_findings);
    let id_document_given = pins.iter().any(|(_, d)| *d == Document::Passport);
    if let Some(k) = keep {
        // A child's birth certificate is the identity document: a passport
        // whose number is not kept is another's (a parent's, set aside
        // beside the child's number on the typed date).
        let on_id_document = on_passport[k] || (child && on_birth_certificate[k]);
        if !on_id_document && (agreeing.len() > 1 || id_document_given) {
            findings.push(PersonFinding::KeepNotOnIdDocument { pin: k + 1 });
        } else if on_id_document && agreeing.len() > 1 {
            // Each agrees with the date: say why this one stays (a reading
            // of the page found "it agrees with your date" said of one
            // number while the other agreed as well).
            // Right after the finding that they are one person's numbers.
            let at = usize::from(matches!(
                findings.first(),
                Some(PersonFinding::SeveralPinsOnePerson { .. })
            ));
            findings.insert(at, PersonFinding::KeepOnIdDocument { pin: k + 1 });
        }
    }
    // A mistyped number is the citizen's to retype, not the centre's to correct.
    let mistyped: Vec<usize> = (0..pins.len())
        .filter(|&i| roles[i] == PinRole::Invalid && !organisations[i])
        .map(|i| i + 1)
        .collect();
    // (A number whose date nobody living has says so on its own; one set
    // aside with the other sex digit does carry the date: a reading found
    // "none of the numbers agrees with your date" beside a twin's number
    // on it.)
    let date_carried = dated
        .iter()
        .any(|&(_, date)| Some(date) == holder.birth_date);
    if holder.birth_date.is_some()
        && documents_say.is_none()
        && agreeing.is_empty()
        && !dated.is_empty()
        && !date_carried
    {
        findings.push(PersonFinding::NoPinAgrees);
    }
    let needs_correction = roles.iter().any(|r| r.goes_to_centre())
        || findings
        .iter()
        .any(|f| matches!(f, PersonFinding::NoPinAgrees))
        // Corrected if its document carries it so; not while the typed
        // date is asked about (nothing is named to correct until then).
        // With no date typed, only when nothing else waits for one.
        || (!impossible.is_empty()
            && documents_say.is_none()
            && (holder.birth_date.is_some() || dated.is_empty()));
    // (Not of a serial 00000, which no assigned PIN is expected to have: a
    // reading found "nothing to do" beside that warning; it is compared.)
    if !needs_correction
        && !sex_differs
        && mistyped.is_empty()
        && agreeing.len() == 1
        && !serial_zero(agreeing[0])
    {
        findings.push(PersonFinding::AllAgree);
    }
    let any_mistyped = !mistyped.is_empty();
    if any_mistyped {
        findings.push(PersonFinding::PinMistyped { pins: mistyped });
    }
    // A child's passport that carries only another's number (a parent's)
    // is not brought as the child's paper: for a child, the parent's own
    // passport is named anyway (a reading found it listed twice, and the
    // child's birth certificate missing).
    let documents: Vec<Document> = pins
        .iter()
        .zip(&roles)
        .enumerate()
        .filter(|&(i, ((_, d), role))| {
            // Neither an organisation's number nor a parent's passport.
            !(organisations[i]
                || child && *d == Document::Passport && *role == PinRole::OtherPerson)
        })
        .map(|(_, entry)| entry)
        .map(|((_, d), _)| *d)
        .collect();
    // Kinds of paper that carry two distinct numbers or more of the
    // person's (a review found a parent's passport, "leave it out", counted
    // in "each one").
    let mut several: Vec<Document> = Vec::new();
    let persons = |j: usize| roles[j] != PinRole::OtherPerson && !pins[j].0.trim().is_empty();
    let number = |j: usize| parsed[j].as_ref().map_or(pins[j].0.as_str(), Pin::as_str);
    for (i, (_, d)) in pins.iter().enumerate() {
        let another = (0..i).any(|j| pins[j].1 == *d && persons(j) && number(j) != number(i));
        if another && persons(i) && documents.contains(d) && !several.contains(d) {
            several.push(*d);
        }
    }
    let awaits_date = findings
        .iter()
        .any(|f| matches!(f, PersonFinding::SeveralPinsAwaitBirthDate { .. }));
    // A second number of the person: one that agrees too, or one issued
    // with a wrong date beside the number that stays.
    // (Not the one number left beside one set aside with the other sex
    // digit: a second number of theirs is not known, so no double PIN's
    // correction is promised.)
    let double_pin = roles.iter().any(|r| {
        matches!(r, PinRole::Duplicate | PinRole::DocumentDecides)
            || *r == PinRole::CentreDecides && !set_aside
    }) || ((roles.contains(&PinRole::WrongDate)
        || roles.contains(&PinRole::DateImpossible))
        && roles.contains(&PinRole::Keep));
    let outcome = Outcome {
        mistyped: any_mistyped,
        needs_correction,
        sex_differs,
        sex_decides,
        sex_given: holder.sex.is_some(),
        // Two numbers or more and no date: which stays waits for it, even
        // when they give different dates (one of them goes all the same).
        awaits_date: awaits_date || (holder.birth_date.is_none() && distinct.len() > 1),
        double_pin,
        child,
        sex_for_child: sex_findings_for_child(&findings),
    };
    // Numbers one slip apart, numbers with a date nobody living has,
    // numbers that share their serial, one with the other sex digit beside
    // the kept one (a digit typed wrong here is no twin's number), and a
    // serial 00000 that left the choice to the documents: each compared
    // with its document before anything else (a reading found "the
    // passport's number stays" the only word beside a passport number typed
    // with 00000).
    // A kept number (or one the centre decides on) with serial 00000
    // beside one issued with a wrong date is compared too: the centre is
    // not asked to correct a number on the word of one likely mistyped (a
    // reading found it kept with no comparison).
    let compared: Vec<usize> = (1..=pins.len())
        .filter(|&p| {
            slipped.contains(&p)
                || impossible_or_copies.contains(&(p - 1))
                || serial_kin.contains(&p)
                || matches!(roles[p - 1], PinRole::OtherSexDigit | PinRole::BornSameDay)
                || serial_zero(p - 1)
                    && (matches!(
                        roles[p - 1],
                        PinRole::DocumentDecides
                            | PinRole::CentreDecides
                            | PinRole::Duplicate
                            | PinRole::WrongDate
                    ) || roles[p - 1] == PinRole::Keep && agreeing.len() == 1
                        || matches!(roles[p - 1], PinRole::Keep | PinRole::CentreDecides)
                            && roles.contains(&PinRole::WrongDate))
                // An identity paper's number issued, it seems, with a wrong
                // date beside another identity paper's on the person's: one
                // of them more likely mistyped here (a reading's find).
                || roles[p - 1] == PinRole::WrongDate && on_passport[p - 1]
        })
        .collect();
    let apart = |said: Date| match holder.birth_date {
        Some(typed) if !within_a_slip(said, typed) => {
            if dated.iter().any(|&(_, d)| within_a_slip(d, typed)) {
                TypedDateApart::FarBesideTyped
            } else {
                TypedDateApart::Far
            }
        }
        // One number on one kind of paper (`dated` holds each distinct
        // number once; one typed alike from two papers was not mistyped).
        // (A twin's number with the other sex digit counts for nothing.)
        _ if dated
            .iter()
            .filter(|&&(i, d)| d == said && sex_fits.get(i).copied().unwrap_or(true))
            .map(|&(i, _)| copies[i])
            .sum::<usize>()
            == 1 =>
        {
            TypedDateApart::NumberOrDateSlip
        }
        _ => TypedDateApart::Slip,
    };
    let mut steps = next_steps(
        outcome,
        documents_say.map(|said| (said, apart(said))),
        &documents,
        several,
    );
    compare_first(&slipped, compared, &mut findings, &mut steps);
    let mut assessed = PersonPins::of(checks, pins, roles, findings, steps);
    // Two numbers on one date are a double PIN whichever date is right:
    // something is corrected even while the date settles which stays (a
    // reading found "only one of them can stay" beside needsCorrection
    // false, which an integrator would show as "all in order"). The steps
    // above still ask for the date first.
    assessed.needs_correction = needs_correction || awaits_date;
    assessed
}

/// The distinct valid numbers one typing slip from another of them, and
/// those that share their serial (not the placeholder 00000) with another,
/// each as 1-based positions in the order given. One pass for both: two
/// passes cost the citizen's page 200 bytes more.
fn slipped_and_serial_kin(distinct: &[usize], parsed: &[Option<Pin>]) -> [Vec<usize>; 2] {
    let mut found = [Vec::new(), Vec::new()];
    for &a in distinct {
        for &b in distinct {
            let (Some(x), Some(y)) = (parsed[a], parsed[b]) else {
                continue;
            };
            for (list, related) in found.iter_mut().zip([
                x.one_slip_from(&y),
                a != b && x.serial() == y.serial() && !x.serial().is_zero(),
            ]) {
                if related && list.last() != Some(&(a + 1)) {
                    list.push(a + 1);
                }
            }
        }
    }
    found
}

/// Numbers one slip apart: one finding for them all, and their comparison
/// with the documents before anything else is done (retyping a number that
/// is not a PIN aside).
fn compare_first(
    slipped: &[usize],
    compared: Vec<usize>,
    findings: &mut Vec<PersonFinding>,
    steps: &mut Vec<NextStep>,
) {
    if !slipped.is_empty() {
        findings.push(PersonFinding::PinsOneSlipApart {
            pins: slipped.to_vec(),
        });
    }
    if !compared.is_empty() {
        let at = usize::from(steps.first() == Some(&NextStep::RetypeMistyped));
        steps.insert(at, NextStep::CompareWithDocuments { pins: compared });
    }
}

/// Whether the sex digits that differ are a child's: the step that asks
/// about them says the same as the findings (a review found a finding for a
/// child beside a step for an adult, with no date typed).
fn sex_findings_for_child(findings: &[PersonFinding]) -> bool {
    findings.iter().any(|f| {
        matches!(
            f,
            PersonFinding::SexDigitDiffers {
                for_child: true,
                ..
            }
        )
    })
}

/// A sex digit that differs from the sex given, on each number that is, or
/// may be, the person's (not another person's, a copy, or an invalid one).
fn sex_digit_findings(checks: &[PinCheck], roles: &[PinRole]) -> Vec<PersonFinding> {
    checks
        .iter()
        .zip(roles)
        .enumerate()
        .filter(|(_, (_, role))| {
            matches!(
                role,
                PinRole::Keep
                    | PinRole::Duplicate
                    | PinRole::WrongDate
                    | PinRole::Unchecked
                    | PinRole::AwaitsBirthDate
                    | PinRole::AwaitsRetyping
                    | PinRole::CentreDecides
                    | PinRole::DocumentDecides
                    | PinRole::DateImpossible
                    | PinRole::OtherSexDigit
            )
        })
        .filter_map(|(i, (check, _))| {
            check.warnings.iter().find_map(|w| match w {
                PinWarning::SexMismatch { for_child, .. } => Some(PersonFinding::SexDigitDiffers {
                    pin: i + 1,
                    for_child: *for_child,
                }),
                _ => None,
            })
        })
        .collect()
}

impl PersonPins {
    /// The numbers with their checks and roles, nothing yet to correct.
    fn of(
        checks: Vec<PinCheck>,
        pins: &[(String, Document)],
        roles: Vec<PinRole>,
        findings: Vec<PersonFinding>,
        next_steps: Vec<NextStep>,
    ) -> PersonPins {
        PersonPins {
            pins: checks
                .into_iter()
                .zip(pins)
                .zip(roles)
                .map(|((mut check, (_, document)), role)| {
                    // Another person's number, its date far from the
                    // person's, has its own sex: its first digit is not
                    // asked about (a reading found a boy's mother's passport
                    // told "for a child, compare its first digit with the
                    // birth certificate"). Beside a date a slip off, the
                    // other digit is why it is another's: said still.
                    let far = |w: &PinWarning| {
                        matches!(
                            w,
                            PinWarning::BirthDateMismatch {
                                detail: DateMismatch::Different,
                                ..
                            }
                        )
                    };
                    if role == PinRole::OtherPerson && check.warnings.iter().any(far) {
                        check
                            .warnings
                            .retain(|w| !matches!(w, PinWarning::SexMismatch { .. }));
                    }
                    AssessedPin {
                        document: *document,
                        check,
                        role,
                    }
                })
                .collect(),
            findings,
            needs_correction: false,
            next_steps,
        }
    }
}

/// One record of a person in a registry: its PIN as written, the agency it
/// came from (a registry's `source`), and what it states.
#[derive(Debug, Clone, Copy)]
pub struct RegistryEntry<'a> {
    /// The PIN as written.
    pub pin: &'a str,
    /// The agency that wrote the record (`passport`, `tax`, `social_fund`...).
    pub source: &'a str,
    /// The stated sex, if any.
    pub sex: Option<Sex>,
    /// The stated birth date, if any.
    pub birth_date: Option<Date>,
}

/// The PIN to keep among the records a clerk has found to be one person,
/// decided as for a citizen with the same numbers ([`assess`]): the records'
/// sex and birth date where every record that states them agrees, each
/// distinct PIN with the document its agency stands for. `None` where that
/// cannot tell: the records disagree on the date, the sex digit decides, or
/// two numbers agree with the person and neither is the passport's (which
/// was issued first is not in the file; a citizen is told to bring the
/// document, an export must not guess).
///
/// ```
/// use kgpin::person::{pin_to_keep, RegistryEntry};
/// use kgpin::{Date, Sex};
///
/// let born = Date::new(1982, 2, 2).ok();
/// let today = Date::new(2026, 12, 2)?;
/// let tax = RegistryEntry { pin: "10202198200311", source: "tax", sex: Some(Sex::Female), birth_date: born };
/// let passport = RegistryEntry { pin: "10202198254217", source: "passport", sex: None, birth_date: born };
/// assert_eq!(pin_to_keep(&[tax, passport], today).as_deref(), Some("10202198254217"));
/// let other_date = RegistryEntry { birth_date: Date::new(1983, 2, 2).ok(), ..passport };
/// assert_eq!(pin_to_keep(&[tax, other_date], today), None);
/// let social_fund = RegistryEntry { source: "social_fund", ..passport };
/// assert_eq!(pin_to_keep(&[tax, social_fund], today), None, "two agree, no passport");
/// let wrong_date = RegistryEntry { pin: "10302198200311", ..tax };
/// assert_eq!(pin_to_keep(&[wrong_date, social_fund], today).as_deref(), Some("10202198254217"));
/// // The passport's number is the passport's whatever row came first.
/// let tax_copy = RegistryEntry { source: "tax", ..passport };
/// assert_eq!(pin_to_keep(&[tax_copy, passport, tax], today).as_deref(), Some("10202198254217"));
/// # Ok::<(), kgpin::DateError>(())
/// ```
pub fn pin_to_keep(records: &[RegistryEntry], today: Date) -> Option<String> {
    /// The one value every record that states one agrees on.
    fn agreed<T: PartialEq + Copy>(values: impl Iterator<Item = Option<T>>) -> Option<T> {
        let mut agreed = None;
        for value in values.flatten() {
            match agreed {
                None => agreed = Some(value),
                Some(seen) if seen != value => return None,
                Some(_) => {}
            }
        }
        agreed
    }
    let holder = Holder {
        sex: agreed(records.iter().map(|r| r.sex)),
        birth_date: Some(agreed(records.iter().map(|r| r.birth_date))?),
        ..Holder::default()
    };
    let mut pins: Vec<(String, Document)> = Vec::new();
    for record in records {
        let pin = record.pin.trim();
        let document = Document::from_code(record.source.trim()).unwrap_or(Document::Other);
        match pins.iter_mut().find(|(p, _)| p == pin) {
            // The same number from the passport's agency makes it the passport's.
            Some((_, seen)) if document == Document::Passport => *seen = document,
            Some(_) => {}
            None if !pin.is_empty() => pins.push((pin.to_string(), document)),
            None => {}
        }
    }
    let assessed = assess(&holder, &pins, today);
    let keep = assessed.pins.iter().position(|p| p.role == PinRole::Keep)?;
    let rival = assessed.pins.iter().any(|p| p.role == PinRole::Duplicate);
    let (pin, document) = pins.into_iter().nth(keep)?;
    (!rival || document == Document::Passport).then_some(pin)
}

/// Which of two people who share one PIN keeps it: the one whose stated sex
/// and birth date the number encodes, when the other's do not; `None` when
/// both or neither agree, or a record states no birth date (then the centre
/// decides, from the documents). Only the sex and the date are judged: a
/// warning about the number itself is the same for both.
///
/// ```
/// use kgpin::person::{who_keeps_shared_pin, RegistryEntry};
/// use kgpin::{Date, Sex};
///
/// let today = Date::new(2026, 12, 2)?;
/// let her = RegistryEntry { pin: "10202198254217", source: "tax", sex: Some(Sex::Female), birth_date: Date::new(1982, 2, 2).ok() };
/// let him = RegistryEntry { sex: Some(Sex::Male), birth_date: Date::new(1990, 5, 1).ok(), ..her };
/// assert_eq!(who_keeps_shared_pin(&[him, her], today), Some(1));
/// assert_eq!(who_keeps_shared_pin(&[her, her], today), None, "both agree");
/// let undated = RegistryEntry { birth_date: None, ..him };
/// assert_eq!(who_keeps_shared_pin(&[undated, her], today), None, "no date: the centre decides");
/// # Ok::<(), kgpin::DateError>(())
/// ```
pub fn who_keeps_shared_pin(records: &[RegistryEntry; 2], today: Date) -> Option<usize> {
    if records.iter().any(|r| r.birth_date.is_none()) {
        return None;
    }
    let agrees = |r: &RegistryEntry| {
        let stated = Stated {
            sex: r.sex,
            birth_date: r.birth_date,
        };
        let check = check(r.pin, today, &stated);
        check.is_valid()
            && !check.warnings.iter().any(|w| {
                matches!(
                    w,
                    PinWarning::SexMismatch { .. } | PinWarning::BirthDateMismatch { .. }
                )
            })
    };
    match records.each_ref().map(agrees) {
        [true, false] => Some(0),
        [false, true] => Some(1),
        _ => None,
    }
}

/// Which documents carry each number, by position: the identity documents'
/// word on the date goes first, and each kind of paper that carries a number counts once.
struct DocumentsOf<'a> {
    passport: &'a [bool],
    birth_certificate: &'a [bool],
    copies: &'a [usize],
    /// The number's sex digit is the sex given (or none was given).
    sex_fits: &'a [bool],
    /// The sex was given, the number's sex digit is it, and its serial is
    /// not 00000 (likely mistyped): a number firm enough to set a far
    /// passport aside.
    firm: &'a [bool],
    /// The typed date is a child's, too young for a passport: passports
    /// beside it are most likely a parent's.
    child: bool,
}

/// The date itself, or one typing slip from it (one digit, two neighbours
/// swapped, day and month swapped): what a mistyped date can be.
fn within_a_slip(date: Date, typed: Date) -> bool {
    date == typed || DateMismatch::between(date, typed) != DateMismatch::Different
}

/// How many places two digit strings of one length differ in.
fn digits_apart(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).filter(|(x, y)| x != y).count()
}

/// The earliest birth year of a late relative's number: someone who lived
/// into the years numbers were issued in (since the 1990s; the first year
/// is not known to us). An earlier year is a slip (1698 for 1968).
const LATE_RELATIVE_BORN_FROM: u32 = 1880;

/// Whether number `i`, whose date no living person has, is most likely a
/// late relative's rather than the person's own copied wrong: its date is
/// beyond a slip from a typed date a living person can have, it is no slip
/// of another number given, and it is on no identity paper of the person's
/// (a passport; a birth certificate), whose number is theirs and so
/// mistyped. A reading found a grandfather's Social Fund number of 1903,
/// typed beside one's own of 1960, "copied wrong: the centre corrects it",
/// where a number of 1935 was "another person's: if its document is a
/// relative's, leave it out".
fn late_relatives(
    i: usize,
    holder: &Holder,
    parsed: &[Option<Pin>],
    pins: &[(String, Document)],
    today: Date,
) -> bool {
    let Some((born, pin)) = holder.birth_date.zip(parsed[i]) else {
        return false;
    };
    // (A birth certificate is its holder's own at any age.)
    let identity_paper = (0..pins.len()).any(|j| {
        parsed[j] == parsed[i]
            && matches!(pins[j].1, Document::Passport | Document::BirthCertificate)
    });
    // Nor a few slips from another number given (four digits or fewer
    // differ: 1392 for 1932, 1897 for 1987 with a digit of the serial),
    // nor sharing its serial: that is the number copied wrong. Two people's
    // numbers differ in most of their fourteen digits.
    let differ = |other: &Pin| digits_apart(pin.as_str().as_bytes(), other.as_str().as_bytes());
    let copy_of_another = parsed
        .iter()
        .flatten()
        .any(|other| *other != pin && (differ(other) <= 4 || pin.serial() == other.serial()));
    // Nor a date a few slips from the typed one (1897 for 1988 on the
    // same day and month): copied wrong, most likely.
    let dates_differ = digits_apart(&pin.birth_date().ddmmyyyy_digits(), &born.ddmmyyyy_digits());
    is_plausible_birth_date(born, today)
        && pin.birth_date().year() >= LATE_RELATIVE_BORN_FROM
        && dates_differ > 3
        && !copy_of_another
        && !within_a_slip(pin.birth_date(), born)
        && !identity_paper
}

/// The birth date the person's documents give, when it is not the one typed
/// (docs/pin-format.md, "The typed date is checked first"): the passport's
/// number if every near copy of it says one date (a far passport beside a
/// near one, beside one firm number on the typed date on more papers, or
/// beside a child's birth certificate on it, is another person's), else, as for a child, the birth
/// certificate's when its date is one slip from the typed one; near identity
/// papers that disagree give the one of their dates (not the typed one)
/// most papers of the person's sex digit give, unless more give the typed
/// date (with one on the typed date, after two other papers that agree on
/// another date); identity papers all far from the typed date, a slip from
/// one another and of the person's sex, beside an adult's typed date, give
/// the earliest of their dates, unless more papers give the typed date or
/// other papers agree on another (below); else the date that more documents give than any other: two or more while
/// none agrees with the typed date, or one number alone whose date is a slip
/// from the typed one; beside numbers on the typed date, a date one slip
/// from it that more papers of the person's sex give. A slip in the typed
/// date must never make an identity document's number, or the only number
/// given, the one to correct.
fn documents_date(dated: &[(usize, Date)], on: &DocumentsOf, typed: Date) -> Option<Date> {
    let is_slip = |date: &Date| within_a_slip(*date, typed);
    let fits = |i: usize| on.sex_fits.get(i).copied().unwrap_or(true);
    // The kinds of paper that carry number `i`.
    let papers_of = |i: usize| on.copies.get(i).copied().unwrap_or(1);
    // Papers on `date` (each kind that carries a number once): every one,
    // or only numbers with the person's sex digit.
    let count = |date: Date, every: bool| -> usize {
        dated
            .iter()
            .filter(|&&(i, d)| d == date && (every || fits(i)))
            .map(|&(i, _)| papers_of(i))
            .sum()
    };
    // The identity papers' dates: not one far from the typed date with the
    // other sex digit, two differences no slip of the typing makes (a
    // relative's: a reading found a grandson's passport make a woman doubt
    // her date). One pass for both kinds (two cost the citizen's page bytes).
    let (mut passport, mut birth_certificate) = (Vec::new(), Vec::new());
    for &(i, date) in dated {
        if is_slip(&date) || fits(i) {
            for (papers, on_document) in [
                (&mut passport, on.passport),
                (&mut birth_certificate, on.birth_certificate),
            ] {
                if on_document.get(i).copied().unwrap_or(false) {
                    papers.push(date);
                }
            }
        }
    }
    // An identity paper far from the typed date beside one near it is
    // another person's (a passport on 1995 beside one on 1982, another
    // child's birth certificate): it must not unsay the near one.
    let near_only = |papers: &mut Vec<Date>| {
        if papers.iter().any(is_slip) {
            papers.retain(is_slip);
        }
    };
    near_only(&mut passport);
    near_only(&mut birth_certificate);
    // Where the person's sex is given and a number with their sex digit is
    // on the typed date, one with the other digit there counts for nothing
    // (a twin's): it must not outvote a near identity paper (a reading found
    // the passport "to be corrected" once a brother's tax number on the
    // typed date was added to the example of docs/pin-format.md).
    let on_typed = match count(typed, false) {
        0 => count(typed, true),
        own => own,
    };
    // A passport far from the typed date while one firm number (the sex
    // given, its serial not 00000) lies on it, on more papers than carry
    // the passports' numbers (a spouse's passport copied, say): not a slip
    // of the typing, so it is judged against the typed date as any far
    // number is, never the date asked about (a reading found "a PIN was
    // issued with the wrong date, 1990" beside the tax and Social Fund
    // papers' number on the typed 1982). A passport number on the tax and
    // Social Fund papers too, two numbers on the typed date, or a number
    // with serial 00000 leave the date asked about.
    let numbers_on_typed: Vec<usize> = dated
        .iter()
        .filter(|&&(_, d)| d == typed)
        .map(|&(i, _)| i)
        .collect();
    let passport_papers: usize = dated
        .iter()
        .filter(|(i, _)| on.passport.get(*i).copied().unwrap_or(false))
        .map(|&(i, _)| papers_of(i))
        .sum();
    // So is a near passport with the other sex digit: two differences no
    // slip of the typing makes (a reading found a wife's passport make a
    // man doubt his date, then his own number "to correct" once he typed
    // hers). Only a near passport with the person's digit stays asked about.
    // (Nor need the typed date's papers outnumber passports that all carry
    // the other sex digit: a husband's tax number beside his wife's
    // passport a slip off, one paper each, had him doubt his date and then
    // take her passport to be corrected, a third reading found.)
    let other_digit_passports = dated
        .iter()
        .filter(|(i, _)| on.passport.get(*i).copied().unwrap_or(false))
        .all(|&(i, _)| !fits(i));
    if let [only] = numbers_on_typed[..] {
        if on.firm.get(only).copied().unwrap_or(false)
            && (papers_of(only) > passport_papers || other_digit_passports)
            && !dated.iter().any(|&(i, d)| {
                on.passport.get(i).copied().unwrap_or(false)
                    && is_slip(&d)
                    && on.firm.get(i).copied().unwrap_or(false)
            })
        {
            passport.clear();
        }
    }
    // A child's passports all far from the typed date: a child has no ID
    // card yet (a travel passport would carry the child's own date), so
    // these are most likely a parent's, not a sign that the typing slipped
    // (a reading found a family asked to check the child's date against
    // the mother's; a fifth, a parent's passport number beside the child's
    // Social Fund number called "issued wrong"). Judged against the typed
    // date as any far number is: another person's, left out. Where no
    // number is on the typed date and a passport has its day and month,
    // the year was more likely mistyped (an adult's 1982 typed as 2018, a
    // review found): the date is asked about, as for anyone.
    let year_slipped = |date: &Date| date.day() == typed.day() && date.month() == typed.month();
    if on.child
        && !passport.iter().any(is_slip)
        && (!numbers_on_typed.is_empty() || !passport.iter().any(year_slipped))
    {
        passport.clear();
    }
    // Birth certificates all far from the typed date may be another
    // child's: the typed date is then judged against the numbers as usual.
    // A child's identity paper is the birth certificate: a passport of the
    // child's beside one is one more identity paper, not the one that
    // decides alone (a reading found three papers on a girl's typed date,
    // her birth certificate's among them, doubted for her passport's date).
    let identity = if on.child && !passport.is_empty() && !birth_certificate.is_empty() {
        let mut both = passport;
        both.extend(birth_certificate);
        near_only(&mut both);
        both
    } else if !passport.is_empty() {
        passport
    } else if birth_certificate.iter().all(is_slip) {
        birth_certificate
    } else {
        Vec::new()
    };
    // The date one slip from the typed one (not it; an identity paper's,
    // if `identity_only`) that most papers give, the earliest of a tie (so
    // the order typed never decides), with its count.
    let nearest_most = |every: bool, identity_only: bool| {
        let mut best: Option<(Date, usize)> = None;
        for &(_, date) in dated {
            let papers = count(date, every);
            if date != typed
                && is_slip(&date)
                && (!identity_only || identity.contains(&date))
                && best.is_none_or(|(d, p)| papers > p || papers == p && date < d)
            {
                best = Some((date, papers));
            }
        }
        best
    };
    // A number on the typed date carries the person's sex digit, and none
    // with the other digit there is on the passport: then papers with the
    // other digit are another person's (a twin's on the typed date must not
    // let them count again: a review's find, beside the change of stop 51).
    // (None on the typed date: nothing to doubt.)
    let (mut fitting, mut other_digit, mut other_on_passport) = (false, false, false);
    for &(i, d) in dated {
        if d == typed {
            let fit = fits(i);
            fitting |= fit;
            other_digit |= !fit;
            other_on_passport |= !fit && on.passport.get(i).copied().unwrap_or(false);
        }
    }
    let sex_confirmed = !other_digit || fitting && !other_on_passport;
    // The identity papers' date asked about, unless other papers agree on
    // another (below).
    let mut identity_asks = None;
    if let Some(&first) = identity.first() {
        if identity.iter().all(|d| *d == first) {
            return (first != typed).then_some(first);
        }
        // Near identity papers that disagree, none on the typed date
        // (passports on 1983 and 1984): of their dates, the one that most
        // papers of the person's sex give (of either sex, if none has it),
        // the earliest of a tie, is asked about, unless more papers give
        // the typed date. Never a far number's date nor another paper's;
        // and neither passport is "to correct" beside one "other" paper on
        // the typed date.
        // (After `near_only`, the identity papers are all near or all far.)
        // So too when one of them is on the typed date (a passport on
        // 12.03, an ID card on 13.03, 13.03 typed): the typed date alone
        // must not pick which identity document's number is corrected (a
        // reading found the passport's "to be corrected" beside the ID
        // card's, where a tax paper in the ID card's place asked first).
        // Then, where the typed date's numbers carry the person's sex
        // digit, a paper with the other one counts for nothing: a date slip
        // and the sex digit, two slips away, are another person's (as
        // `two_slips` judges below).
        if is_slip(&first) {
            let every = if identity.contains(&typed) {
                !sex_confirmed
            } else {
                !dated
                    .iter()
                    .any(|&(i, d)| d != typed && is_slip(&d) && fits(i))
            };
            // With one of them on the typed date, two other papers or more
            // on another date a slip from it are asked about first (below).
            if let Some((date, papers)) = nearest_most(every, true) {
                if papers >= on_typed {
                    if !identity.contains(&typed) {
                        return Some(date);
                    }
                    identity_asks = Some(date);
                }
            }
        } else if !on.child
            && passport_papers >= on_typed
            && identity
                .iter()
                .all(|a| identity.iter().all(|b| within_a_slip(*a, *b)))
            && dated
                .iter()
                .all(|&(i, _)| !on.passport.get(i).copied().unwrap_or(false) || fits(i))
        {
            // All far from the typed date, a slip from one another, with
            // the person's sex digit, and no more papers on the typed date
            // (a passport on 12.03.1982, an ID card on 13.03.1982,
            // 25.06.1990 typed): the typing is doubted as beside one of them
            // (a reading found both "another person's" while one alone asked
            // about the date); the earliest of their dates (the order typed
            // never decides). Not beside a child's typed date (a parent's
            // passports), nor papers with the other sex digit (a spouse's).
            identity_asks = identity.iter().min().copied();
        }
    }
    // Else, the date more papers give than the typed one, or a slip of it.
    let by_count = 'count: {
        if on_typed > 0 {
            // Beside numbers on the typed date: two papers or more on one date
            // a slip from it, more than carry the typed date, ask first (a
            // reading found the typed date's one "other" paper kept and the tax
            // and Social Fund numbers "to correct", while the typing was the
            // likelier slip). Numbers far from the typed date are another
            // person's and say nothing of it; so are near ones with the other
            // sex digit where the typed date's numbers carry the person's (two
            // slips away, as `two_slips` judges below).
            break 'count nearest_most(!sex_confirmed, false)
                .filter(|&(_, papers)| papers >= 2 && papers > on_typed)
                .map(|(date, _)| date);
        }
        let Some(most) = dated.iter().map(|&(_, d)| count(d, true)).max() else {
            break 'count None;
        };
        let mut on_most = dated
            .iter()
            .map(|&(_, d)| d)
            .filter(|&d| count(d, true) == most);
        let Some(first) = on_most.next() else {
            break 'count None;
        };
        let said = if most >= 2 && on_most.all(|d| d == first) {
            // Two kinds of paper or more on one date, more than on any other.
            first
        } else {
            // The numbers one slip from the typed date (one document alone,
            // or beside others far from it: another person's) give one date:
            // a slip in the typing is far more likely than an agency's, and a
            // far number beside must not make the person's own the one to
            // correct. Near numbers on different dates (12.03.1982 and
            // 21.03.1983 for a typed 12.03.1983), none on the typed date:
            // each may be the person's with the typing slipped, so none is
            // named to correct before the date is checked; the earliest is
            // named to compare with (so the order typed never decides).
            match dated.iter().map(|(_, d)| *d).filter(is_slip).min() {
                Some(date) => date,
                None => break 'count None,
            }
        };
        (said != typed).then_some(said)
    };
    by_count.or(identity_asks)
}

/// Numbers that give one birth date and one sex digit, two or more: one
/// person's whichever date is theirs, so only one can stay. Said while the
/// date waits to be settled or was not typed, without naming which number
/// stays.
fn double_pins_awaiting_date(
    dated: &[(usize, Date)],
    parsed: &[Option<Pin>],
) -> Vec<PersonFinding> {
    let mut findings = Vec::new();
    let mut seen: Vec<(Date, Option<Sex>)> = Vec::new();
    let sex_of = |i: usize| parsed.get(i).copied().flatten().map(|p| p.sex());
    for &(i, date) in dated {
        let sex = sex_of(i);
        if seen.contains(&(date, sex)) {
            continue;
        }
        seen.push((date, sex));
        // One sex digit: numbers on one date with two are as likely twins'
        // as one person's (a reading found a brother's tax number "one
        // person's" with his sister's ID card).
        let sharing: Vec<usize> = dated
            .iter()
            .filter(|&&(j, d)| d == date && sex_of(j) == sex)
            .map(|(j, _)| *j)
            .collect();
        // Not numbers dated since 2016, from one database: more likely
        // twins' than one person's (a reading found "only one of them can
        // stay" of a child's Social Fund and tax numbers).
        if sharing.len() > 1 && date.year() < CENTRAL_ISSUE_YEAR {
            let numbers: Vec<Pin> = sharing.iter().filter_map(|&i| parsed[i]).collect();
            findings.push(PersonFinding::SeveralPinsAwaitBirthDate {
                pins: sharing.iter().map(|i| i + 1).collect(),
                differ: PartsDiffer::among(&numbers),
            });
        }
    }
    findings
}

/// The year numbers came to be issued centrally, from one database (see
/// docs/pin-format.md): double PINs date from before it.
const CENTRAL_ISSUE_YEAR: u32 = 2016;

/// What the numbers came to, for [`next_steps`].
struct Outcome {
    /// A number could not be a PIN as written.
    mistyped: bool,
    /// Something is to be corrected at a centre.
    needs_correction: bool,
    /// A sex digit differs from the sex given.
    sex_differs: bool,
    /// The sex digit decides which number stays.
    sex_decides: bool,
    /// The person gave their sex.
    sex_given: bool,
    /// Several numbers, and no typed date to say which stays.
    awaits_date: bool,
    /// A second number of the person is to be corrected.
    double_pin: bool,
    /// Too young for a passport: the birth certificate is the identity document.
    child: bool,
    /// The sex digit that differs is a child's (by the typed date, else by
    /// the number's own): asked about without a change of gender.
    sex_for_child: bool,
}

/// What to do next, in order: retype first, settle the typed date before any
/// correction, then either nothing or the centre.
fn next_steps(
    outcome: Outcome,
    documents_say: Option<(Date, TypedDateApart)>,
    documents: &[Document],
    several: Vec<Document>,
) -> Vec<NextStep> {
    let Outcome {
        mistyped,
        needs_correction,
        sex_differs,
        sex_decides,
        sex_given,
        awaits_date,
        double_pin,
        child,
        sex_for_child,
    } = outcome;
    let mut steps = Vec::new();
    if mistyped {
        steps.push(NextStep::RetypeMistyped);
    }
    if let Some((documents_say, apart)) = documents_say {
        steps.push(NextStep::CheckTypedBirthDate {
            documents_say,
            apart,
        });
        return steps;
    }
    if !needs_correction {
        if awaits_date {
            // No date was typed: which number stays waits for it.
            steps.push(NextStep::TypeBirthDate);
            if sex_differs {
                steps.push(NextStep::AskAboutSexDigit {
                    for_child: sex_for_child,
                });
            }
        } else if sex_differs {
            steps.push(NextStep::AskAboutSexDigit {
                for_child: sex_for_child,
            });
        } else if !mistyped {
            steps.push(NextStep::NothingToDo);
        }
        return steps;
    }
    if sex_decides && !sex_given {
        // Which number stays waits for the sex, as it waits for a date.
        steps.push(NextStep::SelectSex);
        return steps;
    }
    // A differing sex digit is asked about before the centre (the kept
    // number's among them: a mistake there matters most).
    if sex_decides || sex_differs {
        steps.push(NextStep::AskAboutSexDigit {
            for_child: sex_for_child,
        });
    }
    // A child's identity paper is the birth certificate, a passport of
    // theirs listed beside it.
    let identity = if child {
        Document::BirthCertificate
    } else {
        Document::Passport
    };
    let mut bring = vec![identity];
    for d in documents {
        if !bring.contains(d) {
            bring.push(*d);
        }
    }
    steps.push(NextStep::ApplyAtCentre {
        bring,
        several,
        for_child: child,
    });
    // Kyzmat's 1-2 days without a second visit, and the result by post,
    // are for a double PIN (a wrong-date number beside the kept one is
    // one): what is known is known of duplicate processing only (a reading
    // found the post promised for another person's number too).
    if double_pin {
        steps.push(NextStep::KyzmatCorrects);
        steps.push(NextStep::NotifiedByPost);
    }
    steps
}
