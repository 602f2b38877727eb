// webpack 5 as integrators configure it: ES modules in, the .wasm emitted as
// an asset from `new URL(..., import.meta.url)` (its default), top-level await on.
const path = require("node:path");
module.exports = {
  mode: "production",
  entry: "./main.js",
  output: { path: path.resolve(__dirname, "dist-webpack"), filename: "main.js", module: true, clean: true },
  experiments: { outputModule: true, topLevelAwait: true },
};
