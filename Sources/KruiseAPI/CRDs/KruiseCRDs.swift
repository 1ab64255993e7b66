import KubeJSON
public import KubeModel

/// The CustomResourceDefinitions SwiftKruise installs, as upstream OpenKruise ships them.
public enum KruiseCRDs {
    /// Every CRD this module defines.
    public static var all: [CustomResourceDefinition] { [cloneSet, workloadSpread, imagePullJob, imageListPullJob, nodeImage] }

    /// Reads a CRD from YAML that is part of this module; the YAML is a constant checked by the tests, so a
    /// failure is a programming error.
    static func parse(_ yaml: String) -> CustomResourceDefinition {
        do {
            return try CustomResourceDefinition.decode(try YAMLReader.read(yaml))
        } catch {
            preconditionFailure("invalid built-in CRD: \(error)")
        }
    }
}
