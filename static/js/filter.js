/* Livret — long checklists: a live filter (the référentiel's tasks), and "tick the whole class".
 * <input data-filter="#container"> hides the [data-filter-item] elements of the container whose
 * text does not contain every typed word (accents and case ignored), and the [data-filter-group]
 * left empty. Checked boxes stay checked: hidden is not unchosen. */
(function () {
  "use strict";
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  document.addEventListener("input", function (event) {
    var input = event.target.closest("[data-filter]");
    if (!input) return;
    var root = document.querySelector(input.getAttribute("data-filter"));
    if (!root) return;
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    root.querySelectorAll("[data-filter-item]").forEach(function (item) {
      var text = fold(item.textContent);
      item.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    root.querySelectorAll("[data-filter-group]").forEach(function (g) {
      g.hidden = !g.querySelector("[data-filter-item]:not([hidden])");
    });
  });

  // A [data-check-all] box ticks or unticks every box of its fieldset ("Toute la classe").
  document.addEventListener("change", function (event) {
    var all = event.target.closest("[data-check-all]");
    if (!all) return;
    all.closest("fieldset").querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
