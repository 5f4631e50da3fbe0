// swift-tools-version:6.0
import PackageDescription

/// ClusterTUI: a terminal dashboard for a multi-node cluster core.
/// Module map and dependency rules: ARCHITECTURE.md (checked against this
/// file by Tests/ClusterTUITests/ArchitectureTests.swift).

/// How the release executables are linked on Linux (DECISIONS.md, "Release
/// link"): with lld, the Swift runtime and Foundation linked in statically,
/// relative relocations packed (DT_RELR) and no symbol table exported to the
/// dynamic linker. Together they take the dashboard's resident memory at S1
/// from ≈ 36 MB to ≈ 27 MB: no symbol lookups through the shared libraries'
/// tables, no 1 MB relocation table read at start, only the code that runs
/// is paged in. The libraries after `-static-stdlib` are the ones the static
/// Foundation needs that the dynamic module's autolink entries do not name.
/// The functions the dashboard runs while it watches a cluster are placed
/// first and together (`scripts/link/dashboard-functions.txt`, made by
/// `scripts/link/order-functions.sh`): every page of code touched brings in
/// the 64 KB around it, and scattered through 31 MB of code that kept 16 MB
/// resident; together, about 9 (DECISIONS.md, "Release link: the
/// dashboard's functions together"). Names the list lacks link as before.
/// Debug builds (and so `swift test`) link as usual, and so does the bench
/// (its URLSession GETs would need libcurl linked in statically too).
let releaseLinkSettings: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-use-ld=lld", "-static-stdlib",
            "-lFoundationEssentials", "-lFoundationInternationalization", "-lCoreFoundation",
            "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
            "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
            "-Xlinker", "--no-export-dynamic",
            "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/scripts/link/dashboard-functions.txt",
            "-Xlinker", "--no-warn-symbol-ordering",
        ],
        .when(platforms: [.linux], configuration: .release)
    )
]

/// The commit a build comes from, when the builder says (`CLUSTERTUI_COMMIT`,
/// set by scripts/package-deb.sh, scripts/install.sh and .ci/run from
/// `git rev-parse`): compiled into the one C file of `CBuildInfo`, so a new
/// commit recompiles that file and relinks, nothing else. Anything but a
/// short run of letters, digits, `.`, `-` and `+` is ignored
/// (DECISIONS.md, "Version and commit").
let buildCommit: String? = {
    guard let raw = Context.environment["CLUSTERTUI_COMMIT"], !raw.isEmpty, raw.count <= 64 else { return nil }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-+")
    return raw.allSatisfy { allowed.contains($0) } ? raw : nil
}()

/// The other packages' products that several targets use, named once; a
/// product one target uses is named where it is used.
extension Target.Dependency {
    static var asyncHTTPClient: Self { .product(name: "AsyncHTTPClient", package: "async-http-client") }
    static var nioSSL: Self { .product(name: "NIOSSL", package: "swift-nio-ssl") }
    static var compressNIO: Self { .product(name: "CompressNIO", package: "compress-nio") }
    static var hummingbird: Self { .product(name: "Hummingbird", package: "hummingbird") }
    static var hummingbirdTLS: Self { .product(name: "HummingbirdTLS", package: "hummingbird") }
    static var serviceLifecycle: Self { .product(name: "ServiceLifecycle", package: "swift-service-lifecycle") }
}

let package = Package(
    name: "ClusterTUI",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clustertui", targets: ["ClusterTUIMain"]),
        .executable(name: "clustertui-bench", targets: ["ClusterTUIBench"]),
        .library(name: "ClusterModel", targets: ["ClusterModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // gzip for `serve`'s replies (issue 14); the client decodes with AsyncHTTPClient's own.
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(
            name: "CBuildInfo",
            cSettings: buildCommit.map { [.define("CLUSTERTUI_COMMIT", to: "\"\($0)\"")] } ?? []
        ),
        .target(name: "ClusterModel"),
        // Threads and scheduling (the low-priority background lane): kept out
        // of ClusterModel, which has no I/O.
        .target(name: "ClusterSupport", dependencies: ["CMalloc"]),
        .target(
            name: "ClusterClient",
            dependencies: [
                "ClusterModel", "ClusterSupport",
                .asyncHTTPClient, .nioSSL,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // AsyncHTTPClient's decompressor: its errors are mapped to clear messages.
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
        ),
        .target(
            name: "ClusterCore",
            dependencies: [
                "ClusterModel",
                .compressNIO, .hummingbird, .serviceLifecycle,
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The one write engine and the write journal (issue 19), shared by the
        // dashboard and the CLI: no curses, no terminal, no HTTP client of its
        // own (it writes through ClusterModel's protocols).
        .target(name: "ClusterWrites", dependencies: ["ClusterModel"]),
        // The dashboard's layers, each a target so that the compiler keeps
        // every arrow pointing down (issue 19; ARCHITECTURE.md is the map,
        // and ArchitectureTests checks this list against it).
        // Cells, styles, display widths and keys: the screen's vocabulary.
        // ClusterModel for `TextSanitizer`: every text drawn is made safe first.
        .target(name: "ClusterGrid", dependencies: ["ClusterModel"]),
        // Pure state and the derived view model: what views read.
        .target(name: "ClusterState", dependencies: ["ClusterModel", "ClusterWrites", "ClusterGrid", "ClusterSupport", "CBuildInfo"]),
        // `update` and the flows: the only code that changes the state.
        .target(name: "ClusterApp", dependencies: ["ClusterModel", "ClusterWrites", "ClusterGrid", "ClusterState"]),
        // Views lay out the state into a grid; they cannot see the flows.
        .target(name: "ClusterViews", dependencies: ["ClusterModel", "ClusterWrites", "ClusterGrid", "ClusterState"]),
        // Each cluster's recorded history (issue 22): the SQLite store and the recorder.
        // glibc's malloc controls (arenas, trim), for the dashboard's resident memory.
        .systemLibrary(name: "CMalloc"),
        // SQLite's C API for the history store (the system's libsqlite3, which GRDB links too).
        .systemLibrary(name: "CSQLite"),
        .target(name: "ClusterHistory", dependencies: ["ClusterModel", "ClusterSupport", "ClusterWrites", "CSQLite"]),
        // The one code that calls curses.
        .target(name: "ClusterTerminal", dependencies: ["CNcurses", "ClusterGrid", "ClusterModel"]),
        // The loop, its one dispatch path and the effect runner.
        .target(
            name: "ClusterRuntime",
            dependencies: ["ClusterModel", "ClusterWrites", "ClusterGrid", "ClusterState", "ClusterApp", "ClusterViews",
                           "ClusterTerminal", "ClusterSupport", "ClusterHistory"]),
        // The commands (swift-argument-parser): the dashboard, get, plan, apply, doctor, serve…
        .target(
            name: "ClusterCLI",
            dependencies: [
                "ClusterModel", "ClusterWrites", "ClusterGrid", "ClusterState", "ClusterApp", "ClusterViews", "ClusterTerminal",
                "ClusterRuntime", "ClusterSupport", "ClusterClient", "ClusterCore", "ClusterHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ClusterTUIMain", dependencies: ["ClusterCLI", "ClusterSupport"], linkerSettings: releaseLinkSettings),
        // The figures of BENCHMARKS.md (issue 6): `swift run -c release clustertui-bench`.
        .executableTarget(
            name: "ClusterTUIBench",
            dependencies: [
                "ClusterCLI", "ClusterRuntime", "ClusterViews", "ClusterApp", "ClusterState", "ClusterGrid", "ClusterTerminal",
                "ClusterModel", "ClusterSupport", "ClusterCore", "ClusterClient", "ClusterWrites", "ClusterHistory",
                "ClusterTestSupport",
            ]
        ),
        // What the test targets share (issue 12): starting `serve`, the fault
        // servers, tmux sessions, child processes. A library target so that
        // every test target can import it.
        .target(
            name: "ClusterTestSupport",
            dependencies: [
                "ClusterModel", "ClusterClient", "ClusterSupport",
                .compressNIO, .hummingbird, .hummingbirdTLS, .nioSSL, .serviceLifecycle,
            ],
            path: "Tests/Support"
        ),
        .testTarget(name: "ClusterModelTests", dependencies: ["ClusterModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ClusterSupportTests", dependencies: ["ClusterSupport"]),
        .testTarget(name: "ClusterWritesTests", dependencies: ["ClusterWrites", "ClusterModel"]),
        .testTarget(
            name: "ClusterClientTests",
            dependencies: [
                "ClusterModel", "ClusterClient", "ClusterTestSupport",
                .hummingbird, .hummingbirdTLS, .nioSSL, .serviceLifecycle,
            ],
            // TOML files and what Python's tomllib makes of them (scripts/dev/toml-corpus.py), read by path.
            exclude: ["TOMLCorpus"]
        ),
        .testTarget(
            name: "ClusterCoreTests",
            dependencies: [
                "ClusterModel", "ClusterCore", "ClusterClient", "ClusterSupport", "ClusterTestSupport",
                .asyncHTTPClient, .hummingbird, .serviceLifecycle,
            ]
        ),
        .testTarget(
            name: "ClusterTUITests",
            dependencies: [
                "ClusterCLI", "ClusterRuntime", "ClusterViews", "ClusterApp", "ClusterState", "ClusterGrid", "ClusterTerminal",
                "ClusterTUIMain", "ClusterModel", "ClusterCore", "ClusterClient", "ClusterWrites", "ClusterHistory",
                "ClusterTestSupport", "ClusterSupport",
                .hummingbird, .serviceLifecycle,
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
