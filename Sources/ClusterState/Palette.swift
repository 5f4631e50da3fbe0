import ClusterGrid
import ClusterModel

/// Where a palette entry goes when chosen (issue 24).
package enum PaletteTarget: Sendable, Hashable {
    /// A main-screen action of the key map, as if its key were pressed.
    case action(KeyAction)
    /// A custom action of the config file, by name.
    case custom(String)
    /// Switch to this context.
    case context(String)
    /// Select this node in the nodes pane.
    case node(String)
    /// Select this instance in the instances pane.
    case instance(EntityKey)
    /// Apply this filter to the focused pane.
    case filter(String)
}

/// One line of the palette: what it is, what it is called, what it does.
package struct PaletteEntry: Sendable, Equatable {
    package var target: PaletteTarget
    /// The kind word shown first and typed to narrow: `action`, `ctx`, `node`, `inst`, `filter`.
    package var kind: String
    package var title: String
    /// The bound key (actions), the URL (contexts), the health (nodes).
    package var detail: String
    package var key: String?

    package init(target: PaletteTarget, kind: String, title: String, detail: String = "", key: String? = nil) {
        self.target = target; self.kind = kind; self.title = title; self.detail = detail; self.key = key
    }
}

/// An entry the palette may list, with its title folded once for `FuzzyMatch`.
package struct PaletteCandidate: Sendable, Equatable {
    package var entry: PaletteEntry
    package var folded: [UInt8]

    package init(_ entry: PaletteEntry, folded: [UInt8]) { self.entry = entry; self.folded = folded }
}

/// The `:` command palette: the typed text, the entries it matches (best
/// first) and the one the cursor is on. The matching is `PaletteFlow`'s.
package struct Palette: Sendable, Equatable {
    package var text = ""
    package var matches: [PaletteEntry] = []
    /// Every fuzzy candidate (all but instances), made when the palette
    /// opened: a key only scores them (at S2, a thousand nodes).
    package var pool: [PaletteCandidate] = []
    /// What the last queries found: typing on searches within it.
    package var memory = PaletteMemory()
    package var cursor = TableCursor()
    /// The most entries shown for one query.
    package static let limit = 200

    package init() {}

    package var selected: PaletteEntry? {
        matches.indices.contains(cursor.selected) ? matches[cursor.selected] : nil
    }
}

/// The instances a palette query found, in name order, over one list.
package struct InstanceHits: Sendable, Equatable {
    /// The folded fragment searched for.
    package var needle: [UInt8]
    /// The rows holding it: every one when `complete`, else the first found.
    package var rows: [Int]
    package var complete: Bool
    /// The list's name order it was found over (a new list: search again).
    package var order: [Int]

    package init(needle: [UInt8], rows: [Int], complete: Bool, order: [Int]) {
        self.needle = needle; self.rows = rows; self.complete = complete; self.order = order
    }

    package static func == (a: InstanceHits, b: InstanceHits) -> Bool {
        a.needle == b.needle && a.complete == b.complete && a.rows == b.rows && a.order.sharesStorage(with: b.order)
    }
}

/// What the palette's last queries found, so that a key searches within it
/// instead of everything again.
package struct PaletteMemory: Sendable, Equatable {
    /// The last instance searches: typing on narrows within them and
    /// Backspace finds its answer there, instead of scanning every row again.
    package var instances: [InstanceHits] = []
    /// The last fuzzy queries' matches, newest last: typing on scores only
    /// those of the query it extends; Backspace finds its answer here.
    package var fuzzy: [FuzzyHits] = []

    package init() {}
}

/// The pool candidates a fuzzy query matched, by their place in the pool.
/// A query that starts with this one can match no others: a subsequence of
/// more bytes is only found where its first bytes were.
package struct FuzzyHits: Sendable, Equatable {
    /// The kind the query was narrowed to (nil: every kind).
    package var kind: String?
    package var query: [UInt8]
    /// Places in the pool, best first.
    package var ranked: [Int]

    package init(kind: String?, query: [UInt8], ranked: [Int]) {
        self.kind = kind; self.query = query; self.ranked = ranked
    }
}
