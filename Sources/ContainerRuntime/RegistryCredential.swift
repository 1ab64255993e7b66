/// Credentials for a registry, as found in a `kubernetes.io/dockerconfigjson` pull secret.
public struct RegistryCredential: Sendable, Hashable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}
