import KubeJSON
import KubeModel

/// What kube-apiserver's decoding of a body into its Go type reports, found without decoding: the first value a
/// field cannot take (Go's `json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type
/// []v1.Container`) and the members no field takes (`spec.containers[0].imagePullPolice`, reported under
/// `fieldValidation=Strict`).
///
/// Built-in kinds are checked against the Go types their protobuf schema describes (``ProtobufSchema``); custom
/// resources, whose schema is their CRD's, have only `metadata` checked here (against `ObjectMeta`, which kube
/// decodes for every object). The rules are those of `sigs.k8s.io/json`: keys match case-sensitively, `null`
/// fits every field, an integer field takes only an integer literal in range, and the first type error in
/// document order is the one reported, unless a field with its own decoder (`metav1.Time`, `IntOrString`,
/// `resource.Quantity`) fails, which ends decoding with its own error.
struct TypedDecoding {
    /// The error decoding stops with; `nil` when every value fits its field.
    private(set) var error: String?
    /// The paths of members no field takes, in document order (at most 100, as `sigs.k8s.io/json` keeps).
    private(set) var unknownFields: [String] = []
    /// Set once a field's own decoder failed: Go returns that error at once.
    private var stopped = false
    /// Where the walk is; turned into text only for an error or an unknown field.
    private var path = TypedDecodingPath()
    private let shapes = TypedDecodingShape.all

    /// The schema of a built-in kind; `nil` for kinds the server has no Go type for (custom resources).
    static func message(apiVersion: String, kind: String) -> ProtobufMessage? {
        ProtobufSchema.message(apiVersion: apiVersion, kind: kind)
    }

    /// Checks every member of `object` (but `apiVersion` and `kind`) against `message`.
    ///
    /// - Parameter unchanged: the stored object a patch was applied to, when `object` is its result. Parts of
    ///   `object` that are still that object's storage (``JSONObject/isKnownIdentical(to:)``) are not walked:
    ///   they passed this check when they were written, and a patch of one label would otherwise re-check a
    ///   whole pod (a quarter of the server's CPU on such patches).
    init(object: JSONObject, message: ProtobufMessage, unchanged: JSONObject? = nil) {
        guard let shape = TypedDecodingShape.index(of: message.name) else { return }
        self.checkMembers(of: object, shape: shape, root: true, unchanged: unchanged)
    }

    /// Checks `object.metadata` alone, against `ObjectMeta`; `kind` names the object's own type in messages.
    init(metadataOf object: JSONObject, kind: String) {
        guard let metadata = object["metadata"], let shape = TypedDecodingShape.index(of: Self.objectMeta) else { return }
        let field = ProtobufField(1, "metadata", .message(Self.objectMeta), .single, .omitEmpty)
        self.path.push(.field("metadata"))
        self.check(metadata, field: TypedDecodingShape.Field(field: field, message: shape), owner: kind)
    }

    private static let objectMeta = "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"

    // MARK: - Walking the document

    private mutating func checkMembers(of object: JSONObject, shape index: Int, root: Bool = false, unchanged: JSONObject? = nil) {
        let shape = self.shapes[index]
        for member in object {
            if self.stopped { return }
            if root && (member.key == "apiVersion" || member.key == "kind") { continue }
            self.path.push(.field(member.key))
            if let field = shape.fields[member.key] {
                self.check(member.value, field: field, owner: shape.goName, unchanged: Self.container(unchanged, member.key, member.value))
            } else {
                self.recordUnknown()
            }
            self.path.pop()
        }
    }

    /// The container `value` replaced in `unchanged` (the member `key`), when both are containers; `nil` for
    /// anything else (scalars are checked as they are).
    private static func container(_ unchanged: JSONObject?, _ key: String, _ value: JSONValue) -> JSONValue? {
        guard let unchanged else { return nil }
        switch value {
        case .object, .array: return unchanged[key]
        default: return nil
        }
    }

    /// Checks the value of `field` (the member at ``path`` of a struct named `owner`); `unchanged` is what it
    /// replaced in a patched object.
    private mutating func check(_ value: JSONValue, field: TypedDecodingShape.Field, owner: String, unchanged: JSONValue? = nil) {
        if value.isNull { return }
        if let unchanged, value.isKnownIdentical(to: unchanged) { return }
        switch field.field.shape {
        case .single:
            self.checkValue(value, field: field, owner: owner, unchanged: unchanged)
        case .repeated:
            guard case .array(let elements) = value else {
                return self.typeError(value, owner: owner, type: "[]" + Self.goType(field.field.type))
            }
            let before = unchanged?.arrayValue
            for (index, element) in elements.enumerated() where !self.stopped {
                let replaced = before.flatMap { index < $0.count ? $0[index] : nil }
                if let replaced, element.isKnownIdentical(to: replaced) { continue }
                self.path.push(.index(index))
                self.checkValue(element, field: field, owner: owner, unchanged: replaced)
                self.path.pop()
            }
        case .map:
            guard case .object(let entries) = value else {
                return self.typeError(value, owner: owner, type: "map[string]" + Self.goType(field.field.type))
            }
            let before = unchanged?.objectValue
            for entry in entries where !self.stopped {
                let replaced = Self.container(before, entry.key, entry.value)
                if let replaced, entry.value.isKnownIdentical(to: replaced) { continue }
                self.path.push(.key(entry.key))
                self.checkValue(entry.value, field: field, owner: owner, unchanged: replaced)
                self.path.pop()
            }
        }
    }

    /// Checks one value of `field`'s type (its value, or an element or entry of a list or map field).
    private mutating func checkValue(_ value: JSONValue, field: TypedDecodingShape.Field, owner: String, unchanged: JSONValue? = nil) {
        if value.isNull { return }
        let type = field.field.type
        switch type {
        case .string:
            if value.stringValue == nil { self.typeError(value, owner: owner, type: "string") }
        case .bytes:
            if value.stringValue == nil { self.typeError(value, owner: owner, type: "[]uint8") }
        case .bool:
            if value.boolValue == nil { self.typeError(value, owner: owner, type: "bool") }
        case .int32, .int64:
            let goType = type == .int32 ? "int32" : "int64"
            switch value {
            case .int(let number):
                if type == .int32 && Int32(exactly: number) == nil {
                    self.typeError("number \(number)", owner: owner, type: goType)
                }
            case .number(let number):
                self.typeError("number \(number.text)", owner: owner, type: goType)
            default:
                self.typeError(value, owner: owner, type: goType)
            }
        case .time, .microTime:
            // metav1.Time decodes a string and parses it as RFC 3339.
            guard case .string(let text) = value else {
                return self.stop(Self.typeErrorText(Self.valueName(value), owner: owner, fieldPath: self.path.goFieldPath, type: "string"))
            }
            do {
                if type == .time { _ = try KubeTime(parsing: text) } else { _ = try MicroTime(parsing: text) }
            } catch {
                self.stop(error.message)
            }
        case .quantity:
            // resource.Quantity parses a string, or the JSON text of anything else.
            let text: String
            switch value {
            case .string(let string):
                if Self.isPlainQuantity(string) { return }
                text = string
            case .int(let number): text = String(number)
            case .number(let number): text = number.text
            default: text = value.serializedString()
            }
            do {
                _ = try Quantity(parsing: Self.trimmingSpaces(text))
            } catch {
                self.stop(error.description)
            }
        case .intOrString:
            // IntOrString takes a string, or decodes anything else as an int32.
            switch value {
            case .string: break
            case .int(let number) where Int32(exactly: number) != nil: break
            case .int(let number):
                self.stop(Self.typeErrorText("number \(number)", owner: owner, fieldPath: self.path.goFieldPath, type: "int32"))
            case .number(let number):
                self.stop(Self.typeErrorText("number \(number.text)", owner: owner, fieldPath: self.path.goFieldPath, type: "int32"))
            default:
                self.stop(Self.typeErrorText(Self.valueName(value), owner: owner, fieldPath: self.path.goFieldPath, type: "int32"))
            }
        case .fieldsV1, .rawExtension:
            break  // raw JSON of any shape
        case .message:
            guard let shape = field.message else { return }
            guard case .object(let members) = value else {
                return self.typeError(value, owner: owner, type: Self.goType(type))
            }
            self.checkMembers(of: members, shape: shape, unchanged: unchanged?.objectValue)
        }
    }

    // MARK: - Errors

    private mutating func typeError(_ value: JSONValue, owner: String, type: String) {
        self.typeError(Self.valueName(value), owner: owner, type: type)
    }

    /// Saves the first type error; decoding goes on, as Go's does, so later unknown fields are still found.
    private mutating func typeError(_ valueName: String, owner: String, type: String) {
        if self.error == nil {
            self.error = Self.typeErrorText(valueName, owner: owner, fieldPath: self.path.goFieldPath, type: type)
        }
    }

    /// A field's own decoder failed: that error ends decoding and wins over any saved one.
    private mutating func stop(_ message: String) {
        self.error = message
        self.stopped = true
    }

    private mutating func recordUnknown() {
        guard self.unknownFields.count < 100 else { return }
        let text = self.path.text
        if !self.unknownFields.contains(text) { self.unknownFields.append(text) }
    }

    /// Go's `UnmarshalTypeError` text.
    static func typeErrorText(_ valueName: String, owner: String, fieldPath: [String], type: String) -> String {
        guard !fieldPath.isEmpty else { return "json: cannot unmarshal \(valueName) into Go value of type \(type)" }
        return "json: cannot unmarshal \(valueName) into Go struct field \(owner).\(fieldPath.joined(separator: ".")) of type \(type)"
    }

    /// How Go's decoder names a JSON value it cannot store.
    static func valueName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .int, .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The Go type of a value of `type`, as `reflect.Type.String()` prints it.
    private static func goType(_ type: ProtobufFieldType) -> String {
        switch type {
        case .string: "string"
        case .bytes: "[]uint8"
        case .bool: "bool"
        case .int32: "int32"
        case .int64: "int64"
        case .time: "v1.Time"
        case .microTime: "v1.MicroTime"
        case .quantity: "resource.Quantity"
        case .intOrString: "intstr.IntOrString"
        case .fieldsV1: "v1.FieldsV1"
        case .rawExtension: "runtime.RawExtension"
        case .message(let name): Self.packageQualifiedName(name)
        }
    }

    /// `v1.PodSpec` for `k8s.io.api.core.v1.PodSpec`.
    private static func packageQualifiedName(_ name: String) -> String {
        let parts = name.split(separator: ".")
        guard parts.count >= 2 else { return name }
        return "\(parts[parts.count - 2]).\(parts[parts.count - 1])"
    }

    /// `true` for the quantities nearly every pod carries (`100m`, `64Mi`, `2`): one to nine digits and at most
    /// one of the common suffixes, which ``Quantity`` always parses; anything else goes to the parser.
    static func isPlainQuantity(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        var digits = 0
        while let byte = utf8.first, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            digits += 1
            utf8 = utf8.dropFirst()
        }
        guard digits >= 1 && digits <= 9 else { return false }
        guard let first = utf8.first else { return true }
        switch utf8.count {
        case 1: return "mkMGT".utf8.contains(first)
        case 2: return utf8.last == UInt8(ascii: "i") && "KMGT".utf8.contains(first)
        default: return false
        }
    }

    /// `strings.TrimSpace` for the ASCII spaces a quantity may carry.
    private static func trimmingSpaces(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
