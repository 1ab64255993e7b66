import KubeJSON
import KruiseTestSupport
import Testing

@Suite struct JSONRoundTripTests {
    static let optionSets: [(String, JSONWriter.Options)] = [
        ("compact", JSONWriter.Options()),
        ("indent 2", JSONWriter.Options(indent: 2)),
        ("escapeHTML", JSONWriter.Options(escapeHTML: true)),
        ("indent 2 + escapeHTML", JSONWriter.Options(indent: 2, escapeHTML: true)),
    ]

    /// parse(serialize(v)) == v, and serializing the parsed value again gives the same bytes.
    @Test func randomValuesRoundTrip() throws {
        var cases = 0
        for seed in UInt64(1)...2500 {
            var random = RandomJSON(seed: seed)
            random.maxDepth = 5
            let value = random.value()
            for (name, options) in Self.optionSets {
                let bytes = value.serialized(options: options)
                let parsed = try JSONValue(parsing: bytes)
                #expect(parsed == value, "seed \(seed), \(name)")
                #expect(parsed.serialized(options: options) == bytes, "seed \(seed), \(name)")
                cases += 1
            }
        }
        #expect(cases == 10_000)
    }

    @Test func extremeIntegersRoundTrip() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let n = Int64(bitPattern: rng.next())
            let text = JSONValue.int(n).serializedString()
            #expect(text == String(n))
            #expect(try JSONValue(parsing: text) == .int(n))
        }
        for n in [Int64.min, .max, 0, -1, 1] {
            #expect(try JSONValue(parsing: JSONValue.int(n).serializedString()) == .int(n))
        }
    }

    @Test func escapeHTMLAndSeparators() {
        let value: JSONValue = ["k": "<a&b>\u{2028}\u{2029}"]
        #expect(value.serializedString(options: .init(escapeHTML: true)) == #"{"k":"\u003ca\u0026b\u003e\u2028\u2029"}"#)
        #expect(value.serializedString() == #"{"k":"<a&b>\u2028\u2029"}"#)
        #expect(JSONValue.object(["a": [1, ["b": nil]]]).serializedString(options: .init(indent: 2)) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ]\n}")
    }
}
