/* The sociale kaart's map (Leaflet, served by the site itself).
 *
 * Reads its data from the JSON block #sociale-kaart-data (rendered with json_script), so
 * no inline script is needed. Without a tile server in the settings there is no tile
 * layer: only wijk outlines and markers on a plain background, and no request to any
 * other host. Titles come from residents: they only ever go into textContent.
 */
(function () {
  "use strict";

  var dataNode = document.getElementById("sociale-kaart-data");
  var section = document.getElementById("sociale-kaart-kaart");
  var canvas = document.getElementById("sociale-kaart-map");
  if (!dataNode || !section || !canvas || typeof window.L === "undefined") return;

  var L = window.L;
  var data = JSON.parse(dataNode.textContent);

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var a = element("a", "utrecht-link", text);
    a.href = href;
    return a;
  }

  function escapeText(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  section.hidden = false;
  var map = L.map(canvas, {
    attributionControl: Boolean(data.tiles),
    scrollWheelZoom: false,
    zoomSnap: 0.25
  });

  if (data.tiles) {
    L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: 19 }).addTo(map);
  }

  var bounds = L.latLngBounds([]);
  var focusBounds = L.latLngBounds([]);
  data.areas.forEach(function (area) {
    if (!area.outline.length) return;
    var shape = L.polygon(area.outline, {
      color: "#333333",
      weight: area.focus ? 3 : 1,
      dashArray: "6 4",
      fillColor: "#1b6b3a",
      fillOpacity: area.focus ? 0.08 : 0.02
    });
    var popup = element("div", "bk-kaart-popup");
    popup.appendChild(element("p", "bk-kaart-popup__kind", data.text.outline));
    popup.appendChild(link(area.url, data.text.wijk.replace("%(wijk)s", area.name)));
    shape.bindPopup(popup);
    shape.addTo(map);
    bounds.extend(shape.getBounds());
    if (area.focus) focusBounds.extend(shape.getBounds());
  });

  var layers = {};
  var overlays = {};
  data.kinds.forEach(function (kind) {
    layers[kind.code] = L.layerGroup().addTo(map);
  });
  var counts = {};
  var kindByCode = {};
  data.kinds.forEach(function (kind) {
    kindByCode[kind.code] = kind;
    counts[kind.code] = 0;
  });

  data.markers.forEach(function (marker) {
    var kind = kindByCode[marker.kind];
    if (!kind) return;
    // A letter in the pin as well as a colour: the kind is not shown by colour alone.
    var pin = element("span", "bk-kaart-pin__letter", kind.one.charAt(0));
    var icon = L.divIcon({
      className: "bk-kaart-pin bk-kaart-pin--" + marker.kind,
      html: pin,
      iconSize: [26, 26],
      iconAnchor: [13, 13],
      popupAnchor: [0, -12]
    });
    var popup = element("div", "bk-kaart-popup");
    popup.appendChild(element("p", "bk-kaart-popup__kind", kind.one));
    popup.appendChild(link(marker.url, marker.title));
    var label = kind.one + ": " + marker.title;
    L.marker([marker.lat, marker.lon], { icon: icon, title: label, alt: label })
      .bindPopup(popup)
      .addTo(layers[marker.kind]);
    counts[marker.kind] += 1;
    bounds.extend([marker.lat, marker.lon]);
  });

  data.kinds.forEach(function (kind) {
    // The layer switcher writes its labels as HTML: escape them.
    var swatch = '<span class="bk-kaart-pin bk-kaart-pin--' + kind.code + ' bk-kaart-pin--legend" aria-hidden="true">' +
      escapeText(kind.one.charAt(0)) + "</span> ";
    overlays[swatch + escapeText(kind.label + " (" + counts[kind.code] + ")")] = layers[kind.code];
  });
  L.control.layers(null, overlays, { collapsed: false }).addTo(map);

  if (focusBounds.isValid()) {
    map.fitBounds(focusBounds, { padding: [10, 10] });
  } else if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [10, 10] });
  } else {
    map.setView([52.37, 4.87], 13);
  }
})();
