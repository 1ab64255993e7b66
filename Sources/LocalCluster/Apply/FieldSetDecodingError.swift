/// A `fieldsV1` document or a `managedFields` entry that cannot be read.
public struct FieldSetDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for the error message.
    public var message: String

    /// An error with the given message.
    public init(message: String) {
        self.message = message
    }

    public var description: String { self.message }
}
