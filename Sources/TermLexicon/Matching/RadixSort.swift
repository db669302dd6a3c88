/// A stable least-significant-digit radix sort of 64-bit sort keys with a payload each: linear in
/// their number, where a comparison sort of millions of keys is several times slower. The label
/// trie sorts its keys' heads with it, and the fuzzy index its bucket pairs by hash.
enum RadixSort {
    /// Sorts `keys` by their bits `lowestBit ..< lowestBit + passes * digitBits`, keys with equal
    /// bits there keeping their order, and moves `payload[i]` with `keys[i]`.
    static func sort<Payload>(_ keys: inout [UInt64], carrying payload: inout [Payload], lowestBit: Int,
                              digitBits: Int, passes: Int) {
        let count = keys.count
        precondition(payload.count == count && lowestBit + passes * digitBits <= 64, "radix sort out of range")
        guard count > 1 else { return }
        let radix = 1 << digitBits, mask = UInt64(radix - 1)
        // Every digit's counts in one pass over the keys, then each digit's start offsets.
        var offsets = [Int](repeating: 0, count: passes * radix)
        for key in keys {
            for pass in 0..<passes {
                offsets[pass * radix + Int((key >> UInt64(lowestBit + pass * digitBits)) & mask)] += 1
            }
        }
        for pass in 0..<passes {
            var total = 0
            for digit in (pass * radix)..<(pass * radix + radix) {
                let digitCount = offsets[digit]
                offsets[digit] = total
                total += digitCount
            }
        }
        // Sorted from `keys` into the other buffer and back, a digit at a time.
        var targetKeys = keys, targetPayload = payload
        for pass in 0..<passes {
            let shift = UInt64(lowestBit + pass * digitBits), row = pass * radix
            for index in 0..<count {
                let key = keys[index]
                let digit = row + Int((key >> shift) & mask)
                let position = offsets[digit]
                targetKeys[position] = key
                targetPayload[position] = payload[index]
                offsets[digit] = position + 1
            }
            swap(&keys, &targetKeys)
            swap(&payload, &targetPayload)
        }
    }
}
