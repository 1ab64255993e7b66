import KubeJSON

/// The type of a JSON value as Go's decoder types it: integers and other numbers differ (`int64` and `float64`),
/// so a list mixing them has elements of two types.
enum ElementKind: Hashable {
    case null
    case bool
    case int
    case number
    case string
    case array
    case object

    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .number: self = .number
        case .string: self = .string
        case .array: self = .array
        case .object: self = .object
        }
    }

    /// The one type shared by the elements of `lists`.
    /// - Throws: when some element is a list, when types differ, or when there are no elements at all.
    static func ofElements(_ lists: [JSONValue]...) throws(StrategicMergePatchError) -> ElementKind {
        var found: ElementKind?
        for list in lists {
            for element in list {
                let kind = ElementKind(element)
                if let found {
                    guard found == kind else {
                        throw StrategicMergePatchError(kind: .mergeFailure, message: "list element types are not identical")
                    }
                } else {
                    guard kind != .array else {
                        throw StrategicMergePatchError(kind: .unprocessable, message: "lists of lists are not supported")
                    }
                    found = kind
                }
            }
        }
        guard let found else {
            throw StrategicMergePatchError(kind: .mergeFailure, message: "no elements in any of the given lists")
        }
        return found
    }
}
