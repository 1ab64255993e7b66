@testable import LocalCluster
import Testing

/// The schema tables are consistent: every reference resolves, numbers and names are unique.
@Suite("Protobuf schema tables")
struct ProtobufSchemaTests {
    @Test("every nested message a field names is in the schema")
    func referencesResolve() {
        for message in ProtobufSchema.messagesByName.values {
            for field in message.fields {
                if case .message(let name) = field.type {
                    #expect(ProtobufSchema.message(named: name) != nil, "\(message.name).\(field.jsonName) -> \(name)")
                }
            }
        }
    }

    @Test("field numbers and JSON names are unique within each message")
    func uniqueFields() {
        for message in ProtobufSchema.messagesByName.values {
            #expect(message.fieldIndexByNumber.count == message.fields.count, "\(message.name)")
            let names = message.fields.map(\.jsonName).filter { !$0.isEmpty }
            #expect(Set(names).count == names.count, "\(message.name)")
            for field in message.fields {
                #expect(field.number > 0 && field.number <= ProtobufFieldKey.maximumFieldNumber)
                #expect((field.presence == .inline) == field.jsonName.isEmpty, "\(message.name).\(field.number)")
            }
        }
    }

    @Test("every kind resolves to a message with metadata as field 1")
    func kinds() {
        var count = 0
        for (apiVersion, kinds) in ProtobufSchema.kinds {
            for kind in kinds.keys {
                let message = ProtobufSchema.message(apiVersion: apiVersion, kind: kind)
                #expect(message != nil, "\(apiVersion) \(kind)")
                #expect(message?.fields.first?.jsonName == "metadata")
                #expect(message?.fields.first?.number == 1)
                count += 1
            }
        }
        #expect(count == 20)
        #expect(ProtobufSchema.message(apiVersion: "apps/v1", kind: "Namespace") == nil)
    }

    @Test("well-known ObjectMeta numbers")
    func objectMetaNumbers() throws {
        let message = try #require(ProtobufSchema.message(named: "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"))
        let numbers = Dictionary(uniqueKeysWithValues: message.fields.map { ($0.jsonName, $0.number) })
        #expect(numbers["name"] == 1)
        #expect(numbers["generateName"] == 2)
        #expect(numbers["namespace"] == 3)
        #expect(numbers["uid"] == 5)
        #expect(numbers["resourceVersion"] == 6)
        #expect(numbers["generation"] == 7)
        #expect(numbers["creationTimestamp"] == 8)
        #expect(numbers["labels"] == 11)
        #expect(numbers["annotations"] == 12)
        #expect(numbers["ownerReferences"] == 13)
        #expect(numbers["finalizers"] == 14)
        #expect(numbers["managedFields"] == 17)
    }
}
