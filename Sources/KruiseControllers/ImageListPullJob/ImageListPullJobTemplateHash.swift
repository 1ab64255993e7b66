public import KruiseAPI
import KubeJSON
import KubeModel

/// The `controller-revision-hash` of an ImageListPullJob's template (upstream `refreshJobTemplateHash`:
/// fnv32a of the template, rendered with `rand.SafeEncodeString`): an FNV-1a over the template's canonical JSON
/// (keys sorted), its decimal digits mapped onto the safe alphabet. It only has to be stable and to change
/// when the template does: it never has to match upstream's bytes, as only this controller compares it.
public enum ImageListPullJobTemplateHash {
    /// The hash of `job`'s template: its spec without `images`.
    public static func of(_ job: ImageListPullJob) -> String {
        self.of(job.spec.template)
    }

    /// The hash of `template`.
    public static func of(_ template: ImagePullJobTemplate) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in template.json.serialized(options: JSONWriter.Options(sortedKeys: true)) {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let alphabet = CloneSetRevisions.safeAlphabet
        return String(String(hash).unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
    }
}
