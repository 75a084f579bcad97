import Foundation

/// The command line of `gep-bench`.
struct BenchOptions {
    /// Only cases whose id matches this regular expression run.
    var filter: NSRegularExpression?
    /// Most timed samples per case.
    var iterations = 200
    /// Most untimed warm-up runs per case (fewer when they exceed a quarter of `minTime`).
    var warmup = 10
    /// Aim for this many seconds of timed samples per case (at least `minSamples` samples).
    var minTime = 2.0
    /// `text` or `json`.
    var format = "text"
    /// A previous `--format json` output to compare medians against.
    var compare: String?
    /// Percent slowdown of a median that fails `--compare`.
    var threshold = 5.0
    /// Grid sizes of the in-memory kernel cases.
    var sizes = GridSize.defaults
    /// The thread count of the "all threads" cases.
    var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Few iterations for smoke runs.
    var quick = false
    /// Adds the 20,000 × 10,000 streaming case.
    var big = false
    /// Runs the numpy + GDAL script beside the end-to-end case.
    var numpy = false

    /// Fewest timed samples per case when `iterations` allows.
    var minSamples: Int { min(5, iterations) }

    static let usage = """
    OVERVIEW: Time gep's county account, per-cell grid kernels and end-to-end grid runs.

    USAGE: swift run -c release gep-bench [options]

    OPTIONS:
      --filter <regex>        Run only cases whose id matches (e.g. 'kernel\\.water').
      --sizes <list>          Kernel grid sizes, e.g. 256,1024,1600,4096 or 2000x1000
                              (columns x rows). (default: 256,1024,1600,4096)
      --threads <n>           Threads of the all-thread cases. (default: active cores)
      --iterations <n>        Most timed samples per case. (default: 200)
      --warmup <n>            Most warm-up runs per case. (default: 10)
      --min-time <seconds>    Timed seconds to aim for per case. (default: 2)
      --quick                 Smoke run: 3 samples, 1 warm-up, sizes 256,1024.
      --big                   Add stream.20000x10000 (procedural bands; peak RSS must
                              stay under 2 GB), run last.
      --numpy                 Also run Benchmarks/reference/water_yield_numpy.py
                              (/usr/bin/python3 with numpy and GDAL) on the 1600x1600
                              LZW files and print gep/numpy side by side.
      --format <format>       text or json. (default: text)
      --compare <file>        Compare medians with a previous --format json output;
                              exit 2 when one is slower by more than --threshold.
      --threshold <percent>   (default: 5)
      --allow-debug-build     Time a debug build anyway.
      -h, --help              Show help information.

    """

    /// Parses `arguments` (without the program name); `nil` after printing help.
    static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions? {
        var options = BenchOptions()
        var explicitSizes = false, explicitIterations = false, explicitWarmup = false, explicitMinTime = false
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            func value() throws(UsageError) -> String {
                guard let value = rest.popFirst() else { throw UsageError("missing value for '\(flag)'") }
                return value
            }
            func number(_ text: String) throws(UsageError) -> Double {
                guard let number = Double(text), number.isFinite, number >= 0 else { throw UsageError("'\(text)' is not a number ≥ 0 for '\(flag)'") }
                return number
            }
            switch flag {
            case "-h", "--help": return nil
            case "--allow-debug-build": continue
            case "--quick": options.quick = true
            case "--big": options.big = true
            case "--numpy": options.numpy = true
            case "--filter":
                let pattern = try value()
                guard let regex = try? NSRegularExpression(pattern: pattern) else { throw UsageError("invalid regular expression '\(pattern)'") }
                options.filter = regex
            case "--sizes":
                options.sizes = try GridSize.parseList(try value())
                explicitSizes = true
            case "--threads": options.threads = max(1, Int(try number(try value())))
            case "--iterations":
                options.iterations = max(1, Int(try number(try value())))
                explicitIterations = true
            case "--warmup":
                options.warmup = Int(try number(try value()))
                explicitWarmup = true
            case "--min-time":
                options.minTime = try number(try value())
                explicitMinTime = true
            case "--format":
                options.format = try value()
                guard ["text", "json"].contains(options.format) else { throw UsageError("unknown format '\(options.format)' (text, json)") }
            case "--compare": options.compare = try value()
            case "--threshold": options.threshold = try number(try value().replacingOccurrences(of: "%", with: ""))
            default:
                throw UsageError(flag.hasPrefix("-") ? "unknown option '\(flag)'" : "unexpected argument '\(flag)'")
            }
        }
        if options.quick {
            if !explicitSizes { options.sizes = [GridSize(columns: 256, rows: 256), GridSize(columns: 1024, rows: 1024)] }
            if !explicitIterations { options.iterations = 3 }
            if !explicitWarmup { options.warmup = 1 }
            if !explicitMinTime { options.minTime = 0 }
        }
        return options
    }

    /// Whether the case `id` passes `--filter`.
    func selects(_ id: String) -> Bool {
        guard let filter else { return true }
        return filter.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
    }
}

/// A command-line mistake: printed with the usage, exit 64.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
