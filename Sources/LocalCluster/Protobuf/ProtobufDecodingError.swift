/// Why a protobuf body could not be decoded.
///
/// ``Reason-swift.enum/unknownKind`` and ``Reason-swift.enum/unsupportedEncoding`` mean the body may be
/// well formed but is not something this server decodes (415); every other reason means it is malformed (400).
public struct ProtobufDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure.
    public enum Reason: Sendable, Hashable {
        /// The body does not start with the `k8s\0` magic bytes.
        case missingMagic
        /// A varint, fixed-width value or length-delimited field runs past the end of its buffer.
        case truncated
        /// A varint longer than ten bytes.
        case varintOverflow
        /// A length that cannot be a length.
        case invalidLength
        /// Field number 0 or above 2^29 - 1.
        case invalidFieldNumber
        /// Wire type 6 or 7, or an end-group key without a group.
        case invalidWireType
        /// A known field sent with a wire type its type never uses.
        case wrongWireType
        /// Groups or messages nested deeper than the decoder allows.
        case nestingTooDeep
        /// A value the Go types reject: an unparsable quantity, an out-of-range time, embedded JSON that is
        /// not JSON.
        case invalidValue
        /// The envelope names a content encoding (such as gzip) this server does not undo.
        case unsupportedEncoding
        /// The envelope names an `apiVersion`/`kind` this server has no protobuf schema for.
        case unknownKind
    }

    /// The class of failure.
    public let reason: Reason
    /// A human-readable explanation naming the problem.
    public let message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `true` when the body is not malformed but is of a kind or encoding the server does not decode.
    public var isUnsupported: Bool {
        switch self.reason {
        case .unknownKind, .unsupportedEncoding: true
        default: false
        }
    }

    public var description: String { self.message }
}
