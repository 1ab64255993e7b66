import LocalCluster
import Testing

@Suite struct TableNegotiationTests {
    static let kubectlGet =
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"

    @Test(arguments: [
        (Self.kubectlGet, TableNegotiation.table(version: .v1)),
        ("application/json;as=Table;v=v1beta1;g=meta.k8s.io", .table(version: .v1beta1)),
        ("application/json;as=Table;v=v2;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io", .table(version: .v1beta1)),
        ("application/json; as=Table; v=v1; g=meta.k8s.io", .table(version: .v1)),
        ("application/json;as=Table;g=meta.k8s.io;v=v1", .table(version: .v1)),
        ("application/json", .object),
        ("application/json, */*", .object),
        ("*/*", .object),
        ("application/json;q=0.5,application/json;as=Table;v=v1;g=meta.k8s.io", .table(version: .v1)),
        ("application/json,application/json;as=Table;v=v1;g=meta.k8s.io", .object),
        ("application/json;as=Table;v=v1;g=meta.k8s.io;q=0,application/json", .object),
        ("application/json;as=Table;v=v2;g=meta.k8s.io", .object),
        ("application/json;as=Table;v=v1;g=other.io", .object),
        ("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json", .object),
        ("application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json", .object),
        ("", .object),
    ] as [(String, TableNegotiation)])
    func negotiates(accept: String, expected: TableNegotiation) {
        #expect(TableNegotiation.negotiate(accept: accept) == expected)
    }

    @Test func contentTypeAndHelpers() {
        #expect(TableNegotiation.negotiate(accept: nil) == .object)
        #expect(TableNegotiation.contentType == "application/json")
        #expect(TableNegotiation.negotiate(accept: Self.kubectlGet).isTable)
        #expect(!TableNegotiation.object.isTable)
        #expect(TableVersion.v1.apiVersion == "meta.k8s.io/v1")
    }
}
