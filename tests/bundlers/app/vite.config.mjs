// Vite as integrators run it; top-level await (the package's init) needs a modern target.
export default { build: { target: "esnext", outDir: "dist-vite", emptyOutDir: true }, logLevel: "warn" };
