internal import KubeJSON
internal import KubeModel

/// Builders for the OpenAPI v3 schema objects of the published documents, in kube-apiserver's style:
/// references to other schemas are `allOf: [{$ref}]` next to their description, properties are sorted.
enum OpenAPISchema {
    /// `#/components/schemas/<name>`.
    static func reference(_ name: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(name)")]
    }

    /// An object schema with sorted `properties`, optional `required` members and the kinds it is.
    static func object(
        _ description: String,
        required: [String] = [],
        kinds: [GroupVersionKind] = [],
        _ properties: [(String, JSONValue)]
    ) -> JSONValue {
        var schema = JSONObject()
        schema.appendUnchecked(key: "description", value: .string(description))
        schema.appendUnchecked(key: "type", value: "object")
        if !required.isEmpty { schema.appendUnchecked(key: "required", value: .array(required.map(JSONValue.string))) }
        if !properties.isEmpty {
            var members = JSONObject(properties)
            members.sortKeys()
            schema.appendUnchecked(key: "properties", value: .object(members))
        }
        if !kinds.isEmpty { schema.appendUnchecked(key: "x-kubernetes-group-version-kind", value: Self.kinds(kinds)) }
        return .object(schema)
    }

    /// `x-kubernetes-group-version-kind`: `[{group, kind, version}]`.
    static func kinds(_ kinds: [GroupVersionKind]) -> JSONValue {
        .array(kinds.map { ["group": .string($0.group), "kind": .string($0.kind), "version": .string($0.version)] })
    }

    /// A nested object the catalog does not detail.
    static func opaque(_ description: String) -> JSONValue {
        ["description": .string(description), "type": "object"]
    }

    static func string(_ description: String, format: String? = nil, values: [String] = []) -> JSONValue {
        var schema: JSONObject = ["description": .string(description), "type": "string"]
        if let format { schema["format"] = .string(format) }
        if !values.isEmpty { schema["enum"] = .array(values.map(JSONValue.string)) }
        return .object(schema)
    }

    static func integer(_ description: String, format: String = "int32") -> JSONValue {
        ["description": .string(description), "type": "integer", "format": .string(format)]
    }

    static func boolean(_ description: String) -> JSONValue {
        ["description": .string(description), "type": "boolean"]
    }

    /// A property holding another schema.
    static func ref(_ name: String, _ description: String) -> JSONValue {
        ["description": .string(description), "default": .emptyObject, "allOf": [Self.reference(name)]]
    }

    /// An array of another schema.
    static func array(of name: String, _ description: String) -> JSONValue {
        ["description": .string(description), "type": "array", "items": ["default": .emptyObject, "allOf": [Self.reference(name)]]]
    }

    /// An array of strings.
    static func strings(_ description: String) -> JSONValue {
        ["description": .string(description), "type": "array", "items": ["type": "string", "default": ""]]
    }

    /// A map of strings (`labels`, `data`).
    static func stringMap(_ description: String) -> JSONValue {
        ["description": .string(description), "type": "object", "additionalProperties": ["type": "string", "default": ""]]
    }

    /// A map of another schema (`resources.limits`).
    static func map(of name: String, _ description: String) -> JSONValue {
        ["description": .string(description), "type": "object", "additionalProperties": Self.reference(name)]
    }

    /// Every schema name `value` references, in order of appearance.
    static func references(in value: JSONValue, into names: inout [String]) {
        switch value {
        case .object(let object):
            for member in object {
                if member.key == "$ref", case .string(let target) = member.value,
                    target.hasPrefix("#/components/schemas/")
                {
                    names.append(String(target.dropFirst("#/components/schemas/".count)))
                } else {
                    Self.references(in: member.value, into: &names)
                }
            }
        case .array(let elements):
            for element in elements { Self.references(in: element, into: &names) }
        default:
            break
        }
    }
}
