import TermLexicon
import TextNormalization

/// `GET /api/tag?text=…` and `POST /api/tag`: the JSON Lines records `lexalign tag` writes with
/// its default options, one per input line (a bad JSON line gets the record with `error` that
/// `tag --input jsonl` writes; the answer is still 200, as tag still writes every line).
struct TagEndpoint: Sendable {
    let lexicon: LexiconService

    func tag(_ text: [UInt8], input: TagLineProcessor.InputFormat) -> ServiceResponse {
        var options = TagLineProcessor.Options()
        options.input = input
        options.match = LexiconService.defaultMatch
        var bytes = text
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        do {
            let output = try lexicon.withFinder { finder -> Result<[UInt8], NormalizationSetupError> in
                Result { () throws(NormalizationSetupError) -> [UInt8] in
                    let processor = try TagLineProcessor(finder: finder, options: options)
                    var result = ChunkResult()
                    processor.process(LineChunk(bytes: bytes, firstLine: 1, byteOffset: 0), into: &result)
                    return result.output
                }
            }.get()
            return ServiceResponse(status: 200, headers: [("content-type", "application/x-ndjson; charset=utf-8")],
                                   body: output)
        } catch {
            return .error(500, "the tagger could not be set up: \(error)")
        }
    }
}
