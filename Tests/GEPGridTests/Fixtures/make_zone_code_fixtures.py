# Zone rasters with ids Float32 cannot hold, aligned with GridAccountTests' 3 × 2 grid of
# 100 m cells (origin 0, 200; EPSG:32650). Run with Debian's python3-gdal:
#   /usr/bin/python3 Tests/GEPGridTests/Fixtures/make_zone_code_fixtures.py
# Both have the zones of that test's "towns" layer [1, 1, 2, 2, 0, 0] under other ids:
# 12-digit administrative codes 441623100000 and 441623101001 (one Float32 value: the spacing
# there is 32768) in Float64, and 4000000001, 4000000002 (one Float32 value) in UInt32.
import os
import numpy as np
from osgeo import gdal, osr
out = os.path.dirname(os.path.abspath(__file__)) + '/'
def make(name, gdal_type, dtype, values, nodata):
    ds = gdal.GetDriverByName('GTiff').Create(out + name, 3, 2, 1, gdal_type, ['COMPRESS=DEFLATE', 'TILED=YES', 'BLOCKXSIZE=16', 'BLOCKYSIZE=16'])
    ds.SetGeoTransform((0, 100, 0, 200, 0, -100))
    sr = osr.SpatialReference(); sr.ImportFromEPSG(32650); ds.SetProjection(sr.ExportToWkt())
    band = ds.GetRasterBand(1); band.SetNoDataValue(nodata)
    band.WriteArray(np.array(values, dtype=dtype).reshape(2, 3)); ds = None
make('zones_admin_codes_float64.tif', gdal.GDT_Float64, np.float64, [441623100000, 441623100000, 441623101001, 441623101001, 0, 0], -9999)
make('zones_wide_uint32.tif', gdal.GDT_UInt32, np.uint32, [4000000001, 4000000001, 4000000002, 4000000002, 0, 0], 0)
