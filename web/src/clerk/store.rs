//! The clerk's decisions in this browser's IndexedDB, one entry per pair of
//! record_ids, so a reload, a crash or the next working day loses nothing and
//! the next extract finds its pairs again; and the registry of this tab's
//! session, so that leaving the page and coming back reads it again.
//! Nothing is sent anywhere.
//!
//! Straight on `web-sys` (each request's callbacks turned into a future):
//! three calls do not need a wrapper crate, and the page's `.wasm` stays
//! inside its budget.

use js_sys::Promise;
use kgpin_web_worker::PairDecision;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "kgpin";
/// Version 2 added the session store.
const VERSION: u32 = 2;
const STORE: &str = "pair_decisions";
/// One entry: the last registry job of a tab (its `File` handle, kept by
/// the browser as a copy), with the tab's session mark.
const SESSION: &str = "session";
const SESSION_ENTRY: &str = "registry";

fn text(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&error, &"message".into())
                .ok()?
                .as_string()
        })
        .unwrap_or_else(|| "IndexedDB error".into())
}

/// Waits for a request to succeed, giving its result.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let succeeded = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &succeeded.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(text)
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(text)?
        .ok_or("no IndexedDB")?;
    let request = factory.open_with_u32(DATABASE, VERSION).map_err(text)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(database) = upgrading.result().and_then(|d| d.dyn_into::<IdbDatabase>()) {
            if !database.object_store_names().contains(STORE) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&"key".into());
                let _ = database.create_object_store_with_optional_parameters(STORE, &params);
            }
            if !database.object_store_names().contains(SESSION) {
                let _ = database.create_object_store(SESSION);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    done(&request)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| "not a database".into())
}

/// Every decision kept on this device.
pub async fn load_all() -> Result<Vec<PairDecision>, String> {
    let database = open().await?;
    let store = database
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)
        .and_then(|t| t.object_store(STORE))
        .map_err(text)?;
    let all = done(&store.get_all().map_err(text)?).await?;
    database.close();
    Ok(js_sys::Array::from(&all)
        .iter()
        .filter_map(|v| serde_wasm_bindgen::from_value(v).ok())
        .collect())
}

/// Writes `put` and removes the pairs keyed `delete`, in one transaction.
pub async fn save(put: Vec<PairDecision>, delete: Vec<String>) -> Result<(), String> {
    let database = open().await?;
    let store = database
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(STORE))
        .map_err(text)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    // Requests of one transaction run in order: waiting for the last is waiting for all.
    let mut last = None;
    for key in delete {
        last = Some(store.delete(&key.into()).map_err(text)?);
    }
    for decision in put {
        let value =
            serde::Serialize::serialize(&decision, &serializer).map_err(|e| e.to_string())?;
        last = Some(store.put(&value).map_err(text)?);
    }
    if let Some(request) = last {
        done(&request).await?;
    }
    database.close();
    Ok(())
}

fn session_store(
    database: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<web_sys::IdbObjectStore, String> {
    database
        .transaction_with_str_and_mode(SESSION, mode)
        .and_then(|t| t.object_store(SESSION))
        .map_err(text)
}

/// What this tab's session registry was: a file (a CSV, or a workbook and
/// the sheet read), or the demo.
pub enum SessionSource {
    /// A file the clerk chose, kept by the browser as a copy.
    File(web_sys::File, Option<String>),
    /// The demo registry.
    Demo,
}

/// Keeps this tab's session registry, marked with `mark`. Plain fields, not
/// serde: the entry is the browser's (a `File` is cloned by IndexedDB).
pub async fn keep_session(mark: &str, source: &SessionSource) -> Result<(), String> {
    let database = open().await?;
    let store = session_store(&database, IdbTransactionMode::Readwrite)?;
    let entry = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&entry, &key.into(), value);
    set("mark", &mark.into()).map_err(text)?;
    set("at", &js_sys::Date::now().into()).map_err(text)?;
    if let SessionSource::File(file, sheet) = source {
        set("file", file).map_err(text)?;
        if let Some(sheet) = sheet {
            set("sheet", &sheet.into()).map_err(text)?;
        }
    }
    done(
        &store
            .put_with_key(&entry, &SESSION_ENTRY.into())
            .map_err(text)?,
    )
    .await?;
    database.close();
    Ok(())
}

/// How long a tab's registry is kept: a working day. A tab left open for
/// longer reads it no more, and the copy is deleted.
const SESSION_HOURS: f64 = 12.0;

/// The session registry if it was kept under `mark` less than
/// [`SESSION_HOURS`] ago; one kept under another mark (a tab since closed)
/// or earlier is deleted, and none is given.
pub async fn session_source(mark: &str) -> Result<Option<SessionSource>, String> {
    let database = open().await?;
    let store = session_store(&database, IdbTransactionMode::Readwrite)?;
    let entry = done(&store.get(&SESSION_ENTRY.into()).map_err(text)?).await?;
    let field = |key: &str| js_sys::Reflect::get(&entry, &key.into()).ok();
    let age_hours = field("at")
        .and_then(|at| at.as_f64())
        .map_or(f64::INFINITY, |at| (js_sys::Date::now() - at) / 3_600_000.0);
    let source = match field("mark").and_then(|m| m.as_string()) {
        Some(kept) if kept == mark && age_hours < SESSION_HOURS => {
            match field("file").and_then(|f| f.dyn_into().ok()) {
                Some(file) => Some(SessionSource::File(
                    file,
                    field("sheet").and_then(|s| s.as_string()),
                )),
                None => Some(SessionSource::Demo),
            }
        }
        Some(_) => {
            done(&store.delete(&SESSION_ENTRY.into()).map_err(text)?).await?;
            None
        }
        None => None,
    };
    database.close();
    Ok(source)
}

/// Forgets the session registry (a failed load, a cancel, a reload).
pub async fn forget_session() -> Result<(), String> {
    let database = open().await?;
    let store = session_store(&database, IdbTransactionMode::Readwrite)?;
    done(&store.delete(&SESSION_ENTRY.into()).map_err(text)?).await?;
    database.close();
    Ok(())
}

const SESSION_KEY: &str = "kgpin.session";

/// This tab's session mark, made on the tab's first visit. `sessionStorage`
/// lives as long as the tab: a mark found again means the clerk left the
/// page in this tab and came back; another tab has another mark.
pub fn session_mark() -> Option<String> {
    let storage = web_sys::window()?.session_storage().ok()??;
    if let Some(mark) = storage.get_item(SESSION_KEY).ok()? {
        return Some(mark);
    }
    let mark = format!("{:x}", (js_sys::Math::random() * 2f64.powi(52)) as u64);
    storage.set_item(SESSION_KEY, &mark).ok()?;
    Some(mark)
}

/// Whether this page was opened by a reload (the browser's navigation
/// timing says so), not by a link, an address or history. Read through
/// `Reflect`: web-sys's Performance bindings grew the citizen's page too.
pub fn reloaded() -> bool {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let entries = web_sys::window()
        .and_then(|w| get(&w, "performance"))
        .and_then(|p| {
            let by_type = get(&p, "getEntriesByType")?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            by_type.call1(&p, &"navigation".into()).ok()
        });
    entries
        .map(|e| js_sys::Array::from(&e).get(0))
        .and_then(|entry| get(&entry, "type"))
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == "reload")
}
