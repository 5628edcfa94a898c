/* Livret — evaluation forms (views/reviews/). Loaded by their pages, possibly several times
 * (htmx swaps): installed once, everything delegated on document.
 * - Forms marked data-review-unsaved (their choices save as made: not unsaved.js's
 *   data-unsaved-warning, whose forms save as a whole) know which fields were changed and not saved yet:
 *   leaving the page, or following a link, asks first. A whole-form submit saves them all; in
 *   the bilan entreprise each choice saves itself (htmx) and is safe once its save succeeded.
 * - The bilan entreprise polls for the others' changes: each block it brings replaces the
 *   form's, unless the form already shows that version (our own save) or holds a text being
 *   typed there (its save will then meet the other's change, and show both).
 */
(function () {
  "use strict";
  if (window.livretReview) return;
  window.livretReview = true;

  var dirty = {};   // field name -> true while changed and not saved
  var sent = {};    // field name -> text value its last save carried

  function watched(el) { return el && el.closest ? el.closest("form[data-review-unsaved]") : null; }
  function unsaved() { return watched(document.querySelector("form[data-review-unsaved]")) && Object.keys(dirty).length > 0; }
  function keysOf(elt) {
    var p = elt.getAttribute && elt.getAttribute("hx-params");
    return p ? p.split(",").map(function (k) { return k.trim(); }).filter(function (k) { return k.indexOf("v:") !== 0; }) : [];
  }
  function textOf(form, name) {
    var el = form.elements.namedItem(name);
    return el && (el.tagName === "TEXTAREA" || el.type === "date") ? el.value : null;
  }

  document.addEventListener("input", function (event) {
    if (watched(event.target) && event.target.name) dirty[event.target.name] = true;
  });
  document.addEventListener("change", function (event) {
    if (watched(event.target) && event.target.name) dirty[event.target.name] = true;
  });

  // A choice's save remembers the text it carries; once it succeeded, that much is safe.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = watched(event.detail.elt);
    if (!form || event.detail.elt === form) return;
    keysOf(event.detail.elt).forEach(function (k) { sent[k] = textOf(form, k); });
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt, form = watched(elt);
    if (!form || elt === form || !event.detail.successful) return;
    keysOf(elt).forEach(function (k) {
      if (sent[k] === null || sent[k] === undefined || sent[k] === textOf(form, k)) delete dirty[k];
    });
  });
  document.addEventListener("submit", function (event) {
    if (watched(event.target) === event.target) dirty = {};
  }, true);

  // The poll's blocks: skip what the form already shows, and a text being typed.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var root = event.detail.fragment && event.detail.fragment.firstElementChild;
    var vid = root && root.getAttribute("data-vid");
    if (!vid || root.querySelector(".choice-conflict")) return;
    var mine = document.getElementById(vid), theirs = root.querySelector("#" + CSS.escape(vid));
    if (mine && theirs && Number(mine.value) >= Number(theirs.value)) {
      event.detail.shouldSwap = false;
      return;
    }
    var typing = event.detail.target.querySelector("textarea, input[type=date]");
    if (typing && dirty[typing.name]) {
      event.detail.shouldSwap = false;
      var status = event.detail.target.querySelector(".choice-status");
      if (status) status.textContent = "Modifié entre-temps par quelqu'un d'autre : à l'enregistrement, les deux versions s'afficheront.";
    }
  });

  // Leaving with unsaved changes: the browser's own question, or ours for a boosted link.
  window.addEventListener("beforeunload", function (event) {
    if (unsaved()) { event.preventDefault(); event.returnValue = ""; }
  });
  document.addEventListener("htmx:confirm", function (event) {
    var elt = event.detail.elt;
    if (!unsaved() || watched(elt) || elt.id === "review-poll") return;
    if (window.confirm("Des modifications ne sont pas enregistrées. Quitter la page quand même ?")) dirty = {};
    else event.preventDefault();
  });
})();
