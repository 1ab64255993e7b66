public import KubeJSON

extension ApplySchema {
    /// The schema of a custom resource from its CRD version's `openAPIV3Schema`: `properties`,
    /// `additionalProperties` and `items` are followed; `x-kubernetes-list-type` (`atomic`, the default, `set` or
    /// `map` with `x-kubernetes-list-map-keys`) and `x-kubernetes-map-type: atomic` are honoured;
    /// `x-kubernetes-embedded-resource` objects get ObjectMeta's lists under `metadata`, as the root does.
    public static func customResource(openAPIV3Schema: JSONValue) -> ApplySchema {
        Self.fromOpenAPI(openAPIV3Schema, embeddedResource: true)
    }

    private static func fromOpenAPI(_ schema: JSONValue, embeddedResource: Bool) -> ApplySchema {
        var properties: [String: ApplySchema] = [:]
        if case .object(let declared)? = schema["properties"] {
            for member in declared {
                let embedded = member.value["x-kubernetes-embedded-resource"]?.boolValue == true
                properties[member.key] = Self.fromOpenAPI(member.value, embeddedResource: embedded)
            }
        }
        if embeddedResource {
            properties["metadata"] = .objectMeta
        }
        var additional: ApplySchema?
        switch schema["additionalProperties"] {
        case .object(let object)?:
            let embedded = object["x-kubernetes-embedded-resource"]?.boolValue == true
            additional = Self.fromOpenAPI(.object(object), embeddedResource: embedded)
        case .bool(true)?:
            additional = .untypedDeduced
        default:
            additional = nil
        }
        var items: ApplySchema?
        if let itemSchema = schema["items"], itemSchema.objectValue != nil {
            let embedded = itemSchema["x-kubernetes-embedded-resource"]?.boolValue == true
            items = Self.fromOpenAPI(itemSchema, embeddedResource: embedded)
        }
        let listType: ListType
        switch schema["x-kubernetes-list-type"]?.stringValue {
        case "set"?:
            listType = .set
        case "map"?:
            let keys = (schema["x-kubernetes-list-map-keys"]?.arrayValue ?? []).compactMap(\.stringValue)
            listType = keys.isEmpty ? .atomic : .map(keys: keys)
        default:
            listType = .atomic
        }
        return ApplySchema(
            listType: listType,
            isAtomicObject: schema["x-kubernetes-map-type"]?.stringValue == "atomic",
            properties: properties,
            additionalProperties: additional,
            items: items,
            unlistedFieldsAreDeclared: false
        )
    }
}
