function (data) {
  // Country shapes, drawn under everything: focus countries and their neighbours styled apart.
  return L.geoJSON(data.shapes, {
    interactive: false,
    attribution: data.attribution,
    style: function (f) { return f.properties.focus ? data.focus : data.context; }
  });
}
