import KubeJSON
import KubeModel

/// What kube-apiserver does with a custom resource's `openAPIV3Schema` on every write, in its order: prune
/// the fields the schema does not know (unless `x-kubernetes-preserve-unknown-fields`), apply the schema's
/// `default`s, then validate, reporting each problem as a field error in kube's words.
struct StructuralSchemaProcessor {
    /// The version's `openAPIV3Schema`.
    let schema: JSONValue

    /// The outcome of processing one object.
    struct Outcome {
        /// The pruned and defaulted object.
        var object: JSONValue
        /// Paths of the fields pruning removed (`spec.foo`), for `fieldValidation=Strict|Warn`.
        var unknownFields: [String]
        /// Validation failures.
        var errors: [FieldError]
    }

    func process(_ object: JSONValue) -> Outcome {
        var unknown: [String] = []
        var result = object
        if case .object(var root) = object {
            // apiVersion, kind and metadata belong to the API machinery, not to the schema.
            let machinery = ["apiVersion", "kind", "metadata"]
            var body = root
            for key in machinery { body[key] = nil }
            let processed = Self.prune(.object(body), schema: self.schema, path: "", unknown: &unknown, isRoot: true)
            let defaulted = Self.applyDefaults(processed, schema: self.schema)
            if case .object(let processedBody) = defaulted {
                var rebuilt = JSONObject()
                for key in machinery where root[key] != nil { rebuilt.appendUnchecked(key: key, value: root[key]!) }
                for member in processedBody { rebuilt[member.key] = member.value }
                root = rebuilt
            }
            result = .object(root)
        }
        var errors: [FieldError] = []
        if case .object(var body) = result {
            for key in ["apiVersion", "kind", "metadata"] { body[key] = nil }
            Self.validate(.object(body), schema: self.schema, path: "", errors: &errors, isRoot: true)
        }
        return Outcome(object: result, unknownFields: unknown, errors: errors)
    }

    // MARK: - Pruning

    private static func preservesUnknown(_ schema: JSONValue) -> Bool {
        schema["x-kubernetes-preserve-unknown-fields"] == .bool(true)
    }

    private static func prune(
        _ value: JSONValue,
        schema: JSONValue,
        path: String,
        unknown: inout [String],
        isRoot: Bool = false
    ) -> JSONValue {
        if schema["x-kubernetes-embedded-resource"] == .bool(true), case .object = value {
            return value  // an embedded object keeps its own apiVersion/kind/metadata; the rest is pruned below
        }
        switch value {
        case .object(let object):
            let properties = schema["properties"]?.objectValue
            let additional = schema["additionalProperties"]
            var kept = JSONObject(minimumCapacity: object.count)
            for member in object {
                let childPath = Self.join(path, member.key)
                if let property = properties?[member.key] {
                    kept.appendUnchecked(
                        key: member.key,
                        value: Self.prune(member.value, schema: property, path: childPath, unknown: &unknown)
                    )
                } else if let additional, case .object = additional {
                    kept.appendUnchecked(
                        key: member.key,
                        value: Self.prune(member.value, schema: additional, path: childPath, unknown: &unknown)
                    )
                } else if additional == .bool(true) || Self.preservesUnknown(schema) {
                    kept.appendUnchecked(key: member.key, value: member.value)
                } else {
                    unknown.append(childPath)
                }
            }
            return .object(kept)
        case .array(let elements):
            guard let items = schema["items"], case .object = items else { return value }
            return .array(elements.enumerated().map { index, element in
                Self.prune(element, schema: items, path: "\(path)[\(index)]", unknown: &unknown)
            })
        default:
            return value
        }
    }

    // MARK: - Defaulting

    private static func applyDefaults(_ value: JSONValue, schema: JSONValue) -> JSONValue {
        switch value {
        case .object(var object):
            if let properties = schema["properties"]?.objectValue {
                for property in properties {
                    if object[property.key] == nil, let defaultValue = property.value["default"] {
                        object[property.key] = defaultValue
                    }
                }
                for (index, key) in object.keys.enumerated() {
                    if let property = properties[key] {
                        object.updateValue(atIndex: index) { $0 = Self.applyDefaults($0, schema: property) }
                    }
                }
            } else if let additional = schema["additionalProperties"], case .object = additional {
                for index in 0..<object.count {
                    object.updateValue(atIndex: index) { $0 = Self.applyDefaults($0, schema: additional) }
                }
            }
            return .object(object)
        case .array(let elements):
            guard let items = schema["items"], case .object = items else { return value }
            return .array(elements.map { Self.applyDefaults($0, schema: items) })
        default:
            return value
        }
    }

    // MARK: - Validation

    private static func validate(
        _ value: JSONValue,
        schema: JSONValue,
        path: String,
        errors: inout [FieldError],
        isRoot: Bool = false
    ) {
        let field = path.isEmpty ? "<root>" : path
        if value.isNull {
            if schema["nullable"] != .bool(true) && !isRoot {
                errors.append(FieldError(field: field, message: "Invalid value: \"null\": \(field) in body must be of type \(schema["type"]?.stringValue ?? "object"): \"null\""))
            }
            return
        }
        if schema["x-kubernetes-int-or-string"] == .bool(true) {
            switch value {
            case .int, .string: break
            case .number(let number) where number.exactInt64 != nil: break
            default:
                errors.append(FieldError(field: field, message: "Invalid value: \"\(Self.typeName(value))\": \(field) in body must be of type integer-or-string: \"\(Self.typeName(value))\""))
                return
            }
        } else if let type = schema["type"]?.stringValue, !Self.matches(value, type: type) {
            errors.append(
                FieldError(field: field, message: "Invalid value: \"\(Self.typeName(value))\": \(field) in body must be of type \(type): \"\(Self.typeName(value))\"")
            )
            return
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            let list = allowed.map { $0.serializedString() }.joined(separator: ", ")
            errors.append(FieldError(field: field, message: "Unsupported value: \(value.serializedString()): supported values: \(list)"))
        }
        switch value {
        case .object(let object):
            for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[required] == nil {
                errors.append(FieldError(field: Self.join(path, required), message: "Required value"))
            }
            if let maxProperties = schema["maxProperties"]?.intValue, object.count > maxProperties {
                errors.append(FieldError(field: field, message: "Too many: \(object.count): must have at most \(maxProperties) items"))
            }
            if let minProperties = schema["minProperties"]?.intValue, object.count < minProperties {
                errors.append(FieldError(field: field, message: "Invalid value: \(object.count): \(field) in body should have at least \(minProperties) properties"))
            }
            let properties = schema["properties"]?.objectValue
            let additional = schema["additionalProperties"]
            for member in object {
                let childPath = Self.join(path, member.key)
                if let property = properties?[member.key] {
                    Self.validate(member.value, schema: property, path: childPath, errors: &errors)
                } else if let additional, case .object = additional {
                    Self.validate(member.value, schema: additional, path: childPath, errors: &errors)
                }
            }
        case .array(let elements):
            if let maxItems = schema["maxItems"]?.intValue, elements.count > maxItems {
                errors.append(FieldError(field: field, message: "Too many: \(elements.count): must have at most \(maxItems) items"))
            }
            if let minItems = schema["minItems"]?.intValue, elements.count < minItems {
                errors.append(FieldError(field: field, message: "Invalid value: \(elements.count): \(field) in body should have at least \(minItems) items"))
            }
            if schema["uniqueItems"] == .bool(true) || schema["x-kubernetes-list-type"] == "set" {
                var seen: Set<JSONValue> = []
                for (index, element) in elements.enumerated() where !seen.insert(element).inserted {
                    errors.append(FieldError(field: "\(path)[\(index)]", message: "Duplicate value: \(element.serializedString())"))
                }
            }
            if let items = schema["items"], case .object = items {
                for (index, element) in elements.enumerated() {
                    Self.validate(element, schema: items, path: "\(path)[\(index)]", errors: &errors)
                }
            }
        case .string(let text):
            let length = text.count
            if let maxLength = schema["maxLength"]?.intValue, length > maxLength {
                errors.append(FieldError(field: field, message: "Too long: may not be more than \(maxLength) bytes"))
            }
            if let minLength = schema["minLength"]?.intValue, length < minLength {
                errors.append(FieldError(field: field, message: "Invalid value: \"\(text)\": \(field) in body should be at least \(minLength) chars long"))
            }
            if let pattern = schema["pattern"]?.stringValue, let regex = try? Regex(pattern), (try? regex.firstMatch(in: text)) == nil {
                errors.append(FieldError(field: field, message: "Invalid value: \"\(text)\": \(field) in body should match '\(pattern)'"))
            }
        case .int, .number:
            let number = value.doubleValue ?? 0
            if let maximum = schema["maximum"]?.doubleValue {
                let exclusive = schema["exclusiveMaximum"] == .bool(true)
                if exclusive ? number >= maximum : number > maximum {
                    errors.append(FieldError(field: field, message: "Invalid value: \(value.serializedString()): \(field) in body should be less than \(exclusive ? "" : "or equal to ")\(Self.number(maximum))"))
                }
            }
            if let minimum = schema["minimum"]?.doubleValue {
                let exclusive = schema["exclusiveMinimum"] == .bool(true)
                if exclusive ? number <= minimum : number < minimum {
                    errors.append(FieldError(field: field, message: "Invalid value: \(value.serializedString()): \(field) in body should be greater than \(exclusive ? "" : "or equal to ")\(Self.number(minimum))"))
                }
            }
        default:
            break
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool): return true
        case ("integer", .int): return true
        case ("integer", .number(let number)): return number.exactInt64 != nil
        case ("number", .int), ("number", .number): return true
        default: return false
        }
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .int: "integer"
        case .number(let number): number.exactInt64 != nil ? "integer" : "number"
        default: value.typeName
        }
    }

    private static func number(_ value: Double) -> String {
        if let exact = Int64(exactly: value) { return String(exact) }
        return "\(value)"
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
