/// Label, annotation and taint keys used on simulated nodes and pods.
public enum SimulatedNodeLabels {
    /// Marks a node as simulated by `kruise local` (value `"true"`), like KWOK's `type: kwok`.
    public static let simulated = "local.kruise.io/simulated"
    /// Annotation on a simulated node: `"true"` stops its kubelet (no Lease renewals, no status, no pod
    /// updates), so the node lifecycle controller marks it NotReady; removing it resumes the kubelet.
    public static let stopped = "local.kruise.io/stopped"
    public static let hostname = "kubernetes.io/hostname"
    public static let zone = "topology.kubernetes.io/zone"
    public static let region = "topology.kubernetes.io/region"
    public static let architecture = "kubernetes.io/arch"
    public static let operatingSystem = "kubernetes.io/os"
    public static let betaArchitecture = "beta.kubernetes.io/arch"
    public static let betaOperatingSystem = "beta.kubernetes.io/os"
}
