//! The `kgpin` binary, run as a user would.

// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The `kgpin` binary with `args`, without colours.
fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kgpin"));
    command.args(args).env("NO_COLOR", "1");
    command
}

fn kgpin(args: &[&str]) -> Output {
    command(args).output().expect("kgpin runs")
}

/// Runs kgpin with `stdin` on its standard input.
fn kgpin_with_input(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("kgpin runs");
    child
        .stdin
        .take()
        .expect("a pipe")
        .write_all(stdin)
        .expect("kgpin reads its input");
    child.wait_with_output().expect("kgpin ends")
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn check_json_reports_the_published_example() {
    let out = kgpin(&[
        "check",
        "--json",
        "--today",
        "2026-11-25",
        "--",
        "10202198254217",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let reports = json_lines(&out);
    assert_eq!(
        reports,
        [serde_json::json!({
            "input": "10202198254217", "valid": true, "pin": "10202198254217", "sex": "F",
            "birthDate": "1982-02-02", "serial": "54217", "errors": [], "warnings": []
        })]
    );
}

#[test]
fn check_json_gives_each_documented_code() {
    let cases = [
        ("", "empty"),
        ("1020219825421", "invalid_length"),
        ("1O202198254217", "invalid_character"),
        ("2.02021E+13", "spreadsheet_number"),
        ("2,02021E+13", "spreadsheet_number"),
        ("01801201210323", "legal_entity_inn"),
        ("30202198254217", "unknown_sex_digit"),
        ("13102198254217", "invalid_birth_date"),
        ("10101203054217", "birth_date_in_future"),
    ];
    for (input, code) in cases {
        let out = kgpin(&["check", "--json", "--today", "2026-11-25", "--", input]);
        assert_eq!(out.status.code(), Some(1), "{input}");
        let report = &json_lines(&out)[0];
        assert_eq!(report["valid"], false);
        assert_eq!(report["errors"][0]["code"], code, "{input}: {report}");
        assert!(report["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    let out = kgpin(&[
        "check",
        "--json",
        "--today",
        "2026-11-25",
        "--",
        "1O202198254217",
    ]);
    let error = &json_lines(&out)[0]["errors"][0];
    assert_eq!(
        (error["position"].clone(), error["looksLike"].clone()),
        (2.into(), "0".into())
    );
}

#[test]
fn check_json_gives_each_warning() {
    let run = |extra: &[&str], pin: &str| {
        let mut args = vec!["check", "--json", "--today", "2026-11-25"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--", pin]);
        let out = kgpin(&args);
        assert_eq!(out.status.code(), Some(0));
        json_lines(&out)[0]["warnings"].clone()
    };
    assert_eq!(
        run(&[], "10101189954217")[1]["code"],
        "birth_year_before_1900"
    );
    assert_eq!(run(&[], "10202198200000")[0]["code"], "serial_zero");
    let w = run(&["--sex", "M", "--lang", "ru"], "10202198254217");
    assert_eq!(w[0]["code"], "sex_mismatch");
    assert!(w[0]["message"].as_str().unwrap().contains("не меняется"));
    for (stated, detail) in [
        ("1982-03-04", "day_month_swapped"),
        ("1982-04-13", "one_digit"),
        ("1990-01-01", "different"),
    ] {
        let w = run(&["--birth-date", stated], "10304198254217");
        assert_eq!(w[0]["code"], "birth_date_mismatch");
        assert_eq!(w[0]["detail"], detail);
    }
}

#[test]
fn check_reads_standard_input_line_by_line() {
    let out = kgpin_with_input(
        &["check", "--today", "2026-11-25", "--lang", "en"],
        "10202198254217\n1O202198254217\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("✔ 10202198254217  The PIN is well formed"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("✘ 1O202198254217  The PIN is not valid"),
        "{text}"
    );
    assert!(lines[2].contains("invalid_character: Position 2"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when not on a terminal");
}

#[test]
fn usage_errors_exit_with_two() {
    assert_eq!(
        kgpin(&["check", "--today", "tomorrow", "1"]).status.code(),
        Some(2)
    );
    assert_eq!(kgpin(&["check", "--sex", "X", "1"]).status.code(), Some(2));
    assert_eq!(kgpin(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        kgpin(&["dedupe", "/no/such/file.csv", "--clusters", "/tmp/x"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn synth_dedupe_eval_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let synth = |out: &str| {
        let truth = path("truth.csv");
        kgpin(&[
            "synth", "--people", "3000", "--seed", "5", "--out", out, "--truth", &truth,
        ])
    };
    assert!(synth(&path("data.csv")).status.success());
    assert!(synth(&path("again.csv")).status.success());
    let data = std::fs::read(path("data.csv")).unwrap();
    assert_eq!(
        data,
        std::fs::read(path("again.csv")).unwrap(),
        "deterministic for a seed"
    );

    let out = kgpin(&[
        "dedupe",
        &path("data.csv"),
        "--clusters",
        &path("clusters.csv"),
        "--pairs",
        &path("pairs.csv"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("rows read"), "{summary}");
    let clusters = std::fs::read_to_string(path("clusters.csv")).unwrap();
    assert!(clusters.starts_with("cluster_id,record_id\n"));
    let pairs = std::fs::read_to_string(path("pairs.csv")).unwrap();
    assert!(pairs.starts_with("record_id_a,record_id_b,score,kind,reasons,settle\n"));
    assert!(pairs.contains("same_person_multiple_pins"));
    assert!(pairs.contains("pin_shared_by_different_people"));

    let out = kgpin(&[
        "eval",
        "--json",
        "--truth",
        &path("truth.csv"),
        "--clusters",
        &path("clusters.csv"),
    ]);
    assert!(out.status.success());
    let scores: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        scores["pairwise"]["precision"].as_f64().unwrap() > 0.95,
        "{scores}"
    );
    assert!(
        scores["pairwise"]["recall"].as_f64().unwrap() > 0.95,
        "{scores}"
    );
    // The truth says what each row is, so recall is reported by kind of
    // duplicate and merges by kind of hard negative.
    let kinds = |key: &str| -> Vec<String> {
        scores[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(kinds("recallByKind").contains(&"second_pin".to_string()));
    assert!(kinds("hardNegativesMerged").contains(&"twin".to_string()));
}

#[test]
fn dedupe_csv_files_and_json_render_one_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let synth = kgpin(&[
        "synth",
        "--people",
        "2000",
        "--seed",
        "9",
        "--out",
        &path("data.csv"),
    ]);
    assert!(synth.status.success());
    let out = kgpin(&[
        "dedupe",
        &path("data.csv"),
        "--clusters",
        &path("clusters.csv"),
        "--pairs",
        &path("pairs.csv"),
        "--json",
        "--lang",
        "ky",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let clusters_from_json: Vec<String> = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            c["recordIds"].as_array().unwrap().iter().map(move |id| {
                format!(
                    "{},{}",
                    c["clusterId"].as_str().unwrap(),
                    id.as_str().unwrap()
                )
            })
        })
        .collect();
    let clusters_csv = std::fs::read_to_string(path("clusters.csv")).unwrap();
    assert!(clusters_from_json.len() > 20, "the file has duplicates");
    assert_eq!(
        clusters_csv.lines().skip(1).collect::<Vec<_>>(),
        clusters_from_json
    );
    let pairs_from_json: Vec<String> = report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let reasons: Vec<&str> = p["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["code"].as_str().unwrap())
                .collect();
            format!(
                "{},{},{:.1},{},{},{}",
                p["recordIdA"].as_str().unwrap(),
                p["recordIdB"].as_str().unwrap(),
                p["score"].as_f64().unwrap(),
                p["kind"].as_str().unwrap(),
                reasons.join(";"),
                p["settle"]["code"].as_str().unwrap_or("")
            )
        })
        .collect();
    let pairs_csv = std::fs::read_to_string(path("pairs.csv")).unwrap();
    assert_eq!(
        pairs_csv.lines().skip(1).collect::<Vec<_>>(),
        pairs_from_json
    );
    // Messages in the asked language; the summary accounts for every row.
    let message = report["pairs"][0]["reasons"][0]["message"]
        .as_str()
        .unwrap();
    assert!(
        message.chars().any(|c| ('а'..='я').contains(&c)),
        "{message}"
    );
    let summary = &report["summary"];
    assert_eq!(summary["rowsRead"], summary["records"]);
}

/// The `csv` code blocks of a Markdown text, in order.
fn csv_blocks(markdown: &str) -> Vec<&str> {
    markdown
        .split("```csv\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .collect()
}

#[test]
fn the_registry_format_docs_example_is_what_kgpin_writes() {
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/registry-csv.md"),
    )
    .unwrap();
    let blocks = csv_blocks(&docs);
    let example = blocks
        .iter()
        .position(|b| b.starts_with("record_id,pin,last_name"))
        .expect("the example extract");
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    std::fs::write(path("extract.csv"), blocks[example]).unwrap();
    let out = kgpin(&[
        "dedupe",
        &path("extract.csv"),
        "--clusters",
        &path("clusters.csv"),
        "--pairs",
        &path("pairs.csv"),
        "--diagnostics",
        &path("rows.csv"),
        "--with-columns",
    ]);
    assert!(out.status.success());
    for (file, documented) in ["clusters.csv", "pairs.csv", "rows.csv"]
        .iter()
        .zip(&blocks[example + 1..])
    {
        assert_eq!(
            std::fs::read_to_string(path(file)).unwrap(),
            *documented,
            "{file} as docs/registry-csv.md shows it"
        );
    }
}

#[test]
fn check_person_says_which_number_to_keep_and_which_to_correct() {
    let out = kgpin(&[
        "check-person",
        "--json",
        "--today",
        "2026-11-25",
        "--sex",
        "F",
        "--birth-date",
        "02.02.1982",
        "--pin",
        "10202198200311:tax",
        "--pin",
        "10202198254217:passport",
    ]);
    assert_eq!(out.status.code(), Some(1), "something to correct");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let roles: Vec<&str> = report["pins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["duplicate", "keep"]);
    assert_eq!(report["findings"][0]["code"], "several_pins_one_person");
    let human = kgpin(&[
        "check-person",
        "--lang",
        "ru",
        "--sex",
        "F",
        "--birth-date",
        "1982-02-02",
        "--pin",
        "10202198254217:passport",
    ]);
    assert_eq!(human.status.code(), Some(0), "nothing to correct");
    assert!(String::from_utf8_lossy(&human.stdout).contains("исправлять нечего"));
    let bad = kgpin(&["check-person", "--pin", "10202198254217:diary"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown document"));
    // An ID card is the passport's equal, not "other".
    let id_card = kgpin(&["check-person", "--json", "--pin", "10202198254217:id_card"]);
    assert_eq!(id_card.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&id_card.stdout).contains(r#""document":"passport""#));
    // A date of birth after today is a typing slip to fix, not a number to
    // call "another person's".
    let future = kgpin(&[
        "check-person",
        "--today",
        "2026-12-04",
        "--birth-date",
        "2029-02-02",
        "--pin",
        "10202198254217:passport",
    ]);
    assert_eq!(future.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&future.stderr).contains("--birth-date 2029-02-02 is after today"),
        "{}",
        String::from_utf8_lossy(&future.stderr)
    );
    assert!(future.stdout.is_empty());
    // And for one number: a reading found it answered "only the year differs".
    let one = kgpin(&[
        "check",
        "--today",
        "2026-12-04",
        "--birth-date",
        "2082-02-02",
        "10202198254217",
    ]);
    assert_eq!(one.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&one.stderr).contains("--birth-date 2082-02-02 is after today"));
    assert!(one.stdout.is_empty());
}

/// Every command that reports follows `--lang`, else `LANG`, else English,
/// its errors included.
#[test]
fn every_command_follows_lang_and_the_environment() {
    let dir = std::env::temp_dir().join(format!("kgpin-cli-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let empty = empty.to_str().unwrap();
    let run_with = |lang_env: Option<&str>, args: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kgpin"));
        command.args(args).env("NO_COLOR", "1").env_remove("LANG");
        if let Some(lang) = lang_env {
            command.env("LANG", lang);
        }
        command.output().expect("kgpin runs")
    };
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).to_string();
    let stdout = |o: &Output| String::from_utf8_lossy(&o.stdout).to_string();
    // dedupe's error about the file, in the chosen language.
    let en = run_with(None, &["dedupe", empty]);
    assert_eq!(en.status.code(), Some(2));
    assert!(stderr(&en).contains("The file is empty"), "{}", stderr(&en));
    let ru = run_with(None, &["dedupe", empty, "--lang", "ru"]);
    assert!(stderr(&ru).contains("Файл пуст"), "{}", stderr(&ru));
    let ky = run_with(Some("ky_KG.UTF-8"), &["dedupe", empty]);
    assert!(stderr(&ky).contains("Файл бош"), "{}", stderr(&ky));
    // check-person follows LANG as check does; --lang wins over it.
    let person = [
        "check-person",
        "--pin",
        "10202198254217:passport",
        "--today",
        "2026-11-25",
    ];
    let ru = run_with(Some("ru_RU.UTF-8"), &person);
    assert!(stdout(&ru).contains("Паспорт"), "{}", stdout(&ru));
    let mut english = person.to_vec();
    english.extend(["--lang", "en"]);
    let en = run_with(Some("ru_RU.UTF-8"), &english);
    assert!(stdout(&en).contains("Passport"), "{}", stdout(&en));
    std::fs::remove_dir_all(&dir).ok();
}

/// One line that is not UTF-8 is that line's error; the batch goes on.
#[test]
fn a_bad_byte_on_standard_input_is_one_lines_error_not_an_abort() {
    let out = kgpin_with_input(
        &["check", "--json", "--today", "2026-11-25", "--lang", "en"],
        b"10202198254217\r\n1020219\xff8254217\n\xe2\x80\x8f20202198254219\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let reports = json_lines(&out);
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0]["valid"], true);
    assert_eq!(reports[1]["valid"], false);
    assert_eq!(reports[1]["errors"][0]["code"], "invalid_character");
    // A right-to-left mark copied along is invisible, and dropped like a space.
    assert_eq!(reports[2]["valid"], true, "{}", reports[2]);
}

#[test]
fn the_review_band_is_reported_with_what_settles_it_and_its_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    std::fs::write(
        path("extract.csv"),
        "record_id,pin,last_name,first_name,patronymic,birth_date,sex\n\
         a,21606197800603,Касымканов,Бакыт,Максат уулу,1978-06-16,M\n\
         b,21806197800266,Касымканов,Бакыт,Максатович,1978-06-18,M\n",
    )
    .unwrap();
    let out = kgpin(&[
        "dedupe",
        &path("extract.csv"),
        "--pairs",
        &path("pairs.csv"),
        "--clusters",
        &path("clusters.csv"),
    ]);
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains("pairs possible_same_person: 1"),
        "{summary}"
    );
    let pairs = std::fs::read_to_string(path("pairs.csv")).unwrap();
    let line = pairs.lines().nth(1).unwrap();
    assert!(line.starts_with("a,b,"), "{line}");
    assert!(
        line.ends_with(",possible_same_person,last_name_equal;first_name_equal;patronymic_equal;birth_date_attested_differs;sex_equal;pin_differs,ask_birth_certificate"),
        "{line}"
    );
    assert_eq!(
        std::fs::read_to_string(path("clusters.csv")).unwrap(),
        "cluster_id,record_id\n",
        "never a cluster by itself"
    );
    let out = kgpin(&[
        "dedupe",
        &path("extract.csv"),
        "--json",
        "--threshold",
        "18",
        "--review-threshold",
        "-30",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["reviewThreshold"], -30.0);
    assert_eq!(
        report["pairs"][0]["settle"]["code"],
        "ask_birth_certificate"
    );
}

/// Issue 17's silent losses in one file (tests/fixtures/README.md): a lone CR
/// and CRLF among LF ends, a byte that is not UTF-8, a quote that opens and
/// closes in one column lines later. Every line is accounted for, at the line
/// a clerk's editor shows, and the summary names the encoding.
#[test]
fn a_hostile_registry_is_read_line_for_line_with_its_encoding_said() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/hostile-registry.csv"
    );
    let out = kgpin(&["dedupe", file, "--json", "--today", "2026-12-02"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["encoding"], "utf8");
    assert_eq!(report["summary"]["records"], 5);
    let found: Vec<(u64, &str)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            (4, "invalid_pin"),
            (5, "invalid_utf8"),
            (6, "unbalanced_quote")
        ]
    );
    let quote = &report["diagnostics"][2];
    assert_eq!(quote["linesSpanned"], 2);
    assert!(quote["message"]
        .as_str()
        .unwrap()
        .contains("the next 2 lines"));
    // 1 header + 5 records + the quoted row's own line + the 2 it swallowed.
    assert_eq!(1 + 5 + 1 + quote["linesSpanned"].as_u64().unwrap(), 9);
    let text = kgpin(&["dedupe", file, "--today", "2026-12-02", "--lang", "en"]);
    let summary = String::from_utf8_lossy(&text.stderr);
    assert!(summary.contains("encoding         UTF-8"), "{summary}");
}

/// Files that are not CSV text are named for what they are; a stray NUL in
/// a text file is not "binary".
#[test]
fn a_pdf_and_utf16_without_a_mark_are_named_and_a_nul_is_read() {
    let dir = std::env::temp_dir().join(format!("kgpin-cli-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("scan.csv");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").unwrap();
    let utf16 = dir.join("utf16.csv");
    let bytes: Vec<u8> = "record_id,pin,last_name\nr1,10202198254217,Асанова\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(&utf16, bytes).unwrap();
    let nul = dir.join("nul.csv");
    std::fs::write(
        &nul,
        b"record_id,pin,last_name,first_name\nr1,10202198254217,A\0,B\nr2,10202198254218,C,D\n",
    )
    .unwrap();
    let run = |path: &std::path::Path| {
        kgpin(&["dedupe", path.to_str().unwrap(), "--json", "--lang", "en"])
    };
    let out = run(&pdf);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));
    let out = run(&utf16);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-16"));
    let out = run(&nul);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["rowsRead"], 2);
    std::fs::remove_dir_all(&dir).ok();
}

/// A megabyte on one line of `kgpin check` is one answer that says how much
/// was read, not a finding per character.
#[test]
fn a_megabyte_line_is_one_answer_that_says_what_was_read() {
    let line = "1".repeat(1 << 20) + "\n";
    let out = kgpin_with_input(&["check", "--json", "--lang", "en"], line.as_bytes());
    let reports = json_lines(&out);
    assert_eq!(reports.len(), 1);
    let errors = reports[0]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["message"]
        .as_str()
        .unwrap()
        .contains("Only the first 64 characters were checked"));
}

/// Issue 19: a workbook reads as the CSV of the same rows does (clusters,
/// pairs), its sheet named, its rows located by Excel's row numbers.
#[test]
fn an_excel_workbook_is_deduplicated_as_its_csv_is() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let rows = [
        ["r1", "10202198254217", "Асанова", "Айгүл", "1982-02-02"],
        ["r2", "10202198254217", "Асанова", "Айгуль", "1982-02-02"],
        ["r3", "21503198500123", "Осмонов", "Бакыт", "1985-03-15"],
        ["r4", "2150319850012", "Осмонов", "Бакыт", "1985-03-15"],
        ["r5", "21503198500123", "Осмонов", "Бакыт", "1985-03-15"],
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Свод")
        .unwrap()
        .write_string(0, 0, "Итого: 5")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Реестр").unwrap();
    let date_format = Format::new().set_num_format("dd.mm.yyyy");
    for (col, name) in ["record_id", "ПИН", "Фамилия", "Имя", "Дата рождения"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *name).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, row[0]).unwrap();
        // PINs as Excel keeps them when typed: numbers.
        sheet
            .write_number(r, 1, row[1].parse::<f64>().unwrap())
            .unwrap();
        sheet.write_string(r, 2, row[2]).unwrap();
        sheet.write_string(r, 3, row[3]).unwrap();
        let date: kgpin::Date = row[4].parse().unwrap();
        let date =
            ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
                .unwrap();
        sheet
            .write_datetime_with_format(r, 4, &date, &date_format)
            .unwrap();
    }
    let xlsx = dir.path().join("реестр.xlsx");
    book.save(&xlsx).unwrap();
    let mut csv = String::from("record_id,pin,last_name,first_name,birth_date\n");
    for row in rows {
        csv.push_str(&row.join(","));
        csv.push('\n');
    }
    let csv_path = dir.path().join("реестр.csv");
    std::fs::write(&csv_path, csv).unwrap();

    let run = |path: &std::path::Path, extra: &[&str]| {
        let mut args = vec![
            "dedupe",
            path.to_str().unwrap(),
            "--json",
            "--today",
            "2026-12-02",
        ];
        args.extend(extra);
        let out = kgpin(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let from_xlsx = run(&xlsx, &["--sheet", "Реестр"]);
    let from_csv = run(&csv_path, &[]);
    assert_eq!(from_xlsx["clusters"], from_csv["clusters"]);
    assert_eq!(from_xlsx["pairs"], from_csv["pairs"]);
    assert_eq!(from_xlsx["diagnostics"], from_csv["diagnostics"]);
    assert_eq!(from_xlsx["clusters"].as_array().unwrap().len(), 2);
    assert_eq!(from_xlsx["diagnostics"][0]["line"], 5); // r4, Excel's row 5
    assert_eq!(from_xlsx["summary"]["sheet"], "Реестр");
    assert!(from_xlsx["summary"]["encoding"].is_null());
    assert!(from_csv["summary"].get("sheet").is_none());

    // The first sheet, a summary, is read by default: its missing column is said.
    let out = kgpin(&["dedupe", xlsx.to_str().unwrap(), "--lang", "en"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("missing_column"), "{said}");
    // A sheet that is not there names those that are.
    let out = kgpin(&[
        "dedupe",
        xlsx.to_str().unwrap(),
        "--sheet",
        "Лист9",
        "--lang",
        "en",
    ]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("Свод, Реестр") && said.contains("no_such_sheet"),
        "{said}"
    );
    // The text summary names the sheet read and the others.
    let out = kgpin(&[
        "dedupe",
        xlsx.to_str().unwrap(),
        "--sheet",
        "Реестр",
        "--today",
        "2026-12-02",
    ]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("sheet            Реестр"), "{said}");
    assert!(said.contains("Свод, Реестр; --sheet NAME"), "{said}");
    // --sheet with a CSV file is a mistake said, not ignored.
    let out = kgpin(&["dedupe", csv_path.to_str().unwrap(), "--sheet", "Реестр"]);
    assert!(!out.status.success());
}

/// Runs kgpin with its standard output closed before it writes (a reader
/// such as `head` that stopped reading).
fn kgpin_to_closed_pipe(args: &[&str]) -> Output {
    let mut child = command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kgpin runs");
    drop(child.stdout.take());
    child.wait_with_output().expect("kgpin ends")
}

#[test]
fn a_report_to_a_reader_that_stopped_reading_ends_without_a_panic() {
    let dir = tempfile_dir("closed-pipe");
    let (data, truth, clusters) = (dir.join("d.csv"), dir.join("t.csv"), dir.join("c.csv"));
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let synth = [
        "synth",
        "--people",
        "300",
        "--seed",
        "3",
        "--out",
        &path(&data),
        "--truth",
        &path(&truth),
    ];
    assert!(kgpin(&synth).status.success());
    let dedupe = ["dedupe", &path(&data), "--clusters", &path(&clusters)];
    assert!(kgpin(&dedupe).status.success());
    for args in [
        vec![
            "eval",
            "--truth",
            &path(&truth),
            "--clusters",
            &path(&clusters),
        ],
        vec![
            "check-person",
            "--today",
            "2026-11-25",
            "--pin",
            "10202198200311:tax",
        ],
        vec!["check", "10202198254217"],
    ] {
        let out = kgpin_to_closed_pipe(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?} {stderr}",
            out.status
        );
    }
}

/// A fresh directory for a test's files.
fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kgpin-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
