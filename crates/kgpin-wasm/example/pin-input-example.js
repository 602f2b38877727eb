// The integrator's whole script: import the element, use the form as usual.
import "../pkg/web/pin-input.js";

const form = document.getElementById("signup");
form.addEventListener("submit", (event) => {
  // This example keeps the data in the page: it shows what the form would send.
  event.preventDefault();
  document.getElementById("sent").textContent = JSON.stringify(Object.fromEntries(new FormData(form)));
});
// For the tests: the element has checked its value once (the WebAssembly is in).
document.addEventListener("kgpin-check", () => document.documentElement.setAttribute("data-ready", "true"), { once: true });
