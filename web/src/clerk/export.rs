//! Exports Excel opens: UTF-8 with a BOM, `,` or `;`. Clusters in the columns
//! `kgpin dedupe` writes (`cluster_id,record_id`), then the engine's kind and
//! weakest link and the clerk's decision and comment; and the rows left out.

use kgpin::messages::{label, Label};
use kgpin::report::DedupeReport;
use kgpin::Lang;
use wasm_bindgen::JsCast;
use web_sys::{BlobPropertyBag, HtmlAnchorElement, HtmlInputElement};
use yew::prelude::*;

use super::state::ClerkState;

/// One CSV line, quoting fields where the delimiter, a quote or a line break demands.
fn push_line(out: &mut String, fields: &[&str], delimiter: u8) {
    let delimiter = char::from(delimiter);
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        if field.contains([delimiter, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// Clusters with the clerk's decisions, one line per record.
pub fn clusters_csv(state: &ClerkState, delimiter: u8) -> String {
    let mut out = String::from("\u{feff}");
    push_line(
        &mut out,
        &[
            "cluster_id",
            "record_id",
            "kind",
            "weakest_link",
            "decision",
            "comment",
        ],
        delimiter,
    );
    if let Some(loaded) = &state.loaded {
        for cluster in &loaded.report.clusters {
            let decision = state.decisions.get(&cluster.cluster_id);
            let weakest = cluster
                .weakest_link
                .map(|w| format!("{w:.1}"))
                .unwrap_or_default();
            for id in &cluster.record_ids {
                push_line(
                    &mut out,
                    &[
                        &cluster.cluster_id,
                        id,
                        cluster.kind.code(),
                        &weakest,
                        decision.map_or("", |d| d.verdict.code()),
                        decision.map_or("", |d| d.comment.as_str()),
                    ],
                    delimiter,
                );
            }
        }
    }
    out
}

/// The rows left out, with their line, code and reason.
pub fn rejected_csv(report: &DedupeReport, delimiter: u8) -> String {
    let mut out = String::from("\u{feff}");
    push_line(
        &mut out,
        &["line", "record_id", "code", "message"],
        delimiter,
    );
    for d in report.rejected_rows() {
        push_line(
            &mut out,
            &[
                &d.finding.line.to_string(),
                d.finding.record_id.as_deref().unwrap_or(""),
                d.finding.problem.code(),
                &d.message,
            ],
            delimiter,
        );
    }
    out
}

/// Offers `text` as a file download; nothing leaves the device.
pub fn download(name: &str, text: &str) {
    let offer = || -> Option<()> {
        let parts = js_sys::Array::of1(&text.into());
        let options = BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    let _ = offer();
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<ClerkState>,
    pub lang: Lang,
}

#[function_component(Export)]
pub fn export(props: &Props) -> Html {
    let lang = props.lang;
    let semicolon = use_state(|| false);
    let on_semicolon = {
        let semicolon = semicolon.clone();
        Callback::from(move |e: Event| {
            semicolon.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_export = {
        let state = props.state.clone();
        let delimiter = if *semicolon { b';' } else { b',' };
        Callback::from(move |_: MouseEvent| {
            let name = state
                .loaded
                .as_ref()
                .map(|l| l.file.name.trim_end_matches(".csv").to_string())
                .unwrap_or_default();
            download(
                &format!("{name}-clusters.csv"),
                &clusters_csv(&state, delimiter),
            )
        })
    };
    html! {
        <section class="export" aria-labelledby="export-heading">
            <h2 id="export-heading">{ label(Label::Export, lang) }</h2>
            <label class="check">
                <input id="semicolon" type="checkbox" checked={ *semicolon } onchange={ on_semicolon } />
                { label(Label::SemicolonOption, lang) }
            </label>
            <button type="button" id="export-clusters" onclick={ on_export }>{ label(Label::ExportClusters, lang) }</button>
        </section>
    }
}
