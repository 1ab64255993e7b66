/// The schema of one protobuf message: its fields in Go struct order, which is the JSON member order.
struct ProtobufMessage: Sendable {
    /// The full protobuf name (`k8s.io.api.core.v1.PodSpec`).
    let name: String
    /// The fields in the order Go declares them.
    let fields: [ProtobufField]
    /// Index into ``fields`` by field number.
    let fieldIndexByNumber: [UInt32: Int]

    init(_ name: String, fields: [ProtobufField]) {
        self.name = name
        self.fields = fields
        var index: [UInt32: Int] = [:]
        for (position, field) in fields.enumerated() { index[field.number] = position }
        self.fieldIndexByNumber = index
    }
}
