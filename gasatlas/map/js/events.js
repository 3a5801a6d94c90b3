function (data) {
  // Events as one layer clustered by supercluster (a spatial index built in a fraction of a second even
  // for 100,000 points): only the clusters and markers in view are on the map, redrawn after every move.
  // A cluster click zooms in to where it splits; one whose events never split (the same place) spreads
  // them around it instead, each a marker that can be clicked. Texts reach the page as text, never HTML.
  //
  // The events' columns (id[], lat[], lon[] in 1/10,000 degree, t[] an index into types[], p[] 1 where the
  // place is only the country, date[], optionally title[], and pending[] 1 where not reviewed yet, with the
  // word unreviewed) come either in data.base, or from the file data.source, fetched once per page and
  // version (gasatlas/map/event_columns.py); then data.shown says which of its rows are shown (bits,
  // base64) and data.extra holds the shown rows the file lacks. data: types[], maxZoom, version.
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
        this._shownEvents = events;
        this._unspread();
        if (this._map) this._redraw(true);
      },
      size: function () { return this._shownEvents ? this._shownEvents.count : 0; },  // events held, clustered or not
      loaded: function () { return !!this._shownEvents; },  // false while the events' columns are on their way
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
        var map = this._map, events = this._shownEvents;
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
        var map = this._map, index = this._shownEvents.index;
        var zoom = index.getClusterExpansionZoom(item.properties.cluster_id);
        if (zoom <= map.getMaxZoom()) {
          map.setView(made.getLatLng(), zoom);
        } else {
          this._spreadOut(item, made);
        }
      },
      _spreadOut: function (item, made) {
        this._unspread();
        var map = this._map, events = this._shownEvents;
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
        var spread = this._spread, events = this._shownEvents, self = this;
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

  var kept = window.__gasAtlasEvents || (window.__gasAtlasEvents = {tables: {}, views: []});
  var VIEWS_KEPT = 4;  // indexes kept for the last few sets of shown events: stepping back costs nothing

  function size(columns) { return columns ? columns.id.length : 0; }

  function column(table, extra, name, k) {
    var n = size(table.columns);
    if (k < n) return table.columns[name] ? table.columns[name][k] : undefined;
    return extra[name] ? extra[name][k - n] : undefined;
  }

  // The rows shown: k < n is row k of the table, k >= n row k - n of extra.
  function shownRows(n, bits, extra) {
    var rows = [];
    if (bits === undefined) {
      for (var i = 0; i < n; i++) rows.push(i);
    } else {
      var bytes = atob(bits);
      for (var b = 0; b < bytes.length; b++) {
        var byte = bytes.charCodeAt(b);
        if (!byte) continue;
        for (var bit = 0; bit < 8; bit++) if (byte & (1 << bit)) rows.push(b * 8 + bit);
      }
    }
    for (var j = 0; j < size(extra); j++) rows.push(n + j);
    return rows;
  }

  function view(table, data) {
    var key = data.version + '|' + (data.shown || '') + '|' + JSON.stringify(data.extra || null);
    for (var v = 0; v < kept.views.length; v++) {
      if (kept.views[v].key === key) return kept.views[v].events;
    }
    var extra = data.extra || {id: []}, n = size(table.columns);
    var rows = shownRows(n, data.shown, extra), points = new Array(rows.length), byId = null;
    var value = function (name, k) { return column(table, extra, name, k); };
    var home = function (k) { return L.latLng(value('lat', k) / 1e4, value('lon', k) / 1e4); };
    var pending = function (k) { return value('pending', k) ? 1 : 0; };
    for (var r = 0; r < rows.length; r++) {
      var k = rows[r];
      points[r] = {type: 'Feature', properties: {i: k},
                   geometry: {type: 'Point', coordinates: [value('lon', k) / 1e4, value('lat', k) / 1e4]}};
    }
    var icon = function (k) {
      var t = value('t', k), p = value('p', k), key = t + ':' + p + ':' + pending(k);
      if (!table.icons[key]) {
        table.icons[key] = L.divIcon({className: 'ga-event ' + data.types[t] + (p ? ' country' : '') +
                                                 (pending(k) ? ' pending' : ''),
                                      iconSize: [14, 14], iconAnchor: [7, 7]});
      }
      return table.icons[key];
    };
    var tip = function (k) {
      var box = document.createElement('div');
      var when = document.createElement('b');
      when.textContent = value('date', k);
      box.appendChild(when);
      if (pending(k)) box.appendChild(document.createTextNode(' · ' + (extra.unreviewed || table.columns.unreviewed)));
      var title = value('title', k);
      if (title !== undefined) {
        box.appendChild(document.createElement('br'));
        box.appendChild(document.createTextNode(title));
      }
      return box;
    };
    var extraMarkers = {};
    var events = {
      index: new Supercluster({radius: 40, extent: 256, minZoom: 0, maxZoom: data.maxZoom, nodeSize: 64})
        .load(points),
      count: rows.length, maxZoom: data.maxZoom,
      marker: function (k) {
        var markers = k < n ? table.markers : extraMarkers;  // the table's markers serve every view of it
        if (!markers[k]) {
          var made = markers[k] = L.marker(home(k), {icon: icon(k), keyboard: false});
          made.feature = {type: 'Feature', properties: {layer: 'event', id: value('id', k)}};
          made.bindTooltip(tip.bind(null, k), {direction: 'top', offset: [0, -6]});
          made._gaIndex = k;
        }
        return markers[k];
      },
      markerOf: function (id) {  // the marker of a shown event, by its id
        if (!byId) {
          byId = {};
          rows.forEach(function (k) { byId[value('id', k)] = k; });
        }
        return byId[id] === undefined ? null : events.marker(byId[id]);
      },
      home: function (marker) { return home(marker._gaIndex); }
    };
    kept.views.unshift({key: key, events: events});
    kept.views.length = Math.min(kept.views.length, VIEWS_KEPT);
    return events;
  }

  // The table of columns for data.version: inline (kept while the same events come), or fetched once (later
  // layers of the page wait on the same request). A table's markers are kept while it lasts.
  function sameIds(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function table(done) {
    var held = kept.tables[data.version];
    if (!held || (data.base && !sameIds(held.columns.id, data.base.id))) {
      for (var old in kept.tables) delete kept.tables[old];
      kept.views = [];
      held = kept.tables[data.version] = {columns: data.base || null, waiting: [], markers: {}, icons: {}};
      if (!held.columns) {
        fetch(data.source, {credentials: 'same-origin'})
          .then(function (response) {
            if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
            return response.json();
          })
          .then(function (columns) {
            held.columns = columns;
            held.waiting.splice(0).forEach(function (callback) { callback(held); });
          })
          .catch(function (error) {
            console.error('The events could not be loaded from ' + data.source + ': ' + error);
            delete kept.tables[data.version];
          });
      }
    }
    if (held.columns) done(held); else held.waiting.push(done);
  }

  var layer = new L.EventClusters();
  table(function (held) {
    kept.current = view(held, data);  // what the newest layer shows (tests find markers by id through it)
    layer.setEvents(kept.current);
  });
  return layer;
}
