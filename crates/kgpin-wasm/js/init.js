
// Whether the registry's module is loaded: Registry says so, with a code,
// instead of failing inside the WebAssembly glue. Kept on the class, which
// every copy of this file shares with the one module.
const REGISTRY_LOADED = Symbol.for("kgpin.registry.loaded");
const REGISTRY_GUARDED = Symbol.for("kgpin.registry.guarded");
if (!Registry[REGISTRY_GUARDED]) {
  Registry[REGISTRY_GUARDED] = true;
  const fromCsv = Registry.fromCsv;
  Registry.fromCsv = function (...args) {
    if (!Registry[REGISTRY_LOADED]) {
      const error = new Error("Registry: its module is not loaded: call init() (init({ registry: false }) loads the checks alone)");
      error.code = "registry_not_loaded";
      throw error;
    }
    return fromCsv.apply(this, args);
  };
}

// init: loads the package's two modules, the checks and the registry, side by
// side; `{ registry: false }` the checks alone (or import "kgpin/check").
async function init(options) {
  const o = asOptions(options);
  const loads = [initChecks({ core: o.core })];
  if (o.registry !== false) {
    loads.push(initRegistry(place(o.registry)).then(() => {
      Registry[REGISTRY_LOADED] = true;
    }));
  }
  await Promise.all(loads);
}

// initSync: the same from bytes or compiled modules; without `registry`, the checks alone.
function initSync(options) {
  const o = asOptions(options);
  initChecksSync({ core: o.core });
  if (o.registry !== undefined && o.registry !== false) {
    initRegistrySync(compiled(o.registry));
    Registry[REGISTRY_LOADED] = true;
  }
}
