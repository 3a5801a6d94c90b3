function (data) {
  // The map framing a story step sets: fit the step's corners once per request (a step opened by a button,
  // a key or its address). The count lives in the map's window, which streamlit-folium keeps across reruns,
  // so a rerun for anything else leaves the reader's zoom and pan alone. The fit waits for the selection's
  // popup to open first (selection.js opens it on the next tick), so the popup's auto-pan cannot undo it.
  var group = L.featureGroup();
  group.on('add', function () {
    var map = group._map;
    if (window.__gasAtlasFramed === data.request) return;
    window.__gasAtlasFramed = data.request;
    setTimeout(function () {
      map.fitBounds(data.bounds, {animate: false, padding: [16, 16]});
    }, 0);
  });
  return group;
}
