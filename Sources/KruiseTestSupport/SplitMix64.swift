/// A small, fast, deterministic random number generator (SplitMix64), for property tests and benchmark
/// corpora that must be the same on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` lower-case hex digits.
    public mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int(self.next() % 16)] })
    }

    /// `count` characters from the alphabet Kubernetes uses for generated name suffixes.
    public mutating func alphanumeric(_ count: Int) -> String {
        let letters = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<count).map { _ in letters[Int(self.next() % UInt64(letters.count))] })
    }

    /// A random UUID in its text form.
    public mutating func uuid() -> String {
        "\(self.hex(8))-\(self.hex(4))-\(self.hex(4))-\(self.hex(4))-\(self.hex(12))"
    }
}
