import KubeModel
import Testing
import KruiseTestSupport

@Suite("FieldSelector")
struct FieldSelectorTests {
    /// Input → Go's `String()`: terms sorted by their text, `==` printed as `=`, values escaped.
    static let canonicalCases: [(String, String)] = [
        ("", ""),
        ("metadata.name=x,spec.nodeName!=,status.phase==Running", "metadata.name=x,spec.nodeName!=,status.phase=Running"),
        ("status.phase==Running,metadata.name=x", "metadata.name=x,status.phase=Running"),
        ("a=b,,c=d", "a=b,c=d"),
        ("a=b\\,c", "a=b\\,c"),
        ("a=b\\=c", "a=b\\=c"),
        ("a=b\\\\c", "a=b\\\\c"),
        ("a!=", "a!="),
        ("a==", "a="),
        ("=b", "=b"),
    ]

    @Test("parse and print like Go", arguments: Self.canonicalCases)
    func canonical(input: String, expected: String) throws {
        let selector = try FieldSelector(parsing: input)
        #expect(selector.description == expected)
        // `==` reads as `=`, so the printed form reparses to the same terms up to that spelling.
        #expect(try FieldSelector(parsing: expected).description == expected)
        #expect(try FieldSelector(parsing: expected).requirements.map(\.value) == selector.requirements.map(\.value))
    }

    @Test func requirements() throws {
        let selector = try FieldSelector(parsing: "metadata.name=x,spec.nodeName!=,status.phase==Running")
        #expect(selector.requirements == [
            FieldSelector.Requirement(field: "metadata.name", operator: .equals, value: "x"),
            FieldSelector.Requirement(field: "spec.nodeName", operator: .notEquals, value: ""),
            FieldSelector.Requirement(field: "status.phase", operator: .doubleEquals, value: "Running"),
        ])
        #expect(try FieldSelector(parsing: "a=b\\,c").requirements[0].value == "b,c")
        #expect(selector.requiresExactMatch("metadata.name") == "x")
        #expect(selector.requiresExactMatch("status.phase") == "Running")
        #expect(selector.requiresExactMatch("spec.nodeName") == nil)
    }

    static let invalidCases: [(String, String)] = [
        ("a", "invalid selector: 'a'; can't understand 'a'"),
        ("a=b,c", "invalid selector: 'a=b,c'; can't understand 'c'"),
        ("a=b=c", "invalid field selector: unescaped character in value: ="),
        ("a=b\\x", "invalid field selector: invalid escape sequence: \\x"),
        ("a=b\\", "invalid field selector: invalid escape sequence: \\"),
    ]

    @Test("reject malformed selectors", arguments: Self.invalidCases)
    func invalid(input: String, message: String) {
        #expect(throws: FieldSelectorParseError(message: message)) { try FieldSelector(parsing: input) }
    }

    @Test func matching() throws {
        let pod: [String: String] = ["metadata.name": "x", "spec.nodeName": "node-1", "status.phase": "Running"]
        let lookup: (String) -> String? = { pod[$0] }
        #expect(try FieldSelector(parsing: "metadata.name=x,spec.nodeName!=,status.phase==Running").matches(lookup))
        #expect(try !FieldSelector(parsing: "metadata.name=y").matches(lookup))
        #expect(try FieldSelector(parsing: "spec.nodeName!=node-2").matches(lookup))
        #expect(try !FieldSelector(parsing: "spec.nodeName!=node-1").matches(lookup))
        // A missing field reads as "".
        #expect(try FieldSelector(parsing: "spec.missing=").matches(lookup))
        #expect(try !FieldSelector(parsing: "spec.missing!=").matches(lookup))
        #expect(FieldSelector.everything.matches(lookup))
        #expect(try FieldSelector(parsing: "").isEmpty)
    }

    @Test("escape/parse round trip of arbitrary values", arguments: [5 as UInt64, 6])
    func roundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let alphabet: [Character] = ["a", "b", "=", ",", "\\", "!", " ", "é"]
        for _ in 0..<300 {
            var value = ""
            for _ in 0..<(rng.next() % 8) { value.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let op: FieldSelector.Requirement.Operator = rng.next() % 2 == 0 ? .equals : .notEquals
            let selector = FieldSelector(requirements: [FieldSelector.Requirement(field: "spec.x", operator: op, value: value)])
            let parsed = try FieldSelector(parsing: selector.description)
            #expect(parsed == selector, "\(selector)")
            #expect(parsed.matches { $0 == "spec.x" ? value : nil } == (op == .equals))
        }
    }
}
