/// A JSON document as a value: the one in-memory shape that JSON and YAML input both decode into.
///
/// Objects keep their members in insertion order (see ``JSONObject``), integers that fit in `Int64` are
/// kept as integers, and every other number keeps its literal text (``JSONNumber``), so that a
/// parse/serialize round trip never drifts.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// An integer literal (no fraction, no exponent) that fits in `Int64`.
    case int(Int64)
    /// Any other number, kept as its literal text.
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// An empty JSON object.
    public static var emptyObject: JSONValue { .object(JSONObject()) }

    /// The name of this value's JSON type, as used in error messages (`object`, `array`, `string`, ...).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// `true` for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The boolean, if this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The integer, if this is an integer or a number literal with an exact integral value in `Int64`
    /// (`3.0` and `1e3` count; `1.5` does not).
    public var int64Value: Int64? {
        switch self {
        case .int(let i): return i
        case .number(let n): return n.exactInt64
        default: return nil
        }
    }

    /// ``int64Value`` as `Int`.
    public var intValue: Int? { self.int64Value.map { Int($0) } }

    /// The number as a `Double`, if this is a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .number(let n): return n.doubleValue
        default: return nil
        }
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// `true` when both values are objects held in the same storage (see ``JSONObject/isKnownIdentical(to:)``):
    /// a copy, or an untouched part of a changed copy. Constant time; `false` says nothing.
    public func isKnownIdentical(to other: JSONValue) -> Bool {
        if case .object(let left) = self, case .object(let right) = other { return left.isKnownIdentical(to: right) }
        return false
    }

    /// The member named `key` when this is an object; `nil` otherwise.
    ///
    /// Setting a member on a non-object turns the value into an object holding just that member, which is
    /// what building a document path by path needs (`doc["metadata"]["labels"]["app"] = "x"`). Setting
    /// `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            if case .object(let o) = self { return o[key] }
            return nil
        }
        set {
            var object: JSONObject
            if case .object(let o) = self {
                object = o
                self = .null  // release the enum's reference so `object` mutates its storage in place
            } else {
                if newValue == nil { return }
                object = JSONObject()
            }
            object[key] = newValue
            self = .object(object)
        }
    }

    /// The element at `index` when this is an array and the index is in range; `nil` otherwise.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }
}

extension JSONValue: Equatable {
    /// Structural equality. Numbers compare by value (`1`, `1.0` and `1e0` are equal), object member order
    /// does not matter, array order does.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.int(let a), .number(let b)), (.number(let b), .int(let a)):
            return ExactDecimal(a) == b.decimal
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}

extension JSONValue: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(ExactDecimal(i))
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o): hasher.combine(o)
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject(minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { self.serializedString() }
}
