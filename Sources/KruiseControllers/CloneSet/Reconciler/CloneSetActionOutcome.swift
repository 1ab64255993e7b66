/// What became of one API call of a CloneSet plan.
public enum CloneSetActionOutcome: Sendable, Hashable {
    /// Done: the informers will show the change.
    case applied
    /// Nothing to do: the object already existed, was already gone, or the change was empty; no event follows.
    case alreadyDone
    /// The call failed with this message; the rest of the plan is skipped.
    case failed(String)

    /// `true` for ``failed(_:)``.
    public var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}
