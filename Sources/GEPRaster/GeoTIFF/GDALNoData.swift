/// Reading and writing the GDAL_NODATA tag (42113): the nodata value as ASCII text.
enum GDALNoData {
    /// The value of GDAL_NODATA text such as "-9999", "nan" or "-3.4028234663852886e+38";
    /// `nil` when it is not a number.
    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: " \t\r\n")
        switch trimmed.lowercased() {
        case "nan", "-nan", "+nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return Double(trimmed)
        }
    }

    /// GDAL_NODATA text for `value`: "nan", "inf"/"-inf", an integer without a decimal
    /// point when the value is integral (as GDAL writes it), else the shortest decimal
    /// that reads back as exactly `value`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

private extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }),
              let last = lastIndex(where: { !characters.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
