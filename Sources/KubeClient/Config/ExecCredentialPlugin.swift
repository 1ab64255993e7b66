import Foundation
import KubeJSON
public import KubeModel

/// Runs an exec credential plugin (`client.authentication.k8s.io/v1` or `v1beta1`) and reads the
/// `ExecCredential` it prints.
public enum ExecCredentialPlugin {
    /// What a plugin returned.
    public struct Credential: Sendable, Hashable {
        public var token: String?
        public var clientCertificatePEM: [UInt8]?
        public var clientKeyPEM: [UInt8]?
        /// When the credential expires; `nil` means it stays valid for the process's lifetime.
        public var expiration: KubeTime?
    }

    /// Runs the plugin and parses its output.
    /// - Throws: ``KubeconfigError`` when the plugin cannot start, fails, or prints something else than an
    ///   ExecCredential.
    public static func run(_ config: Kubeconfig.ExecConfig) throws(KubeconfigError) -> Credential {
        let process = Process()
        if config.command.contains("/") {
            process.executableURL = URL(fileURLWithPath: config.command)
            process.arguments = config.args
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [config.command] + config.args
        }
        var environment = ProcessInfo.processInfo.environment
        for variable in config.env { environment[variable.name] = variable.value }
        let info: JSONValue = [
            "apiVersion": .string(config.apiVersion),
            "kind": "ExecCredential",
            "spec": ["interactive": false],
        ]
        environment["KUBERNETES_EXEC_INFO"] = info.serializedString()
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw KubeconfigError("exec plugin \(config.command): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw KubeconfigError("exec plugin \(config.command) exited with status \(process.terminationStatus)")
        }
        return try Self.parse([UInt8](data), command: config.command)
    }

    /// Parses an ExecCredential document.
    public static func parse(_ bytes: [UInt8], command: String) throws(KubeconfigError) -> Credential {
        guard let document = try? JSONValue(parsing: bytes), document["kind"]?.stringValue == "ExecCredential" else {
            throw KubeconfigError("exec plugin \(command) did not print an ExecCredential")
        }
        let status = document["status"] ?? .emptyObject
        let credential = Credential(
            token: status["token"]?.stringValue,
            clientCertificatePEM: status["clientCertificateData"]?.stringValue.map { Array($0.utf8) },
            clientKeyPEM: status["clientKeyData"]?.stringValue.map { Array($0.utf8) },
            expiration: status["expirationTimestamp"]?.stringValue.flatMap { try? KubeTime(parsing: $0) }
        )
        if credential.token == nil && credential.clientCertificatePEM == nil {
            throw KubeconfigError("exec plugin \(command): ExecCredential status has neither token nor clientCertificateData")
        }
        return credential
    }
}
