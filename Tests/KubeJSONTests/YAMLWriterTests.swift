import Foundation
import KubeJSON
import Testing

@Suite struct YAMLWriterTests {
    @Test func kubectlLayout() throws {
        let value = try JSONValue(parsing: #"""
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","labels":{"app":"web"},"annotations":{}},
             "spec":{"replicas":2,"paused":false,"selector":{"matchLabels":{"app":"web"}},
               "template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25",
                 "args":["--port=80","-v"],"ports":[{"containerPort":80}],"env":[]}],
                 "matrix":[[1,2],[],[{"a":1,"b":[true]}]]}}},
             "status":null,"ratio":1.50}
            """#)
        let expected = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                app: web
              annotations: {}
            spec:
              replicas: 2
              paused: false
              selector:
                matchLabels:
                  app: web
              template:
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
                    args:
                    - --port=80
                    - -v
                    ports:
                    - containerPort: 80
                    env: []
                  matrix:
                  - - 1
                    - 2
                  - []
                  - - a: 1
                      b:
                      - true
            status: null
            ratio: 1.50

            """
        #expect(value.yamlString() == expected)
        #expect(try YAMLReader.read(expected) == value)
    }

    @Test func sortedKeys() {
        let value: JSONValue = ["b": 1, "a": ["d": 1, "c": 2]]
        #expect(value.yamlString(options: .init(sortedKeys: true)) == "a:\n  c: 2\n  d: 1\nb: 1\n")
    }

    @Test(arguments: [
        ("plain", "plain"), ("true", #""true""#), ("no", #""no""#), ("~", #""~""#), ("", #""""#), ("123", #""123""#),
        ("0x1F", #""0x1F""#), ("1.5", #""1.5""#), ("1e3", #""1e3""#), ("1e+3", #""1e+3""#), (".inf", #"".inf""#),
        ("2024-01-01T00:00:00Z", #""2024-01-01T00:00:00Z""#), ("2001-12-14", #""2001-12-14""#), ("1:20", #""1:20""#),
        ("<<", #""<<""#), ("a: b", "'a: b'"), ("a:", "'a:'"), ("a:b", "a:b"), ("*", "'*'"), ("&a", "'&a'"),
        ("- x", "'- x'"), ("-", "'-'"), ("-x", "-x"), ("--flag", "--flag"), ("a #b", "'a #b'"), ("a#b", "a#b"),
        ("#c", "'#c'"), (" lead", "' lead'"), ("trail ", "'trail '"), ("it's", "it's"), ("'q'", "'''q'''"),
        ("\"d\"", #"'"d"'"#), ("{x}", "'{x}'"), ("[x]", "'[x]'"), ("x[0]", "x[0]"), ("---", "'---'"),
        ("...", "'...'"), ("%x", "'%x'"), ("@x", "'@x'"), ("`x", "'`x'"), ("!x", "'!x'"), ("|x", "'|x'"),
        (">x", "'>x'"), ("? x", "'? x'"), ("?x", "?x"), (":x", ":x"), ("tab\there", #""tab\there""#),
        ("bell\u{07}", #""bell\a""#), ("nul\u{0}", #""nul\0""#), ("bom\u{FEFF}", #""bom\uFEFF""#),
        ("nel\u{85}", #""nel\N""#), ("ls\u{2028}", #""ls\L""#), ("del\u{7F}", #""del\x7F""#), ("cr\r", #""cr\r""#),
        ("é😀", "é😀"), ("back\\slash", "back\\slash"),
        ("line1\nline2", "|-\n  line1\n  line2"), ("line1\nline2\n", "|\n  line1\n  line2"),
        ("l1\n\n", "|+\n  l1\n"), ("  ind\nx", "|2-\n    ind\n  x"), ("a\n\nb", "|-\n  a\n\n  b"),
        ("trailing \nspace", #""trailing \nspace""#), ("\nleading", #""\nleading""#), ("end \n", #""end \n""#),
    ] as [(String, String)])
    func stringStyles(string: String, expected: String) throws {
        let written = JSONValue.object(["k": .string(string)]).yamlString()
        #expect(written == "k: \(expected)\n")
        #expect(try YAMLReader.read(written)["k"] == .string(string))
    }

    @Test func keysAndTopLevelScalars() throws {
        let value: JSONValue = ["true": 1, "": 2, "a: b": 3, "multi\nline": 4, "1": ["x": "y"]]
        let text = value.yamlString()
        #expect(text == "\"true\": 1\n\"\": 2\n'a: b': 3\n\"multi\\nline\": 4\n\"1\":\n  x: \"y\"\n")
        #expect(try YAMLReader.read(text) == value)
        #expect(JSONValue.string("two\nlines").yamlString() == "\"two\\nlines\"\n")
        #expect(JSONValue.int(3).yamlString() == "3\n")
        #expect(JSONValue.null.yamlString() == "null\n")
        #expect(JSONValue.emptyObject.yamlString() == "{}\n")
        #expect(JSONValue.array([]).yamlString() == "[]\n")
        #expect(JSONValue.array(["a", ["b": 1]]).yamlString() == "- a\n- b: 1\n")
    }

    @Test func literalBlocksInsideSequences() throws {
        let value: JSONValue = ["s": ["  first\nsecond\n", ["k": " x\ny"]], "t": [[" z\nw"]]]
        let text = value.yamlString()
        #expect(text == "s:\n- |2\n    first\n  second\n- k: |2-\n     x\n    y\nt:\n- - |2-\n     z\n    w\n")
        #expect(try YAMLReader.read(text) == value)
    }

    @Test func streams() throws {
        let documents: [JSONValue] = [["a": 1], ["b": [1, 2]], "x"]
        let text = YAMLWriter.string(forDocuments: documents)
        #expect(text == "a: 1\n---\nb:\n- 1\n- 2\n---\nx\n")
        #expect(try YAMLReader.readAll(text) == documents)
    }

    /// YAML → JSON → YAML → JSON loses nothing, for every fixture.
    @Test func fixturesRoundTrip() throws {
        for url in try YAMLReaderTests.fixtureURLs() {
            let original = try YAMLReader.readAll(String(contentsOf: url, encoding: .utf8))
            let json = original.map { $0.serializedString() }
            let yaml = YAMLWriter.string(forDocuments: original)
            let again = try YAMLReader.readAll(yaml)
            #expect(again.map { $0.serializedString() } == json, "\(url.lastPathComponent)")
        }
    }

    /// write → read is the identity on random values (numbers compare by value).
    @Test func randomRoundTrip() throws {
        var failures = 0
        for seed in UInt64(1)...2000 {
            var random = RandomJSON(seed: seed &* 7919)
            random.yamlSafe = true
            let value = random.value()
            let yaml = value.yamlString()
            do {
                let back = try YAMLReader.read(yaml)
                if back != value {
                    failures += 1
                    if failures < 5 { Issue.record("seed \(seed): \(value) → \(yaml) → \(back)") }
                }
                // Numbers come back in Go's spelling; from then on writing is stable.
                let second = back.yamlString()
                #expect(try YAMLReader.read(second).yamlString() == second, "seed \(seed): writing is not stable")
            } catch {
                failures += 1
                if failures < 5 { Issue.record("seed \(seed): \(value) → \(yaml) → \(error)") }
            }
        }
        #expect(failures == 0)
    }
}
