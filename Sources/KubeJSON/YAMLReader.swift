import Yams

/// Reads YAML into ``JSONValue``s the way kubectl does (sigs.k8s.io/yaml on go-yaml v2, YAML 1.1 scalars).
///
/// - Plain scalars resolve with go-yaml v2's rules (see ``YAMLScalarResolver``): `yes`/`on`/`y` are booleans,
///   `0x1F`, `0o17`, `017`, `0b101`, `1_000` are integers, timestamps stay strings. Quoted and block scalars are
///   always strings; explicit `!!str`, `!!int`, `!!bool`, `!!float`, `!!null`, `!!timestamp`, `!!binary` tags
///   are honoured. Other tags are ignored.
/// - Floats become the JSON text Go's encoder would write (`1.50` → `1.5`, `1e+3` → `1000`); one that is
///   integral and below 2^53 becomes ``JSONValue/int(_:)``, as it does once kubectl has sent it.
/// - Mapping keys become strings: integers in decimal, booleans as `true`/`false`, floats as Go's `%g` of the
///   `float32` value. `null`, collection and above-`Int64` integer keys are errors, as in sigs.k8s.io/yaml.
/// - Anchors, aliases and `<<` merge keys work; merged members are set in order and overwrite members already
///   set, later explicit members overwrite merged ones, as in go-yaml v2.
/// - Mapping member order is kept. A mapping that repeats a key is an error (libyaml via Yams rejects it).
public struct YAMLReader: Sendable {
    /// Reader limits.
    public struct Options: Sendable {
        /// The deepest nesting of sequences and mappings accepted.
        public var maxDepth: Int
        /// The most values one document may expand to through aliases, as a multiple of the input length in
        /// bytes, plus a fixed allowance; guards against "billion laughs" documents.
        public var maxNodesPerInputByte: Int

        public init(maxDepth: Int = 512, maxNodesPerInputByte: Int = 100) {
            self.maxDepth = maxDepth
            self.maxNodesPerInputByte = maxNodesPerInputByte
        }
    }

    /// The limits in force.
    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads a single-document YAML text; an empty (or comments-only) text reads as `null`.
    /// - Throws: ``YAMLReadError`` with the line and column of the problem, and
    ///   ``YAMLReadError/Reason/multipleDocuments`` when the text holds more than one document.
    public func read(_ text: String) throws(YAMLReadError) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, Self.resolver, Constructor.default, .utf8)
        } catch {
            throw Self.translate(error, in: text)
        }
        guard let node else { return .null }
        var converter = Converter(budget: self.budget(for: text), maxDepth: self.options.maxDepth)
        return try converter.convert(node, depth: 0)
    }

    /// Reads a YAML stream of `---`-separated documents. Documents that are empty or `null` are skipped, as
    /// `kubectl apply -f` skips them.
    /// - Throws: ``YAMLReadError`` with the document index, line and column of the first problem.
    public func readAll(_ text: String) throws(YAMLReadError) -> [JSONValue] {
        var documents: [JSONValue] = []
        var sequence: YamlSequence<Node>
        do {
            sequence = try Yams.compose_all(yaml: text, Self.resolver, Constructor.default, .utf8)
        } catch {
            throw Self.translate(error, in: text).inDocument(0)
        }
        let budget = self.budget(for: text)
        var index = 0
        while let node = sequence.next() {
            var converter = Converter(budget: budget, maxDepth: self.options.maxDepth)
            let value: JSONValue
            do {
                value = try converter.convert(node, depth: 0)
            } catch {
                throw error.inDocument(index)
            }
            if !value.isNull { documents.append(value) }
            index += 1
        }
        if let error = sequence.error {
            throw Self.translate(error, in: text).inDocument(index)
        }
        return documents
    }

    /// Reads UTF-8 bytes holding one document; see ``read(_:)-(String)``.
    public func read(bytes: some Sequence<UInt8>) throws(YAMLReadError) -> JSONValue {
        try self.read(try Self.decode(bytes))
    }

    /// Reads UTF-8 bytes holding a stream of documents; see ``readAll(_:)-(String)``.
    public func readAll(bytes: some Sequence<UInt8>) throws(YAMLReadError) -> [JSONValue] {
        try self.readAll(try Self.decode(bytes))
    }

    /// Reads a single-document YAML text with the default options.
    public static func read(_ text: String) throws(YAMLReadError) -> JSONValue {
        try YAMLReader().read(text)
    }

    /// Reads a multi-document YAML stream with the default options, skipping empty documents.
    public static func readAll(_ text: String) throws(YAMLReadError) -> [JSONValue] {
        try YAMLReader().readAll(text)
    }

    /// Yams resolves the tags of mapping keys while it checks them for duplicates, replacing an implicit tag
    /// with the resolver's verdict. This resolver gives every plain scalar the ``plainTag`` marker, so that
    /// plain keys stay distinguishable from quoted ones (which are `!!str`).
    private static let resolver: Resolver = {
        (try? Resolver.basic.appending(Tag.Name(rawValue: YAMLReader.plainTag), "^")) ?? Resolver.basic
    }()

    /// The tag name ``resolver`` gives plain scalars.
    static let plainTag = "tag:swiftkruise,2025:plain"

    private func budget(for text: String) -> Int {
        let (product, overflow) = text.utf8.count.multipliedReportingOverflow(by: self.options.maxNodesPerInputByte)
        return overflow ? Int.max : product &+ 10_000
    }

    private static func decode(_ bytes: some Sequence<UInt8>) throws(YAMLReadError) -> String {
        guard let text = String(validating: Array(bytes), as: UTF8.self) else {
            throw YAMLReadError(.invalidUTF8, line: 0, column: 0)
        }
        return text
    }

    /// Turns an error thrown by Yams into a ``YAMLReadError``.
    private static func translate(_ error: any Error, in text: String) -> YAMLReadError {
        guard let yamlError = error as? YamlError else {
            return YAMLReadError(.syntax(String(describing: error)), line: 0, column: 0)
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message = "\(context.text): \(problem)" }
            if problem == "but found another document" {
                return YAMLReadError(.multipleDocuments, line: mark.line, column: mark.column)
            }
            return YAMLReadError(.syntax(message), line: mark.line, column: mark.column)
        case .reader(let problem, let offset, _, _):
            let (line, column) = Self.lineAndColumn(ofUTF8Offset: offset ?? 0, in: text)
            return YAMLReadError(.syntax(problem), line: line, column: column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return YAMLReadError(
                .duplicateKey(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")),
                line: context.mark.line,
                column: context.mark.column
            )
        default:
            return YAMLReadError(.syntax(String(describing: yamlError)), line: 0, column: 0)
        }
    }

    private static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

/// Converts one composed Yams node tree to a ``JSONValue``.
private struct Converter {
    /// Values still allowed to be produced; aliases re-convert their anchor's node each time they are used.
    var budget: Int
    let limit: Int
    let maxDepth: Int

    init(budget: Int, maxDepth: Int) {
        self.budget = budget
        self.limit = budget
        self.maxDepth = maxDepth
    }

    mutating func convert(_ node: Node, depth: Int) throws(YAMLReadError) -> JSONValue {
        self.budget -= 1
        guard self.budget >= 0 else { throw self.error(.excessiveAliasing(limit: self.limit), at: node) }
        switch node {
        case .scalar(let scalar):
            return try self.value(of: scalar)
        case .sequence(let sequence):
            guard depth < self.maxDepth else { throw self.error(.tooDeep(limit: self.maxDepth), at: node) }
            var elements: [JSONValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                elements.append(try self.convert(element, depth: depth + 1))
            }
            return .array(elements)
        case .mapping(let mapping):
            guard depth < self.maxDepth else { throw self.error(.tooDeep(limit: self.maxDepth), at: node) }
            return .object(try self.object(of: mapping, depth: depth))
        case .alias:
            throw self.error(.syntax("found undefined alias"), at: node)
        }
    }

    private mutating func object(of mapping: Node.Mapping, depth: Int) throws(YAMLReadError) -> JSONObject {
        var object = JSONObject(minimumCapacity: mapping.count)
        // Member positions by key: setting members through the subscript searches them one by one, which
        // made a mapping of 50,000 keys take minutes.
        var positions: [String: Int] = [:]
        func set(_ key: String, _ value: JSONValue) {
            if let index = positions[key] {
                object.updateValue(atIndex: index) { $0 = value }
            } else {
                positions[key] = positions.count
                object.appendUnchecked(key: key, value: value)
            }
        }
        for (key, value) in mapping {
            if Self.isMergeKey(key) {
                let merged = try self.mergeSource(value, depth: depth)
                for member in merged { set(member.key, member.value) }
                continue
            }
            let name = try self.keyString(key)
            set(name, try self.convert(value, depth: depth + 1))
        }
        return object
    }

    /// The members a `<<` value contributes: one mapping, or several where the earlier ones win.
    private mutating func mergeSource(_ value: Node, depth: Int) throws(YAMLReadError) -> JSONObject {
        switch value {
        case .mapping(let mapping):
            return try self.object(of: mapping, depth: depth + 1)
        case .sequence(let sequence):
            var combined = JSONObject()
            var keys: Set<String> = []
            for element in sequence {
                guard case .mapping(let mapping) = element else { throw self.error(.invalidMerge, at: element) }
                for member in try self.object(of: mapping, depth: depth + 1) where keys.insert(member.key).inserted {
                    combined.appendUnchecked(key: member.key, value: member.value)
                }
            }
            return combined
        default:
            throw self.error(.invalidMerge, at: value)
        }
    }

    private static func isMergeKey(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.string == "<<" else { return false }
        let tag = scalar.tag.rawValue
        return tag.isEmpty || tag == YAMLReader.plainTag || tag == "tag:yaml.org,2002:merge"
    }

    /// A mapping key as a JSON member name, converted as sigs.k8s.io/yaml converts go-yaml's key values.
    private mutating func keyString(_ key: Node) throws(YAMLReadError) -> String {
        guard case .scalar(let scalar) = key else {
            throw self.error(.unsupportedKey(key.mapping != nil ? "a mapping" : "a sequence"), at: key)
        }
        switch try self.resolve(scalar) {
        case .null: throw self.error(.unsupportedKey("null"), at: key)
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): throw self.error(.unsupportedKey("\(u) (an unsigned 64-bit integer)"), at: key)
        case .float(let d): return GoNumberFormat.float32KeyText(d)
        case .timestamp(let s), .string(let s): return s
        case .merge: return "<<"
        }
    }

    private func value(of scalar: Node.Scalar) throws(YAMLReadError) -> JSONValue {
        switch try self.resolve(scalar) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .uint(let u): return .number(JSONNumber(uncheckedText: String(u)))
        case .float(let d):
            guard d.isFinite else {
                throw self.error(.unsupportedFloat(scalar.string), at: .scalar(scalar))
            }
            let text = GoNumberFormat.jsonText(d)
            // Integral values become integers, as they do once kubectl's JSON reaches the API server; only
            // below 2^53, where the text and the Double agree exactly.
            if d.magnitude < 9_007_199_254_740_992,
                !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }),
                let i = Int64(text)
            {
                return .int(i)
            }
            return .number(JSONNumber(uncheckedText: text))
        case .timestamp(let s), .string(let s): return .string(s)
        case .merge: return .string("<<")
        }
    }

    /// Applies the scalar's tag (explicit, or implicit from its style) and go-yaml's resolution rules.
    private func resolve(_ scalar: Node.Scalar) throws(YAMLReadError) -> YAMLScalarResolver.Resolved {
        let tag = scalar.tag.rawValue
        let prefix = "tag:yaml.org,2002:"
        if tag.isEmpty || tag == YAMLReader.plainTag { return YAMLScalarResolver.resolvePlain(scalar.string) }
        guard tag.hasPrefix(prefix) else { return .string(scalar.string) }
        let short = "!!" + tag.dropFirst(prefix.count)
        switch short {
        case "!!str": return .string(scalar.string)
        case "!!binary":
            guard let bytes = Base64.decode(scalar.string) else {
                throw self.error(.invalidBase64, at: .scalar(scalar))
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        case "!!null", "!!bool", "!!int", "!!float", "!!timestamp":
            guard let resolved = YAMLScalarResolver.resolve(scalar.string, tag: short) else {
                throw self.error(.invalidTaggedValue(tag: short, value: scalar.string), at: .scalar(scalar))
            }
            return resolved
        default:
            return .string(scalar.string)
        }
    }

    private func error(_ reason: YAMLReadError.Reason, at node: Node) -> YAMLReadError {
        YAMLReadError(reason, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }
}
