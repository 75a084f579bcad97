import Foundation
import GEPCore

/// Unit symbols as people read them: `m3` → `m³`, `t_CO2` → `t CO₂`, `CNY/km2` → `CNY/km²`.
/// Only for tables and Markdown; JSON and CSV keep the parseable symbol.
enum UnitText {
    static func display(_ unit: PhysicalUnit) -> String {
        var text = unit.symbol
        for (from, to) in [("km2", "km²"), ("m3", "m³"), ("m2", "m²"), ("_CO2", " CO₂"), ("_O2", " O₂"), ("_NH3N", " NH₃-N"),
                           ("_SO2", " SO₂"), ("_NOx", " NOx"), ("_COD", " COD"), ("_TP", " TP"), ("_N", " N"), ("_P", " P"),
                           ("_C", " C"), ("_dust", " dust"), ("_dm", " dm")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return text == "1" ? "" : text
    }
}
