import Dispatch

/// Runs one `LineProcessor` per thread over the chunks of an input and hands the results on in
/// input order.
///
/// Chunks are read in batches of two per job and processed concurrently; a batch's results are
/// emitted in order before the next batch is read, so memory stays at a few chunks whatever the
/// size of the input.
public struct ParallelLineRunner {
    public let processors: [LineProcessor]
    public let chunkSize: Int

    /// - Parameter processors: one per job; their count is the parallelism.
    public init(processors: [LineProcessor], chunkSize: Int = 1 << 20) {
        precondition(!processors.isEmpty)
        self.processors = processors
        self.chunkSize = chunkSize
    }

    public func run<Source: ByteSource>(_ source: Source, emit: (ChunkResult) throws -> Void) throws {
        var chunker = LineChunker(source, targetSize: chunkSize)
        // Result buffers are reused from chunk to chunk: growing fresh megabyte buffers every time
        // costs page faults, which threads pay for under one lock.
        if processors.count == 1 {
            var result = ChunkResult()
            while let chunk = try chunker.next() {
                result.reset()
                processors[0].process(chunk, into: &result)
                try emit(result)
            }
            return
        }
        let batchSize = processors.count * 2
        let slots = (0..<batchSize).map { _ in ResultSlot() }
        while true {
            var chunks: [LineChunk] = []
            while chunks.count < batchSize, let chunk = try chunker.next() { chunks.append(chunk) }
            if chunks.isEmpty { return }
            for slot in slots { slot.result.reset() }
            let work = BatchWork(chunks: chunks, slots: slots, processors: processors)
            // One task per worker on the global pool; `concurrentPerform` was seen to run every
            // iteration on the calling thread when the iterations were short.
            let group = DispatchGroup()
            for worker in 1..<processors.count {
                DispatchQueue.global().async(group: group) { work.run(worker: worker) }
            }
            work.run(worker: 0)
            group.wait()
            for slot in slots.prefix(chunks.count) { try emit(slot.result) }
        }
    }
}

/// One chunk's result, written by exactly one worker and read after all workers have finished.
private final class ResultSlot: @unchecked Sendable {
    var result = ChunkResult()
}

/// The chunks of a batch shared out between workers: worker k takes chunks k, k + jobs, ...
/// Each processor and each slot is touched by one worker only, and the batch waits for all of
/// them, which is what makes the unchecked sendability sound.
private final class BatchWork: @unchecked Sendable {
    let chunks: [LineChunk]
    let slots: [ResultSlot]
    let processors: [LineProcessor]

    init(chunks: [LineChunk], slots: [ResultSlot], processors: [LineProcessor]) {
        self.chunks = chunks
        self.slots = slots
        self.processors = processors
    }

    func run(worker: Int) {
        var index = worker
        while index < chunks.count {
            processors[worker].process(chunks[index], into: &slots[index].result)
            index += processors.count
        }
    }
}
