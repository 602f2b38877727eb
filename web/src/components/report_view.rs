//! What a PIN says, and every finding about it, in the reader's language.

use crate::i18n::{label, Label};
use kgpin::messages::{local_date, report_label, sex_name, ReportLabel};
use kgpin::{CheckReport, Lang};
use yew::prelude::*;

/// Where a report is shown: the level of its findings' headings, so they
/// follow the page's outline; its id, where a field points at it
/// (`aria-describedby`); and whether it shows the PIN's own verdict (not
/// where a card has its own status already: one status per card).
pub struct Placing {
    pub heading: &'static str,
    pub id: Option<&'static str>,
    pub show_verdict: bool,
}

/// Fourteen digits grouped as the layout reads: `1 02021982 54217`.
pub use kgpin::pin::group_digits as grouped;

/// A function, not a component: it keeps no state (see `sex_select`).
pub fn report_view(report: &CheckReport, lang: Lang, placing: Placing) -> Html {
    let heading = placing.heading;
    let status = report.verdict();
    let class = match status {
        ReportLabel::Valid => "verdict valid",
        ReportLabel::ValidWithWarnings => "verdict warn",
        _ => "verdict invalid",
    };
    let decoded = match (report.sex, report.birth_date, &report.serial) {
        (Some(sex), Some(born), Some(serial)) => html! {
            <dl class="decoded">
                <div class="decoded-pin"><dt>{ label(Label::Pin, lang) }</dt><dd id="decoded-pin">{ report.pin.as_deref().map(grouped).unwrap_or_default() }</dd></div>
                <div><dt>{ report_label(ReportLabel::Sex, lang) }</dt><dd id="decoded-sex">{ sex_name(sex, lang) }</dd></div>
                <div><dt>{ report_label(ReportLabel::BirthDate, lang) }</dt><dd id="decoded-birth-date">{ local_date(born) }</dd></div>
                <div><dt>{ report_label(ReportLabel::Serial, lang) }</dt><dd id="decoded-serial">{ serial }</dd></div>
            </dl>
        },
        _ => Html::default(),
    };
    let list = |title: Label, class: &'static str, items: Vec<(&'static str, &str)>| {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <div ~className={ class }>
                <@{heading}>{ label(title, lang) }</@>
                <ul>
                    { for items.into_iter().map(|(code, message)| html! {
                        <li data-code={ code }>{ message }</li>
                    }) }
                </ul>
            </div>
        }
    };
    html! {
        <section id={ placing.id } class="report">
            if placing.show_verdict {
                <p id="verdict" ~className={ class }>{ report_label(status, lang) }</p>
            }
            { decoded }
            { list(Label::Errors, "findings errors",
                report.errors.iter().map(|e| (e.finding.code(), e.message.as_str())).collect()) }
            { list(Label::Warnings, "findings warnings",
                report.warnings.iter().map(|w| (w.finding.code(), w.message.as_str())).collect()) }
        </section>
    }
}
