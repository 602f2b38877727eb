//! The workbook worker: reads an Excel workbook (a `File` handle, read here)
//! and answers with one sheet as a CSV `File`, which the page hands to the
//! registry worker as if the clerk had saved the sheet as CSV, minus Excel's
//! rounding of PINs stored as numbers (`kgpin::workbook`). One request per
//! worker: the page starts it for a workbook and ends it after the answer,
//! giving the reader's memory back.

#![forbid(unsafe_code)]
#![deny(clippy::indexing_slicing)]

use kgpin::registry::RegistryError;
use kgpin::workbook::Workbook;
use kgpin::{messages, Lang};
use kgpin_web_worker::workbook::{SheetReply, SheetRequest};
use kgpin_web_worker::{job_error, JobError, MAX_FILE_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &SheetReply) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(value) = serde::Serialize::serialize(reply, &serializer) {
        let _ = scope().post_message(&value);
    }
}

fn main() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        post(&answer(&event.data()));
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&SheetReply::Ready);
}

fn job_failed(error: JobError, lang: Lang) -> SheetReply {
    SheetReply::Failed {
        code: error.code().into(),
        message: job_error(error, lang).into(),
    }
}

fn answer(data: &JsValue) -> SheetReply {
    let Ok(SheetRequest { lang, file, sheet }) = serde_wasm_bindgen::from_value(data.clone())
    else {
        return job_failed(JobError::InvalidRequest, Lang::default());
    };
    if file.size() as u64 > MAX_FILE_BYTES {
        return job_failed(JobError::FileTooLarge, lang);
    }
    let Ok(bytes) = FileReaderSync::new()
        .and_then(|reader| reader.read_as_array_buffer(&file))
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
    else {
        return job_failed(JobError::UnreadableFile, lang);
    };
    let read = Workbook::open(&bytes).and_then(|mut book| {
        let sheet = sheet.unwrap_or_else(|| book.first_sheet().to_string());
        let csv = book.sheet_csv(&sheet)?;
        Ok((csv, sheet, book.sheet_names().to_vec()))
    });
    drop(bytes);
    let (csv, sheet, sheets) = match read {
        Ok(read) => read,
        Err(error) => return registry_failed(&error, lang),
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&csv));
    drop(csv);
    let options = web_sys::FilePropertyBag::new();
    options.set_type("text/csv");
    match web_sys::File::new_with_str_sequence_and_options(&parts, &file.name(), &options) {
        Ok(csv) => SheetReply::Sheet { csv, sheet, sheets },
        Err(_) => job_failed(JobError::Internal, lang),
    }
}

fn registry_failed(error: &RegistryError, lang: Lang) -> SheetReply {
    SheetReply::Failed {
        code: error.code().into(),
        message: messages::registry_error(error, lang),
    }
}
