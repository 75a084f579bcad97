# Township polygons and GDAL's rasterisations of them, for the vector-zone tests (run with
# Debian's gdal-bin and python3-gdal, GDAL 3.6.2). The grid: 40 × 30 cells of 30 m, top-left
# (500000, 3000900), EPSG:32650. Vertices fall on cell centres, on cell edges and in between;
# A has a hole, B has two parts, C leaves the grid, D overlaps A (later features win).
import json, os, subprocess
out = os.path.dirname(os.path.abspath(__file__)) + '/'
X0, Y0, S = 500000.0, 3000900.0, 30.0
def p(cx, cy):  # grid units (column, row from the top) to map coordinates
    return [X0 + cx * S, Y0 - cy * S]
features = [
    ('441623100000', '元善镇', {'type': 'Polygon', 'coordinates': [
        [p(1.5, 1.5), p(18.2, 2.0), p(19.0, 14.5), p(9.7, 16.25), p(1.0, 12.0), p(1.5, 1.5)],
        [p(6.5, 5.5), p(6.5, 9.0), p(11.3, 9.0), p(11.3, 5.5), p(6.5, 5.5)]]}),
    ('441623101000', '上坪镇', {'type': 'MultiPolygon', 'coordinates': [
        [[p(19.0, 14.5), p(18.2, 2.0), p(30.0, 3.0), p(33.7, 13.0), p(19.0, 14.5)]],
        [[p(24.0, 18.0), p(38.5, 18.5), p(36.0, 27.3), p(25.5, 26.0), p(24.0, 18.0)]]]}),
    ('441623102000', '内莞镇', {'type': 'Polygon', 'coordinates': [
        [p(-5.0, 20.0), p(12.0, 19.0), p(8.0, 35.0), p(-5.0, 20.0)]]}),
    ('441623103000', '绣缎镇', {'type': 'Polygon', 'coordinates': [
        [p(14.0, 10.0), p(22.0, 10.0), p(22.0, 17.0), p(14.0, 17.0), p(14.0, 10.0)]]}),
]
collection = {'type': 'FeatureCollection', 'features': [
    {'type': 'Feature', 'properties': {'code': int(code), 'code_text': code, 'name': name}, 'geometry': geometry}
    for code, name, geometry in features]}
with open(out + 'townships.geojson', 'w', encoding='utf-8') as f:
    json.dump(collection, f, ensure_ascii=False, indent=1)
grid = ['-te', str(X0), str(Y0 - 30 * S), str(X0 + 40 * S), str(Y0), '-tr', str(S), str(S), '-a_srs', 'EPSG:32650',
        '-ot', 'Float64', '-init', '0', '-a_nodata', '0', '-a', 'code']
for name, extra in [('townships_gdal.tif', []), ('townships_gdal_all_touched.tif', ['-at'])]:
    if os.path.exists(out + name): os.remove(out + name)
    subprocess.run(['gdal_rasterize', '-q'] + grid + extra + [out + 'townships.geojson', out + name], check=True)
# Townships over the committed sample grid (samples/lianping/grid, 250 × 250 cells of 30 m,
# top-left (240000, 2720000), EPSG:32650), with GDAL's rasterisation onto that grid as a
# Float64 zone raster (0 outside), for the grid-account test: polygons = GDAL's raster.
SX0, SY0 = 240000.0, 2720000.0
def q(cx, cy): return [SX0 + cx * S, SY0 - cy * S]
sample = [
    (441623100000, '元善镇', [[q(0, 0), q(130.5, 0), q(121.25, 140.5), q(0, 118), q(0, 0)], [q(40.5, 40.5), q(40.5, 70), q(80.3, 70), q(80.3, 40.5), q(40.5, 40.5)]]),
    (441623101000, '上坪镇', [[q(130.5, 0), q(250, 0), q(250, 150.5), q(121.25, 140.5), q(130.5, 0)]]),
    (441623102000, '内莞镇', [[q(0, 118), q(121.25, 140.5), q(250, 150.5), q(250, 250), q(0, 250), q(0, 118)]]),
]
with open(out + 'sample_townships.geojson', 'w', encoding='utf-8') as f:
    json.dump({'type': 'FeatureCollection', 'features': [
        {'type': 'Feature', 'properties': {'code': code, 'name': name}, 'geometry': {'type': 'Polygon', 'coordinates': rings}}
        for code, name, rings in sample]}, f, ensure_ascii=False, indent=1)
for name, extra in [('sample_townships_gdal.tif', []), ('sample_townships_gdal_all_touched.tif', ['-at'])]:
    if os.path.exists(out + name): os.remove(out + name)
    subprocess.run(['gdal_rasterize', '-q', '-te', str(SX0), str(SY0 - 250 * S), str(SX0 + 250 * S), str(SY0), '-tr', str(S), str(S),
                    '-a_srs', 'EPSG:32650', '-ot', 'Float64', '-init', '0', '-a_nodata', '0', '-a', 'code', '-co', 'COMPRESS=DEFLATE']
                   + extra + [out + 'sample_townships.geojson', out + name], check=True)
# The four townships as Shapefiles (ogr2ogr, EPSG:32650), names in GBK and in UTF-8 (.cpg).
for encoding, folder in [('GBK', 'townships_gbk'), ('UTF-8', 'townships_utf8')]:
    subprocess.run(['rm', '-rf', out + folder], check=True)
    subprocess.run(['ogr2ogr', '-f', 'ESRI Shapefile', '-a_srs', 'EPSG:32650', '-lco', 'ENCODING=' + encoding,
                    out + folder, out + 'townships.geojson'], check=True)
