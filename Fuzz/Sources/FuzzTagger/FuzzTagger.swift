/// libFuzzer target: `tag` with the built-in lexicon and the fuzzy pass at its default level —
/// the key text's character loop, the exact pass's trie walk, the fuzzy pass's word walk, word
/// memo, caches and edit-distance kernel, all of which read through buffer pointers.
///
/// One finder serves every input, as one serves every record of a run, so what its caches and
/// word memo kept from earlier inputs is exercised too. Each LF-separated line of the input is a
/// record, read in place from the whole buffer. Properties checked (README "Output"; FORMATS 4):
/// - mentions are in order, do not overlap, and lie inside the record's scalars, a title or head
///   word inside the mention; a fuzzy mention has a score from the default minimum to 1, the
///   others none;
/// - the record tagged again gives the same mentions (nothing the finder kept changes a result);
/// - `tag --format jsonl` writes one output line per input line.
import FuzzSupport
import TermLexicon
import TextNormalization

/// The built-in lexicon's model, compiled once (libFuzzer runs one thread).
let model = try! TaggingModel.load(LexiconSources.builtIn())
nonisolated(unsafe) let finder = try! model.makeFinder()
let minimum = FuzzyLevel.default.minimumScore!
let options = MatchOptions(fuzzyMinimum: minimum)
nonisolated(unsafe) let processor: TagLineProcessor = {
    var tagOptions = TagLineProcessor.Options()
    tagOptions.match = options
    return try! TagLineProcessor(finder: try! model.makeFinder(), options: tagOptions)
}()

func checkRecord(_ bytes: [UInt8], _ range: Range<Int>) {
    let mentions = finder.mentions(in: bytes, range, options: options)
    // The record's scalars as the finder read them (an invalid byte is a U+FFFD of its own).
    let scalars = finder.text.scalarCount
    require(scalars <= range.count, "[scalars] \(scalars) scalars in \(range.count) bytes: \(show(Array(bytes[range])))")
    var previousEnd = 0
    for mention in mentions {
        require(mention.start >= previousEnd && mention.start < mention.end && mention.end <= scalars,
                "[order] mention \(mention.start)..<\(mention.end) after \(previousEnd), \(scalars) scalars: \(show(Array(bytes[range])))")
        require(mention.nameStart >= mention.start && mention.nameStart < mention.end,
                "[name-start] \(mention.nameStart) outside \(mention.start)..<\(mention.end): \(show(Array(bytes[range])))")
        if let head = mention.head {
            require(head.lowerBound >= mention.start && head.upperBound <= mention.end,
                    "[head] \(head) outside \(mention.start)..<\(mention.end): \(show(Array(bytes[range])))")
        }
        if mention.kind == .fuzzy {
            let score = mention.score ?? -1
            require(score >= minimum - 1e-9 && score <= 1 + 1e-9,
                    "[score] fuzzy score \(score): \(show(Array(bytes[range])))")
        } else {
            require(mention.score == nil, "[score] a \(mention.kind) mention with a score: \(show(Array(bytes[range])))")
        }
        previousEnd = mention.end
    }
    let again = finder.mentions(in: bytes, range, options: options)
    require(again == mentions, "[again] tagged a second time: \(again.count) mentions, \(mentions.count) before: \(show(Array(bytes[range])))")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The only use of libFuzzer's pointer: copy its `size` bytes into an array at once; the buffer
    // is libFuzzer's and valid only during this call.
    let input = Array(UnsafeBufferPointer(start: data, count: size))

    let chunk = LineChunk(bytes: input, firstLine: 1, byteOffset: 0)
    chunk.forEachLine { range in checkRecord(input, range) }

    var result = ChunkResult()
    processor.process(chunk, into: &result)
    let expected = lineCount(input)
    require(lineCount(result.output) == expected, "[line-count] \(lineCount(result.output)) output lines for \(expected)")
    return 0
}
