import Foundation

/// Decodes the body of `GET /api/cluster/instances` about five times faster
/// than `JSONDecoder`, with exactly its result.
///
/// Decision (issue 6): at S2 the list is 23 MB and `JSONDecoder` alone took
/// ~85 % of a changed poll; BENCHMARKS.md allows the whole poll 1.2 × that.
/// The fast path reads the one plain shape the server sends — an object
/// whose `instances` is an array of objects, each key at most once, every
/// known field a string (or `explicit` a bool) or null — straight into
/// `Instance`s, and skips unknown fields after checking their syntax.
/// At the first thing it is not sure of (a key with an escape, a number
/// where a string belongs, a duplicate key, a lone surrogate, invalid
/// UTF-8, a BOM, trailing bytes …) it gives up and `JSONDecoder` decodes
/// the whole body, so odd bodies get `JSONDecoder`'s result and its error
/// text. Tests compare both decoders on the fixtures, on hostile bodies
/// and on thousands of generated and mutated ones.
public enum InstanceListDecoder {
    /// The list, by the fast path when the body is plain, else by `JSONDecoder`.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> InstanceList {
        if let list = decodeIfPlain(bytes) { return list }
        return try JSONDecoder().decode(InstanceList.self, from: Data(bytes))
    }

    public static func decode(_ data: Data) throws -> InstanceList {
        try data.withUnsafeBytes { try decode($0) }
    }

    /// The list when the body has the plain shape, else `nil` (never a
    /// different answer from `JSONDecoder`'s).
    public static func decodeIfPlain(_ bytes: UnsafeRawBufferPointer) -> InstanceList? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var s = PlainJSONScanner(base, count: bytes.count)
        guard s.consume(0x7B) else { return nil }
        var instances: [Instance]?
        if !s.consume(0x7D) {
            repeat {
                guard let key = s.rawKey(), s.consume(0x3A) else { return nil }
                if s.spanEquals(key, "instances") {
                    guard instances == nil, let list = array(&s, sizeHint: bytes.count / 230) else { return nil }
                    instances = list
                } else if !s.skipValue() {
                    return nil
                }
            } while s.consume(0x2C)
            guard s.consume(0x7D) else { return nil }
        }
        s.skipWhitespace()
        guard s.isAtEnd, let instances else { return nil }
        return InstanceList(instances: instances)
    }

    private static func array(_ s: inout PlainJSONScanner, sizeHint: Int) -> [Instance]? {
        guard s.consume(0x5B) else { return nil }
        var out: [Instance] = []
        out.reserveCapacity(sizeHint)
        if s.consume(0x5D) { return out }
        repeat {
            guard let one = instance(&s) else { return nil }
            out.append(one)
        } while s.consume(0x2C)
        return s.consume(0x5D) ? out : nil
    }

    /// The fields of one instance as they are read; bit `k` of `seen` marks field `k`.
    private struct Fields {
        var entityType: String?, entityId: String?, name: String?, subtitle: String?
        var tenantId: String?, tenantSlug: String?, projectId: String?, nodeName: String?
        var mode: String?, explicit: Bool?
        var seen: UInt16 = 0
    }

    /// One object of the array, with `Instance.init(from:)`'s defaults.
    private static func instance(_ s: inout PlainJSONScanner) -> Instance? {
        guard s.consume(0x7B) else { return nil }
        var f = Fields()
        if !s.consume(0x7D) {
            repeat {
                guard let key = s.rawKey(), s.consume(0x3A), field(key, &s, &f) else { return nil }
            } while s.consume(0x2C)
            guard s.consume(0x7D) else { return nil }
        }
        guard let type = f.entityType, let id = f.entityId else { return nil }
        return Instance(
            entityType: EntityType(type), entityId: id, name: f.name ?? id, subtitle: f.subtitle,
            tenantId: f.tenantId, tenantSlug: f.tenantSlug, projectId: f.projectId,
            nodeName: f.nodeName ?? "", mode: f.mode.map { AssignmentMode(rawValue: $0) } ?? .preferred,
            explicit: f.explicit ?? false)
    }

    /// Reads the value of `key` into `f`; `false` when the fast path must give up.
    private static func field(_ key: (start: Int, count: Int), _ s: inout PlainJSONScanner, _ f: inout Fields) -> Bool {
        func mark(_ bit: Int) -> Bool {
            let m: UInt16 = 1 << bit
            if f.seen & m != 0 { return false }
            f.seen |= m
            return true
        }
        /// A string or null (`nil`); anything else gives up (`.none`).
        func text(_ s: inout PlainJSONScanner) -> String?? {
            switch s.peek() {
            case 0x22: return s.string().map { .some($0) }
            case 0x6E: return s.consumeLiteral("null") ? .some(nil) : nil
            default: return nil
            }
        }
        // Dispatch on length and first byte, then compare the whole key.
        let k = key
        switch (k.count, s.base[k.start]) {
        case (10, 0x65) where s.spanEquals(k, "entityType"):
            guard mark(0), case .some(.some(let v)) = text(&s) else { return false }
            f.entityType = v
        case (8, 0x65) where s.spanEquals(k, "entityId"):
            guard mark(1), case .some(.some(let v)) = text(&s) else { return false }
            f.entityId = v
        case (4, 0x6E) where s.spanEquals(k, "name"):
            guard mark(2), case .some(let v) = text(&s) else { return false }
            f.name = v
        case (8, 0x73) where s.spanEquals(k, "subtitle"):
            guard mark(3), case .some(let v) = text(&s) else { return false }
            f.subtitle = v
        case (8, 0x74) where s.spanEquals(k, "tenantId"):
            guard mark(4), case .some(let v) = text(&s) else { return false }
            f.tenantId = v
        case (10, 0x74) where s.spanEquals(k, "tenantSlug"):
            guard mark(5), case .some(let v) = text(&s) else { return false }
            f.tenantSlug = v
        case (9, 0x70) where s.spanEquals(k, "projectId"):
            guard mark(6), case .some(let v) = text(&s) else { return false }
            f.projectId = v
        case (8, 0x6E) where s.spanEquals(k, "nodeName"):
            guard mark(7), case .some(let v) = text(&s) else { return false }
            f.nodeName = v
        case (4, 0x6D) where s.spanEquals(k, "mode"):
            guard mark(8), case .some(let v) = text(&s) else { return false }
            f.mode = v
        case (8, 0x65) where s.spanEquals(k, "explicit"):
            guard mark(9) else { return false }
            switch s.peek() {
            case 0x74: guard s.consumeLiteral("true") else { return false }; f.explicit = true
            case 0x66: guard s.consumeLiteral("false") else { return false }; f.explicit = false
            case 0x6E: guard s.consumeLiteral("null") else { return false }; f.explicit = nil
            default: return false
            }
        default:
            return s.skipValue()
        }
        return true
    }
}
