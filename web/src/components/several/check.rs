//! The several-numbers flow, step 2: the answers as they will be judged, each
//! with a "Change" link back to its field.

use kgpin::messages::{self, local_date, report_label, sex_name, ReportLabel};
use kgpin::{Date, Lang};
use yew::prelude::*;

use super::state::{Answers, Field};
use crate::components::report_view::grouped;
use crate::i18n::{label, Label};
use crate::route::{self, Route, SeveralStep};

/// A function, not a component: it keeps no state (see `sex_select`).
/// `on_change` ("Change") goes back to the form, the focus on that field.
pub fn check_answers(
    lang: Lang,
    today: Date,
    answers: &Answers,
    on_change: &Callback<Field>,
) -> Html {
    let row = |name: String, value: String, field: Field| {
        let on_change = on_change.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_change.emit(field)
        });
        html! {
            <div class="summary-row">
                <dt>{ name.clone() }</dt>
                <dd>{ value }</dd>
                <dd class="change"><a href={ Route::Several(SeveralStep::Form).href() } { onclick }>
                    { label(Label::Change, lang) }<span class="visually-hidden">{ format!(" {name}") }</span>
                </a></dd>
            </div>
        }
    };
    let born = answers.birth_date.date(today).ok().map(local_date);
    html! {
        <>
        <a class="back-link" id="p-back" href={ Route::Several(SeveralStep::Form).href() }>{ label(Label::Back, lang) }</a>
        <h2 id="check-heading" tabindex="-1">{ label(Label::CheckAnswers, lang) }</h2>
        <dl class="check-answers">
            { row(label(Label::Name, lang).into(), answers.full_name(), Field::LastName) }
            { row(report_label(ReportLabel::Sex, lang).into(), answers.sex.map(|s| sex_name(s, lang).to_string()).unwrap_or_default(), Field::Sex) }
            { row(report_label(ReportLabel::BirthDate, lang).into(), born.unwrap_or_default(), Field::BirthDate) }
            { for answers.pins.iter().enumerate().map(|(i, r)| {
                let shown = kgpin::pin::pin_digits(&r.pin).map(|d| grouped(&d)).unwrap_or_else(|| r.pin.clone());
                row(format!("{} {} · {}", report_label(ReportLabel::Number, lang), i + 1, r.document.map(|d| messages::document(d, lang)).unwrap_or_default()), shown, Field::Pin(r.id))
            }) }
        </dl>
        <div class="review-nav">
            <button type="button" id="p-see-result" onclick={ |_| route::go(Route::Several(SeveralStep::Result)) }>{ label(Label::SeeResult, lang) }</button>
        </div>
        </>
    }
}
