// Small behaviours for the Ombuds' pages. Loaded from this server only; no inline script anywhere.
// Every page works without this file: it only adds confirmations and tells screen readers what
// htmx changed on the page.
"use strict";
(function () {
  function liveStatus(text) {
    var region = document.getElementById("live-status");
    if (region && text) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  }

  function liveError(text) {
    var region = document.getElementById("live-error");
    if (region) {
      region.textContent = text;
    }
  }

  function clearError() {
    liveError("");
  }

  function confirmForms(root) {
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      if (form.dataset.confirmBound) {
        return;
      }
      form.dataset.confirmBound = "yes";
      form.addEventListener("submit", function (event) {
        // An incomplete form goes to the server, which says what is missing; ask only before
        // a submission that will really be carried out.
        if (form.checkValidity() && !window.confirm(form.getAttribute("data-confirm"))) {
          event.preventDefault();
        }
      });
    });
  }

  function isPreview(event) {
    var elt = event.detail && event.detail.elt;
    return Boolean(elt && elt.hasAttribute && elt.hasAttribute("data-preview"));
  }

  // The live risk panel of a communication: say the new level in words when it changes, once,
  // instead of reading out the whole panel at every keystroke.
  var lastRisk = {};
  function announceRisk(panel) {
    var summary = panel.querySelector(".risk-summary");
    var text = summary ? summary.textContent.replace(/\s+/g, " ").trim() : "";
    if (text && lastRisk[panel.id] !== text) {
      lastRisk[panel.id] = text;
      liveStatus(text);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-risk-panel]").forEach(function (panel) {
      var summary = panel.querySelector(".risk-summary");
      lastRisk[panel.id] = summary ? summary.textContent.replace(/\s+/g, " ").trim() : "";
    });

    // Ask before anything marked destructive is submitted.
    confirmForms(document);

    // A new request makes earlier "saved" messages stale, wherever they are on the page.
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      clearError();
      // The live risk preview saves nothing: "saved" messages stay true while it runs.
      if (isPreview(event)) {
        return;
      }
      document.querySelectorAll("#main .flash").forEach(function (flash) {
        flash.remove();
      });
    });

    document.body.addEventListener("htmx:beforeSwap", function (event) {
      var xhr = event.detail.xhr;
      // A session that ended meanwhile answers with the login page: go there instead of
      // swapping it into a section.
      if (xhr && xhr.responseURL) {
        var path = new URL(xhr.responseURL).pathname;
        if (path === "/login") {
          event.detail.shouldSwap = false;
          window.location.assign("/login");
        }
      }
    });

    document.body.addEventListener("htmx:responseError", function (event) {
      var region = document.getElementById("live-error");
      var status = event.detail.xhr ? event.detail.xhr.status : "";
      if (region) {
        liveError(region.getAttribute("data-message").replace("{0}", status));
      }
    });

    document.body.addEventListener("htmx:sendError", function () {
      var region = document.getElementById("live-error");
      if (region) {
        liveError(region.getAttribute("data-offline"));
      }
    });

    document.body.addEventListener("htmx:afterSettle", function (event) {
      // With outerHTML swaps the event's target is the element that was replaced: look up the
      // new one by its id.
      var target = event.detail.target;
      if (target && target.id) {
        target = document.getElementById(target.id) || target;
      }
      if (!target || !target.querySelector) {
        return;
      }
      if (target.hasAttribute("data-risk-panel")) {
        announceRisk(target);
        return;
      }
      confirmForms(target);
      // A refused form: take the focus to the first field to fix.
      var invalid = target.querySelector("[aria-invalid='true']");
      if (invalid) {
        var details = invalid.closest("details");
        if (details) {
          details.open = true;
        }
        invalid.focus();
        return;
      }
      var problem = target.querySelector(".form-error");
      if (problem) {
        problem.setAttribute("tabindex", "-1");
        problem.focus();
        return;
      }
      // A saved form: say so, and keep the focus in the section if the swap dropped it.
      var flash = target.querySelector(".flash, .announce");
      if (flash) {
        liveStatus(flash.textContent.trim());
      }
      if (!document.activeElement || document.activeElement === document.body) {
        var heading = target.querySelector("h2[tabindex='-1']");
        if (heading) {
          heading.focus();
        }
      }
    });
  });
})();
