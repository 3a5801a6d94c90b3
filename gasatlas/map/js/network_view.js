function (map, data) {
  // The opening view frames the whole network (data.bounds) clear of the controls (data.padding), and a
  // control brings it back.
  // Until something else moves the map (the reader, or a centring on a pick), the view is framed
  // again whenever the map changes size: the frame's height follows the window, the page may lay
  // out after the map was drawn, and full screen changes everything.
  var bounds = L.latLngBounds(data.bounds);
  var framing = false;
  var moved = false;
  function frame() {
    framing = true;
    map.fitBounds(bounds, {animate: false, paddingTopLeft: data.padding.topLeft,
                          paddingBottomRight: data.padding.bottomRight});
    framing = false;
  }
  map.on('movestart', function () { if (!framing) moved = true; });
  map.on('resize', function () { if (!moved) frame(); });
  var ShowEverything = L.Control.extend({
    options: {position: 'topleft'},
    onAdd: function () {
      var bar = L.DomUtil.create('div', 'leaflet-bar leaflet-control');
      var button = L.DomUtil.create('a', 'ga-show-everything', bar);
      button.innerHTML = data.icon;  // a trusted SVG of this package
      button.href = '#';
      button.setAttribute('role', 'button');
      button.title = data.label;
      button.setAttribute('aria-label', data.label);
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(button, 'click', function (event) {
        L.DomEvent.preventDefault(event);
        frame();
        moved = false;
      });
      return bar;
    }
  });
  new ShowEverything().addTo(map);
  frame();
}
