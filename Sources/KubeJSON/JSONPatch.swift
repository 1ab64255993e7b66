/// An RFC 6902 JSON patch: a list of operations applied in order to a JSON document.
///
/// Applying is atomic: ``apply(to:)`` works on a copy of the document and returns it only when every operation
/// succeeded, so on error the caller's document is unchanged.
public struct JSONPatch: Sendable, Hashable {
    /// One patch operation; pointers are already parsed.
    public enum Operation: Sendable, Hashable {
        case add(path: JSONPointer, value: JSONValue)
        case remove(path: JSONPointer)
        case replace(path: JSONPointer, value: JSONValue)
        case move(from: JSONPointer, path: JSONPointer)
        case copy(from: JSONPointer, path: JSONPointer)
        case test(path: JSONPointer, value: JSONValue)

        /// The `op` member for this operation (`add`, `remove`, ...).
        public var name: String {
            switch self {
            case .add: "add"
            case .remove: "remove"
            case .replace: "replace"
            case .move: "move"
            case .copy: "copy"
            case .test: "test"
            }
        }

        /// The operation as a JSON object (`{"op":"add","path":"/a","value":1}`).
        public var jsonValue: JSONValue {
            var object = JSONObject(minimumCapacity: 3)
            object.appendUnchecked(key: "op", value: .string(self.name))
            switch self {
            case .add(let path, let value), .replace(let path, let value), .test(let path, let value):
                object.appendUnchecked(key: "path", value: .string(path.description))
                object.appendUnchecked(key: "value", value: value)
            case .remove(let path):
                object.appendUnchecked(key: "path", value: .string(path.description))
            case .move(let from, let path), .copy(let from, let path):
                object.appendUnchecked(key: "from", value: .string(from.description))
                object.appendUnchecked(key: "path", value: .string(path.description))
            }
            return .object(object)
        }
    }

    /// The operations, applied in order.
    public var operations: [Operation]

    /// A patch from operations.
    public init(_ operations: [Operation]) {
        self.operations = operations
    }

    /// Reads a patch document: an array of operation objects. Unknown members of an operation are ignored.
    /// - Throws: ``JSONPatchError`` naming the operation index and the missing or invalid field.
    public init(_ document: JSONValue) throws(JSONPatchError) {
        guard case .array(let elements) = document else {
            throw JSONPatchError(.patchNotAnArray(typeName: document.typeName))
        }
        var operations: [Operation] = []
        operations.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            operations.append(try Self.parseOperation(element, index: index))
        }
        self.operations = operations
    }

    /// Parses a patch from JSON text.
    /// - Throws: ``JSONPatchError`` with reason ``JSONPatchError/Reason/invalidJSON(_:)`` when the text is not
    ///   JSON, or for a malformed patch.
    public init(parsing text: String) throws(JSONPatchError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw JSONPatchError(.invalidJSON(error))
        }
        try self.init(value)
    }

    /// The patch as a JSON array of operation objects.
    public var jsonValue: JSONValue { .array(self.operations.map(\.jsonValue)) }

    /// Applies every operation to a copy of `document` and returns the result.
    /// - Throws: ``JSONPatchError`` for the first operation that fails; `document` itself is never modified.
    public func apply(to document: JSONValue) throws(JSONPatchError) -> JSONValue {
        var result = document
        for (index, operation) in self.operations.enumerated() {
            do {
                try Self.apply(operation, to: &result)
            } catch let error {
                throw JSONPatchError(error.reason, operationIndex: index, operation: operation.name)
            }
        }
        return result
    }

    /// ``apply(to:)`` with a bound on what `copy` operations may add: once the JSON text of the values they copied
    /// adds up to more than `copySizeLimit` bytes, the patch fails (as evanphx/json-patch's
    /// `AccumulatedCopySizeLimit` makes kube-apiserver's fail), so that a small patch cannot double a document
    /// until memory runs out.
    /// - Throws: ``JSONPatchError`` for the first operation that fails, ``JSONPatchError/Reason/copySizeLimitExceeded(accumulated:limit:)``
    ///   for the copy that goes over the limit.
    public func apply(to document: JSONValue, copySizeLimit: Int) throws(JSONPatchError) -> JSONValue {
        var result = document
        var copied = 0
        for (index, operation) in self.operations.enumerated() {
            do throws(JSONPatchError) {
                if case .copy(let from, _) = operation, let value = from.value(in: result) {
                    copied += value.serialized().count
                    if copied > copySizeLimit {
                        throw JSONPatchError(.copySizeLimitExceeded(accumulated: copied, limit: copySizeLimit))
                    }
                }
                try Self.apply(operation, to: &result)
            } catch let error {
                throw JSONPatchError(error.reason, operationIndex: index, operation: operation.name)
            }
        }
        return result
    }

    /// Parses `patch` and applies it to `document`.
    public static func apply(_ patch: JSONValue, to document: JSONValue) throws(JSONPatchError) -> JSONValue {
        try JSONPatch(patch).apply(to: document)
    }

    // MARK: - Parsing

    private static func parseOperation(_ element: JSONValue, index: Int) throws(JSONPatchError) -> Operation {
        guard case .object(let object) = element else {
            throw JSONPatchError(.operationNotAnObject(typeName: element.typeName), operationIndex: index)
        }
        guard let opValue = object["op"] else {
            throw JSONPatchError(.missingField("op"), operationIndex: index)
        }
        guard case .string(let op) = opValue else {
            throw JSONPatchError(.invalidField("op", expected: "string"), operationIndex: index)
        }
        func pointer(_ field: String) throws(JSONPatchError) -> JSONPointer {
            guard let value = object[field] else {
                throw JSONPatchError(.missingField(field), operationIndex: index, operation: op)
            }
            guard case .string(let text) = value else {
                throw JSONPatchError(.invalidField(field, expected: "string"), operationIndex: index, operation: op)
            }
            do {
                return try JSONPointer(text)
            } catch {
                throw JSONPatchError(.invalidPointer(field: field, error), operationIndex: index, operation: op)
            }
        }
        func value() throws(JSONPatchError) -> JSONValue {
            guard let value = object["value"] else {
                throw JSONPatchError(.missingField("value"), operationIndex: index, operation: op)
            }
            return value
        }
        switch op {
        case "add": return .add(path: try pointer("path"), value: try value())
        case "remove": return .remove(path: try pointer("path"))
        case "replace": return .replace(path: try pointer("path"), value: try value())
        case "move": return .move(from: try pointer("from"), path: try pointer("path"))
        case "copy": return .copy(from: try pointer("from"), path: try pointer("path"))
        case "test": return .test(path: try pointer("path"), value: try value())
        default: throw JSONPatchError(.unknownOperation(op), operationIndex: index, operation: op)
        }
    }

    // MARK: - Applying

    private static func apply(_ operation: Operation, to document: inout JSONValue) throws(JSONPatchError) {
        switch operation {
        case .add(let path, let value):
            try Self.target { () throws(JSONPointerError) in try Self.add(value, at: path, in: &document) }
        case .remove(let path):
            guard !path.isRoot else { throw JSONPatchError(.cannotRemoveRoot) }
            _ = try Self.target { () throws(JSONPointerError) in try Self.remove(at: path, in: &document) }
        case .replace(let path, let value):
            try Self.target { () throws(JSONPointerError) in try Self.replace(at: path, with: value, in: &document) }
        case .move(let from, let path):
            if from == path {
                _ = try Self.target { () throws(JSONPointerError) in try from.resolve(in: document) }
                return
            }
            if from.isPrefix(of: path) {
                throw JSONPatchError(.moveIntoDescendant(from: from.description, path: path.description))
            }
            try Self.target { () throws(JSONPointerError) in
                let value = try Self.remove(at: from, in: &document)
                try Self.add(value, at: path, in: &document)
            }
        case .copy(let from, let path):
            try Self.target { () throws(JSONPointerError) in
                let value = try from.resolve(in: document)
                try Self.add(value, at: path, in: &document)
            }
        case .test(let path, let expected):
            let actual = try Self.target { () throws(JSONPointerError) in try path.resolve(in: document) }
            guard actual == expected else {
                throw JSONPatchError(.testFailed(path: path.description, expected: expected, actual: actual))
            }
        }
    }

    private static func target<R>(_ body: () throws(JSONPointerError) -> R) throws(JSONPatchError) -> R {
        do {
            return try body()
        } catch {
            throw JSONPatchError(.target(error))
        }
    }

    private static func add(_ value: JSONValue, at path: JSONPointer, in document: inout JSONValue) throws(JSONPointerError) {
        guard !path.isRoot else {
            document = value
            return
        }
        try Self.mutateParent(of: path, level: 0, in: &document) { (parent, token) throws(JSONPointerError) in
            switch parent {
            case .object(var object):
                parent = .null
                object[token] = value
                parent = .object(object)
            case .array(var elements):
                let index = try path.index(token, count: elements.count, allowEnd: true)
                parent = .null
                elements.insert(value, at: index)
                parent = .array(elements)
            default:
                throw JSONPointerError(.notAContainer(token: token, typeName: parent.typeName), pointer: path.description)
            }
        }
    }

    @discardableResult
    private static func remove(at path: JSONPointer, in document: inout JSONValue) throws(JSONPointerError) -> JSONValue {
        var removed = JSONValue.null
        try Self.mutateParent(of: path, level: 0, in: &document) { (parent, token) throws(JSONPointerError) in
            switch parent {
            case .object(var object):
                guard object.index(forKey: token) != nil else {
                    throw JSONPointerError(.noSuchMember(token: token), pointer: path.description)
                }
                parent = .null
                removed = object.removeValue(forKey: token) ?? .null
                parent = .object(object)
            case .array(var elements):
                let index = try path.index(token, count: elements.count, allowEnd: false)
                parent = .null
                removed = elements.remove(at: index)
                parent = .array(elements)
            default:
                throw JSONPointerError(.notAContainer(token: token, typeName: parent.typeName), pointer: path.description)
            }
        }
        return removed
    }

    private static func replace(
        at path: JSONPointer,
        with value: JSONValue,
        in document: inout JSONValue
    ) throws(JSONPointerError) {
        guard !path.isRoot else {
            document = value
            return
        }
        try Self.mutateParent(of: path, level: 0, in: &document) { (parent, token) throws(JSONPointerError) in
            switch parent {
            case .object(var object):
                guard object.index(forKey: token) != nil else {
                    throw JSONPointerError(.noSuchMember(token: token), pointer: path.description)
                }
                parent = .null
                object[token] = value
                parent = .object(object)
            case .array(var elements):
                let index = try path.index(token, count: elements.count, allowEnd: false)
                parent = .null
                elements[index] = value
                parent = .array(elements)
            default:
                throw JSONPointerError(.notAContainer(token: token, typeName: parent.typeName), pointer: path.description)
            }
        }
    }

    /// Walks down to the container holding the value `path` designates and calls `body` with it and the last
    /// token. Each container on the way is taken out of its parent while it changes, so that it is mutated in
    /// place rather than copied. On error `value` is left in an unspecified state; callers work on a copy.
    private static func mutateParent(
        of path: JSONPointer,
        level: Int,
        in value: inout JSONValue,
        _ body: (inout JSONValue, String) throws(JSONPointerError) -> Void
    ) throws(JSONPointerError) {
        let token = path.tokens[level]
        if level == path.tokens.count - 1 {
            try body(&value, token)
            return
        }
        switch value {
        case .object(var object):
            guard var child = object[token] else {
                throw JSONPointerError(.noSuchMember(token: token), pointer: path.description)
            }
            value = .null
            object[token] = .null
            try Self.mutateParent(of: path, level: level + 1, in: &child, body)
            object[token] = child
            value = .object(object)
        case .array(var elements):
            let index = try path.index(token, count: elements.count, allowEnd: false)
            value = .null
            var child = elements[index]
            elements[index] = .null
            try Self.mutateParent(of: path, level: level + 1, in: &child, body)
            elements[index] = child
            value = .array(elements)
        default:
            throw JSONPointerError(.notAContainer(token: token, typeName: value.typeName), pointer: path.description)
        }
    }
}
