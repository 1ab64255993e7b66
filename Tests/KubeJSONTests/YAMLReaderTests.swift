import Foundation
import KubeJSON
import Testing

@Suite struct YAMLReaderTests {
    static func fixtureURLs() throws -> [URL] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func fixturesRead() throws {
        let urls = try Self.fixtureURLs()
        #expect(urls.count >= 5)
        for url in urls {
            let documents = try YAMLReader.readAll(String(contentsOf: url, encoding: .utf8))
            #expect(!documents.isEmpty, "\(url.lastPathComponent)")
            for document in documents {
                #expect(document["kind"]?.stringValue != nil, "\(url.lastPathComponent)")
                #expect(document["apiVersion"]?.stringValue != nil, "\(url.lastPathComponent)")
            }
        }
    }

    @Test func fixtureValues() throws {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let cloneset = try YAMLReader.read(String(contentsOf: directory.appendingPathComponent("cloneset.yaml"), encoding: .utf8))
        #expect(cloneset.objectValue?.keys == ["apiVersion", "kind", "metadata", "spec"])
        #expect(cloneset["spec"]?["replicas"] == .int(3))
        #expect(cloneset["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:1.25")
        #expect(cloneset["metadata"]?["labels"] == ["app": "cs"])
        let crd = try YAMLReader.read(String(contentsOf: directory.appendingPathComponent("crd.yaml"), encoding: .utf8))
        let version = crd["spec"]?["versions"]?[0]
        #expect(version?["served"] == true)
        #expect(version?["additionalPrinterColumns"]?[1]?["jsonPath"] == ".status.updatedReplicas")
        #expect(version?["schema"]?["openAPIV3Schema"]?["x-kubernetes-preserve-unknown-fields"] == true)
        #expect(version?["subresources"]?["status"] == .emptyObject)
        #expect(crd["spec"]?["names"]?["shortNames"] == ["clone"])
        let cm = try YAMLReader.read(String(contentsOf: directory.appendingPathComponent("cmfin.yaml"), encoding: .utf8))
        #expect(cm["metadata"]?["finalizers"] == ["example.com/hold"])
        let deploy = try YAMLReader.read(String(contentsOf: directory.appendingPathComponent("deploy.yaml"), encoding: .utf8))
        #expect(deploy["spec"]?["template"]?["spec"]?["containers"]?[0]?["ports"] == [["containerPort": 80]])
    }

    /// Plain scalars as kubectl (sigs.k8s.io/yaml → go-yaml v2) resolves them, then as JSON.
    static let scalarTable: [(String, String)] = [
        ("~", "null"), ("null", "null"), ("Null", "null"), ("NULL", "null"), ("", "null"),
        ("nULL", #""nULL""#), ("none", #""none""#),
        ("y", "true"), ("Y", "true"), ("yes", "true"), ("Yes", "true"), ("YES", "true"),
        ("true", "true"), ("True", "true"), ("TRUE", "true"), ("on", "true"), ("On", "true"), ("ON", "true"),
        ("n", "false"), ("N", "false"), ("no", "false"), ("No", "false"), ("NO", "false"),
        ("false", "false"), ("False", "false"), ("FALSE", "false"), ("off", "false"), ("Off", "false"),
        ("OFF", "false"), ("yEs", #""yEs""#), ("tRUE", #""tRUE""#), ("oN", #""oN""#),
        ("0", "0"), ("-0", "0"), ("+12", "12"), ("-12", "-12"), ("1_000", "1000"), ("1__0", "10"),
        ("0x1F", "31"), ("0X1f", "31"), ("-0x1F", "-31"), ("0x_1F", "31"), ("0o17", "15"), ("0O17", "15"),
        ("017", "15"), ("-017", "-15"), ("0b101", "5"), ("-0b101", "-5"), ("0B11", "3"),
        ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
        ("9223372036854775808", "9223372036854775808"), ("18446744073709551615", "18446744073709551615"),
        ("0xFFFFFFFFFFFFFFFF", "18446744073709551615"),
        ("18446744073709551616", "18446744073709552000"), ("-9223372036854775809", "-9223372036854776000"),
        ("+18446744073709551615", "18446744073709552000"),
        ("08", "8"), ("09.5", "9.5"), ("0x", #""0x""#), ("0b", #""0b""#), ("0b2", #""0b2""#), ("0xG", #""0xG""#),
        ("1.5", "1.5"), ("1.50", "1.5"), ("-1.5", "-1.5"), ("+1.5", "1.5"), ("1.", "1"), ("1.0", "1"),
        ("0.1", "0.1"), (".5", "0.5"), ("+.5", "0.5"), ("-.5", "-0.5"), (".5e1", "5"), ("._5", #""._5""#),
        ("1e3", "1000"), ("1E3", "1000"), ("1e+3", "1000"), ("1e-3", "0.001"), ("1_0.5", "10.5"),
        ("6.02e23", "6.02e+23"), ("6.02e20", "602000000000000000000"), ("1e21", "1e+21"), ("1.5e-7", "1.5e-7"), ("1e-400", "0"),
        ("1e400", #""1e400""#), ("1e", #""1e""#), ("1.2.3", #""1.2.3""#), ("1,000", #""1,000""#),
        ("-a", #""-a""#), ("+", #""+""#), (".", #"".""#), ("..", #""..""#), (".e5", #"".e5""#),
        ("2001-12-14", #""2001-12-14""#), ("2001-12-14t21:59:43.10-05:00", #""2001-12-14t21:59:43.10-05:00""#),
        ("2001-12-14 21:59:43.10", #""2001-12-14 21:59:43.10""#), ("2002-12-14T00:00:00Z", #""2002-12-14T00:00:00Z""#),
        ("12:30", #""12:30""#), ("1:20:30", #""1:20:30""#), ("<<", #""<<""#), ("=", #""=""#),
        (".inf_x", #"".inf_x""#), ("nan", #""nan""#), ("inf", #""inf""#), ("Infinity", #""Infinity""#),
        ("hello world", #""hello world""#), ("nginx:1.25", #""nginx:1.25""#), ("0.0.0.0", #""0.0.0.0""#),
        ("'quoted'", #""quoted""#), ("\"true\"", #""true""#), ("'123'", #""123""#), ("\"\"", #""""#),
        ("\"~\"", #""~""#), ("'yes'", #""yes""#),
        ("!!str 123", #""123""#), ("!!str true", #""true""#), ("!!str", #""""#), ("!!int \"42\"", "42"),
        ("!!int 0x10", "16"), ("!!bool yes", "true"), ("!!bool \"off\"", "false"), ("!!float 1", "1"),
        ("!!float 2.5", "2.5"), ("!!null ~", "null"), ("!!null ''", "null"), ("!!timestamp 2001-12-14", #""2001-12-14""#),
        ("!!binary aGVsbG8=", #""hello""#), ("!!binary |\n  aGVs\n  bG8=", #""hello""#),
        ("! 12", #""12""#), ("!custom 12", #""12""#), ("!!merge <<", #""<<""#),
        ("|\n  line1\n  line2\n", #""line1\nline2\n""#), (">-\n  folded\n  text\n", #""folded text""#),
    ]

    @Test func scalarResolutionTable() throws {
        for (scalar, expected) in Self.scalarTable {
            let yaml = "v: \(scalar)\n"
            do {
                let value = try YAMLReader.read(yaml)
                let want = try JSONValue(parsing: expected)
                #expect(value["v"] == want, "\(scalar) → \(value["v"].map { "\($0)" } ?? "missing"), want \(expected)")
                if case .number(let n)? = value["v"] { #expect(n.text == expected, "\(scalar)") }
            } catch {
                Issue.record("\(scalar): \(error)")
            }
        }
    }

    @Test func intsStayIntsAndFloatsBecomeGoJSONText() throws {
        let value = try YAMLReader.read("a: 10\nb: 1.0\nc: 2.50\nd: 1e+21\ne: 0.000001\nf: 0.0000001\n")
        #expect(value["a"].map { if case .int = $0 { true } else { false } } == true)
        #expect(value["b"].map { if case .int = $0 { true } else { false } } == true)
        #expect(value.serializedString() == #"{"a":10,"b":1,"c":2.5,"d":1e+21,"e":0.000001,"f":1e-7}"#)
    }

    @Test func keysBecomeStrings() throws {
        let value = try YAMLReader.read("1: a\ntrue: b\nyes: c\n1.5: d\n0x10: e\n\"2\": f\n2001-12-14: g\n1e+6: h\n0.1: i\nnull_: j\n.inf: k\n")
        #expect(value.objectValue?.keys == ["1", "true", "1.5", "16", "2", "2001-12-14", "1e+06", "0.1", "null_", ".inf"])
        #expect(value["true"] == "c")
        #expect(value["1"] == "a")
    }

    @Test func keyOrderIsPreserved() throws {
        let value = try YAMLReader.read("zeta: 1\nalpha: 2\nmid: {z: 1, a: 2}\n")
        #expect(value.serializedString() == #"{"zeta":1,"alpha":2,"mid":{"z":1,"a":2}}"#)
    }

    @Test func anchorsAliasesAndMerges() throws {
        let yaml = """
            base: &base
              a: 1
              b: 2
            other: &other {b: 20, c: 30}
            list: &list [x, z]
            copy: *base
            merged:
              <<: *base
              c: 3
            overridden:
              <<: [*other, *base]
              d: 4
            late:
              b: 99
              <<: *base
            refs: [*list, *list]
            explicit:
              !!merge <<: {e: 5}
            quoted:
              "<<": {f: 6}
            """
        let value = try YAMLReader.read(yaml)
        #expect(value["copy"] == ["a": 1, "b": 2])
        #expect(value["merged"]?.serializedString() == #"{"a":1,"b":2,"c":3}"#)
        // Earlier maps in a merge list win; explicit keys after the merge win.
        #expect(value["overridden"]?.serializedString() == #"{"b":20,"c":30,"a":1,"d":4}"#)
        // go-yaml v2 applies a merge where it appears, overwriting keys set before it.
        #expect(value["late"]?.serializedString() == #"{"b":2,"a":1}"#)
        #expect(value["refs"] == [["x", "z"], ["x", "z"]])
        #expect(value["explicit"] == ["e": 5])
        #expect(value["quoted"] == ["<<": ["f": 6]])
    }

    @Test func multiDocumentStreams() throws {
        let stream = """
            ---
            a: 1
            ---
            ---
            # only a comment
            ---
            null
            ---
            b: 2
            ...
            ---
            - 3
            """
        let documents = try YAMLReader.readAll(stream)
        #expect(documents == [["a": 1], ["b": 2], [3]])
        #expect(try YAMLReader.readAll("") == [])
        #expect(try YAMLReader.readAll("# nothing\n") == [])
        #expect(try YAMLReader.readAll("a: 1") == [["a": 1]])
        #expect(try YAMLReader.read("") == .null)
        #expect(throws: YAMLReadError.self) { try YAMLReader.read("a: 1\n---\nb: 2\n") }
        do {
            _ = try YAMLReader.read("a: 1\n---\nb: 2\n")
        } catch {
            #expect(error.reason == .multipleDocuments)
        }
    }

    @Test func errorsCarryLineAndColumn() throws {
        func failure(_ yaml: String) -> YAMLReadError? {
            do {
                _ = try YAMLReader.readAll(yaml)
                return nil
            } catch {
                return error
            }
        }
        let syntax = try #require(failure("a: 1\nb: [1, 2\nc: 3\n"))
        guard case .syntax = syntax.reason else {
            Issue.record("expected a syntax error, got \(syntax)")
            return
        }
        #expect(syntax.line >= 2)
        #expect(syntax.column > 0)

        let badIndent = try #require(failure("a:\n  b: 1\n c: 2\n"))
        #expect(badIndent.line == 3)

        let tagged = try #require(failure("a: 1\nb: !!int abc\n"))
        #expect(tagged.reason == .invalidTaggedValue(tag: "!!int", value: "abc"))
        #expect(tagged.line == 2 && tagged.column == 4)
        #expect(tagged.description == "yaml: document 0: line 2, column 4: cannot decode `abc` as a !!int")

        #expect(failure("a: !!int 1.5\n")?.reason == .invalidTaggedValue(tag: "!!int", value: "1.5"))
        #expect(failure("a: !!bool maybe\n")?.reason == .invalidTaggedValue(tag: "!!bool", value: "maybe"))
        #expect(failure("a: !!null 0\n")?.reason == .invalidTaggedValue(tag: "!!null", value: "0"))
        #expect(failure("a: !!float abc\n")?.reason == .invalidTaggedValue(tag: "!!float", value: "abc"))
        #expect(failure("a: !!binary '***'\n")?.reason == .invalidBase64)

        let inf = try #require(failure("x: 1\n---\nvalue: .inf\n"))
        #expect(inf.reason == .unsupportedFloat(".inf"))
        #expect(inf.documentIndex == 1)
        #expect(inf.line == 3 && inf.column == 8)
        #expect(failure("v: -.Inf\n")?.reason == .unsupportedFloat("-.Inf"))
        #expect(failure("v: .NaN\n")?.reason == .unsupportedFloat(".NaN"))

        #expect(failure("~: x\n")?.reason == .unsupportedKey("null"))
        #expect(failure("? [a]\n: x\n")?.reason == .unsupportedKey("a sequence"))
        #expect(failure("? {a: 1}\n: x\n")?.reason == .unsupportedKey("a mapping"))
        #expect(failure("a:\n  <<: [1]\n")?.reason == .invalidMerge)
        #expect(failure("a:\n  <<: 1\n")?.reason == .invalidMerge)
        if case .duplicateKey? = failure("a: 1\nb: 2\na: 3\n")?.reason {} else { Issue.record("duplicate keys accepted") }
        if case .syntax? = failure("a: *nope\n")?.reason {} else { Issue.record("undefined alias accepted") }
        #expect(failure("a: [1\n")?.documentIndex == 0)
    }

    @Test func billionLaughsIsStopped() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(throws: YAMLReadError.self) { try YAMLReader.read(yaml) }
        let small = "a: &a [1, 2]\nb: [*a, *a, *a]\n"
        #expect(throws: Never.self) { try YAMLReader.read(small) }
    }

    @Test func depthLimit() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: YAMLReadError.self) { try YAMLReader.read(deep) }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try YAMLReader.read(ok) }
    }

    @Test func bytesInput() throws {
        #expect(try YAMLReader().read(bytes: Array("a: 1\n".utf8)) == ["a": 1])
        #expect(throws: YAMLReadError(.invalidUTF8, line: 0, column: 0)) { try YAMLReader().read(bytes: [0x61, 0xFF]) }
        #expect(try YAMLReader().readAll(bytes: Array("a: 1\n---\nb: 2\n".utf8)).count == 2)
    }
}
