//! "I have several numbers": the citizen gives their details and each PIN
//! with the document it came from (`form`), checks the answers (`check`), and
//! gets a printable summary of which number to keep, which to correct, and
//! what to do next (`result`). Each step has its own address; the answers
//! live in the page's memory for the session (the app holds them, so moving
//! between pages loses nothing), and on this device only if the citizen asks:
//! never in the address, the title or storage otherwise.

mod check;
mod form;
mod kept;
mod result;
pub mod state;

use std::cell::RefCell;
use std::rc::Rc;

use kgpin::Lang;
use yew::prelude::*;

use crate::clock;
use crate::dom::focus_later;
use crate::i18n::{label, Label};
use crate::route::{self, Route, SeveralStep};
use crate::storage;
use check::check_answers;
use form::DetailsForm;
use result::PinsResult;
use state::{Answers, Edit, Field};

const KEPT_KEY: &str = "kgpin.citizen";

/// The flow's answers: those kept on this device, or a fresh form.
#[hook]
pub fn use_answers() -> UseReducerHandle<Answers> {
    use_reducer(|| kept_answers().unwrap_or_else(Answers::fresh))
}

fn kept_answers() -> Option<Answers> {
    kept::from_text(&storage::item(KEPT_KEY)?)
}

fn keep_answers(answers: &Answers) -> bool {
    kept::to_text(answers).is_some_and(|text| storage::set_item(KEPT_KEY, &text))
}

fn forget_answers() {
    storage::remove_item(KEPT_KEY);
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The step the address names.
    pub step: SeveralStep,
    /// The answers, held by the app for the session.
    pub answers: UseReducerHandle<Answers>,
    /// Tells the frame that the form has errors (for the "Error:" title).
    pub on_error_state: Callback<bool>,
}

#[function_component(Several)]
pub fn several(props: &Props) -> Html {
    let (lang, answers) = (props.lang, &props.answers);
    let kept = use_state(|| kept_answers().is_some());
    // Answers kept on this device follow every change: a result changed
    // after "Keep" must not come back from the device as it was.
    {
        let kept = kept.clone();
        use_effect_with(answers.clone(), move |answers| {
            if *kept && !keep_answers(answers) {
                forget_answers();
                kept.set(false);
            }
        });
    }
    // Where the focus goes once the next step is drawn ("Change" names a field).
    let focus_next: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let today = clock::today();
    // A later step's address without answers that pass (a reload, a typed
    // address) shows the form: nothing is judged from an incomplete form.
    let complete = today.is_some_and(|t| answers.errors(t).is_empty());
    let step = if complete {
        props.step
    } else {
        SeveralStep::Form
    };
    {
        let wrong_address = step != props.step;
        use_effect_with(wrong_address, |&wrong| {
            if wrong {
                route::replace(Route::Several(SeveralStep::Form));
            }
        });
    }
    // Each step, once drawn, takes the focus: on its heading, or on the field
    // a "Change" link named. Not on the first drawing: the page's own focus stands.
    {
        let focus_next = focus_next.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(step, move |&step| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let target = focus_next.borrow_mut().take().or(match step {
                SeveralStep::Form => None,
                SeveralStep::Check => Some("check-heading".into()),
                SeveralStep::Result => Some("result-heading".into()),
            });
            if let Some(id) = target {
                focus_later(id);
            }
        });
    }
    // After each "Continue" pressed here: on to the check, or the focus to
    // the error summary. (The answers outlive this page: a press made before
    // it was last drawn is not acted on again.)
    {
        let on_error_state = props.on_error_state.clone();
        let has_errors = !answers.errors.is_empty() && step == SeveralStep::Form;
        let seen = use_mut_ref(|| answers.attempts);
        use_effect_with(
            (answers.attempts, has_errors),
            move |&(attempts, has_errors)| {
                on_error_state.emit(has_errors);
                if attempts > std::mem::replace(&mut *seen.borrow_mut(), attempts) {
                    if has_errors {
                        focus_later("error-summary".into());
                    } else {
                        route::go(Route::Several(SeveralStep::Check));
                    }
                }
            },
        );
    }
    let on_edit = {
        let dispatch = answers.dispatcher();
        Callback::from(move |edit: Edit| dispatch.dispatch(edit))
    };
    let on_continue = {
        let dispatch = answers.dispatcher();
        Callback::from(move |()| {
            if let Some(today) = clock::today() {
                dispatch.dispatch(Edit::Continue(today))
            }
        })
    };
    let change = {
        let focus_next = focus_next.clone();
        Callback::from(move |field: Field| {
            *focus_next.borrow_mut() = Some(field.id());
            route::go(Route::Several(SeveralStep::Form));
        })
    };
    let body = match (step, today) {
        (SeveralStep::Check, Some(today)) => check_answers(lang, today, answers, &change),
        (SeveralStep::Result, Some(today)) => {
            let on_keep = {
                let (answers, kept) = (answers.clone(), kept.clone());
                Callback::from(move |()| kept.set(keep_answers(&answers)))
            };
            let on_forget = {
                let kept = kept.clone();
                Callback::from(move |()| {
                    forget_answers();
                    kept.set(false)
                })
            };
            // Starting again forgets everything, kept answers included: a shared phone.
            let on_again = {
                let (dispatch, kept, focus_next) =
                    (answers.dispatcher(), kept.clone(), focus_next.clone());
                Callback::from(move |()| {
                    forget_answers();
                    kept.set(false);
                    dispatch.dispatch(Edit::Reset);
                    *focus_next.borrow_mut() = Some(Field::LastName.id());
                    route::go(Route::Several(SeveralStep::Form));
                })
            };
            let on_change_date = change.reform(|()| Field::BirthDate);
            html! {
                <PinsResult {lang} {today} answers={ answers.clone() } kept={ *kept }
                    {on_keep} {on_forget} {on_again} {on_change_date} />
            }
        }
        _ => html! {
            <DetailsForm {lang} answers={ answers.clone() } {on_edit} {on_continue} />
        },
    };
    html! {
        <section class="several">
            <h1>{ label(Label::SeveralTitle, lang) }</h1>
            <p class="tagline no-print">{ label(Label::SeveralIntro, lang) }</p>
            { body }
        </section>
    }
}
