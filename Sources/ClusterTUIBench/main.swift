import ClusterModel
import ClusterTUI
import Foundation

// clustertui-bench: the figures of DESIGN §5 at S1 (50 nodes / 2,000
// instances) and S2 (1,000 / 100,000). Usage: clustertui-bench [--json] [--quick]
// Run in release: `swift build -c release && swift run -c release clustertui-bench`.

let arguments = Array(CommandLine.arguments.dropFirst())
let options = BenchOptions(arguments)
if options.help {
    print("usage: clustertui-bench [--json] [--quick]\n  --json   one JSON object on stdout\n  --quick  a shorter run (< 3 min)")
    exit(0)
}
do {
    let report = try Bench(options: options).run()
    if options.json {
        // The table goes to stderr too, so one run gives both.
        FileHandle.standardError.write(Data((report.table() + "\n").utf8))
        print(report.json())
    } else {
        print(report.table())
    }
} catch {
    FileHandle.standardError.write(Data("clustertui-bench: \(error)\n".utf8))
    exit(1)
}
