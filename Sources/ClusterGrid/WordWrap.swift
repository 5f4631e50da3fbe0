/// Text broken into lines of at most a number of terminal columns, at
/// spaces where it can (a word longer than a line is cut), for text read
/// in a box that may be narrower than it (the help at 80 columns).
package enum WordWrap {
    /// - Parameter limit: at most this many lines; the last holds the rest as it is (to be cut where it is drawn).
    package static func lines(_ text: String, width: Int, limit: Int = .max) -> [String] {
        guard width > 0, limit > 0 else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        while lines.count < limit - 1 {
            var used = 0
            var cut = rest.startIndex
            var lastSpace: Substring.Index?
            var overflows = false
            // One pass a line, up to its edge: a 64 KB line wraps in linear time.
            for index in rest.indices {
                // A space just past the edge ends the line too ("alpha beta" in 10, not "alpha").
                if rest[index] == " " { lastSpace = index }
                used += DisplayWidth.of(String(rest[index]))
                if used > width { overflows = true; break }
                cut = rest.index(after: index)
            }
            guard overflows else { break }
            let end = lastSpace.map { $0 > rest.startIndex ? $0 : cut } ?? cut
            guard end > rest.startIndex else { break }
            lines.append(String(rest[..<end]))
            rest = rest[end...].drop { $0 == " " }
        }
        if !rest.isEmpty || lines.isEmpty { lines.append(String(rest)) }
        return lines
    }
}
