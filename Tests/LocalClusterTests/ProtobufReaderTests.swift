import LocalCluster
import Testing

/// The wire-format reader on well-formed and malformed input.
@Suite("Protobuf wire reader")
struct ProtobufReaderTests {
    /// The reason `body` failed, `nil` if it did not; an error of another type is recorded as an issue.
    static func reason(_ body: () throws -> Void) -> ProtobufDecodingError.Reason? {
        do {
            try body()
            return nil
        } catch let error as ProtobufDecodingError {
            return error.reason
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("varints of one to ten bytes")
    func varints() throws {
        var reader = ProtobufReader([0x00, 0x7F, 0x80, 0x01, 0xAC, 0x02] + [UInt8](repeating: 0xFF, count: 9) + [0x01])
        #expect(try reader.readVarint() == 0)
        #expect(try reader.readVarint() == 127)
        #expect(try reader.readVarint() == 128)
        #expect(try reader.readVarint() == 300)
        #expect(try reader.readVarint() == UInt64.max)
        #expect(reader.isAtEnd)
    }

    @Test("truncated and overlong varints")
    func badVarints() {
        #expect(Self.reason { var r = ProtobufReader([0x80, 0x80]); _ = try r.readVarint() } == .truncated)
        #expect(Self.reason { var r = ProtobufReader([]); _ = try r.readVarint() } == .truncated)
        let overlong = [UInt8](repeating: 0x80, count: 10) + [0x01]
        #expect(Self.reason { var r = ProtobufReader(overlong); _ = try r.readVarint() } == .varintOverflow)
    }

    @Test("keys: field numbers and wire types")
    func keys() throws {
        var reader = ProtobufReader([0x0A, 0xA2, 0x01, 0x80, 0x01])
        #expect(try reader.readKey() == ProtobufFieldKey(fieldNumber: 1, wireType: .lengthDelimited))
        #expect(try reader.readKey() == ProtobufFieldKey(fieldNumber: 20, wireType: .lengthDelimited))
        #expect(try reader.readKey() == ProtobufFieldKey(fieldNumber: 16, wireType: .varint))
        #expect(Self.reason { var r = ProtobufReader([0x02]); _ = try r.readKey() } == .invalidFieldNumber)
        #expect(Self.reason { var r = ProtobufReader([0x0E]); _ = try r.readKey() } == .invalidWireType)
        #expect(Self.reason { var r = ProtobufReader([0x0F]); _ = try r.readKey() } == .invalidWireType)
        let huge: [UInt8] = [0xF8, 0xFF, 0xFF, 0xFF, 0x7F]
        #expect(Self.reason { var r = ProtobufReader(huge); _ = try r.readKey() } == .invalidFieldNumber)
    }

    @Test("length-delimited values are bounds checked")
    func lengths() throws {
        var reader = ProtobufReader([0x03, 0x61, 0x62, 0x63, 0x00])
        #expect(Array(try reader.readLengthDelimited()) == [0x61, 0x62, 0x63])
        #expect(Array(try reader.readLengthDelimited()) == [])
        #expect(Self.reason { var r = ProtobufReader([0x05, 0x61]); _ = try r.readLengthDelimited() } == .truncated)
        let enormous = [UInt8](repeating: 0xFF, count: 9) + [0x01]
        #expect(Self.reason { var r = ProtobufReader(enormous); _ = try r.readLengthDelimited() } == .invalidLength)
        let large: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        #expect(Self.reason { var r = ProtobufReader(large); _ = try r.readLengthDelimited() } == .truncated)
    }

    @Test("fixed-width values and skipping every wire type")
    func skipping() throws {
        var reader = ProtobufReader([0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00])
        #expect(try reader.readFixed32() == 1)
        #expect(Self.reason { _ = try reader.readFixed64() } == .truncated)
        // varint 8, fixed64 9, bytes 10, group 11 { varint 1, group 12 {} }, fixed32 13
        let fields: [UInt8] = [
            0x40, 0x96, 0x01,
            0x49, 1, 2, 3, 4, 5, 6, 7, 8,
            0x52, 0x02, 0xAA, 0xBB,
            0x5B, 0x08, 0x01, 0x63, 0x64, 0x5C,
            0x6D, 1, 2, 3, 4,
        ]
        var skipper = ProtobufReader(fields)
        while !skipper.isAtEnd {
            let key = try skipper.readKey()
            try skipper.skipValue(of: key)
        }
        #expect(Self.reason { var r = ProtobufReader([0x0C]); try r.skipValue(of: try r.readKey()) } == .invalidWireType)
        #expect(Self.reason { var r = ProtobufReader([0x0B, 0x14]); try r.skipValue(of: try r.readKey()) } == .invalidWireType)
        #expect(Self.reason { var r = ProtobufReader([0x0B, 0x08]); try r.skipValue(of: try r.readKey()) } == .truncated)
        let deep = [UInt8](repeating: 0x0B, count: 1000)
        #expect(Self.reason { var r = ProtobufReader(deep); try r.skipValue(of: try r.readKey()) } == .nestingTooDeep)
    }
}
