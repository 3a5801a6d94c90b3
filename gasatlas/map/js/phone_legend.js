function () {
  // The map page on a phone: the legend starts collapsed (open, it would push the events table a screen
  // down); the reader opens it when wanted. Run by st.html in the page itself, once per browser tab.
  var FLAG = 'gasAtlasLegendFolded';
  if (!window.matchMedia('(max-width: 640px)').matches || window.sessionStorage.getItem(FLAG)) return;
  var tries = 0;
  (function fold() {
    var summary = document.querySelector('.st-key-map-legend details[open] > summary');
    if (summary) {
      window.sessionStorage.setItem(FLAG, '1');
      summary.click();
    } else if (++tries < 50) {
      window.setTimeout(fold, 100);
    }
  })();
}
