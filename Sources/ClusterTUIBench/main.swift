import ClusterModel
import ClusterApp
import ClusterCLI
import ClusterGrid
import ClusterRuntime
import ClusterState
import ClusterTerminal
import ClusterViews
import Foundation

// clustertui-bench: the figures of BENCHMARKS.md at S1 (50 nodes / 2,000
// instances) and S2 (1,000 / 100,000). Usage: clustertui-bench [--json] [--quick]
// Run in release: `swift build -c release && swift run -c release clustertui-bench`.

let arguments = Array(CommandLine.arguments.dropFirst())
let options = BenchOptions(arguments)
if options.help {
    print("""
        usage: clustertui-bench [--json] [--quick] | --soak MINUTES [--restart-every SECONDS]
          --json   one JSON object on stdout
          --quick  a shorter run (< 3 min)
          --soak   the dashboard against serve at S1 for MINUTES, the server restarted
                   every SECONDS (default 180), writes sent all along (not for CI)
        """)
    exit(0)
}
if let minutes = options.soakMinutes {
    do {
        let dir = NSTemporaryDirectory() + "clustertui-soak-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let soak = Soak(minutes: minutes, restartEvery: options.restartEvery) {
            FileHandle.standardError.write(Data(("· " + $0 + "\n").utf8))
        }
        let figures = try soak.run(command: try Bench.dashboardCommand(log: soak.log), directory: dir)
        print(Soak.table(figures, minutes: minutes))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("clustertui-bench: \(error)\n".utf8))
        exit(1)
    }
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
