import KubeJSON

/// What a message decode collected for one field before it is written as JSON.
enum ProtobufFieldValues {
    /// The field was not on the wire.
    case absent
    /// The last scalar seen.
    case scalar(JSONValue)
    /// A struct-typed value: its encodings, in wire order (decoded together, which merges them as Go does).
    case encoded([ArraySlice<UInt8>])
    /// The elements of a repeated field.
    case list([JSONValue])
    /// The entries of a map field in wire order (a later duplicate key wins).
    case entries([(key: String, value: JSONValue)])
}
