public import KubeModel

/// Constructors for ``FieldError`` with apimachinery's `field.Error` wording (`Required value`, `Invalid
/// value: "x": detail`, `Forbidden: detail`, `Unsupported value: "x": supported values: "a"`, `Duplicate
/// value`, `Not found`).
public enum FieldErrors {
    /// `field.Required`.
    public static func required(_ field: String, _ detail: String = "") -> FieldError {
        FieldError(field: field, message: detail.isEmpty ? "Required value" : "Required value: \(detail)")
    }

    /// `field.Forbidden`.
    public static func forbidden(_ field: String, _ detail: String) -> FieldError {
        FieldError(field: field, message: detail.isEmpty ? "Forbidden" : "Forbidden: \(detail)")
    }

    /// `field.Invalid` with an already formatted value (see ``quote(_:)``).
    public static func invalid(_ field: String, formattedValue: String, _ detail: String) -> FieldError {
        let body = "Invalid value: \(formattedValue)"
        return FieldError(field: field, message: detail.isEmpty ? body : "\(body): \(detail)")
    }

    /// `field.Invalid` for a string value (quoted as Go's `%q`).
    public static func invalid(_ field: String, _ value: String, _ detail: String) -> FieldError {
        self.invalid(field, formattedValue: quote(value), detail)
    }

    /// `field.Invalid` for an integer value.
    public static func invalid(_ field: String, _ value: Int, _ detail: String) -> FieldError {
        self.invalid(field, formattedValue: String(value), detail)
    }

    /// `field.NotSupported`.
    public static func notSupported(_ field: String, _ value: String, supported: [String]) -> FieldError {
        let list = supported.map(quote).joined(separator: ", ")
        return FieldError(field: field, message: "Unsupported value: \(quote(value)): supported values: \(list)")
    }

    /// `field.Duplicate`.
    public static func duplicate(_ field: String, _ value: String) -> FieldError {
        FieldError(field: field, message: "Duplicate value: \(quote(value))")
    }

    /// `field.NotFound`.
    public static func notFound(_ field: String, _ value: String) -> FieldError {
        FieldError(field: field, message: "Not found: \(quote(value))")
    }

    /// Go's `%q` for plain strings: double quotes, with `"` and `\` escaped.
    public static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Go's `%#v` of a `map[string]string` (keys sorted, as fmt prints maps).
    public static func goMap(_ map: [String: String]) -> String {
        let entries = map.keys.sorted().map { "\(quote($0)):\(quote(map[$0]!))" }
        return "map[string]string{" + entries.joined(separator: ", ") + "}"
    }

    /// Go's `%#v` of a `[]string`.
    public static func goStrings(_ list: [String]) -> String {
        "[]string{" + list.map(quote).joined(separator: ", ") + "}"
    }

    /// Go's `%#v` of an `intstr.IntOrString` (what `field.Invalid` prints for a `*IntOrString`), or `null`.
    public static func goIntOrString(_ value: IntOrString?) -> String {
        switch value {
        case nil: "null"
        case .int(let number)?: "intstr.IntOrString{Type:0, IntVal:\(number), StrVal:\"\"}"
        case .string(let text)?: "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(quote(text))}"
        }
    }
}
