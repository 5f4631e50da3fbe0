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
///
/// Decision (issue 6, later): when most rows are candidates (the first
/// letters of a query, a new list under an active filter), rows are not
/// searched one by one; the whole buffer is scanned with `memchr` for the
/// needle's rarest byte (byte counts taken when the records are built)
/// and each hit is checked in place — the memchr-rare-byte idea of
/// ripgrep's `memchr` crate. A hit marks its row and the scan jumps to the
/// next row. The two halves of the buffer are scanned on two cores.
package struct TextRecords: Sendable {
    package let bytes: [UInt8]
    /// Row `r` spans `starts[r]..<starts[r + 1]`.
    package let starts: [Int]
    /// How often each byte value occurs in `bytes`: picks the anchor byte.
    package let byteCounts: [Int]

    package init(_ instances: [Instance]) {
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
        var counts = [Int](repeating: 0, count: 256)
        for b in bytes { counts[Int(b)] += 1 }
        self.bytes = bytes
        self.starts = starts
        self.byteCounts = counts
    }

    package var rowCount: Int { starts.count - 1 }

    private static func append(_ s: String, _ out: inout [UInt8]) {
        TextFolding.appendLowered(s, to: &out)
        out.append(0)
    }

    /// The candidates (in their order) whose record contains every needle
    /// not negated and none of the negated ones: by scanning the whole
    /// buffer when candidates are many, else row by row (both on two cores
    /// for large inputs). Equal answers either way.
    package func filter(_ needles: [FreeTextNeedle], within candidates: [Int]) -> [Int] {
        let rows = rowCount
        if candidates.count >= 4_096, candidates.count * 8 >= rows, !needles.isEmpty {
            let marks = needles.map { rowsContaining($0.bytes) }
            var out: [Int] = []
            out.reserveCapacity(candidates.count)
            candidateLoop: for r in candidates where r >= 0 && r < rows {
                for (n, m) in zip(needles, marks) where (m[r] != 0) == n.negated { continue candidateLoop }
                out.append(r)
            }
            return out
        }
        return AppState.inHalves(candidates) { filterRows(needles, within: $0) }
    }

    /// Per row, 1 when its record contains `needle`: one pass over the
    /// whole buffer, two halves at once.
    package func rowsContaining(_ needle: [UInt8]) -> [UInt8] {
        let rows = rowCount
        var marks = [UInt8](repeating: 0, count: rows)
        guard rows > 0 else { return marks }
        if needle.isEmpty { return [UInt8](repeating: 1, count: rows) }
        // The anchor: the needle's byte that occurs least in all records.
        var anchor = 0
        for k in 1..<needle.count where byteCounts[Int(needle[k])] < byteCounts[Int(needle[anchor])] { anchor = k }
        let mid = rows / 2
        let anchorIndex = anchor
        marks.withUnsafeMutableBufferPointer { m in
            let out = SendableMarks(m)
            let parts = rows >= 20_000 ? [0..<mid, mid..<rows] : [0..<rows]
            DispatchQueue.concurrentPerform(iterations: parts.count) { i in
                scan(needle, anchor: anchorIndex, rows: parts[i], into: out.buffer)
            }
        }
        return marks
    }

    /// Marks the rows in `range` whose record contains `needle`, scanning
    /// for `needle[anchor]` with `memchr` and checking each hit in place.
    private func scan(_ needle: [UInt8], anchor: Int, rows range: Range<Int>, into marks: UnsafeMutableBufferPointer<UInt8>) {
        let m = needle.count
        bytes.withUnsafeBufferPointer { b in
            starts.withUnsafeBufferPointer { s in
                needle.withUnsafeBufferPointer { n in
                    guard let base = b.baseAddress, let nb = n.baseAddress, !range.isEmpty else { return }
                    let a = Int32(n[anchor])
                    let end = s[range.upperBound]
                    var row = range.lowerBound
                    // Needle starts at `from`, its anchor byte at `from + anchor`.
                    var from = s[row]
                    while from + m <= end {
                        let probe = from + anchor
                        guard let hit = memchr(base + probe, a, end - m + anchor + 1 - probe) else { return }
                        let start = UnsafeRawPointer(hit) - UnsafeRawPointer(base) - anchor
                        while s[row + 1] <= start { row += 1 }
                        if start + m <= s[row + 1], memcmp(base + start, nb, m) == 0 {
                            marks[row] = 1
                            row += 1
                            if row >= range.upperBound { return }
                            from = s[row]
                        } else {
                            from = start + 1
                        }
                    }
                }
            }
        }
    }

    /// Row by row: `memchr` for the needle's first byte, `memcmp` for the rest.
    package func filterRows(_ needles: [FreeTextNeedle], within candidates: ArraySlice<Int>) -> [Int] {
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
    package static func contains(_ start: UnsafePointer<UInt8>, _ length: Int, _ needle: [UInt8]) -> Bool {
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

/// A buffer of row marks that the two scanning halves write into, each its own rows.
private struct SendableMarks: @unchecked Sendable {
    package let buffer: UnsafeMutableBufferPointer<UInt8>
    package init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }
}

/// One free-text term, folded, ready for `TextRecords.filter`.
package struct FreeTextNeedle: Sendable {
    package var bytes: [UInt8]
    package var negated: Bool

    package init(bytes: [UInt8], negated: Bool) { self.bytes = bytes; self.negated = negated }
}

extension FilterQuery {
    /// The terms as needles when every one is free text (else `nil`: the
    /// search index answers fielded queries).
    package var freeTextNeedles: [FreeTextNeedle]? {
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
