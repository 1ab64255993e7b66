import ContainerRuntime
import GRPCCore
import Testing
import CRIClient

@Suite("CRI error mapping")
struct CRIErrorMappingTests {
    @Test("the four codes ContainerRuntimeError names keep their code and message, as the kubelet prints them")
    func direct() {
        let notFound = CRIErrorMapping.runtimeError(RPCError(
            code: .notFound,
            message: "failed to pull and unpack image \"localhost:5000/base:gone\": failed to resolve reference \"localhost:5000/base:gone\": localhost:5000/base:gone: not found"))
        #expect(notFound.code == .notFound)
        #expect(notFound.description.hasPrefix("rpc error: code = NotFound desc = failed to pull and unpack image \"localhost:5000/base:gone\""))
        #expect(CRIErrorMapping.runtimeError(RPCError(code: .unavailable, message: "connection refused"))
            == ContainerRuntimeError(code: .unavailable, message: "connection refused"))
        #expect(CRIErrorMapping.runtimeError(RPCError(code: .invalidArgument, message: "bad ref"))
            == ContainerRuntimeError(code: .invalidArgument, message: "bad ref"))
        #expect(CRIErrorMapping.runtimeError(RPCError(code: .unknown, message: "401 Unauthorized")).description
            == "rpc error: code = Unknown desc = 401 Unauthorized")
    }

    @Test("every other code keeps grpc-go's name")
    func others() {
        #expect(CRIErrorMapping.runtimeError(RPCError(code: .deadlineExceeded, message: "context deadline exceeded")).description
            == "rpc error: code = DeadlineExceeded desc = context deadline exceeded")
        #expect(CRIErrorMapping.runtimeError(RPCError(code: .unimplemented, message: "")).description
            == "rpc error: code = Unimplemented desc = ")
        #expect(CRIErrorMapping.runtimeError(RPCError(code: .internalError, message: "boom")).code == .internal)
        #expect(CRIErrorMapping.goName(.cancelled) == "Canceled")
        #expect(CRIErrorMapping.goName(.internalError) == "Internal")
        #expect(CRIErrorMapping.goName(.unauthenticated) == "Unauthenticated")
    }

    @Test("non-gRPC errors")
    func nonGRPC() {
        let runtimeError = ContainerRuntimeError(code: .notFound, message: "x")
        #expect(CRIErrorMapping.runtimeError(runtimeError) == runtimeError)
        #expect(CRIErrorMapping.runtimeError(CancellationError()).description == "rpc error: code = Canceled desc = context canceled")
        struct Odd: Error, CustomStringConvertible { var description: String { "odd" } }
        #expect(CRIErrorMapping.runtimeError(Odd()) == ContainerRuntimeError(code: .unknown, message: "odd"))
    }
}
