import ContainerRuntime
import KubeJSON
public import KubeModel

/// The validating webhooks of ImagePullJob, ImageListPullJob and NodeImage (upstream's
/// `pkg/webhook/{imagepulljob,imagelistpulljob,nodeimage}/validating`), as pure functions. Upstream stops at the
/// first problem and words it without a field path; these return the same first problem with upstream's words,
/// placed on its field (`spec.selector: can not set both names and labelSelector in this spec.selector`).
/// Beyond upstream, `parallelism` must be a non-negative integer: upstream reads any other value as 0, which
/// silently pauses the job.
public enum ImagePullValidation {
    /// The most images an ImageListPullJob may list.
    public static let maxListImages = 255
    /// The most images a NodeImage may hold.
    public static let maxNodeImages = 256

    /// The first problem with an ImagePullJob, if any.
    public static func validate(_ job: ImagePullJob) -> FieldError? {
        let spec = job.spec
        if let error = self.validateSelectors(spec) { return error }
        if spec.image.isEmpty { return FieldError(field: "spec.image", message: "image can not be empty") }
        if let error = self.validateImage(spec.image, field: "spec.image") { return error }
        return self.validateTemplate(spec)
    }

    /// The first problem with an ImageListPullJob, if any.
    public static func validate(_ job: ImageListPullJob) -> FieldError? {
        let spec = job.spec
        if let error = self.validateSelectors(spec) { return error }
        let images = spec.images
        if images.isEmpty { return FieldError(field: "spec.images", message: "image can not be empty") }
        if Set(images).count != images.count {
            return FieldError(field: "spec.images", message: "images cannot have duplicate values")
        }
        if images.count > self.maxListImages {
            return FieldError(field: "spec.images", message: "the maximum number of images cannot > \(self.maxListImages)")
        }
        for (index, image) in images.enumerated() {
            if let error = self.validateImage(image, field: "spec.images[\(index)]") { return error }
        }
        return self.validateTemplate(spec)
    }

    /// The first problem with a NodeImage, if any (images in name order; upstream's map order is random).
    public static func validate(_ nodeImage: NodeImage) -> FieldError? {
        let images = nodeImage.images
        if images.count > self.maxNodeImages {
            return FieldError(
                field: "spec.images",
                message: "spec images length \(images.count) can not be more than \(self.maxNodeImages)")
        }
        for name in images.keys.sorted() {
            let field = "spec.images[\(name)]"
            if name.isEmpty { return FieldError(field: "spec.images", message: "image name can not be empty") }
            var seen: Set<String> = []
            for (index, tag) in images[name]!.tags.enumerated() {
                let tagField = "\(field).tags[\(index)]"
                if tag.tag.isEmpty { return FieldError(field: tagField, message: "tag for image \(name) can not be empty") }
                if !seen.insert(tag.tag).inserted {
                    return FieldError(field: tagField, message: "duplicated tag \(tag.tag) for image \(name)")
                }
                let fullName = "\(name)/\(tag.tag)"
                if tag.createdAt == nil {
                    return FieldError(field: "\(tagField).createdAt", message: "createAt field for \(fullName) can not be empty")
                }
                if tag.version < 0 {
                    return FieldError(field: "\(tagField).version", message: "version for \(fullName) can not be less than 0")
                }
                guard let policy = tag.pullPolicy else {
                    return FieldError(field: "\(tagField).pullPolicy", message: "pullPolicy field for \(fullName) must set")
                }
                if policy.ttlSecondsAfterFinished == nil {
                    return FieldError(
                        field: "\(tagField).pullPolicy.ttlSecondsAfterFinished",
                        message: "pullPolicy.ttlSecondsAfterFinished for \(fullName) must set")
                }
            }
        }
        return nil
    }

    private static func validateSelectors<Template: ImagePullJobTemplateFields>(_ spec: Template) -> FieldError? {
        if let selector = spec.selector {
            if selector.hasLabelSelector {
                if selector.object["names"] != nil {
                    return FieldError(field: "spec.selector", message: "can not set both names and labelSelector in this spec.selector")
                }
                if let error = selector.labelSelector.validate().first {
                    return FieldError(field: "spec.selector", message: "invalid selector: \(error.under("spec.selector").description)")
                }
            }
            let names = selector.names
            if Set(names).count != names.count {
                return FieldError(field: "spec.selector.names", message: "duplicated name in selector names")
            }
        }
        if let podSelector = spec.podSelector {
            if spec.selector != nil {
                return FieldError(field: "spec.podSelector", message: "can not set both selector and podSelector")
            }
            if let error = podSelector.validate().first {
                return FieldError(field: "spec.podSelector", message: "invalid podSelector: \(error.under("spec.podSelector").description)")
            }
        }
        return nil
    }

    private static func validateImage(_ image: String, field: String) -> FieldError? {
        do {
            _ = try ImageReference(parsing: image)
            return nil
        } catch {
            return FieldError(field: field, message: "invalid image \(image): \(error.reason)")
        }
    }

    private static func validateTemplate<Template: ImagePullJobTemplateFields>(_ spec: Template) -> FieldError? {
        switch spec.parallelism {
        case .int(let value)? where value < 0:
            return FieldErrors.invalid("spec.parallelism", value, "must be greater than or equal to 0")
        case .string(let text)?:
            return FieldErrors.invalid("spec.parallelism", text, "must be an integer")
        default:
            break
        }
        let completion = spec.completionPolicy
        switch completion.typeValue ?? "" {
        case ImagePullJobCompletionPolicy.Kind.always.rawValue:
            return nil
        case ImagePullJobCompletionPolicy.Kind.never.rawValue:
            if completion.activeDeadlineSeconds != nil || completion.ttlSecondsAfterFinished != nil {
                return FieldError(
                    field: "spec.completionPolicy",
                    message: "activeDeadlineSeconds and ttlSecondsAfterFinished can only work with Always CompletionPolicyType")
            }
            return nil
        case let other:
            return FieldError(field: "spec.completionPolicy.type", message: "unknown type of completionPolicy: \(other)")
        }
    }
}
