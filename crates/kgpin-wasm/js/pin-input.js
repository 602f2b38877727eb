// <kgpin-pin-input>: a PIN field any web form can drop in, no framework needed.
//
//   <script type="module" src="node_modules/kgpin/web/pin-input.js"></script>
//   <form>
//     <kgpin-pin-input name="pin" required lang="ru" label="ПИН"></kgpin-pin-input>
//   </form>
//
// Form-associated (ElementInternals): the form's own validity, `required`,
// reset, submit and FormData work as for an <input>. The number is checked by
// the kgpin WebAssembly module in the page (nothing is sent anywhere) once it
// has 14 digits, or when the field is left; the decoded sex and birth date and
// the errors are shown in the element's language (its `lang`, else the page's),
// and every check is dispatched as a `kgpin-check` event whose `detail` is the
// report of `checkPin`. No inline style: it works under a strict CSP
// (`script-src 'self' 'wasm-unsafe-eval'`; style it by its classes).
import init, { checkPin } from "./check.js";

// Loaded at the first check, not at import, and tried again after a failure:
// a page that places the .wasm itself (init({ core })) keeps its place.
let ready = null;
const loaded = () =>
  (ready ??= init().catch((error) => {
    ready = null;
    throw error;
  }));

const LANGS = ["ky", "ru", "en"];
// The element's own few words; everything about the number comes from the core.
const WORDS = {
  ky: { label: "ПИН", female: "аял", male: "эркек", required: "ПИНди жазыңыз." },
  ru: { label: "ПИН", female: "женский", male: "мужской", required: "Введите ПИН." },
  en: { label: "PIN", female: "female", male: "male", required: "Enter the PIN." },
};

let nextId = 0;

class KgpinPinInput extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = ["lang", "label", "required", "today"];

  #internals = this.attachInternals();
  #input = null;
  #label = null;
  #status = null;
  #report = null;
  #touched = false;

  connectedCallback() {
    if (!this.#input) {
      const id = `kgpin-pin-input-${nextId++}`;
      this.#label = document.createElement("label");
      this.#label.className = "kgpin-pin-label";
      this.#label.htmlFor = id;
      this.#input = document.createElement("input");
      Object.assign(this.#input, { id, inputMode: "numeric", autocomplete: "off", spellcheck: false });
      this.#input.className = "kgpin-pin-field";
      this.#input.setAttribute("aria-describedby", `${id}-status`);
      this.#status = document.createElement("div");
      this.#status.id = `${id}-status`;
      this.#status.className = "kgpin-pin-status";
      this.#status.setAttribute("aria-live", "polite");
      this.#input.value = this.getAttribute("value") ?? "";
      // Typing takes the last verdict away until the number is complete again or left.
      this.#input.addEventListener("input", () => {
        this.#touched = false;
        this.#check();
      });
      this.#input.addEventListener("change", () => {
        this.#touched = true;
        this.#check();
      });
      this.append(this.#label, this.#input, this.#status);
    }
    this.#check();
  }

  attributeChangedCallback() {
    if (this.#input) this.#check();
  }

  /** The number as typed. */
  get value() {
    return this.#input?.value ?? this.getAttribute("value") ?? "";
  }
  set value(text) {
    if (this.#input) {
      this.#input.value = String(text ?? "");
      this.#check();
    } else {
      this.setAttribute("value", String(text ?? ""));
    }
  }
  /** The last `checkPin` report, or null before the first check. */
  get report() {
    return this.#report;
  }
  get form() {
    return this.#internals.form;
  }
  get name() {
    return this.getAttribute("name");
  }
  get type() {
    return "text";
  }
  get validity() {
    return this.#internals.validity;
  }
  get validationMessage() {
    return this.#internals.validationMessage;
  }
  get willValidate() {
    return this.#internals.willValidate;
  }
  checkValidity() {
    return this.#internals.checkValidity();
  }
  reportValidity() {
    return this.#internals.reportValidity();
  }
  focus(options) {
    this.#input?.focus(options);
  }

  formResetCallback() {
    this.#touched = false;
    this.value = this.getAttribute("value") ?? "";
  }
  formStateRestoreCallback(state) {
    this.value = state ?? "";
  }
  formDisabledCallback(disabled) {
    if (this.#input) this.#input.disabled = disabled;
  }

  #lang() {
    const lang = (this.closest("[lang]")?.getAttribute("lang") ?? "").slice(0, 2).toLowerCase();
    return LANGS.includes(lang) ? lang : "ru";
  }

  async #check() {
    const lang = this.#lang();
    const words = WORDS[lang];
    this.#label.textContent = this.getAttribute("label") ?? words.label;
    // Required and empty is known at once, before the WebAssembly is ready.
    if (this.#input.value.trim() === "" && this.hasAttribute("required")) {
      this.#internals.setValidity({ valueMissing: true }, words.required, this.#input);
    }
    try {
      await loaded();
      this.#judge(lang, words);
    } catch (error) {
      // The module could not load (a CSP without 'wasm-unsafe-eval') or an
      // attribute is wrong (a bad `today`): the field fails closed, said.
      this.#report = null;
      this.#internals.setValidity({ customError: true }, String(error?.message ?? error), this.#input);
      this.#status.textContent = String(error?.message ?? error);
      this.dispatchEvent(new CustomEvent("kgpin-check", { detail: null, bubbles: true }));
    }
  }

  #judge(lang, words) {
    const value = this.#input.value;
    const digits = value.replace(/\D/g, "").length;
    const options = { lang };
    const today = this.getAttribute("today");
    if (today) options.today = today;
    const report = value.trim() === "" ? null : checkPin(value, options);
    this.#report = report;
    // A number is judged once complete, or when the field is left: no red from the first digit.
    const judged = report !== null && (report.valid || digits >= 14 || this.#touched);
    this.#internals.setFormValue(report?.valid ? report.pin : value, value);
    if (report === null) {
      if (this.hasAttribute("required")) {
        this.#internals.setValidity({ valueMissing: true }, words.required, this.#input);
      } else {
        this.#internals.setValidity({});
      }
    } else if (!report.valid) {
      this.#internals.setValidity({ customError: true }, report.errors[0]?.message ?? "", this.#input);
    } else {
      this.#internals.setValidity({});
    }
    this.#input.setAttribute("aria-invalid", String(judged && !report.valid));
    this.#status.replaceChildren();
    if (judged) {
      const line = (className, text, code) => {
        const p = document.createElement("p");
        p.className = className;
        if (code) p.dataset.code = code;
        p.textContent = text;
        this.#status.append(p);
      };
      if (report.valid) {
        const [year, month, day] = report.birthDate.split("-");
        line("kgpin-pin-decoded", `${report.sex === "F" ? words.female : words.male} · ${day}.${month}.${year}`);
      }
      for (const finding of [...report.errors, ...report.warnings]) line("kgpin-pin-finding", finding.message, finding.code);
    }
    this.dispatchEvent(new CustomEvent("kgpin-check", { detail: report, bubbles: true }));
  }
}

if (!customElements.get("kgpin-pin-input")) customElements.define("kgpin-pin-input", KgpinPinInput);

export { KgpinPinInput };
