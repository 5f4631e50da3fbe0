import Foundation

/// Node names that do not name one node (issue 20): listed more than once
/// in an overview, or carrying bytes that were not valid UTF-8 (decoded as
/// `�`, so two different names may read the same). The screen warns about
/// them, and no plan sends work to them: the server would pick a node we
/// cannot tell apart.
public struct NodeNameProblems: Sendable, Hashable {
    /// Names listed more than once, sorted.
    public private(set) var duplicated: [String] = []
    /// Names that arrived as invalid UTF-8 (they hold U+FFFD), sorted.
    public private(set) var undecodable: [String] = []

    public init(_ nodes: [Node]) {
        var seen = Set<String>(minimumCapacity: nodes.count)
        var twice = Set<String>()
        var bad = Set<String>()
        for node in nodes {
            if !seen.insert(node.name).inserted { twice.insert(node.name) }
            if node.name.unicodeScalars.contains("\u{FFFD}") { bad.insert(node.name) }
        }
        duplicated = twice.sorted()
        undecodable = bad.sorted()
    }

    public var isEmpty: Bool { duplicated.isEmpty && undecodable.isEmpty }

    /// Whether `name` must not be a plan's target.
    public func excludes(_ name: String) -> Bool {
        (!duplicated.isEmpty && duplicated.contains(name)) || name.unicodeScalars.contains("\u{FFFD}")
    }
}
