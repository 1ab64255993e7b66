import KubeJSON

/// Decodes protobuf messages of ``ProtobufSchema`` into the JSON that Go's `encoding/json` writes for the
/// structs `k8s.io/api` decodes them into.
struct ProtobufJSONDecoder {
    /// How deeply messages may nest.
    static let maximumDepth = 64

    /// The messages nested fields refer to, by full name.
    let messages: [String: ProtobufMessage]

    /// A decoder for the messages of `messages` (by default the built-in kinds' schema).
    init(messages: [String: ProtobufMessage] = ProtobufSchema.messagesByName) {
        self.messages = messages
    }

    /// The members of `message` decoded from `bytes`, in Go field order.
    func decode(
        _ message: ProtobufMessage,
        from bytes: ArraySlice<UInt8>,
        depth: Int = 0
    ) throws(ProtobufDecodingError) -> JSONObject {
        guard depth < Self.maximumDepth else {
            throw ProtobufDecodingError(
                .nestingTooDeep,
                "proto: messages nested deeper than \(Self.maximumDepth) levels in \(message.name)"
            )
        }
        var values = [ProtobufFieldValues](repeating: .absent, count: message.fields.count)
        var reader = ProtobufReader(bytes)
        while !reader.isAtEnd {
            let key = try reader.readKey()
            guard let index = message.fieldIndexByNumber[key.fieldNumber] else {
                try reader.skipValue(of: key)
                continue
            }
            let field = message.fields[index]
            guard field.accepts(key.wireType) else {
                let fieldName = field.jsonName.isEmpty ? "#\(field.number)" : "\(field.jsonName) (\(field.number))"
                throw ProtobufDecodingError(
                    .wrongWireType,
                    "proto: wrong wireType = \(key.wireType.rawValue) for field \(fieldName) of \(message.name)"
                )
            }
            try self.read(field, wireType: key.wireType, from: &reader, into: &values[index], depth: depth)
        }
        var object = JSONObject(minimumCapacity: message.fields.count)
        for (index, field) in message.fields.enumerated() {
            try self.write(field, values[index], into: &object, depth: depth)
        }
        return object
    }

    // MARK: Reading

    private func read(
        _ field: ProtobufField,
        wireType: ProtobufWireType,
        from reader: inout ProtobufReader,
        into values: inout ProtobufFieldValues,
        depth: Int
    ) throws(ProtobufDecodingError) {
        switch field.shape {
        case .single:
            if field.type.isStruct {
                let encoding = try reader.readLengthDelimited()
                if case .encoded(var encodings) = values, !field.type.replacesOnRepeat {
                    encodings.append(encoding)
                    values = .encoded(encodings)
                } else {
                    values = .encoded([encoding])
                }
            } else {
                values = .scalar(try self.readScalar(field.type, from: &reader, depth: depth))
            }
        case .repeated:
            var elements: [JSONValue]
            if case .list(let existing) = values { elements = existing } else { elements = [] }
            if wireType == .lengthDelimited && field.type.wireType == .varint {
                var packed = ProtobufReader(try reader.readLengthDelimited())
                while !packed.isAtEnd {
                    elements.append(try self.readScalar(field.type, from: &packed, depth: depth))
                }
            } else {
                elements.append(try self.readScalar(field.type, from: &reader, depth: depth))
            }
            values = .list(elements)
        case .map:
            var entries: [(key: String, value: JSONValue)]
            if case .entries(let existing) = values { entries = existing } else { entries = [] }
            entries.append(try self.readMapEntry(field, from: try reader.readLengthDelimited(), depth: depth))
            values = .entries(entries)
        }
    }

    /// Reads one value of `type` (for a struct type, one encoding of it).
    private func readScalar(
        _ type: ProtobufFieldType,
        from reader: inout ProtobufReader,
        depth: Int
    ) throws(ProtobufDecodingError) -> JSONValue {
        switch type {
        case .bool: return .bool(try reader.readVarint() != 0)
        case .int32: return .int(Int64(Int32(truncatingIfNeeded: try reader.readVarint())))
        case .int64: return .int(Int64(bitPattern: try reader.readVarint()))
        case .string: return .string(Self.string(try reader.readLengthDelimited()))
        case .bytes: return .string(Base64.encode(try reader.readLengthDelimited()))
        case .time, .microTime, .quantity, .intOrString, .fieldsV1, .rawExtension, .message:
            return try self.value(type, encodedAs: [try reader.readLengthDelimited()], depth: depth)
        }
    }

    /// One `{1: key, 2: value}` map entry; a missing key or value is its zero value.
    private func readMapEntry(
        _ field: ProtobufField,
        from bytes: ArraySlice<UInt8>,
        depth: Int
    ) throws(ProtobufDecodingError) -> (key: String, value: JSONValue) {
        var reader = ProtobufReader(bytes)
        var key = ""
        var value: ProtobufFieldValues = .absent
        while !reader.isAtEnd {
            let entryKey = try reader.readKey()
            switch entryKey.fieldNumber {
            case 1:
                guard entryKey.wireType == .lengthDelimited else {
                    throw Self.wrongWireType(entryKey, "key of map \(field.jsonName)")
                }
                key = Self.string(try reader.readLengthDelimited())
            case 2:
                guard entryKey.wireType == field.type.wireType else {
                    throw Self.wrongWireType(entryKey, "value of map \(field.jsonName)")
                }
                if field.type.isStruct {
                    value = .encoded([try reader.readLengthDelimited()])
                } else {
                    value = .scalar(try self.readScalar(field.type, from: &reader, depth: depth))
                }
            default:
                try reader.skipValue(of: entryKey)
            }
        }
        switch value {
        case .scalar(let scalar):
            return (key, scalar)
        case .encoded(let encodings):
            return (key, try self.value(field.type, encodedAs: encodings, depth: depth))
        default:
            // Go's generated code starts a map value at `""`, `[]byte{}` or an empty struct.
            switch field.type {
            case .string, .bytes: return (key, .string(""))
            default: return (key, try self.value(field.type, encodedAs: [], depth: depth))
            }
        }
    }

    // MARK: Writing

    private func write(
        _ field: ProtobufField,
        _ values: ProtobufFieldValues,
        into object: inout JSONObject,
        depth: Int
    ) throws(ProtobufDecodingError) {
        switch values {
        case .list(let elements) where elements.isEmpty:
            // An empty packed list leaves the Go slice nil.
            try self.writeAbsent(field, into: &object, depth: depth)
        case .list(let elements):
            object.appendUnchecked(key: field.jsonName, value: .array(elements))
        case .entries(let entries):
            var members: [String: JSONValue] = [:]
            for entry in entries { members[entry.key] = entry.value }
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var map = JSONObject(minimumCapacity: keys.count)
            for key in keys { map.appendUnchecked(key: key, value: members[key] ?? .null) }
            object.appendUnchecked(key: field.jsonName, value: .object(map))
        case .scalar(let scalar):
            switch field.presence {
            case .omitEmpty, .omitZero:
                if !Self.isZero(scalar) { object.appendUnchecked(key: field.jsonName, value: scalar) }
            case .always, .optional, .nullable, .inline:
                object.appendUnchecked(key: field.jsonName, value: scalar)
            }
        case .encoded(let encodings):
            let value = try self.value(field.type, encodedAs: encodings, depth: depth)
            try self.writeStruct(field, value, into: &object, depth: depth)
        case .absent:
            try self.writeAbsent(field, into: &object, depth: depth)
        }
    }

    /// A struct-typed value that was on the wire.
    private func writeStruct(
        _ field: ProtobufField,
        _ value: JSONValue,
        into object: inout JSONObject,
        depth: Int
    ) throws(ProtobufDecodingError) {
        switch field.presence {
        case .inline:
            guard case .object(let members) = value else { return }
            for member in members where object[member.key] == nil {
                object.appendUnchecked(key: member.key, value: member.value)
            }
        case .omitZero:
            let zero = try self.value(field.type, encodedAs: [], depth: depth)
            if value != zero { object.appendUnchecked(key: field.jsonName, value: value) }
        case .omitEmpty, .always, .optional, .nullable:
            object.appendUnchecked(key: field.jsonName, value: value)
        }
    }

    /// A field that was not on the wire: the Go zero value, written as `encoding/json` would.
    private func writeAbsent(
        _ field: ProtobufField,
        into object: inout JSONObject,
        depth: Int
    ) throws(ProtobufDecodingError) {
        switch (field.shape, field.presence) {
        case (_, .optional), (.repeated, .omitEmpty), (.map, .omitEmpty), (_, .omitZero):
            return
        case (.repeated, _), (.map, _), (.single, .nullable):
            object.appendUnchecked(key: field.jsonName, value: .null)
        case (.single, .omitEmpty), (.single, .always), (.single, .inline):
            switch field.type {
            case .string:
                if field.presence == .always { object.appendUnchecked(key: field.jsonName, value: .string("")) }
            case .bool:
                if field.presence == .always { object.appendUnchecked(key: field.jsonName, value: .bool(false)) }
            case .int32, .int64:
                if field.presence == .always { object.appendUnchecked(key: field.jsonName, value: .int(0)) }
            case .bytes:
                if field.presence == .always { object.appendUnchecked(key: field.jsonName, value: .null) }
            case .time, .microTime, .quantity, .intOrString, .fieldsV1, .rawExtension, .message:
                let value = try self.value(field.type, encodedAs: [], depth: depth)
                try self.writeStruct(field, value, into: &object, depth: depth)
            }
        }
    }

    // MARK: Struct values

    /// The JSON of a struct-typed value from its encodings (none: the zero value).
    private func value(
        _ type: ProtobufFieldType,
        encodedAs encodings: [ArraySlice<UInt8>],
        depth: Int
    ) throws(ProtobufDecodingError) -> JSONValue {
        let bytes: ArraySlice<UInt8> = encodings.count == 1 ? encodings[0] : ArraySlice(encodings.joined())
        switch type {
        case .message(let name):
            guard let message = self.messages[name] else {
                throw ProtobufDecodingError(.unknownKind, "proto: no schema for message \(name)")
            }
            return .object(try self.decode(message, from: bytes, depth: depth + 1))
        case .time:
            return try ProtobufWellKnownValues.time(bytes, microseconds: false)
        case .microTime:
            return try ProtobufWellKnownValues.time(bytes, microseconds: true)
        case .quantity:
            return try ProtobufWellKnownValues.quantity(bytes)
        case .intOrString:
            return try ProtobufWellKnownValues.intOrString(bytes)
        case .fieldsV1, .rawExtension:
            return try ProtobufWellKnownValues.embeddedJSON(bytes)
        case .string:
            return .string(Self.string(bytes))
        case .bytes:
            return .string(Base64.encode(bytes))
        case .bool, .int32, .int64:
            guard !bytes.isEmpty else { return Self.zeroScalar(type) }
            var reader = ProtobufReader(bytes)
            return try self.readScalar(type, from: &reader, depth: depth)
        }
    }

    // MARK: Helpers

    /// Go's conversion of arbitrary bytes to a string, as `encoding/json` then writes it (invalid UTF-8
    /// becomes U+FFFD).
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func zeroScalar(_ type: ProtobufFieldType) -> JSONValue {
        type == .bool ? .bool(false) : .int(0)
    }

    /// `omitempty`'s notion of empty for a scalar.
    private static func isZero(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let string): string.isEmpty
        case .bool(let bool): !bool
        case .int(let int): int == 0
        case .null: true
        default: false
        }
    }

    private static func wrongWireType(_ key: ProtobufFieldKey, _ what: String) -> ProtobufDecodingError {
        ProtobufDecodingError(.wrongWireType, "proto: wrong wireType = \(key.wireType.rawValue) for \(what)")
    }
}
