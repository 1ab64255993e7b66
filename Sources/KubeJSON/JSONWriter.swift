/// Writes ``JSONValue``s as UTF-8 JSON text.
///
/// Compact by default, as kube-apiserver answers; ``Options/indent`` gives the pretty form kubectl prints.
public struct JSONWriter: Sendable {
    /// Output formatting.
    public struct Options: Sendable {
        /// Spaces per nesting level; 0 writes compact JSON.
        public var indent: Int
        /// Escape `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, as Go's encoder does by default.
        public var escapeHTML: Bool
        /// Write object members sorted by key instead of in insertion order.
        public var sortedKeys: Bool

        public init(indent: Int = 0, escapeHTML: Bool = false, sortedKeys: Bool = false) {
            self.indent = indent
            self.escapeHTML = escapeHTML
            self.sortedKeys = sortedKeys
        }
    }

    /// The bytes written so far.
    public private(set) var bytes: [UInt8]
    private let options: Options
    /// Packed objects are copied as text when the output is the packed form itself (compact, unescaped HTML,
    /// insertion order).
    private let copiesPackedText: Bool
    /// With ``PackedJSON``'s span recording on: each container's offset and end, in document order.
    private(set) var spans: [UInt32] = []
    private let recordsSpans: Bool

    public init(options: Options = Options(), capacity: Int = 1024) {
        self.options = options
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
        self.copiesPackedText = options.indent == 0 && !options.escapeHTML && !options.sortedKeys
        self.recordsSpans = false
    }

    /// A compact writer that records where each container starts and ends, for ``PackedJSON``.
    init(recordingSpans: Bool) {
        self.options = Options()
        self.bytes = []
        self.bytes.reserveCapacity(1024)
        self.copiesPackedText = true
        self.recordsSpans = recordingSpans
    }

    /// Opens a span for the container about to be written; returns its slot.
    @inline(__always)
    private mutating func openSpan() -> Int {
        guard self.recordsSpans else { return -1 }
        self.spans.append(UInt32(truncatingIfNeeded: self.bytes.count))
        self.spans.append(0)
        return self.spans.count - 1
    }

    @inline(__always)
    private mutating func closeSpan(_ slot: Int) {
        guard slot >= 0 else { return }
        PackedJSON.closeSpan(slot - 1, end: self.bytes.count, in: &self.spans)
    }

    /// Copies the text of a packed object (and its spans, rebased).
    private mutating func copyPacked(_ packed: PackedJSON, start: Int) {
        let end = packed.containerEnd(start)
        let base = self.bytes.count
        if self.recordsSpans {
            let delta = Int64(base) - Int64(start)
            for offset in packed.spans(from: start, to: end) {
                self.spans.append(UInt32(truncatingIfNeeded: Int64(offset) + delta))
            }
        }
        packed.bytes.withUnsafeBufferPointer { self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Appends `value`.
    public mutating func write(_ value: JSONValue) {
        self.write(value, level: 0)
    }

    private mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: self.appendStatic("null")
        case .bool(let b): b ? self.appendStatic("true") : self.appendStatic("false")
        case .int(let i): self.writeInteger(i)
        case .number(let n): self.writeRaw(n.text)
        case .string(let s): self.writeString(s)
        case .array(let elements):
            let span = self.openSpan()
            defer { self.closeSpan(span) }
            if elements.isEmpty {
                self.appendStatic("[]")
                return
            }
            self.bytes.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { self.bytes.append(UInt8(ascii: ",")) }
                first = false
                self.newline(level: level + 1)
                self.write(element, level: level + 1)
            }
            self.newline(level: level)
            self.bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            if self.copiesPackedText, case .packed(let packed, let start) = object.storage {
                self.copyPacked(packed, start: Int(start))
                return
            }
            let span = self.openSpan()
            defer { self.closeSpan(span) }
            if object.isEmpty {
                self.appendStatic("{}")
                return
            }
            self.bytes.append(UInt8(ascii: "{"))
            var sorted = object
            if self.options.sortedKeys { sorted.sortKeys() }
            var first = true
            for member in sorted.members {
                if !first { self.bytes.append(UInt8(ascii: ",")) }
                first = false
                self.newline(level: level + 1)
                self.writeString(member.key)
                self.bytes.append(UInt8(ascii: ":"))
                if self.options.indent > 0 { self.bytes.append(UInt8(ascii: " ")) }
                self.write(member.value, level: level + 1)
            }
            self.newline(level: level)
            self.bytes.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    private mutating func newline(level: Int) {
        guard self.options.indent > 0 else { return }
        self.bytes.append(0x0A)
        for _ in 0..<(level * self.options.indent) { self.bytes.append(0x20) }
    }

    @inline(__always)
    private mutating func appendStatic(_ text: StaticString) {
        self.bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { self.bytes.append(contentsOf: $0) }
    }

    /// Appends `text` as it is: punctuation for callers that write a document piece by piece.
    public mutating func writeRaw(_ text: StaticString) {
        self.appendStatic(text)
    }

    /// Drops everything written after the first `count` bytes: a piece that turned out to be unwanted.
    public mutating func rewind(to count: Int) {
        precondition(count <= self.bytes.count && self.spans.isEmpty, "rewinding past the text, or with spans recorded")
        self.bytes.removeLast(self.bytes.count - count)
    }

    /// Appends the decimal digits of `value` without going through `String`.
    public mutating func writeInteger(_ value: Int64) {
        if value == 0 {
            self.bytes.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { self.bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            while magnitude > 0 {
                scratch[23 - count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
                magnitude /= 10
                count += 1
            }
            self.bytes.append(contentsOf: scratch[(24 - count)...])
        }
    }

    /// Appends `string` as a JSON string literal.
    public mutating func writeString(_ string: String) {
        self.writeString(string, prefix: "")
    }

    /// Writes `prefix` followed by `string` as one JSON string (`"f:name"` for prefix `f:`), without joining
    /// them first. `prefix` must need no escaping.
    public mutating func writeString(_ string: String, prefix: StaticString) {
        var string = string
        string.withUTF8 { utf8 in self.writeString(utf8Buffer: utf8, prefix: prefix) }
    }

    /// Writes `prefix` followed by the UTF-8 text `utf8` as one JSON string (for text built as bytes, such as a
    /// key holding JSON). `prefix` must need no escaping.
    public mutating func writeString(utf8: [UInt8], prefix: StaticString = "") {
        utf8.withUnsafeBufferPointer { self.writeString(utf8Buffer: $0, prefix: prefix) }
    }

    private mutating func writeString(utf8Buffer utf8: UnsafeBufferPointer<UInt8>, prefix: StaticString) {
        self.bytes.append(UInt8(ascii: "\""))
        if prefix.utf8CodeUnitCount > 0 {
            self.bytes.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        }
        var runStart = 0
        var i = 0
        let escapeHTML = self.options.escapeHTML
        while i < utf8.count {
            let byte = utf8[i]
            let needsEscape: Bool
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                needsEscape = true
            } else if escapeHTML,
                byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            {
                needsEscape = true
            } else if byte == 0xE2, i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] & 0xFE == 0xA8 {
                // U+2028 and U+2029 break JavaScript parsers; Go escapes them too.
                self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                self.appendStatic(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 3
                runStart = i
                continue
            } else {
                needsEscape = false
            }
            if needsEscape {
                self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                self.appendEscape(byte)
                runStart = i + 1
            }
            i += 1
        }
        self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        self.bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): self.appendStatic("\\\"")
        case UInt8(ascii: "\\"): self.appendStatic("\\\\")
        case 0x0A: self.appendStatic("\\n")
        case 0x0D: self.appendStatic("\\r")
        case 0x09: self.appendStatic("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            self.appendStatic("\\u00")
            self.bytes.append(hex.utf8Start[Int(byte >> 4)])
            self.bytes.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}

extension JSONValue {
    /// This value as UTF-8 JSON text.
    public func serialized(options: JSONWriter.Options = .init()) -> [UInt8] {
        var writer = JSONWriter(options: options)
        writer.write(self)
        return writer.bytes
    }

    /// This value as JSON text.
    public func serializedString(options: JSONWriter.Options = .init()) -> String {
        String(decoding: self.serialized(options: options), as: UTF8.self)
    }
}
