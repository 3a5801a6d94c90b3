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
    marker.on('add', function () {
      // Open once the map has settled: the page may re-centre it right after adding layers,
      // and the popup's auto-pan must work from the final view.
      var map = marker._map;
      setTimeout(function () {
        if (map._panAnim && map._panAnim._inProgress) map.once('moveend', function () { marker.openPopup(); });
        else marker.openPopup();
      }, 0);
    });
  }
  marker.addTo(group);
  return group;
}
