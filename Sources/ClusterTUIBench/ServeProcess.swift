import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `clustertui serve --demo` child at one scale, its URL and token file.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let url: String
    let port: Int
    let tokenFile: String

    init(binary: String, nodes: Int, instances: Int, directory: String) throws {
        tokenFile = directory + "/token-\(nodes)-\(instances)"
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "serve", "--demo", "--demo-nodes", "\(nodes)", "--demo-instances", "\(instances)",
            "--token-file", tokenFile, "--port", "0",
        ]
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = directory
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = ""
        let deadline = Date().addingTimeInterval(180)
        while !line.contains("\n"), Date() < deadline {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            line += String(decoding: data, as: UTF8.self)
        }
        guard let range = line.range(of: "http://"),
              let text = line[range.lowerBound...].split(separator: "\n").first else {
            process.terminate()
            throw BenchError("serve did not print its address: \(line)")
        }
        url = String(text)
        port = Int(url.split(separator: ":").last ?? "") ?? 0
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
        if process.isRunning { process.interrupt() }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// The result of one URLSession request, handed between threads.
private final class FetchBox: @unchecked Sendable {
    var data: Data?
    var status = 0
    var error: String?
}
