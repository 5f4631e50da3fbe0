import ClusterGrid

/// The keys that move the selection of a full-screen list (the fleet, the
/// problems, the alerts, the changes, looking back): written once.
enum ListKeys {
    /// The selection after `key` in a list of `count` rows now at `at`, a
    /// page being `page` rows; `nil` when `key` does not move it.
    static func moved(_ key: Key, at: Int, count: Int, page: Int) -> Int? {
        let last = max(0, count - 1)
        switch key {
        case .up, .char("k"): return max(0, at - 1)
        case .down, .char("j"): return min(last, at + 1)
        case .pageUp: return max(0, at - page)
        case .pageDown: return min(last, at + page)
        case .home: return 0
        case .end: return last
        default: return nil
        }
    }

    /// A page of a full-screen list on a screen `height` rows high.
    static func page(_ height: Int) -> Int { max(1, height - 5) }
}
