import KubeJSON
import Testing

@Suite struct JSONParserTests {
    @Test func parsesScalarsAndContainers() throws {
        let value = try JSONValue(parsing: #"{"a":1,"b":[true,false,null],"c":"x\ny","d":-1.50e3,"e":{}}"#)
        #expect(value["a"] == .int(1))
        #expect(value["b"] == [true, false, nil])
        #expect(value["c"] == "x\ny")
        #expect(value["d"]?.doubleValue == -1500)
        #expect(value.serializedString() == #"{"a":1,"b":[true,false,null],"c":"x\ny","d":-1.50e3,"e":{}}"#)
    }

    /// Invalid texts, each with the byte offset and the reason the parser must report.
    static let invalidCorpus: [(bytes: [UInt8], offset: Int, reason: JSONParseError.Reason)] = {
        func t(_ s: String, _ offset: Int, _ reason: JSONParseError.Reason) -> ([UInt8], Int, JSONParseError.Reason) {
            (Array(s.utf8), offset, reason)
        }
        let q = UInt8(ascii: "\"")
        return [
            t("", 0, .unexpectedEndOfInput),
            t("   ", 3, .unexpectedEndOfInput),
            t("[", 1, .unexpectedEndOfInput),
            t("[1,", 3, .unexpectedEndOfInput),
            t("[1,2", 4, .unexpectedEndOfInput),
            t("{", 1, .unexpectedEndOfInput),
            t(#"{"a""#, 4, .unexpectedEndOfInput),
            t(#"{"a":"#, 5, .unexpectedEndOfInput),
            t("[1,]", 3, .unexpectedCharacter(UInt8(ascii: "]"))),
            t(#"{"a":1,}"#, 7, .unexpectedCharacter(UInt8(ascii: "}"))),
            t("01", 1, .trailingCharacters),
            t("00", 1, .trailingCharacters),
            t("-01", 2, .trailingCharacters),
            t("-", 1, .unexpectedEndOfInput),
            t("-a", 1, .invalidNumber),
            t("1.", 2, .invalidNumber),
            t("1.e5", 2, .invalidNumber),
            t("1e", 2, .invalidNumber),
            t("1e+", 3, .invalidNumber),
            t("1.5e", 4, .invalidNumber),
            t("+1", 0, .unexpectedCharacter(UInt8(ascii: "+"))),
            t(".5", 0, .unexpectedCharacter(UInt8(ascii: "."))),
            t(#""\x""#, 1, .invalidEscape),
            t(#""ab\'""#, 3, .invalidEscape),
            t(#""\u12G4""#, 1, .invalidUnicodeEscape),
            t(#""\u12""#, 6, .unexpectedEndOfInput),
            t(#""\ud800\u00""#, 12, .unexpectedEndOfInput),
            t("\"a\u{01}\"", 2, .unescapedControlCharacter),
            t("\"a\nb\"", 2, .unescapedControlCharacter),
            t("\"\t\"", 1, .unescapedControlCharacter),
            t("\"\\n\u{1F}\"", 3, .unescapedControlCharacter),
            ([q, UInt8(ascii: "a"), 0xFF, q], 2, .invalidUTF8),
            ([q, 0xE2, 0x82, q], 1, .invalidUTF8),
            ([q, 0xC0, 0x80, q], 1, .invalidUTF8),
            ([q, 0xED, 0xA0, 0x80, q], 1, .invalidUTF8),
            ([q, UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "x"), 0xF8, q], 4, .invalidUTF8),
            t("\"abc", 4, .unexpectedEndOfInput),
            t("\"abc\\", 5, .unexpectedEndOfInput),
            t("\"a\\n", 4, .unexpectedEndOfInput),
            t("[1 2]", 3, .unexpectedCharacter(UInt8(ascii: "2"))),
            t(#"{"a":1 "b":2}"#, 7, .unexpectedCharacter(q)),
            t(#"{"a" 1}"#, 5, .unexpectedCharacter(UInt8(ascii: "1"))),
            t("{1:2}", 1, .unexpectedCharacter(UInt8(ascii: "1"))),
            t("1 2", 2, .trailingCharacters),
            t("{} x", 3, .trailingCharacters),
            t("[1]]", 3, .trailingCharacters),
            t("1e5.0", 3, .trailingCharacters),
            t("nulls", 4, .trailingCharacters),
            t("NaN", 0, .unexpectedCharacter(UInt8(ascii: "N"))),
            t("Infinity", 0, .unexpectedCharacter(UInt8(ascii: "I"))),
            t("-Infinity", 1, .invalidNumber),
            t("[NaN]", 1, .unexpectedCharacter(UInt8(ascii: "N"))),
            t("'a'", 0, .unexpectedCharacter(UInt8(ascii: "'"))),
            t("{'a':1}", 1, .unexpectedCharacter(UInt8(ascii: "'"))),
            t("[1]//c", 3, .trailingCharacters),
            t("/*c*/1", 0, .unexpectedCharacter(UInt8(ascii: "/"))),
            t("[1,/*c*/2]", 3, .unexpectedCharacter(UInt8(ascii: "/"))),
            t("tru", 3, .unexpectedEndOfInput),
            t("trUe", 2, .unexpectedCharacter(UInt8(ascii: "U"))),
            t("nul", 3, .unexpectedEndOfInput),
            t("True", 0, .unexpectedCharacter(UInt8(ascii: "T"))),
            t("\u{FEFF}1", 0, .unexpectedCharacter(0xEF)),
            t(String(repeating: "[", count: 513) + String(repeating: "]", count: 513), 512, .tooDeep(limit: 512)),
            t(String(repeating: "{\"a\":", count: 513) + "1" + String(repeating: "}", count: 513), 2560, .tooDeep(limit: 512)),
        ]
    }()

    @Test func rejectsInvalidTextsAtTheExactOffset() {
        #expect(Self.invalidCorpus.count >= 30)
        for (bytes, offset, reason) in Self.invalidCorpus {
            let text = String(decoding: bytes.prefix(40), as: UTF8.self)
            #expect(throws: JSONParseError(reason, offset: offset), "input: \(text)") {
                try JSONValue(parsing: bytes)
            }
        }
    }

    @Test func errorDescriptionsNameTheOffset() {
        #expect(JSONParseError(.unexpectedCharacter(UInt8(ascii: "]")), offset: 3).description == "invalid character ']' at offset 3")
        #expect(JSONParseError(.unexpectedCharacter(0xEF), offset: 0).description == "invalid byte 0xef at offset 0")
        #expect(JSONParseError(.tooDeep(limit: 512), offset: 512).description == "exceeded max depth of 512 at offset 512")
    }

    @Test func depthLimitIsInclusive() throws {
        let arrays = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSONValue(parsing: arrays)
        var depth = 0
        while case .array(let elements) = value {
            depth += 1
            value = elements.first ?? .null
        }
        #expect(depth == 512)
        let objects = String(repeating: "{\"a\":", count: 511) + "{}" + String(repeating: "}", count: 511)
        #expect(throws: Never.self) { try JSONValue(parsing: objects) }
        #expect(throws: JSONParseError(.tooDeep(limit: 2), offset: 2)) {
            try JSONValue(parsing: "[[[]]]", options: .init(maxDepth: 2))
        }
        #expect(throws: Never.self) { try JSONValue(parsing: "[[]]", options: .init(maxDepth: 2)) }
    }

    @Test func surrogatePairsAndLoneSurrogates() throws {
        #expect(try JSONValue(parsing: #""\ud83d\ude00""#) == "😀")
        #expect(try JSONValue(parsing: #""\uD83D\uDE00x""#) == "😀x")
        #expect(try JSONValue(parsing: #""\ud800""#) == "\u{FFFD}")
        #expect(try JSONValue(parsing: #""\udc00""#) == "\u{FFFD}")
        #expect(try JSONValue(parsing: #""\ud800x""#) == "\u{FFFD}x")
        #expect(try JSONValue(parsing: #""\ud800\u0041""#) == "\u{FFFD}A")
        #expect(try JSONValue(parsing: #""\ud800\ud800\udc00""#) == "\u{FFFD}\u{10000}")
        #expect(try JSONValue(parsing: "\"😀é\"") == "😀é")
    }

    @Test func allEscapes() throws {
        #expect(try JSONValue(parsing: #""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(try JSONValue(parsing: #""\u0000\u001f\u00e9\u20AC""#) == "\u{0}\u{1F}é€")
        let written = JSONValue.string("\"\\/\u{08}\u{0C}\n\r\t\u{0}\u{1F}").serializedString()
        #expect(written == #""\"\\/\u0008\u000c\n\r\t\u0000\u001f""#)
    }

    @Test func integersAtTheInt64Limits() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(.max))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(.min))
        for text in ["9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234"] {
            let value = try JSONValue(parsing: text)
            guard case .number(let number) = value else {
                Issue.record("\(text) should be a .number, got \(value)")
                continue
            }
            #expect(number.text == text)
            #expect(value.serializedString() == text)
        }
        #expect(try JSONValue(parsing: "-0") == .int(0))
        #expect(try JSONValue(parsing: "0") == .int(0))
    }

    @Test func numberLiteralsKeepTheirText() throws {
        for text in ["1.10", "1.0", "-0.0", "1e3", "1E+03", "2.50e-7", "0.1", "100000000000000000000.5"] {
            #expect(try JSONValue(parsing: text).serializedString() == text)
        }
        #expect(try JSONValue(parsing: "1.0") == .int(1))
        #expect(try JSONValue(parsing: "1e3") == .int(1000))
        #expect(try JSONValue(parsing: "1.10") == JSONValue.number(JSONNumber("1.1")!))
    }

    @Test func duplicateKeysKeepTheLastValueAtTheFirstPosition() throws {
        let value = try JSONValue(parsing: #"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 3)
        #expect(value.serializedString() == #"{"a":3,"b":2}"#)
        // Past the small-object threshold the parser indexes the keys; same result.
        var text = "{"
        for i in 0..<40 { text += "\"k\(i)\":\(i)," }
        text += "\"k3\":\"last\"}"
        let big = try JSONValue(parsing: text)
        #expect(big.objectValue?.count == 40)
        #expect(big.objectValue?.keys[3] == "k3")
        #expect(big["k3"] == "last")
    }

    @Test func whitespaceAndTopLevelScalars() throws {
        #expect(try JSONValue(parsing: " \t\r\n true \n") == true)
        #expect(try JSONValue(parsing: "\"\"") == "")
        #expect(try JSONValue(parsing: "[ ]") == [])
        #expect(try JSONValue(parsing: "{ }") == .emptyObject)
    }
}

@Suite struct JSONNumberEqualityTests {
    @Test(arguments: [
        ("1", "1.0", true), ("1.0", "1.00", true), ("1e3", "1000", true), ("1000", "1E+3", true),
        ("0.5", "5e-1", true), ("-0", "0", true), ("0.0", "-0.0e5", true), ("100", "1e2", true),
        ("18446744073709551616", "18446744073709551617", false), ("1e400", "2e400", false),
        ("1e400", "10e399", true), ("1.5", "1.50001", false), ("-1", "1", false),
        ("9223372036854775807", "9223372036854775807.0", true), ("9223372036854775807", "9223372036854775806.0", false),
    ])
    func numbersCompareByExactValue(lhs: String, rhs: String, equal: Bool) throws {
        let a = try JSONValue(parsing: lhs)
        let b = try JSONValue(parsing: rhs)
        #expect((a == b) == equal)
        if equal { #expect(a.hashValue == b.hashValue) }
    }
}

@Suite struct Base64Tests {
    /// RFC 4648 §10 test vectors.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test func binaryRoundTrip() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
    }
}

@Suite struct JSONObjectTests {
    @Test func largeObjectsCompareRegardlessOfOrder() {
        let keys = (0..<1000).map { "key-\($0)" }
        let forward = JSONObject(keys.map { ($0, JSONValue.string($0)) })
        let backward = JSONObject(keys.reversed().map { ($0, JSONValue.string($0)) })
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        var changed = backward
        changed["key-500"] = "other"
        #expect(forward != changed)
    }

    @Test func pairsKeepTheLastValueAtTheFirstPosition() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }
}
