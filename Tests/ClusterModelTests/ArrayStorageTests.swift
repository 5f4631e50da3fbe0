import Testing
import ClusterModel

/// `sharesStorage`: one storage, not equal contents.
@Suite struct ArrayStorageTests {
    @Test func copiesShareAndChangedOrRebuiltArraysDoNot() {
        let a = [1, 2, 3]
        var b = a
        #expect(a.sharesStorage(with: b))
        b[0] = 1  // a write makes b its own copy, even with the same value
        #expect(!a.sharesStorage(with: b))
        #expect(a == b)
        #expect(!a.sharesStorage(with: Array([1, 2, 3])))
        #expect(!a.sharesStorage(with: [1, 2]))
        #expect([Int]().sharesStorage(with: []))
    }
}
