/// A run of whole lines read from one input, the unit of work handed to a thread.
public struct LineChunk: Sendable {
    /// The lines' bytes, each ending in LF except possibly the last line of the input.
    public var bytes: [UInt8]
    /// The 1-based number of the first line in its input. `LineChunker` leaves it 0: the thread
    /// that processes the chunk numbers it (`ParallelLineRunner`), so the reading thread never
    /// counts lines.
    public var firstLine: Int
    /// The offset of `bytes[0]` from the start of its input.
    public var byteOffset: Int

    public init(bytes: [UInt8], firstLine: Int, byteOffset: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        self.byteOffset = byteOffset
    }

    /// The number of lines: line feeds, and one more for bytes after the last.
    public var lineCount: Int {
        var lines = ByteScan.lineFeeds(in: bytes)
        if let last = bytes.last, last != 0x0A { lines += 1 }
        return lines
    }

    /// Calls `body` with the byte range of every line, without its LF and without a CR before it.
    ///
    /// Line ends: LF ends a line; CRLF is read as one line end. A CR anywhere else stays in the
    /// line (the clean step turns it into a space). Bytes after the last LF form a last line.
    @inline(__always)
    public func forEachLine(_ body: (Range<Int>) throws -> Void) rethrows {
        var start = 0
        let count = bytes.count
        while start < count {
            let end = ByteScan.nextLineFeed(in: bytes, from: start)
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            try body(start..<contentEnd)
            start = end + 1
        }
    }
}

/// A line longer than the chunker reads: the rest of the input is not read.
public struct LineTooLong: Error, Equatable {
    /// The 1-based line number it starts at: 0 as `LineChunker` throws it (it does not count
    /// lines), set by `ParallelLineRunner` once the chunks before it are numbered.
    public var line: Int
    public var limit: Int
    /// What could not be cut: a line, or a paragraph or document the chunk had to hold whole.
    public var cut: ChunkCut = .anyLine

    public init(line: Int, limit: Int, cut: ChunkCut = .anyLine) {
        self.line = line
        self.limit = limit
        self.cut = cut
    }

    public var message: String {
        let what: String
        switch cut {
        case .anyLine: what = "line longer than \(limit >> 20) MiB (no line feed)"
        case .blankLine: what = "paragraph longer than \(limit >> 20) MiB (no blank line)"
        case .documentField(let field): what = "document longer than \(limit >> 20) MiB (records with one \"\(field)\")"
        case .endOfInput: what = "input longer than \(limit >> 20) MiB, the most one document may hold"
        }
        return what + ": the rest of this input is not read"
    }
}

/// Where bytes come from: a file, standard input, or memory in tests.
public protocol ByteSource {
    /// Reads at most `buffer.count - offset` bytes into `buffer[offset...]`, the buffer's own
    /// storage (no bytes are copied on the way); returns how many, 0 at the end of the input.
    mutating func read(into buffer: inout [UInt8], at offset: Int) throws -> Int

    /// Whether reading may wait for a writer (a pipe, a terminal, a socket), so that lines
    /// already read should be handed on before the next read rather than held for a full chunk.
    var mayWait: Bool { get }

    /// Whether a read now would return without waiting (data or the end of the input is there).
    /// Asked only when `mayWait`.
    func isReadable() -> Bool
}

extension ByteSource {
    public var mayWait: Bool { false }
    public func isReadable() -> Bool { true }
}

/// Bytes held in memory.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(into buffer: inout [UInt8], at offset: Int) throws -> Int {
        let count = min(buffer.count - offset, bytes.count - position)
        guard count > 0 else { return 0 }
        buffer.replaceSubrange(offset..<offset + count, with: bytes[position..<position + count])
        position += count
        return count
    }
}

/// Where a chunk may end, so that what a processor reads as one unit is never cut.
public enum ChunkCut: Equatable, Sendable {
    /// After any line.
    case anyLine
    /// Only after a blank line (empty, or spaces, tabs and CR): a paragraph of consecutive
    /// non-blank lines is never cut.
    case blankLine
    /// Only between JSON records whose values of this member differ: a document of consecutive
    /// records is never cut (a line that is not a JSON object is a document of its own).
    case documentField(String)
    /// Only at the end of the input: the whole input is one chunk, up to the line limit.
    case endOfInput
}

/// Cuts an input into chunks of whole lines of about `targetSize` bytes (more when one line is
/// longer, or when `cut` allows no cut sooner).
///
/// Input is read straight into the buffer a chunk is handed on in: `pending` holds `filled` bytes
/// read and room after them (`pending.count`, grown as reads need), the chunk takes it up to its last cut,
/// and only what follows the cut, part of a line, is copied into the next buffer. Buffers come
/// back through `recycle`, so reading neither copies the input nor faults in fresh pages; lines
/// are counted by whoever processes a chunk (`LineChunk.lineCount`), not here.
public struct LineChunker<Source: ByteSource> {
    private var source: Source
    private let targetSize: Int
    private let cut: ChunkCut
    private var pending: [UInt8] = []
    private var filled = 0
    private var atEnd = false
    private var nextOffset = 0
    /// Buffers of chunks already processed, reused so that reading does not fault in fresh pages.
    private var spareBuffers: [[UInt8]] = []

    /// The longest line (or paragraph, keeping paragraphs together) read: an input without line
    /// feeds (`/dev/zero`, a binary file) must not take all memory.
    private let maximumLine: Int

    public init(_ source: Source, targetSize: Int = 1 << 20, cut: ChunkCut = .anyLine,
                maximumLine: Int = LineChunker<Source>.defaultMaximumLine) {
        self.source = source
        self.targetSize = max(1, targetSize)
        self.cut = cut
        self.maximumLine = maximumLine
    }

    public static var defaultMaximumLine: Int { 256 << 20 }

    /// Whether `next()` would wait for a writer now: the source is a pipe or terminal with nothing
    /// to read yet, and no whole chunk is pending. Callers hand on the work they hold first, so a
    /// co-process that writes a line and waits for its answer gets it.
    public mutating func wouldWait() -> Bool {
        guard source.mayWait, !atEnd else { return false }
        if lastCut(in: pending, count: filled) != nil { return false }
        return !source.isReadable()
    }

    /// The next chunk, or nil when the input is exhausted.
    ///
    /// From a source that may wait, a chunk is cut as soon as nothing more is ready to read and
    /// whole lines are pending; from a file, chunks are about `targetSize` bytes.
    public mutating func next() throws -> LineChunk? {
        let mayWait = source.mayWait
        while !atEnd && filled < targetSize {
            let before = filled
            if try readMore() == 0 {
                atEnd = true
            } else if mayWait && lastCut(in: pending, count: filled, from: before) != nil && !source.isReadable() {
                break
            }
        }
        // A line longer than the buffer: read on until its end, the buffer growing.
        var cut = lastCut(in: pending, count: filled)
        while cut == nil && !atEnd {
            if filled > maximumLine { throw LineTooLong(line: 0, limit: maximumLine, cut: self.cut) }
            let searchFrom = filled
            if try readMore() == 0 {
                atEnd = true
            } else {
                cut = lastCut(in: pending, count: filled, from: searchFrom)
            }
        }
        if filled == 0 { return nil }
        // At the end of the input everything left is whole lines (the last may lack its LF).
        let end = atEnd ? filled : cut! + 1
        // The chunk takes the buffer; the part of a line after the cut moves to another.
        var next = buffer(holding: filled - end)
        next.replaceSubrange(0..<(filled - end), with: pending[end..<filled])
        var bytes = pending
        pending = next
        filled -= end
        bytes.removeSubrange(end...)
        let chunk = LineChunk(bytes: bytes, firstLine: 0, byteOffset: nextOffset)
        nextOffset += bytes.count
        return chunk
    }

    /// Reads into the free part of `pending`, making room first when there is none: up to
    /// `targetSize` a little at a time (a buffer comes back as long as its last chunk, and
    /// zero-filling it whole for each line from a pipe cost more than the line), beyond it doubling,
    /// for a line longer than a chunk.
    private mutating func readMore() throws -> Int {
        if filled == pending.count {
            let room = pending.count < targetSize
                ? min(max(1 << 12, pending.count), targetSize - pending.count)
                : min(pending.count, maximumLine + targetSize - pending.count)
            pending.append(contentsOf: repeatElement(0, count: max(room, 1)))
        }
        let count = try source.read(into: &pending, at: filled)
        filled += count
        return count
    }

    /// A buffer to start the next chunk in, holding at least `carried` bytes (the part of a line
    /// it starts with): a spare one when there is one, else a new one with room for a chunk. Its
    /// count grows as reads need it (`readMore`).
    private mutating func buffer(holding carried: Int) -> [UInt8] {
        var buffer = spareBuffers.popLast() ?? []
        if buffer.isEmpty { buffer.reserveCapacity(max(targetSize, 2 * carried)) }
        if buffer.count < carried { buffer.append(contentsOf: repeatElement(0, count: carried - buffer.count)) }
        return buffer
    }

    /// Hands back the bytes of a processed chunk for reuse (not those of a long line's chunk, which
    /// would hold its memory for the rest of the input).
    public mutating func recycle(_ buffer: [UInt8]) {
        if spareBuffers.count < 8 && buffer.capacity <= 4 * targetSize { spareBuffers.append(buffer) }
    }

    /// Where the chunk may end: the last LF of `bytes[..<count]` at or after `start` that `cut`
    /// allows. `bytes` starts at the start of a line.
    private func lastCut(in bytes: [UInt8], count: Int, from start: Int = 0) -> Int? {
        switch cut {
        case .anyLine: return lastLineFeed(in: bytes, from: start, before: count)
        case .blankLine: return lastParagraphEnd(in: bytes, count: count, from: start)
        case .documentField(let field): return lastDocumentCut(in: bytes, count: count, from: start, field: field)
        case .endOfInput: return nil
        }
    }

    /// The last LF of `bytes[..<count]` at or after `start` that ends a blank line.
    private func lastParagraphEnd(in bytes: [UInt8], count: Int, from start: Int) -> Int? {
        var index = count - 1
        while index >= start {
            guard bytes[index] == 0x0A else {
                index -= 1
                continue
            }
            var back = index - 1
            while back >= 0 && (bytes[back] == 0x20 || bytes[back] == 0x09 || bytes[back] == 0x0D) { back -= 1 }
            if back < 0 || bytes[back] == 0x0A { return index }
            index = back - 1
        }
        return nil
    }

    /// The last LF of `bytes[..<count]` at or after `start` between two whole lines whose records
    /// name different documents (a line that is not a JSON object is a document of its own).
    private func lastDocumentCut(in bytes: [UInt8], count: Int, from start: Int, field: String) -> Int? {
        var lineEnd = lastLineFeed(in: bytes, from: 0, before: count)
        // The line after a candidate cut must be whole to be read.
        while let end = lineEnd, end >= start {
            guard let previousEnd = lastLineFeed(in: bytes, from: 0, before: end) else { return nil }
            let previousStart = (lastLineFeed(in: bytes, from: 0, before: previousEnd) ?? -1) + 1
            let before = JSONRecord.rawValue(of: field, in: bytes, previousStart..<previousEnd)
            let after = JSONRecord.rawValue(of: field, in: bytes, (previousEnd + 1)..<end)
            if before == nil || after == nil || before! != after! { return previousEnd }
            lineEnd = previousEnd
        }
        return nil
    }

    /// The last LF of `bytes[start..<limit]`.
    private func lastLineFeed(in bytes: [UInt8], from start: Int, before limit: Int) -> Int? {
        var index = limit - 1
        while index >= start {
            if bytes[index] == 0x0A { return index }
            index -= 1
        }
        return nil
    }
}
