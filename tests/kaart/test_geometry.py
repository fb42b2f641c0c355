import math

from search.kaart.geometry import convex_hull, outline, spread


def _inside(point, polygon) -> bool:
    """Ray casting; the polygon as [[lat, lon], ...]."""
    lat, lon = point
    inside = False
    for (a_lat, a_lon), (b_lat, b_lon) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (a_lon > lon) != (b_lon > lon):
            at = a_lat + (lon - a_lon) * (b_lat - a_lat) / (b_lon - a_lon)
            if lat < at:
                inside = not inside
    return inside


def test_outline_surrounds_every_buurt_with_room_to_spare():
    points = [(52.37, 4.85), (52.38, 4.86), (52.375, 4.87), (52.372, 4.862)]
    shape = outline(points)

    assert len(shape) >= 3
    for lat, lon in points:
        assert _inside((lat, lon), shape)
        assert _inside((lat + 0.002, lon), shape)  # ~220 m away, within the padding
    assert not _inside((52.39, 4.90), shape)


def test_outline_of_one_point_is_a_small_polygon_and_of_none_empty():
    shape = outline([(52.37, 4.85)])
    assert len(shape) == 12
    assert outline([]) == []


def test_convex_hull_drops_inner_points():
    square = [(0, 0), (0, 1), (1, 1), (1, 0), (0.5, 0.5)]
    assert sorted(convex_hull(square)) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_spread_moves_markers_that_share_a_point_apart():
    same = [(52.37, 4.85)] * 8 + [(52.38, 4.86)]
    moved = spread(same)

    assert moved[0] == (52.37, 4.85)
    assert moved[-1] == (52.38, 4.86)
    assert len(set(moved)) == 9
    for lat, lon in moved[1:8]:
        metres = math.dist(
            (lat * 111_320, lon * 111_320 * math.cos(math.radians(52.37))),
            (52.37 * 111_320, 4.85 * 111_320 * math.cos(math.radians(52.37))),
        )
        assert 50 < metres < 150
