"""With no internet at all, the map still renders from the app's own assets."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

from devtools.browser_harness import AtlasPage

FOCUS_COUNTRIES = ["Russia", "Kazakhstan", "Uzbekistan", "Turkmenistan", "China", "Afghanistan", "Pakistan"]
TILE_HOSTS = {"a.basemaps.cartocdn.com", "b.basemaps.cartocdn.com", "c.basemaps.cartocdn.com",
              "d.basemaps.cartocdn.com"}


def test_the_map_renders_countries_routes_and_the_orenburg_plant_with_the_network_blocked(atlas: AtlasPage) -> None:
    frame = atlas.open().wait_for_map()

    labels = frame.locator(".ga-country-label.focus")
    for country in FOCUS_COUNTRIES:
        expect(labels.filter(has_text=country)).to_have_count(1)
    expect(frame.locator("path.leaflet-interactive")).not_to_have_count(0)  # route lines
    expect(frame.locator("svg[data-facility-id='orenburg-gpp']")).to_be_visible()
    assert frame.locator(".leaflet-overlay-pane path").count() >= 12 + 14, "country shapes and routes"

    refused_hosts = {urlsplit(url).hostname for url in atlas.external_requests()}
    assert refused_hosts <= TILE_HOSTS, f"only basemap tiles may be asked for: {refused_hosts}"
    assert frame.locator("img:not(.leaflet-tile)").evaluate_all(
        "imgs => imgs.filter(img => img.complete && img.naturalWidth === 0).map(img => img.src)"
    ) == []


def test_the_offline_basemap_asks_for_nothing_beyond_localhost(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline").wait_for_map()

    expect(frame.locator("svg[data-facility-id='orenburg-gpp']")).to_be_visible()
    expect(frame.locator(".leaflet-tile")).to_have_count(0)
    assert atlas.external_requests() == []


def test_leaflet_images_load_from_the_app(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline").wait_for_map()

    # A default Leaflet marker finds its icon through the CSS's own URL: if the CSS had
    # moved without its images folder, this is the image that would break.
    frame.locator("body").evaluate(
        "() => L.marker(window.map.getCenter()).addTo(window.map)"
    )
    icon = frame.locator("img.leaflet-marker-icon")
    expect(icon).to_have_count(1)
    icon.evaluate("img => img.decode()")
    assert frame.locator("img").evaluate_all(
        "imgs => imgs.filter(img => img.complete && img.naturalWidth === 0).map(img => img.src)"
    ) == []
    assert "/app/static/vendor/leaflet/images/marker-icon.png" in icon.get_attribute("src")
    assert atlas.external_requests() == []
