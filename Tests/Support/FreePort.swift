import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket bound to 127.0.0.1 on a port the kernel picks.
public enum LoopbackSocket {
    /// The socket and its port; with `listening` it also listens.
    public static func bound(listening: Bool) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TmuxError(description: "socket() failed: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, len) == 0 else { return -1 }
                return getsockname(fd, pointer, &len)
            }
        }
        guard bound == 0, !listening || listen(fd, 16) == 0 else {
            close(fd)
            throw TmuxError(description: "bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        return (fd, Int(UInt16(bigEndian: addr.sin_port)))
    }
}

/// Finds a TCP port on 127.0.0.1 that was free a moment ago, for a server
/// that must come back at the same address after a restart.
public enum FreePort {
    /// A port that was free a moment ago: bind port 0 on 127.0.0.1, read it, close.
    public static func find() throws -> Int {
        let (fd, port) = try LoopbackSocket.bound(listening: false)
        close(fd)
        return port
    }
}
