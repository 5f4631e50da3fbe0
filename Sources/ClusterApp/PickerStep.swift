import ClusterGrid

/// Where a picker's selection goes on a movement key: one up or down, five
/// for a page, the ends on Home/End, always inside `0..<count`. Shared by
/// the rebind form and the bulk form.
package enum PickerStep {
    package static func next(from current: Int, _ key: Key, count: Int) -> Int {
        let next: Int = switch key {
        case .up: current - 1
        case .down: current + 1
        case .pageUp: current - 5
        case .pageDown: current + 5
        case .home: 0
        default: count - 1
        }
        return min(max(0, next), count - 1)
    }
}
