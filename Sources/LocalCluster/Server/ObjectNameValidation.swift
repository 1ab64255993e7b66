public import KubeModel

/// The name rules kube-apiserver applies to `metadata.name`, with its messages.
public enum ObjectNameValidation {
    /// RFC 1123 subdomain (most resources): lower-case alphanumerics, `-` and `.`, at most 253 characters.
    public static func subdomainErrors(_ name: String) -> [String] {
        var errors: [String] = []
        if name.utf8.count > 253 { errors.append("must be no more than 253 characters") }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if name.isEmpty || !labels.allSatisfy({ Self.isLabel($0) }) {
            errors.append(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
            )
        }
        return errors
    }

    /// RFC 1123 label (namespaces): lower-case alphanumerics and `-`, at most 63 characters.
    public static func labelErrors(_ name: String) -> [String] {
        var errors: [String] = []
        if name.utf8.count > 63 { errors.append("must be no more than 63 characters") }
        if !Self.isLabel(Substring(name)) {
            errors.append(
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
            )
        }
        return errors
    }

    /// The field errors for `name` of a `resource` object, as kube reports them under `metadata.name`.
    public static func validate(name: String, forNamespaces: Bool) -> [FieldError] {
        let messages = forNamespaces ? Self.labelErrors(name) : Self.subdomainErrors(name)
        return messages.map { FieldError(field: "metadata.name", message: "Invalid value: \"\(name)\": \($0)") }
    }

    private static func isLabel(_ label: Substring) -> Bool {
        guard let first = label.utf8.first, let last = label.utf8.last else { return false }
        func alphanumeric(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        return alphanumeric(first) && alphanumeric(last)
            && label.utf8.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
}
