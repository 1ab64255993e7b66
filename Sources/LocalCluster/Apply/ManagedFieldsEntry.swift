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
    public var manager: String { didSet { self.dropStoredJSON() } }
    /// Apply or Update.
    public var operation: Operation { didSet { self.dropStoredJSON() } }
    /// The API version the fields were written with (`apps/v1`).
    public var apiVersion: String { didSet { self.dropStoredJSON() } }
    /// When the manager last changed the object; `nil` when unknown.
    public var time: KubeTime? {
        get { self.storedTime }
        set {
            self.storedTime = newValue
            self.dropStoredJSON()
        }
    }
    private var storedTime: KubeTime?
    /// The owned fields.
    public var fields: FieldSet {
        get { self.decodedFields ?? Self.fields(of: self.decoded) }
        set {
            self.decodedFields = newValue
            self.decoded = nil
        }
    }
    /// The field set once decoded or set; `nil` for a stored entry whose FieldsV1 has not been needed yet.
    private var decodedFields: FieldSet?
    /// The subresource written through (`status`); empty for the main resource.
    public var subresource: String { didSet { self.dropStoredJSON() } }
    /// The JSON the entry was read from, while nothing has changed since: written back as it is, instead of
    /// encoding the field set again (every write to an object rewrites all of its entries).
    private var decoded: JSONValue? = nil

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
        self.storedTime = time
        self.decodedFields = fields
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
        try self.init(json: json, decodingFields: true)
    }

    private init(json: JSONValue, decodingFields: Bool) throws(FieldSetDecodingError) {
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
                self.storedTime = try KubeTime(json: time)
            } catch {
                throw FieldSetDecodingError(message: "invalid time in managedFields entry: \(error)")
            }
        } else {
            self.storedTime = nil
        }
        let fieldsType = object["fieldsType"]?.stringValue ?? ""
        guard fieldsType == "FieldsV1" else {
            throw FieldSetDecodingError(message: "unknown fieldsType \(GoQuote.quote(fieldsType)) in managedFields entry")
        }
        self.decodedFields = decodingFields ? try FieldSet(fieldsV1: object["fieldsV1"] ?? .emptyObject) : nil
        self.subresource = object["subresource"]?.stringValue ?? ""
    }

    /// Reads an entry of a stored object, which this server wrote in exactly the form ``json`` writes: the
    /// JSON is kept and written back while the entry does not change, and its FieldsV1 is decoded only when
    /// the field set is needed (a write that touches none of its fields leaves it as it is).
    init(storedJSON json: JSONValue) throws(FieldSetDecodingError) {
        try self.init(json: json, decodingFields: false)
        self.decoded = json
    }

    /// `false` when none of the paths in `set` can be among this entry's fields: checked on the stored FieldsV1
    /// without decoding it. Always `true` once the field set is decoded (the caller works on the set itself).
    func mayOwnAny(of set: FieldSet) -> Bool {
        guard self.decodedFields == nil, case .object(let fieldsV1)? = self.decoded?["fieldsV1"] else { return true }
        return Self.mayContain(fieldsV1, any: set)
    }

    /// This entry without the fields in `set` (and their own descendants only where `set` holds them too), as
    /// `fields.subtracting(set)`. A stored entry is edited in its FieldsV1 text (``FieldsV1Edit``), the rest of
    /// it kept as stored; it is returned as it is when it owns none of `set`.
    func removing(_ set: FieldSet) -> ManagedFieldsEntry {
        if let edit = self.editedStoredFields(removing: set, adding: FieldSet()) {
            guard let edited = edit.edited, let stored = self.decoded else { return self }
            var json = stored
            json["fieldsV1"] = .object(edited)
            var result = self
            result.decoded = json
            return result
        }
        let fields = self.fields
        let remaining = fields.subtracting(set)
        // A subset of the same size is the same set: the entry is kept as read, its JSON written back.
        guard remaining.count != fields.count else { return self }
        var result = self
        result.fields = remaining
        return result
    }

    /// `entry` (this manager's entry for a write, holding the fields the write gave it) with this entry's
    /// fields too: what the manager owned before plus what it gained. A stored entry's FieldsV1 text is edited.
    func merged(into entry: ManagedFieldsEntry) -> ManagedFieldsEntry {
        if let edit = self.editedStoredFields(removing: FieldSet(), adding: entry.fields) {
            var result = entry
            result.decodedFields = nil
            result.decoded = Self.json(
                manager: entry.manager, operation: entry.operation, apiVersion: entry.apiVersion, time: entry.time,
                fieldsV1: .object(edit.edited ?? edit.stored), subresource: entry.subresource)
            return result
        }
        var result = entry
        result.fields = self.fields.union(entry.fields)
        return result
    }

    /// A stored entry's FieldsV1 document and its edit (``FieldsV1Edit``; `nil` when unchanged); `nil` for a
    /// decoded entry, or a document the edit cannot read (the caller then works on the decoded set).
    private func editedStoredFields(removing: FieldSet, adding: FieldSet) -> (stored: JSONObject, edited: JSONObject?)? {
        guard self.decodedFields == nil, case .object(let fieldsV1)? = self.decoded?["fieldsV1"] else { return nil }
        do {
            return (fieldsV1, try FieldsV1Edit.edit(fieldsV1, removing: removing, adding: adding))
        } catch {
            return nil
        }
    }

    /// This stored entry as `fields − removing ∪ adding`, its time moved to `time` unless that is `nil`, edited
    /// in its stored FieldsV1 text (kept as stored when it owns all of `adding` and `removing` is empty); `nil`
    /// for an entry that is not a stored one, or whose FieldsV1 the edit cannot read.
    func rewritten(removing: FieldSet, adding: FieldSet, time: KubeTime?) -> ManagedFieldsEntry? {
        guard self.decodedFields == nil, case .object(var json)? = self.decoded,
            case .object(let fieldsV1)? = json["fieldsV1"]
        else { return nil }
        if !(removing.isEmpty && Self.contains(fieldsV1, all: adding)) {
            guard let edit = self.editedStoredFields(removing: removing, adding: adding) else { return nil }
            if let edited = edit.edited { json["fieldsV1"] = .object(edited) }
        }
        var result = self
        if let time {
            result.storedTime = time  // not through `time`, which would decode the fields and drop the JSON
            if json["time"] != nil {
                json["time"] = time.json
            } else {
                // Written in kube's member order, as ``json`` writes an entry.
                result.decoded = Self.json(
                    manager: self.manager, operation: self.operation, apiVersion: self.apiVersion, time: time,
                    fieldsV1: json["fieldsV1"] ?? .emptyObject, subresource: self.subresource)
                return result
            }
        }
        result.decoded = .object(json)
        return result
    }

    /// `true` when the entry owns no field.
    var hasNoFields: Bool {
        if let fields = self.decodedFields { return fields.isEmpty }
        return self.decoded?["fieldsV1"]?.objectValue?.isEmpty ?? true
    }

    /// Conservative: a path's key present at its level, as a field or with fields below it, counts.
    private static func mayContain(_ fieldsV1: JSONObject, any set: FieldSet) -> Bool {
        for member in set.members where fieldsV1[member.fieldsV1Key] != nil { return true }
        for (element, child) in set.children {
            if case .object(let below)? = fieldsV1[element.fieldsV1Key], Self.mayContain(below, any: child) { return true }
        }
        return false
    }

    /// Exact: each member of `set` is a member at its level (`{}`, or `"."` beside fields below it), and each
    /// child's paths are below its element.
    private static func contains(_ fieldsV1: JSONObject, all set: FieldSet) -> Bool {
        for member in set.members {
            guard case .object(let value)? = fieldsV1[member.fieldsV1Key], value.isEmpty || value["."] != nil else { return false }
        }
        for (element, child) in set.children {
            guard case .object(let below)? = fieldsV1[element.fieldsV1Key], Self.contains(below, all: child) else { return false }
        }
        return true
    }

    /// The field set of a stored entry's JSON (empty when it does not decode: this server wrote it).
    private static func fields(of json: JSONValue?) -> FieldSet {
        (try? FieldSet(fieldsV1: json?["fieldsV1"] ?? .emptyObject)) ?? FieldSet()
    }

    /// Before a change: the stored JSON no longer describes the entry, so the fields are decoded from it first.
    private mutating func dropStoredJSON() {
        guard self.decoded != nil else { return }
        if self.decodedFields == nil { self.decodedFields = Self.fields(of: self.decoded) }
        self.decoded = nil
    }

    public static func == (lhs: ManagedFieldsEntry, rhs: ManagedFieldsEntry) -> Bool {
        lhs.manager == rhs.manager && lhs.operation == rhs.operation && lhs.apiVersion == rhs.apiVersion
            && lhs.time == rhs.time && lhs.fields == rhs.fields && lhs.subresource == rhs.subresource
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.manager)
        hasher.combine(self.operation)
        hasher.combine(self.apiVersion)
        hasher.combine(self.time)
        hasher.combine(self.fields)
        hasher.combine(self.subresource)
    }

    /// The entry as kube writes it: `manager`, `operation`, `apiVersion`, `time`, `fieldsType`, `fieldsV1`, and
    /// `subresource` when there is one.
    public var json: JSONValue {
        if let decoded = self.decoded { return decoded }
        return Self.json(
            manager: self.manager, operation: self.operation, apiVersion: self.apiVersion, time: self.time,
            fieldsV1: self.fields.fieldsV1, subresource: self.subresource)
    }

    /// An entry as kube writes it, its fields given as their FieldsV1 document.
    static func json(
        manager: String, operation: Operation, apiVersion: String, time: KubeTime?, fieldsV1: JSONValue, subresource: String
    ) -> JSONValue {
        var object = JSONObject(minimumCapacity: 7)
        object.appendUnchecked(key: "manager", value: .string(manager))
        object.appendUnchecked(key: "operation", value: .string(operation.rawValue))
        object.appendUnchecked(key: "apiVersion", value: .string(apiVersion))
        if let time { object.appendUnchecked(key: "time", value: time.json) }
        object.appendUnchecked(key: "fieldsType", value: "FieldsV1")
        object.appendUnchecked(key: "fieldsV1", value: fieldsV1)
        if !subresource.isEmpty { object.appendUnchecked(key: "subresource", value: .string(subresource)) }
        return .object(object)
    }
}
