/* Livret — a form marked data-unsaved-warning (a tab of the period's edit form) warns before its
 * changes are lost: a click on a link elsewhere (another tab, the way back) asks first, and so
 * does leaving the page. Saving the form, or agreeing to leave, ends the warning. The state is a
 * property of the form, not an attribute: htmx history snapshots must not carry it back.
 * Loaded by the pages that hold such a form, possibly several times (htmx swaps): installed once.
 */
(function () {
  "use strict";
  if (window.livretUnsaved) return;
  window.livretUnsaved = true;

  var MESSAGE = "Vos modifications de cet onglet ne sont pas enregistrées. Les abandonner et quitter l'onglet ?";
  var SELECTOR = "form[data-unsaved-warning]";

  function changed() {
    return Array.prototype.some.call(document.querySelectorAll(SELECTOR), function (f) { return f._livretChanged; });
  }
  function forget() {
    document.querySelectorAll(SELECTOR).forEach(function (f) { f._livretChanged = false; });
  }
  function mark(event) {
    var form = event.target.closest && event.target.closest(SELECTOR);
    if (form) form._livretChanged = true;
  }
  document.addEventListener("input", mark, true);
  document.addEventListener("change", mark, true);
  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches(SELECTOR)) event.target._livretChanged = false;
  }, true);

  // Capture phase: asked before htmx (hx-boost) follows the link.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || !changed() || link.closest(SELECTOR) || link.target === "_blank" ||
        event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (window.confirm(MESSAGE)) { forget(); return; }
    event.preventDefault();
    event.stopPropagation();
  }, true);

  window.addEventListener("beforeunload", function (event) {
    if (changed()) { event.preventDefault(); event.returnValue = ""; }
  });
})();
