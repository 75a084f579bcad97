extension FieldReader {
    /// An optional `price_basis` field: `current` or `constant:YYYY`; `nil` when absent or
    /// malformed (a problem is recorded for a malformed value).
    public mutating func priceBasis(_ parent: JSONNode, path: String) -> PriceBasis? {
        guard let text = string(parent, "price_basis", path: path, required: false) else { return nil }
        guard let basis = PriceBasis(parsing: text) else {
            report("expected \"current\" or \"constant:YYYY\", found \"\(text)\"", at: parent["price_basis"]?.position, path: join(path, "price_basis"))
            return nil
        }
        return basis
    }
}
