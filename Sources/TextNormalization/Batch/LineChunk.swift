/// A run of whole lines read from one input, the unit of work handed to a thread.
public struct LineChunk: Sendable {
    /// The lines' bytes, each ending in LF except possibly the last line of the input.
    public var bytes: [UInt8]
    /// The 1-based number of the first line in its input.
    public var firstLine: Int
    /// The offset of `bytes[0]` from the start of its input.
    public var byteOffset: Int

    public init(bytes: [UInt8], firstLine: Int, byteOffset: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        self.byteOffset = byteOffset
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
    /// The 1-based line number it starts at.
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
    /// Appends at most `maximum` bytes to `buffer`; returns how many, 0 at the end of the input.
    mutating func read(appendingTo buffer: inout [UInt8], maximum: Int) throws -> Int

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

    public mutating func read(appendingTo buffer: inout [UInt8], maximum: Int) throws -> Int {
        let count = min(maximum, bytes.count - position)
        buffer.append(contentsOf: bytes[position..<position + count])
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
public struct LineChunker<Source: ByteSource> {
    private var source: Source
    private let targetSize: Int
    private let cut: ChunkCut
    private var pending: [UInt8] = []
    private var atEnd = false
    private var nextLine = 1
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
        if lastCut(in: pending) != nil { return false }
        return !source.isReadable()
    }

    /// The next chunk, or nil when the input is exhausted.
    ///
    /// From a source that may wait, a chunk is cut as soon as nothing more is ready to read and
    /// whole lines are pending; from a file, chunks are about `targetSize` bytes.
    public mutating func next() throws -> LineChunk? {
        let mayWait = source.mayWait
        while !atEnd && pending.count < targetSize {
            let before = pending.count
            if try source.read(appendingTo: &pending, maximum: targetSize) == 0 {
                atEnd = true
            } else if mayWait && lastCut(in: pending, from: before) != nil && !source.isReadable() {
                break
            }
        }
        // A line longer than the target: read on until its end.
        var cut = lastCut(in: pending)
        while cut == nil && !atEnd {
            if pending.count > maximumLine { throw LineTooLong(line: nextLine, limit: maximumLine, cut: self.cut) }
            let searchFrom = pending.count
            if try source.read(appendingTo: &pending, maximum: targetSize) == 0 {
                atEnd = true
            } else {
                cut = lastCut(in: pending, from: searchFrom)
            }
        }
        if pending.isEmpty { return nil }
        // At the end of the input everything left is whole lines (the last may lack its LF).
        let end = atEnd ? pending.count : cut! + 1
        // The chunk takes the pending buffer; the part of a line after the cut moves to another.
        var bytes = pending
        var rest = spareBuffers.popLast() ?? []
        rest.removeAll(keepingCapacity: true)
        rest.append(contentsOf: bytes[end...])
        pending = rest
        bytes.removeSubrange(end...)
        let chunk = LineChunk(bytes: bytes, firstLine: nextLine, byteOffset: nextOffset)
        nextLine += lineCount(of: bytes)
        nextOffset += bytes.count
        return chunk
    }

    /// Hands back the bytes of a processed chunk for reuse.
    public mutating func recycle(_ buffer: [UInt8]) {
        if spareBuffers.count < 8 { spareBuffers.append(buffer) }
    }

    /// Where the chunk may end: the last LF of `bytes` at or after `start` that `cut` allows.
    /// `bytes` starts at the start of a line.
    private func lastCut(in bytes: [UInt8], from start: Int = 0) -> Int? {
        switch cut {
        case .anyLine: return lastLineFeed(in: bytes, from: start)
        case .blankLine: return lastParagraphEnd(in: bytes, from: start)
        case .documentField(let field): return lastDocumentCut(in: bytes, from: start, field: field)
        case .endOfInput: return nil
        }
    }

    /// The last LF at or after `start` that ends a blank line.
    private func lastParagraphEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = bytes.count - 1
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

    /// The last LF at or after `start` between two whole lines whose records name different
    /// documents (a line that is not a JSON object is a document of its own).
    private func lastDocumentCut(in bytes: [UInt8], from start: Int, field: String) -> Int? {
        var lineEnd = lastLineFeed(in: bytes, from: 0)
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

    private func lastLineFeed(in bytes: [UInt8], from start: Int, before limit: Int) -> Int? {
        var index = limit - 1
        while index >= start {
            if bytes[index] == 0x0A { return index }
            index -= 1
        }
        return nil
    }

    private func lastLineFeed(in bytes: [UInt8], from start: Int = 0) -> Int? {
        var index = bytes.count - 1
        while index >= start {
            if bytes[index] == 0x0A { return index }
            index -= 1
        }
        return nil
    }

    private func lineCount(of bytes: [UInt8]) -> Int {
        // This runs on the reading thread for every byte, while the workers wait for chunks.
        var lines = ByteScan.lineFeeds(in: bytes)
        if let last = bytes.last, last != 0x0A { lines += 1 }
        return lines
    }
}
