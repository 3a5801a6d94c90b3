"""The two folium extensions the atlas builds every map from.

``AtlasMap`` is a folium map that loads Leaflet from this app instead of CDNs and
leaves out the Bootstrap/Font Awesome bundle folium adds by default (the atlas
draws its own SVG symbols). ``ScriptLayer`` is a layer written as one JS factory
function applied to JSON data: the data is embedded with :func:`js_json`, never
spliced into a template string, so no text in it can become code.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import Fullscreen
from jinja2 import Template

from gasatlas.map.assets import FULLSCREEN_CSS, FULLSCREEN_JS, LEAFLET_CSS, LEAFLET_JS
from gasatlas.model.sanitize import js_json


@cache
def map_resource(name: str) -> str:
    """A file of ``gasatlas/map/js/``: the map's JavaScript (a factory function each), CSS and SVG, kept as
    package data so they can be read, linted and diffed as what they are."""
    return (files("gasatlas.map") / "js" / name).read_text(encoding="utf-8")


class AtlasMap(folium.Map):
    """A folium map whose JavaScript and CSS are all served by the app itself."""

    default_js = LEAFLET_JS
    default_css = LEAFLET_CSS


class AtlasFullscreen(Fullscreen):
    """folium's full-screen button, its script and style served by the app itself."""

    default_js = FULLSCREEN_JS
    default_css = FULLSCREEN_CSS


class RawScript(Element):
    """Script text placed in the page as it is.

    branca's ``MacroElement.render`` wraps each rendered script in a new
    ``Element``, i.e. compiles it as a Jinja template: with data inside, that
    costs time in proportion to the data and would evaluate any ``{{ ... }}``
    an article or a data file contains. This element is never templated.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **_kwargs: object) -> str:
        return self.text


class ScriptLayer(JSCSSMixin, MacroElement):
    """A Leaflet layer made by ``factory(data)`` and added to the parent map or group.

    ``factory`` is trusted code from this package (a JS function expression that
    returns a Leaflet layer); ``data`` is untrusted and travels as JSON, and the
    script holding it is never passed through Jinja (see ``RawScript``).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = ({{ this.factory }})({{ this.data_json }});
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        factory: str,
        data: Any,
        *,
        js: list[tuple[str, str]] | None = None,
        css: list[tuple[str, str]] | None = None,
        name: str = "ScriptLayer",
    ) -> None:
        super().__init__()
        self._name = name
        self.factory = factory
        self.data_json = js_json(data)
        self.default_js = js or []
        self.default_css = css or []

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # branca's MacroElement.render returns None too
        figure = self.get_root()
        assert isinstance(figure, Figure), "a layer is rendered inside a map's figure"
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        figure.script.add_child(RawScript(self._template.module.script(self, kwargs)), name=self.get_name())


class MapScript(MacroElement):
    """Trusted code run once with the map it is added to, as ``function (map) {...}``, or
    ``function (map, data) {...}`` with small ``data`` (as JSON, see ``js_json``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            ({{ this.function }})({{ this._parent.get_name() }}
                {%- if this.data_json %}, {{ this.data_json }}{% endif %});
        {% endmacro %}
        """
    )

    def __init__(self, function: str, name: str = "MapScript", data: Any = None) -> None:
        super().__init__()
        self._name = name
        self.function = function
        self.data_json = None if data is None else js_json(data)


FOCUS_WITHOUT_SCROLLING = map_resource("focus_without_scrolling.js")
QUIET_FIRST_REPORT = map_resource("quiet_first_report.js")


class StyleSheet(MacroElement):
    """Style rules in the map page's header (streamlit-folium copies the header into its iframe).

    A class-level template: building a branca ``Element`` from a string would
    compile a new Jinja template on every rerun.
    """

    _template = Template("{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}")

    def __init__(self, css: str) -> None:
        super().__init__()
        self._name = "StyleSheet"
        self.css = css


def add_header_css(fmap: folium.Map, css: str) -> None:
    StyleSheet(css).add_to(fmap)
