import ArgumentParser
import KubeJSON

/// `kruise version`: prints the build's version.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the SwiftKruise version and the upstream APIs it follows."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var output: Format = .text

    func run() {
        let version = KruiseVersion.current
        switch self.output {
        case .text:
            print("kruise \(version.version) (OpenKruise \(version.openKruiseAPI) API, Kubernetes \(version.kubernetesVersion))")
        case .json:
            print(version.json.serializedString(options: .init(indent: 2)))
        }
    }
}
