import KubeJSON
import KubeModel

/// The parts of Kubernetes' `ValidatePodSpec` that CloneSet's template validation and WorkloadSpread's subset-patch
/// validation share: volume names, and containers (present, unique RFC 1123 names, an image, mounts naming a volume).
enum PodSpecValidation {
    /// Volume names at `path`.volumes[i].name: required, RFC 1123 labels, unique. Returns the names seen.
    static func validateVolumeNames(_ names: [String], at path: String, into errors: inout [FieldError]) -> Set<String> {
        var seen: Set<String> = []
        for (index, name) in names.enumerated() {
            let field = "\(path).volumes[\(index)].name"
            if name.isEmpty {
                errors.append(FieldErrors.required(field))
            } else {
                errors += DNSNames.labelErrors(name).map { FieldErrors.invalid(field, name, $0) }
                if !seen.insert(name).inserted { errors.append(FieldErrors.duplicate(field, name)) }
            }
        }
        return seen
    }

    /// The init and regular containers of `spec` at `path`: at least one container, names required, RFC 1123
    /// labels and unique across both lists, an image that is not blank, volume mounts naming one of `volumeNames`.
    static func validateContainers(of spec: PodSpec, volumeNames: Set<String>, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if spec.containers.isEmpty { errors.append(FieldErrors.required(path + ".containers")) }
        var containerNames: Set<String> = []
        for (list, containers) in [("initContainers", spec.initContainers), ("containers", spec.containers)] {
            for (index, container) in containers.enumerated() {
                let base = "\(path).\(list)[\(index)]"
                if container.name.isEmpty {
                    errors.append(FieldErrors.required(base + ".name"))
                } else {
                    errors += DNSNames.labelErrors(container.name).map { FieldErrors.invalid(base + ".name", container.name, $0) }
                    if !containerNames.insert(container.name).inserted {
                        errors.append(FieldErrors.duplicate(base + ".name", container.name))
                    }
                }
                if (container.image ?? "").allSatisfy(\.isWhitespace) { errors.append(FieldErrors.required(base + ".image")) }
                for (mountIndex, mount) in container.volumeMounts.enumerated() {
                    let mountName = mount["name"]?.stringValue ?? ""
                    let field = base + ".volumeMounts[\(mountIndex)].name"
                    if mountName.isEmpty {
                        errors.append(FieldErrors.required(field))
                    } else if !volumeNames.contains(mountName) {
                        errors.append(FieldErrors.notFound(field, mountName))
                    }
                }
            }
        }
        return errors
    }
}
