import ClusterTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `clustertui serve --demo` child at one scale, its URL and token file:
/// the shared test-support `ServeProcess` (one helper for tests and bench,
/// issue 12) plus the bench's raw GETs.
final class BenchServe: @unchecked Sendable {
    let serve: ServeProcess
    let url: String
    let port: Int
    let tokenFile: String

    init(binary: String, nodes: Int, instances: Int, directory: String) throws {
        tokenFile = directory + "/token-\(nodes)-\(instances)"
        // Seeding 100,000 instances takes a while: up to 3 minutes.
        serve = try ServeProcess(
            serveArguments: ["--demo", "--demo-nodes", "\(nodes)", "--demo-instances", "\(instances)",
                             "--token-file", tokenFile, "--port", "0"],
            binary: URL(fileURLWithPath: binary), tokenFile: tokenFile, timeout: 180 / TmuxSession.patience)
        url = serve.url.absoluteString.hasSuffix("/") ? String(serve.url.absoluteString.dropLast()) : serve.url.absoluteString
        port = serve.url.port ?? 0
    }

    /// The token, for the bench's own raw GETs.
    func token() throws -> String {
        try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The raw body of `GET path`, as the dashboard's client receives it.
    func get(_ path: String) throws -> Data {
        guard let target = URL(string: url + path) else { throw BenchError("bad URL \(url + path)") }
        var request = URLRequest(url: target)
        request.setValue("token=\(try token())", forHTTPHeaderField: "Cookie")
        request.timeoutInterval = 300
        let box = FetchBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.data = data
            box.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            box.error = error.map { String(describing: $0) }
            done.signal()
        }.resume()
        done.wait()
        guard box.status == 200, let data = box.data else {
            throw BenchError("GET \(path): status \(box.status) \(box.error ?? "")")
        }
        return data
    }

    func stop() {
        serve.kill(signal: SIGINT)
        if serve.waitForExit(seconds: 5) == nil { serve.stop() }
    }
}

/// The result of one URLSession request, handed between threads.
private final class FetchBox: @unchecked Sendable {
    var data: Data?
    var status = 0
    var error: String?
}
