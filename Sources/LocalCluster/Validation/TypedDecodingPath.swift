/// Where ``TypedDecoding`` is in the document, kept as steps: the texts Go's errors print are built only when
/// one is reported, so a document that decodes cleanly costs no strings.
struct TypedDecodingPath {
    /// One step down from the enclosing value.
    enum Step {
        /// A struct field, by JSON name.
        case field(String)
        /// An element of a list.
        case index(Int)
        /// An entry of a map, by key.
        case key(String)
    }

    private(set) var steps: [Step] = []

    mutating func push(_ step: Step) { self.steps.append(step) }

    mutating func pop() { self.steps.removeLast() }

    /// The path as the strict-decoding errors print it: `spec.containers[0].imagePullPolice`.
    var text: String {
        var text = ""
        for step in self.steps {
            switch step {
            case .field(let name), .key(let name):
                if !text.isEmpty { text += "." }
                text += name
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// The struct fields alone, as Go's `UnmarshalTypeError.Field` joins them (`spec.containers`).
    var goFieldPath: [String] {
        self.steps.compactMap { step in
            if case .field(let name) = step { return name }
            return nil
        }
    }
}
