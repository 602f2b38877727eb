//! The several-numbers flow, step 3: the answer first (which number to keep,
//! which to correct, or what to settle first), then each number, what to do
//! next, and a summary to print for the Public Service Centre.

use kgpin::messages::{self, local_date, report_label, sex_name, ReportLabel};
use kgpin::person::{NextStep, PersonFinding, PinRole};
use kgpin::{Date, Lang};
use yew::prelude::*;

use super::state::Answers;
use crate::components::report_view::{grouped, report_view, Placing};
use crate::i18n::{label, Label};
use crate::route::{self, Route, SeveralStep};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub today: Date,
    pub answers: UseReducerHandle<Answers>,
    /// Whether the answers are kept on this device.
    pub kept: bool,
    pub on_keep: Callback<()>,
    pub on_forget: Callback<()>,
    /// "Start again": forget everything.
    pub on_again: Callback<()>,
    /// "Change the date of birth".
    pub on_change_date: Callback<()>,
}

#[function_component(PinsResult)]
pub fn pins_result(props: &Props) -> Html {
    let (lang, today, answers) = (props.lang, props.today, &props.answers);
    let report = answers.report(today, lang);
    let back = Route::Several(SeveralStep::Check).href();
    let click = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            callback.emit(())
        })
    };
    let (on_keep, on_forget, on_again, on_change_date) = (
        click(&props.on_keep),
        click(&props.on_forget),
        click(&props.on_again),
        click(&props.on_change_date),
    );
    // An in-page jump: the address's hash is the router's, so the focus moves instead.
    let to_next = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::dom::focus("r-next-heading");
    });
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    // What is compared with the documents first: numbers one slip apart, or
    // with a date nobody living has (their findings say why); else numbers
    // compared for another reason (a shared serial, a kept 00000), in the
    // step's own words, so the short answer never names a number to correct
    // without the comparison that comes first.
    let mut compare_first: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.finding,
                PersonFinding::PinsOneSlipApart { .. } | PersonFinding::PinDateImpossible { .. }
            )
        })
        .map(|f| f.message.as_str())
        .collect();
    if compare_first.is_empty() {
        compare_first.extend(
            report
                .next_steps
                .iter()
                .filter(|s| matches!(s.finding, NextStep::CompareWithDocuments { .. }))
                .map(|s| s.message.as_str()),
        );
    }
    html! {
        <div class="result">
            <a class="back-link no-print" id="p-back" href={ back }>{ label(Label::Back, lang) }</a>
            <h2 id="result-heading" tabindex="-1">{ label(Label::Result, lang) }</h2>
            <dl class="check-answers">
                <div class="summary-row"><dt>{ label(Label::Name, lang) }</dt><dd id="r-name">{ answers.full_name() }</dd></div>
                <div class="summary-row"><dt>{ report_label(ReportLabel::Sex, lang) }</dt><dd>{ answers.sex.map(|s| sex_name(s, lang)).unwrap_or_default() }</dd></div>
                <div class="summary-row"><dt>{ report_label(ReportLabel::BirthDate, lang) }</dt><dd>{ answers.birth_date.date(today).ok().map(local_date).unwrap_or_default() }</dd></div>
                <div class="summary-row"><dt>{ label(Label::CheckedOn, lang) }</dt><dd id="r-date">{ local_date(today) }</dd></div>
            </dl>
            // The answer first: which number stays, which to correct.
            <div class="in-short" id="r-short">
                <h3>{ label(Label::InShort, lang) }</h3>
                <dl>
                    // Numbers one slip apart, or with a date nobody living has: compared
                    // with the documents before anything else.
                    { for compare_first.iter().enumerate().map(|(k, message)| {
                        let id = if k == 0 { "r-compare".to_string() } else { format!("r-compare-{}", k + 1) };
                        html! {
                            <div class="summary-row" id={id}>
                                <dt>{ label(Label::VerdictCompareFirst, lang) }</dt>
                                <dd>{ *message }</dd>
                            </div>
                        }
                    }) }
                    // The typed date against the documents comes first, and alone decides nothing.
                    { for report.findings.iter().filter(|f| matches!(f.finding, PersonFinding::StatedDateDiffers { .. })).map(|f| html! {
                        <div class="summary-row" id="r-check-date">
                            <dt>{ label(Label::VerdictCheckDateFirst, lang) }</dt>
                            <dd>
                                { &f.message }{ " " }
                                <a href={ Route::Several(SeveralStep::Form).href() } id="r-change-date" onclick={ on_change_date.clone() }>{ label(Label::ChangeBirthDate, lang) }</a>
                            </dd>
                        </div>
                    }) }
                    // A double PIN whichever date is right: said, without naming which stays.
                    // (Numbers on two dates make two such rows: each has its own id.)
                    { for report.findings.iter().filter(|f| matches!(f.finding, PersonFinding::SeveralPinsAwaitBirthDate { .. })).enumerate().map(|(k, f)| {
                        let id = if k == 0 { "r-double-pin".to_string() } else { format!("r-double-pin-{}", k + 1) };
                        html! {
                            <div class="summary-row" id={id}>
                                <dt>{ label(Label::VerdictDoublePin, lang) }</dt>
                                <dd>{ &f.message }</dd>
                            </div>
                        }
                    }) }
                    { for [
                        (Label::VerdictKeep, &[PinRole::Keep][..]),
                        (Label::VerdictCorrect, &[PinRole::Duplicate, PinRole::WrongDate][..]),
                        (
                            Label::VerdictCheck,
                            &[
                                PinRole::OtherPerson,
                                PinRole::OtherSexDigit,
                                PinRole::BornSameDay,
                                PinRole::CentreDecides,
                                PinRole::DocumentDecides,
                            ][..],
                        ),
                        (Label::VerdictRetype, &[PinRole::Invalid][..]),
                    ].into_iter().filter_map(|(name, roles)| {
                        let numbers: Vec<String> = report.pins.iter().enumerate()
                            // A copy stands where its first does (a reading found the Social
                            // Fund's copy of the number to correct missing from "To correct").
                            .filter(|(_, p)| {
                                let first = report.pins.iter().find(|q| p.role == PinRole::Repeated && q.check.pin == p.check.pin);
                                roles.contains(&first.unwrap_or(p).role)
                            })
                            // Unbroken: a number wrapped at 360 px lost its sex digit to the line before.
                            .map(|(i, p)| format!("№{}:\u{a0}{} ({})", i + 1,
                                p.check.pin.as_deref().map(grouped).unwrap_or_else(|| p.check.input.clone()).replace(' ', "\u{a0}"),
                                messages::document(p.document, lang)))
                            .collect();
                        (!numbers.is_empty()).then(|| html! {
                            <div class="summary-row"><dt>{ label(name, lang) }</dt><dd>{ numbers.join("; ") }</dd></div>
                        })
                    }) }
                </dl>
                // What to do is right under the answer, one tap away on a phone.
                <p class="no-print"><a id="r-to-next" href="#r-next-heading" onclick={ to_next }>{ report_label(ReportLabel::NextSteps, lang) }{ " ↓" }</a></p>
            </div>
            if !report.findings.is_empty() {
                <h3>{ report_label(ReportLabel::WhatTheyShow, lang) }</h3>
                <ul id="r-findings" class="person-findings">
                    { for report.findings.iter().map(|f| html! {
                        <li data-code={ f.finding.code() }>{ &f.message }</li>
                    }) }
                </ul>
            }
            <ol class="pin-results">
                { for report.pins.iter().enumerate().map(|(i, entry)| {
                    let class = match entry.role {
                        PinRole::Keep => "role keep",
                        PinRole::Repeated | PinRole::Unchecked | PinRole::AwaitsBirthDate | PinRole::AwaitsRetyping | PinRole::DateImpossible => "role neutral",
                        _ => "role fix",
                    };
                    html! {
                        <li class="pin-result" data-role={ entry.role.code() }>
                            <h3>{ format!("{} {} · {}", report_label(ReportLabel::Number, lang), i + 1, messages::document(entry.document, lang)) }</h3>
                            <p class="pin-digits">{ entry.check.pin.as_deref().map(grouped).unwrap_or_else(|| entry.check.input.clone()) }</p>
                            <p ~className={ class }><strong>{ &entry.role_message }</strong></p>
                            { report_view(&entry.check, lang, Placing { heading: "h4", id: None, show_verdict: false }) }
                        </li>
                    }
                }) }
            </ol>
            <h3 id="r-next-heading" tabindex="-1">{ report_label(ReportLabel::NextSteps, lang) }</h3>
            <ul id="r-next">
                { for report.next_steps.iter().map(|s| html! { <li data-code={ s.finding.code() }>{ &s.message }</li> }) }
            </ul>
            <p class="privacy">{ label(Label::NothingSent, lang) }</p>
            <div class="signature">
                <span>{ label(Label::Signature, lang) }</span>
                <span class="signature-line"></span>
            </div>
            <div class="review-nav no-print">
                <button type="button" id="p-print" onclick={ on_print }>{ label(Label::Print, lang) }</button>
                <button type="button" class="secondary" onclick={ |_| route::go(Route::Several(SeveralStep::Check)) }>{ label(Label::CheckAnswers, lang) }</button>
                if props.kept {
                    <button type="button" id="p-forget" class="secondary" onclick={ on_forget }>{ label(Label::ForgetOnDevice, lang) }</button>
                } else {
                    <button type="button" id="p-keep" class="secondary" onclick={ on_keep }>{ label(Label::KeepOnDevice, lang) }</button>
                }
                <button type="button" id="p-again" class="secondary" onclick={ on_again }>{ label(Label::StartAgain, lang) }</button>
            </div>
            if props.kept { <p class="no-print" role="status">{ label(Label::KeptOnDevice, lang) }</p> }
        </div>
    }
}
