import Foundation

/// Readings of another process from `/proc`: CPU time and resident memory.
enum ProcessStats {
    /// User + system CPU seconds used so far by `pid` (fields 14 and 15 of `/proc/PID/stat`).
    static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command name: field 3 is state, so utime (14) is index 11.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / ticks
    }

    /// A `kB` line of `/proc/PID/status` (`VmRSS`, `VmHWM`) in megabytes.
    static func memoryMB(_ pid: Int32, field: String = "VmRSS") -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let number = line.split(separator: " ").dropFirst().first { Double($0) != nil }
            return number.flatMap { Double($0) }.map { $0 / 1024 }
        }
        return nil
    }

    /// `pid` itself when it runs `name`, else its child that does (setsid may fork).
    static func resolve(_ pid: Int32, name: String) -> Int32 {
        if comm(pid) == name { return pid }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let child = Int32(entry),
                  let text = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8),
                  let close = text.lastIndex(of: ")") else { continue }
            let fields = text[text.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == pid, comm(child) == name { return child }
        }
        return pid
    }

    static func comm(_ pid: Int32) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// An error of the benchmark harness itself, with operator-facing text.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
