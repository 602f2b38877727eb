
// init: loads the checks' module (see load.js for its options).
async function init(options) {
  await initCore(place(asOptions(options).core));
}

// initSync: the same from bytes or a compiled module.
function initSync(options) {
  initCoreSync(compiled(asOptions(options).core));
}
