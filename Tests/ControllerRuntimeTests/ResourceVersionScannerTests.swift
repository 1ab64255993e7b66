@testable import KubeClient
import KubeJSON
import KruiseTestSupport
import Testing

@Suite struct ResourceVersionScannerTests {
    static func scan(_ text: String) -> String? {
        ResourceVersionScanner.resourceVersion(in: Array(text.utf8))
    }

    @Test(arguments: [
        (#"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"a","resourceVersion":"42"},"spec":{}}"#, "42"),
        // whitespace anywhere, metadata after other members, nested containers and look-alike keys before it
        (#" { "spec" : { "resourceVersion" : "1", "x" : [ {"metadata":{"resourceVersion":"2"}} ] } , "metadata" : { "labels" : { "resourceVersion" : "3" } , "resourceVersion" : "7" } } "#, "7"),
        // escaped quotes and braces inside strings, and a key spelled with an escape (not the member we want)
        (#"{"a":"}\"{\\","metadata":{"annotations":{"k:{\"resourceVersion\":\"9\"}":"v"},"resource\u0056ersion":"8","resourceVersion":"10"}}"#, "10"),
        (#"{"metadata":{"managedFields":[{"manager":"m","fieldsV1":{"f:metadata":{}}}],"resourceVersion":"11","uid":"u"}}"#, "11"),
        (#"{"metadata":{"name":"a"}}"#, nil),  // no version
        (#"{"metadata":[],"resourceVersion":"1"}"#, nil),  // metadata not an object; a root-level version is not it
        (#"{"metadata":{"resourceVersion":5}}"#, nil),  // not a string
        (#"{"metadata":{"resourceVersion":"1\u0032"}}"#, nil),  // escaped: left to the full decode
        (#"[{"metadata":{"resourceVersion":"1"}}]"#, nil),
        (#"{"metadata":{"name":"a","resourceVersion":"1"#, nil),  // cut off
        ("", nil), ("{", nil), (#"{"metadata""#, nil), (#"{"metadata":{"a":}"#, nil),
    ] as [(String, String?)])
    func findsTheObjectsOwnVersion(text: String, expected: String?) {
        #expect(Self.scan(text) == expected)
    }

    /// Random values with the keys and characters that could mislead a scan.
    static func value(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        let keys = ["metadata", "resourceVersion", "a", "k:{\"resourceVersion\":\"1\"}", "}", "x\\"]
        let texts = ["1", "\"}{", "\\", "resourceVersion", "", "é"]
        switch depth > 3 ? Int.random(in: 0..<3, using: &random) : Int.random(in: 0..<5, using: &random) {
        case 0: return .string(texts.randomElement(using: &random)!)
        case 1: return .int(Int64.random(in: -5...5, using: &random))
        case 2: return Bool.random(using: &random) ? .null : .bool(true)
        case 3: return .array((0..<Int.random(in: 0..<3, using: &random)).map { _ in Self.value(&random, depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0..<4, using: &random) {
                object[keys.randomElement(using: &random)!] = Self.value(&random, depth: depth + 1)
            }
            return .object(object)
        }
    }

    /// Whatever the object, the scan finds what decoding finds, or gives up on a version written with escapes.
    @Test func agreesWithDecoding() throws {
        var random = SplitMix64(seed: 11)
        for round in 0..<2000 {
            var object = Self.value(&random, depth: 0).objectValue ?? JSONObject()
            if round % 4 != 0 {
                var metadata = Self.value(&random, depth: 1).objectValue ?? JSONObject()
                if round % 3 != 0 { metadata["resourceVersion"] = .string(String(round * 7919)) }
                object["metadata"] = .object(metadata)
            }
            let text = JSONValue.object(object).serialized()
            let decoded = try PackedJSON(parsing: text).root["metadata"]?["resourceVersion"]?.stringValue
            let scanned = ResourceVersionScanner.resourceVersion(in: text)
            // Nil only for a version written with escapes, which the caller decodes in full.
            let escaped = decoded.map { JSONValue.string($0).serialized().contains(UInt8(ascii: "\\")) } ?? false
            #expect(scanned == decoded || (scanned == nil && escaped), "\(String(decoding: text, as: UTF8.self))")
        }
    }
}
