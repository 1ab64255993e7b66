/// Why a JSON patch document was rejected or could not be applied.
public struct JSONPatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The patch text is not valid JSON.
        case invalidJSON(JSONParseError)
        /// The patch document is not an array (it is a value of type `typeName`).
        case patchNotAnArray(typeName: String)
        /// An operation is not an object (it is a value of type `typeName`).
        case operationNotAnObject(typeName: String)
        /// The operation lacks a required member.
        case missingField(String)
        /// A member has the wrong type; `expected` names the type it must have.
        case invalidField(String, expected: String)
        /// The `op` member names no RFC 6902 operation.
        case unknownOperation(String)
        /// The `path` or `from` member is not a valid JSON pointer.
        case invalidPointer(field: String, JSONPointerError)
        /// The pointer does not designate a location the operation can use in the document.
        case target(JSONPointerError)
        /// A `test` operation found a different value; `actual` is what the document holds.
        case testFailed(path: String, expected: JSONValue, actual: JSONValue)
        /// A `move` whose `from` location is a proper prefix of its `path` (a value cannot move into itself).
        case moveIntoDescendant(from: String, path: String)
        /// A `remove` of the whole document.
        case cannotRemoveRoot
        /// The values `copy` operations copied add up to more than the limit the patch was applied with.
        case copySizeLimitExceeded(accumulated: Int, limit: Int)
    }

    /// The position of the failing operation in the patch array; `nil` when the patch itself is malformed.
    public let operationIndex: Int?
    /// The `op` of the failing operation, when known.
    public let operation: String?
    /// The reason.
    public let reason: Reason

    public init(_ reason: Reason, operationIndex: Int? = nil, operation: String? = nil) {
        self.reason = reason
        self.operationIndex = operationIndex
        self.operation = operation
    }

    public var description: String {
        var prefix = "JSON patch"
        if let index = self.operationIndex {
            prefix += " operation \(index)"
            if let operation = self.operation { prefix += " (\(operation))" }
        }
        let what: String
        switch self.reason {
        case .invalidJSON(let error): what = "the patch is not valid JSON: \(error)"
        case .patchNotAnArray(let typeName): what = "the patch must be an array of operations, not a \(typeName)"
        case .operationNotAnObject(let typeName): what = "an operation must be an object, not a \(typeName)"
        case .missingField(let field): what = "missing field \"\(field)\""
        case .invalidField(let field, let expected): what = "field \"\(field)\" must be a \(expected)"
        case .unknownOperation(let op): what = "unknown op \"\(op)\""
        case .invalidPointer(let field, let error): what = "field \"\(field)\": \(error)"
        case .target(let error): what = error.description
        case .testFailed(let path, let expected, let actual):
            what = "test failed at \"\(path)\": expected \(expected), found \(actual)"
        case .moveIntoDescendant(let from, let path):
            what = "cannot move \"\(from)\" into its own descendant \"\(path)\""
        case .cannotRemoveRoot: what = "cannot remove the whole document"
        case .copySizeLimitExceeded(let accumulated, let limit):
            what = "Unable to complete the copy, the accumulated size increase of copy is \(accumulated), exceeding the limit \(limit)"
        }
        return "\(prefix): \(what)"
    }
}
