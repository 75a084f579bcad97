#!/usr/bin/env python3
"""Annual Water Yield with GDAL and numpy: the side-by-side baseline of `gep-bench --numpy`.

Reads the five water-yield rasters and the sub-watershed zones that gep-bench wrote (tiled
LZW GeoTIFFs) with GDAL, computes InVEST 3.20's per-pixel equations (`fractp_op`)
vectorised in float32 on the valid cells, sums water yield per zone in float64, and prints
one JSON object with the read and compute times (median and minimum over --repeat timed
runs after one untimed run) and the zone volumes (m^3), for gep-bench to compare.

Validity as in InVEST: land cover in the table and not nodata; P, ET0, soil depth and PAWC
not nodata (compared with `!=`; NaN also counts as nodata); P != 0. Vegetated classes use
the Fu/Budyko curve, the others AET = min(Kc*ET0, P). Single-threaded, like numpy and GDAL's
default reading. Exit status 3 (with {"error": ...}) when numpy or GDAL cannot be imported.

Usage: water_yield_numpy.py --dir DIR [--table CSV] [--z 10] [--repeat 7]
"""

import argparse
import csv
import json
import os
import platform
import statistics
import sys
import time

LAYERS = ["lulc", "precip", "eto", "depth_to_root_rest_layer", "pawc", "subws_id"]


def read_table(path):
    """lucode -> (vegetated, root depth, kc) from a biophysical table CSV."""
    rows = {}
    with open(path, newline="") as handle:
        for record in csv.DictReader(handle):
            rows[int(record["lucode"])] = (int(record["lulc_veg"]) == 1, float(record["root_depth"]), float(record["kc"]))
    return rows


def read_layers(gdal, directory):
    """Each layer's array and nodata value, and the cell area (m^2)."""
    layers = {}
    cell_area = None
    for name in LAYERS:
        dataset = gdal.Open(os.path.join(directory, name + ".tif"))
        band = dataset.GetRasterBand(1)
        layers[name] = (band.ReadAsArray(), band.GetNoDataValue())
        if cell_area is None:
            transform = dataset.GetGeoTransform()
            cell_area = abs(transform[1] * transform[5])
        dataset = None
    return layers, cell_area


def not_nodata(np, values, nodata):
    """True where a float raster holds data."""
    mask = ~np.isnan(values)
    if nodata is not None:
        mask &= values != np.float32(nodata)
    return mask


def water_yield(np, layers, table, z, cell_area):
    """Zone volumes (m^3) by zone id, the grid volume and the valid cell count."""
    lulc, lulc_nodata = layers["lulc"]
    p, p_nodata = layers["precip"]
    eto, eto_nodata = layers["eto"]
    depth, depth_nodata = layers["depth_to_root_rest_layer"]
    pawc, pawc_nodata = layers["pawc"]
    zones, zones_nodata = layers["subws_id"]

    top = max(table)
    known_lut = np.zeros(top + 1, dtype=bool)
    veg_lut = np.zeros(top + 1, dtype=bool)
    root_lut = np.ones(top + 1, dtype=np.float32)
    kc_lut = np.zeros(top + 1, dtype=np.float32)
    for code, (vegetated, root, kc) in table.items():
        known_lut[code], veg_lut[code], kc_lut[code] = True, vegetated, kc
        root_lut[code] = root if vegetated else 1.0

    codes = lulc.astype(np.int64)
    in_range = (codes >= 0) & (codes <= top)
    if lulc_nodata is not None:
        in_range &= codes != int(lulc_nodata)
    index = np.where(in_range, codes, 0)
    valid = in_range & known_lut[index]
    valid &= not_nodata(np, p, p_nodata) & (p != 0)
    valid &= not_nodata(np, eto, eto_nodata) & not_nodata(np, depth, depth_nodata) & not_nodata(np, pawc, pawc_nodata)

    index = index[valid]
    p = p[valid].astype(np.float32)
    pet = kc_lut[index] * eto[valid].astype(np.float32)
    vegetated = veg_lut[index]
    one = np.float32(1)
    with np.errstate(all="ignore"):
        phi = pet / p
        awc = np.minimum(root_lut[index], depth[valid].astype(np.float32)) * pawc[valid].astype(np.float32)
        omega = np.minimum(awc / p * np.float32(z) + np.float32(1.25), np.float32(5))
        fu = (one + phi) - (one + phi ** omega) ** (one / omega)
        fractp = np.where(vegetated, np.minimum(phi, fu), np.minimum(pet, p) / p)
        wyield = (one - fractp) * p

    zone_ids = zones[valid].astype(np.int64)
    in_zone = zone_ids > 0
    if zones_nodata is not None:
        in_zone &= zone_ids != int(zones_nodata)
    sums = np.bincount(zone_ids[in_zone], weights=wyield[in_zone])
    volumes = {str(zone): float(total) * cell_area / 1000 for zone, total in enumerate(sums) if zone > 0}
    grid = float(wyield.sum(dtype=np.float64)) * cell_area / 1000
    return volumes, grid, int(valid.sum())


def summary(seconds):
    return {"median": statistics.median(seconds), "min": min(seconds)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, help="directory of the GeoTIFFs written by gep-bench")
    parser.add_argument("--table", help="biophysical table CSV (default: DIR/biophysical_table.csv)")
    parser.add_argument("--z", type=float, default=10.0, help="seasonality constant Z")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs after one untimed run")
    args = parser.parse_args()
    try:
        import numpy as np
        from osgeo import gdal
    except ImportError as error:
        print(json.dumps({"error": "cannot import numpy and GDAL (osgeo): %s" % error}))
        return 3
    gdal.UseExceptions()
    table = read_table(args.table or os.path.join(args.dir, "biophysical_table.csv"))

    reads, computes, totals = [], [], []
    for run in range(max(1, args.repeat) + 1):
        start = time.perf_counter()
        layers, cell_area = read_layers(gdal, args.dir)
        read_end = time.perf_counter()
        volumes, grid, valid = water_yield(np, layers, table, args.z, cell_area)
        end = time.perf_counter()
        cells = int(layers["lulc"][0].size)
        if run > 0:
            reads.append(read_end - start)
            computes.append(end - read_end)
            totals.append(end - start)
        del layers

    print(json.dumps({
        "python": platform.python_version(), "numpy": np.__version__, "gdal": gdal.__version__,
        "repeats": len(totals), "cells": cells, "valid_cells": valid,
        "read_s": summary(reads), "compute_s": summary(computes), "total_s": summary(totals),
        "compute_mcells_per_s": cells / statistics.median(computes) / 1e6,
        "zone_wyield_volume_m3": volumes, "grid_wyield_volume_m3": grid,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
