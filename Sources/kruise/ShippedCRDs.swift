import KruiseAPI
import KubeModel

/// The CRDs as SwiftKruise installs them: KruiseAPI's definitions labelled
/// `policy.kruise.io/delete-protection: Always`. Deleting a CRD deletes every custom resource of it
/// (OpenKruise users lost all their CloneSets to `helm uninstall`, openkruise/kruise#1095); with the
/// label, our own deletion-protection webhook refuses that delete, and while the webhook is unreachable its
/// `failurePolicy: Fail` refuses it too. Removing a CRD on purpose takes removing the label first.
enum ShippedCRDs {
    static let protectionLabel = "policy.kruise.io/delete-protection"

    static var all: [CustomResourceDefinition] {
        KruiseCRDs.all.map { crd in
            var crd = crd
            var labels = crd.metadata.labels
            labels[Self.protectionLabel] = "Always"
            crd.metadata.labels = labels
            return crd
        }
    }
}
