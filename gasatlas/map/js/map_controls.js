function (data) {
  // Leaflet's scale bar in the reader's language ("500 км"; miles and feet in English only), and the zoom
  // buttons' titles in it too: Leaflet writes its units and titles in English.
  var Scale = L.Control.Scale.extend({
    onAdd: function (map) {
      if (map.zoomControl) {
        [[map.zoomControl._zoomInButton, data.zoomIn], [map.zoomControl._zoomOutButton, data.zoomOut]].forEach(
          function (pair) { pair[0].title = pair[1]; pair[0].setAttribute('aria-label', pair[1]); });
      }
      return L.Control.Scale.prototype.onAdd.call(this, map);
    },
    _updateScale: function (scale, text, ratio) {
      var parts = text.split(' ');
      var number = data.locale ? Number(parts[0]).toLocaleString(data.locale) : parts[0];
      L.Control.Scale.prototype._updateScale.call(this, scale, number + ' ' + (data.units[parts[1]] || parts[1]),
                                                  ratio);
    }
  });
  return new Scale({imperial: data.imperial});
}
