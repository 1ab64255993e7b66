/// A cursor over protobuf wire-format bytes.
///
/// Every read checks its bounds and throws ``ProtobufDecodingError`` instead of trapping, so hostile input
/// (truncated varints, lengths past the end, endless groups) can only fail, never crash.
public struct ProtobufReader: Sendable {
    /// How deeply groups may nest while being skipped.
    public static let maximumGroupDepth = 64

    private let bytes: ArraySlice<UInt8>
    /// The index (into ``bytes``' base) of the next unread byte.
    public private(set) var position: Int

    /// A reader over `bytes`, positioned at their start.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// A reader over all of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    /// `true` when every byte has been read.
    public var isAtEnd: Bool { self.position >= self.bytes.endIndex }

    /// The number of unread bytes.
    public var remaining: Int { self.bytes.endIndex - self.position }

    /// Reads a base-128 varint of at most ten bytes.
    public mutating func readVarint() throws(ProtobufDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard shift < 64 else {
                throw ProtobufDecodingError(.varintOverflow, "proto: integer overflow (varint longer than 10 bytes)")
            }
            guard self.position < self.bytes.endIndex else {
                throw ProtobufDecodingError(.truncated, "proto: unexpected end of data inside a varint")
            }
            let byte = self.bytes[self.position]
            self.position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// Reads a field key, rejecting field number 0, numbers above 2^29 - 1 and wire types 6 and 7.
    public mutating func readKey() throws(ProtobufDecodingError) -> ProtobufFieldKey {
        let key = try self.readVarint()
        let number = key >> 3
        guard number > 0, number <= UInt64(ProtobufFieldKey.maximumFieldNumber) else {
            throw ProtobufDecodingError(.invalidFieldNumber, "proto: illegal field number \(number)")
        }
        guard let wireType = ProtobufWireType(rawValue: UInt8(key & 0x7)) else {
            throw ProtobufDecodingError(.invalidWireType, "proto: illegal wire type \(key & 0x7) for field \(number)")
        }
        return ProtobufFieldKey(fieldNumber: UInt32(number), wireType: wireType)
    }

    /// Reads a varint length and returns that many following bytes.
    public mutating func readLengthDelimited() throws(ProtobufDecodingError) -> ArraySlice<UInt8> {
        let length = try self.readVarint()
        guard length <= UInt64(Int.max) else {
            throw ProtobufDecodingError(.invalidLength, "proto: negative length found during unmarshaling")
        }
        guard Int(length) <= self.remaining else {
            throw ProtobufDecodingError(
                .truncated,
                "proto: length \(length) runs past the end of the data (\(self.remaining) bytes left)"
            )
        }
        let start = self.position
        self.position += Int(length)
        return self.bytes[start..<self.position]
    }

    /// Reads four little-endian bytes.
    public mutating func readFixed32() throws(ProtobufDecodingError) -> UInt32 {
        let slice = try self.readFixed(count: 4)
        var value: UInt32 = 0
        for (offset, byte) in slice.enumerated() { value |= UInt32(byte) << (8 * UInt32(offset)) }
        return value
    }

    /// Reads eight little-endian bytes.
    public mutating func readFixed64() throws(ProtobufDecodingError) -> UInt64 {
        let slice = try self.readFixed(count: 8)
        var value: UInt64 = 0
        for (offset, byte) in slice.enumerated() { value |= UInt64(byte) << (8 * UInt64(offset)) }
        return value
    }

    /// Skips the value of a field whose key was just read, groups included.
    ///
    /// An end-group key is only valid inside a group; here, with no group open, it is an error.
    public mutating func skipValue(of key: ProtobufFieldKey) throws(ProtobufDecodingError) {
        switch key.wireType {
        case .varint: _ = try self.readVarint()
        case .fixed64: _ = try self.readFixed(count: 8)
        case .lengthDelimited: _ = try self.readLengthDelimited()
        case .fixed32: _ = try self.readFixed(count: 4)
        case .startGroup: try self.skipGroup(startedBy: key)
        case .endGroup:
            throw ProtobufDecodingError(
                .invalidWireType,
                "proto: end-group key for field \(key.fieldNumber) outside a group"
            )
        }
    }

    private mutating func skipGroup(startedBy key: ProtobufFieldKey) throws(ProtobufDecodingError) {
        var openGroups: [UInt32] = [key.fieldNumber]
        while let innermost = openGroups.last {
            let inner = try self.readKey()
            switch inner.wireType {
            case .startGroup:
                guard openGroups.count < Self.maximumGroupDepth else {
                    throw ProtobufDecodingError(
                        .nestingTooDeep,
                        "proto: groups nested deeper than \(Self.maximumGroupDepth) levels"
                    )
                }
                openGroups.append(inner.fieldNumber)
            case .endGroup:
                guard inner.fieldNumber == innermost else {
                    throw ProtobufDecodingError(
                        .invalidWireType,
                        "proto: end-group key for field \(inner.fieldNumber) inside group \(innermost)"
                    )
                }
                openGroups.removeLast()
            default:
                try self.skipValue(of: inner)
            }
        }
    }

    private mutating func readFixed(count: Int) throws(ProtobufDecodingError) -> ArraySlice<UInt8> {
        guard count <= self.remaining else {
            throw ProtobufDecodingError(
                .truncated,
                "proto: unexpected end of data inside a \(count * 8)-bit fixed value"
            )
        }
        let start = self.position
        self.position += count
        return self.bytes[start..<self.position]
    }
}
