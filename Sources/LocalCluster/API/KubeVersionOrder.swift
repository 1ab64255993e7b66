/// kube-apiserver's version priority: `v1` before `v1beta1` before `v1alpha1`, higher numbers first within a
/// level, and versions that are not Kubernetes-like (`foo`) last, in alphabetical order.
public enum KubeVersionOrder {
    /// `true` when `lhs` has a higher priority than `rhs`.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        switch (Self.parse(lhs), Self.parse(rhs)) {
        case (nil, nil):
            return lhs < rhs
        case (.some, nil):
            return true
        case (nil, .some):
            return false
        case (let l?, let r?):
            if l.level != r.level { return l.level > r.level }
            if l.major != r.major { return l.major > r.major }
            return l.minor > r.minor
        }
    }

    /// `versions` sorted most preferred first.
    public static func sorted(_ versions: some Sequence<String>) -> [String] {
        versions.sorted(by: Self.precedes)
    }

    private struct Parsed {
        /// 2 for GA, 1 for beta, 0 for alpha.
        var level: Int
        var major: Int
        var minor: Int
    }

    /// Parses `v<major>[(alpha|beta)<minor>]`; `nil` for anything else.
    private static func parse(_ version: String) -> Parsed? {
        var rest = Substring(version)
        guard rest.first == "v" else { return nil }
        rest = rest.dropFirst()
        let majorDigits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let major = Int(majorDigits), majorDigits.first != "0" else { return nil }
        rest = rest.dropFirst(majorDigits.count)
        if rest.isEmpty { return Parsed(level: 2, major: major, minor: 0) }
        let level: Int
        if rest.hasPrefix("beta") {
            level = 1
            rest = rest.dropFirst(4)
        } else if rest.hasPrefix("alpha") {
            level = 0
            rest = rest.dropFirst(5)
        } else {
            return nil
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), rest.first != "0", let minor = Int(rest) else {
            return nil
        }
        return Parsed(level: level, major: major, minor: minor)
    }
}
