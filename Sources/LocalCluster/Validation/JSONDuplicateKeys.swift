import KubeJSON

/// The members of a JSON text whose key repeats in its object, as `sigs.k8s.io/json` reports them under
/// `fieldValidation=Strict` (`duplicate field "metadata.name"`); the parser itself keeps the last one, as Go does.
enum JSONDuplicateKeys {
    /// The paths of repeated keys (`spec.containers[0].name`), in document order, at most 100. The text must be
    /// valid JSON (it has been parsed); anything else yields what was found before the problem.
    static func paths(in bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer: buffer)
            scanner.skipWhitespace()
            scanner.value(path: "", depth: 0)
            return scanner.duplicates
        }
    }

    private struct Scanner {
        let buffer: UnsafeBufferPointer<UInt8>
        var position = 0
        var duplicates: [String] = []

        init(buffer: UnsafeBufferPointer<UInt8>) {
            self.buffer = buffer
        }

        private var current: UInt8? { self.position < self.buffer.count ? self.buffer[self.position] : nil }

        mutating func skipWhitespace() {
            while let byte = self.current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                self.position += 1
            }
        }

        mutating func value(path: String, depth: Int) {
            guard let byte = self.current, depth < 1_000 else { return }
            switch byte {
            case UInt8(ascii: "{"): self.object(path: path, depth: depth)
            case UInt8(ascii: "["): self.array(path: path, depth: depth)
            case UInt8(ascii: "\""): _ = self.string()
            default:
                // A number or a literal: up to the next delimiter.
                while let next = self.current, next != UInt8(ascii: ","), next != UInt8(ascii: "}"),
                    next != UInt8(ascii: "]"), next != 0x20, next != 0x0A, next != 0x0D, next != 0x09
                {
                    self.position += 1
                }
            }
        }

        mutating func object(path: String, depth: Int) {
            self.position += 1  // {
            var seen: Set<String> = []
            while true {
                self.skipWhitespace()
                guard let byte = self.current else { return }
                if byte == UInt8(ascii: "}") {
                    self.position += 1
                    return
                }
                if byte == UInt8(ascii: ",") {
                    self.position += 1
                    continue
                }
                guard byte == UInt8(ascii: "\""), let key = self.string() else { return }
                let memberPath = path.isEmpty ? key : path + "." + key
                if !seen.insert(key).inserted, self.duplicates.count < 100, !self.duplicates.contains(memberPath) {
                    self.duplicates.append(memberPath)
                }
                self.skipWhitespace()
                guard self.current == UInt8(ascii: ":") else { return }
                self.position += 1
                self.skipWhitespace()
                self.value(path: memberPath, depth: depth + 1)
            }
        }

        mutating func array(path: String, depth: Int) {
            self.position += 1  // [
            var index = 0
            while true {
                self.skipWhitespace()
                guard let byte = self.current else { return }
                if byte == UInt8(ascii: "]") {
                    self.position += 1
                    return
                }
                if byte == UInt8(ascii: ",") {
                    self.position += 1
                    index += 1
                    continue
                }
                let before = self.position
                self.value(path: "\(path)[\(index)]", depth: depth + 1)
                if self.position == before { return }  // not JSON after all
            }
        }

        /// The decoded string at `position` (its opening quote); `nil` if it is not a valid string.
        mutating func string() -> String? {
            let start = self.position
            self.position += 1
            var escaped = false
            while let byte = self.current {
                self.position += 1
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    self.position += 1
                } else if byte == UInt8(ascii: "\"") {
                    let literal = UnsafeBufferPointer(rebasing: self.buffer[start..<self.position])
                    if !escaped { return String(decoding: literal.dropFirst().dropLast(), as: UTF8.self) }
                    return (try? JSONValue(parsing: literal))?.stringValue
                }
            }
            return nil
        }
    }
}
