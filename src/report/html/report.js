// Shows the details of the claim under the pointer, clicked or focused, in the side panel.
// Without this script the claims still link to their details further down the page.
(function () {
  "use strict";
  var panel = document.getElementById("panel");
  if (!panel) { return; }
  // The panel is only shown when this script runs (see report.css).
  document.documentElement.classList.add("js");
  function show(id) {
    var detail = document.getElementById("detail-" + id);
    if (!detail) { return; }
    var copy = Array.prototype.map.call(detail.childNodes, function (n) { return n.cloneNode(true); });
    panel.replaceChildren.apply(panel, copy);
    document.querySelectorAll("a.claim.selected").forEach(function (el) { el.classList.remove("selected"); });
    document.querySelectorAll('a.claim[data-claim="' + id + '"]').forEach(function (el) { el.classList.add("selected"); });
  }
  document.querySelectorAll("a.claim[data-claim]").forEach(function (el) {
    var id = el.getAttribute("data-claim");
    el.addEventListener("mouseenter", function () { show(id); });
    el.addEventListener("focus", function () { show(id); });
    el.addEventListener("click", function (event) {
      // On a narrow screen the panel is above the article: follow the link to the details instead.
      if (window.matchMedia("(min-width: 60rem)").matches) {
        event.preventDefault();
        show(id);
      }
    });
  });
}());
