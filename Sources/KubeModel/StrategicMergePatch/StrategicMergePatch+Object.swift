import KubeJSON

extension StrategicMergePatch {
    /// Merges `patch` into `original`, an object whose fields `schema` describes.
    static func mergeObject(
        _ original: JSONObject,
        patch: JSONObject,
        schema: StrategicMergeSchema
    ) throws(StrategicMergePatchError) -> JSONObject {
        if let directive = patch[Self.patchDirective] {
            switch directive {
            case .string("replace"):
                var replacement = patch
                replacement.removeValue(forKey: Self.patchDirective)
                return replacement
            case .string("delete"):
                return JSONObject()
            default:
                throw StrategicMergePatchError.unknownPatchDirective(directive).under(Self.patchDirective)
            }
        }

        var result = IndexedMembers(original)
        var patch = IndexedMembers(patch)
        if let retainKeys = patch.removeValue(forKey: Self.retainKeysDirective) {
            try Self.applyRetainKeys(retainKeys, patch: patch, to: &result)
        }
        try Self.applySetElementOrder(to: &result, patch: &patch, schema: schema)

        for member in patch.members {
            var key = member.key
            var isDeleteList = false
            if key.hasPrefix(Self.deleteFromPrimitiveListPrefix) {
                let target = try Self.directiveTarget(of: key, prefix: Self.deleteFromPrimitiveListPrefix)
                isDeleteList = true
                if !target.isEmpty { key = target }
            }
            let patchValue = member.value
            if patchValue.isNull {
                result.removeValue(forKey: key)
                continue
            }
            guard let current = result[key], ElementKind(current) == ElementKind(patchValue) else {
                // New to the object, or of another type: the patch value is taken as it is.
                if !isDeleteList { result[key] = Self.insertionValue(patchValue) }
                continue
            }
            let field = schema[field: key]
            do {
                switch (current, patchValue) {
                case (.object(let currentObject), .object(let patchObject)):
                    if field.strategy == .replace {
                        result[key] = patchValue
                    } else {
                        result[key] = .object(try Self.mergeObject(currentObject, patch: patchObject, schema: field))
                    }
                case (.array(let currentList), .array(let patchList)):
                    if field.strategy == .merge || isDeleteList {
                        let merged = try Self.mergeList(
                            currentList,
                            patch: patchList,
                            schema: field,
                            isDeleteList: isDeleteList
                        )
                        result[key] = .array(merged)
                    } else {
                        result[key] = patchValue
                    }
                default:
                    result[key] = patchValue
                }
            } catch {
                throw error.under(member.key)
            }
        }
        return result.object
    }

    /// `$retainKeys`: drops the members of `result` the list does not name, after checking that every member the
    /// patch sets is named.
    static func applyRetainKeys(
        _ directive: JSONValue,
        patch: IndexedMembers,
        to result: inout IndexedMembers
    ) throws(StrategicMergePatchError) {
        guard case .array(let names) = directive else {
            throw StrategicMergePatchError(
                kind: .malformedPatch,
                field: Self.retainKeysDirective,
                message: "invalid patch format of retainKeys: expected a list of field names, got \(directive.typeName)"
            )
        }
        let retained = Set(names)
        for member in patch.members where !member.value.isNull {
            if member.key.hasPrefix(Self.deleteFromPrimitiveListPrefix) || member.key.hasPrefix(Self.setElementOrderPrefix) {
                continue
            }
            guard retained.contains(.string(member.key)) else {
                throw StrategicMergePatchError(
                    kind: .malformedPatch,
                    field: Self.retainKeysDirective,
                    message: "invalid patch format of retainKeys: the patch sets \"\(member.key)\", which is not listed"
                )
            }
        }
        for key in result.keys where !retained.contains(.string(key)) {
            result.removeValue(forKey: key)
        }
    }
}
