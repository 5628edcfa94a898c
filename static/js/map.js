/* Livret — the company map of the portfolio (« Géolocaliser l'entreprise »).
 *
 * Small glue between Leaflet and the page. Everything comes from the data-* attributes of the
 * [data-map] element (views/portfolio/carte.html):
 *   data-lat, data-lng        the marker ("" while the company is not placed yet)
 *   data-tiles                the tile URL template; data-attribution its credit line (HTML)
 *   data-leaflet, data-icons  Leaflet's script (loaded on first use) and its marker images
 *   data-editable             the student: a click or a drag moves the marker, then the form
 *                             named by data-form posts the position (htmx swaps the form)
 *   data-address, data-geocoder  « Placer depuis l'adresse »: the national address service
 *                             (api-adresse.data.gouv.fr), called from the browser
 * Without this script the page still works: the coordinates are written under the map and the
 * student may type them in the form. Without tiles (offline) the marker still shows.
 * The script may run several times (htmx re-runs scripts of swapped pages): it sets itself up
 * once and then only looks for new maps.
 */
(function () {
  "use strict";

  if (window.LivretMap) { window.LivretMap.scan(document); return; }

  var FRANCE = [46.6, 2.4], FRANCE_ZOOM = 5, PLACE_ZOOM = 16, GEOCODE_TIMEOUT_MS = 8000;
  var waiting = null; // callbacks queued while Leaflet's script loads

  // say writes a short message in the live region under the map (read by screen readers).
  function say(msg) {
    var out = document.getElementById("map-status");
    if (out) out.textContent = msg;
  }

  // withLeaflet runs done once Leaflet is there, loading its script the first time.
  function withLeaflet(src, done) {
    if (window.L) { done(); return; }
    if (waiting) { waiting.push(done); return; }
    waiting = [done];
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () { var q = waiting; waiting = null; q.forEach(function (f) { f(); }); };
    s.onerror = function () {
      waiting = null;
      say("La carte n'a pas pu se charger : la position reste écrite ci-dessous.");
    };
    document.head.appendChild(s);
  }

  // formOf is the position form of a map; htmx replaces it after each save, so look it up each time.
  function formOf(el) {
    return el.dataset.form ? document.querySelector(el.dataset.form) : null;
  }

  // save writes the position in the form and posts it (through htmx when it is there).
  function save(el, ll) {
    var form = formOf(el);
    if (!form) return;
    form.elements.lat.value = ll.lat.toFixed(6);
    form.elements.lng.value = ll.lng.toFixed(6);
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  function build(el) {
    var L = window.L;
    L.Icon.Default.imagePath = el.dataset.icons;
    // Start from an empty box: drops the no-script text, and what an htmx history snapshot
    // kept of a previous map.
    while (el.firstChild) el.removeChild(el.firstChild);

    var editable = el.hasAttribute("data-editable");
    var lat = parseFloat(el.dataset.lat), lng = parseFloat(el.dataset.lng);
    var start = isFinite(lat) && isFinite(lng) ? L.latLng(lat, lng) : null;

    // No wheel zoom: the page must scroll past the map on a phone or with a mouse. The zoom
    // buttons say what they do in French, to the eye (title) and to screen readers.
    var map = L.map(el, { scrollWheelZoom: false, zoomControl: false }).setView(start || FRANCE, start ? PLACE_ZOOM : FRANCE_ZOOM);
    L.control.zoom({ zoomInTitle: "Zoom avant", zoomOutTitle: "Zoom arrière" }).addTo(map);
    var tiles = L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution });
    var warned = false;
    tiles.on("tileerror", function () {
      if (warned) return;
      warned = true;
      say("Fond de carte indisponible (pas de connexion ?) : le marqueur et les coordonnées restent affichés.");
    });
    tiles.addTo(map);

    var marker = null;
    // place moves (or creates) the marker; with persist, the position is saved.
    function place(ll, persist) {
      ll = ll.wrap();
      if (!marker) {
        marker = L.marker(ll, { draggable: editable, title: "Position de l'entreprise", alt: "Position de l'entreprise" }).addTo(map);
        if (editable) marker.on("dragend", function () { say(""); save(el, marker.getLatLng().wrap()); });
      } else {
        marker.setLatLng(ll);
      }
      if (persist) save(el, ll);
    }
    if (start) place(start, false);
    if (editable) map.on("click", function (ev) { say(""); place(ev.latlng, true); });

    el._livretMap = { map: map, place: place };
  }

  function init(el) {
    if (el._livretInit) return; // a property, not an attribute: history snapshots drop it
    el._livretInit = true;
    withLeaflet(el.dataset.leaflet, function () { build(el); });
  }

  // syncFromForm follows a position saved from the typed coordinates (the form came back from htmx).
  function syncFromForm(form) {
    document.querySelectorAll("[data-map][data-editable]").forEach(function (el) {
      if (!el._livretMap || formOf(el) !== form) return;
      var lat = parseFloat(String(form.elements.lat.value).replace(",", "."));
      var lng = parseFloat(String(form.elements.lng.value).replace(",", "."));
      if (isFinite(lat) && isFinite(lng) && !form.querySelector(".field-error")) {
        el._livretMap.place(window.L.latLng(lat, lng), false);
      }
    });
  }

  // scan sets up the maps in root and shows what only works with this script.
  function scan(root) {
    if (!root || !root.querySelectorAll) return;
    var all = Array.prototype.slice.call(root.querySelectorAll("[data-map]"));
    if (root.matches && root.matches("[data-map]")) all.push(root);
    all.forEach(init);
    root.querySelectorAll("[data-geocode-box], [data-map-help]").forEach(function (n) { n.hidden = false; });
    if (root.matches && root.matches("form")) syncFromForm(root);
  }

  // « Placer depuis l'adresse »: ask the address service, move the marker, save.
  function geocode(el, button) {
    var q = el.dataset.address;
    if (!q) { say("Aucune adresse : renseignez-la dans « Présenter l'entreprise »."); return; }
    var ctrl = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (ctrl) ctrl.abort(); }, GEOCODE_TIMEOUT_MS);
    var offline = "Service d'adresses injoignable : placez le marqueur à la main.";
    button.disabled = true;
    say("Recherche de l'adresse…");
    fetch(el.dataset.geocoder + "?q=" + encodeURIComponent(q) + "&limit=1", ctrl ? { signal: ctrl.signal } : {})
      .then(function (res) {
        if (!res.ok) throw new Error("HTTP " + res.status);
        return res.json();
      })
      .then(function (data) {
        var f = data && data.features && data.features[0];
        if (!f || !f.geometry || !f.geometry.coordinates) {
          say("Adresse introuvable : placez le marqueur à la main.");
          return;
        }
        var c = f.geometry.coordinates; // GeoJSON order: longitude, latitude
        var ll = window.L.latLng(c[1], c[0]);
        el._livretMap.map.setView(ll, PLACE_ZOOM);
        el._livretMap.place(ll, true);
        say("Marqueur placé sur « " + (f.properties && f.properties.label || q) + " » : vérifiez-le sur la carte.");
      })
      .catch(function () { say(offline); })
      .then(function () { clearTimeout(timer); button.disabled = false; });
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("[data-geocode]");
    if (!button) return;
    var el = document.querySelector("[data-map][data-editable]");
    if (!el || !el._livretMap) {
      say("La carte n'est pas prête : placez le marqueur à la main.");
      return;
    }
    geocode(el, button);
  });

  // htmx: new content (a boosted page, a swapped form) may hold a map or the position form.
  document.addEventListener("htmx:load", function (ev) { scan(ev.target); });
  document.addEventListener("htmx:historyRestore", function () { scan(document); });

  window.LivretMap = { scan: scan };
  scan(document);
})();
