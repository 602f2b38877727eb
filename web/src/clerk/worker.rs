//! The page's side of the worker: start it, hand it typed [`Request`]s once it
//! is ready, pass its replies on. Cancelling terminates it (and gives its
//! memory back).

use std::cell::RefCell;
use std::rc::Rc;

use kgpin::Lang;
use kgpin_web_worker::{Job, Reply, Request, LOADER};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

/// A running worker. Dropping it terminates the worker.
pub struct WorkerHandle {
    worker: Worker,
    /// Jobs posted before the worker said it was ready.
    pending: Rc<RefCell<Option<Vec<JsValue>>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl WorkerHandle {
    /// Starts the worker; `on_reply` receives every reply, `on_failure` a
    /// worker that could not start or crashed.
    pub fn spawn(on_reply: Callback<Reply>, on_failure: Callback<String>) -> Result<Self, JsValue> {
        let worker = Worker::new(LOADER)?;
        let pending: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let on_failure = on_failure.clone();
            let pending = pending.clone();
            let worker = worker.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                match serde_wasm_bindgen::from_value::<Reply>(event.data()) {
                    Ok(Reply::Ready) => {
                        for job in pending.borrow_mut().take().unwrap_or_default() {
                            let _ = worker.post_message(&job);
                        }
                    }
                    Ok(reply) => {
                        let more = matches!(reply, Reply::Clusters { more: true, .. });
                        on_reply.emit(reply);
                        // The slice is the page's now: the next one may come.
                        // (A slice has no words: any language will do.)
                        if more {
                            let next = Request {
                                lang: Lang::default(),
                                job: Job::MoreClusters,
                                paced: true,
                            };
                            if let Ok(job) = encoded(&next) {
                                let _ = worker.post_message(&job);
                            }
                        }
                    }
                    Err(error) => on_failure.emit(error.to_string()),
                }
            })
        };
        let on_error = {
            Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let message = js_sys::Reflect::get(&event, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_default();
                on_failure.emit(message)
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkerHandle {
            worker,
            pending,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Posts a request, now or as soon as the worker is ready. A `File` in it
    /// goes as a handle (structured clone), not as bytes.
    pub fn post(&self, request: &Request) -> Result<(), serde_wasm_bindgen::Error> {
        let job = encoded(request)?;
        match self.pending.borrow_mut().as_mut() {
            Some(queue) => queue.push(job),
            None => {
                let _ = self.worker.post_message(&job);
            }
        }
        Ok(())
    }
}

/// A request as the worker reads it.
fn encoded(request: &Request) -> Result<JsValue, serde_wasm_bindgen::Error> {
    serde::Serialize::serialize(request, &serde_wasm_bindgen::Serializer::json_compatible())
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
