import Testing

@testable import LocalCluster

/// Object UIDs come from a pool of kernel random bytes refilled every 256 UIDs.
@Suite struct RandomIdentifiersTests {
    @Test func uidsAreVersion4UUIDsAndNeverRepeat() {
        var seen = Set<String>()
        // Several refills of the pool.
        for _ in 0..<2_000 {
            let uid = RandomIdentifiers.uuid()
            let utf8 = Array(uid.utf8)
            #expect(utf8.count == 36)
            #expect([8, 13, 18, 23].allSatisfy { utf8[$0] == UInt8(ascii: "-") })
            #expect(utf8[14] == UInt8(ascii: "4"))
            #expect("89ab".utf8.contains(utf8[19]))
            #expect(uid.allSatisfy { "0123456789abcdef-".contains($0) })
            seen.insert(uid)
        }
        #expect(seen.count == 2_000)
    }
}
