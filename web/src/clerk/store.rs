//! The clerk's decisions in this browser's IndexedDB, one entry per pair of
//! record_ids, so a reload, a crash or the next working day loses nothing and
//! the next extract finds its pairs again. Nothing is sent anywhere.

use idb::{Database, DatabaseEvent, Factory, KeyPath, ObjectStoreParams, TransactionMode};
use kgpin_web_worker::PairDecision;
use wasm_bindgen::JsValue;

const DATABASE: &str = "kgpin";
const STORE: &str = "pair_decisions";

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}

async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(text)?;
    let mut request = factory.open(DATABASE, Some(1)).map_err(text)?;
    request.on_upgrade_needed(|event| {
        let Ok(database) = event.database() else {
            return;
        };
        if !database.store_names().iter().any(|n| n == STORE) {
            let mut params = ObjectStoreParams::new();
            params.key_path(Some(KeyPath::new_single("key")));
            let _ = database.create_object_store(STORE, params);
        }
    });
    request.await.map_err(text)
}

/// Every decision kept on this device.
pub async fn load_all() -> Result<Vec<PairDecision>, String> {
    let database = open().await?;
    let transaction = database
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(text)?;
    let store = transaction.object_store(STORE).map_err(text)?;
    let values: Vec<JsValue> = store
        .get_all(None, None)
        .map_err(text)?
        .await
        .map_err(text)?;
    transaction.await.map_err(text)?;
    database.close();
    Ok(values
        .into_iter()
        .filter_map(|v| serde_wasm_bindgen::from_value(v).ok())
        .collect())
}

/// Writes `put` and removes the pairs keyed `delete`, in one transaction.
pub async fn save(put: Vec<PairDecision>, delete: Vec<String>) -> Result<(), String> {
    let database = open().await?;
    let transaction = database
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(text)?;
    let store = transaction.object_store(STORE).map_err(text)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    for key in delete {
        store
            .delete(JsValue::from(key))
            .map_err(text)?
            .await
            .map_err(text)?;
    }
    for decision in put {
        let value = serde::Serialize::serialize(&decision, &serializer).map_err(text)?;
        store.put(&value, None).map_err(text)?.await.map_err(text)?;
    }
    transaction.commit().map_err(text)?.await.map_err(text)?;
    database.close();
    Ok(())
}
