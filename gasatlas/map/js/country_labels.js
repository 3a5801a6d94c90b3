function (data) {
  // A name sits just above its country's label point, where events of unknown place sit.
  // Names arrive escaped for HTML (gasatlas.map.layers).
  var group = L.layerGroup();
  data.forEach(function (c) {
    L.marker([c.lat, c.lon], {interactive: false, keyboard: false, pane: 'gaLabels', icon: L.divIcon({
      className: 'ga-country-label ' + (c.focus ? 'focus' : 'context'), iconSize: null,
      html: '<span>' + c.name + '</span>'
    })}).addTo(group);
  });
  return group;
}
