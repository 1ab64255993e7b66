/// A pull round the puller started: the worker, the signal that stops it, and what ties its reports to this
/// round (a round stopped and started again has a new `serial`, so late reports of the old one are ignored).
struct ImagePullWorkItem: Sendable {
    /// The puller the reports go to.
    let puller: NodeImagePuller
    /// The round.
    let id: ImagePullTaskID
    /// This run of the round.
    let serial: UInt64
    /// Stops it.
    let signal: ImagePullStopSignal
    /// Runs it.
    let worker: ImagePullWorker
}
