extension Array {
    /// Whether `self` and `other` are one storage — one is a copy of the
    /// other and neither changed since — in O(1), unlike `==`. Used to tell
    /// "the very list on screen" from an equal-looking one (issue 6: caches
    /// and precomputed diffs are valid only for the list they were made
    /// from). Two empty arrays count as one.
    public func sharesStorage(with other: [Element]) -> Bool {
        guard count == other.count else { return false }
        if isEmpty { return true }
        return withUnsafeBufferPointer { $0.baseAddress } == other.withUnsafeBufferPointer { $0.baseAddress }
    }
}
