#!/usr/bin/env python3
"""Draws the simplified outlines of the 13 metropolitan French regions for the directory's map.

Derived only from the communes file the project already uses for distances
(../shared/data/france-communes/france_cities.csv: INSEE region code and coordinates of 35,000 communes,
MIT licence, from La Poste and INSEE open data): France is cut into a grid of cells of CELL degrees, each
cell within REACH_KM of a commune takes the region of its nearest commune (cells farther from every
commune are sea or abroad), the cells of each region are traced into rings and the rings simplified
(Douglas-Peucker). The result is schematic -- coasts and borders are exact to about a cell -- and is
meant for a clickable overview, not for cartography.

Usage: generate_region_map.py COMMUNES_CSV > france-regions.tsv
Output: one line per region: name TAB SVG path data (viewBox 0 0 WIDTH HEIGHT, see the header line).
"""
import csv
import math
import sys

import numpy as np

CELL = 0.08
REACH_KM = 9.0
TOLERANCE = 2.6  # in SVG units (a cell is about 3.9), for Douglas-Peucker
WIDTH = 500
REGIONS = {
    "11": "Île-de-France", "24": "Centre-Val de Loire", "27": "Bourgogne-Franche-Comté", "28": "Normandie",
    "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire", "53": "Bretagne",
    "75": "Nouvelle-Aquitaine", "76": "Occitanie", "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur", "94": "Corse",
}


def main(path):
    lats, lons, codes = [], [], []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["REGION"] in REGIONS and row["LATITUDE"] and row["LONGITUDE"]:
                lats.append(float(row["LATITUDE"]))
                lons.append(float(row["LONGITUDE"]))
                codes.append(row["REGION"])
    lats, lons = np.array(lats), np.array(lons)
    code_list = sorted(REGIONS)
    code_index = np.array([code_list.index(c) for c in codes])
    lat0, lat1 = lats.min() - 0.2, lats.max() + 0.2
    lon0, lon1 = lons.min() - 0.2, lons.max() + 0.2
    nx, ny = int((lon1 - lon0) / CELL) + 1, int((lat1 - lat0) / CELL) + 1
    kx = math.cos(math.radians(46.5))
    # nearest commune per cell, by buckets of communes around each cell
    bucket = {}
    for i, (la, lo) in enumerate(zip(lats, lons)):
        bucket.setdefault((int((lo - lon0) / CELL), int((la - lat0) / CELL)), []).append(i)
    grid = -np.ones((ny, nx), dtype=int)
    reach = int(math.ceil(REACH_KM / 111 / CELL / kx)) + 1
    for y in range(ny):
        clat = lat0 + (y + 0.5) * CELL
        for x in range(nx):
            clon = lon0 + (x + 0.5) * CELL
            best, best_d = -1, REACH_KM
            for dy in range(-reach, reach + 1):
                for dx in range(-reach, reach + 1):
                    for i in bucket.get((x + dx, y + dy), ()):
                        d = math.hypot((lons[i] - clon) * 111 * kx, (lats[i] - clat) * 111)
                        if d < best_d:
                            best, best_d = i, d
            if best >= 0:
                grid[y, x] = code_index[best]
    scale = WIDTH / ((lon1 - lon0) * kx)
    height = int((lat1 - lat0) * scale) + 1

    def point(x, y):  # grid corner -> SVG coordinates (north up)
        return (round(x * CELL * kx * scale, 1), round(height - y * CELL * scale, 1))

    print(f"#viewBox\t0 0 {WIDTH} {height}")
    for k, code in enumerate(code_list):
        edges = {}
        for y in range(ny):
            for x in range(nx):
                if grid[y, x] != k:
                    continue
                # counter-clockwise edges around the cell, kept when the neighbour differs
                for (ax, ay, bx, by, nx_, ny_) in ((x, y, x + 1, y, x, y - 1), (x + 1, y, x + 1, y + 1, x + 1, y),
                                                   (x + 1, y + 1, x, y + 1, x, y + 1), (x, y + 1, x, y, x - 1, y)):
                    if not (0 <= nx_ < nx and 0 <= ny_ < ny and grid[ny_, nx_] == k):
                        edges.setdefault((ax, ay), []).append((bx, by))
        rings = []
        while edges:
            start = next(iter(edges))
            ring, current = [start], start
            while True:
                nexts = edges[current]
                nxt = nexts.pop()
                if not nexts:
                    del edges[current]
                if nxt == start:
                    break
                ring.append(nxt)
                current = nxt
            if len(ring) >= 8:  # drop specks of one or two cells
                rings.append(ring)
        parts = []
        for ring in rings:
            pts = simplify([point(*p) for p in ring] + [point(*ring[0])], TOLERANCE)[:-1]
            if len(pts) >= 3:
                parts.append("M" + " ".join(f"{px:g},{py:g}" for px, py in pts) + "Z")
        print(f"{REGIONS[code]}\t{''.join(parts)}")


def simplify(points, tolerance):
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    length = math.hypot(bx - ax, by - ay)
    far, far_d = 0, -1.0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = (abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length) if length else math.hypot(px - ax, py - ay)
        if d > far_d:
            far, far_d = i, d
    if far_d <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[:far + 1], tolerance)[:-1] + simplify(points[far:], tolerance)


if __name__ == "__main__":
    main(sys.argv[1])
