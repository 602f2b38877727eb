// The kgpin package in a plain form: no framework, one import (the checks
// alone, "kgpin/check": a form does not download the registry's module).
import init, { checkPin } from "../pkg/web/check.js";

await init();
const $ = (id) => document.getElementById(id);
const status = $("pin-status");

function render() {
  const input = $("pin").value;
  status.replaceChildren();
  status.className = "status";
  $("submit").disabled = true;
  if (input.trim() === "") return;
  const report = checkPin(input, {
    sex: $("sex").value || undefined,
    birthDate: $("birth-date").value || undefined,
    lang: $("lang").value,
  });
  const line = (text, className) => {
    const p = document.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    status.append(p);
    return p;
  };
  if (report.valid) {
    status.classList.add(report.warnings.length ? "warn" : "ok");
    line(`✔ ${report.pin} — ${report.sex} · ${report.birthDate} · ${report.serial}`, "decoded");
    $("submit").disabled = false;
  } else {
    status.classList.add("bad");
  }
  for (const finding of [...report.errors, ...report.warnings]) {
    line(finding.message, "finding").dataset.code = finding.code;
  }
}

for (const id of ["pin", "sex", "birth-date", "lang"]) {
  $(id).addEventListener("input", render);
  $(id).addEventListener("change", render);
}
$("registration").addEventListener("submit", (event) => event.preventDefault());
document.documentElement.dataset.ready = "true";
