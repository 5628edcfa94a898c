/* Livret — small progressive enhancements. No framework; every page works without it.
 * - htmx: nothing to configure here (no htmx:configRequest hook needed); the
 *   response-targets extension is enabled in HTML with hx-ext="response-targets".
 * - data-confirm="message" on a plain (non-htmx) form, button or link asks
 *   window.confirm first. htmx elements use hx-confirm, handled by htmx itself.
 * - details.menu: closes on a click outside, on Escape, and after choosing an item; opened
 *   near the bottom of the window, it opens upwards so that it stays on screen.
 */
(function () {
  "use strict";

  var HTMX_ATTRS = ["get", "post", "put", "patch", "delete", "confirm"]
    .map(function (v) { return "[hx-" + v + "],[data-hx-" + v + "]"; }).join(",");

  function usesHtmx(el) { return el.matches(HTMX_ATTRS); }

  // Asks; on "Annuler" cancels the event before it reaches the element (capture phase).
  function confirmOrCancel(el, event) {
    if (!window.confirm(el.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  // Buttons and links carrying data-confirm (a confirmed submit button covers its form).
  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-confirm]");
    if (el && el.tagName !== "FORM" && !usesHtmx(el)) confirmOrCancel(el, event);
  }, true);

  // Forms carrying data-confirm, unless the submit button already asked.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.submitter && event.submitter.hasAttribute("data-confirm")) return;
    if (form.hasAttribute("data-confirm") && !usesHtmx(form)) confirmOrCancel(form, event);
  }, true);

  function closeMenu(menu, refocus) {
    menu.removeAttribute("open");
    if (refocus) menu.querySelector("summary").focus();
  }

  // Click outside an open menu closes it; choosing an item closes its menu too.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) closeMenu(menu, false);
      else if (event.target.closest(".menu-items a, .menu-items button")) {
        setTimeout(function () { closeMenu(menu, false); }, 0); // after the action runs
      }
    });
  });

  // Escape closes open menus and gives focus back to the trigger it came from.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      closeMenu(menu, menu.contains(document.activeElement));
    });
  });

  // "toggle" does not bubble: listened to in the capture phase. On phones the menu is a bottom
  // sheet (position: fixed), always on screen.
  function placeMenu(menu) {
    if (!menu.matches || !menu.matches("details.menu") || !menu.open) return;
    menu.classList.remove("menu-up");
    var items = menu.querySelector(".menu-items");
    if (!items || getComputedStyle(items).position === "fixed") return;
    var below = items.getBoundingClientRect(), top = menu.getBoundingClientRect().top;
    if (below.bottom > window.innerHeight && top - below.height - 4 >= 0) menu.classList.add("menu-up");
  }
  document.addEventListener("toggle", function (event) { placeMenu(event.target); }, true);
  // A menu whose items are fetched when it opens (the period view's rows) is placed again
  // once they have arrived.
  document.addEventListener("htmx:load", function (event) {
    var menu = event.target.closest && event.target.closest("details.menu");
    if (menu) placeMenu(menu);
  });

  // A list marked data-mark-current whose links swap only a side panel: the chosen item is
  // marked current at once, since the list itself is not re-rendered.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-mark-current] a");
    if (!link) return;
    var list = link.closest("[data-mark-current]");
    list.querySelectorAll("[aria-current]").forEach(function (el) { el.removeAttribute("aria-current"); });
    link.closest("li").setAttribute("aria-current", "true");
  });

  // A tab bar wider than the screen (phones) scrolls its current tab into view, on load and
  // after each htmx swap; "nearest" keeps the page itself where it is.
  function showCurrentTabs(root) {
    root.querySelectorAll(".tabs [aria-current='page']").forEach(function (tab) {
      var bar = tab.closest(".tabs");
      var offset = tab.getBoundingClientRect().left - bar.getBoundingClientRect().left;
      bar.scrollLeft += offset - (bar.clientWidth - tab.offsetWidth) / 2;
    });
  }
  document.addEventListener("DOMContentLoaded", function () { showCurrentTabs(document); });
  document.addEventListener("htmx:load", function (event) { showCurrentTabs(event.target); });
})();
