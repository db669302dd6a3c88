/// Values grouped by a small integer key (an entity's number), in two flat arrays built by a
/// counting sort: a group is read by slicing, with no hashing and no array per key.
struct GroupedValues: Sendable {
    /// Key k's values are `values[starts[k]..<starts[k + 1]]`, in the order they were given.
    private let starts: [Int32]
    private let values: [Int32]

    /// Groups `pairs` (key, value) for keys `0..<keyCount`.
    init(keyCount: Int, pairs: [(key: Int32, value: Int32)]) {
        var starts = [Int32](repeating: 0, count: keyCount + 1)
        for pair in pairs { starts[Int(pair.key) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var values = [Int32](repeating: 0, count: pairs.count)
        for pair in pairs {
            values[Int(next[Int(pair.key)])] = pair.value
            next[Int(pair.key)] += 1
        }
        self.starts = starts
        self.values = values
    }

    /// The values of `key`; none for a key outside the range.
    subscript(key: Int32) -> ArraySlice<Int32> {
        guard key >= 0, Int(key) + 1 < starts.count else { return [] }
        return values[Int(starts[Int(key)])..<Int(starts[Int(key) + 1])]
    }
}
