function (locale) {
  // Streamlit 1.67's date pickers name months and weekdays in the browser's language, fixed when the page
  // loads, whatever the page's. In another language the atlas writes the calendar's month (its button and its
  // list) and weekday names in the page's, from the browser's own locale data (Intl), as a data-ga-text
  // attribute that streamlit_chrome.css draws in place of Streamlit's text; React's own nodes are never
  // touched. Run on every page (locale null in English takes the names away again); one watcher per tab.
  if (window.gasAtlasCalendar) {
    window.gasAtlasCalendar.locale = locale;
    window.gasAtlasCalendar.update();
    return;
  }
  var state = window.gasAtlasCalendar = {locale: locale};
  var pending = false;

  function capitalised(text) { return text.charAt(0).toLocaleUpperCase(state.locale) + text.slice(1); }
  function monthName(number) {
    return capitalised(new Intl.DateTimeFormat(state.locale, {month: 'long'}).format(new Date(2000, number - 1, 1)));
  }
  function write(element, text) {
    if (!text) {
      element.removeAttribute('data-ga-text');
    } else if (element.getAttribute('data-ga-text') !== text) {
      if (!element.hasAttribute('data-ga-text')) {
        element.style.setProperty('--ga-text-size', getComputedStyle(element).fontSize);
      }
      element.setAttribute('data-ga-text', text);
    }
  }
  function isMonths(values) {
    return values.length === 12 && values.every(function (value, index) { return Number(value) === index + 1; });
  }
  function values(select) {
    return Array.prototype.filter.call(select.options, function (option) { return option.value; })
      .map(function (option) { return option.value; });
  }

  function calendar(box) {
    var month = null, year = null;
    box.querySelectorAll('[data-testid="hidden-select-container"]').forEach(function (container) {
      var select = container.querySelector('select');
      var button = container.parentElement.querySelector('button');
      if (!select || !button) return;
      if (isMonths(values(select))) {
        month = Number(select.value);
        write(button, state.locale && month ? monthName(month) : null);
      } else {
        year = Number(select.value);
      }
    });
    box.querySelectorAll('thead th').forEach(function (header, column) {
      var text = null;
      if (state.locale && month && year) {
        var cell = Array.prototype.find.call(box.querySelectorAll('tbody td:nth-child(' + (column + 1) + ') > div'),
                                             function (day) { return !day.hasAttribute('data-outside-month'); });
        if (cell) {
          var date = new Date(year, month - 1, Number(cell.textContent));
          text = capitalised(new Intl.DateTimeFormat(state.locale, {weekday: 'short'}).format(date));
        }
      }
      write(header, text);
    });
  }

  function monthList(list) {
    var options = Array.prototype.slice.call(list.querySelectorAll('[role="option"][data-key]'));
    if (!isMonths(options.map(function (option) { return option.getAttribute('data-key'); }))) return;
    options.forEach(function (option, index) { write(option, state.locale ? monthName(index + 1) : null); });
  }

  state.update = function () {
    pending = false;
    document.querySelectorAll('[data-testid="stDateInputCalendar"]').forEach(calendar);
    document.querySelectorAll('[role="listbox"][data-rac]').forEach(monthList);
  };
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(state.update);
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
  state.update();
}
