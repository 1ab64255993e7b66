/// Picks pod IPs from a node's pod CIDR (an IPv4 `/n`): the lowest address not in use, skipping the network
/// address and the first host (the bridge).
public struct PodIPAllocator: Sendable, Hashable {
    /// The CIDR, e.g. `10.244.1.0/24`.
    public var cidr: String

    public init(cidr: String) {
        self.cidr = cidr
    }

    /// The lowest free address, or `nil` when the CIDR is malformed or full.
    public func allocate(excluding used: Set<String>) -> String? {
        let parts = self.cidr.split(separator: "/")
        guard parts.count == 2, let prefix = UInt32(parts[1]), prefix <= 30, let base = Self.parse(String(parts[0])) else {
            return nil
        }
        let size = UInt32(1) << (32 - prefix)
        let network = base & ~(size - 1)
        var offset: UInt32 = 2
        while offset < size - 1 {
            let address = Self.format(network + offset)
            if !used.contains(address) { return address }
            offset += 1
        }
        return nil
    }

    static func parse(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        return octets.reduce(0) { $0 << 8 | $1 }
    }

    static func format(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 255).\(address >> 8 & 255).\(address & 255)"
    }
}
