/// The order names are sorted in everywhere (issue 19): bytes compared
/// like `memcmp`, except that runs of digits compare by their value, so
/// `agent-7` comes before `agent-14` and `worker-2` before `worker-10`;
/// then the shorter first. One function for the dashboard's tables and the
/// CLI's.
public enum NaturalOrder {
    /// -1, 0 or 1.
    @inlinable
    public static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let x = a[i], y = b[j]
            if isDigit(x), isDigit(y) {
                // Skip leading zeros, then the longer run is the larger number, then digit by digit.
                while i < a.count - 1, a[i] == 48, isDigit(a[i + 1]) { i += 1 }
                while j < b.count - 1, b[j] == 48, isDigit(b[j + 1]) { j += 1 }
                var ei = i, ej = j
                while ei < a.count, isDigit(a[ei]) { ei += 1 }
                while ej < b.count, isDigit(b[ej]) { ej += 1 }
                if ei - i != ej - j { return ei - i < ej - j ? -1 : 1 }
                while i < ei {
                    if a[i] != b[j] { return a[i] < b[j] ? -1 : 1 }
                    i += 1; j += 1
                }
                continue
            }
            if x != y { return x < y ? -1 : 1 }
            i += 1; j += 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// The same for two strings (their UTF-8 bytes).
    public static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in compare(x, y) } }
    }

    /// `a` sorts before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    @inlinable @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
}
