import KubeJSON
import Testing

@Suite struct JSONPointerTests {
    /// RFC 6901 §5.
    static let document: JSONValue = try! JSONValue(parsing: #"""
        {
          "foo": ["bar", "baz"],
          "": 0,
          "a/b": 1,
          "c%d": 2,
          "e^f": 3,
          "g|h": 4,
          "i\\j": 5,
          "k\"l": 6,
          " ": 7,
          "m~n": 8
        }
        """#)

    @Test(arguments: [
        ("", nil),
        ("/foo", #"["bar","baz"]"#),
        ("/foo/0", #""bar""#),
        ("/", "0"),
        ("/a~1b", "1"),
        ("/c%d", "2"),
        ("/e^f", "3"),
        ("/g|h", "4"),
        ("/i\\j", "5"),
        ("/k\"l", "6"),
        ("/ ", "7"),
        ("/m~0n", "8"),
    ] as [(String, String?)])
    func rfc6901Examples(pointer: String, expected: String?) throws {
        let resolved = try JSONPointer(pointer).resolve(in: Self.document)
        let want = try expected.map { try JSONValue(parsing: $0) } ?? Self.document
        #expect(resolved == want)
        #expect(try JSONPointer(pointer).description == pointer)
    }

    @Test func parsesAndEscapesTokens() throws {
        #expect(try JSONPointer("/a/b~1c/0").tokens == ["a", "b/c", "0"])
        #expect(try JSONPointer("/~01").tokens == ["~1"])
        #expect(try JSONPointer("/~10").tokens == ["/0"])
        #expect(try JSONPointer("//").tokens == ["", ""])
        #expect(try JSONPointer("").tokens.isEmpty)
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(try JSONPointer.unescape("a~1b~0c") == "a/b~c")
        #expect(JSONPointer(tokens: ["metadata", "labels", "app.kubernetes.io/name"]).description
            == "/metadata/labels/app.kubernetes.io~1name")
        let pointer: JSONPointer = ["spec", "containers", "0"]
        #expect(pointer.parent?.description == "/spec/containers")
        #expect(pointer.lastToken == "0")
        #expect(pointer.appending("image").description == "/spec/containers/0/image")
        #expect(JSONPointer.root.parent == nil)
        #expect(JSONPointer(tokens: ["a"]).isPrefix(of: JSONPointer(tokens: ["a", "b"])))
        #expect(!JSONPointer(tokens: ["a", "b"]).isPrefix(of: JSONPointer(tokens: ["a"])))
    }

    @Test func syntaxErrors() {
        #expect(throws: JSONPointerError(.missingLeadingSlash, pointer: "a/b")) { try JSONPointer("a/b") }
        #expect(throws: JSONPointerError(.invalidEscape(offset: 2), pointer: "/a~2")) { try JSONPointer("/a~2") }
        #expect(throws: JSONPointerError(.invalidEscape(offset: 2), pointer: "/a~")) { try JSONPointer("/a~") }
        #expect(throws: JSONPointerError(.invalidEscape(offset: 1), pointer: "/~x")) { try JSONPointer.unescape("~x") }
    }

    @Test func resolutionErrors() throws {
        let doc = Self.document
        #expect(throws: JSONPointerError(.noSuchMember(token: "nope"), pointer: "/nope")) {
            try JSONPointer("/nope").resolve(in: doc)
        }
        #expect(throws: JSONPointerError(.indexOutOfRange(index: 2, count: 2), pointer: "/foo/2")) {
            try JSONPointer("/foo/2").resolve(in: doc)
        }
        #expect(throws: JSONPointerError(.invalidArrayIndex(token: "01"), pointer: "/foo/01")) {
            try JSONPointer("/foo/01").resolve(in: doc)
        }
        #expect(throws: JSONPointerError(.invalidArrayIndex(token: "x"), pointer: "/foo/x")) {
            try JSONPointer("/foo/x").resolve(in: doc)
        }
        #expect(throws: JSONPointerError(.indexOutOfRange(index: 2, count: 2), pointer: "/foo/-")) {
            try JSONPointer("/foo/-").resolve(in: doc)
        }
        #expect(throws: JSONPointerError(.notAContainer(token: "x", typeName: "number"), pointer: "/a~1b/x")) {
            try JSONPointer("/a~1b/x").resolve(in: doc)
        }
        #expect(try JSONPointer("/foo/-").value(in: doc) == nil)
        #expect(JSONPointer.arrayIndex("0") == 0)
        #expect(JSONPointer.arrayIndex("10") == 10)
        #expect(JSONPointer.arrayIndex("-1") == nil)
        #expect(JSONPointer.arrayIndex("") == nil)
        #expect(JSONPointer.arrayIndex("99999999999999999999999") == nil)
        let error = JSONPointerError(.noSuchMember(token: "x"), pointer: "/a/x")
        #expect(error.description == #"JSON pointer "/a/x": no member named "x""#)
    }
}
