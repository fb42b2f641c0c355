import re

from django.conf import settings

LEAFLET = settings.PACKAGE_DIR / "static" / "dist" / "leaflet"
MAP_JS = settings.BASE_DIR / "search" / "kaart" / "static" / "kaart" / "map.js"


def test_leaflet_is_served_by_the_site_itself():
    for name in ("leaflet.js", "leaflet.css", "images/layers.png", "images/marker-icon.png"):
        assert (LEAFLET / name).exists(), "run `npm run build`"
    css = (LEAFLET / "leaflet.css").read_text()
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", css)
    assert "Leaflet 1.9" in (LEAFLET / "leaflet.js").read_text()[:200]


def test_map_script_puts_resident_text_only_in_text_nodes():
    script = MAP_JS.read_text()
    assert "eval(" not in script and "document.write" not in script
    # innerHTML is only read, to escape the layer labels Leaflet writes as HTML
    assert script.count("innerHTML") == 1
    assert "textContent = text" in script
