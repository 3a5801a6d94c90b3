function (map) {
  // Labels keep clear of markers, cluster badges and each other, and stay on the map.
  // Volumes on routes (flow mode) are moved just enough to lie inside the map, then a line or two up or
  // down to keep clear of the badges and of each other (hidden, like names, when nothing is free). Country names start
  // above their label point, where events of unknown place sit; a name that would overlap a marker,
  // a badge, a volume or a name placed before it moves below, right or left of its point, then to a
  // corner — the first free spot inside the map — and failing that is written smaller and tried again,
  // then allowed over single event dots (never over badges, volumes or names). Focus countries are placed first. A name with no free spot at all is hidden until the view
  // changes (zooming in makes room): names never pile on each other or on the badges. Runs after every
  // change of view or of markers, once the clusters' animation has ended.
  var PLACES = ['above', 'below', 'right', 'left', 'above-right', 'above-left', 'below-right', 'below-left'];
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
    container.setAttribute('data-labels', 'placed');
    var frame = container.getBoundingClientRect();
    function boxes(selector) {
      return Array.prototype.map.call(container.querySelectorAll(selector),
                                      function (marker) { return marker.getBoundingClientRect(); });
    }
    var taken = boxes('.marker-cluster');  // badges, volumes and names: never under a name
    var dots = boxes('.ga-event');  // single events: a name may cover one when there is no other room
    container.querySelectorAll('.ga-flow-label span').forEach(function (volume) {
      // Inside the map, then clear of the badges and of the volumes placed before it (a phone's narrow map).
      volume.style.translate = '';
      volume.removeAttribute('data-place');
      var box = volume.getBoundingClientRect();
      var dx = Math.max(frame.left - box.left, 0) + Math.min(frame.right - box.right, 0);
      var dy = Math.max(frame.top - box.top, 0) + Math.min(frame.bottom - box.bottom, 0);
      var step = box.height + 2;
      var free = [0, step, -step, 2 * step, -2 * step].some(function (shift) {
        volume.style.translate = dx + 'px ' + (dy + shift) + 'px';
        var moved = volume.getBoundingClientRect();
        return inside(moved, frame) && !taken.some(function (other) { return overlaps(moved, other); });
      });
      if (free) taken.push(volume.getBoundingClientRect());
      else volume.setAttribute('data-place', 'hidden');
    });
    var fixed = taken.length;
    var focus = Array.prototype.slice.call(container.querySelectorAll('.ga-country-label.focus'));
    var context = Array.prototype.slice.call(container.querySelectorAll('.ga-country-label:not(.focus)'));
    // A focus name left without room goes first in a second try (a big neighbour's name gives way).
    var hidden = placeNames(focus.concat(context));
    var left = focus.filter(function (name) { return hidden.indexOf(name) >= 0; });
    if (left.length) {
      taken.length = fixed;
      var others = focus.filter(function (name) { return left.indexOf(name) < 0; });
      placeNames(left.concat(others, context));
    }

    function placeNames(names) {
      var out = [];
      names.forEach(function (name) {
        function boxAt(spot) {
          name.setAttribute('data-place', spot);
          return name.firstChild.getBoundingClientRect();
        }
        function freeSpot(avoid) {
          return PLACES.find(function (spot) {
            var box = boxAt(spot);
            return inside(box, frame) && !avoid.some(function (other) { return overlaps(box, other); });
          });
        }
        var free = null;
        [[false, true], [true, true], [false, false], [true, false]].some(function (attempt) {
          name.classList.toggle('compact', attempt[0]);
          free = freeSpot(attempt[1] ? taken.concat(dots) : taken);
          return free;
        });
        if (free) taken.push(boxAt(free));
        else { name.setAttribute('data-place', 'hidden'); out.push(name); }
      });
      return out;
    }
  }

  map.on('zoomend moveend layeradd layerremove', function () {
    if (!pending) pending = setTimeout(place, 300);
    map.getContainer().setAttribute('data-labels', 'pending');  // for whoever waits on a settled map
  });
}
