internal import KubeJSON

/// One framed record of the write-ahead log and of snapshots.
///
/// Frame: payload length (UInt32, little endian), CRC-32 of the payload (UInt32, little endian), payload.
/// Payload: operation (1 = put, 2 = delete), resourceVersion (UInt64 LE), then group, resource, namespace and
/// name (each a UInt16 LE byte count and UTF-8), then for a put the object's compact JSON to the end.
enum LogRecord: Sendable {
    case put(StoredObject)
    case delete(ObjectKey, resourceVersion: UInt64)

    static let headerSize = 8
    /// Payloads above this size are treated as a damaged length field.
    static let maximumPayloadSize = 256 << 20

    private static let putOperation: UInt8 = 1
    private static let deleteOperation: UInt8 = 2

    var resourceVersion: UInt64 {
        switch self {
        case .put(let object): object.resourceVersion
        case .delete(_, let resourceVersion): resourceVersion
        }
    }

    /// Appends this record, framed, to `buffer`.
    func append(to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.headerSize))
        switch self {
        case .put(let object):
            buffer.append(Self.putOperation)
            Self.appendHead(key: object.key, resourceVersion: object.resourceVersion, to: &buffer)
            buffer.append(contentsOf: object.bytes)
        case .delete(let key, let resourceVersion):
            buffer.append(Self.deleteOperation)
            Self.appendHead(key: key, resourceVersion: resourceVersion, to: &buffer)
        }
        let payloadStart = start + Self.headerSize
        let length = UInt32(buffer.count - payloadStart)
        let checksum = buffer.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[payloadStart...])) }
        Self.store(length, into: &buffer, at: start)
        Self.store(checksum, into: &buffer, at: start + 4)
    }

    private static func appendHead(key: ObjectKey, resourceVersion: UInt64, to buffer: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) {
            buffer.append(UInt8(truncatingIfNeeded: resourceVersion >> UInt64(shift)))
        }
        for part in [key.group, key.resource, key.namespace, key.name] {
            let count = part.utf8.count
            buffer.append(UInt8(truncatingIfNeeded: count))
            buffer.append(UInt8(truncatingIfNeeded: count >> 8))
            buffer.append(contentsOf: part.utf8)
        }
    }

    private static func store(_ value: UInt32, into buffer: inout [UInt8], at index: Int) {
        buffer[index] = UInt8(truncatingIfNeeded: value)
        buffer[index + 1] = UInt8(truncatingIfNeeded: value >> 8)
        buffer[index + 2] = UInt8(truncatingIfNeeded: value >> 16)
        buffer[index + 3] = UInt8(truncatingIfNeeded: value >> 24)
    }

    /// What ``read(from:at:)`` found.
    enum ReadResult {
        /// A valid record and the offset just after it.
        case record(LogRecord, next: Int)
        /// `offset` is exactly the end of the bytes.
        case end
        /// The bytes from `offset` on are not a valid record (torn, damaged or truncated).
        case invalid(reason: String)
    }

    /// Reads the record at `offset`.
    static func read(from bytes: [UInt8], at offset: Int) -> ReadResult {
        let available = bytes.count - offset
        if available == 0 { return .end }
        guard available >= Self.headerSize else { return .invalid(reason: "truncated record header") }
        let length = Int(Self.load(bytes, at: offset))
        let checksum = Self.load(bytes, at: offset + 4)
        guard length >= 1 + 8 + 8, length <= Self.maximumPayloadSize else {
            return .invalid(reason: "implausible record length \(length)")
        }
        guard available - Self.headerSize >= length else { return .invalid(reason: "truncated record") }
        let payloadStart = offset + Self.headerSize
        let payloadEnd = payloadStart + length
        let actual = bytes.withUnsafeBytes {
            CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[payloadStart..<payloadEnd]))
        }
        guard actual == checksum else { return .invalid(reason: "checksum mismatch") }
        guard let record = Self.decodePayload(bytes[payloadStart..<payloadEnd]) else {
            return .invalid(reason: "malformed record payload")
        }
        return .record(record, next: payloadEnd)
    }

    private static func decodePayload(_ payload: ArraySlice<UInt8>) -> LogRecord? {
        var index = payload.startIndex
        let operation = payload[index]
        index += 1
        var resourceVersion: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) {
            resourceVersion |= UInt64(payload[index]) << UInt64(shift)
            index += 1
        }
        var parts: [String] = []
        for _ in 0..<4 {
            guard payload.endIndex - index >= 2 else { return nil }
            let count = Int(payload[index]) | Int(payload[index + 1]) << 8
            index += 2
            guard payload.endIndex - index >= count else { return nil }
            parts.append(String(decoding: payload[index..<(index + count)], as: UTF8.self))
            index += count
        }
        let key = ObjectKey(group: parts[0], resource: parts[1], namespace: parts[2], name: parts[3])
        switch operation {
        case Self.putOperation:
            let objectBytes = Array(payload[index...])
            guard let value = try? JSONValue(parsing: objectBytes) else { return nil }
            guard case .object = value else { return nil }
            return .put(StoredObject(key: key, resourceVersion: resourceVersion, packing: value))
        case Self.deleteOperation:
            guard index == payload.endIndex else { return nil }
            return .delete(key, resourceVersion: resourceVersion)
        default:
            return nil
        }
    }

    private static func load(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
            | UInt32(bytes[index + 3]) << 24
    }
}
