import Testing
import GEPCore
import GEPReport

/// The account as Markdown, against text written by hand: the same figures as the table,
/// leading indentation kept as no-break spaces, a `|` inside a cell escaped.
@Suite struct AccountMarkdownTests {
    @Test func chineseMarkdownHasEverySectionAndEscapesCells() {
        let n = "\u{00A0}\u{00A0}"  // the two-space indent of a service row, as no-break spaces
        let expected = """
        # 试验县 2023年生态产品总值（GEP）核算

        - 价格基准：当年价（2023年）；价格指数 test_cpi
        - 系数集：national → test
        - GEP 合计：0.24 亿元

        ## 按服务（万元）

        | 服务 | 方法 | 实物量 | 单位 | 价值（万元） | 占比 |
        | --- | --- | ---: | --- | ---: | ---: |
        | 物质产品 |  |  |  | 1,234.57 | 49.4 % |
        | \(n)农业产品 | market_value | 见明细 |  | 1,234.57 | 49.4 % |
        | \(n)林业产品 | 未核算（无输入） |  |  | – |  |
        | 调节服务 |  |  |  | 456.38 | 18.3 % |
        | \(n)水源涵养 | water_balance | 2,281,875 | m³ | 456.38 | 18.3 % |
        | \(n)土壤保持 | usle | 0 | t | 0.00 | 0.0 % |
        | \(n)固碳 | 未计入（已关闭） |  |  | – |  |
        | 文化服务 |  |  |  | 809.06 | 32.4 % |
        | \(n)休闲旅游 | travel_cost | 100,000 | visit | 809.06 | 32.4 % |
        | 各项服务合计 |  |  |  | 2,500.00 | 100.0 % |
        | \(n)减：区外输入 区外调水 | water_supply | 617,250 | m³ | -123.45 |  |
        | 区外输入扣减 |  |  |  | -123.45 |  |
        | 生态产品总值（GEP） |  |  |  | 2,376.55 |  |

        ## 按生态系统类型（万元）

        | 生态系统类型 | 价值（万元） | 占比 |
        | --- | ---: | ---: |
        | 常绿阔叶林 | 300.00 | 12.0 % |
        | 针叶林 | 156.38 | 6.3 % |
        | 灌丛 | 0.00 | 0.0 % |
        | 水田 | 1,000.00 | 40.0 % |
        | 旱地 | 234.57 | 9.4 % |
        | 全域（不分类型） | 809.06 | 32.4 % |

        ## 生态资产存量（不计入GEP）

        | 资产 | 实物量 | 单位 | 价值（万元） |
        | --- | ---: | --- | ---: |
        | 林木蓄积\\|活立木 · 针叶林 | 50,000 | m³ | 12,345.68 |
        | 合计 |  |  | 12,345.68 |

        ## “两山”指标

        | 指标 | 数值 |
        | --- | ---: |
        | GEP与GDP之比 | 0.13 |
        | 单位面积GEP | 25.02 万元/km² |
        | 人均GEP | 0.05 万元/人 |
        | 调节服务占比 | 18.3 % |
        | 产水量 | 1.23 亿m³ |

        ## 说明

        - water_conservation: runoff floored at 0 for water

        """
        #expect(AccountMarkdown.render(TestAccount.account, language: .zh) == expected)
    }

    @Test func englishMarkdownUsesEnglishLabelsAndTheSameFigures() {
        let markdown = AccountReport.render(TestAccount.account, format: .markdown, language: .en)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# Test County gross ecosystem product (GEP), 2023")
        #expect(lines.contains("- GEP total: 0.24 亿元 (10⁸ CNY)"))
        #expect(lines.contains("| Service | Method | Physical quantity | Unit | Value (万元) | Share |"))
        #expect(lines.contains("| \u{00A0}\u{00A0}Water conservation | water_balance | 2,281,875 | m³ | 456.38 | 18.3 % |"))
        #expect(lines.contains("| \u{00A0}\u{00A0}less import: Water transferred in | water_supply | 617,250 | m³ | -123.45 |  |"))
        #expect(lines.contains("| Standing timber, \"live\" stock · Coniferous forest | 50,000 | m³ | 12,345.68 |"))
        #expect(lines.contains("| Water yield | 1.23 亿 m³ (10⁸ m³) |"))
        #expect(lines.contains("## Notes"))
        #expect(!markdown.contains("生态"))
    }

    @Test func assetTotalIsTheSumOfEveryAsset() {
        var account = TestAccount.account
        account.assets.append(TestAccount.line(.forestryProducts, "bamboo_stock", "竹林蓄积", "Bamboo stock", .bambooForest, 2_000, "m3",
                                               price: "price.bamboo_stock"))
        account.assetValues.append(1_000_000)
        // 123,456,789 + 1,000,000 = 124,456,789 CNY = 12,445.6789 万元
        let lines = AccountMarkdown.render(account, language: .en).split(separator: "\n").map(String.init)
        #expect(lines.contains("| Bamboo stock · Bamboo forest | 2,000 | m³ | 100.00 |"))
        #expect(lines.contains("| Total |  |  | 12,445.68 |"))
    }
}
