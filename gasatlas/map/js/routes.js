function (data) {
  // Routes styled by their status (or their flows), with tooltips, and arrows for the direction of flow.
  var group = L.featureGroup();
  L.geoJSON(data.routes, {
    attribution: data.attribution,
    style: function (f) { return f.properties.style; },
    onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.tip, {sticky: true}); }
  }).addTo(group);
  data.arrows.forEach(function (a) {
    L.marker([a.lat, a.lon], {interactive: false, keyboard: false, icon: L.divIcon({
      className: 'ga-arrow', iconSize: [16, 16], iconAnchor: [8, 8],
      html: '<svg viewBox="0 0 16 16" width="16" height="16" style="transform: rotate(' + Number(a.bearing) +
        'deg)"><path d="M8 1.5 14 14 8 10.5 2 14z" fill="' + a.color + '" stroke="#fff" stroke-width="1.2"/></svg>'
    })}).addTo(group);
  });
  return group;
}
