function (data) {
  // The highlighted pick: a ring at the event or facility (with the event's popup), a halo along a route.
  var group = L.featureGroup();
  if (data.line) {
    L.geoJSON(data.line, {interactive: false, style: {color: data.color, weight: data.weight, opacity: 0.55}})
      .addTo(group);
  }
  var marker = L.marker([data.lat, data.lon], {zIndexOffset: 10000, keyboard: false,
    icon: L.divIcon({className: 'ga-selected', iconSize: [28, 28], iconAnchor: [14, 14]})});
  marker.feature = {type: 'Feature', properties: {layer: data.kind, id: data.id, click: data.nonce}};
  if (data.popup) {
    marker.bindPopup(data.popup, {maxWidth: 340, minWidth: 240, maxHeight: 320, autoPanPadding: [16, 16]});
  }
  marker.on('add', function () {
    // A new request to centre (a table row, a link): move without animation first, so that the
    // popup's auto-pan starts from the final view. The count lives in the map's window, which
    // streamlit-folium keeps across reruns: an old request is not carried out again.
    var map = marker._map;
    if (data.centre && window.__gasAtlasCentred !== data.centre) {
      window.__gasAtlasCentred = data.centre;
      map.setView([data.lat, data.lon], map.getZoom(), {animate: false});
    }
    if (data.popup) setTimeout(function () { marker.openPopup(); }, 0);
  });
  marker.addTo(group);
  return group;
}
