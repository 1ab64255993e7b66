/// Writes kubeconfigs to disk.
public enum KubeconfigFile {
    /// Writes `kubeconfig` to `path` atomically with mode 0600 (it holds a credential).
    public static func write(_ kubeconfig: LocalKubeconfig, to path: String) throws(DataDirectoryError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        try DataDirectory(path: directory.isEmpty ? "/" : directory).write(name, Array(kubeconfig.yaml.utf8))
    }
}
