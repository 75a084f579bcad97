import Testing
import GEPCore
import GEPReport

/// The account as aligned terminal text, zh and en, against tables laid out by hand.
///
/// Column widths were counted on paper (CJK characters and full-width punctuation take two
/// columns; `–`, `²`, `³`, `·`, `→` one), cells padded to them, columns joined by two spaces,
/// trailing spaces dropped. See `TestAccount` for how every figure follows from the lines.
@Suite struct AccountTableTests {
    @Test func chineseTableShowsEveryFigureInItsColumn() {
        let expected = """
        试验县 2023年生态产品总值（GEP）核算
        价格基准：当年价（2023年）；价格指数 test_cpi
        系数集：national → test
        GEP 合计：0.24 亿元

        按服务（万元）
        服务                     方法                 实物量  单位   价值（万元）     占比
        ──────────────────────────────────────────────────────────────────────────────────
        物质产品                                                         1,234.57   49.4 %
          农业产品               market_value         见明细             1,234.57   49.4 %
          林业产品               未核算（无输入）                               –
        调节服务                                                           456.38   18.3 %
          水源涵养               water_balance     2,281,875  m³           456.38   18.3 %
          土壤保持               usle                      0  t              0.00    0.0 %
          固碳                   未计入（已关闭）                               –
        文化服务                                                           809.06   32.4 %
          休闲旅游               travel_cost         100,000  visit        809.06   32.4 %
        各项服务合计                                                     2,500.00  100.0 %
          减：区外输入 区外调水  water_supply        617,250  m³          -123.45
        区外输入扣减                                                      -123.45
        生态产品总值（GEP）                                              2,376.55

        按生态系统类型（万元）
        生态系统类型      价值（万元）    占比
        ──────────────────────────────────────
        常绿阔叶林              300.00  12.0 %
        针叶林                  156.38   6.3 %
        灌丛                      0.00   0.0 %
        水田                  1,000.00  40.0 %
        旱地                    234.57   9.4 %
        全域（不分类型）        809.06  32.4 %

        生态资产存量（不计入GEP）
        资产                      实物量  单位  价值（万元）
        ────────────────────────────────────────────────────
        林木蓄积|活立木 · 针叶林  50,000  m³       12,345.68
        合计                                       12,345.68

        “两山”指标
        指标                    数值
        ────────────────────────────
        GEP与GDP之比            0.13
        单位面积GEP   25.02 万元/km²
        人均GEP         0.05 万元/人
        调节服务占比          18.3 %
        产水量             1.23 亿m³

        说明
          - water_conservation: runoff floored at 0 for water

        """
        #expect(AccountTable.render(TestAccount.account, language: .zh) == expected)
    }

    @Test func englishTableShowsEveryFigureInItsColumn() {
        let expected = """
        Test County gross ecosystem product (GEP), 2023
        Price basis: current prices (2023); price index test_cpi
        Coefficient sets: national → test
        GEP total: 0.24 亿元 (10⁸ CNY)

        By service (万元 = 10⁴ CNY)
        Service                              Method                    Physical quantity  Unit   Value (万元)    Share
        ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
        Provisioning services                                                                        1,234.57   49.4 %
          Agricultural products              market_value                      see lines             1,234.57   49.4 %
          Forestry products                  not accounted (no input)                                       –
        Regulating services                                                                            456.38   18.3 %
          Water conservation                 water_balance                     2,281,875  m³           456.38   18.3 %
          Soil retention                     usle                                      0  t              0.00    0.0 %
          Carbon sequestration               off (switched off)                                             –
        Cultural services                                                                              809.06   32.4 %
          Recreation and tourism             travel_cost                         100,000  visit        809.06   32.4 %
        Sum of services                                                                              2,500.00  100.0 %
          less import: Water transferred in  water_supply                        617,250  m³          -123.45
        Import netting                                                                                -123.45
        Gross ecosystem product (GEP)                                                                2,376.55

        By ecosystem type (万元)
        Ecosystem type              Value (万元)   Share
        ────────────────────────────────────────────────
        Evergreen broadleaf forest        300.00  12.0 %
        Coniferous forest                 156.38   6.3 %
        Shrubland                           0.00   0.0 %
        Paddy field                     1,000.00  40.0 %
        Dry farmland                      234.57   9.4 %
        County-wide (not by type)         809.06  32.4 %

        Ecological assets: stocks, not added to GEP
        Asset                                              Quantity  Unit  Value (万元)
        ───────────────────────────────────────────────────────────────────────────────
        Standing timber, "live" stock · Coniferous forest    50,000  m³       12,345.68
        Total                                                                 12,345.68

        Two-mountains indicators
        Indicator                       Value
        ─────────────────────────────────────
        GEP / GDP                        0.13
        GEP per km²            25.02 万元/km²
        GEP per capita       0.05 万元/person
        Regulating share               18.3 %
        Water yield       1.23 亿 m³ (10⁸ m³)

        Notes
          - water_conservation: runoff floored at 0 for water

        """
        #expect(AccountTable.render(TestAccount.account, language: .en) == expected)
    }

    @Test func reportDispatchesTableToTheTableRenderer() {
        #expect(AccountReport.render(TestAccount.account, format: .table, language: .en) == AccountTable.render(TestAccount.account, language: .en))
    }
}
