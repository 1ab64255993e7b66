/// A protobuf message as ``TypedDecoding`` checks JSON against it: the Go struct's name and its fields by JSON
/// name (those of inline, embedded messages included), each message-typed field already resolved to its shape.
/// Built once, so checking a member costs one dictionary lookup by its key.
struct TypedDecodingShape: Sendable {
    /// A field of the message, with the index of its message type's shape when it has one.
    struct Field: Sendable {
        let field: ProtobufField
        /// Index into ``all`` of the shape of the field's message type; `nil` for scalar types.
        let message: Int?
    }

    /// The Go struct name (`PodSpec` for `k8s.io.api.core.v1.PodSpec`), which Go's type errors name.
    let goName: String
    /// The fields by JSON name.
    let fields: [String: Field]

    private static let table = Self.build()

    /// Every message of ``ProtobufSchema``.
    static var all: [TypedDecodingShape] { Self.table.shapes }

    /// Index into ``all`` of the message named `name` (its full protobuf name).
    static func index(of name: String) -> Int? { Self.table.indexByName[name] }

    private static func build() -> (shapes: [TypedDecodingShape], indexByName: [String: Int]) {
        let names = ProtobufSchema.messagesByName.keys.sorted()
        var indexByName: [String: Int] = [:]
        for (index, name) in names.enumerated() { indexByName[name] = index }
        func fields(of name: String, depth: Int) -> [String: Field] {
            // Inline messages nest only a few levels; the bound keeps a schema cycle from recursing forever.
            guard depth < 8, let message = ProtobufSchema.message(named: name) else { return [:] }
            var byName: [String: Field] = [:]
            for field in message.fields {
                if field.presence == .inline, case .message(let embedded) = field.type {
                    byName.merge(fields(of: embedded, depth: depth + 1)) { own, _ in own }
                } else if case .message(let type) = field.type {
                    byName[field.jsonName] = Field(field: field, message: indexByName[type])
                } else {
                    byName[field.jsonName] = Field(field: field, message: nil)
                }
            }
            return byName
        }
        let shapes = names.map { name in
            TypedDecodingShape(
                goName: name.split(separator: ".").last.map(String.init) ?? name, fields: fields(of: name, depth: 0))
        }
        return (shapes, indexByName)
    }
}
