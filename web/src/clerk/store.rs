//! The clerk's decisions in this browser's IndexedDB, one entry per pair of
//! record_ids, so a reload, a crash or the next working day loses nothing and
//! the next extract finds its pairs again. Nothing is sent anywhere.
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
const STORE: &str = "pair_decisions";

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
    let request = factory.open_with_u32(DATABASE, 1).map_err(text)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(database) = upgrading.result().and_then(|d| d.dyn_into::<IdbDatabase>()) {
            if !database.object_store_names().contains(STORE) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&"key".into());
                let _ = database.create_object_store_with_optional_parameters(STORE, &params);
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
