/* Livret — the portfolio's writing tabs (semaines, annexes). Loaded by those tabs' templates,
 * possibly several times (htmx swaps): everything is delegated on document, installed once.
 * - Week slider (#week-range): its label follows the thumb while it moves; htmx loads the
 *   week on "change".
 * - Week form (#week-form): htmx saves it 2 s after typing stops (hx-trigger); typing clears
 *   the "enregistrée" status line, which the next save brings back. Until a save
 *   succeeds the form is "dirty": any other htmx request (another week, another tab) first
 *   saves it, and goes on only if the save succeeded (a 409 or 422 keeps the student here,
 *   with the message); leaving the page asks for confirmation.
 * - File inputs with data-max-size refuse a file over the limit before it is sent (a phone
 *   photo upload takes long on a weak connection).
 */
(function () {
  "use strict";
  if (window.livretJournal) return;
  window.livretJournal = true;

  var edits = 0;      // input events in the week form since the page loaded
  var savedEdits = 0; // edits covered by the last successful save

  function weekForm() { return document.getElementById("week-form"); }
  function dirty() { return weekForm() !== null && edits !== savedEdits; }

  document.addEventListener("input", function (event) {
    var t = event.target;
    if (t.id === "week-range") {
      var labels;
      try { labels = JSON.parse(t.getAttribute("data-labels") || "[]"); } catch (e) { labels = []; }
      var label = labels[Number(t.value) - 1];
      if (label) {
        t.setAttribute("aria-valuetext", label);
        var n = document.getElementById("week-n");
        if (n) n.textContent = t.value;
      }
      return;
    }
    if (t.closest && t.closest("#week-form")) {
      edits++;
      var status = document.getElementById("week-status");
      if (status && status.querySelector(".saved-indicator")) status.textContent = ""; // saved no more
    }
  });

  // A save remembers how many edits it carries; when it succeeds those are safe.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt === weekForm()) event.detail.elt.dataset.edits = String(edits);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (form.id === "week-form" && event.detail.successful) {
      savedEdits = Math.max(savedEdits, Number(form.dataset.edits || 0));
    }
  });
  // Another request while the week has unsaved text: save first, go on if it worked.
  document.addEventListener("htmx:confirm", function (event) {
    var form = weekForm();
    if (!form || event.detail.elt === form || !dirty()) return;
    event.preventDefault();
    form.addEventListener("htmx:afterRequest", function done(ev) {
      if (ev.detail.elt !== form) return;
      form.removeEventListener("htmx:afterRequest", done);
      if (ev.detail.successful) event.detail.issueRequest(true);
    });
    htmx.trigger(form, "submit");
  });

  window.addEventListener("beforeunload", function (event) {
    if (dirty()) { event.preventDefault(); event.returnValue = ""; }
  });

  // File size check before sending.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "file" || !input.hasAttribute("data-max-size")) return;
    var max = Number(input.getAttribute("data-max-size"));
    var file = input.files && input.files[0];
    input.setCustomValidity("");
    if (file && file.size > max) {
      var mo = function (n) { return (n / 1048576).toFixed(1).replace(".0", "").replace(".", ",") + " Mo"; };
      input.setCustomValidity("Ce fichier fait " + mo(file.size) + " : la limite est de " + mo(max) +
        " par fichier. Réduisez la photo ou enregistrez le document en PDF.");
      input.reportValidity();
    }
  });
})();
