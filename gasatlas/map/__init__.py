"""The map and what is linked to it: folium layers written the way folium writes its plugins (``layers``,
``leaflet``), their JavaScript, CSS and SVG (``js/``), popup cards, the events table, selection, the comparison
map and the static (PNG/SVG) map. Imports ``model``, ``i18n``, ``dataset`` and ``analysis``; never Streamlit.
"""
