// The few behaviours the theme adds; every page works without them.
(function () {
  "use strict";

  // Phone-sized screens fold the navigation behind a button.
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    document.documentElement.classList.add("js");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("is-open", !open);
    });
  }

  // Disclosures that float over the page (the language list) close when the
  // reader clicks elsewhere or presses Escape, as a menu would.
  var floating = document.querySelectorAll(".language-switcher details");
  function closeAll(except) {
    floating.forEach(function (details) {
      if (details !== except) details.removeAttribute("open");
    });
  }
  document.addEventListener("click", function (event) {
    closeAll(event.target.closest(".language-switcher details"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    floating.forEach(function (details) {
      if (details.open) {
        details.removeAttribute("open");
        details.querySelector("summary").focus();
      }
    });
  });

  // A form that came back with errors moves the focus to its error summary,
  // so that screen readers announce it and keyboard users start from there.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
