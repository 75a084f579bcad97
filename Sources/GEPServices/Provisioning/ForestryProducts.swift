import GEPCore

/// 林业产品：木材采伐（m³）与非木质林产品 (market value of the products of the accounting year).
///
/// Physical quantities are the products' outputs; values are Σ Q·P at the product prices
/// in the coefficient set (gross output), optionally times the sector's value-added ratio.
/// See `ProductLines` for the section format.
public enum ForestryProducts: ServiceModel {
    /// The spec: product lines in m3 (other units allowed per product).
    public static let spec = ProductLines.spec(.forestryProducts, unit: "m3")

    /// Prices each product line.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        ProductLines.account(spec: spec, method: method, section: section, context: &context)
    }
}
