public import KubeJSON
public import KubeModel

/// One entry of `metadata.managedFields`: the fields one manager owns through one kind of write.
public struct ManagedFieldsEntry: Sendable, Hashable {
    /// How the manager wrote the fields.
    public enum Operation: String, Sendable, Hashable {
        /// Server-side apply (`PATCH` with `application/apply-patch+yaml`).
        case apply = "Apply"
        /// Any other write: create, update, other patches.
        case update = "Update"
    }

    /// The field manager (`kubectl`, `kubectl-client-side-apply`, a controller's name).
    public var manager: String
    /// Apply or Update.
    public var operation: Operation
    /// The API version the fields were written with (`apps/v1`).
    public var apiVersion: String
    /// When the manager last changed the object; `nil` when unknown.
    public var time: KubeTime?
    /// The owned fields.
    public var fields: FieldSet
    /// The subresource written through (`status`); empty for the main resource.
    public var subresource: String

    /// An entry.
    public init(
        manager: String,
        operation: Operation,
        apiVersion: String,
        time: KubeTime? = nil,
        fields: FieldSet = FieldSet(),
        subresource: String = ""
    ) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.fields = fields
        self.subresource = subresource
    }

    /// `true` when `other` is the same manager's entry for the same kind of write: kube keeps one entry per
    /// manager, operation and subresource, and for updates per API version too.
    public func isSameOwner(as other: ManagedFieldsEntry) -> Bool {
        self.manager == other.manager && self.operation == other.operation && self.subresource == other.subresource
            && (self.operation == .apply || self.apiVersion == other.apiVersion)
    }

    /// Reads one entry of `metadata.managedFields`.
    /// - Throws: ``FieldSetDecodingError`` for a non-object entry, an unknown operation or `fieldsType`, a bad
    ///   time or a bad `fieldsV1`.
    public init(json: JSONValue) throws(FieldSetDecodingError) {
        guard case .object(let object) = json else {
            throw FieldSetDecodingError(message: "managedFields entry must be an object, got \(json.typeName)")
        }
        self.manager = object["manager"]?.stringValue ?? ""
        switch object["operation"]?.stringValue {
        case "Apply"?: self.operation = .apply
        case "Update"?: self.operation = .update
        default:
            let text = object["operation"]?.stringValue ?? ""
            throw FieldSetDecodingError(message: "unknown operation \(GoQuote.quote(text)) in managedFields entry")
        }
        self.apiVersion = object["apiVersion"]?.stringValue ?? ""
        if let time = object["time"], !time.isNull {
            do {
                self.time = try KubeTime(json: time)
            } catch {
                throw FieldSetDecodingError(message: "invalid time in managedFields entry: \(error)")
            }
        } else {
            self.time = nil
        }
        let fieldsType = object["fieldsType"]?.stringValue ?? ""
        guard fieldsType == "FieldsV1" else {
            throw FieldSetDecodingError(message: "unknown fieldsType \(GoQuote.quote(fieldsType)) in managedFields entry")
        }
        self.fields = try FieldSet(fieldsV1: object["fieldsV1"] ?? .emptyObject)
        self.subresource = object["subresource"]?.stringValue ?? ""
    }

    /// The entry as kube writes it: `manager`, `operation`, `apiVersion`, `time`, `fieldsType`, `fieldsV1`, and
    /// `subresource` when there is one.
    public var json: JSONValue {
        var object = JSONObject(minimumCapacity: 7)
        object.appendUnchecked(key: "manager", value: .string(self.manager))
        object.appendUnchecked(key: "operation", value: .string(self.operation.rawValue))
        object.appendUnchecked(key: "apiVersion", value: .string(self.apiVersion))
        if let time = self.time { object.appendUnchecked(key: "time", value: time.json) }
        object.appendUnchecked(key: "fieldsType", value: "FieldsV1")
        object.appendUnchecked(key: "fieldsV1", value: self.fields.fieldsV1)
        if !self.subresource.isEmpty { object.appendUnchecked(key: "subresource", value: .string(self.subresource)) }
        return .object(object)
    }
}
