function (map) {
  // streamlit-folium reports the map's state as soon as the map is drawn, and a report that differs from the
  // component's default reruns the whole page. Its click counter starts at 0 where the Python side's default
  // holds None, so that first report always differed: a second run of every first page, for nothing (2 s of
  // a first page at 100,000 events, its markers drawn only after it). With the counter at null the first report
  // equals the default; the first click still counts 1 (null + 1), so every click is still told apart.
  var state = window.__GLOBAL_DATA__;
  if (state && state.last_object_clicked_count === 0) state.last_object_clicked_count = null;
}
