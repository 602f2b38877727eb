//! What decoding the page's messages must never break, checked by the fuzz
//! target `worker_messages` (fuzz/) and, over every input it kept
//! (`fuzz/regressions/worker_messages/`), by this crate's tests.
//!
//! The page posts JSON-compatible values (`Serializer::json_compatible`), so
//! a message is read here from JSON with the same `Deserialize` code the
//! worker runs on the JavaScript value: the derives, the defaults and the
//! lenient readers (a verdict stored as `""` by earlier versions).

// An invariant fails by panicking: that is what the fuzzer looks for.
#![allow(clippy::panic, clippy::expect_used)]

use crate::Request;

/// serde-wasm-bindgen's marker for a JavaScript value passed through whole
/// (the `File` of a load). Only its own deserializer gives it meaning; from
/// JSON it would make a JavaScript handle out of a number, which no real
/// message can do: inputs that carry it are not messages the page sends.
const PRESERVED_VALUE_MARKER: &[u8] = b"1fc430ca-5b7f-4295-92de-33cf2b145d38";

/// Any bytes: decoding gives a request or an error, never a panic; a request
/// decoded once encodes and decodes again to the same encoding (nothing is
/// lost or changed on the way), and names a job kind whose code reads back.
pub fn request_json(bytes: &[u8]) {
    if bytes
        .windows(PRESERVED_VALUE_MARKER.len())
        .any(|w| w == PRESERVED_VALUE_MARKER)
    {
        return;
    }
    let Ok(request) = serde_json::from_slice::<Request>(bytes) else {
        return;
    };
    let kind = request.job.kind();
    assert_eq!(crate::JobKind::from_code(kind.code()), Some(kind));
    let once = serde_json::to_vec(&request).expect("a decoded request encodes");
    let again: Request = serde_json::from_slice(&once)
        .unwrap_or_else(|e| panic!("a request's own encoding decodes: {e}"));
    let twice = serde_json::to_vec(&again).expect("encodes again");
    assert_eq!(
        String::from_utf8_lossy(&once),
        String::from_utf8_lossy(&twice),
        "decoding and encoding again changes nothing"
    );
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    /// Every input the fuzzer kept, through the same invariant: a case
    /// found once stays found.
    #[test]
    fn kept_inputs_hold_the_invariant() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fuzz/regressions/worker_messages");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).expect("the regressions folder") {
            let path = entry.expect("an entry").path();
            let bytes = std::fs::read(&path).expect("a kept input");
            let outcome = std::panic::catch_unwind(|| super::request_json(&bytes));
            assert!(outcome.is_ok(), "{} breaks an invariant", path.display());
            seen += 1;
        }
        assert!(seen > 0, "no kept inputs in {}", dir.display());
    }

    /// The kept inputs say what they are: these decode, these do not.
    #[test]
    fn messages_decode_or_are_refused_as_their_names_say() {
        let decodes = |json: &str| serde_json::from_str::<crate::Request>(json).is_ok();
        assert!(decodes(r#"{"lang":"ky","job":"shared"}"#));
        assert!(
            decodes(
                r#"{"lang":"en","job":{"demo":{"people":1,"seed":1,"decisions":[{"key":"a","a":"a","b":"b","verdict":"","comment":"","clusterId":"a","file":"f"}]}}}"#
            ),
            "a verdict stored as \"\" by earlier versions is no verdict, not an error"
        );
        assert!(
            !decodes(r#"{"lang":"xx","job":"rejected"}"#),
            "an unknown language"
        );
        assert!(
            !decodes(r#"{"lang":"en","job":{"load":{"file":5}}}"#),
            "a file that is a number"
        );
    }
}
