function (data) {
  // The volume on each route in the map's flow mode, written beside the line at the point the
  // layer gives. Labels sit in the labels pane, above the event markers and clusters, and let
  // every click through to what lies under them. Texts arrive escaped for HTML (gasatlas.map.layers).
  var group = L.layerGroup();
  data.labels.forEach(function (label) {
    L.marker([label.lat, label.lon], {
      interactive: false, keyboard: false, pane: data.pane,
      icon: L.divIcon({
        className: 'ga-flow-label ' + label.kind, iconSize: null,
        html: '<span data-route-id="' + label.id + '">' + label.text + '</span>'
      })
    }).addTo(group);
  });
  return group;
}
