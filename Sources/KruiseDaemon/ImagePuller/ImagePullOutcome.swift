public import KruiseAPI

/// How a pull round ended.
public enum ImagePullOutcome: Sendable, Hashable {
    /// The image is on the node: the final status (`Succeeded`, progress 100, `imageID`) and the time taken.
    case succeeded(ImageTagStatus, elapsed: Duration)
    /// Every attempt failed: the final status (`Failed`, `message`) and the last error.
    case failed(ImageTagStatus, ImagePullError)
    /// The round was stopped before it ended; its result, if any, is discarded.
    case stopped

    /// The final status; `nil` for a stopped round.
    public var status: ImageTagStatus? {
        switch self {
        case .succeeded(let status, _), .failed(let status, _): status
        case .stopped: nil
        }
    }
}
