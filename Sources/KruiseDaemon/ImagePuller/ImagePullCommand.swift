/// Work a node's puller hands to the daemon's task group (``ImagePullDaemon/run()``).
enum ImagePullCommand: Sendable {
    /// Run a pull round.
    case pull(ImagePullWorkItem)
    /// Write the status of a NodeImage until nothing is left to write.
    case writeStatus(NodeImagePuller)
}
