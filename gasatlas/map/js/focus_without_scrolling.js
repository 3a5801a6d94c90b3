function (map) {
  // Leaflet focuses the map on mousedown for keyboard control. Inside an iframe that is
  // not fully on screen, focus() scrolls the host page, the marker under the pointer moves
  // away before mouseup, and the click is lost. Focus without scrolling instead.
  var keyboard = map.keyboard;
  if (!keyboard) return;
  L.DomEvent.off(map.getContainer(), 'mousedown', keyboard._onMouseDown, keyboard);
  keyboard._onMouseDown = function () {
    if (!this._focused) this._map.getContainer().focus({preventScroll: true});
  };
  L.DomEvent.on(map.getContainer(), 'mousedown', keyboard._onMouseDown, keyboard);
}
