import KubeJSON

extension StrategicMergePatch {
    /// Processes every `$setElementOrder/<list>` directive of `patch`: merges the patch's `<list>` (if any) into the
    /// live one and orders the result by the directive, live-only elements interleaved by their live position.
    /// The directive and the list it covers are removed from `patch`.
    static func applySetElementOrder(
        to result: inout IndexedMembers,
        patch: inout IndexedMembers,
        schema: StrategicMergeSchema
    ) throws(StrategicMergePatchError) {
        let directives = patch.members.filter { $0.key.hasPrefix(Self.setElementOrderPrefix) }
        for directive in directives {
            patch.removeValue(forKey: directive.key)
            do {
                try Self.applySetElementOrder(directive, to: &result, patch: &patch, schema: schema)
            } catch {
                throw error.under(directive.key)
            }
        }
    }

    private static func applySetElementOrder(
        _ directive: JSONObject.Member,
        to result: inout IndexedMembers,
        patch: inout IndexedMembers,
        schema: StrategicMergeSchema
    ) throws(StrategicMergePatchError) {
        guard case .array(let order) = directive.value else {
            throw StrategicMergePatchError(
                kind: .malformedPatch,
                message: "invalid patch format of setElementOrder list: expected a list, got \(directive.value.typeName)"
            )
        }
        let name = try Self.directiveTarget(of: directive.key, prefix: Self.setElementOrderPrefix)
        var originalList: [JSONValue]?
        var patchList: [JSONValue]?
        if let value = result[name] {
            guard case .array(let list) = value else {
                throw StrategicMergePatchError.wrongType(expected: "list in the live object", got: value)
            }
            originalList = list
        }
        if let value = patch[name] {
            guard case .array(let list) = value else {
                throw StrategicMergePatchError.wrongType(expected: "list in the patch", got: value)
            }
            patchList = list
        }
        let field = schema[field: name]
        let mergeKey = field.mergeKey ?? ""
        try Self.validateOrder(of: patchList ?? [], against: order, mergeKey: mergeKey)

        let merged: [JSONValue]
        switch (originalList, patchList) {
        case (let live?, nil):
            merged = live
        case (nil, let added?):
            merged = added.compactMap(Self.removingDirectives)
        case (let live?, let changes?):
            if field.strategy == .merge {
                merged = try Self.mergeList(live, patch: changes, schema: field, isDeleteList: false)
            } else {
                merged = changes
            }
        case (nil, nil):
            return
        }

        let (named, others) = try Self.partition(merged, by: order, mergeKey: mergeKey)
        let kind = try ElementKind.ofElements(originalList ?? [], patchList ?? [])
        if kind == .object && mergeKey.isEmpty {
            throw StrategicMergePatchError(kind: .mergeFailure, message: "cannot order a list of objects without merge key")
        }
        result[name] = .array(
            try Self.normalizeOrder(
                patchItems: named,
                serverOnly: others,
                patchOrder: order,
                serverOrder: originalList ?? [],
                mergeKey: mergeKey,
                kind: kind
            )
        )
        patch.removeValue(forKey: name)
    }

    /// Checks that the patch list names its elements in an order `$setElementOrder` agrees with, and names no
    /// element the directive leaves out (elements deleted with `$patch: delete` do not count).
    static func validateOrder(
        of patchList: [JSONValue],
        against order: [JSONValue],
        mergeKey: String
    ) throws(StrategicMergePatchError) {
        if order.isEmpty || patchList.isEmpty { return }
        var elements = patchList
        if !mergeKey.isEmpty {
            elements = []
            for value in patchList {
                guard case .object(let element) = value else {
                    throw StrategicMergePatchError.wrongType(expected: "object", got: value)
                }
                if element[Self.patchDirective] != .string("delete") { elements.append(value) }
            }
        }
        var patchIndex = 0
        var orderIndex = 0
        while patchIndex < elements.count && orderIndex < order.count {
            if elements[patchIndex].objectValue?[Self.patchDirective] != nil {
                patchIndex += 1
                continue
            }
            if try Self.sameElement(elements[patchIndex], order[orderIndex], mergeKey: mergeKey) {
                patchIndex += 1
            }
            orderIndex += 1
        }
        if patchIndex < elements.count && orderIndex >= order.count {
            throw StrategicMergePatchError(
                kind: .mergeFailure,
                message: "the order in the patch list doesn't match the $setElementOrder list"
            )
        }
    }

    private static func sameElement(
        _ left: JSONValue,
        _ right: JSONValue,
        mergeKey: String
    ) throws(StrategicMergePatchError) -> Bool {
        if mergeKey.isEmpty { return left == right }
        guard case .object(let l) = left else { throw StrategicMergePatchError.wrongType(expected: "object", got: left) }
        guard case .object(let r) = right else { throw StrategicMergePatchError.wrongType(expected: "object", got: right) }
        guard let lv = l[mergeKey], let rv = r[mergeKey] else { throw StrategicMergePatchError.missingMergeKey(mergeKey) }
        return lv == rv
    }
}
