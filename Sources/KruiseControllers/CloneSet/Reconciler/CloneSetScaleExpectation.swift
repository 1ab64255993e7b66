public import ControllerRuntime

/// One creation or deletion a CloneSet action makes, as recorded in ``CloneSetExpectations/scale``.
public struct CloneSetScaleExpectation: Sendable, Hashable {
    /// Creation or deletion.
    public var action: ScaleAction
    /// The entry (``CloneSetExpectations/podEntry(_:)`` or ``CloneSetExpectations/claimEntry(_:)``).
    public var entry: String

    /// An expectation from its parts.
    public init(_ action: ScaleAction, _ entry: String) {
        self.action = action
        self.entry = entry
    }
}
