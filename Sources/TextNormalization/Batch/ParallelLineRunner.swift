import Dispatch
import Synchronization

/// Runs one `LineProcessor` per worker thread over the chunks of an input and hands the results
/// on in input order.
///
/// The calling thread reads chunks, writes results in order, and processes chunks itself between
/// the two; the other threads only process. At most two chunks per job are read ahead, so memory
/// stays at a few chunks whatever the input's size, and no worker waits for another (a slow chunk
/// holds up the writing, not the other workers).
public struct ParallelLineRunner {
    public let processors: [LineProcessor]
    public let chunkSize: Int
    /// Where chunks may end: processors that read paragraphs or documents as one unit get them whole.
    public let cut: ChunkCut

    /// The longest line (or unit `cut` keeps whole) read before the input is given up.
    public let maximumLine: Int

    /// - Parameter processors: one per job; their count is the parallelism.
    public init(processors: [LineProcessor], chunkSize: Int = 1 << 19, cut: ChunkCut = .anyLine,
                maximumLine: Int = LineChunker<MemoryByteSource>.defaultMaximumLine) {
        precondition(!processors.isEmpty)
        self.processors = processors
        self.chunkSize = chunkSize
        self.cut = cut
        self.maximumLine = maximumLine
    }

    /// - Parameters:
    ///   - emit: takes each chunk's result, in input order.
    ///   - flush: called when every result read so far has been emitted and the next read would
    ///     wait for a writer (a pipe or terminal), so output reaches a co-process before it has to
    ///     write more. Never called for regular files.
    public func run<Source: ByteSource>(_ source: Source, emit: (ChunkResult) throws -> Void,
                                        flush: () throws -> Void = {}) throws {
        var chunker = LineChunker(source, targetSize: chunkSize, cut: cut, maximumLine: maximumLine)
        if processors.count == 1 {
            // Result buffers are reused from chunk to chunk: growing fresh megabyte buffers
            // every time costs page faults.
            var result = ChunkResult()
            var nextLine = 1
            while true {
                if chunker.wouldWait() { try flush() }
                let next: LineChunk?
                do {
                    next = try chunker.next()
                } catch var tooLong as LineTooLong {
                    tooLong.line = nextLine
                    throw tooLong
                }
                guard var chunk = next else { break }
                chunk.firstLine = nextLine
                nextLine += chunk.lineCount
                result.reset()
                processors[0].process(chunk, into: &result)
                try emit(result)
                chunker.recycle(chunk.bytes)
            }
            return
        }
        let pool = WorkerPool(processors: processors)
        defer { pool.stop() }
        let readAhead = processors.count * 2
        var submitted = 0
        var emitted = 0
        var atEnd = false
        /// Processes and writes every chunk submitted, in order.
        func drain() throws {
            while emitted < submitted {
                if let result = pool.readyResult(sequence: emitted) {
                    try emit(result)
                    pool.recycle(result)
                    emitted += 1
                } else if !pool.workOnce(as: 0) {
                    pool.waitForAnyResult()
                }
            }
        }
        while true {
            while !atEnd && submitted - emitted < readAhead {
                for buffer in pool.takeSpareInputs() { chunker.recycle(buffer) }
                if chunker.wouldWait() {
                    // Finish and write everything read so far before waiting for more input.
                    try drain()
                    try flush()
                }
                let next: LineChunk?
                do {
                    next = try chunker.next()
                } catch {
                    // What was read before the input failed is written first, as with one job;
                    // then a line too long gets its number, known once every chunk is counted.
                    try drain()
                    guard var tooLong = error as? LineTooLong else { throw error }
                    tooLong.line = pool.lineAfterNumbered()
                    throw tooLong
                }
                if let chunk = next {
                    pool.submit(chunk, sequence: submitted)
                    submitted += 1
                } else {
                    atEnd = true
                }
            }
            // Write out whatever is ready, in order.
            while let result = pool.readyResult(sequence: emitted) {
                try emit(result)
                pool.recycle(result)
                emitted += 1
            }
            if emitted == submitted && atEnd { return }
            if submitted - emitted < readAhead && !atEnd { continue }
            // The calling thread is a worker too (processor 0): with as many threads as jobs, no
            // worker shares its core with the reading and writing.
            if !pool.workOnce(as: 0) {
                pool.waitForAnyResult()
            }
        }
    }
}

/// Worker threads that take chunks from a queue and leave results keyed by sequence number.
///
/// Worker k only ever uses processor k, and every shared field lives behind the mutex, which is
/// what makes the unchecked sendability sound.
///
/// Chunks are numbered by the threads that process them, not by the reading thread: a worker
/// counts its chunk's lines first thing and publishes the count, then waits until every earlier
/// chunk's count is known to learn its first line. Chunks are taken in order and counted as soon
/// as taken, so the wait is at most the count of the chunk taken just before (a `memchr` pass);
/// no count ever waits for anything, so numbering cannot deadlock.
private final class WorkerPool: @unchecked Sendable {
    private struct State {
        /// At most two chunks per job: taken from the front, so a chunk taken is no longer held
        /// here (its buffer comes back through `spareInputs`, and must be the only reference to it
        /// to be reused rather than copied).
        var queue: [(sequence: Int, chunk: LineChunk)] = []
        var results: [Int: ChunkResult] = [:]
        var spareResults: [ChunkResult] = []
        var spareInputs: [[UInt8]] = []
        var closed = false
        /// Line counts published ahead of an uncounted earlier chunk, by sequence.
        var lineCounts: [Int: Int] = [:]
        /// First lines of chunks whose predecessors are all counted, until their worker takes them.
        var firstLines: [Int: Int] = [:]
        /// The first chunk not yet numbered, and the line it starts at.
        var numberedThrough = 0
        var nextFirstLine = 1
        /// Threads waiting in `firstLine(of:)`.
        var lineWaiters = 0
    }

    private let processors: [LineProcessor]
    private let state = Mutex(State())
    private let workAvailable = DispatchSemaphore(value: 0)
    private let resultAvailable = DispatchSemaphore(value: 0)
    private let linesNumbered = DispatchSemaphore(value: 0)
    private let workersFinished = DispatchGroup()

    init(processors: [LineProcessor]) {
        self.processors = processors
        // Processor 0 belongs to the calling thread (`workOnce`).
        for worker in processors.indices.dropFirst() {
            workersFinished.enter()
            DispatchQueue.global().async { self.work(as: worker) }
        }
    }

    func submit(_ chunk: LineChunk, sequence: Int) {
        state.withLock { $0.queue.append((sequence, chunk)) }
        workAvailable.signal()
    }

    /// The result of chunk `sequence` if it is ready.
    func readyResult(sequence: Int) -> ChunkResult? {
        state.withLock { $0.results.removeValue(forKey: sequence) }
    }

    /// Blocks until some worker has finished a chunk.
    func waitForAnyResult() {
        resultAvailable.wait()
    }

    /// Processes one queued chunk on the calling thread with processor `worker`; false when the
    /// queue was empty.
    func workOnce(as worker: Int) -> Bool {
        guard var next = takeWork() else { return false }
        finish(&next, with: processors[worker], signal: false)
        return true
    }

    private func takeWork() -> (sequence: Int, chunk: LineChunk, result: ChunkResult)? {
        state.withLock { state in
            guard !state.queue.isEmpty else { return nil }
            let item = state.queue.removeFirst()
            return (item.sequence, item.chunk, state.spareResults.popLast() ?? ChunkResult())
        }
    }

    /// Takes the chunk and the result buffer out of `work` (swapped, not copied: a buffer held twice
    /// would be copied by its first change, and a chunk's worth of fresh memory faulted in), so each
    /// is held once while the chunk is processed and once when handed back.
    private func finish(_ work: inout (sequence: Int, chunk: LineChunk, result: ChunkResult),
                        with processor: LineProcessor, signal: Bool) {
        let sequence = work.sequence
        var chunk = LineChunk(bytes: [], firstLine: 0, byteOffset: 0)
        var result = ChunkResult()
        swap(&chunk, &work.chunk)
        swap(&result, &work.result)
        publish(lines: chunk.lineCount, of: sequence)
        chunk.firstLine = firstLine(of: sequence)
        result.reset()
        processor.process(chunk, into: &result)
        var bytes: [UInt8] = []
        swap(&bytes, &chunk.bytes)
        state.withLock { state in
            state.results[sequence] = result
            state.spareInputs.append(bytes)
            // Let go inside the lock: once it is released, another thread may take these.
            result = ChunkResult()
            bytes = []
        }
        if signal { resultAvailable.signal() }
    }

    /// Records chunk `sequence`'s line count and numbers every chunk it completes the counts for.
    private func publish(lines: Int, of sequence: Int) {
        let waiters = state.withLock { state in
            state.lineCounts[sequence] = lines
            while let count = state.lineCounts.removeValue(forKey: state.numberedThrough) {
                state.firstLines[state.numberedThrough] = state.nextFirstLine
                state.nextFirstLine += count
                state.numberedThrough += 1
            }
            defer { state.lineWaiters = 0 }
            return state.lineWaiters
        }
        for _ in 0..<waiters { linesNumbered.signal() }
    }

    /// The first line of chunk `sequence`, once every chunk before it is counted.
    private func firstLine(of sequence: Int) -> Int {
        while true {
            let known: Int? = state.withLock { state in
                if let line = state.firstLines.removeValue(forKey: sequence) { return line }
                state.lineWaiters += 1
                return nil
            }
            if let known { return known }
            linesNumbered.wait()
        }
    }

    /// The line after every chunk numbered so far: after `drain`, the first line of what was not read.
    func lineAfterNumbered() -> Int {
        state.withLock { $0.nextFirstLine }
    }

    /// Gives a result's buffers back for another chunk.
    func recycle(_ result: ChunkResult) {
        state.withLock { $0.spareResults.append(result) }
    }

    /// The byte buffers of chunks the workers are done with.
    func takeSpareInputs() -> [[UInt8]] {
        state.withLock { state in
            defer { state.spareInputs.removeAll() }
            return state.spareInputs
        }
    }

    /// Ends the workers once the queue is empty and waits for them.
    func stop() {
        state.withLock { $0.closed = true }
        for _ in processors.dropFirst() { workAvailable.signal() }
        workersFinished.wait()
    }

    private func work(as worker: Int) {
        defer { workersFinished.leave() }
        while true {
            workAvailable.wait()
            guard var next = takeWork() else {
                // The calling thread took this chunk, or the pool is closing.
                if state.withLock({ $0.closed }) { return }
                continue
            }
            finish(&next, with: processors[worker], signal: true)
        }
    }
}
