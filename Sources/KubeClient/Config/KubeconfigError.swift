/// A kubeconfig, in-cluster configuration or credential plugin that cannot be used, with the reason.
public struct KubeconfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { self.message }
}
