/// RFC 7386 JSON merge patch.
///
/// A merge patch is a partial document: an object's members replace or (when `null`) remove the target's members,
/// recursively; anything else, arrays included, replaces the target whole. Applying keeps the target's member
/// order: members already there stay in place and new ones are appended in the patch's order.
public enum JSONMergePatch {
    /// Applies `patch` to `target` (RFC 7386 §2).
    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let patchObject) = patch else { return patch }
        var result: JSONObject
        if case .object(let targetObject) = target {
            result = targetObject
        } else {
            result = JSONObject(minimumCapacity: patchObject.count)
        }
        if patchObject.count > 16 {
            return .object(Self.applyIndexed(patchObject, to: result))
        }
        for member in patchObject {
            if member.value.isNull {
                result.removeValue(forKey: member.key)
            } else if let index = result.index(forKey: member.key) {
                result.updateValue(atIndex: index) { existing in
                    let current = existing
                    existing = .null  // drop the reference so a nested object is patched in place
                    existing = Self.apply(member.value, to: current)
                }
            } else {
                result.appendUnchecked(key: member.key, value: Self.apply(member.value, to: .null))
            }
        }
        return .object(result)
    }

    /// ``apply(_:to:)`` for large patches, in one pass over each object through an index of the patch: member by
    /// member, each lookup in the target (or in the result growing from nothing) is a scan, and a patch of 200,000
    /// members took hours.
    private static func applyIndexed(_ patch: JSONObject, to target: JSONObject) -> JSONObject {
        let patchMembers = patch.members
        var patchIndex: [String: Int] = [:]
        patchIndex.reserveCapacity(patchMembers.count)
        for (position, member) in patchMembers.enumerated() { patchIndex[member.key] = position }
        var applied = [Bool](repeating: false, count: patchMembers.count)
        var result = JSONObject(minimumCapacity: target.count + patchMembers.count)
        for member in target {
            guard let position = patchIndex[member.key] else {
                result.appendUnchecked(key: member.key, value: member.value)
                continue
            }
            applied[position] = true
            let change = patchMembers[position].value
            if !change.isNull { result.appendUnchecked(key: member.key, value: Self.apply(change, to: member.value)) }
        }
        for (position, member) in patchMembers.enumerated() where !applied[position] && !member.value.isNull {
            result.appendUnchecked(key: member.key, value: Self.apply(member.value, to: .null))
        }
        return result
    }

    /// The smallest merge patch that turns `original` into `modified`: only changed members, `null` for removed
    /// members, nested objects diffed recursively, anything else (arrays included) replaced whole.
    ///
    /// When both are objects and equal the patch is `{}`. When either is not an object the patch is `modified`
    /// itself, the only merge patch that produces it. RFC 7386 cannot set a member to `null`, so a `null` inside
    /// `modified` (other than at the top) reads back as a removal.
    public static func create(from original: JSONValue, to modified: JSONValue) -> JSONValue {
        guard case .object(let originalObject) = original, case .object(let modifiedObject) = modified else {
            return modified
        }
        return .object(Self.diff(originalObject, modifiedObject))
    }

    private static func diff(_ original: JSONObject, _ modified: JSONObject) -> JSONObject {
        var patch = JSONObject()
        for member in original {
            guard let newValue = modified[member.key] else {
                patch.appendUnchecked(key: member.key, value: .null)
                continue
            }
            if case .object(let oldObject) = member.value, case .object(let newObject) = newValue {
                // A copy's untouched parts share the original's storage (a controller's change to one label of
                // a pod leaves its spec and status as they were): nothing to walk.
                if oldObject.isKnownIdentical(to: newObject) { continue }
                let nested = Self.diff(oldObject, newObject)
                if !nested.isEmpty { patch.appendUnchecked(key: member.key, value: .object(nested)) }
            } else if member.value != newValue {
                patch.appendUnchecked(key: member.key, value: newValue)
            }
        }
        for member in modified where original[member.key] == nil {
            patch.appendUnchecked(key: member.key, value: member.value)
        }
        return patch
    }
}
