/* Livret — the org-chart editor of the portfolio (« Construire l'organigramme »).
 *
 * The editor is plain forms (views/portfolio/organigramme.html) that work without this
 * script; htmx swaps #orgchart after each operation. This script only smooths the use:
 * - choosing the node to rename fills « Nouveau nom » and « Fonction » with its current text
 *   (from the option's data-name / data-role);
 * - after a swap, focus goes back to the form just used (its first invalid field, else its
 *   first text field), so keyboard users keep their place.
 * It may run several times (htmx re-runs scripts of swapped pages): it sets itself up once.
 */
(function () {
  "use strict";

  if (window.LivretOrgChart) return;
  window.LivretOrgChart = true;

  var lastOp = null; // the operation whose form was just sent

  document.addEventListener("change", function (ev) {
    var sel = ev.target;
    if (!sel.matches || !sel.matches("#orgchart select[name=rename_node]")) return;
    var opt = sel.options[sel.selectedIndex];
    var form = sel.form;
    if (!opt || !form) return;
    form.elements.rename_name.value = opt.getAttribute("data-name") || "";
    form.elements.rename_role.value = opt.getAttribute("data-role") || "";
  });

  document.addEventListener("htmx:beforeRequest", function (ev) {
    var form = ev.target.closest && ev.target.closest("#orgchart form[data-op]");
    lastOp = form ? form.getAttribute("data-op") : null;
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!lastOp) return; // outerHTML swap: the event comes from the new elements, whichever
    var form = document.querySelector('#orgchart form[data-op="' + lastOp + '"]');
    lastOp = null;
    if (!form) form = document.querySelector('#orgchart form[data-op="add"]');
    if (!form) return;
    var target = form.querySelector('[aria-invalid="true"]') ||
      form.querySelector('input[type="text"]:not([type="hidden"])') || form.querySelector("select");
    if (target) target.focus();
  });
})();
