import KubeModel
import Testing
import KruiseTestSupport

@Suite("Selector")
struct SelectorTests {
    /// Input → Go's `Selector.String()` (requirements sorted by key, `in`/`notin` values sorted).
    static let canonicalCases: [(String, String)] = [
        ("", ""),
        ("x=a,y=b,z=c", "x=a,y=b,z=c"),
        ("z=c,y=b,x=a", "x=a,y=b,z=c"),
        ("x!=a,y=b", "x!=a,y=b"),
        ("x=,z= ", "x=,z="),
        ("x= ,z= ", "x=,z="),
        ("!x", "!x"),
        ("x", "x"),
        ("  x  ", "x"),
        ("x>1", "x>1"),
        ("x>1,z<5", "x>1,z<5"),
        ("x in (b,a)", "x in (a,b)"),
        ("x in(a)", "x in (a)"),
        ("x notin (z)", "x notin (z)"),
        ("x in (a,a)", "x in (a)"),
        ("x in ()", "x in ()"),
        ("x in (,a)", "x in (,a)"),
        ("x in (a,)", "x in (,a)"),
        ("x in (a,,b)", "x in (,a,b)"),
        ("x==a", "x==a"),
        ("in in (in,notin)", "in in (in,notin)"),
        ("a=b,c!=d,e in (x,y),f notin (z),!g,h,a==b", "a=b,a==b,c!=d,e in (x,y),f notin (z),!g,h"),
        ("example.com/app=web,app.kubernetes.io/name=db", "app.kubernetes.io/name=db,example.com/app=web"),
        ("env in (prod, qa)", "env in (prod,qa)"),
    ]

    @Test("parse and print like Go", arguments: Self.canonicalCases)
    func canonical(input: String, expected: String) throws {
        let selector = try Selector(parsing: input)
        #expect(selector.description == expected)
        #expect(try Selector(parsing: expected) == selector)
    }

    /// Input → Go's error message and the offset of the offending token.
    static let invalidCases: [(String, String, Int)] = [
        ("x=a,,y=b", "found ',', expected: identifier after ','", 4),
        ("x==a==b", "found '==', expected: ',' or 'end of string'", 4),
        ("!x=a", "found '=', expected: ',' or 'end of string'", 2),
        ("x<a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer", 0),
        ("x=a,", "found '', expected: identifier after ','", 4),
        (",x=a", "found ',', expected: !, identifier, or 'end of string'", 0),
        ("x in a", "unable to parse requirement: found 'a' expected: '('", 5),
        ("x in (a", "unable to parse requirement: found '', expected: ',' or ')'", 7),
        ("x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'", 8),
        ("x in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier", 6),
        ("x in (a,=)", "unable to parse requirement: found '=', expected: ',', or identifier", 8),
        ("x ! y", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt", 2),
        ("x = (y)", "unable to parse requirement: found '(', expected: identifier", 4),
        ("!", "unable to parse requirement: found '', expected: identifier", 1),
        (
            "a b=c", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt", 2
        ),
        (
            "x=a b",
            "found 'b', expected: ',' or 'end of string'", 4
        ),
        (
            "-x=a",
            "unable to parse requirement: <nil>: Invalid value: \"-x\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            0
        ),
        (
            "x=a_",
            "unable to parse requirement: values[0][x]: Invalid value: \"a_\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
            0
        ),
    ]

    @Test("reject malformed selectors with Go's message and a position", arguments: Self.invalidCases)
    func invalid(input: String, message: String, position: Int) {
        #expect(throws: SelectorParseError(message: message, position: position)) { try Selector(parsing: input) }
    }

    static let matchingCases: [(String, [String: String], Bool)] = [
        ("", ["x": "y"], true),
        ("x=y", ["x": "y"], true),
        ("x=y", ["x": "z"], false),
        ("x=y", [:], false),
        ("x==y", ["x": "y"], true),
        ("x!=y", ["x": "z"], true),
        ("x!=y", [:], true),
        ("x!=y", ["x": "y"], false),
        ("x", ["x": ""], true),
        ("x", [:], false),
        ("!x", [:], true),
        ("!x", ["x": "y"], false),
        ("x in (a,b)", ["x": "b"], true),
        ("x in (a,b)", ["x": "c"], false),
        ("x in (a,b)", [:], false),
        ("x notin (a,b)", ["x": "c"], true),
        ("x notin (a,b)", [:], true),
        ("x notin (a,b)", ["x": "a"], false),
        ("x>1", ["x": "2"], true),
        ("x>1", ["x": "1"], false),
        ("x>1", ["x": "a"], false),
        ("x>1", [:], false),
        ("x<1", ["x": "-5"], true),
        ("x=", ["x": ""], true),
        ("x=", [:], false),
        ("x in ()", ["x": ""], true),
        ("x=y,z", ["x": "y"], false),
        ("x=y,z", ["x": "y", "z": "w"], true),
    ]

    @Test("matching label sets", arguments: Self.matchingCases)
    func matches(input: String, labels: [String: String], expected: Bool) throws {
        #expect(try Selector(parsing: input).matches(labels) == expected)
    }

    @Test func everythingAndNothing() throws {
        #expect(Selector.everything.matches([:]))
        #expect(Selector.everything.isEmpty)
        #expect(Selector.everything.description == "")
        #expect(!Selector.nothing.matches([:]))
        #expect(!Selector.nothing.matches(["a": "b"]))
        #expect(!Selector.nothing.isEmpty)
        #expect(Selector.nothing.description == "")
        #expect(Selector.nothing != Selector.everything)
        let requirement = try Selector.Requirement(key: "a", operator: .exists, values: [])
        #expect(!Selector.nothing.adding(requirement).matches(["a": "b"]))
        #expect(Selector.everything.adding(requirement).description == "a")
        #expect(Selector(matchingLabels: ["b": "2", "a": "1"]).description == "a=1,b=2")
        #expect(try Selector(parsing: "a=1,b in (2)").requiresExactMatch("b") == "2")
        #expect(try Selector(parsing: "a!=1").requiresExactMatch("a") == nil)
    }

    @Test func requirementValidation() {
        #expect(throws: FieldError.self) { try Selector.Requirement(key: "a", operator: .in, values: []) }
        #expect(throws: FieldError.self) { try Selector.Requirement(key: "a", operator: .equals, values: ["1", "2"]) }
        #expect(throws: FieldError.self) { try Selector.Requirement(key: "a", operator: .exists, values: ["1"]) }
        #expect(throws: FieldError.self) { try Selector.Requirement(key: "a", operator: .greaterThan, values: ["x"]) }
        #expect(throws: FieldError.self) { try Selector.Requirement(key: "a/b/c", operator: .exists, values: []) }
    }

    /// Label keys: valid ones, then (key, Go's messages).
    static let validKeys = [
        "a", "A", "1", "a-b_c.d", "example.com/a", "a.b-c.d/e", String(repeating: "a", count: 63),
        String(repeating: "a", count: 253) + "/b",
    ]

    @Test("valid label keys", arguments: Self.validKeys)
    func validKey(key: String) {
        #expect(Selector.validateLabelKey(key).isEmpty)
    }

    static let nameRegex =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let prefixRegex =
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    static let invalidKeys: [(String, [String])] = [
        ("", ["name part must be non-empty", nameRegex]),
        ("-a", [nameRegex]),
        ("a-", [nameRegex]),
        ("a b", [nameRegex]),
        (String(repeating: "a", count: 64), ["name part must be no more than 63 characters"]),
        ("/a", ["prefix part must be non-empty"]),
        ("Example.com/a", [prefixRegex]),
        ("example..com/a", [prefixRegex]),
        ("-example.com/a", [prefixRegex]),
        ("example-.com/a", [prefixRegex]),
        ("example.com./a", [prefixRegex]),
        ("exa_mple.com/a", [prefixRegex]),
        ("example.com/", ["name part must be non-empty", nameRegex]),
        (String(repeating: "a", count: 254) + "/b", ["prefix part must be no more than 253 characters"]),
        (
            "a/b/c",
            [
                "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
            ]
        ),
    ]

    @Test("invalid label keys with Go's messages", arguments: Self.invalidKeys)
    func invalidKey(key: String, messages: [String]) {
        #expect(Selector.validateLabelKey(key) == messages)
    }

    @Test func labelValues() {
        #expect(Selector.validateLabelValue("").isEmpty)
        #expect(Selector.validateLabelValue("a.b_c-d").isEmpty)
        #expect(Selector.validateLabelValue(String(repeating: "v", count: 63)).isEmpty)
        #expect(Selector.validateLabelValue(String(repeating: "v", count: 64)) == ["must be no more than 63 characters"])
        #expect(Selector.validateLabelValue("_a").count == 1)
        #expect(Selector.validateLabelValue("a b").count == 1)
    }

    // MARK: Properties

    private static let keys = ["a", "b", "app", "example.com/tier", "in", "x.y"]
    private static let labelValues = ["", "1", "2", "v", "w-1", "in"]

    private static func randomRequirement(_ rng: inout SplitMix64) throws -> Selector.Requirement {
        let key = Self.keys[Int(rng.next() % UInt64(Self.keys.count))]
        let ops = Selector.Requirement.Operator.allCases
        let op = ops[Int(rng.next() % UInt64(ops.count))]
        var values: [String] = []
        switch op {
        case .exists, .doesNotExist:
            break
        case .greaterThan, .lessThan:
            values = [String(rng.next() % 5)]
        case .equals, .doubleEquals, .notEquals:
            values = [Self.labelValues[Int(rng.next() % UInt64(Self.labelValues.count))]]
        case .in, .notIn:
            for _ in 0...(rng.next() % 3) {
                values.append(Self.labelValues[Int(rng.next() % UInt64(Self.labelValues.count))])
            }
        }
        return try Selector.Requirement(key: key, operator: op, values: values)
    }

    /// An independent reading of one requirement, to check `matches` against.
    private static func reference(_ requirement: Selector.Requirement, _ labels: [String: String]) -> Bool {
        let value = labels[requirement.key]
        switch requirement.operator {
        case .exists: return value != nil
        case .doesNotExist: return value == nil
        case .equals, .doubleEquals, .in: return value.map { requirement.values.contains($0) } ?? false
        case .notEquals, .notIn: return value.map { !requirement.values.contains($0) } ?? true
        case .greaterThan: return value.flatMap { Int64($0) }.map { $0 > Int64(requirement.values[0])! } ?? false
        case .lessThan: return value.flatMap { Int64($0) }.map { $0 < Int64(requirement.values[0])! } ?? false
        }
    }

    @Test("String() round trips and matching agrees with a reference", arguments: [11 as UInt64, 12, 13, 0xFACE])
    func properties(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<300 {
            var requirements: [Selector.Requirement] = []
            for _ in 0..<(rng.next() % 5) { requirements.append(try Self.randomRequirement(&rng)) }
            let selector = Selector(requirements: requirements)
            let text = selector.description
            let parsed = try Selector(parsing: text)
            #expect(parsed == selector, "\(text)")
            #expect(parsed.description == text)
            for _ in 0..<10 {
                var labels: [String: String] = [:]
                for key in Self.keys where rng.next() % 2 == 0 {
                    labels[key] = Self.labelValues[Int(rng.next() % UInt64(Self.labelValues.count))]
                }
                let expected = requirements.allSatisfy { Self.reference($0, labels) }
                #expect(selector.matches(labels) == expected, "\(text) \(labels)")
                #expect(parsed.matches(labels) == expected)
            }
        }
    }
}
