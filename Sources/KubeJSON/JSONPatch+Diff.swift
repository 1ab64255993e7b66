extension JSONPatch {
    /// The operations that turn `source` into `target` (what a mutating admission webhook answers with):
    /// objects are compared member by member, arrays element by element when their lengths match and
    /// replaced whole otherwise, so the patch stays small for the usual edit (a label, an image, a default).
    public static func diff(from source: JSONValue, to target: JSONValue) -> JSONPatch {
        var operations: [Operation] = []
        Self.diff(source, target, at: .root, into: &operations)
        return JSONPatch(operations)
    }

    private static func diff(_ source: JSONValue, _ target: JSONValue, at path: JSONPointer, into operations: inout [Operation]) {
        if source == target { return }
        switch (source, target) {
        case (.object(let old), .object(let new)):
            for member in old where new[member.key] == nil {
                operations.append(.remove(path: path.appending(member.key)))
            }
            for member in new {
                if let previous = old[member.key] {
                    Self.diff(previous, member.value, at: path.appending(member.key), into: &operations)
                } else {
                    operations.append(.add(path: path.appending(member.key), value: member.value))
                }
            }
        case (.array(let old), .array(let new)) where old.count == new.count:
            for index in old.indices {
                Self.diff(old[index], new[index], at: path.appending(String(index)), into: &operations)
            }
        default:
            operations.append(.replace(path: path, value: target))
        }
    }
}
