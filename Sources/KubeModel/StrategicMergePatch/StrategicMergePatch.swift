public import KubeJSON

/// Kubernetes strategic merge patch (`application/strategic-merge-patch+json`), as kube-apiserver applies it.
///
/// Objects merge key by key and `null` deletes a key. Lists follow the field's ``StrategicMergeSchema``: lists
/// tagged `patchStrategy:"merge"` merge element by element (by merge key for objects, as a set for primitives),
/// every other list is replaced. The directives `$patch` (`replace`, `delete`), `$retainKeys`,
/// `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` are honoured.
///
/// Members keep their place: keys already in the object stay where they are, new keys are appended in patch order.
/// Merged lists are ordered as kube-apiserver orders them: elements named in the patch take the patch's relative
/// order and are interleaved with the live-only elements, which keep their relative order; an element that is new
/// goes before the live-only elements that follow it (see ``apply(patch:to:schema:)``).
public enum StrategicMergePatch {
    /// Applies `patch` to `original` and returns the patched document; `original` is not changed.
    ///
    /// - Parameters:
    ///   - patch: the patch, a JSON object (`null` patches nothing).
    ///   - original: the live object, a JSON object (`null` counts as `{}`).
    ///   - schema: the kind's schema, from ``StrategicMergeSchema/builtIn(apiVersion:kind:)``.
    /// - Throws: ``StrategicMergePatchError`` naming the offending field, e.g.
    ///   `spec.template.spec.containers[1]: does not contain declared merge key "name"`.
    ///
    /// Where kube-apiserver's patch result keeps things that its later conversion to a typed object drops, so does
    /// this one: `null` members inside a list or object that replaces a value wholesale, and directive keys such as
    /// `$setElementOrder/...` inside values that are added rather than merged.
    public static func apply(
        patch: JSONValue,
        to original: JSONValue,
        schema: StrategicMergeSchema
    ) throws(StrategicMergePatchError) -> JSONValue {
        let originalObject: JSONObject
        switch original {
        case .object(let object): originalObject = object
        case .null: originalObject = JSONObject()
        default:
            throw StrategicMergePatchError(
                kind: .malformedPatch,
                message: "invalid JSON document: the object to patch is a \(original.typeName)"
            )
        }
        switch patch {
        case .null:
            return original
        case .object(let patchObject):
            return .object(try Self.mergeObject(originalObject, patch: patchObject, schema: schema))
        default:
            throw StrategicMergePatchError(
                kind: .malformedPatch,
                message: "invalid JSON document: a strategic merge patch must be an object, got \(patch.typeName)"
            )
        }
    }
}

extension StrategicMergePatch {
    static let patchDirective = "$patch"
    static let retainKeysDirective = "$retainKeys"
    static let setElementOrderPrefix = "$setElementOrder"
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList"

    /// The list a `$setElementOrder/<name>` or `$deleteFromPrimitiveList/<name>` key applies to.
    static func directiveTarget(of key: String, prefix: String) throws(StrategicMergePatchError) -> String {
        guard let slash = key.firstIndex(of: "/"), key[..<slash] == prefix else {
            let what = prefix == Self.setElementOrderPrefix ? "setElementOrder list" : "primitive list"
            throw StrategicMergePatchError(kind: .malformedPatch, field: key, message: "invalid patch format of \(what)")
        }
        return String(key[key.index(after: slash)...])
    }

    /// The value a patch member takes when it is not merged into anything: `null` members of objects are dropped,
    /// and objects carrying `$patch` are left out. `nil` when the value itself carries `$patch`.
    static func insertionValue(_ value: JSONValue) -> JSONValue? {
        Self.removingDirectives(Self.discardingNulls(value))
    }

    static func discardingNulls(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var cleaned = JSONObject(minimumCapacity: object.count)
            for member in object where !member.value.isNull {
                cleaned.appendUnchecked(key: member.key, value: Self.discardingNulls(member.value))
            }
            return .object(cleaned)
        case .array(let elements):
            return .array(elements.map(Self.discardingNulls))
        default:
            return value
        }
    }

    /// Drops every object that carries a `$patch` directive; `nil` when `value` is such an object.
    static func removingDirectives(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .object(let object):
            if object[Self.patchDirective] != nil { return nil }
            var cleaned = JSONObject(minimumCapacity: object.count)
            for member in object {
                if let kept = Self.removingDirectives(member.value) {
                    cleaned.appendUnchecked(key: member.key, value: kept)
                }
            }
            return .object(cleaned)
        case .array(let elements):
            return .array(elements.compactMap(Self.removingDirectives))
        default:
            return value
        }
    }
}
