import KubeJSON
import KubeModel

extension ServerSideApply {
    /// `config` merged into `live`: objects merge member by member, associative lists and sets merge item by
    /// item (items only in the live list keep their place, the configuration's items come in its order),
    /// atomic lists, atomic objects and scalars are replaced. A `null` in the configuration removes the field.
    static func merge(
        _ config: JSONValue,
        into live: JSONValue?,
        schema: ApplySchema,
        path: FieldPath
    ) throws(ListItemNames.Failure) -> JSONValue? {
        switch config {
        case .null:
            return nil
        case .object(let configObject) where !schema.isAtomicObject:
            // Indexed: a member-by-member subscript scans, quadratic for a configuration of many keys.
            var result = IndexedMembers(live?.objectValue ?? JSONObject())
            for member in configObject {
                result[member.key] = try Self.merge(
                    member.value,
                    into: result[member.key],
                    schema: schema.field(member.key),
                    path: path.appending(.field(member.key))
                )
            }
            return .object(result.object)
        case .array(let configItems) where schema.listType != .atomic:
            return .array(try Self.mergeList(configItems, into: live?.arrayValue ?? [], schema: schema, path: path))
        default:
            return config
        }
    }

    private static func mergeList(
        _ configItems: [JSONValue],
        into liveItems: [JSONValue],
        schema: ApplySchema,
        path: FieldPath
    ) throws(ListItemNames.Failure) -> [JSONValue] {
        let configNames = try ListItemNames.elements(of: configItems, listType: schema.listType, path: path, strict: true)
        let liveNames =
            (try? ListItemNames.elements(of: liveItems, listType: schema.listType, path: path, strict: false))
            ?? liveItems.indices.map { .index($0) }
        var configIndex: [FieldPathElement: Int] = [:]
        for (index, name) in configNames.enumerated() { configIndex[name] = index }
        var liveIndex: [FieldPathElement: Int] = [:]
        for (index, name) in liveNames.enumerated() where liveIndex[name] == nil { liveIndex[name] = index }

        var result: [JSONValue] = []
        result.reserveCapacity(max(liveItems.count, configItems.count))
        var emitted: Set<FieldPathElement> = []
        var liveCursor = 0
        var configCursor = 0
        while liveCursor < liveItems.count || configCursor < configItems.count {
            if liveCursor < liveItems.count {
                let name = liveNames[liveCursor]
                if configIndex[name] == nil {
                    result.append(liveItems[liveCursor])
                    liveCursor += 1
                    continue
                }
                if emitted.contains(name) {
                    liveCursor += 1
                    continue
                }
            }
            guard configCursor < configItems.count else {
                liveCursor += 1
                continue
            }
            let name = configNames[configCursor]
            let live = liveIndex[name].map { liveItems[$0] }
            let element = path.appending(name)
            if let merged = try Self.merge(configItems[configCursor], into: live, schema: schema.element, path: element) {
                result.append(merged)
            }
            emitted.insert(name)
            configCursor += 1
        }
        return result
    }

    /// Removes from `value` what the applier owned before (`last`) and nobody owns now (`kept`: every manager's
    /// fields, the applier's new ones included). A field or list item goes with everything below it.
    static func prune(_ value: inout JSONValue, schema: ApplySchema, last: FieldSet, kept: FieldSet) {
        switch value {
        case .object(let original) where !schema.isAtomicObject:
            value = .null
            var object = IndexedMembers(original)
            for key in object.keys {
                let element = FieldPathElement.field(key)
                let lastChild = last.children[element]
                guard last.members.contains(element) || lastChild != nil else { continue }
                guard kept.members.contains(element) || kept.children[element] != nil else {
                    object.removeValue(forKey: key)
                    continue
                }
                if let lastChild, var child = object[key] {
                    Self.prune(&child, schema: schema.field(key), last: lastChild, kept: kept.child(element))
                    object[key] = child
                }
            }
            value = .object(object.object)
        case .array(let items) where schema.listType != .atomic:
            let names =
                (try? ListItemNames.elements(of: items, listType: schema.listType, path: FieldPath([]), strict: false))
                ?? items.indices.map { .index($0) }
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            for (item, name) in zip(items, names) {
                if last.members.contains(name) && !kept.members.contains(name) { continue }
                if let lastChild = last.children[name] {
                    var child = item
                    Self.prune(&child, schema: schema.element, last: lastChild, kept: kept.child(name))
                    result.append(child)
                } else {
                    result.append(item)
                }
            }
            value = .array(result)
        default:
            break
        }
    }
}
