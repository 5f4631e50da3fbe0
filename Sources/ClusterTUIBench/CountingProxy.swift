#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A TCP relay on 127.0.0.1 in front of a `serve`, counting the requests
/// that pass through it by their request line, so the benchmark sees how
/// often one dashboard polls each endpoint. One thread per direction.
final class CountingProxy: @unchecked Sendable {
    private let listener: Int32
    let port: Int
    private let upstreamPort: Int
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    /// When requests of each pattern were seen (one per read that held any).
    private var times: [String: [Date]] = [:]
    private var counting = false
    /// Bytes relayed from the server to the client (headers and body, as on the wire).
    private var down = 0
    private let patterns = ["GET /api/cluster/overview", "GET /api/cluster/instances"]

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else { throw BenchError("proxy cannot listen") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    /// Starts (or restarts) counting from zero.
    func startCounting() { lock.lock(); counts = [:]; times = [:]; down = 0; counting = true; lock.unlock() }

    /// Requests of `pattern` a minute, from the spacing of those seen (a
    /// window's edges cannot round 3.5 requests to 4); nil below two.
    func perMinute(_ pattern: String) -> Double? {
        lock.lock(); defer { lock.unlock() }
        guard let seen = times[pattern], seen.count >= 2, let first = seen.first, let last = seen.last, last > first else { return nil }
        return Double(seen.count - 1) / last.timeIntervalSince(first) * 60
    }
    /// Bytes the server sent the client since `startCounting()`.
    var bytesDown: Int { lock.lock(); defer { lock.unlock() }; return down }

    /// Requests seen since `startCounting`, by "GET path".
    func count(_ pattern: String) -> Int { lock.lock(); defer { lock.unlock() }; return counts[pattern, default: 0] }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            let upstream = connectUpstream()
            if upstream < 0 { close(client); continue }
            Thread { [self] in pump(from: client, to: upstream, counts: true) }.start()
            Thread { [self] in pump(from: upstream, to: client, counts: false) }.start()
        }
    }

    private func connectUpstream() -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(upstreamPort).bigEndian
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if ok != 0 { close(fd); return -1 }
        return fd
    }

    private func pump(from source: Int32, to sink: Int32, counts countsRequests: Bool) {
        var buf = [UInt8](repeating: 0, count: 65536)
        var tail: [UInt8] = []
        while true {
            let n = buf.withUnsafeMutableBytes { read(source, $0.baseAddress, 65536) }
            if n <= 0 { break }
            var sent = 0
            while sent < n {
                let w = buf.withUnsafeBytes { write(sink, $0.baseAddress! + sent, n - sent) }
                if w <= 0 { break }
                sent += w
            }
            if !countsRequests {
                lock.lock()
                if counting { down += n }
                lock.unlock()
            }
            if countsRequests {
                // Keep a short tail so a request line split across reads is still seen once.
                let window = tail + buf[0..<n]
                let text = String(decoding: window, as: UTF8.self)
                lock.lock()
                if counting {
                    for p in patterns {
                        let seen = text.components(separatedBy: p).count - 1
                        let inTail = String(decoding: tail, as: UTF8.self).components(separatedBy: p).count - 1
                        counts[p, default: 0] += seen - inTail
                        if seen > inTail { times[p, default: []].append(Date()) }
                    }
                }
                lock.unlock()
                tail = Array(window.suffix(32))
            }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(sink, Int32(SHUT_RDWR))
        close(source)
    }
}
