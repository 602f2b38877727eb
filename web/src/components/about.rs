//! What the PIN encodes, how sure each rule is, and how the app keeps data private.

use crate::i18n::{label, Label};
use kgpin::Lang;
use yew::prelude::*;

use crate::components::table_scroll::table_scroll;

/// A function, not a component: it keeps no state (see `sex_select`).
pub fn about(lang: Lang) -> Html {
    let rows = [
        ("2", Label::PartSex, Label::Confirmed),
        ("02021982", Label::PartDate, Label::WellSupported),
        ("54217", Label::PartSerial, Label::Unknown),
    ];
    html! {
        <section class="about">
            <h1>{ label(Label::AboutTitle, lang) }</h1>
            <p>{ label(Label::AboutIntro, lang) }</p>
            <p class="pin-digits" aria-hidden="true">{ "2 02021982 54217" }</p>
            { table_scroll(label(Label::AboutTitle, lang).to_string(), html! {
                <table>
                    <thead><tr>
                        <th scope="col">{ label(Label::Part, lang) }</th>
                        <th scope="col">{ label(Label::Meaning, lang) }</th>
                        <th scope="col">{ label(Label::HowSure, lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|(part, meaning, sure)| html! {
                            <tr><td class="pin-digits">{ part }</td><td>{ label(*meaning, lang) }</td><td>{ label(*sure, lang) }</td></tr>
                        }) }
                    </tbody>
                </table>
            }) }
            <p>{ label(Label::AboutRules, lang) }</p>
            <h2>{ label(Label::AboutPrivacy, lang) }</h2>
            <p>{ label(Label::AboutPrivacyText, lang) }</p>
            <p>{ label(Label::AboutOffline, lang) }</p>
        </section>
    }
}
