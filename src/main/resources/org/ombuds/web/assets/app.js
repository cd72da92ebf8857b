// Small behaviours for the Ombuds' pages. Loaded from this server only; no inline script anywhere.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Ask before anything marked destructive is submitted.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
});
