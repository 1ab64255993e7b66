/// Whether a protobuf field holds one value, a list, or a map.
enum ProtobufFieldShape: Sendable, Hashable {
    /// One value; when the field repeats on the wire, the last scalar wins and messages merge.
    case single
    /// `repeated`: a Go slice, a JSON array (packed scalars accepted as well as unpacked ones).
    case repeated
    /// `map<string, T>`: entries `{1: key, 2: value}`, a JSON object with sorted keys (as Go writes maps).
    case map
}
