/// The command palette's matching (issue 24): the query's characters in
/// order anywhere in the text (`wk3` finds `worker-03`), scored so that
/// what an operator means comes first — an exact substring over scattered
/// letters, letters at word starts (`rb` → `rebind`, `ma` → `mark-all`),
/// runs of consecutive letters, and shorter texts. Both sides are folded
/// (`TextFolding`), so the match ignores case.
///
/// Decision: greedy, left to right, with a second try from each later
/// word start, instead of fzf's full dynamic programme: the palette's
/// fuzzy candidates are actions, contexts and nodes (hundreds at most),
/// and this ranks them as `FuzzyMatchTests` expect.
public enum FuzzyMatch {
    /// The folded bytes of `text`, ready for `score`.
    public static func folded(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        TextFolding.appendLowered(text, to: &out)
        return out
    }

    /// How well `query` (folded) matches `text` (folded): nil when its
    /// bytes do not all occur in order; higher is better.
    public static func score(_ query: [UInt8], in text: [UInt8]) -> Int? {
        guard !query.isEmpty else { return 0 }
        guard query.count <= text.count else { return nil }
        var best: Int?
        var start = 0
        while start < text.count {
            if let s = greedy(query, text, from: start) { best = max(best ?? s, s) }
            // Try again from the next word start: `node-b` in `node-a node-b`.
            guard let next = nextWordStart(text, after: start) else { break }
            start = next
        }
        guard var score = best else { return nil }
        if contains(text, query) { score += 20 * query.count }
        return score - text.count / 4
    }

    private static func greedy(_ query: [UInt8], _ text: [UInt8], from start: Int) -> Int? {
        var score = 0, q = 0, previous = -2
        var i = start
        while i < text.count, q < query.count {
            if text[i] == query[q] {
                score += 1
                if i == previous + 1 { score += 5 }
                if isWordStart(text, i) { score += 8 }
                previous = i
                q += 1
            }
            i += 1
        }
        return q == query.count ? score : nil
    }

    private static func isWordStart(_ text: [UInt8], _ i: Int) -> Bool {
        i == 0 || isSeparator(text[i - 1])
    }

    private static func isSeparator(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A || b == 0x2F
    }

    private static func nextWordStart(_ text: [UInt8], after i: Int) -> Int? {
        var j = i + 1
        while j < text.count { if isWordStart(text, j) && !isSeparator(text[j]) { return j }; j += 1 }
        return nil
    }

    private static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= text.count else { return false }
        var i = 0
        while i + needle.count <= text.count {
            if text[i] == needle[0], text[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
