import Foundation

/// An optional field of the wire types that is written as `null` when it has
/// no value, as the real API writes it (DECISIONS.md, "Wire fields").
/// Swift's synthesised `Encodable` leaves a `nil` key out instead; with this
/// wrapper a wire type's `encode(to:)` is synthesised, and `WireEncodingTests`
/// fails when a field is left without it or out of `CodingKeys`. Reading
/// stays each type's own `init(from:)`, with its tolerances.
@propertyWrapper
public struct WireNullable<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    /// The field's value; `nil`: unknown.
    public var wrappedValue: Value?
    /// Wraps a field's value.
    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    /// Writes the value, or `null` when it is unknown.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}

/// A timestamp field of the wire types: written as the API writes times
/// (`WireDate.format`, UTC with milliseconds), or `null` when unknown.
@propertyWrapper
public struct WireTime: Encodable, Hashable, Sendable {
    /// The time; `nil`: unknown.
    public var wrappedValue: Date?
    /// Wraps a field's time.
    public init(wrappedValue: Date?) { self.wrappedValue = wrappedValue }

    /// Writes the time in wire form, or `null` when it is unknown.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(WireDate.format(wrappedValue)) } else { try c.encodeNil() }
    }
}
