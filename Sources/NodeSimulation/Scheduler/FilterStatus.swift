/// Why one node was filtered out: kube-scheduler's reasons and whether preemption could help
/// (`Unschedulable`) or not (`UnschedulableAndUnresolvable`).
struct FilterStatus: Sendable, Hashable {
    var reasons: [String]
    var resolvable: Bool
}
