/// The random identifiers the server hands out: object UIDs and `generateName` suffixes.
enum RandomIdentifiers {
    /// A version 4 UUID in its canonical lower-case text form.
    static func uuid() -> String {
        var bytes = RandomBytes.shared.next128()
        return withUnsafeMutableBytes(of: &bytes) { random in
            random[6] = random[6] & 0x0F | 0x40
            random[8] = random[8] & 0x3F | 0x80
            return String(unsafeUninitializedCapacity: 36) { text in
                let hex: StaticString = "0123456789abcdef"
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = hex.utf8Start[Int(random[index] >> 4)]
                    text[position + 1] = hex.utf8Start[Int(random[index] & 0xF)]
                    position += 2
                }
                return position
            }
        }
    }

    /// Five characters from the alphabet kube uses for `generateName` (no vowels, no look-alikes).
    static func nameSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<5).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
