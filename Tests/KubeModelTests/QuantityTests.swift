import KubeJSON
import KubeModel
import Testing
import KruiseTestSupport

private func parse(_ text: String) throws -> Quantity {
    try Quantity(parsing: text)
}

@Suite("Quantity")
struct QuantityTests {
    /// Input → Go's `String()`. Expected values are apimachinery's (quantity_test.go: TestQuantityParseEmit,
    /// TestQuantityString canonical and alternate forms) or follow from its parse table and canonical rules.
    static let canonicalCases: [(String, String)] = [
        // TestQuantityParseEmit
        ("1Ki", "1Ki"), ("1Mi", "1Mi"), ("1Gi", "1Gi"), ("1024Mi", "1Gi"), ("1000M", "1G"),
        (".001Ki", "1024m"), (".000001Ki", "1024u"), (".000000001Ki", "1024n"), (".000000000001Ki", "2n"),
        // TestQuantityString: alternates parse to the canonical form
        ("307200Ki", "300Mi"), ("1025024Mi", "1001Gi"), ("1024Gi", "1Ti"), ("5000m", "5"), ("0.5", "500m"),
        ("0.001T", "1G"), ("1000u", "1m"), ("1.08", "1080m"), ("1080000000n", "1080m"), ("1000E", "1e21"),
        ("5000E", "5e21"), ("1000000E", "1e24"), (".001e12", "1e9"), ("0.001e0", "1e-3"), ("1000e-12", "1e-9"),
        ("00", "0"),
        // TestQuantityString: canonical forms stay
        ("6Ki", "6Ki"), ("300Mi", "300Mi"), ("1001Gi", "1001Gi"), ("1Ti", "1Ti"), ("5", "5"), ("500m", "500m"),
        ("1G", "1G"), ("1m", "1m"), ("80m", "80m"), ("1080m", "1080m"), ("300M", "300M"), ("1T", "1T"),
        ("1E", "1E"), ("1e21", "1e21"), ("1234567M", "1234567M"), ("1234567m", "1234567m"), ("3k", "3k"),
        ("1025", "1025"), ("0", "0"), ("1e9", "1e9"), ("1e-3", "1e-3"), ("1e-9", "1e-9"), ("80e-3", "80e-3"),
        ("300e6", "300e6"), ("1e12", "1e12"), ("1e3", "1e3"), ("3e3", "3e3"), ("1n", "1n"), ("80n", "80n"),
        ("1080n", "1080n"), ("1u", "1u"), ("80u", "80u"), ("1080u", "1080u"),
        // The brief's and the Quantity doc comment's examples
        ("1.5Gi", "1536Mi"), ("1.5", "1500m"), ("1000m", "1"), ("100m", "100m"), ("0.5Mi", "512Ki"),
        // TestQuantityParse values, written canonically
        ("0n", "0"), ("0u", "0"), ("0m", "0"), ("0Ki", "0"), ("0k", "0"), ("0Mi", "0"), ("0M", "0"), ("0Gi", "0"),
        ("0G", "0"), ("0Ti", "0"), ("0T", "0"),
        ("8Ki", "8Ki"), ("7Mi", "7Mi"), ("6Gi", "6Gi"), ("5Ti", "5Ti"), ("4Pi", "4Pi"), ("3Ei", "3Ei"),
        ("10Ti", "10Ti"), ("100Ti", "100Ti"), ("5n", "5n"), ("4u", "4u"), ("3m", "3m"), ("9", "9"), ("8k", "8k"),
        ("50k", "50k"), ("7M", "7M"), ("6G", "6G"), ("5T", "5T"), ("40T", "40T"), ("300T", "300T"), ("2P", "2P"),
        ("1e6", "1e6"), ("1e15", "1e15"), ("1e14", "100e12"), ("1e13", "10e12"),
        ("0.001", "1m"), ("0.0005k", "500m"), ("0.005", "5m"), ("0.05", "50m"), ("0.00050k", "500m"),
        ("0.00500", "5m"), ("0.05000", "50m"), ("0.50000", "500m"), ("0.5e0", "500e-3"), ("0.5e-1", "50e-3"),
        ("0.5e-2", "5e-3"), ("1.2e3", "1200"), ("1.3E+6", "1300e3"), ("1.40e9", "1400e6"), ("1.53E12", "1530e9"),
        ("1.6e15", "1600e12"), ("1.7E18", "1700e15"), ("9.01", "9010m"), ("8.1k", "8100"), ("40.1T", "40100G"),
        ("300.2T", "300200G"), ("2.5P", "2500T"), ("1.01E", "1010P"),
        // Things that saturate or round (values from TestQuantityParse)
        ("3.001n", "4n"), ("1.1E-9", "2e-9"), ("0.0000000001", "1n"), ("0.0000000005", "1n"),
        ("0.00000000050", "1n"), ("0.5e-9", "1e-9"), ("0.9n", "1n"), ("0.00000012345", "124n"),
        ("0.00000012354", "124n"), ("9Ei", "9223372036854775807"), ("9223372036854775807Ki", "9223372036854775807"),
        ("12E", "12E"), ("100.035Ki", "102435840m"), ("0.05Gi", "53687091200m"), ("0.025Ti", "27487790694400m"),
        ("0.000000000001Ki", "2n"), (".001", "1m"), (".0001k", "100m"),
        // Go keeps the text of a parse it judges canonical on its int64 fast path (the `s` field).
        ("+1", "+1"), ("01", "01"), ("1E3", "1E3"), ("1E-3", "1E-3"), ("1.500", "1.500"), ("+5Mi", "+5Mi"),
        ("1.", "1."), ("1.G", "1.G"), ("100.035k", "100.035k"), ("10.035M", "10.035M"), ("7.123456M", "7.123456M"),
        ("6.987654321G", "6.987654321G"), ("5.444T", "5.444T"),
    ]

    @Test("parse and format like Go's String()", arguments: Self.canonicalCases)
    func canonical(input: String, expected: String) throws {
        let quantity = try parse(input)
        #expect(quantity.description == expected)
        // The output reads back as the same value.
        #expect(try parse(expected) == quantity)
    }

    @Test("negative inputs format with a leading minus", arguments: Self.canonicalCases)
    func negative(input: String, expected: String) throws {
        guard !input.hasPrefix("+"), let quantity = Quantity(input), !quantity.isZero else { return }
        let negated = try parse("-" + input)
        #expect(negated == -quantity)
        #expect(negated.description == "-" + expected)
    }

    @Test("explicit plus sign keeps the value", arguments: Self.canonicalCases)
    func plus(input: String, expected: String) throws {
        guard !input.hasPrefix("+") else { return }
        let quantity = try parse("+" + input)
        #expect(quantity == (try parse(input)))
        #expect(quantity.format == (try parse(input)).format)
    }

    static let formatCases: [(String, Quantity.Format)] = [
        ("0", .decimalSI), ("0Ki", .binarySI), ("1", .decimalSI), ("1Ki", .binarySI), ("5n", .decimalSI),
        ("1E", .decimalSI), ("1E-3", .decimalExponent), ("1e3", .decimalExponent), ("0.5e0", .decimalExponent),
        ("100.035Ki", .binarySI), ("0.5Mi", .binarySI), ("0.000000000001Ki", .decimalSI), ("9Ei", .binarySI),
        (".001Ki", .binarySI), ("-.001Ki", .binarySI), (".0000000001Ki", .decimalSI),
    ]

    @Test("parse keeps the suffix family (TestQuantityParse formats)", arguments: Self.formatCases)
    func format(input: String, format: Quantity.Format) throws {
        #expect(try parse(input).format == format)
    }

    static let invalidCases: [String] = [
        "", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ", "1.5.5", "Gi",
        "1GB", "1 Gi", "1K", "1e", "Ki", "--1", "1e+", "1Mi1", ".", "+", "-", "Non-Numeric", "1e99999999999",
    ]

    @Test("rejects malformed quantities", arguments: Self.invalidCases)
    func rejects(input: String) {
        #expect(throws: QuantityParseError.self) { try Quantity(parsing: input) }
    }

    @Test func parseErrorMessages() {
        #expect(throws: QuantityParseError(.formatWrong, input: "1 Gi")) { try Quantity(parsing: "1 Gi") }
        // Go's scanner stops at `B`, which is not a suffix letter: a format error, not a suffix error.
        #expect(throws: QuantityParseError(.formatWrong, input: "1GB")) { try Quantity(parsing: "1GB") }
        #expect(throws: QuantityParseError(.suffix, input: "1K")) { try Quantity(parsing: "1K") }
        #expect(
            QuantityParseError(.suffix, input: "1K").description == "unable to parse quantity's suffix"
        )
    }

    static let valueCases: [(String, Int64, Int64)] = [
        ("1", 1, 1000), ("100m", 1, 100), ("1.5", 2, 1500), ("1n", 1, 1), ("-1n", -1, -1), ("1Ki", 1024, 1_024_000),
        ("0.5", 1, 500), ("-0.5", -1, -500), ("1.2345", 2, 1235), ("1Gi", 1_073_741_824, 1_073_741_824_000),
        ("0", 0, 0), ("-1.5", -2, -1500), ("1e3", 1000, 1_000_000), ("12E", Int64.max, Int64.max),
        ("-12E", Int64.min, Int64.min), ("9223372036854775807", Int64.max, Int64.max),
    ]

    @Test("value and milliValue round away from zero", arguments: Self.valueCases)
    func value(input: String, value: Int64, milli: Int64) throws {
        let quantity = try parse(input)
        #expect(quantity.value == value)
        #expect(quantity.milliValue == milli)
    }

    /// TestScaledValue: NewScaledQuantity(1, from).ScaledValue(to).
    static let scaledValueCases: [(Int32, Int32, Int64)] = [
        (-9, -9, 1), (-9, -6, 1), (-9, -3, 1), (-9, 0, 1), (-6, -9, 1000), (-6, -6, 1), (-6, -3, 1), (-6, 0, 1),
        (-3, -9, 1_000_000), (-3, -6, 1000), (-3, -3, 1), (-3, 0, 1), (0, -9, 1_000_000_000), (0, -6, 1_000_000),
        (0, -3, 1000), (0, 0, 1), (2, -2, 10000),
    ]

    @Test("scaledValue (TestScaledValue)", arguments: Self.scaledValueCases)
    func scaledValue(from: Int32, to: Int32, expected: Int64) {
        #expect(Quantity(value: 1, scale: from).scaledValue(to) == expected)
    }

    static let constructedCases: [(Quantity, String)] = [
        // TestMilliNewSet
        (Quantity(milliValue: 1), "1m"), (Quantity(milliValue: 1000), "1"), (Quantity(milliValue: 1_234_000), "1234"),
        (Quantity(milliValue: 1024, format: .binarySI), "1024m"),
        (Quantity(milliValue: 1_000_000, format: .decimalExponent), "1e3"),
        (Quantity(milliValue: 1024 * 1024, format: .binarySI), "1048576m"),
        // TestNewSet
        (Quantity(value: 1), "1"), (Quantity(value: 1000), "1k"), (Quantity(value: 1_234_000), "1234k"),
        (Quantity(value: 1024, format: .binarySI), "1Ki"), (Quantity(value: 1_000_000, format: .decimalExponent), "1e6"),
        (Quantity(value: 1024 * 1024, format: .binarySI), "1Mi"),
        // TestNewScaledSet
        (Quantity(value: 1, scale: -9), "1n"), (Quantity(value: 1000, scale: -9), "1u"),
        (Quantity(value: 1, scale: -6), "1u"), (Quantity(value: 1000, scale: -6), "1m"),
        (Quantity(value: 1, scale: -3), "1m"), (Quantity(value: 1000, scale: -3), "1"),
        (Quantity(value: 0, scale: -9), "0"),
        // TestQuantityString entries built from values
        (Quantity(value: 1, scale: 24), "1e24"), (Quantity(value: 5, scale: 21), "5e21"),
        (Quantity(value: 500, scale: -3, format: .binarySI), "500m"), (Quantity(value: 5, format: .binarySI), "5"),
        (Quantity(value: 1234567, scale: -3, format: .binarySI), "1234567m"),
        (Quantity(value: 10800, scale: -4), "1080m"), (Quantity(value: 108, scale: -8), "1080n"),
        (Quantity(value: 10800, scale: -10), "1080n"), (Quantity(value: 0, format: .decimalExponent), "0"),
        // TestQuantityNeg
        (-Quantity(value: 901, scale: -2), "-9010m"),
    ]

    @Test("constructed quantities format like Go", arguments: Self.constructedCases)
    func constructed(quantity: Quantity, expected: String) {
        #expect(quantity.description == expected)
    }

    @Test func compare() throws {
        #expect(try parse("0") == parse("0"))
        #expect(try parse("100m") > parse("50m"))
        #expect(try parse("50m") < parse("100m"))
        #expect(try parse("10000T") > parse("100Gi"))
        #expect(try parse("1Gi") == parse("1024Mi"))
        #expect(try parse("1") == parse("1000m"))
        #expect(try parse("-1") < parse("1n"))
        #expect(try parse("1e1000000") > parse("9Ei"))
        #expect(try parse("1e-3") == parse("1m"))
        #expect(Set([try parse("1"), try parse("1000m"), try parse("1e0"), try parse("0.001k")]).count == 1)
        #expect(try parse("1Gi").hashValue == parse("1073741824").hashValue)
    }

    @Test func arithmetic() throws {
        // TestAdd / TestSub
        #expect(Quantity(value: 10) + Quantity(value: 1, scale: 1) == Quantity(value: 20))
        #expect((Quantity(value: 10) + Quantity(value: 1, format: .binarySI)).format == .decimalSI)
        #expect((Quantity(value: 10, format: .binarySI) + Quantity(value: 1)).format == .binarySI)
        #expect(Quantity(value: 10) - Quantity(value: 1, scale: 1) == .zero)
        #expect(Quantity.zero - Quantity(value: 50) == Quantity(value: -50))
        // TestQuantityAddZeroPreservesSuffix / TestQuantitySubZeroPreservesSuffix
        for text in ["100m", "1Gi"] {
            let value = try parse(text)
            #expect((value + .zero).description == text)
            #expect((Quantity.zero + value).description == text)
            #expect((value - .zero).description == text)
            #expect((Quantity.zero - value).description == (-value).description)
        }
        var total = try parse("1.5Gi")
        total += try parse("512Mi")
        #expect(total.description == "2Gi")
        total -= try parse("100m")
        #expect(total.description == "2147483647900m")
        #expect((try parse("12E") + parse("12E")).description == "24E")
        // Beyond 38 significant digits values round away from zero (Go's inf.Dec would stay exact).
        #expect(try parse("1e1000000") + parse("1n") > parse("1e1000000"))
        let long = try parse("123456789012345678901234567890123456789012")
        #expect(long.description == "123456789012345678901234567890123456790k")
        #expect(long > (try parse("1.2e41")))
    }

    @Test func json() throws {
        #expect(try Quantity(json: .string("1.5Gi")).json == .string("1536Mi"))
        // TestJSONWhitespace
        for (input, expected) in [(" 1", "1"), ("1 ", "1")] {
            #expect(try Quantity(json: .string(input)).description == expected)
        }
        #expect(try Quantity(json: .int(10)).description == "10")
        #expect(try Quantity(json: .int(-1)).description == "-1")
        #expect(try Quantity(json: JSONValue(parsing: "1.5")).description == "1500m")
        #expect(try Quantity(json: JSONValue(parsing: "1e3")).description == "1e3")
        #expect(try Quantity(json: .null) == .zero)
        #expect(throws: FieldError.self) { try Quantity(json: .bool(true)) }
        #expect(throws: FieldError.self) { try Quantity(json: .string("1GB")) }
    }

    /// A random quantity; decimal ones get a scale in `-9..<(maxScale)`.
    private static func randomQuantity(_ rng: inout SplitMix64, maxScale: Int32 = 31) -> Quantity {
        switch rng.next() % 4 {
        case 0:
            // Binary, an integer (Go's fuzzer: Int63, or n << 10k).
            if rng.next() % 2 == 0 {
                return Quantity(value: Int64(rng.next() >> 1), format: .binarySI)
            }
            let small = Int64(rng.next() % 1024) << Int64(10 * (rng.next() % 5))
            return Quantity(value: rng.next() % 2 == 0 ? small : -small, format: .binarySI)
        case 1:
            // Binary with a fraction: formats as DecimalSI.
            return Quantity(value: Int64(bitPattern: rng.next()) >> 20, scale: -Int32(rng.next() % 10), format: .binarySI)
        default:
            let format: Quantity.Format = rng.next() % 2 == 0 ? .decimalSI : .decimalExponent
            let bits = 1 + rng.next() % 63
            let value = Int64(bitPattern: rng.next()) >> (64 - bits)
            let scale = Int32(rng.next() % UInt64(maxScale + 9)) - 9
            return Quantity(value: value, scale: scale, format: format)
        }
    }

    @Test("parse(format(q)) == q", arguments: [1 as UInt64, 42, 0xC0FFEE, 2024])
    func roundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let quantity = Self.randomQuantity(&rng)
            let text = quantity.description
            let parsed = try Quantity(parsing: text)
            #expect(parsed == quantity, "\(text)")
            #expect(parsed.description == text, "\(text)")
            #expect(try Quantity(json: quantity.json) == quantity)
        }
    }

    @Test("add and subtract cancel; order agrees with Double", arguments: [7 as UInt64, 99])
    func arithmeticProperties(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<300 {
            // Scales within 19 of each other keep every sum exact in 38 digits.
            let a = Self.randomQuantity(&rng, maxScale: 10)
            let b = Self.randomQuantity(&rng, maxScale: 10)
            #expect(a + b - b == a, "\(a) \(b)")
            #expect(a + b == b + a)
            #expect((a < b) == (b > a))
            if a.approximateDouble < b.approximateDouble * (1 - 1e-12) - 1e-9 {
                #expect(a < b, "\(a) \(b)")
            }
        }
    }
}
