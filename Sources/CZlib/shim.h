// The system zlib (DEFLATE for TIFF), present on every Linux and macOS.
#include <zlib.h>
