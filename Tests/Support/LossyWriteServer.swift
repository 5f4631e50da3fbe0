import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 cluster core on raw sockets (127.0.0.1, port 0) that can
/// lose the reply to a write in the ways a real network does: it applies a
/// PUT or DELETE and then closes the connection, resets it (RST), or answers
/// only after the client's time-out; or it drops the write unapplied. Reads
/// (overview) always answer from the state it holds, unless the mode takes
/// the whole server down after the write. Raw sockets because a framework
/// server always answers a request; this one must be able not to.
public final class LossyWriteServer: @unchecked Sendable {
    /// What happens to the first write (later ones are answered normally).
    public enum Mode: String, Sendable, CaseIterable {
        /// Applied, then the connection closed without a reply.
        case applyThenClose
        /// Applied, then the connection reset (RST).
        case applyThenReset
        /// Applied, reply sent after `slowReplySeconds` (past the client's time-out).
        case applyThenSlowReply
        /// Not applied, connection closed without a reply.
        case dropThenClose
        /// Not applied, an answer only after `slowReplySeconds`.
        case dropThenSlowReply
        /// Applied, connection closed, and every later request closed too.
        case applyThenDown
        /// Every request, read or write, closed without a reply.
        case closeEverything
        /// Applied, then answered 500 with a JSON error (the audit write after the assignment failed; issue 20).
        case applyThen500JSON
        /// Applied, then answered 503 with a proxy's HTML page.
        case applyThen503HTML
        /// Applied, then answered 500 with an HTML page.
        case applyThen500HTML
        /// Not applied, answered 500 with a JSON error.
        case dropThen500JSON
    }

    public let mode: Mode
    public let port: Int
    public var url: URL { URL(string: "http://127.0.0.1:\(port)")! }
    public static let slowReplySeconds: UInt32 = 4
    private let listener: Int32
    private let lock = NSLock()
    private var assignments: [String: (type: String, id: String, node: String, mode: String)] = [:]
    private var writesSeen = 0
    private var down = false
    private var stopped = false

    public init(mode: Mode) throws {
        self.mode = mode
        let (fd, port) = try LoopbackSocket.bound(listening: true)
        listener = fd
        self.port = port
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The binding the server holds for `type:id` now, as "node/mode".
    public func binding(_ type: String, _ id: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return assignments["\(type):\(id)"].map { "\($0.node)/\($0.mode)" }
    }

    /// Seeds a binding, as if someone had set it before the test.
    public func seed(_ type: String, _ id: String, node: String, mode: String) {
        lock.lock(); defer { lock.unlock() }
        assignments["\(type):\(id)"] = (type, id, node, mode)
    }

    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if !wasStopped { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            handle(client)
        }
    }

    private func handle(_ fd: Int32) {
        guard let request = readRequest(fd) else { close(fd); return }
        lock.lock()
        let isDown = down
        lock.unlock()
        if isDown || mode == .closeEverything { close(fd); return }
        if request.method == "GET" {
            // The instance list is empty: the entities written exist only as ids.
            reply(fd, 200, request.path.hasSuffix("/instances") ? #"{"instances":[]}"# : overviewJSON())
            return
        }
        lock.lock()
        writesSeen += 1
        let first = writesSeen == 1
        lock.unlock()
        let apply = !first || (mode != .dropThenClose && mode != .dropThenSlowReply && mode != .dropThen500JSON)
        let body = apply ? applyWrite(request) : "{}"
        guard first else { reply(fd, 200, body); return }
        switch mode {
        case .applyThenClose, .dropThenClose, .closeEverything:
            close(fd)
        case .applyThenReset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            close(fd)
        case .applyThenSlowReply, .dropThenSlowReply:
            let delayed = Thread { [self] in
                sleep(Self.slowReplySeconds)
                reply(fd, 200, body)
            }
            delayed.start()
        case .applyThenDown:
            lock.lock(); down = true; lock.unlock()
            close(fd)
        case .applyThen500JSON, .dropThen500JSON:
            reply(fd, 500, #"{"error":"audit write failed"}"#)
        case .applyThen503HTML:
            reply(fd, 503, "<html><body>503 Service Unavailable</body></html>", type: "text/html")
        case .applyThen500HTML:
            reply(fd, 500, "<html><body>Internal Server Error</body></html>", type: "text/html")
        }
    }

    /// Applies a PUT or DELETE to the state; returns the reply body.
    private func applyWrite(_ request: (method: String, path: String, body: String)) -> String {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 6 else { return "{}" }
        let type = String(parts[4]).removingPercentEncoding ?? ""
        let id = String(parts[5]).removingPercentEncoding ?? ""
        let key = "\(type):\(id)"
        lock.lock(); defer { lock.unlock() }
        if request.method == "DELETE" {
            let removed = assignments.removeValue(forKey: key) != nil
            return #"{"removed":\#(removed)}"#
        }
        let fields = (try? JSONSerialization.jsonObject(with: Data(request.body.utf8))) as? [String: Any] ?? [:]
        let node = (fields["nodeName"] as? String ?? "").trimmingCharacters(in: .whitespaces)
        let mode = fields["mode"] as? String == "preferred" ? "preferred" : "strict"
        assignments[key] = (type, id, node, mode)
        return #"{"assignment":\#(assignmentJSON(type, id, node, mode))}"#
    }

    private func assignmentJSON(_ type: String, _ id: String, _ node: String, _ mode: String) -> String {
        #"{"entityType":"\#(type)","entityId":"\#(id)","nodeName":"\#(node)","mode":"\#(mode)","updatedBy":"u_test","updatedAt":"2026-05-18T10:00:00.000Z"}"#
    }

    private func overviewJSON() -> String {
        lock.lock(); defer { lock.unlock() }
        let rows = assignments.values.sorted { $0.id < $1.id }.map { assignmentJSON($0.type, $0.id, $0.node, $0.mode) }
        let nodes = ["node-a", "node-b"].map {
            #"{"name":"\#($0)","role":"all","url":null,"tags":[],"status":"online","lastHeartbeatAt":"2026-05-18T10:00:00.000Z","startedAt":"2026-05-18T09:00:00.000Z","version":"1.0.0","hostname":null,"pid":null}"#
        }
        return #"{"thisNodeName":"node-a","defaultNodeName":"node-a","nodes":[\#(nodes.joined(separator: ","))],"assignments":[\#(rows.joined(separator: ","))]}"#
    }

    private func reply(_ fd: Int32, _ status: Int, _ body: String, type: String = "application/json") {
        let bytes = Array(body.utf8)
        let head = "HTTP/1.1 \(status) X\r\nContent-Type: \(type)\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        let all = Array(head.utf8) + bytes
        var sent = 0
        while sent < all.count {
            let n = all[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
        }
        close(fd)
    }

    /// Reads one request: head up to the blank line, then Content-Length bytes.
    private func readRequest(_ fd: Int32) -> (method: String, path: String, body: String)? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var headEnd: Int?
        var contentLength = 0
        while true {
            if let end = headEnd, data.count >= end + contentLength { break }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 4096, 0) }
            if n <= 0 { return nil }
            data.append(contentsOf: buffer[0..<n])
            if headEnd == nil, let range = findBlankLine(data) {
                headEnd = range
                let head = String(decoding: data[0..<range], as: UTF8.self)
                for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: data[0..<end], as: UTF8.self)
        let first = head.split(separator: "\r\n").first?.split(separator: " ") ?? []
        guard first.count >= 2 else { return nil }
        let body = String(decoding: data[end..<min(data.count, end + contentLength)], as: UTF8.self)
        return (String(first[0]), String(first[1]), body)
    }

    /// The index just past "\r\n\r\n", if the head is complete.
    private func findBlankLine(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for i in 0...(data.count - 4) where data[i] == 13 && data[i + 1] == 10 && data[i + 2] == 13 && data[i + 3] == 10 {
            return i + 4
        }
        return nil
    }
}
