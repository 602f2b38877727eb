//! Exports Excel opens: UTF-8 with a BOM, `,` or `;`. Clusters in the columns
//! `kgpin dedupe` writes (`cluster_id,record_id`) and codes, then what a
//! colleague acts on in the page's language (see [`clusters_csv`]); the
//! shared PINs; and the rows left out.

use crate::clerk::words::{word, Word};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use kgpin::messages::local_date;
use kgpin::person;
use kgpin::report::ClusterReport;
use kgpin::Date;
use kgpin_web_worker::{ExportCluster, PairDecision, RecordView};

use crate::i18n::{label, Label};

use kgpin::registry::push_csv_line;
use kgpin::report::csv;
use kgpin::Lang;
use wasm_bindgen::JsCast;
use web_sys::{BlobPropertyBag, HtmlAnchorElement, HtmlInputElement};
use yew::prelude::*;

use super::state::{ClerkState, ClusterDecision, Decision, Verdict};
use crate::components::table_scroll::table_scroll;

/// One CSV line for Excel (CRLF), no cell a formula.
fn push_line(out: &mut String, fields: &[&str], delimiter: u8) {
    // A spreadsheet runs a cell that starts with = + - @ as a formula: text
    // from a file or a comment must never become one.
    let guarded: Vec<std::borrow::Cow<str>> = fields
        .iter()
        .map(|&field| {
            if field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err() {
                format!("'{field}").into()
            } else {
                field.into()
            }
        })
        .collect();
    push_csv_line(out, guarded.iter().map(|f| f.as_ref()), delimiter, "\r\n");
}

/// One line of the clusters export: a record, the exported cluster (group)
/// it is in, that cluster's kind, and the queue entry whose decision and
/// weakest link the line shows (none for a record the regrouping brought in
/// through an earlier decision alone).
struct ExportRow<'a> {
    group: &'a str,
    record_id: &'a str,
    kind: kgpin::matching::Kind,
    entry: Option<&'a ClusterReport>,
    /// In no exported cluster: a record a decision set apart.
    alone: bool,
}

/// Every verdict of the page as a pair of records, for the worker to make
/// the clusters again with: the same pairs the page keeps on this device.
pub fn pair_decisions(state: &ClerkState) -> Vec<PairDecision> {
    let Some(loaded) = &state.loaded else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for (entry_id, decision) in state.decisions.iter() {
        let Some(entry) = loaded.cluster(entry_id) else {
            continue;
        };
        for (a, b) in super::state::pairs_of(&entry.record_ids) {
            if let Some(Some(verdict)) = decision.on_pair(a, b) {
                pairs.push(PairDecision::new(a, b, Some(verdict), "", entry_id, ""));
            }
        }
    }
    pairs
}

/// The lines of the clusters export: each cluster as the engine made it
/// again with the clerk's decisions (`clusters`, from the worker), and each
/// record with a verdict on it in none of them: a cluster said to be
/// different people under its own id, a record split off its cluster on its
/// own. A review-band pair said to be one person is in a cluster; a record
/// the engine's rules keep from a cluster joins it only by a decision about
/// that record itself, never through a third. A record left in no cluster,
/// with no decision on it, is no finding any more and is left out.
fn export_rows<'a>(state: &'a ClerkState, clusters: &'a [ExportCluster]) -> Vec<ExportRow<'a>> {
    let mut rows = Vec::new();
    let Some(loaded) = &state.loaded else {
        return rows;
    };
    let decision = |entry: &ClusterReport| state.decisions.get(&entry.cluster_id);
    let verdict_on = |entry: &ClusterReport, id: &str| decision(entry)?.verdict_for(id);
    let mut cluster_of: HashMap<&str, &ExportCluster> = HashMap::new();
    for cluster in clusters {
        for id in &cluster.record_ids {
            cluster_of.insert(id, cluster);
        }
    }
    // The queue's entries of each record, in the queue's order.
    let mut entries_of: HashMap<&str, Vec<&ClusterReport>> = HashMap::new();
    for entry in &loaded.report.clusters {
        for id in &entry.record_ids {
            entries_of.entry(id).or_default().push(entry);
        }
    }
    // The entry a record's line shows in its exported cluster: one that
    // decided it together with a record of that cluster, else its engine
    // cluster there; never a decision about records it is not with.
    let entry_in = |id: &str, cluster: &ExportCluster| -> Option<&'a ClusterReport> {
        let entries = entries_of.get(id)?;
        let with_it = |e: &&&ClusterReport| {
            e.record_ids
                .iter()
                .any(|r| r != id && cluster.record_ids.contains(r))
        };
        let decided = |e: &&&ClusterReport| verdict_on(e, id).is_some();
        let engine = |e: &&&ClusterReport| !kgpin_web_worker::is_pair_entry(e.kind);
        entries
            .iter()
            .find(|e| decided(e) && with_it(e))
            .or_else(|| entries.iter().find(|e| engine(e) && with_it(e)))
            .copied()
    };
    let mut written: HashSet<&str> = HashSet::new();
    let write_cluster = |rows: &mut Vec<ExportRow<'a>>,
                         written: &mut HashSet<&'a str>,
                         cluster: &'a ExportCluster| {
        for id in &cluster.record_ids {
            if written.insert(id) {
                rows.push(ExportRow {
                    group: &cluster.cluster_id,
                    record_id: id,
                    kind: cluster.kind,
                    entry: entry_in(id, cluster),
                    alone: false,
                });
            }
        }
    };
    // In the queue's order of entries, as the engine's run has them; a
    // cluster whole where its first record comes.
    for entry in &loaded.report.clusters {
        let split = |id: &str| decision(entry).is_some_and(|d| d.apart.contains(id));
        for id in &entry.record_ids {
            if let Some(cluster) = cluster_of.get(id.as_str()) {
                write_cluster(&mut rows, &mut written, cluster);
            } else if !kgpin_web_worker::is_pair_entry(entry.kind)
                && verdict_on(entry, id).is_some()
                && written.insert(id)
            {
                // Under the engine's cluster id, unless split off, or unless
                // that id now names an exported cluster (its record joined
                // someone else): a name is one person's.
                let taken = cluster_of.contains_key(entry.cluster_id.as_str());
                rows.push(ExportRow {
                    group: if split(id) || taken {
                        id
                    } else {
                        &entry.cluster_id
                    },
                    record_id: id,
                    kind: entry.kind,
                    entry: Some(entry),
                    alone: true,
                });
            }
        }
    }
    // Clusters only earlier decisions about records of no entry made.
    for cluster in clusters {
        write_cluster(&mut rows, &mut written, cluster);
    }
    rows
}

/// The headings of a decision's columns, in the page's language.
fn decision_headings(lang: Lang) -> [&'static str; 4] {
    [
        word(Word::ColumnDecision, lang),
        word(Word::ColumnDecidedBy, lang),
        word(Word::ColumnDecidedAt, lang),
        word(Word::Comment, lang),
    ]
}

/// A decision's columns: the verdict (on this record) in words, who
/// decided, when, the comment.
fn decision_columns(
    verdict: Option<Verdict>,
    decision: Option<&Decision>,
    lang: Lang,
) -> [&str; 4] {
    [
        verdict.map_or("", |v| verdict_word(v, lang)),
        decision.map_or("", |d| d.stamp.by.as_str()),
        decision.map_or("", |d| d.stamp.at.as_str()),
        decision.map_or("", |d| d.comment.as_str()),
    ]
}

/// A verdict in the page's language.
fn verdict_word(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::SamePerson => word(Word::SamePerson, lang),
        Verdict::DifferentPeople => word(Word::DifferentPeople, lang),
        Verdict::Unsure => word(Word::Unsure, lang),
    }
}

/// Clusters with the clerk's decisions, one line per record: codes for
/// machines first (`kgpin dedupe`'s `cluster_id,record_id`, the kind, the
/// weakest link, the decision), then, headed in the page's language, what a
/// colleague acts on: the record as written, the PIN to keep where the core
/// can tell ([`kgpin::person::pin_to_keep`]; none for "different people"),
/// the decision, who made it and when, and the comment.
pub fn clusters_csv(
    state: &ClerkState,
    clusters: &[ExportCluster],
    records: &HashMap<String, RecordView>,
    lang: Lang,
    today: Option<Date>,
    delimiter: u8,
) -> String {
    let mut out = String::from("\u{feff}");
    let [cluster_id, record_id] = csv::CLUSTER_COLUMNS;
    push_line(
        &mut out,
        &[
            cluster_id,
            record_id,
            "kind",
            "weakest_link",
            "decision",
            label(Label::LastName, lang),
            label(Label::FirstName, lang),
            label(Label::Patronymic, lang),
            word(Word::StatedBirthDate, lang),
            word(Word::ColumnPin, lang),
            word(Word::ColumnPinToKeep, lang),
        ]
        .into_iter()
        .chain(decision_headings(lang))
        .collect::<Vec<_>>(),
        delimiter,
    );
    let rows = export_rows(state, clusters);
    // The PIN to keep, group by group, from the group's records as written.
    let mut members: HashMap<&str, Vec<person::RegistryEntry>> = HashMap::new();
    for row in rows.iter().filter(|row| !row.alone) {
        if let Some(r) = records.get(row.record_id) {
            members
                .entry(row.group)
                .or_default()
                .push(person::RegistryEntry {
                    pin: &r.pin,
                    source: &r.source,
                    sex: r.sex,
                    birth_date: r.birth_date,
                });
        }
    }
    let keep: HashMap<&str, String> = members
        .iter()
        .filter_map(|(&group, entries)| Some((group, person::pin_to_keep(entries, today?)?)))
        .collect();
    for row in &rows {
        let decision = row.entry.and_then(|e| state.decisions.get(&e.cluster_id));
        // A record split off its cluster: "different people", on its own.
        let verdict = decision.and_then(|d| d.verdict_for(row.record_id));
        let weakest = row
            .entry
            .and_then(|e| e.weakest_link)
            .map(|w| format!("{w:.1}"))
            .unwrap_or_default();
        let record = records.get(row.record_id);
        let field = |f: fn(&RecordView) -> String| record.map(f).unwrap_or_default();
        // A record set apart, or said to be someone else, keeps its number
        // and has none to take from a cluster.
        let pin_to_keep = match verdict {
            _ if row.alone => "",
            Some(Verdict::DifferentPeople) => "",
            _ => keep.get(row.group).map_or("", String::as_str),
        };
        let written = [
            field(|r| r.last_name.clone()),
            field(|r| r.first_name.clone()),
            field(|r| r.patronymic.clone()),
            field(|r| r.birth_date.map(local_date).unwrap_or_default()),
            field(|r| r.pin.clone()),
        ];
        let mut fields = vec![
            row.group,
            row.record_id,
            row.kind.code(),
            &weakest,
            verdict.map_or("", |v| v.code()),
        ];
        fields.extend(written.iter().map(String::as_str));
        fields.push(pin_to_keep);
        fields.extend(decision_columns(verdict, decision, lang));
        push_line(&mut out, &fields, delimiter);
    }
    out
}

/// Pairs that share a PIN but are different people: one PIN to reissue. The
/// engine's pair columns, then who keeps the number where the core can tell
/// (`keeps`, one per pair), the clerk's decision on the pair's queue entry
/// (code, then in words), who decided and when, and the comment.
pub fn shared_csv(
    state: &ClerkState,
    pairs: &[kgpin::report::PairReport],
    keeps: &[Option<String>],
    lang: Lang,
    delimiter: u8,
) -> String {
    let mut out = String::from("\u{feff}");
    let mut header: Vec<&str> = csv::PAIR_COLUMNS.to_vec();
    header.extend(["keeps_pin", "decision"]);
    header.extend(decision_headings(lang));
    push_line(&mut out, &header, delimiter);
    for (i, pair) in pairs.iter().enumerate() {
        let row = csv::pair_row(pair);
        let entry = kgpin_web_worker::band_entry_id(&pair.record_id_a, &pair.record_id_b);
        let decision = state.decisions.get(&entry);
        let verdict = decision.and_then(|d| d.verdict);
        // A question on one PIN (a name slipped, or two people) is a number
        // to reissue once the clerk says they are different people.
        if pair.kind == kgpin::matching::Kind::PossibleSamePerson
            && verdict != Some(Verdict::DifferentPeople)
        {
            continue;
        }
        let mut fields: Vec<&str> = row.iter().map(String::as_str).collect();
        // One person after all: no number to reissue, none to keep.
        let keeps = match verdict {
            Some(Verdict::SamePerson) => "",
            _ => keeps.get(i).and_then(Option::as_deref).unwrap_or(""),
        };
        fields.extend([keeps, verdict.map_or("", |v| v.code())]);
        fields.extend(decision_columns(
            decision.and_then(|d| d.verdict),
            decision,
            lang,
        ));
        push_line(&mut out, &fields, delimiter);
    }
    out
}

/// The rows left out, with their line, code and reason.
pub fn rejected_csv(rows: &[kgpin_web_worker::RejectedRow], delimiter: u8) -> String {
    let mut out = String::from("\u{feff}");
    push_line(
        &mut out,
        &["line", "record_id", "code", "message"],
        delimiter,
    );
    for d in rows {
        push_line(
            &mut out,
            &[
                &d.line.to_string(),
                d.record_id.as_deref().unwrap_or(""),
                &d.code,
                &d.message,
            ],
            delimiter,
        );
    }
    out
}

/// The decisions file another clerk imports: every decided cluster of this file.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct DecisionsFile {
    /// Always `kgpin-decisions`.
    format: String,
    /// The file's fingerprint.
    file: String,
    decisions: Vec<ClusterDecision>,
}

const DECISIONS_FORMAT: &str = "kgpin-decisions";

fn decisions_json(state: &ClerkState) -> String {
    let Some(loaded) = &state.loaded else {
        return String::new();
    };
    let decisions = loaded
        .report
        .clusters
        .iter()
        .filter_map(|c| {
            let d = state.decisions.get(&c.cluster_id)?;
            Some(ClusterDecision {
                cluster_id: c.cluster_id.clone(),
                record_ids: c.record_ids.clone(),
                verdict: d.verdict?.code().to_string(),
                comment: d.comment.clone(),
                stamp: d.stamp.clone(),
                apart: d.apart.iter().cloned().collect(),
            })
        })
        .collect();
    let file = DecisionsFile {
        format: DECISIONS_FORMAT.into(),
        file: loaded.file.fingerprint.clone(),
        decisions,
    };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&file, &serializer)
        .ok()
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &v,
                &wasm_bindgen::JsValue::NULL,
                &2.into(),
            )
            .ok()
        })
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Reads a decisions file chosen by the clerk.
async fn read_decisions(file: web_sys::File) -> Option<Vec<ClusterDecision>> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    let value = js_sys::JSON::parse(&text.as_string()?).ok()?;
    let parsed: DecisionsFile = serde_wasm_bindgen::from_value(value).ok()?;
    (parsed.format == DECISIONS_FORMAT).then_some(parsed.decisions)
}

/// An export's file name: the loaded file's, then what it holds.
pub fn export_name(state: &ClerkState, what: &str) -> String {
    let base = state
        .loaded
        .as_ref()
        .map(|l| l.file.name.trim_end_matches(".csv").to_string())
        .unwrap_or_default();
    format!("{base}-{what}")
}

/// Offers `text` as a file download; nothing leaves the device.
pub fn download(name: &str, text: &str) {
    let offer = || -> Option<()> {
        let parts = js_sys::Array::of1(&text.into());
        let options = BlobPropertyBag::new();
        options.set_type(if name.ends_with(".json") {
            "application/json"
        } else {
            "text/csv;charset=utf-8"
        });
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
    /// The page's state as it is now (values: a clone shares its big parts).
    pub state: Rc<ClerkState>,
    /// Another clerk's decisions, read from their file.
    pub on_import: Callback<Vec<ClusterDecision>>,
    /// A conflict of the import settled: (cluster, take theirs).
    pub on_settle: Callback<(String, bool)>,
    pub lang: Lang,
    /// Asks the worker for the exported clusters' records, to download them with this delimiter.
    pub on_clusters: Callback<u8>,
    /// Asks the worker for the shared-PIN pairs, to download with this delimiter.
    pub on_shared: Callback<u8>,
    /// Asks the worker for every row left out, to download with this delimiter.
    pub on_rejected: Callback<u8>,
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
        let on_clusters = props.on_clusters.clone();
        let delimiter = if *semicolon { b';' } else { b',' };
        Callback::from(move |_: MouseEvent| on_clusters.emit(delimiter))
    };
    let clerk_name = use_state(crate::storage::clerk_name);
    let on_clerk_name = {
        let clerk_name = clerk_name.clone();
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlInputElement>().value();
            crate::storage::save_clerk_name(&name);
            clerk_name.set(name.trim().to_string());
        })
    };
    let on_export_rejected = {
        let on_rejected = props.on_rejected.clone();
        let delimiter = if *semicolon { b';' } else { b',' };
        Callback::from(move |_: MouseEvent| on_rejected.emit(delimiter))
    };
    let on_export_shared = {
        let on_shared = props.on_shared.clone();
        let delimiter = if *semicolon { b';' } else { b',' };
        Callback::from(move |_: MouseEvent| on_shared.emit(delimiter))
    };
    let on_export_decisions = {
        let state = props.state.clone();
        Callback::from(move |_: MouseEvent| {
            download(
                &export_name(&state, "decisions.json"),
                &decisions_json(&state),
            )
        })
    };
    let bad_file = use_state(|| false);
    let on_import = {
        let on_import = props.on_import.clone();
        let bad_file = bad_file.setter();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (on_import, bad_file) = (on_import.clone(), bad_file.clone());
            yew::platform::spawn_local(async move {
                match read_decisions(file).await {
                    Some(decisions) => {
                        bad_file.set(false);
                        on_import.emit(decisions)
                    }
                    None => bad_file.set(true),
                }
            });
        })
    };
    let verdict = |v: Verdict| verdict_word(v, lang);
    // Records a decision split off, beside its verdict.
    let split = |apart: &std::collections::BTreeSet<String>| match apart.is_empty() {
        true => String::new(),
        false => format!(
            " · {}: {}",
            word(Word::NotThisPerson, lang),
            apart.iter().cloned().collect::<Vec<_>>().join(", ")
        ),
    };
    html! {
        <section class="export" aria-labelledby="export-heading">
            <h2 id="export-heading">{ word(Word::Export, lang) }</h2>
            <div class="fields clerk-name">
                <label class="field" for="clerk-name">{ word(Word::ClerkName, lang) }</label>
                <input id="clerk-name" type="text" autocomplete="name" value={ (*clerk_name).clone() } onchange={ on_clerk_name } />
            </div>
            <label class="check">
                <input id="semicolon" type="checkbox" checked={ *semicolon } onchange={ on_semicolon } />
                { word(Word::SemicolonOption, lang) }
            </label>
            <div class="review-nav">
                <button type="button" id="export-clusters" onclick={ on_export }>{ word(Word::ExportClusters, lang) }</button>
                <button type="button" id="export-shared" class="secondary" onclick={ on_export_shared }>{ word(Word::ExportShared, lang) }</button>
                <button type="button" id="export-rejected" class="secondary" onclick={ on_export_rejected }>{ word(Word::DownloadRejected, lang) }</button>
                <button type="button" id="export-decisions" class="secondary" onclick={ on_export_decisions }>{ word(Word::ExportDecisions, lang) }</button>
            </div>
            <label class="field" for="import-decisions">{ word(Word::ImportDecisions, lang) }</label>
            <input id="import-decisions" type="file" accept=".json,application/json" onchange={ on_import } />
            if *bad_file {
                <p class="error-summary" role="alert">{ word(Word::InvalidDecisionsFile, lang) }</p>
            }
            if let Some(outcome) = &props.state.import {
                <p id="import-outcome" aria-live="polite">
                    { format!("{}: {} · {}: {}", word(Word::ImportApplied, lang), outcome.applied,
                        word(Word::ImportUnmatched, lang), outcome.unmatched) }
                </p>
                if !outcome.conflicts.is_empty() {
                    <h3>{ word(Word::Conflicts, lang) }{ format!(" ({})", outcome.conflicts.len()) }</h3>
                    { table_scroll(word(Word::Conflicts, lang).to_string(), html! {
                        <table id="conflicts">
                            <thead><tr>
                                <th scope="col">{ word(Word::Cluster, lang) }</th>
                                <th scope="col">{ word(Word::Mine, lang) }</th>
                                <th scope="col">{ word(Word::Theirs, lang) }</th>
                                <th scope="col">{ word(Word::ColumnDecision, lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for outcome.conflicts.iter().map(|c| {
                                    let settle = |take_theirs: bool| {
                                        let (on_settle, id) = (props.on_settle.clone(), c.cluster_id.clone());
                                        Callback::from(move |_: MouseEvent| on_settle.emit((id.clone(), take_theirs)))
                                    };
                                    html! {
                                        <tr>
                                            <td>{ &c.cluster_id }</td>
                                            <td>{ c.mine.map_or("—", verdict) }{ split(&c.mine_apart) }</td>
                                            <td>
                                                { verdict(c.theirs) }{ split(&c.their_apart) }{ if c.their_stamp.by.is_empty() { String::new() } else { format!(" ({})", c.their_stamp.by) } }
                                                if !c.their_comment.is_empty() { <br /><q>{ &c.their_comment }</q> }
                                            </td>
                                            <td class="settle-buttons">
                                                <button type="button" class="secondary keep-mine" onclick={ settle(false) }>{ word(Word::KeepMine, lang) }</button>
                                                <button type="button" class="secondary take-theirs" onclick={ settle(true) }>{ word(Word::TakeTheirs, lang) }</button>
                                            </td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    }) }
                }
            }
        </section>
    }
}

#[cfg(test)]
mod export_tests {
    use super::*;

    /// A pair on one PIN asked about (a name slipped) joins the shared-PIN
    /// export once the clerk says "different people", and only then; a pair
    /// found sharing a PIN is there whatever was decided.
    #[test]
    fn a_question_on_one_pin_is_a_shared_pin_once_decided_different_people() {
        let pair = |a: &str, b: &str, kind| kgpin::report::PairReport {
            record_id_a: a.into(),
            record_id_b: b.into(),
            score: 15.0,
            kind,
            reasons: Vec::new(),
            settle: None,
        };
        let pairs = [
            pair("a", "b", kgpin::matching::Kind::PossibleSamePerson),
            pair("c", "d", kgpin::matching::Kind::PossibleSamePerson),
            pair("e", "f", kgpin::matching::Kind::PinSharedByDifferentPeople),
        ];
        let keeps = [
            Some("a".to_string()),
            Some("c".to_string()),
            Some("e".to_string()),
        ];
        let mut state = ClerkState::default();
        let decide = |verdict| Decision {
            verdict: Some(verdict),
            ..Decision::default()
        };
        let decisions = Rc::make_mut(&mut state.decisions);
        decisions.insert(
            kgpin_web_worker::band_entry_id("a", "b"),
            decide(Verdict::DifferentPeople),
        );
        decisions.insert(
            kgpin_web_worker::band_entry_id("c", "d"),
            decide(Verdict::SamePerson),
        );
        let csv = shared_csv(&state, &pairs, &keeps, Lang::En, b',');
        let rows: Vec<(&str, &str, &str)> = csv
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[0], f[1], f[f.len() - 6])
            })
            .collect();
        let header: Vec<&str> = csv.lines().next().unwrap_or_default().split(',').collect();
        assert_eq!(header[header.len() - 6], "keeps_pin", "{header:?}");
        assert_eq!(rows, [("a", "b", "a"), ("e", "f", "e")], "{csv}");
    }
    use crate::clerk::state::tests::{loaded_from, ready, run, CUT_CHAIN, FOUR, REGISTRY};
    use crate::clerk::state::{Action, Stamp};
    use kgpin::matching::{dedupe_batch, Batch, Link, Options};
    use std::collections::BTreeMap;

    fn stamp() -> Stamp {
        Stamp {
            by: "Айгүл Асанова".into(),
            at: "2026-12-02 14:05".into(),
        }
    }

    /// The clusters export of `csv` with the page's decisions, the worker's
    /// part done as the worker does it: the engine's run, its links made
    /// again into clusters with the page's pair decisions.
    fn export(csv: &str, state: &ClerkState, lang: Lang) -> String {
        let registry = kgpin::registry::Registry::from_csv(csv.as_bytes()).expect("a registry");
        let batch = Batch::of(&registry.records);
        let found = dedupe_batch(&batch, &Options::for_records(batch.len()), &mut |_| {});
        let links: Vec<Link> = found.links().collect();
        let by_id = kgpin::registry::IdTable::of(&batch.record_ids);
        let (decided, _) = kgpin_web_worker::decided_in(
            |id| by_id.find(&batch.record_ids, id),
            &pair_decisions(state),
        );
        let clusters = kgpin_web_worker::export_clusters(&batch, &links, &decided);
        let records: HashMap<String, RecordView> = registry
            .records
            .iter()
            .map(|r| (r.record_id.clone(), RecordView::of(r)))
            .collect();
        let today = Date::new(2026, 12, 2).ok();
        clusters_csv(state, &clusters, &records, lang, today, b',')
    }

    /// Each exported record's columns, by record_id.
    fn columns(csv: &str) -> BTreeMap<String, Vec<String>> {
        csv.trim_start_matches('\u{feff}')
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<String> = l.split(',').map(String::from).collect();
                (f[1].clone(), f)
            })
            .collect()
    }

    #[test]
    fn the_clusters_export_carries_the_records_the_pin_to_keep_and_who_decided() {
        let (state, ids) = ready();
        let stamp = stamp();
        let state = run(
            state,
            vec![
                Action::Decide(ids[0].clone(), Verdict::SamePerson, stamp.clone()),
                Action::Decide(ids[1].clone(), Verdict::DifferentPeople, stamp),
            ],
        );
        let csv = export(REGISTRY, &state, Lang::Ru);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 5, "both clusters' records: {lines:?}");
        assert_eq!(
            lines[0],
            "cluster_id,record_id,kind,weakest_link,decision,Фамилия,Имя,Отчество,\
             Указанная дата рождения,ПИН,\"ПИН, который остаётся\",Решение,Кто решил,Когда,Комментарий"
        );
        let row = |id: &str| {
            lines
                .iter()
                .find(|l| l.split(',').nth(1) == Some(id))
                .copied()
                .unwrap_or_default()
        };
        // One person with a passport and a tax number: the passport's stays.
        assert!(
            row("a2").starts_with("a1,a2,same_person_multiple_pins,"),
            "{}",
            row("a2")
        );
        assert!(row("a2").contains(",same_person,Асанова,Айгүл,Асанбековна,02.02.1982,10202198200311,10202198254217,Один человек,Айгүл Асанова,2026-12-02 14:05,"), "{}", row("a2"));
        // Different people: under the engine's cluster, no PIN to keep.
        for id in ["b1", "b2"] {
            assert!(row(id).starts_with(&format!("b1,{id},")), "{}", row(id));
        }
        assert!(
            row("b1").contains(
                ",different_people,Токтогулов,Нурлан,Маратович,15.05.1975,21505197500123,,"
            ),
            "{}",
            row("b1")
        );
    }

    /// The clusters export of [`FOUR`] with `split` split off, the rest said
    /// one person: each record's group, decision code, PIN to keep and
    /// decision in words.
    fn export_split(split: &str) -> HashMap<String, [String; 4]> {
        let (state, cluster) = crate::clerk::state::tests::ready_four();
        let state = run(
            state,
            vec![
                Action::Apart(cluster.clone(), split.into(), stamp()),
                Action::Decide(cluster.clone(), Verdict::SamePerson, stamp()),
            ],
        );
        columns(&export(FOUR, &state, Lang::En))
            .into_iter()
            .map(|(id, f)| (id, [&f[0], &f[4], &f[10], &f[11]].map(String::from)))
            .collect()
    }

    #[test]
    fn a_record_split_off_is_exported_on_its_own_as_a_different_person() {
        let rows = export_split("a4");
        for id in ["a1", "a2", "a3"] {
            assert_eq!(
                rows[id],
                ["a1", "same_person", "10202198254217", "Same person"],
                "{id}"
            );
        }
        assert_eq!(
            rows["a4"],
            ["a4", "different_people", "", "Different people"],
            "a4 on its own, nothing to correct"
        );
    }

    #[test]
    fn the_record_that_names_the_cluster_split_off_leaves_the_rest_another_name() {
        // a1 names the cluster and holds the passport: split off, it must not
        // share a group with the others, nor give them its number to keep.
        let rows = export_split("a1");
        assert_eq!(
            rows["a1"],
            ["a1", "different_people", "", "Different people"]
        );
        for id in ["a2", "a3", "a4"] {
            assert_eq!(
                rows[id][0], "a2",
                "{id}: the smallest record left names them"
            );
            assert_eq!(rows[id][1], "same_person");
            assert_ne!(
                rows[id][2], "10202198254217",
                "{id}: not the split record's PIN"
            );
        }
    }

    #[test]
    fn a_band_pair_said_to_be_one_person_joins_without_joining_a_conflict() {
        let loaded = loaded_from(CUT_CHAIN, "cut");
        let entries: Vec<&str> = loaded
            .report
            .clusters
            .iter()
            .map(|c| c.cluster_id.as_str())
            .collect();
        assert_eq!(
            entries,
            ["c1", "c2 ~ c3", "c1 ~ c2"],
            "a cluster, then the band"
        );
        let rows = cut_chain_with(&[]);
        assert_eq!(
            rows.keys().collect::<Vec<_>>(),
            ["c1", "c3"],
            "the engine's cluster"
        );
        assert!(rows.values().all(|f| f[0] == "c1" && f[4].is_empty()));
        // c3's passport shows c2's man: c2 and c3 are one cluster. c1, whose
        // date conflicts with c2's, is not joined through c3: he is no longer
        // in a cluster, and the c1 ~ c2 question stays for the birth certificate.
        let c2_is_c3 = ("c2 ~ c3", Verdict::SamePerson);
        let rows = cut_chain_with(&[c2_is_c3]);
        assert_eq!(rows.keys().collect::<Vec<_>>(), ["c2", "c3"]);
        for id in ["c2", "c3"] {
            let f = &rows[id];
            assert_eq!(
                [&f[0], &f[1], &f[2], &f[4]],
                ["c2", id, "repeated_record", "same_person"]
            );
            assert!(f[3].parse::<f64>().is_ok(), "the band pair's score: {f:?}");
        }
        // Said of c1 ~ c2 too, after the certificate: all three are one man.
        let rows = cut_chain_with(&[c2_is_c3, ("c1 ~ c2", Verdict::SamePerson)]);
        assert_eq!(rows.keys().collect::<Vec<_>>(), ["c1", "c2", "c3"]);
        assert!(rows
            .values()
            .all(|f| f[0] == "c1" && f[2] == "same_person_multiple_pins"));
        assert!(rows.values().all(|f| f[4] == "same_person"), "{rows:?}");
    }

    /// [`CUT_CHAIN`] loaded, with these decisions on its queue's entries.
    fn cut_chain_with(decisions: &[(&str, Verdict)]) -> BTreeMap<String, Vec<String>> {
        let state = run(
            ClerkState::default(),
            vec![Action::Loaded(
                Box::new(loaded_from(CUT_CHAIN, "cut")),
                BTreeMap::new(),
            )],
        );
        let actions = decisions
            .iter()
            .map(|&(entry, verdict)| Action::Decide(entry.into(), verdict, stamp()))
            .collect();
        columns(&export(CUT_CHAIN, &run(state, actions), Lang::En))
    }

    #[test]
    fn a_decision_that_lifts_a_conflict_lets_the_cut_pair_join_as_the_next_run_would() {
        // c1 is not c3: nothing keeps c3 from c2 any more.
        let rows = cut_chain_with(&[("c1", Verdict::DifferentPeople)]);
        let cut = |f: &Vec<String>| [f[0].clone(), f[4].clone(), f[10].clone()];
        assert_eq!(cut(&rows["c1"]), ["c1", "different_people", ""]);
        assert_eq!(rows["c2"][0], "c2");
        assert_eq!(rows["c3"][0], "c2", "c3 with c2, as the engine finds it");
        assert_eq!(
            rows["c3"][4], "",
            "the 'different people' was about c1, not c2"
        );
    }

    #[test]
    fn a_cluster_said_to_be_different_people_never_lends_its_name_or_pin_to_another() {
        // Cluster c1 {c1, c3} is two people, and c1 is c2's man after all:
        // c1 names the cluster {c1, c2}; c3 stands alone under its own id.
        let rows = cut_chain_with(&[
            ("c1", Verdict::DifferentPeople),
            ("c1 ~ c2", Verdict::SamePerson),
        ]);
        assert_eq!([&rows["c1"][0], &rows["c2"][0]], ["c1", "c1"]);
        assert_eq!(
            [&rows["c1"][4], &rows["c2"][4]],
            ["same_person", "same_person"]
        );
        assert_eq!(
            rows["c3"][0], "c3",
            "not under the name of a cluster it is not in"
        );
        assert_eq!([&rows["c3"][4], &rows["c3"][10]], ["different_people", ""]);
        // The number to keep is the cluster's own, from c1 and c2 alone.
        let keep = &rows["c1"][10];
        assert!(
            keep.is_empty() || keep == &rows["c1"][9] || keep == &rows["c2"][9],
            "{keep}"
        );
        assert_eq!(rows["c1"][10], rows["c2"][10]);
    }
}
