//! The page's side of the workbook worker (`web/xlsx`): an Excel workbook
//! is sent there first, and the sheet comes back as a CSV file that the
//! registry worker reads like any other. The worker is started for one
//! workbook and ended after its answer, so its code is fetched only when a
//! clerk gives a workbook, and its memory is given back at once.

use std::cell::RefCell;
use std::rc::Rc;

use kgpin::Lang;
use kgpin_web_worker::workbook::{SheetReply, SheetRequest, WORKBOOK_LOADER};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent, Worker};

/// A sheet read from a workbook.
pub struct Sheet {
    /// The sheet as CSV, for the registry worker.
    pub csv: File,
    /// Its name.
    pub sheet: String,
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
}

/// Whether a file is a zip archive, as every `.xlsx` is: its first bytes
/// tell, whatever its name (a workbook renamed `.csv` is still one).
pub async fn is_workbook(file: &File) -> bool {
    let Ok(head) = file.slice_with_i32_and_i32(0, 4) else {
        return false;
    };
    match JsFuture::from(head.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec() == b"PK\x03\x04",
        Err(_) => false,
    }
}

/// The workbook worker while it reads, so that Cancel can end it: the
/// reading then never answers, and no job follows.
pub type Reading = Rc<RefCell<Option<Worker>>>;

/// Reads `sheet` (none: the first) of a workbook in the workbook worker;
/// a failure is a message in `lang`.
pub async fn read_sheet(
    file: File,
    sheet: Option<String>,
    lang: Lang,
    reading: Reading,
) -> Result<Sheet, String> {
    let failed = || failure_message(lang);
    let worker = Worker::new(WORKBOOK_LOADER).map_err(|_| failed())?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let request = serde::Serialize::serialize(&SheetRequest { lang, file, sheet }, &serializer)
        .map_err(|_| failed())?;
    let settle: Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>> = Rc::default();
    // The executor runs at once: `settle` holds the promise's two ends below.
    let answered = js_sys::Promise::new(&mut |resolve, reject| {
        *settle.borrow_mut() = Some((resolve, reject));
    });
    let on_message = {
        let (settle, worker) = (settle.clone(), worker.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            match serde_wasm_bindgen::from_value::<SheetReply>(data.clone()) {
                Ok(SheetReply::Ready) => {
                    let _ = worker.post_message(&request);
                }
                _ => {
                    if let Some((resolve, _)) = settle.borrow_mut().take() {
                        let _ = resolve.call1(&JsValue::NULL, &data);
                    }
                }
            }
        })
    };
    let on_error = {
        let settle = settle.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |error: JsValue| {
            if let Some((_, reject)) = settle.borrow_mut().take() {
                let _ = reject.call1(&JsValue::NULL, &error);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    *reading.borrow_mut() = Some(worker.clone());
    let answer = JsFuture::from(answered).await;
    reading.borrow_mut().take();
    worker.terminate();
    let reply = answer
        .ok()
        .and_then(|data| serde_wasm_bindgen::from_value::<SheetReply>(data).ok());
    match reply {
        Some(SheetReply::Sheet { csv, sheet, sheets }) => Ok(Sheet { csv, sheet, sheets }),
        Some(SheetReply::Failed { message, .. }) => Err(message),
        Some(SheetReply::Ready) | None => Err(failed()),
    }
}

/// The workbook worker could not start, or stopped without an answer.
fn failure_message(lang: Lang) -> String {
    super::words::word(super::words::Word::WorkbookFailed, lang).into()
}
