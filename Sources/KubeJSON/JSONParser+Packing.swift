/// Parsing straight into ``PackedJSON``: one validating pass that copies the input's tokens into the packed
/// text and records where containers end, with no tree in between.
///
/// The output must be exactly what ``JSONWriter`` would write for the tree the ordinary parser builds, so
/// tokens are copied only when they are already in that form: ASCII strings without escapes, integers other
/// than `-0`, other numbers as written. Anything else goes through the ordinary string and number parsers
/// and is written again. A duplicate key (Go keeps the last value, at the first key's place) is rare enough
/// that the whole document is then parsed as a tree and packed from that.
extension JSONParser {
    /// What packing has written so far.
    struct PackingOutput {
        var bytes: [UInt8] = []
        var spans: [UInt32] = []
        /// Set when an object repeats a key: the packed text cannot express last-one-wins in place.
        var sawDuplicateKey = false
        /// The output ranges of the keys of the objects being packed, outermost object first: each object's
        /// keys are the entries from where it started. One buffer for the whole document, not one per object.
        var keys: [Range<Int>] = []

        /// Writes an opening bracket and starts its span; returns the span's slot for ``close(_:slot:)``.
        mutating func open(_ bracket: UInt8) -> Int {
            let slot = self.spans.count
            self.spans.append(UInt32(truncatingIfNeeded: self.bytes.count))
            self.spans.append(0)
            self.bytes.append(bracket)
            return slot
        }

        /// Writes a closing bracket and ends the span opened at `slot`.
        mutating func close(_ bracket: UInt8, slot: Int) {
            self.bytes.append(bracket)
            PackedJSON.closeSpan(slot, end: self.bytes.count, in: &self.spans)
        }

        /// Records `key` (a range of ``bytes``) as a key of the object whose keys start at `first` in ``keys``
        /// and says whether an earlier key of that object had the same text. Small objects compare by scanning;
        /// large ones (ConfigMap data) switch to a set to stay linear.
        mutating func isRepeated(_ key: Range<Int>, since first: Int, set: inout Set<[UInt8]>?) -> Bool {
            if set == nil && self.keys.count - first >= 32 {
                set = Set(self.keys[first...].map { Array(self.bytes[$0]) })
            }
            if set != nil {
                return !set!.insert(Array(self.bytes[key])).inserted
            }
            let repeated = self.bytes.withUnsafeBufferPointer { bytes in
                for index in first..<self.keys.count {
                    let earlier = self.keys[index]
                    guard earlier.count == key.count else { continue }
                    var offset = 0
                    while offset < key.count, bytes[earlier.lowerBound + offset] == bytes[key.lowerBound + offset] {
                        offset += 1
                    }
                    if offset == key.count { return true }
                }
                return false
            }
            if !repeated { self.keys.append(key) }
            return repeated
        }
    }

    /// Packs one complete JSON text.
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) throws(JSONParseError) -> PackedJSON {
        var parser = JSONParser(buffer: bytes, options: options)
        var output = PackingOutput()
        output.bytes.reserveCapacity(bytes.count)
        parser.skipWhitespace()
        try parser.packValue(into: &output)
        parser.skipWhitespace()
        if parser.position != bytes.count {
            throw JSONParseError(.trailingCharacters, offset: parser.position)
        }
        if output.sawDuplicateKey {
            return PackedJSON(try JSONParser.parse(bytes, options: options))
        }
        return PackedJSON(bytes: output.bytes, spans: output.spans)
    }

    private mutating func packValue(into output: inout PackingOutput) throws(JSONParseError) {
        guard self.position < self.buffer.count else {
            throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
        }
        switch self.buffer[self.position] {
        case UInt8(ascii: "{"): try self.packObject(into: &output)
        case UInt8(ascii: "["): try self.packArray(into: &output)
        case UInt8(ascii: "\""): try self.packString(into: &output)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try self.packNumber(into: &output)
        case UInt8(ascii: "t"): try self.packLiteral("true", into: &output)
        case UInt8(ascii: "f"): try self.packLiteral("false", into: &output)
        case UInt8(ascii: "n"): try self.packLiteral("null", into: &output)
        case let byte: throw JSONParseError(.unexpectedCharacter(byte), offset: self.position)
        }
    }

    private mutating func packLiteral(_ literal: StaticString, into output: inout PackingOutput) throws(JSONParseError) {
        try self.expectLiteral(literal)
        output.bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func packObject(into output: inout PackingOutput) throws(JSONParseError) {
        try self.enterContainer()
        self.position += 1  // {
        let spanSlot = output.open(UInt8(ascii: "{"))
        self.skipWhitespace()
        if self.peek() == UInt8(ascii: "}") {
            self.position += 1
        } else {
            // Each key's range in the output, to find repeated keys (canonical text: same bytes, same key).
            let firstKey = output.keys.count
            defer { output.keys.removeSubrange(firstKey...) }
            var keySet: Set<[UInt8]>? = nil
            while true {
                self.skipWhitespace()
                guard self.position < self.buffer.count else {
                    throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
                }
                guard self.buffer[self.position] == UInt8(ascii: "\"") else {
                    throw JSONParseError(.unexpectedCharacter(self.buffer[self.position]), offset: self.position)
                }
                let keyStart = output.bytes.count
                try self.packString(into: &output)
                let key = keyStart..<output.bytes.count
                if output.isRepeated(key, since: firstKey, set: &keySet) { output.sawDuplicateKey = true }
                self.skipWhitespace()
                try self.expect(UInt8(ascii: ":"))
                output.bytes.append(UInt8(ascii: ":"))
                self.skipWhitespace()
                try self.packValue(into: &output)
                self.skipWhitespace()
                guard self.position < self.buffer.count else {
                    throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
                }
                let byte = self.buffer[self.position]
                self.position += 1
                if byte == UInt8(ascii: ",") {
                    output.bytes.append(UInt8(ascii: ","))
                    continue
                }
                if byte == UInt8(ascii: "}") { break }
                throw JSONParseError(.unexpectedCharacter(byte), offset: self.position - 1)
            }
        }
        output.close(UInt8(ascii: "}"), slot: spanSlot)
        self.depth -= 1
    }

    private mutating func packArray(into output: inout PackingOutput) throws(JSONParseError) {
        try self.enterContainer()
        self.position += 1  // [
        let spanSlot = output.open(UInt8(ascii: "["))
        self.skipWhitespace()
        if self.peek() == UInt8(ascii: "]") {
            self.position += 1
        } else {
            while true {
                self.skipWhitespace()
                try self.packValue(into: &output)
                self.skipWhitespace()
                guard self.position < self.buffer.count else {
                    throw JSONParseError(.unexpectedEndOfInput, offset: self.position)
                }
                let byte = self.buffer[self.position]
                self.position += 1
                if byte == UInt8(ascii: ",") {
                    output.bytes.append(UInt8(ascii: ","))
                    continue
                }
                if byte == UInt8(ascii: "]") { break }
                throw JSONParseError(.unexpectedCharacter(byte), offset: self.position - 1)
            }
        }
        output.close(UInt8(ascii: "]"), slot: spanSlot)
        self.depth -= 1
    }

    /// Copies an ASCII string literal whose escapes are those the writer makes (`\"`, `\\`, `\n`, `\r`, `\t`,
    /// `\u00xx` for other control characters): managedFields keys such as `k:{\"type\":\"Ready\"}` are
    /// common. Anything else (other escapes, non-ASCII that must be validated, U+2028/U+2029 that the writer
    /// escapes) is parsed and written again.
    private mutating func packString(into output: inout PackingOutput) throws(JSONParseError) {
        let start = self.position
        var index = start + 1
        while index < self.buffer.count {
            let byte = self.buffer[index]
            if byte == UInt8(ascii: "\"") {
                output.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: self.buffer[start...index]))
                self.position = index + 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                guard let length = Self.canonicalEscapeLength(self.buffer, at: index) else { break }
                index += length
                continue
            }
            if byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        let string = try self.parseString()
        var writer = JSONWriter(capacity: string.utf8.count + 8)
        writer.writeString(string)
        output.bytes.append(contentsOf: writer.bytes)
    }

    /// The length of the escape at `index` (a backslash) when ``JSONWriter`` writes that character the same way;
    /// `nil` for any other escape (`\/`, `\u0041`, uppercase hex, …) or one cut off by the end of the input.
    private static func canonicalEscapeLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index + 1 < buffer.count else { return nil }
        switch buffer[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return 2
        case UInt8(ascii: "u"):
            guard index + 5 < buffer.count, buffer[index + 2] == UInt8(ascii: "0"), buffer[index + 3] == UInt8(ascii: "0")
            else { return nil }
            func lowerHex(_ byte: UInt8) -> UInt8? {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                default: nil
                }
            }
            guard let high = lowerHex(buffer[index + 4]), let low = lowerHex(buffer[index + 5]) else { return nil }
            let character = high << 4 | low
            // The writer uses \u00xx only below 0x20, and the short forms for newline, return and tab.
            guard character < 0x20, character != 0x0A, character != 0x0D, character != 0x09 else { return nil }
            return 6
        default:
            return nil
        }
    }

    /// Copies a number literal, except `-0`, which the tree holds as the integer 0.
    private mutating func packNumber(into output: inout PackingOutput) throws(JSONParseError) {
        let start = self.position
        let integral = try self.scanNumberEnd()
        let literal = UnsafeBufferPointer(rebasing: self.buffer[start..<self.position])
        if integral, literal.count == 2, literal[0] == UInt8(ascii: "-"), literal[1] == UInt8(ascii: "0") {
            output.bytes.append(UInt8(ascii: "0"))
            return
        }
        output.bytes.append(contentsOf: literal)
    }
}

extension PackedJSON {
    /// Parses JSON text straight into packed form (see ``PackedJSON``); the same errors as ``JSONParser``.
    public convenience init(parsing bytes: [UInt8], options: JSONParser.Options = .init()) throws(JSONParseError) {
        let packed = try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            try JSONParser.pack(buffer, options: options)
        }
        self.init(bytes: packed.bytes, spans: packed.spans)
    }
}
