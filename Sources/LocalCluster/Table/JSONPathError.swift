/// A JSONPath expression ``JSONPath`` cannot read.
public struct JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression as given.
    public var expression: String
    /// The character offset where reading stopped.
    public var offset: Int
    /// What is wrong.
    public var reason: String

    public init(expression: String, offset: Int, reason: String) {
        self.expression = expression
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        "invalid JSONPath \"\(self.expression)\" at offset \(self.offset): \(self.reason)"
    }
}
