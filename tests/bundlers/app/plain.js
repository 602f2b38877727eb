// No bundler: the installed files by their paths, in a plain <script type=module>.
import init, { checkPin, Registry } from "./node_modules/kgpin/web/kgpin.js";
import "./node_modules/kgpin/web/pin-input.js";

await init();
const report = checkPin("10202198254217", { today: "2026-12-02" });
const registry = Registry.fromCsv(
  "record_id,pin,last_name,first_name,birth_date\na,10202198254217,Асанова,Айгүл,1982-02-02\nb,10202198200311,Асанова,Айгүл,1982-02-02\n",
);
const { clusters } = registry.dedupe();
registry.free();
document.getElementById("result").textContent = JSON.stringify({
  valid: report.valid,
  birthDate: report.birthDate,
  clusters: clusters.map((c) => c.recordIds),
});
document.documentElement.dataset.ready = "true";
