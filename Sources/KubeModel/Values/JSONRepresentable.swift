public import KubeJSON

/// A value with a JSON form: how typed model fields are read from and written into the JSON-preserving
/// objects of ``KubeJSON``.
public protocol JSONRepresentable: Sendable {
    /// Reads the value from its JSON form.
    /// - Throws: ``FieldError`` when `json` has the wrong shape; `field` is left empty for the caller to fill in.
    init(json: JSONValue) throws(FieldError)
    /// The JSON form.
    var json: JSONValue { get }
}

extension String: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) {
        guard case .string(let s) = json else { throw FieldError.wrongType(expected: "string", got: json) }
        self = s
    }
    public var json: JSONValue { .string(self) }
}

extension Bool: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) {
        guard case .bool(let b) = json else { throw FieldError.wrongType(expected: "boolean", got: json) }
        self = b
    }
    public var json: JSONValue { .bool(self) }
}

extension Int64: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) {
        guard let i = json.int64Value else { throw FieldError.wrongType(expected: "integer", got: json) }
        self = i
    }
    public var json: JSONValue { .int(self) }
}

extension Int: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) {
        guard let i = json.int64Value else { throw FieldError.wrongType(expected: "integer", got: json) }
        self = Int(i)
    }
    public var json: JSONValue { .int(Int64(self)) }
}

extension Int32: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) {
        guard let i = json.int64Value, let narrow = Int32(exactly: i) else {
            throw FieldError.wrongType(expected: "int32", got: json)
        }
        self = narrow
    }
    public var json: JSONValue { .int(Int64(self)) }
}

extension Double: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) {
        guard let d = json.doubleValue else { throw FieldError.wrongType(expected: "number", got: json) }
        self = d
    }
    public var json: JSONValue {
        if let exact = Int64(exactly: self) { return .int(exact) }
        return .number(JSONNumber(self))
    }
}

extension JSONValue: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) { self = json }
    public var json: JSONValue { self }
}

extension Array: JSONRepresentable where Element: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) {
        guard case .array(let elements) = json else { throw FieldError.wrongType(expected: "array", got: json) }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                result.append(try Element(json: element))
            } catch {
                throw error.under("[\(index)]")
            }
        }
        self = result
    }
    public var json: JSONValue { .array(self.map(\.json)) }
}

extension Dictionary: JSONRepresentable where Key == String, Value: JSONRepresentable {
    public init(json: JSONValue) throws(FieldError) {
        guard case .object(let object) = json else { throw FieldError.wrongType(expected: "object", got: json) }
        var result: [String: Value] = [:]
        result.reserveCapacity(object.count)
        for member in object {
            do {
                result[member.key] = try Value(json: member.value)
            } catch {
                throw error.under(member.key)
            }
        }
        self = result
    }
    /// Keys sorted, as Go writes maps.
    public var json: JSONValue {
        var object = JSONObject(minimumCapacity: self.count)
        for key in self.keys.sorted() { object.appendUnchecked(key: key, value: self[key]!.json) }
        return .object(object)
    }
}
