import KubeJSON
import KruiseTestSupport

/// Random ``JSONValue``s for property tests.
struct RandomJSON {
    var rng: SplitMix64
    /// Whether `null` may appear inside containers (merge patches cannot express nested nulls).
    var allowNull = true
    var maxDepth = 4
    /// Leave out U+FEFF: Yams drops a byte order mark at the start of any scalar it reads.
    var yamlSafe = false

    init(seed: UInt64) {
        self.rng = SplitMix64(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self.rng)
    }

    mutating func chance(_ percent: Int) -> Bool {
        self.int(0...99) < percent
    }

    mutating func scalar() -> Unicode.Scalar {
        switch self.int(0...9) {
        case 0...3: return Unicode.Scalar(UInt8(self.int(0x20...0x7E)))
        case 4: return Unicode.Scalar(UInt8(self.int(0x00...0x1F)))
        case 5:
            let specials: [Unicode.Scalar] = ["\"", "\\", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{7F}", "\u{85}",
                "\u{A0}", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "'", "#", ":", "-", " ", "\n", "\t", "\r"]
            let special = specials[self.int(0...(specials.count - 1))]
            return self.yamlSafe && special == "\u{FEFF}" ? "\u{FFFD}" : special
        case 6, 7:
            while true {
                if let s = Unicode.Scalar(UInt32(self.int(0x80...0xFFFF))) { return s }
            }
        default:
            return Unicode.Scalar(UInt32(self.int(0x10000...0x10FFFF)))!
        }
    }

    mutating func string(maxLength: Int = 12) -> String {
        var s = ""
        for _ in 0..<self.int(0...maxLength) { s.unicodeScalars.append(self.scalar()) }
        return s
    }

    /// Strings that look like other YAML/JSON types, to exercise quoting.
    mutating func trickyString() -> String {
        let pool = ["true", "no", "ON", "y", "~", "null", "", "0x1F", "017", "1_000", "1e3", "1e+3", ".5", "-.inf",
            ".nan", "<<", "2001-12-14", "2001-12-14T21:59:43.10Z", "1:20", "- a", "a: b", "#x", "a #b", "*x", "&y",
            "!t", "|", ">", "%", "@", "`", "---", "...", "? x", "-", "--leader-elect=true", " lead", "trail ",
            "line1\nline2", "line1\nline2\n", "a\n\n", "  indented\nnext", "x\n  y\n", "{a}", "[b]", "c,d", "'q'",
            "\"dq\"", "9223372036854775808", "-0", "+1", "0b101", "0o17", "1.", "+.5", "08"]
        return pool[self.int(0...(pool.count - 1))]
    }

    mutating func number() -> JSONValue {
        switch self.int(0...3) {
        case 0: return .int(Int64(bitPattern: self.rng.next()))
        case 1: return .int(Int64(self.int(-1000...1000)))
        default:
            var text = self.chance(30) ? "-" : ""
            text += String(self.int(0...99999))
            text += "."
            text += String(self.int(0...99999))
            if self.chance(40) {
                text += self.chance(50) ? "e" : "E"
                text += ["", "+", "-"][self.int(0...2)]
                text += String(self.int(0...30))
            }
            return .number(JSONNumber(text)!)
        }
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        let leafOnly = depth >= self.maxDepth
        switch self.int(0...(leafOnly ? 5 : 8)) {
        case 0: return self.allowNull ? .null : .bool(self.chance(50))
        case 1: return .bool(self.chance(50))
        case 2: return self.number()
        case 3: return .string(self.string())
        case 4: return .string(self.trickyString())
        case 5: return .string(self.string(maxLength: 40))
        case 6:
            var elements: [JSONValue] = []
            for _ in 0..<self.int(0...4) { elements.append(self.value(depth: depth + 1)) }
            return .array(elements)
        default:
            return .object(self.object(depth: depth))
        }
    }

    mutating func object(depth: Int = 0) -> JSONObject {
        var object = JSONObject()
        for _ in 0..<self.int(0...5) {
            let key = self.chance(30) ? self.trickyString() : self.string(maxLength: 8)
            object[key] = self.value(depth: depth + 1)
        }
        return object
    }

    /// A variation of `value`: members changed, removed, added, recursively.
    mutating func mutate(_ value: JSONValue, depth: Int = 0) -> JSONValue {
        guard case .object(var object) = value, depth < self.maxDepth else {
            return self.chance(50) ? value : self.value(depth: depth)
        }
        for key in object.keys {
            switch self.int(0...9) {
            case 0, 1: object[key] = nil
            case 2, 3: object[key] = self.mutate(object[key]!, depth: depth + 1)
            case 4: object[key] = self.value(depth: depth + 1)
            default: break
            }
        }
        for _ in 0..<self.int(0...2) {
            object[self.string(maxLength: 6)] = self.value(depth: depth + 1)
        }
        return .object(object)
    }
}
