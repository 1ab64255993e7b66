@testable import LocalCluster
import KubeJSON
import KruiseTestSupport
import Testing

/// Hostile protobuf bodies fail with errors and never crash.
@Suite("Protobuf hostile input")
struct ProtobufHostileInputTests {
    static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    static func outcome(_ body: [UInt8]) -> Result<JSONValue, ProtobufDecodingError> {
        do {
            return .success(try KubernetesProtobuf.decodeObject(body))
        } catch {
            return .failure(error)
        }
    }

    @Test("10,000 random bodies, with and without the magic, are rejected")
    func randomBytes() {
        var generator = SplitMix64(seed: 0x6B38_7300)
        var failures = 0
        for index in 0..<10_000 {
            let count = Int.random(in: 0...512, using: &generator)
            var body = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if index % 2 == 0 { body = Self.magic + body }
            if case .failure = Self.outcome(body) { failures += 1 }
        }
        #expect(failures == 10_000)
    }

    @Test("10,000 mutations of real bodies either decode or fail cleanly")
    func mutations() throws {
        let seeds = [
            ProtobufRecordingTests.createNamespace, ProtobufRecordingTests.createDeployment,
            ProtobufRecordingTests.createJob, ProtobufRecordingTests.createSecret, ProtobufRecordingTests.createToken,
        ]
        var generator = SplitMix64(seed: 42)
        var decoded = 0
        var failed = 0
        for _ in 0..<10_000 {
            var body = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: Self.magic.count..<body.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: body[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: body[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
                case 2: body.removeSubrange(position...)
                default: body.insert(UInt8.random(in: 0...255, using: &generator), at: position)
                }
                if body.count <= Self.magic.count { break }
            }
            switch Self.outcome(body) {
            case .success: decoded += 1
            case .failure: failed += 1
            }
        }
        #expect(decoded + failed == 10_000)
        #expect(failed > 0)
    }

    @Test("every truncation of a recorded body inside its object fails")
    func truncations() {
        let bodies = [
            ProtobufRecordingTests.createNamespace, ProtobufRecordingTests.createDeployment,
            ProtobufRecordingTests.createJob, ProtobufRecordingTests.authCanI,
        ]
        for body in bodies {
            // The magic, the TypeMeta field (key, one-byte length, content), then the raw field's key; the
            // raw field ends 4 bytes before the end (two empty strings follow).
            let rawKey = 4 + 2 + Int(body[5])
            for length in 0..<body.count {
                let outcome = Self.outcome(Array(body.prefix(length)))
                guard length > rawKey, length < body.count - 4 else { continue }
                guard case .failure = outcome else {
                    Issue.record("a body cut to \(length) of \(body.count) bytes decoded")
                    continue
                }
            }
        }
    }

    @Test("huge lengths, truncated varints and deep groups inside an object")
    func craftedAttacks() {
        let header = ProtobufTestWriter {
            $0.message(1) {
                $0.string(1, "v1")
                $0.string(2, "Namespace")
            }
        }.bytes
        let hugeLength = Self.magic + header + [0x12] + [UInt8](repeating: 0xFF, count: 9) + [0x01]
        #expect(Self.reason(hugeLength) == .invalidLength)
        let longerThanBody = Self.magic + header + [0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]
        #expect(Self.reason(longerThanBody) == .truncated)
        let pastEnd = Self.magic + header + [0x12, 0x10, 0x0A]
        #expect(Self.reason(pastEnd) == .truncated)
        let truncatedVarint = Self.magic + header + [0x12, 0x03, 0x0A, 0x01, 0x80]
        #expect(Self.reason(truncatedVarint) == .truncated)
        // 0x7B starts a group for field 15, which Namespace does not have, so the decoder skips it.
        let deepGroups = Self.magic + header + [0x12] + Self.lengthPrefixed([UInt8](repeating: 0x7B, count: 500))
        #expect(Self.reason(deepGroups) == .nestingTooDeep)
        let unterminatedGroup = Self.magic + header + [0x12, 0x01, 0x7B]
        #expect(Self.reason(unterminatedGroup) == .truncated)
        let closedGroup = Self.magic + header + [0x12, 0x04, 0x7B, 0x08, 0x01, 0x7C]
        #expect(Self.reason(closedGroup) == nil)
    }

    @Test("messages nested past the limit fail instead of exhausting the stack")
    func deepNesting() throws {
        let node = ProtobufMessage(
            "test.Node",
            fields: [
                ProtobufField(1, "name", .string, .single, .omitEmpty),
                ProtobufField(2, "child", .message("test.Node"), .single, .optional),
            ]
        )
        let decoder = ProtobufJSONDecoder(messages: ["test.Node": node])
        var shallow = ProtobufTestWriter { $0.string(1, "leaf") }.bytes
        for _ in 0..<10 { shallow = ProtobufTestWriter { $0.bytes(2, shallow) }.bytes }
        let decoded = try decoder.decode(node, from: shallow[...])
        #expect(decoded["child"]?["child"] != nil)
        var deep: [UInt8] = []
        for _ in 0..<200 { deep = ProtobufTestWriter { $0.bytes(2, deep) }.bytes }
        do {
            _ = try decoder.decode(node, from: deep[...])
            Issue.record("a 200-deep message decoded")
        } catch {
            #expect(error.reason == .nestingTooDeep)
        }
    }

    static func lengthPrefixed(_ bytes: [UInt8]) -> [UInt8] {
        var writer = ProtobufTestWriter()
        writer.varint(UInt64(bytes.count))
        return writer.bytes + bytes
    }

    static func reason(_ body: [UInt8]) -> ProtobufDecodingError.Reason? {
        if case .failure(let error) = Self.outcome(body) { return error.reason }
        return nil
    }
}
