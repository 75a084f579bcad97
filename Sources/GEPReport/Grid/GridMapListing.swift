import GEPGrid

extension GridReport {
    /// `maps.csv` beside `gep grid --out`'s rasters: one row per map with its file, service,
    /// unit per cell and meaning, and the nodata value.
    public static func mapListing(_ maps: [GridMap]) -> String {
        var text = "file,service,unit,nodata,description\n"
        for map in maps {
            text += "\(map.name).tif,\(map.service?.id ?? ""),\(map.unit),\(GridAccount.mapNodata),\(map.description)\n"
        }
        return text
    }
}
