function (data) {
  // Events as one layer clustered by supercluster (a spatial index built in a fraction of a second even
  // for 100,000 points): only the clusters and markers in view are on the map, redrawn after every move.
  // A cluster click zooms in to where it splits; one whose events never split (the same place) spreads
  // them around it instead, each a marker that can be clicked. Texts reach the page as text, never HTML.
  //
  // data: id[], lat[], lon[] (in 1/10,000 degree), t[] (index into types[]), p[] (1: the place is only the country), date[],
  // optionally title[], pending[] (1: not reviewed yet) with the word unreviewed; maxZoom, version.
  var SPREAD = 1.5 * 25;  // pixels between spread-out markers (as Leaflet.markercluster spaces them)

  if (!L.EventClusters) {
    L.EventClusters = L.FeatureGroup.extend({
      initialize: function (options) {
        L.FeatureGroup.prototype.initialize.call(this, []);
        L.setOptions(this, options);
        this._shown = {};
        this._spread = null;
      },
      setEvents: function (events) {
        this._events = events;
        this._unspread();
        if (this._map) this._redraw(true);
      },
      size: function () { return this._events ? this._events.count : 0; },  // events held, clustered or not
      onAdd: function (map) {
        L.FeatureGroup.prototype.onAdd.call(this, map);
        map.on('moveend', this._onMove, this);
        map.on('zoomstart', this._unspread, this);
        map.on('click', this._unspread, this);
        this._redraw(true);
      },
      onRemove: function (map) {
        map.off('moveend', this._onMove, this);
        map.off('zoomstart', this._unspread, this);
        map.off('click', this._unspread, this);
        this._unspread();
        L.FeatureGroup.prototype.onRemove.call(this, map);
        this.clearLayers();  // the markers may join the next rerun's layer: they must not report here too
        this._shown = {};
      },
      _onMove: function () { this._redraw(false); },
      _redraw: function (fresh) {
        var map = this._map, events = this._events;
        if (!map || !events) return;
        var bounds = map.getBounds().pad(0.25);
        var zoom = Math.min(Math.floor(map.getZoom()), events.maxZoom + 1);
        var west = Math.max(bounds.getWest(), -180), east = Math.min(bounds.getEast(), 180);
        var items = west <= east ? events.index.getClusters(
          [west, Math.max(bounds.getSouth(), -85), east, Math.min(bounds.getNorth(), 85)], zoom) : [];
        var wanted = {}, self = this;
        items.forEach(function (item) {
          var p = item.properties;
          var key = p.cluster ? 'c' + p.cluster_id : 'p' + p.i;
          if (self._spread && self._spread.key === key) {
            wanted[key] = self._spread.cluster;
            return;
          }
          wanted[key] = (!fresh && self._shown[key]) || (p.cluster ? self._cluster(item) : events.marker(p.i));
        });
        for (var key in this._shown) {
          if (wanted[key] !== this._shown[key]) this.removeLayer(this._shown[key]);
        }
        for (key in wanted) {
          if (!this.hasLayer(wanted[key])) this.addLayer(wanted[key]);
        }
        this._shown = wanted;
      },
      _cluster: function (item) {
        var count = item.properties.point_count, self = this;
        var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
        var at = L.latLng(item.geometry.coordinates[1], item.geometry.coordinates[0]);
        var made = L.marker(at, {keyboard: false, icon: L.divIcon({
          html: '<div><span>' + count + '</span></div>',
          className: 'marker-cluster marker-cluster-' + size, iconSize: L.point(40, 40)})});
        made.on('click', function (event) {
          L.DomEvent.stopPropagation(event);
          self._open(item, made);
        });
        return made;
      },
      _open: function (item, made) {
        var map = this._map, index = this._events.index;
        var zoom = index.getClusterExpansionZoom(item.properties.cluster_id);
        if (zoom <= map.getMaxZoom()) {
          map.setView(made.getLatLng(), zoom);
        } else {
          this._spreadOut(item, made);
        }
      },
      _spreadOut: function (item, made) {
        this._unspread();
        var map = this._map, events = this._events;
        var leaves = events.index.getLeaves(item.properties.cluster_id, Infinity);
        var centre = map.latLngToLayerPoint(made.getLatLng());
        var radius = SPREAD * (2 + leaves.length) / (2 * Math.PI);
        var step = 2 * Math.PI / leaves.length;
        var spread = {key: 'c' + item.properties.cluster_id, cluster: made, layers: []};
        made.setOpacity(0.3);
        leaves.forEach(function (leaf, n) {
          var at = map.layerPointToLatLng(centre.add(L.point(radius * Math.cos(n * step), radius * Math.sin(n * step))));
          var leg = L.polyline([made.getLatLng(), at], {weight: 1.5, color: '#222', opacity: 0.5, interactive: false});
          var marker = events.marker(leaf.properties.i);
          marker.setLatLng(at);
          spread.layers.push(leg, marker);
        });
        this._spread = spread;
        var self = this;
        spread.layers.forEach(function (layer) { self.addLayer(layer); });
        this.fire('spiderfied', {cluster: made, markers: spread.layers});
      },
      _unspread: function () {
        var spread = this._spread, events = this._events, self = this;
        if (!spread) return;
        this._spread = null;
        spread.layers.forEach(function (layer) {
          self.removeLayer(layer);
          if (layer instanceof L.Marker) layer.setLatLng(events.home(layer));
        });
        spread.cluster.setOpacity(1);
        this.fire('unspiderfied');
      }
    });
  }

  function sameIds(a, b) {
    if (!a || a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  // The index and the markers made so far are kept while the same events are shown (a rerun that only
  // changes the selection, say), keyed by the dataset's version.
  var kept = window.__gasAtlasEvents;
  if (!kept || kept.version !== data.version || !sameIds(kept.ids, data.id)) {
    var icons = {}, markers = {}, points = new Array(data.id.length);
    for (var i = 0; i < data.id.length; i++) {
      points[i] = {type: 'Feature', properties: {i: i},
                   geometry: {type: 'Point', coordinates: [data.lon[i] / 1e4, data.lat[i] / 1e4]}};
    }
    var index = new Supercluster({radius: 40, extent: 256, minZoom: 0, maxZoom: data.maxZoom, nodeSize: 64})
      .load(points);
    var pending = function (i) { return data.pending ? data.pending[i] : 0; };
    var icon = function (i) {
      var key = data.t[i] + ':' + data.p[i] + ':' + pending(i);
      if (!icons[key]) {
        icons[key] = L.divIcon({className: 'ga-event ' + data.types[data.t[i]] + (data.p[i] ? ' country' : '') +
                                           (pending(i) ? ' pending' : ''),
                                iconSize: [14, 14], iconAnchor: [7, 7]});
      }
      return icons[key];
    };
    var tip = function (i) {
      var box = document.createElement('div');
      var when = document.createElement('b');
      when.textContent = data.date[i];
      box.appendChild(when);
      if (pending(i)) box.appendChild(document.createTextNode(' · ' + data.unreviewed));
      if (data.title) {
        box.appendChild(document.createElement('br'));
        box.appendChild(document.createTextNode(data.title[i]));
      }
      return box;
    };
    var home = function (i) { return L.latLng(data.lat[i] / 1e4, data.lon[i] / 1e4); };
    kept = window.__gasAtlasEvents = {
      version: data.version, ids: data.id,
      events: {
        index: index, count: data.id.length, maxZoom: data.maxZoom,
        marker: function (i) {
          if (!markers[i]) {
            var made = markers[i] = L.marker(home(i), {icon: icon(i), keyboard: false});
            made.feature = {type: 'Feature', properties: {layer: 'event', id: data.id[i]}};
            made.bindTooltip(tip.bind(null, i), {direction: 'top', offset: [0, -6]});
            made._gaIndex = i;
          }
          return markers[i];
        },
        home: function (marker) { return home(marker._gaIndex); }
      }
    };
  }
  var layer = new L.EventClusters();
  layer.setEvents(kept.events);
  return layer;
}
