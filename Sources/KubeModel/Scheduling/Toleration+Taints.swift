public import KubeJSON

extension Array where Element == Toleration {
    /// Whether some toleration tolerates `taint`.
    public func tolerates(_ taint: Taint) -> Bool {
        self.contains { $0.tolerates(taint) }
    }

    /// The first taint among `taints` that passes `filter` and that no toleration tolerates (Go's
    /// `FindMatchingUntoleratedTaint`).
    public func firstUntolerated(of taints: [Taint], where filter: (Taint) -> Bool = { _ in true }) -> Taint? {
        taints.first { filter($0) && !self.tolerates($0) }
    }
}
