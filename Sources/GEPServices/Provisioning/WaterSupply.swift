import GEPCore

/// 水资源供给：生活、工业、农业用水量 (market value of the products of the accounting year).
///
/// Physical quantities are the products' outputs; values are Σ Q·P at the product prices
/// in the coefficient set (gross output), optionally times the sector's value-added ratio.
/// See `ProductLines` for the section format.
public enum WaterSupply: ServiceModel {
    /// The spec: product lines in m3 (other units allowed per product).
    public static let spec = ProductLines.spec(.waterSupply, unit: "m3")

    /// Prices each product line.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        ProductLines.account(spec: spec, method: method, section: section, context: &context)
    }
}
