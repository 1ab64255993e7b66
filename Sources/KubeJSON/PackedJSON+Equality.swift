extension PackedJSON {
    /// `true` when the object at `start` equals `object` (structural equality, as `JSONObject.==`: member
    /// order does not matter, numbers compare by value), read from the text: a packed object compared with a
    /// changed copy of itself (a write's old and new versions) decodes no member to compare. Objects of more
    /// than ``scannedMemberLimit`` members go through the decoded comparison, which is linear for them.
    func equals(objectAt start: Int, _ object: JSONObject) -> Bool {
        self.bytes.withUnsafeBufferPointer { bytes in self.equals(bytes, objectAt: start, object) }
    }

    /// Above this many members, matching each packed member by scanning the other object's would be quadratic.
    static let scannedMemberLimit = 32

    private func equals(_ bytes: UnsafeBufferPointer<UInt8>, valueAt offset: Int, _ value: JSONValue) -> Bool {
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            guard case .object(let object) = value else { return false }
            return self.equals(bytes, objectAt: offset, object)
        case UInt8(ascii: "["):
            guard case .array(let elements) = value else { return false }
            var position = offset + 1
            if bytes[position] == UInt8(ascii: "]") { return elements.isEmpty }
            var index = 0
            while true {
                guard index < elements.count, self.equals(bytes, valueAt: position, elements[index]) else { return false }
                index += 1
                position = self.valueEnd(position)
                if bytes[position] == UInt8(ascii: "]") { return index == elements.count }
                position += 1  // ,
            }
        case UInt8(ascii: "\""):
            guard case .string(let string) = value else { return false }
            let (end, escaped) = Self.stringEnd(bytes, offset)
            if escaped { return self.value(at: offset) == value }
            return Self.text(string, equals: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<(end - 1)]))
        default:
            // Literals and numbers decode without allocating.
            return self.value(at: offset) == value
        }
    }

    private func equals(_ bytes: UnsafeBufferPointer<UInt8>, objectAt start: Int, _ object: JSONObject) -> Bool {
        let members: [JSONObject.Member]
        switch object.storage {
        case .packed(let other, let otherStart):
            if other === self && Int(otherStart) == start { return true }
            return JSONObject(packed: self, start: start) == object
        case .members(let list):
            members = list
        }
        guard members.count <= Self.scannedMemberLimit else {
            return JSONObject.equalMembers(self.members(objectAt: start), members)
        }
        var count = 0
        var equal = true
        self.forEachMember(objectAt: start) { bytes, key, value in
            count += 1
            let (keyEnd, escaped) = Self.stringEnd(bytes, key)
            let match: JSONObject.Member?
            if escaped {
                let decoded = self.value(at: key).stringValue ?? ""
                match = members.first { $0.key == decoded }
            } else {
                let text = UnsafeBufferPointer(rebasing: bytes[(key + 1)..<(keyEnd - 1)])
                match = members.first { Self.text($0.key, equals: text) }
            }
            guard let match, self.equals(bytes, valueAt: value, match.value) else {
                equal = false
                return false
            }
            return true
        }
        return equal && count == members.count
    }

    /// `true` when `string`'s UTF-8 is exactly `text`.
    @inline(__always)
    private static func text(_ string: String, equals text: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            guard utf8.count == text.count else { return false }
            var index = 0
            while index < text.count {
                if utf8[index] != text[index] { return false }
                index += 1
            }
            return true
        }
    }
}
