import Foundation

/// Case folding and byte search shared by the filter's row-by-row path, its
/// search index, the dashboard's prepared text records and its fast sort
/// keys, so all agree byte for byte: the one case-folding function.
///
/// ASCII is folded byte-wise without allocating; any other text goes
/// through `String.lowercased()`. A needle is folded the same way.
public enum TextFolding {
    @inlinable @inline(__always) public static func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    /// Lower-cased UTF-8 of `s`.
    static func lowered(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        appendLowered(s, to: &out)
        return out
    }

    static func loweredString(_ s: String) -> String { String(decoding: lowered(s), as: UTF8.self) }

    /// Appends the lower-cased UTF-8 of `s` (ASCII byte-wise, no allocation).
    @inlinable
    public static func appendLowered(_ s: String, to out: inout [UInt8]) {
        var s = s
        let ascii: Bool = s.withUTF8 { buf in
            for b in buf where b >= 0x80 { return false }
            for b in buf { out.append(fold(b)) }
            return true
        }
        if !ascii { out.append(contentsOf: s.lowercased().utf8) }
    }

    /// Whether `haystack`, folded, contains the already-folded `needle`.
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        var h = haystack
        let result: Bool? = h.withUTF8 { buf in
            for b in buf where b >= 0x80 { return nil }
            return needle.withUnsafeBufferPointer { find(buf, 0, buf.count, $0, folding: true) }
        }
        if let result { return result }
        let low = lowered(haystack)
        return low.withUnsafeBufferPointer { hb in needle.withUnsafeBufferPointer { find(hb, 0, hb.count, $0, folding: false) } }
    }

    /// Naive search of `n` in `h[lo..<hi]`; with `folding` the haystack bytes
    /// are ASCII-folded on the fly. Field values are short, so this beats
    /// anything cleverer.
    @inline(__always)
    static func find(
        _ h: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ n: UnsafeBufferPointer<UInt8>, folding: Bool
    ) -> Bool {
        let m = n.count
        if m == 0 { return true }
        if hi - lo < m { return false }
        let first = n[0]
        var p = lo
        let last = hi - m
        while p <= last {
            let b = folding ? fold(h[p]) : h[p]
            if b == first {
                var k = 1
                while k < m, (folding ? fold(h[p + k]) : h[p + k]) == n[k] { k += 1 }
                if k == m { return true }
            }
            p += 1
        }
        return false
    }

    /// Exact equality of `s`, folded, with the folded `value`.
    static func equals(_ s: String, _ value: [UInt8]) -> Bool {
        var s = s
        let r: Bool? = s.withUTF8 { buf in
            for b in buf where b >= 0x80 { return nil }
            guard buf.count == value.count else { return false }
            for i in 0..<buf.count where fold(buf[i]) != value[i] { return false }
            return true
        }
        return r ?? (lowered(s) == value)
    }
}
