public import KubeJSON

/// JSON patch creation (RFC 6902) in the form `jsonpatch.CreatePatch` produces: objects are compared member
/// by member (`add`, `remove`, `replace`), arrays element by element (trailing elements added or removed),
/// and values of different types are replaced.
///
/// Used to turn defaulting into a webhook patch, and to tell which template fields an update changes (the
/// InPlaceOnly rule and the in-place update decision).
public enum JSONDiff {
    /// The operations turning `original` into `modified`.
    public static func operations(from original: JSONValue, to modified: JSONValue) -> [JSONPatch.Operation] {
        var operations: [JSONPatch.Operation] = []
        self.diff(original, modified, at: .root, into: &operations)
        return operations
    }

    private static func diff(
        _ original: JSONValue, _ modified: JSONValue, at path: JSONPointer, into operations: inout [JSONPatch.Operation]
    ) {
        if original == modified { return }
        switch (original, modified) {
        case (.object(let old), .object(let new)):
            for member in old where new[member.key] == nil {
                operations.append(.remove(path: path.appending(member.key)))
            }
            for member in new {
                if let previous = old[member.key] {
                    self.diff(previous, member.value, at: path.appending(member.key), into: &operations)
                } else {
                    operations.append(.add(path: path.appending(member.key), value: member.value))
                }
            }
        case (.array(let old), .array(let new)):
            let common = min(old.count, new.count)
            for index in 0..<common {
                self.diff(old[index], new[index], at: path.appending(String(index)), into: &operations)
            }
            if new.count > old.count {
                for index in common..<new.count {
                    operations.append(.add(path: path.appending(String(index)), value: new[index]))
                }
            } else if old.count > new.count {
                for index in (common..<old.count).reversed() {
                    operations.append(.remove(path: path.appending(String(index))))
                }
            }
        default:
            operations.append(.replace(path: path, value: modified))
        }
    }
}
