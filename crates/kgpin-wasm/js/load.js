
// Loading the modules. Options are { core, registry }: where each .wasm is,
// as wasm-bindgen's own init takes it (a URL or string, resolved against the
// page, a Response, bytes or a compiled module). Anything else is what init
// and initSync took before the package was split: the place (or bytes) of
// its one module, now the checks'.
const plainObject = (o) => o !== null && typeof o === "object" && Object.getPrototypeOf(o) === Object.prototype;
const asOptions = (o) =>
  o === undefined || o === null ? {} : plainObject(o) && Object.keys(o).every((k) => k === "core" || k === "registry") ? o : { core: o };
// wasm-bindgen's init and initSync want { module_or_path } and { module }.
const place = (where) => (where === undefined ? undefined : plainObject(where) && "module_or_path" in where ? where : { module_or_path: where });
const compiled = (module) => (plainObject(module) && "module" in module ? module : { module });
