/// The parameters of a request's query string, in order, decoded as Go's `url.URL.Query()` does: pairs split
/// on `&`, `+` is a space, percent escapes decoded; pairs with a malformed escape or a `;` are dropped.
public struct RequestQuery: Sendable, Hashable {
    /// One `name=value` pair.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Every pair, in query order.
    public var parameters: [Parameter]

    public init(parameters: [Parameter] = []) {
        self.parameters = parameters
    }

    /// Parses a raw query string (without the `?`).
    public init(parsing query: some StringProtocol) {
        var parameters: [Parameter] = []
        for pair in query.split(separator: "&") where !pair.contains(";") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard case .success(let name) = PercentDecoding.decode(parts[0], plusAsSpace: true) else { continue }
            let rawValue = parts.count == 2 ? parts[1] : ""
            guard case .success(let value) = PercentDecoding.decode(rawValue, plusAsSpace: true) else { continue }
            parameters.append(Parameter(name: name, value: value))
        }
        self.parameters = parameters
    }

    /// The query of a request target (`/path?query`); empty when there is none.
    public init(target: String) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.init(parsing: parts.count == 2 ? parts[1] : "")
    }

    /// The first value of `name`, as kube-apiserver reads single-valued options.
    public func value(_ name: String) -> String? {
        self.parameters.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        self.parameters.filter { $0.name == name }.map(\.value)
    }

    /// `true` when `name` appears, with or without a value.
    public func contains(_ name: String) -> Bool {
        self.parameters.contains { $0.name == name }
    }

    /// A boolean option as kube-apiserver converts it: absent is `false`; `0` and `false` (any case) are
    /// `false`; any other value, the empty one included, is `true`.
    public func bool(_ name: String) -> Bool {
        self.optionalBool(name) ?? false
    }

    /// A `*bool` option: `nil` when absent, otherwise as ``bool(_:)``.
    public func optionalBool(_ name: String) -> Bool? {
        guard let value = self.value(name) else { return nil }
        return !(value == "0" || value.lowercased() == "false")
    }

    /// An `int64` option: 0 when absent.
    /// - Throws: ``QueryParameterError/invalidInteger(name:value:outOfRange:)`` when the value is not a
    ///   decimal integer (the empty value included).
    public func int64(_ name: String) throws(QueryParameterError) -> Int64 {
        guard let value = self.value(name) else { return 0 }
        return try Self.parseInt64(name: name, value)
    }

    /// A `*int64` option: `nil` when absent or empty.
    /// - Throws: ``QueryParameterError/invalidInteger(name:value:outOfRange:)`` when the value is not a
    ///   decimal integer.
    public func optionalInt64(_ name: String) throws(QueryParameterError) -> Int64? {
        guard let value = self.value(name), !value.isEmpty else { return nil }
        return try Self.parseInt64(name: name, value)
    }

    /// Go's `strconv.ParseInt(value, 10, 64)`: an optional sign, then decimal digits.
    static func parseInt64(name: String, _ value: String) throws(QueryParameterError) -> Int64 {
        var digits = Substring(value)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalidInteger(name: name, value: value, outOfRange: false)
        }
        var magnitude: UInt64 = 0
        for byte in digits.utf8 {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw .invalidInteger(name: name, value: value, outOfRange: true) }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw .invalidInteger(name: name, value: value, outOfRange: true) }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw .invalidInteger(name: name, value: value, outOfRange: true) }
        return Int64(magnitude)
    }
}
