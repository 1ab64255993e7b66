/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``.
///
/// One pass over the bytes, no intermediate tokens. Strings without escapes are made straight from the
/// input slice. Duplicate object keys keep the last value, as Go's `encoding/json` does. Nesting deeper
/// than ``Options/maxDepth`` is an error rather than a stack overflow.
public struct JSONParser: ~Copyable {
    /// Parser limits.
    public struct Options: Sendable {
        /// The deepest nesting of arrays and objects accepted.
        public var maxDepth: Int

        public init(maxDepth: Int = 512) {
            self.maxDepth = maxDepth
        }
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let options: Options
    var position: Int = 0
    var depth: Int = 0

    init(buffer: UnsafeBufferPointer<UInt8>, options: Options) {
        self.buffer = buffer
        self.options = options
    }

    /// Parses one complete JSON text from `bytes`.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        options: Options = Options()
    ) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(buffer: bytes, options: options)
        return try parser.parseDocument()
    }

    /// The one value that starts at `offset` of `buffer`, which is known to be valid JSON (``PackedJSON``'s
    /// escaped strings and non-integer numbers); `nil` if it is not.
    static func parseKnownValid(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> JSONValue? {
        var parser = JSONParser(buffer: buffer, options: Options())
        parser.position = offset
        return try? parser.parseValue()
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        self.skipWhitespace()
        let value = try self.parseValue()
        self.skipWhitespace()
        if self.position != self.buffer.count {
            throw JSONParseError(.trailingCharacters, offset: self.position)
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard self.position < self.buffer.count else {
            throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
        }
        switch self.buffer[self.position] {
        case UInt8(ascii: "{"): return try self.parseObject()
        case UInt8(ascii: "["): return try self.parseArray()
        case UInt8(ascii: "\""): return .string(try self.parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try self.parseNumber()
        case UInt8(ascii: "t"):
            try self.expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try self.expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try self.expectLiteral("null")
            return .null
        case let byte:
            throw JSONParseError(.unexpectedCharacter(byte), offset: self.position)
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = literal.utf8Start
        for i in 0..<literal.utf8CodeUnitCount {
            guard self.position < self.buffer.count else {
                throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
            }
            let byte = self.buffer[self.position]
            guard byte == start[i] else { throw JSONParseError(.unexpectedCharacter(byte), offset: self.position) }
            self.position += 1
        }
    }

    mutating func enterContainer() throws(JSONParseError) {
        self.depth += 1
        if self.depth > self.options.maxDepth {
            throw JSONParseError(.tooDeep(limit: self.options.maxDepth), offset: self.position)
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try self.enterContainer()
        self.position += 1  // {
        var members: [JSONObject.Member] = []
        self.skipWhitespace()
        if self.peek() == UInt8(ascii: "}") {
            self.position += 1
            self.depth -= 1
            return .object(JSONObject(uniqueMembers: members))
        }
        members.reserveCapacity(8)
        // Large objects (ConfigMap data, say) index their keys so that duplicate detection stays linear.
        var keyIndex: [String: Int]? = nil
        while true {
            self.skipWhitespace()
            guard self.position < self.buffer.count else {
                throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
            }
            guard self.buffer[self.position] == UInt8(ascii: "\"") else {
                throw JSONParseError(.unexpectedCharacter(self.buffer[self.position]), offset: self.position)
            }
            let key = try self.parseString()
            self.skipWhitespace()
            try self.expect(UInt8(ascii: ":"))
            self.skipWhitespace()
            let value = try self.parseValue()
            if let existing = Self.find(key, in: members, index: &keyIndex) {
                members[existing].value = value  // last one wins, as in Go
            } else {
                members.append(JSONObject.Member(key: key, value: value))
                keyIndex?[key] = members.count - 1
            }
            self.skipWhitespace()
            guard self.position < self.buffer.count else {
                throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
            }
            let byte = self.buffer[self.position]
            self.position += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "}") { break }
            throw JSONParseError(.unexpectedCharacter(byte), offset: self.position - 1)
        }
        self.depth -= 1
        return .object(JSONObject(uniqueMembers: members))
    }

    private static func find(_ key: String, in members: [JSONObject.Member], index: inout [String: Int]?) -> Int? {
        if let index { return index[key] }
        if members.count < 32 {
            for i in members.indices where members[i].key == key { return i }
            return nil
        }
        var built: [String: Int] = [:]
        built.reserveCapacity(members.count * 2)
        for i in members.indices { built[members[i].key] = i }
        index = built
        return built[key]
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try self.enterContainer()
        self.position += 1  // [
        var elements: [JSONValue] = []
        self.skipWhitespace()
        if self.peek() == UInt8(ascii: "]") {
            self.position += 1
            self.depth -= 1
            return .array(elements)
        }
        elements.reserveCapacity(4)
        while true {
            self.skipWhitespace()
            elements.append(try self.parseValue())
            self.skipWhitespace()
            guard self.position < self.buffer.count else {
                throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
            }
            let byte = self.buffer[self.position]
            self.position += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "]") { break }
            throw JSONParseError(.unexpectedCharacter(byte), offset: self.position - 1)
        }
        self.depth -= 1
        return .array(elements)
    }

    // MARK: - Numbers

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = self.position
        let integral = try self.scanNumberEnd()
        let slice = UnsafeBufferPointer(rebasing: self.buffer[start..<self.position])
        if integral, slice.count <= 19 || (slice.count == 20 && slice[0] == UInt8(ascii: "-")) {
            var value: Int64 = 0
            var overflow = false
            let negative = slice[0] == UInt8(ascii: "-")
            for byte in slice[(negative ? 1 : 0)...] {
                let digit = Int64(byte &- UInt8(ascii: "0"))
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
                if o1 || o2 {
                    overflow = true
                    break
                }
                value = next
            }
            if !overflow { return .int(value) }
        }
        return .number(JSONNumber(uncheckedText: String(decoding: slice, as: UTF8.self)))
    }

    /// Advances over one number and checks its grammar; returns `true` if it has no fraction and no exponent.
    mutating func scanNumberEnd() throws(JSONParseError) -> Bool {
        var integral = true
        if self.peek() == UInt8(ascii: "-") { self.position += 1 }
        guard let first = self.peek() else { throw JSONParseError(.unexpectedEndOfInput, offset: self.position) }
        if first == UInt8(ascii: "0") {
            self.position += 1
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            self.skipDigits()
        } else {
            throw JSONParseError(.invalidNumber, offset: self.position)
        }
        if self.peek() == UInt8(ascii: ".") {
            integral = false
            self.position += 1
            guard self.skipDigits() > 0 else { throw JSONParseError(.invalidNumber, offset: self.position) }
        }
        if let e = self.peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            integral = false
            self.position += 1
            if let sign = self.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { self.position += 1 }
            guard self.skipDigits() > 0 else { throw JSONParseError(.invalidNumber, offset: self.position) }
        }
        return integral
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = self.position
        while self.position < self.buffer.count, self.buffer[self.position] &- UInt8(ascii: "0") < 10 {
            self.position += 1
        }
        return self.position - start
    }

    // MARK: - Strings

    /// Parses a string literal; `position` is at its opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        self.position += 1
        let start = self.position
        var highBits: UInt8 = 0
        // Fast path: no escapes; the literal is one slice of the input.
        while self.position < self.buffer.count {
            let byte = self.buffer[self.position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: self.buffer[start..<self.position])
                self.position += 1
                if highBits & 0x80 == 0 { return String(decoding: slice, as: UTF8.self) }
                guard let string = String(validating: slice, as: UTF8.self) else {
                    throw JSONParseError(.invalidUTF8, offset: start + Self.firstInvalidUTF8(slice))
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { return try self.parseEscapedString(start: start) }
            if byte < 0x20 { throw JSONParseError(.unescapedControlCharacter, offset: self.position) }
            highBits |= byte
            self.position += 1
        }
        throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
    }

    /// The slow path for a literal with escapes: copies bytes into a scratch buffer, decoding escapes.
    private mutating func parseEscapedString(start: Int) throws(JSONParseError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(self.position - start + 16)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: self.buffer[start..<self.position]))
        while self.position < self.buffer.count {
            let byte = self.buffer[self.position]
            switch byte {
            case UInt8(ascii: "\""):
                self.position += 1
                guard let string = String(validating: bytes, as: UTF8.self) else {
                    throw JSONParseError(.invalidUTF8, offset: start + self.firstInvalidUTF8Offset(in: start))
                }
                return string
            case UInt8(ascii: "\\"):
                let escapeOffset = self.position
                self.position += 1
                guard let escaped = self.peek() else {
                    throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
                }
                self.position += 1
                switch escaped {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try self.parseUnicodeEscape(escapeOffset: escapeOffset)
                    Self.appendUTF8(scalar, to: &bytes)
                default:
                    throw JSONParseError(.invalidEscape, offset: escapeOffset)
                }
            default:
                if byte < 0x20 { throw JSONParseError(.unescapedControlCharacter, offset: self.position) }
                bytes.append(byte)
                self.position += 1
            }
        }
        throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
    }

    /// Decodes the four hex digits after `\u` (and a following low surrogate, if this is a high one).
    /// A lone surrogate becomes U+FFFD, as Go's decoder does.
    private mutating func parseUnicodeEscape(escapeOffset: Int) throws(JSONParseError) -> Unicode.Scalar {
        let unit = try self.readHex4(escapeOffset: escapeOffset)
        if unit >= 0xD800 && unit < 0xDC00 {
            // A high surrogate: a low one must follow as another \u escape to form one scalar.
            if self.position + 1 < self.buffer.count, self.buffer[self.position] == UInt8(ascii: "\\"),
                self.buffer[self.position + 1] == UInt8(ascii: "u")
            {
                let save = self.position
                self.position += 2
                let low = try self.readHex4(escapeOffset: save)
                if low >= 0xDC00 && low < 0xE000 {
                    let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                self.position = save  // not a low surrogate: decode it on its own next time round
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}"
    }

    private mutating func readHex4(escapeOffset: Int) throws(JSONParseError) -> UInt16 {
        guard self.position + 4 <= self.buffer.count else {
            throw JSONParseError(.unexpectedEndOfInput, offset: self.buffer.count)
        }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = self.buffer[self.position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidUnicodeEscape, offset: escapeOffset)
            }
            value = value << 4 | UInt16(digit)
            self.position += 1
        }
        return value
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let encoded = UTF8.encode(scalar)!
        for byte in encoded { bytes.append(byte) }
    }

    /// The offset of the first invalid UTF-8 sequence in `slice` (0 when none is found).
    private static func firstInvalidUTF8(_ slice: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return 0
            case .error: return offset
            }
        }
    }

    /// For an escaped literal starting at `start`, the offset of the first invalid UTF-8 byte, from `start`.
    private func firstInvalidUTF8Offset(in start: Int) -> Int {
        Self.firstInvalidUTF8(UnsafeBufferPointer(rebasing: self.buffer[start..<self.position]))
    }

    // MARK: - Bytes

    @inline(__always)
    func peek() -> UInt8? {
        self.position < self.buffer.count ? self.buffer[self.position] : nil
    }

    mutating func expect(_ byte: UInt8) throws(JSONParseError) {
        guard self.position < self.buffer.count else {
            throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
        }
        guard self.buffer[self.position] == byte else {
            throw JSONParseError(.unexpectedCharacter(self.buffer[self.position]), offset: self.position)
        }
        self.position += 1
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while self.position < self.buffer.count {
            switch self.buffer[self.position] {
            case 0x20, 0x0A, 0x0D, 0x09: self.position += 1
            default: return
            }
        }
    }
}

extension JSONValue {
    /// Parses a complete JSON text.
    /// - Throws: ``JSONParseError`` with the byte offset of the first problem.
    public init(parsing bytes: some Sequence<UInt8>, options: JSONParser.Options = .init()) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parse(buffer, options: options) }
        }
        if let result {
            self = try result.get()
        } else {
            let array = Array(bytes)
            let result = array.withUnsafeBufferPointer { buffer in
                Result { () throws(JSONParseError) in try JSONParser.parse(buffer, options: options) }
            }
            self = try result.get()
        }
    }

    /// Parses a complete JSON text held in a string.
    public init(parsing text: String, options: JSONParser.Options = .init()) throws(JSONParseError) {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parse(buffer, options: options) }
        }
        self = try result.get()
    }
}
