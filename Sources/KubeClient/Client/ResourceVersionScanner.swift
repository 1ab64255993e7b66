/// Finds `metadata.resourceVersion` in the JSON text of an object without parsing the rest of it: a writer that
/// only needs the version its write produced (to wait for its cache to catch up) skips decoding the whole answer,
/// the largest part of the client's work for a write.
///
/// The scan follows strings (with escapes), nesting and whitespace, so it reads any well-formed answer; it does not
/// validate the text, and anything it cannot follow gives `nil` (the caller then decodes the answer in full).
enum ResourceVersionScanner {
    /// The value of the root object's `metadata.resourceVersion`, when it is a string without escapes.
    static func resourceVersion(in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            guard scanner.enterObject() else { return nil }
            guard scanner.findMember("metadata"), scanner.enterObject() else { return nil }
            guard scanner.findMember("resourceVersion") else { return nil }
            return scanner.plainString()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func skipWhitespace() {
            while self.position < self.bytes.count {
                switch self.bytes[self.position] {
                case 0x20, 0x09, 0x0A, 0x0D: self.position += 1
                default: return
                }
            }
        }

        /// Moves past `{`; `false` when the next value is not an object.
        mutating func enterObject() -> Bool {
            self.skipWhitespace()
            guard self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "{") else { return false }
            self.position += 1
            return true
        }

        /// Within an object just entered (or after a member), moves to the value of member `key`; `false` when the
        /// object ends first or the text cannot be followed.
        mutating func findMember(_ key: StaticString) -> Bool {
            while true {
                self.skipWhitespace()
                guard self.position < self.bytes.count else { return false }
                switch self.bytes[self.position] {
                case UInt8(ascii: ","):
                    self.position += 1
                    continue
                case UInt8(ascii: "\""):
                    break
                default:
                    return false  // `}` (not found) or not JSON we can follow
                }
                guard let (start, end, escaped) = self.string() else { return false }
                self.skipWhitespace()
                guard self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: ":") else { return false }
                self.position += 1
                if !escaped && Self.equals(self.bytes, start..<end, key) {
                    self.skipWhitespace()
                    return true
                }
                guard self.skipValue() else { return false }
            }
        }

        /// The string at the current position when it has no escapes.
        mutating func plainString() -> String? {
            guard self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "\""),
                let (start, end, escaped) = self.string(), !escaped
            else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: self.bytes[start..<end]), as: UTF8.self)
        }

        /// Moves past the string literal at the current position; its contents' range and whether it has escapes.
        mutating func string() -> (Int, Int, Bool)? {
            let start = self.position + 1
            var index = start
            var escaped = false
            while index < self.bytes.count {
                switch self.bytes[index] {
                case UInt8(ascii: "\""):
                    self.position = index + 1
                    return (start, index, escaped)
                case UInt8(ascii: "\\"):
                    escaped = true
                    index += 2
                default:
                    index += 1
                }
            }
            return nil
        }

        /// Moves past one value (string, object, array or scalar).
        mutating func skipValue() -> Bool {
            self.skipWhitespace()
            var depth = 0
            while self.position < self.bytes.count {
                switch self.bytes[self.position] {
                case UInt8(ascii: "\""):
                    guard self.string() != nil else { return false }
                    if depth == 0 { return true }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    self.position += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return true }  // the end of the enclosing container: an empty scalar is not JSON
                    depth -= 1
                    self.position += 1
                    if depth == 0 { return true }
                case UInt8(ascii: ","):
                    if depth == 0 { return true }
                    self.position += 1
                default:
                    self.position += 1
                }
            }
            return false
        }

        static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ key: StaticString) -> Bool {
            guard range.count == key.utf8CodeUnitCount else { return false }
            let text = key.utf8Start
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != text[offset] { return false }
            return true
        }
    }
}
