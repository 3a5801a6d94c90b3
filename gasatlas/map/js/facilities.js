function (data) {
  // Facilities as their SVG symbols (made and escaped by gasatlas.model.palette), larger ones drawn on top.
  var group = L.featureGroup();
  data.forEach(function (f) {
    var marker = L.marker([f.lat, f.lon], {
      riseOnHover: true, zIndexOffset: f.z,
      icon: L.divIcon({className: 'ga-facility ' + f.kind, html: f.svg,
                       iconSize: [f.size, f.size], iconAnchor: [f.size / 2, f.size / 2]})
    });
    marker.feature = {type: 'Feature', properties: {layer: 'facility', id: f.id}};
    marker.bindTooltip(f.tip, {direction: 'top', offset: [0, -f.size / 2]});
    marker.addTo(group);
  });
  return group;
}
