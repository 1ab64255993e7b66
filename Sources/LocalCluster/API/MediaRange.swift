/// One media range of an `Accept` header: `type/subtype;param=value;...`.
public struct MediaRange: Sendable, Hashable {
    /// The type, lower-cased (`application`, `*`).
    public var type: String
    /// The subtype, lower-cased (`json`, `*`).
    public var subtype: String
    /// The parameters other than `q`, keys lower-cased, values unquoted and kept as sent.
    public var parameters: [String: String]
    /// The `q` weight, 1 when absent or unreadable.
    public var quality: Double

    public init(type: String, subtype: String, parameters: [String: String] = [:], quality: Double = 1) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
        self.quality = quality
    }

    /// Parses one media range; `nil` when it has no `type/subtype`.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts[0].trimmingASCIISpaces()
        let typeParts = mediaType.split(separator: "/", omittingEmptySubsequences: false)
        guard typeParts.count == 2, !typeParts[0].isEmpty, !typeParts[1].isEmpty else { return nil }
        self.type = typeParts[0].lowercased()
        self.subtype = typeParts[1].lowercased()
        self.parameters = [:]
        self.quality = 1
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = pair[0].trimmingASCIISpaces().lowercased()
            guard !key.isEmpty else { continue }
            var value = pair.count == 2 ? pair[1].trimmingASCIISpaces() : ""
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if key == "q" {
                self.quality = Double(value) ?? 1
            } else {
                self.parameters[key] = value
            }
        }
    }

    /// Parses a comma-separated `Accept` header, skipping unreadable ranges.
    public static func parseList(_ header: String) -> [MediaRange] {
        header.split(separator: ",").compactMap { MediaRange(parsing: $0) }
    }

    /// `true` for `application/json`, `application/*` and `*/*`.
    public var matchesJSON: Bool {
        (self.type == "application" && (self.subtype == "json" || self.subtype == "*")) || (self.type == "*" && self.subtype == "*")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingASCIISpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
