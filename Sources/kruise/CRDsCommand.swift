import ArgumentParser
import KruiseAPI
import KubeModel
import KubeJSON

/// `kruise crds`: prints every CustomResourceDefinition SwiftKruise ships, as one multi-document YAML
/// stream (what `deploy/crds/apps.kruise.io.yaml` holds and `kruise local` installs).
struct CRDsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crds",
        abstract: "Print the CustomResourceDefinitions of the Kruise API as YAML."
    )

    func run() throws {
        print(Self.yaml, terminator: "")
    }

    /// The CRDs as a YAML stream.
    static var yaml: String {
        ShippedCRDs.all.map { "---\n" + YAMLWriter.string(for: $0.json) }.joined()
    }
}
