import ClusterClient
import ClusterModel
import ClusterApp
import ClusterCLI
import ClusterGrid
import ClusterRuntime
import ClusterState
import ClusterTerminal
import ClusterViews
import Foundation

/// The S2 instance poll from a compressing server (issue 14), through the
/// dashboard's own HTTP client (`ClusterHTTPClient`: Accept-Encoding, the
/// inflating pipeline, the body limit, the digest and the decode on the
/// low-priority lane) against the real `serve`: bytes on the wire, and the
/// changed-poll pipeline with inflating in it.
enum CompressedPoll {
    struct Figures {
        /// Bytes from the server for one instance poll: status line, headers, gzipped body.
        var wireBytes = 0.0
        /// Per run: fetch (wire + inflate + digest + decode) + prepare + swap + render.
        var pipeline: [Double] = []
        var fetch: [Double] = []
    }

    /// `serve` must be listening at `url`; `proxy` relays to it and counts bytes.
    static func measure(
        _ probe: inout DashboardBenchProbe, url: String, proxy: CountingProxy, token: String, runs: Int
    ) throws -> Figures {
        var figures = Figures()
        let direct = try client(url, token: token)
        let counted = try client("http://127.0.0.1:\(proxy.port)", token: token)
        defer { blocking { await direct.shutdown(); await counted.shutdown() } }
        // The first gzipped reply makes the server compress (then cached per state): not timed.
        _ = try blocking { try await direct.reader.instances(unlessUnchangedFrom: nil) }
        proxy.startCounting()
        _ = try blocking { try await counted.reader.instances(unlessUnchangedFrom: nil) }
        figures.wireBytes = Double(proxy.bytesDown)
        for _ in 0..<runs {
            let t0 = InProcess.clock.now
            let fetched = try blocking { try await direct.reader.instances(unlessUnchangedFrom: nil) }
            let t1 = InProcess.clock.now
            probe.instances(BenchPreparedInstances.prepare(fetched, after: probe.shownInstances))
            _ = probe.render()
            let t2 = InProcess.clock.now
            figures.pipeline.append(InProcess.ms(t2 - t0))
            figures.fetch.append(InProcess.ms(t1 - t0))
            probe.waitForBackgroundRelease()
        }
        return figures
    }

    static func client(_ url: String, token: String) throws -> ClusterHTTPClient {
        guard let base = URL(string: url) else { throw BenchError("bad URL \(url)") }
        return try ClusterHTTPClient(ClientConfiguration(baseURL: base, token: token, requestTimeout: 120))
    }
}

/// Runs async work from the bench's synchronous code and waits for it.
func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = BlockingBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw BenchError("async work ended without a result") }
    return try result.get()
}

func blocking(_ work: @escaping @Sendable () async -> Void) {
    _ = try? blocking { () async throws -> Int in await work(); return 0 }
}

/// The result of one `blocking` call, handed between threads.
private final class BlockingBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
