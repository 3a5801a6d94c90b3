function (map) {
  // A pane for country and volume labels, above the markers: a cluster badge never hides a country's name.
  var pane = map.createPane('gaLabels');
  pane.style.zIndex = 640;  // above markers (600), below tooltips (650) and popups (700)
  pane.style.pointerEvents = 'none';
}
