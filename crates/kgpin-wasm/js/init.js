
// init: loads the package's two modules, the checks (kgpin_core) and the
// registry (kgpin_registry), side by side. `{ registry: false }` loads the
// checks alone (or import "kgpin/check"); `core` and `registry` may say where
// each .wasm is, as wasm-bindgen's own init takes it, for hosts that move them.
async function init(options) {
  const o = options ?? {};
  const at = (where) => (where === undefined ? undefined : { module_or_path: where });
  const loads = [initCore(at(o.core))];
  if (o.registry !== false) loads.push(initRegistry(at(o.registry)));
  await Promise.all(loads);
}

// initSync: the same from bytes or compiled modules (a worker that has them).
function initSync(options) {
  initCoreSync({ module: options.core });
  if (options.registry !== undefined && options.registry !== false) initRegistrySync({ module: options.registry });
}
