public import KubeJSON

/// Why bytes could not be decoded into a model object.
public enum ModelDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not valid JSON.
    case json(JSONParseError)
    /// The JSON does not fit the model.
    case field(FieldError)

    public var description: String {
        switch self {
        case .json(let error): "invalid JSON: \(error)"
        case .field(let error): error.description
        }
    }
}
