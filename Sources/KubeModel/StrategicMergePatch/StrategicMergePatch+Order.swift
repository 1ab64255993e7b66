import KubeJSON

extension StrategicMergePatch {
    /// Orders a merged list as kube-apiserver does: the elements named by the patch (or by `$setElementOrder`) in
    /// `patchOrder`'s order, the live-only elements in `serverOrder`'s order, then the two interleaved so that a
    /// live-only element goes before a patch element only when both are in the live list and it came first there.
    static func normalizeOrder(
        patchItems: [JSONValue],
        serverOnly: [JSONValue],
        patchOrder: [JSONValue],
        serverOrder: [JSONValue],
        mergeKey: String,
        kind: ElementKind
    ) throws(StrategicMergePatchError) -> [JSONValue] {
        let sortedPatch = try Self.sortByOrder(patchItems, order: patchOrder, mergeKey: mergeKey, kind: kind)
        let sortedServer = try Self.sortByOrder(serverOnly, order: serverOrder, mergeKey: mergeKey, kind: kind)
        let serverPositions = Self.positions(in: serverOrder, mergeKey: mergeKey, kind: kind)

        var result: [JSONValue] = []
        result.reserveCapacity(sortedPatch.count + sortedServer.count)
        var left = 0
        var right = 0
        while left < sortedServer.count || right < sortedPatch.count {
            if right >= sortedPatch.count {
                result.append(sortedServer[left])
                left += 1
            } else if left >= sortedServer.count {
                result.append(sortedPatch[right])
                right += 1
            } else if let l = serverPositions[Self.identity(of: sortedServer[left], mergeKey: mergeKey, kind: kind)],
                let r = serverPositions[Self.identity(of: sortedPatch[right], mergeKey: mergeKey, kind: kind)],
                l < r
            {
                result.append(sortedServer[left])
                left += 1
            } else {
                result.append(sortedPatch[right])
                right += 1
            }
        }
        return result
    }

    /// Sorts `items` by the position of their identity in `order`, stably; elements carrying `$patch: delete` go
    /// last. Lists of objects must have the merge key in every item and every element of `order`.
    static func sortByOrder(
        _ items: [JSONValue],
        order: [JSONValue],
        mergeKey: String,
        kind: ElementKind
    ) throws(StrategicMergePatchError) -> [JSONValue] {
        var sortable = items
        var deletions: [JSONValue] = []
        if kind == .object {
            for value in items + order {
                guard case .object(let element) = value else {
                    throw StrategicMergePatchError.wrongType(expected: "object", got: value)
                }
                guard element[mergeKey] != nil else { throw StrategicMergePatchError.missingMergeKey(mergeKey) }
            }
            sortable = []
            for value in items {
                if value.objectValue?[Self.patchDirective] == .string("delete") {
                    deletions.append(value)
                } else {
                    sortable.append(value)
                }
            }
        }

        let table = Self.positions(in: order, mergeKey: mergeKey, kind: kind)
        var keyed = sortable.map { (position: table[Self.identity(of: $0, mergeKey: mergeKey, kind: kind)], value: $0) }
        let known = keyed.enumerated().compactMap { entry in
            entry.element.position.map { (position: $0, offset: entry.offset, value: entry.element.value) }
        }
        if known.count == keyed.count {
            // A strict order: any stable sort gives the result Go's sort.SliceStable gives.
            return known.sorted { ($0.position, $0.offset) < ($1.position, $1.offset) }.map(\.value) + deletions
        } else {
            // Upstream's comparison calls an element that `order` lacks "less" than anything, which is no order at
            // all; Go's stable sort then runs an insertion sort, repeated here to get the same result.
            for i in keyed.indices.dropFirst() {
                var j = i
                while j > 0, Self.goLess(keyed[j].position, keyed[j - 1].position) {
                    keyed.swapAt(j, j - 1)
                    j -= 1
                }
            }
        }
        return keyed.map(\.value) + deletions
    }

    private static func goLess(_ a: Int?, _ b: Int?) -> Bool {
        guard let a, let b else { return true }
        return a < b
    }

    /// What identifies an element: its merge key's value for objects, the element itself otherwise.
    static func identity(of value: JSONValue, mergeKey: String, kind: ElementKind) -> JSONValue {
        guard kind == .object else { return value }
        return value.objectValue?[mergeKey] ?? .null
    }

    /// The first position of each identity in `list`.
    static func positions(in list: [JSONValue], mergeKey: String, kind: ElementKind) -> [JSONValue: Int] {
        var table: [JSONValue: Int] = [:]
        for (position, value) in list.enumerated() {
            let identity = Self.identity(of: value, mergeKey: mergeKey, kind: kind)
            if table[identity] == nil { table[identity] = position }
        }
        return table
    }
}
