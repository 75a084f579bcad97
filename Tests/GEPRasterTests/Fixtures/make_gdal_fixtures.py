# Small GDAL-written fixtures for GEPRasterTests (run with Debian's python3-gdal, GDAL 3.6.2).
from osgeo import gdal, osr
import numpy as np
import os
gdal.UseExceptions()
out=os.path.dirname(os.path.abspath(__file__))+'/'
rng=np.random.default_rng(11)
W,H=40,30
def make(name, gt, nt, opts, nodata=3):
    if nt in (np.float32, np.float64):
        a=(np.cumsum(rng.normal(0,1,(H,W)),axis=1)*10).astype(nt); a[5,5]=np.nan
    else:
        info=np.iinfo(nt); a=rng.integers(max(info.min,-30000),min(info.max,30000),(H,W),endpoint=True).astype(nt)
    ds=gdal.GetDriverByName('GTiff').Create(out+name+'.tif',W,H,1,gt,opts)
    ds.SetGeoTransform((500000,10,0,3000000,0,-10)); sr=osr.SpatialReference(); sr.ImportFromEPSG(32650); ds.SetProjection(sr.ExportToWkt())
    b=ds.GetRasterBand(1); b.SetNoDataValue(nodata); b.WriteArray(a.view(np.uint8) if nt==np.int8 else a); ds=None
    np.asarray(a,dtype=np.float32).tofile(out+name+'.f32')
make('gdal_be_float32_lzw_p3_tiled', gdal.GDT_Float32, np.float32, ['ENDIANNESS=BIG','COMPRESS=LZW','PREDICTOR=3','TILED=YES','BLOCKXSIZE=16','BLOCKYSIZE=16'])
make('gdal_be_float64_deflate_p3_strips_bigtiff', gdal.GDT_Float64, np.float64, ['ENDIANNESS=BIG','COMPRESS=DEFLATE','PREDICTOR=3','BLOCKYSIZE=7','BIGTIFF=YES'])
make('gdal_be_int16_lzw_p2_strips', gdal.GDT_Int16, np.int16, ['ENDIANNESS=BIG','COMPRESS=LZW','PREDICTOR=2','BLOCKYSIZE=7'])
make('gdal_le_int8_deflate_p2_tiled', gdal.GDT_Byte, np.int8, ['PIXELTYPE=SIGNEDBYTE','COMPRESS=DEFLATE','PREDICTOR=2','TILED=YES','BLOCKXSIZE=16','BLOCKYSIZE=16'])
make('gdal_be_uint32_none_strips', gdal.GDT_UInt32, np.uint32, ['ENDIANNESS=BIG','BLOCKYSIZE=4'])
ds=gdal.GetDriverByName('GTiff').Create(out+'gdal_pixelispoint.tif',20,10,1,gdal.GDT_Float32,['TILED=YES','BLOCKXSIZE=16','BLOCKYSIZE=16','COMPRESS=LZW'])
ds.SetMetadataItem('AREA_OR_POINT','Point'); ds.SetGeoTransform((113.25,0.5,0,24.75,0,-0.5)); sr=osr.SpatialReference(); sr.ImportFromEPSG(4490); ds.SetProjection(sr.ExportToWkt()); ds.GetRasterBand(1).Fill(1); ds=None
ds=gdal.GetDriverByName('GTiff').Create(out+'gdal_sparse.tif',100,100,1,gdal.GDT_Int16,['TILED=YES','BLOCKXSIZE=32','BLOCKYSIZE=32','SPARSE_OK=TRUE','COMPRESS=DEFLATE'])
ds.SetGeoTransform((0,1,0,0,0,-1)); b=ds.GetRasterBand(1); b.SetNoDataValue(-5); b.WriteArray(np.full((10,10),9,np.int16),40,40); ds=None
# Zone-code fixtures: integers beyond 2^24 and 12-digit codes that Float32 cannot hold, for
# readDoubles. Each cell takes one of a type's codes in a fixed pattern (no random numbers);
# gdal_<type>_codes.f64 holds the values GDAL was given for every file of that type, as
# little-endian Float64 (exact for all three types), row-major.
ZW,ZH=37,23
codes={'int32':(np.int32,gdal.GDT_Int32,-2_147_483_648,
                [16_777_217,2_000_000_001,-2_147_483_647,2_147_483_647,-16_777_219,441_623_101,441_623_102,7,-2_147_483_648]),
       'uint32':(np.uint32,gdal.GDT_UInt32,4_294_967_295,[4_294_967_295,3_000_000_001,16_777_217,4_294_967_294,2_147_483_649,0,1]),
       'float64':(np.float64,gdal.GDT_Float64,-9999,
                  [441_623_100_000,441_623_101_001,441_623_999_999,441_623_100_001,999_999_999_999,0.1,-9999])}
r,c=np.indices((ZH,ZW))
def code_grid(kind):
    nt,_,_,values=codes[kind]; return np.array(values,dtype=nt)[(3*r+5*c+(r//4)*(c//5))%len(values)]
for kind in codes: np.asarray(code_grid(kind),dtype='<f8').tofile(out+'gdal_'+kind+'_codes.f64')
def make_codes(name, kind, opts):
    _,gt,nodata,_=codes[kind]
    ds=gdal.GetDriverByName('GTiff').Create(out+name+'.tif',ZW,ZH,1,gt,opts)
    ds.SetGeoTransform((500000,10,0,3000000,0,-10)); sr=osr.SpatialReference(); sr.ImportFromEPSG(32650); ds.SetProjection(sr.ExportToWkt())
    b=ds.GetRasterBand(1); b.SetNoDataValue(nodata); b.WriteArray(code_grid(kind)); ds=None
make_codes('gdal_le_int32_deflate_p2_tiled', 'int32', ['COMPRESS=DEFLATE','PREDICTOR=2','TILED=YES','BLOCKXSIZE=16','BLOCKYSIZE=16'])
make_codes('gdal_be_int32_lzw_p2_strips', 'int32', ['ENDIANNESS=BIG','COMPRESS=LZW','PREDICTOR=2','BLOCKYSIZE=5'])
make_codes('gdal_le_int32_none_strips', 'int32', ['BLOCKYSIZE=4'])
make_codes('gdal_le_uint32_lzw_p2_tiled', 'uint32', ['COMPRESS=LZW','PREDICTOR=2','TILED=YES','BLOCKXSIZE=16','BLOCKYSIZE=16'])
make_codes('gdal_be_uint32_deflate_strips', 'uint32', ['ENDIANNESS=BIG','COMPRESS=DEFLATE','BLOCKYSIZE=6'])
make_codes('gdal_le_float64_deflate_p3_tiled', 'float64', ['COMPRESS=DEFLATE','PREDICTOR=3','TILED=YES','BLOCKXSIZE=16','BLOCKYSIZE=16'])
make_codes('gdal_be_float64_lzw_p2_strips_bigtiff', 'float64', ['ENDIANNESS=BIG','COMPRESS=LZW','PREDICTOR=2','BLOCKYSIZE=5','BIGTIFF=YES'])
make_codes('gdal_le_float64_none_tiled', 'float64', ['TILED=YES','BLOCKXSIZE=16','BLOCKYSIZE=16'])
# The Int32 codes as an ESRI ASCII grid, by GDAL's AAIGrid driver (its .prj and .aux.xml are not needed).
gdal.Translate(out+'gdal_int32_codes.asc', out+'gdal_le_int32_none_strips.tif', format='AAIGrid')
for extra in ('.prj','.asc.aux.xml'): os.remove(out+'gdal_int32_codes'+extra)
# PackBits (COMPRESS=PACKBITS): runs of equal bytes and literal stretches, striped and tiled,
# both byte orders. Each gdal_*_packbits_*.f32 holds the values GDAL was given, as above.
PW,PH=45,21
prng=np.random.default_rng(23)
pr,pc=np.indices((PH,PW))
def make_packbits(name, gt, nt, opts, nodata):
    runs=((pr//3+pc//9)%5)*40+7                      # long runs of equal values
    noise=prng.integers(0,200,(PH,PW))              # literal stretches
    a=np.where((pc//6)%3==1, noise, runs).astype(nt)
    if nt==np.float32: a=a*np.float32(0.37); a[4,10]=np.nan; a=a.astype(nt)
    a[0,0]=nodata
    ds=gdal.GetDriverByName('GTiff').Create(out+name+'.tif',PW,PH,1,gt,opts)
    ds.SetGeoTransform((500000,30,0,3000000,0,-30)); sr=osr.SpatialReference(); sr.ImportFromEPSG(32650); ds.SetProjection(sr.ExportToWkt())
    b=ds.GetRasterBand(1); b.SetNoDataValue(nodata); b.WriteArray(a); ds=None
    np.asarray(a,dtype=np.float32).tofile(out+name+'.f32')
make_packbits('gdal_le_byte_packbits_strips', gdal.GDT_Byte, np.uint8, ['COMPRESS=PACKBITS','BLOCKYSIZE=4'], 255)
make_packbits('gdal_be_int16_packbits_tiled', gdal.GDT_Int16, np.int16, ['ENDIANNESS=BIG','COMPRESS=PACKBITS','TILED=YES','BLOCKXSIZE=16','BLOCKYSIZE=16'], -1)
make_packbits('gdal_le_float32_packbits_strips', gdal.GDT_Float32, np.float32, ['COMPRESS=PACKBITS','BLOCKYSIZE=5'], -9999)
