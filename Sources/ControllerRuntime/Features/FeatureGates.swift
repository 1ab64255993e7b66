/// Named on/off switches with defaults, set from a `--feature-gates A=true,B=false` flag as Kubernetes
/// components take it. Unknown names and values other than `true`/`false` are errors.
public struct FeatureGates: Sendable, Hashable {
    /// Every known gate with its default.
    public let defaults: [String: Bool]
    private var overrides: [String: Bool] = [:]

    public init(defaults: [String: Bool]) {
        self.defaults = defaults
    }

    /// Whether `gate` is on (unknown gates are off).
    public func isEnabled(_ gate: String) -> Bool {
        self.overrides[gate] ?? self.defaults[gate] ?? false
    }

    /// Sets one gate.
    /// - Throws: ``FeatureGateError`` for an unknown gate.
    public mutating func set(_ gate: String, _ value: Bool) throws(FeatureGateError) {
        guard self.defaults[gate] != nil else { throw FeatureGateError("unrecognized feature gate: \(gate)") }
        self.overrides[gate] = value
    }

    /// Turns every gate on (the `kruise local` playground), before flags are applied.
    public mutating func enableAll() {
        for gate in self.defaults.keys { self.overrides[gate] = true }
    }

    /// Applies `A=true,B=false`.
    /// - Throws: ``FeatureGateError`` naming the malformed entry.
    public mutating func apply(_ flag: String) throws(FeatureGateError) {
        for entry in flag.split(separator: ",") {
            let trimmed = entry.trimmingSpaces
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2 else { throw FeatureGateError("missing bool value for \(trimmed)") }
            guard let value = Bool(parts[1].lowercased()) else {
                throw FeatureGateError("invalid value of \(parts[0]): \(parts[1]), err: strconv.ParseBool: parsing \"\(parts[1])\": invalid syntax")
            }
            try self.set(parts[0], value)
        }
    }

    /// Every gate's effective value, sorted by name (for logs and `/metrics`).
    public var effective: [(name: String, enabled: Bool)] {
        self.defaults.keys.sorted().map { ($0, self.isEnabled($0)) }
    }
}

/// A `--feature-gates` value that cannot be applied.
public struct FeatureGateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { self.message }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
