import Synchronization

/// One JSON document kept as its compact text plus a table of where each array and object ends: about the
/// size of the text, against six times that for the same document as a tree of ``JSONValue``s.
///
/// Caches hold thousands of objects that are read far more often than they change (an informer's pods, the
/// API server's stored versions), so they keep them packed. A packed object is an ordinary ``JSONObject``:
/// reading a member decodes just that member (nested objects stay packed views into the same text), and the
/// first change to an object turns that one level into ordinary members, leaving its children packed. Writing
/// a packed object as compact JSON copies its text.
///
/// The text is exactly what ``JSONWriter`` writes with default options, which the navigation relies on: no
/// whitespace, and a backslash in a string is the only sign that it needs unescaping.
public final class PackedJSON: Sendable {
    /// The compact JSON text.
    public let bytes: [UInt8]
    /// For every array and object of at least ``spannedLength`` bytes, in document order: its offset, then the
    /// offset just past its closing bracket. Sorted by offset, so the end of a large container is a binary
    /// search away; a small one is cheaper to scan than to record.
    let spans: [UInt32]

    /// Containers shorter than this are found by scanning rather than kept in ``spans``.
    static let spannedLength = 64

    /// Facts derived from the text by ``memoized(_:_:)``, one per kind of fact: a short list, as a document has
    /// one or two kinds (scanning it beats hashing).
    private let memos = Mutex<[(kind: ObjectIdentifier, fact: any AnyObject & Sendable)]>([])

    /// Records the end of the container whose span occupies `slot` and `slot + 1` of `spans`; a container
    /// too small to record is dropped (its nested containers, smaller still, are already gone, so its span
    /// is the last one).
    @inline(__always)
    static func closeSpan(_ slot: Int, end: Int, in spans: inout [UInt32]) {
        if end - Int(spans[slot]) < Self.spannedLength {
            spans.removeLast(2)
        } else {
            spans[slot + 1] = UInt32(truncatingIfNeeded: end)
        }
    }

    init(bytes: [UInt8], spans: [UInt32]) {
        // Writers grow their buffers by doubling; a cache keeps thousands of these, so the slack is cut.
        self.bytes = bytes.capacity - bytes.count > 64 ? Self.exactCopy(bytes) : bytes
        self.spans = spans.capacity - spans.count > 16 ? Self.exactCopy(spans) : spans
    }

    /// A copy whose capacity is its count (`Array(array[...])` would share the original buffer).
    private static func exactCopy<Element: BitwiseCopyable>(_ array: [Element]) -> [Element] {
        array.withUnsafeBufferPointer { source in
            [Element](unsafeUninitializedCapacity: source.count) { target, count in
                _ = target.initialize(from: source)
                count = source.count
            }
        }
    }

    /// Packs `value`, which must be an object or an array for the result to be shareable as views.
    public convenience init(_ value: JSONValue) {
        var writer = JSONWriter(recordingSpans: true)
        writer.write(value)
        self.init(bytes: writer.bytes, spans: writer.spans)
    }

    /// Packs text that is already exactly what ``JSONWriter`` writes with default options (compact, keys in
    /// the order given, strings escaped as it escapes them), without parsing it: for a document written piece
    /// by piece with a ``JSONWriter``. No container ends are recorded, so each is found by scanning.
    /// Text in any other form makes reads of the result wrong; use ``init(parsing:options:)`` for input.
    public convenience init(writtenText bytes: [UInt8]) {
        self.init(bytes: bytes, spans: [])
    }

    /// The `Fact` this document's text gives, made by `make` the first time and kept with the document: the text
    /// never changes, so neither does anything computed from it alone. For readers that derive the same facts
    /// from the same cached objects again and again (a controller's planner walking every pod on every sync).
    /// `make` must depend on nothing but the document; it may run more than once when callers race.
    public func memoized<Fact: AnyObject & Sendable>(_ type: Fact.Type, _ make: () -> Fact) -> Fact {
        let kind = ObjectIdentifier(type)
        // Only a `Fact` is ever stored under `Fact`'s identifier, so the cast cannot fail.
        let kept = self.memos.withLock { memos in memos.first { $0.kind == kind }?.fact }
        if let kept { return unsafeDowncast(kept, to: Fact.self) }
        let fact = make()
        self.memos.withLock { memos in
            if !memos.contains(where: { $0.kind == kind }) { memos.append((kind, fact)) }
        }
        return fact
    }

    /// Bytes the packed form keeps alive: the text and the span table.
    public var retainedBytes: Int { self.bytes.count + self.spans.count * 4 }

    /// The root value: a packed view when it is an object.
    public var root: JSONValue { self.value(at: 0) }

    // MARK: Navigation

    /// The offset just past the array or object that starts at `start`.
    func containerEnd(_ start: Int) -> Int {
        var low = 0
        var high = self.spans.count / 2
        let target = UInt32(truncatingIfNeeded: start)
        while low < high {
            let middle = (low + high) / 2
            let offset = self.spans[middle * 2]
            if offset == target { return Int(self.spans[middle * 2 + 1]) }
            if offset < target { low = middle + 1 } else { high = middle }
        }
        return self.bytes.withUnsafeBufferPointer { Self.scanContainerEnd($0, start) }
    }

    /// The end of the small container at `start`, found by scanning its text.
    private static func scanContainerEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var depth = 0
        var position = start
        while true {
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                position += 1
                if depth == 0 { return position }
            case UInt8(ascii: "\""):
                position = Self.stringEnd(bytes, position).end
            default:
                position += 1
            }
        }
    }

    /// The offset just past the value that starts at `offset`.
    func valueEnd(_ offset: Int) -> Int {
        self.bytes.withUnsafeBufferPointer { bytes in
            switch bytes[offset] {
            case UInt8(ascii: "{"), UInt8(ascii: "["): return self.containerEnd(offset)
            case UInt8(ascii: "\""): return Self.stringEnd(bytes, offset).end
            default:
                var position = offset + 1
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { break }
                    position += 1
                }
                return position
            }
        }
    }

    /// The offset just past the string literal at `offset` (its opening quote), and whether it has escapes.
    @inline(__always)
    static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> (end: Int, escaped: Bool) {
        var position = offset + 1
        var escaped = false
        while true {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { return (position + 1, escaped) }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
            } else {
                position += 1
            }
        }
    }

    /// The value at `offset`, one level deep: objects are packed views, arrays hold their elements the same
    /// way, strings and numbers are decoded.
    func value(at offset: Int) -> JSONValue {
        self.bytes.withUnsafeBufferPointer { bytes in self.value(bytes, at: offset) }
    }

    private func value(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> JSONValue {
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object(JSONObject(packed: self, start: offset))
        case UInt8(ascii: "["): return .array(self.elements(bytes, arrayAt: offset))
        case UInt8(ascii: "\""): return .string(Self.string(bytes, at: offset))
        case UInt8(ascii: "t"): return .bool(true)
        case UInt8(ascii: "f"): return .bool(false)
        case UInt8(ascii: "n"): return .null
        default: return Self.number(bytes, at: offset)
        }
    }

    private func elements(_ bytes: UnsafeBufferPointer<UInt8>, arrayAt start: Int) -> [JSONValue] {
        var position = start + 1
        guard bytes[position] != UInt8(ascii: "]") else { return [] }
        var elements: [JSONValue] = []
        while true {
            elements.append(self.value(bytes, at: position))
            position = self.valueEnd(position)
            if bytes[position] == UInt8(ascii: "]") { return elements }
            position += 1  // ,
        }
    }

    @inline(__always)
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        let (end, escaped) = Self.stringEnd(bytes, offset)
        if !escaped { return String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<(end - 1)]), as: UTF8.self) }
        return JSONParser.parseKnownValid(bytes, at: offset)?.stringValue ?? ""
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> JSONValue {
        // Plain integers are the common case; anything else goes through the parser for its exact rules.
        var position = offset
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var magnitude: Int64 = 0
        var digits = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            if digits == 18 { return JSONParser.parseKnownValid(bytes, at: offset) ?? .null }
            magnitude = magnitude * 10 + Int64(bytes[position] - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        if position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                return JSONParser.parseKnownValid(bytes, at: offset) ?? .null
            }
        }
        return .int(negative ? -magnitude : magnitude)
    }

    /// Calls `body` with the offset of each member's key and of its value, in order, until it returns `false`.
    @inline(__always)
    func forEachMember(
        objectAt start: Int,
        _ body: (UnsafeBufferPointer<UInt8>, _ key: Int, _ value: Int) -> Bool
    ) {
        self.bytes.withUnsafeBufferPointer { bytes in
            var position = start + 1
            guard bytes[position] != UInt8(ascii: "}") else { return }
            while true {
                let keyEnd = Self.stringEnd(bytes, position).end
                let valueStart = keyEnd + 1  // :
                guard body(bytes, position, valueStart) else { return }
                position = self.valueEnd(valueStart)
                if bytes[position] == UInt8(ascii: "}") { return }
                position += 1  // ,
            }
        }
    }

    /// The number of members of the object at `start`.
    func memberCount(objectAt start: Int) -> Int {
        var count = 0
        self.forEachMember(objectAt: start) { _, _, _ in
            count += 1
            return true
        }
        return count
    }

    /// The members of the object at `start`, decoded one level.
    func members(objectAt start: Int) -> [JSONObject.Member] {
        var members: [JSONObject.Member] = []
        self.forEachMember(objectAt: start) { bytes, key, value in
            members.append(JSONObject.Member(key: Self.string(bytes, at: key), value: self.value(bytes, at: value)))
            return true
        }
        return members
    }

    /// The offset of the value of member `key` in the object at `start`, and the member's position.
    func find(_ key: String, objectAt start: Int) -> (value: Int, index: Int)? {
        var key = key
        return key.withUTF8 { wanted in
            var found: (Int, Int)? = nil
            var index = 0
            self.forEachMember(objectAt: start) { bytes, keyStart, valueStart in
                let length = valueStart - 1 - keyStart - 2  // without the quotes and the colon
                if length == wanted.count {
                    var same = true
                    var i = 0
                    while i < length {
                        if bytes[keyStart + 1 + i] != wanted[i] {
                            same = false
                            break
                        }
                        i += 1
                    }
                    if same {
                        found = (valueStart, index)
                        return false
                    }
                } else if length > wanted.count, bytes[(keyStart + 1)..<(valueStart - 2)].contains(UInt8(ascii: "\\")),
                    Self.string(bytes, at: keyStart).utf8.elementsEqual(wanted)
                {
                    found = (valueStart, index)
                    return false
                }
                index += 1
                return true
            }
            return found
        }
    }

    /// The offset of the first object in the array at `start` whose member `field` is the string `value`,
    /// found by comparing text: no element is decoded.
    func firstObject(inArrayAt start: Int, where field: String, is value: String) -> Int? {
        var value = value
        return value.withUTF8 { wanted in
            self.bytes.withUnsafeBufferPointer { bytes in
                var position = start + 1
                guard bytes[position] != UInt8(ascii: "]") else { return nil }
                while true {
                    if bytes[position] == UInt8(ascii: "{"), let (offset, _) = self.find(field, objectAt: position),
                        bytes[offset] == UInt8(ascii: "\""), Self.stringEquals(bytes, at: offset, wanted)
                    {
                        return position
                    }
                    position = self.valueEnd(position)
                    if bytes[position] == UInt8(ascii: "]") { return nil }
                    position += 1  // ,
                }
            }
        }
    }

    /// `true` when the string literal at `offset` decodes to `wanted`.
    private static func stringEquals(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let (end, escaped) = Self.stringEnd(bytes, offset)
        if escaped { return Self.string(bytes, at: offset).utf8.elementsEqual(wanted) }
        return end - offset - 2 == wanted.count && UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<(end - 1)]).elementsEqual(wanted)
    }

    /// The member `key` of the object at `start`, decoded one level.
    func value(forKey key: String, objectAt start: Int) -> JSONValue? {
        guard let (offset, _) = self.find(key, objectAt: start) else { return nil }
        return self.value(at: offset)
    }

    /// The container at `start` as a document of its own.
    func extracting(containerAt start: Int) -> PackedJSON {
        let end = self.containerEnd(start)
        let delta = UInt32(truncatingIfNeeded: start)
        return PackedJSON(bytes: Array(self.bytes[start..<end]), spans: self.spans(from: start, to: end).map { $0 - delta })
    }

    /// The spans of the containers inside `start..<end` (the container at `start` included), rebased to 0.
    func spans(from start: Int, to end: Int) -> ArraySlice<UInt32> {
        var low = 0
        var high = self.spans.count / 2
        let target = UInt32(truncatingIfNeeded: start)
        while low < high {
            let middle = (low + high) / 2
            if self.spans[middle * 2] < target { low = middle + 1 } else { high = middle }
        }
        var last = low
        let limit = UInt32(truncatingIfNeeded: end)
        while last < self.spans.count / 2, self.spans[last * 2] < limit { last += 1 }
        return self.spans[(low * 2)..<(last * 2)]
    }
}

extension PackedJSON {
    /// `true` when the container at `leftStart` of `left` has the same text as the one at `rightStart` of
    /// `right`.
    static func sameText(_ left: PackedJSON, _ leftStart: Int, _ right: PackedJSON, _ rightStart: Int) -> Bool {
        let leftEnd = left.containerEnd(leftStart)
        let rightEnd = right.containerEnd(rightStart)
        guard leftEnd - leftStart == rightEnd - rightStart else { return false }
        return left.bytes[leftStart..<leftEnd].elementsEqual(right.bytes[rightStart..<rightEnd])
    }
}

extension JSONValue {
    /// This value with every packed object (see ``PackedJSON``) turned into ordinary members, all the way
    /// down: for documents read over and over, such as a schema consulted on every write.
    public func unpacked() -> JSONValue {
        switch self {
        case .object(let object):
            var members = object.members
            for index in members.indices { members[index].value = members[index].value.unpacked() }
            return .object(JSONObject(uniqueMembers: members))
        case .array(let elements):
            return .array(elements.map { $0.unpacked() })
        default:
            return self
        }
    }
}
