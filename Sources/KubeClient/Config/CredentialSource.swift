/// Where the client's bearer token comes from.
public enum CredentialSource: Sendable, Hashable {
    /// No bearer token (client certificates or an anonymous server).
    case none
    /// A fixed token (`users[].user.token`).
    case token(String)
    /// A token file, re-read periodically so rotated tokens are picked up (`tokenFile`, the in-cluster
    /// service-account token).
    case tokenFile(String)
    /// An exec credential plugin.
    case exec(Kubeconfig.ExecConfig)
}
