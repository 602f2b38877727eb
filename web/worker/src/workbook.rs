//! The messages between the clerk's page and the workbook worker, which turns
//! an Excel workbook's sheet into the CSV the registry worker reads. It is a
//! worker of its own, fetched only when a clerk gives a workbook: the xlsx
//! reader weighs more than the whole registry worker, and most files are CSV.

use kgpin::Lang;
use serde::{Deserialize, Serialize};

/// The page asks for one sheet of a workbook.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SheetRequest {
    /// The language of the failure messages.
    pub lang: Lang,
    /// The workbook: a handle, read in the worker.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub file: web_sys::File,
    /// The sheet to read; none: the first.
    #[serde(default)]
    pub sheet: Option<String>,
}

/// The workbook worker's answer. Externally tagged (`{"sheet": {...}}`), as
/// [`Job`](crate::Job) is: serde reads it straight from the JavaScript
/// object, so the `File` handle survives (an internally tagged enum is
/// buffered first, which loses it).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum SheetReply {
    /// The worker's code is loaded; it takes the request from now on.
    Ready,
    /// The sheet, as a CSV file the registry worker reads (one line per
    /// Excel row, so its lines are the sheet's row numbers).
    Sheet {
        /// The CSV file, named as the workbook is.
        #[serde(with = "serde_wasm_bindgen::preserve")]
        csv: web_sys::File,
        /// The sheet read.
        sheet: String,
        /// Every sheet of the workbook, in its order.
        sheets: Vec<String>,
    },
    /// The workbook could not be read.
    Failed {
        /// The core's `RegistryError` code (`unreadable_workbook`,
        /// `no_such_sheet`, `empty_file`), or the worker's `JobError` code.
        code: String,
        /// Why, in the request's language.
        message: String,
    },
}

/// The name of the workbook worker's loader script, as Trunk writes it.
pub const WORKBOOK_LOADER: &str = "./kgpin-xlsx_loader.js";
