/// A segment table as runs of entries, so that the tables of the default options can be kept in
/// the source (`KeptSegmentTables`) as constant arrays and read at start-up rather than built from
/// ICU, which cost 2.8 M instructions a table: most of what a one-line `normalize` did.
///
/// Two words a run: the first unit in the high half and the last in the low half, then the raw
/// entry every unit of the run has, or `SegmentTable.writtenAsItself` when each unit of the run is
/// written as its own UTF-8. Runs are in order and do not overlap; units in no run are slow. The
/// pool goes with them as it is.
extension SegmentTable {
    /// Marks a run whose units are each written as their own UTF-8 (not an entry: as a pooled one
    /// it would lie far past any pool).
    static let writtenAsItself: UInt32 = .max

    var runs: [UInt32] {
        var runs: [UInt32] = []
        var unit = 0
        while unit < entries.count {
            let raw = entries[unit]
            guard raw != 0 else {
                unit += 1
                continue
            }
            let identity = unit < 0xD800 && raw == SegmentTable.itself(UInt16(unit))
            var last = unit
            while last + 1 < entries.count, entries[last + 1] != 0,
                  identity ? last + 1 < 0xD800 && entries[last + 1] == SegmentTable.itself(UInt16(last + 1))
                           : entries[last + 1] == raw {
                last += 1
            }
            runs.append(UInt32(unit) << 16 | UInt32(last))
            runs.append(identity ? SegmentTable.writtenAsItself : raw)
            unit = last + 1
        }
        return runs
    }

    /// The table of `runs` and `pool`; nil when they are not a table's (runs out of order or
    /// overlapping, a surrogate written as itself, a pooled entry outside the pool).
    init?(runs: [UInt32], pool: [UInt8], readsDecodedLines: Bool) {
        guard runs.count % 2 == 0 else { return nil }
        var entries = [UInt32](repeating: 0, count: 0x1_0000)
        var next = 0
        for index in stride(from: 0, to: runs.count, by: 2) {
            let first = Int(runs[index] >> 16), last = Int(runs[index] & 0xFFFF), raw = runs[index + 1]
            guard first >= next, last >= first else { return nil }
            if raw == SegmentTable.writtenAsItself {
                guard last < 0xD800 else { return nil }
                for unit in first...last { entries[unit] = SegmentTable.itself(UInt16(unit)) }
            } else {
                guard raw & 3 != SegmentTable.kindPooled || SegmentTable.pooled(raw).upperBound <= pool.count
                else { return nil }
                for unit in first...last { entries[unit] = raw }
            }
            next = last + 1
        }
        self.init(entries: entries, pool: pool, readsDecodedLines: readsDecodedLines)
    }
}
