function (map) {
  // Labels keep clear of markers, cluster badges and each other, and stay on the map.
  // Volumes on routes (flow mode) are moved just enough to lie inside the map. Country names start
  // above their label point, where events of unknown place sit; a name that would overlap a marker,
  // a badge, a volume or a name placed before it moves below, right or left of its point — the first
  // free spot inside the map. Focus countries are placed first. A name with no free spot stays above,
  // drawn over the badges (the labels pane lies above the markers). Runs after every change of view
  // or of markers, once the clusters' animation has ended.
  var PLACES = ['above', 'below', 'right', 'left'];
  var pending = null;

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function inside(box, frame) {
    return box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
  }

  function place() {
    pending = null;
    var container = map.getContainer();
    var frame = container.getBoundingClientRect();
    var taken = Array.prototype.map.call(container.querySelectorAll('.marker-cluster, .ga-event'),
                                         function (marker) { return marker.getBoundingClientRect(); });
    container.querySelectorAll('.ga-flow-label span').forEach(function (volume) {
      volume.style.translate = '';
      var box = volume.getBoundingClientRect();
      var dx = Math.max(frame.left - box.left, 0) + Math.min(frame.right - box.right, 0);
      var dy = Math.max(frame.top - box.top, 0) + Math.min(frame.bottom - box.bottom, 0);
      volume.style.translate = dx + 'px ' + dy + 'px';
      taken.push(volume.getBoundingClientRect());
    });
    var names = Array.prototype.slice.call(container.querySelectorAll('.ga-country-label.focus'))
      .concat(Array.prototype.slice.call(container.querySelectorAll('.ga-country-label:not(.focus)')));
    names.forEach(function (name) {
      function boxAt(spot) {
        name.setAttribute('data-place', spot);
        return name.firstChild.getBoundingClientRect();
      }
      var free = PLACES.find(function (spot) {
        var box = boxAt(spot);
        return inside(box, frame) && !taken.some(function (other) { return overlaps(box, other); });
      });
      var onMap = PLACES.find(function (spot) { return inside(boxAt(spot), frame); });
      taken.push(boxAt(free || onMap || PLACES[0]));
    });
  }

  map.on('zoomend moveend layeradd layerremove', function () {
    if (!pending) pending = setTimeout(place, 300);
  });
}
