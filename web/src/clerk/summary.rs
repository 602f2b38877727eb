//! The whole of a run at a glance: rows accounted for, clusters by kind and
//! size (SVG drawn here, no chart library), the rows left out, the time taken.

use crate::clerk::words::{self, word, Word};
use std::rc::Rc;

use crate::i18n::{label, Label};
use kgpin::matching::Kind;
use kgpin::messages::{self, grouped_number};
use kgpin::Lang;
use yew::prelude::*;

use super::state::Loaded;
use crate::components::{report_view::grouped, table_scroll::table_scroll};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub loaded: Rc<Loaded>,
    /// Cluster decisions found again from earlier work.
    pub restored: usize,
    pub lang: Lang,
    /// Asks the worker for every row left out, to download with this delimiter.
    pub on_rejected: Callback<u8>,
}

/// A horizontal bar chart: each row's label above its bar, widths scaled to
/// the largest. The labels are text of the page, so a long one (a Kyrgyz or
/// Russian kind of finding) wraps instead of being cut at the drawing's edge,
/// and words and figures keep their size on a phone and a desktop alike.
/// Screen readers get the same figures as a table.
fn bar_chart(title: &str, rows: &[(String, u64)]) -> Html {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1) as f64;
    html! {
        <figure class="chart">
            <figcaption>{ title }</figcaption>
            <div class="chart-rows" aria-hidden="true">
                { for rows.iter().map(|(name, value)| {
                    // In percent of the row, the rest left for the figure;
                    // the text keeps its size at every width.
                    let width = 75.0 * (*value as f64) / max;
                    html! {
                        <div class="chart-row">
                            <span class="chart-label">{ name }</span>
                            <svg width="100%" height="16">
                                <rect x="0" y="1" height="14"
                                    width={ format!("{:.1}%", width.max(0.3)) } class="chart-bar" />
                                <text x={ format!("{:.1}%", width + 2.0) } y="13"
                                    class="chart-value">{ grouped_number(*value as usize) }</text>
                            </svg>
                        </div>
                    }
                }) }
            </div>
            <div class="visually-hidden"><table>
                <caption>{ title }</caption>
                <tbody>
                    { for rows.iter().map(|(name, value)| html! {
                        <tr><th scope="row">{ name }</th><td>{ value }</td></tr>
                    }) }
                </tbody>
            </table></div>
        </figure>
    }
}

#[function_component(Summary)]
pub fn summary(props: &Props) -> Html {
    let lang = props.lang;
    let loaded = &props.loaded;
    let summary = &loaded.report.summary;
    let rejected: u64 = summary.rejected.values().sum();
    let field_problems: u64 = summary.field_problems.values().sum();
    let clusters: u64 = summary.clusters.values().map(|c| c.clusters).sum();
    let shared = summary
        .pairs
        .get(Kind::PinSharedByDifferentPeople.code())
        .copied()
        .unwrap_or(0);
    let possible = summary
        .pairs
        .get(Kind::PossibleSamePerson.code())
        .copied()
        .unwrap_or(0);
    let by_kind: Vec<(String, u64)> = [Kind::SamePersonMultiplePins, Kind::RepeatedRecord]
        .iter()
        .map(|&k| {
            let n = summary.clusters.get(k.code()).map_or(0, |c| c.clusters);
            (messages::kind(k, lang).to_string(), n)
        })
        .chain(
            [Kind::PinSharedByDifferentPeople, Kind::PossibleSamePerson].map(|k| {
                let pairs = summary.pairs.get(k.code()).copied().unwrap_or(0);
                let name = format!("{} ({})", messages::kind(k, lang), word(Word::Pairs, lang));
                (name, pairs)
            }),
        )
        .collect();
    let mut sizes = [0u64; 4];
    for cluster in loaded
        .report
        .clusters
        .iter()
        .filter(|c| !kgpin_web_worker::is_pair_entry(c.kind))
    {
        sizes[cluster.record_ids.len().clamp(2, 5) - 2] += 1;
    }
    let by_size: Vec<(String, u64)> = ["2", "3", "4", "5+"]
        .iter()
        .zip(sizes)
        .map(|(name, n)| (name.to_string(), n))
        .collect();
    let rejected_rows = &loaded.report.rejected;
    let seconds = loaded.millis / 1000.0;
    let stage_times = summary
        .timings
        .iter()
        .map(|t| {
            let name = word(super::stage_label(t.stage), lang);
            format!("{name} {:.2} s", t.millis / 1000.0)
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let on_download = props.on_rejected.reform(|_: MouseEvent| b',');
    let line = words::line_word(summary.sheet.as_deref());
    html! {
        <section class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ word(Word::Summary, lang) }{ ": " }{ &loaded.file.name }</h2>
            <dl class="figures">
                <div><dt>{ word(Word::RowsRead, lang) }</dt><dd id="rows-read">{ grouped_number(summary.rows_read as usize) }</dd></div>
                if let Some(encoding) = summary.encoding {
                    <div><dt>{ word(Word::Encoding, lang) }</dt><dd id="encoding">{ encoding.name() }</dd></div>
                }
                if let Some(sheet) = &summary.sheet {
                    <div><dt>{ word(Word::Sheet, lang) }</dt><dd id="sheet-read">{ sheet }</dd></div>
                }
                <div><dt>{ word(Word::RecordsCompared, lang) }</dt><dd>{ grouped_number(summary.records as usize) }</dd></div>
                <div><dt>{ word(Word::RowsRejected, lang) }</dt><dd id="rows-rejected">{ grouped_number(rejected as usize) }</dd></div>
                <div><dt>{ word(Word::FieldProblems, lang) }</dt><dd>{ grouped_number(field_problems as usize) }</dd></div>
                <div><dt>{ word(Word::ClustersFound, lang) }</dt><dd id="clusters-found">{ grouped_number(clusters as usize) }</dd></div>
                <div><dt>{ word(Word::SharedPins, lang) }</dt><dd>{ grouped_number(shared as usize) }</dd></div>
                <div><dt>{ word(Word::PossibleMatches, lang) }</dt><dd id="possible-matches">{ grouped_number(possible as usize) }</dd></div>
                <div><dt>{ word(Word::TimeTaken, lang) }</dt><dd id="time-taken">{ format!("{seconds:.2} s") }</dd>
                    <dd class="stage-times">{ stage_times }</dd></div>
                <div><dt>{ word(Word::CarriedOver, lang) }</dt><dd id="carried-over">{ props.restored as u64 + loaded.carried_over.different_people }</dd></div>
            </dl>
            <div class="charts">
                { bar_chart(word(Word::ClustersByKind, lang), &by_kind) }
                { bar_chart(word(Word::ClustersBySize, lang), &by_size) }
            </div>
            if !loaded.report.pins_on_many_records.is_empty() {
                <details class="crowded" open=true>
                    <summary>{ word(Word::PinsOnManyRecords, lang) }{ format!(" ({})", loaded.report.pins_on_many_records.len()) }</summary>
                    <p>{ word(Word::PinsOnManyRecordsHelp, lang) }</p>
                    { table_scroll(word(Word::PinsOnManyRecords, lang).to_string(), html! {
                        <table id="crowded-pins">
                            <thead><tr>
                                <th scope="col">{ label(Label::Pin, lang) }</th>
                                <th scope="col">{ word(Word::Rows, lang) }</th>
                                <th scope="col">{ word(Word::RecordId, lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for loaded.report.pins_on_many_records.iter().take(50).map(|c| html! {
                                    <tr>
                                        <td class="pin-digits">{ grouped(&c.pin) }</td>
                                        <td>{ grouped_number(c.records as usize) }</td>
                                        <td>{ c.record_ids.iter().take(5).cloned().collect::<Vec<_>>().join(", ") }{ if c.record_ids.len() > 5 { " …" } else { "" } }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    }) }
                </details>
            }
            if !rejected_rows.is_empty() {
                <details class="rejected" open=true>
                    <summary>{ word(Word::RejectedRows, lang) }{ format!(" ({})", grouped_number(rejected as usize)) }</summary>
                    { problem_rows(Word::RejectedRows, "rejected-rows", rejected_rows, line, lang) }
                    <button type="button" id="download-rejected" class="secondary" onclick={ on_download }>
                        { word(Word::DownloadRejected, lang) }
                    </button>
                </details>
            }
            if !loaded.report.kept_with_problems.is_empty() {
                <details class="rejected">
                    <summary>{ word(Word::FieldProblems, lang) }{ format!(" ({})", grouped_number(field_problems as usize)) }</summary>
                    { problem_rows(Word::FieldProblems, "kept-with-problems", &loaded.report.kept_with_problems, line, lang) }
                </details>
            }
        </section>
    }
}

/// Rows with a problem, each at its line: at most the first 200 the worker
/// sends (the summary counts them all).
fn problem_rows(
    caption: Word,
    id: &'static str,
    rows: &[kgpin_web_worker::RejectedRow],
    line: Word,
    lang: Lang,
) -> Html {
    table_scroll(
        word(caption, lang).to_string(),
        html! {
            <table {id}>
                <thead><tr>
                    <th scope="col">{ word(line, lang) }</th>
                    <th scope="col">{ word(Word::RecordId, lang) }</th>
                    <th scope="col">{ word(Word::Problem, lang) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|d| html! {
                        <tr data-code={ d.code.clone() }>
                            <td>{ d.line }</td>
                            <td>{ d.record_id.clone().unwrap_or_default() }</td>
                            <td>{ &d.message }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    )
}
