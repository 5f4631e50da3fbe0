import ClusterModel
import Foundation

/// The free-text half of the filter at 100,000 rows within a frame: every
/// instance's searchable text, folded, in one buffer, searched row by row
/// with `memchr` for the needle's first byte and `memcmp` for the rest.
///
/// Same record and same folding as `InstanceSearchIndex` (`name␀entityId␀
/// subtitle␀tenantSlug␀tenantId␀nodeName␀`, ASCII folded byte-wise, other
/// text through `lowercased()`), so results equal `FilterQuery.matches` for
/// queries made only of free-text terms; fielded queries use the index.
///
/// Decision (issue 6): the index's generic per-row plan costs ~200 ns a row
/// (enum payloads retained per test); typing needs ~50.
struct TextRecords: Sendable {
    let bytes: [UInt8]
    /// Row `r` spans `starts[r]..<starts[r + 1]`.
    let starts: [Int]

    init(_ instances: [Instance]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(instances.count * 80)
        var starts: [Int] = []
        starts.reserveCapacity(instances.count + 1)
        for i in instances {
            starts.append(bytes.count)
            Self.append(i.name, &bytes)
            Self.append(i.entityId, &bytes)
            Self.append(i.subtitle ?? "", &bytes)
            Self.append(i.tenantSlug ?? "", &bytes)
            Self.append(i.tenantId ?? "", &bytes)
            Self.append(i.nodeName, &bytes)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
    }

    private static func append(_ s: String, _ out: inout [UInt8]) {
        var s = s
        let ascii = s.withUTF8 { buf -> Bool in
            for b in buf where b >= 0x80 { return false }
            for b in buf { out.append(b &- 65 < 26 ? b | 0x20 : b) }
            return true
        }
        if !ascii { out.append(contentsOf: s.lowercased().utf8) }
        out.append(0)
    }

    /// The candidates (in their order) whose record contains every needle
    /// not negated and none of the negated ones.
    func filter(_ needles: [FreeTextNeedle], within candidates: ArraySlice<Int>) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(candidates.count)
        let rows = starts.count - 1
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else {
                // No text at all: only empty needles can match.
                if needles.allSatisfy({ $0.bytes.isEmpty != $0.negated }) { out = candidates.filter { $0 >= 0 && $0 < rows } }
                return
            }
            starts.withUnsafeBufferPointer { s in
                rowLoop: for r in candidates where r >= 0 && r < rows {
                    for n in needles where Self.contains(base + s[r], s[r + 1] - s[r], n.bytes) == n.negated {
                        continue rowLoop
                    }
                    out.append(r)
                }
            }
        }
        return out
    }

    @inline(__always)
    static func contains(_ start: UnsafePointer<UInt8>, _ length: Int, _ needle: [UInt8]) -> Bool {
        let m = needle.count
        if m == 0 { return true }
        if length < m { return false }
        return needle.withUnsafeBufferPointer { n in
            let first = Int32(n[0])
            var p = UnsafeRawPointer(start)
            let end = UnsafeRawPointer(start + length - m + 1)
            while p < end {
                guard let hit = memchr(p, first, end - p) else { return false }
                if m == 1 || memcmp(hit + 1, n.baseAddress! + 1, m - 1) == 0 { return true }
                p = UnsafeRawPointer(hit) + 1
            }
            return false
        }
    }
}

/// One free-text term, folded, ready for `TextRecords.filter`.
struct FreeTextNeedle: Sendable {
    var bytes: [UInt8]
    var negated: Bool
}

extension FilterQuery {
    /// The terms as needles when every one is free text (else `nil`: the
    /// search index answers fielded queries).
    var freeTextNeedles: [FreeTextNeedle]? {
        var out: [FreeTextNeedle] = []
        for term in terms {
            guard term.field == nil else { return nil }
            let bytes = Array(term.value.utf8)
            guard !bytes.contains(0) else { return nil }
            out.append(FreeTextNeedle(bytes: bytes, negated: term.negated))
        }
        return out
    }
}
