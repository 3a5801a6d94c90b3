function (data) {
  // The map framing a story step sets: fit the step's corners once per request (a step opened by a button,
  // a key or its address). The count lives in the map's window, which streamlit-folium keeps across reruns,
  // so a rerun for anything else leaves the reader's zoom and pan alone. The fit waits for the selection's
  // popup to open first (selection.js opens it on the next tick), so the popup's auto-pan cannot undo it.
  // Until the reader moves the map, the frame is fitted again whenever the map changes size: the page may
  // lay the map out after it was drawn (an embedded view starts with no height), and a fit at the wrong
  // size would leave the step zoomed far in.
  var group = L.featureGroup();
  group.on('add', function () {
    var map = group._map;
    if (window.__gasAtlasFramed === data.request) return;
    window.__gasAtlasFramed = data.request;
    var framing = false;
    var moved = false;
    function fit() {
      framing = true;
      map.fitBounds(data.bounds, {animate: false, padding: [16, 16]});
      framing = false;
    }
    function refit() { if (!moved) fit(); }
    map.on('resize', refit);
    setTimeout(function () {
      fit();
      map.on('movestart', function () { if (!framing) moved = true; });
    }, 0);
  });
  return group;
}
