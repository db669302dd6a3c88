/// libFuzzer target: `lexalign normalize` over arbitrary bytes — UTF-8 decoding and cleaning (the
/// internal `LineDecoder`), ICU normalisation, orthography, key folding and romanisation, reached
/// through the public `NormalizeLineProcessor` exactly as the CLI reaches them.
///
/// Properties checked (README "The pipeline" and "Line ends and bad input"; ARCHITECTURE 6):
/// - exactly one output line per input line (LF-separated, a last line without LF counts);
/// - the output is valid UTF-8;
/// - each form is idempotent: normalising the output again changes nothing;
/// - the output does not depend on how the input is cut into chunks (it is the same for any --jobs).
import FuzzSupport
import TextNormalization

/// One processor per option set, made on first use and kept: a context takes milliseconds to
/// build. libFuzzer calls the target on one thread only, so the unsynchronised cache is safe.
nonisolated(unsafe) var processors: [NormalizationOptions: NormalizeLineProcessor] = [:]

func processor(_ options: NormalizationOptions) -> NormalizeLineProcessor {
    if let processor = processors[options] { return processor }
    // A setup failure is the toolchain's or ICU's, not the input's: stop loudly.
    let context = try! NormalizationContext.shared(options)
    let processor = NormalizeLineProcessor(normalizer: try! context.makeNormalizer(), format: .text)
    processors[options] = processor
    return processor
}

func run(_ options: NormalizationOptions, _ bytes: [UInt8]) -> ChunkResult {
    var result = ChunkResult()
    processor(options).process(LineChunk(bytes: bytes, firstLine: 1, byteOffset: 0), into: &result)
    return result
}

func check(_ input: [UInt8], _ options: NormalizationOptions) {
    let name = "form \(options.form), lang \(options.language?.rawValue ?? "auto"), digits \(options.effectiveDigits)"
    let once = run(options, input)
    let expected = lineCount(input)
    require(once.lineCount == expected, "[line-count] \(name): processor counted \(once.lineCount) lines, input has \(expected)")
    require(lineCount(once.output) == expected,
            "[line-count] \(name): \(lineCount(once.output)) output lines for \(expected) input lines; output \(show(once.output))")
    require(String(validating: once.output, as: UTF8.self) != nil, "[utf8] \(name): output is not UTF-8: \(show(once.output))")

    let twice = run(options, once.output)
    if twice.output != once.output {
        let first = lines(once.output), second = lines(twice.output)
        let index = first.indices.first { $0 >= second.count || first[$0] != second[$0] } ?? 0
        let then = index < second.count ? show(second[index]) : "nothing"
        require(false, "[idempotence/\(options.form)] \(name): line \(index + 1) normalises to \(show(first[index])) and then to \(then)")
    }
}

/// The same input cut by `LineChunker` into chunks of about `targetSize` bytes, as the CLI reads
/// it: the output and issues must not depend on where the chunks end.
func checkChunking(_ input: [UInt8], _ options: NormalizationOptions, targetSize: Int) {
    let whole = run(options, input)
    var chunker = LineChunker(MemoryByteSource(input), targetSize: targetSize)
    var pieces = ChunkResult()
    // The chunker leaves a chunk's first line to whoever runs it (`ParallelLineRunner` numbers
    // them in order), so that the lines are counted by the thread that processes them.
    var nextLine = 1
    while var chunk = try! chunker.next() {
        chunk.firstLine = nextLine
        nextLine += chunk.lineCount
        processor(options).process(chunk, into: &pieces)
    }
    require(pieces.output == whole.output, "[chunking] target size \(targetSize): output differs from one chunk's")
    require(pieces.issues == whole.issues, "[chunking] target size \(targetSize): issues differ from one chunk's")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The only use of libFuzzer's pointer: copy its `size` bytes into an array at once; the buffer
    // is libFuzzer's and valid only during this call.
    let input = Array(UnsafeBufferPointer(start: data, count: size))

    // Every form with the defaults the CLI uses (language decided per line).
    for form in NormalizationForm.allCases { check(input, NormalizationOptions(form: form)) }
    // One more option set, picked by the first bytes so every combination of form, fixed language
    // and digit policy is reached without a header the seed files would lack.
    if input.count >= 3 {
        let languages: [Language?] = [nil, .english, .dari, .pashto]
        let options = NormalizationOptions(form: NormalizationForm.allCases[Int(input[0]) % 3],
                                           language: languages[Int(input[1]) % 4],
                                           digits: DigitPolicy.allCases[Int(input[2]) % 2])
        check(input, options)
        checkChunking(input, options, targetSize: 1 + Int(input[2]) % 64)
    }
    return 0
}
