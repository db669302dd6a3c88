/// Byte strings side by side in one array: string k is `bytes[starts[k]..<starts[k + 1]]`. The hot
/// loop of the fuzzy pass reads thousands of them per record, and an array of arrays costs a
/// retain and a release for each one read.
struct PackedStrings: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int32] = [0]

    var count: Int { starts.count - 1 }

    init() {}

    /// Strings as `bytes` and `starts` of packed ones describe them (an archive's), when they fit.
    init?(bytes: [UInt8], starts: [Int32]) {
        guard starts.first == 0, starts.last == Int32(bytes.count),
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.bytes = bytes
        self.starts = starts
    }

    mutating func append<C: Collection>(_ string: C) where C.Element == UInt8 {
        bytes.append(contentsOf: string)
        starts.append(Int32(bytes.count))
    }

    @inline(__always)
    subscript(_ index: Int) -> ArraySlice<UInt8> {
        bytes[Int(starts[index])..<Int(starts[index + 1])]
    }

    @inline(__always)
    func length(_ index: Int) -> Int { Int(starts[index + 1] - starts[index]) }
}
