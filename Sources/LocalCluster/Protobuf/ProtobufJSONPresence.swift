/// When a field appears in the JSON, following the Go field's type and `json` tag.
///
/// Go decodes a protobuf body into structs and the JSON is what `encoding/json` writes for them, so the
/// rules are Go's: a pointer is written when it was set, `omitempty` drops zero scalars and empty slices
/// and maps but never a struct, and a field without `omitempty` is always written (`null` for a nil slice,
/// map or pointer).
enum ProtobufJSONPresence: Sendable, Hashable {
    /// A value field tagged `omitempty`.
    case omitEmpty
    /// A value field without `omitempty`.
    case always
    /// A pointer field tagged `omitempty`: written exactly when it was on the wire, even with a zero value.
    case optional
    /// A pointer field without `omitempty`: its value when it was on the wire, `null` otherwise.
    case nullable
    /// A struct field tagged `omitzero`: left out when its value is the zero value.
    case omitZero
    /// An embedded struct (`json:",inline"`): its members are written into the enclosing object.
    case inline
}
