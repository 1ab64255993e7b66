import KubeJSON

extension StrategicMergePatch {
    /// Merges a list tagged `patchStrategy:"merge"` (or applies a `$deleteFromPrimitiveList` list to one).
    static func mergeList(
        _ original: [JSONValue],
        patch: [JSONValue],
        schema: StrategicMergeSchema,
        isDeleteList: Bool
    ) throws(StrategicMergePatchError) -> [JSONValue] {
        if original.isEmpty && patch.isEmpty { return original }
        let kind = try ElementKind.ofElements(original, patch)
        let mergeKey = schema.mergeKey ?? ""

        let merged: [JSONValue]
        let serverOrder: [JSONValue]
        let patchOrder: [JSONValue]
        if kind != .object {
            if isDeleteList {
                let doomed = Set(patch)
                return original.filter { !doomed.contains($0) }
            }
            // A set: the union, each value once.
            var seen = Set<JSONValue>()
            merged = (original + patch).filter { seen.insert($0).inserted }
            serverOrder = original
            patchOrder = patch
        } else {
            guard !mergeKey.isEmpty else {
                throw StrategicMergePatchError(kind: .mergeFailure, message: "cannot merge lists without merge key")
            }
            let (live, elements) = try Self.applySpecialElements(original, patch: patch, mergeKey: mergeKey)
            merged = try Self.mergeElements(live, patch: elements, mergeKey: mergeKey, schema: schema)
            serverOrder = live
            patchOrder = elements.map { .object($0.element) }
        }

        let (patchItems, serverOnly) = try Self.partition(merged, by: patchOrder, mergeKey: mergeKey)
        return try Self.normalizeOrder(
            patchItems: patchItems,
            serverOnly: serverOnly,
            patchOrder: patchOrder,
            serverOrder: serverOrder,
            mergeKey: mergeKey,
            kind: kind
        )
    }

    /// Handles the list elements that carry `$patch`: `delete` removes every live element with that merge key,
    /// `replace` makes the other patch elements the whole list. Returns the live list to merge into and the plain
    /// patch elements, with their positions in the patch.
    static func applySpecialElements(
        _ original: [JSONValue],
        patch: [JSONValue],
        mergeKey: String
    ) throws(StrategicMergePatchError) -> (live: [JSONValue], elements: [(index: Int, element: JSONObject)]) {
        var live = original
        var plain: [(index: Int, element: JSONObject)] = []
        var replace = false
        // The merge keys `$patch: delete` removes, applied in one pass (one pass per deletion was quadratic).
        var doomed = Set<JSONValue>()
        for (index, value) in patch.enumerated() {
            guard case .object(let element) = value else {
                throw StrategicMergePatchError.wrongType(expected: "object", got: value).under("[\(index)]")
            }
            guard let directive = element[Self.patchDirective] else {
                plain.append((index, element))
                continue
            }
            switch directive {
            case .string("delete"):
                guard let keyValue = element[mergeKey] else {
                    throw StrategicMergePatchError.missingMergeKey(mergeKey).under("[\(index)]")
                }
                doomed.insert(keyValue)
            case .string("replace"):
                // Any further `$patch` elements are still checked.
                replace = true
            case .string("merge"):
                throw StrategicMergePatchError(
                    kind: .mergeFailure,
                    field: "[\(index)]",
                    message: "merging lists cannot yet be specified in the patch"
                )
            default:
                throw StrategicMergePatchError.unknownPatchDirective(directive).under("[\(index)]")
            }
        }
        if !doomed.isEmpty {
            live.removeAll { element in element.objectValue?[mergeKey].map { doomed.contains($0) } ?? false }
        }
        if replace {
            return (plain.map { .object($0.element) }, [])
        }
        return (live, plain)
    }

    /// Merges each patch element into the live element with the same merge key, or appends it.
    static func mergeElements(
        _ live: [JSONValue],
        patch: [(index: Int, element: JSONObject)],
        mergeKey: String,
        schema: StrategicMergeSchema
    ) throws(StrategicMergePatchError) -> [JSONValue] {
        var merged = live
        // The first element with each merge key value (a scan per patch element was quadratic).
        var positions: [JSONValue: Int] = [:]
        for (position, value) in merged.enumerated() {
            if let keyValue = value.objectValue?[mergeKey], positions[keyValue] == nil { positions[keyValue] = position }
        }
        for (index, element) in patch {
            guard let keyValue = element[mergeKey] else {
                throw StrategicMergePatchError.missingMergeKey(mergeKey).under("[\(index)]")
            }
            if let position = positions[keyValue], case .object(let target) = merged[position] {
                do {
                    merged[position] = .object(try Self.mergeObject(target, patch: element, schema: schema))
                } catch {
                    throw error.under("[\(index)]")
                }
            } else {
                positions[keyValue] = merged.count
                merged.append(.object(element))
            }
        }
        return merged
    }

    /// Splits `merged` into the elements `order` names (by merge key, or by value for primitives) and the rest,
    /// keeping their order.
    static func partition(
        _ merged: [JSONValue],
        by order: [JSONValue],
        mergeKey: String
    ) throws(StrategicMergePatchError) -> (named: [JSONValue], others: [JSONValue]) {
        var named: [JSONValue] = []
        var others: [JSONValue] = []
        if mergeKey.isEmpty {
            let members = Set(order)
            for value in merged {
                if members.contains(value) { named.append(value) } else { others.append(value) }
            }
            return (named, others)
        }
        var keys = Set<JSONValue>()
        for value in order {
            guard case .object(let element) = value else {
                throw StrategicMergePatchError.wrongType(expected: "object", got: value)
            }
            if let keyValue = element[mergeKey] { keys.insert(keyValue) }
        }
        for value in merged {
            guard case .object(let element) = value else {
                throw StrategicMergePatchError.wrongType(expected: "object", got: value)
            }
            guard let keyValue = element[mergeKey] else {
                throw StrategicMergePatchError.missingMergeKey(mergeKey)
            }
            if keys.contains(keyValue) { named.append(value) } else { others.append(value) }
        }
        return (named, others)
    }
}
