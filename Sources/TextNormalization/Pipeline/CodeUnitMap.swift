/// A total map from BMP code units to replacements, looked up once per character on the hot path.
///
/// Each entry is one of: keep the unit, drop it, replace it with one unit, or replace it with a
/// short string held in `pool`. Units outside the BMP (surrogates) are always kept.
struct CodeUnitMap: Sendable {
    private static let keepEntry: UInt32 = 0xFFFF_FFFF
    private static let dropEntry: UInt32 = 0xFFFF_FFFE
    private static let poolFlag: UInt32 = 0x8000_0000

    private var entries: [UInt32]
    private var pool: [[UInt16]] = []
    /// Bit `b & 63` of word `b >> 6`: some entry of the block of 64 units `b` was set, so a table
    /// derived from the map at start-up visits those blocks only (`changedBlocks`).
    private var changedBlockBits = [UInt64](repeating: 0, count: 16)
    /// The most units one unit can become: output buffers of `n * maximumExpansion` always suffice.
    private(set) var maximumExpansion = 1

    /// A map that keeps every unit; `empty` makes a placeholder for a table a form never uses,
    /// which must not be looked up.
    init(empty: Bool = false) {
        entries = empty ? [] : [UInt32](repeating: CodeUnitMap.keepEntry, count: 0x1_0000)
    }

    enum Entry: Equatable {
        case keep
        case drop
        case unit(UInt16)
        case string([UInt16])
    }

    subscript(unit: UInt16) -> Entry {
        get {
            let raw = entries[Int(unit)]
            switch raw {
            case CodeUnitMap.keepEntry: return .keep
            case CodeUnitMap.dropEntry: return .drop
            default:
                if raw & CodeUnitMap.poolFlag != 0 { return .string(pool[Int(raw & ~CodeUnitMap.poolFlag)]) }
                return .unit(UInt16(raw))
            }
        }
        set {
            changedBlockBits[Int(unit >> 12)] |= 1 << UInt64((unit >> 6) & 63)
            switch newValue {
            case .keep: entries[Int(unit)] = CodeUnitMap.keepEntry
            case .drop: entries[Int(unit)] = CodeUnitMap.dropEntry
            case .unit(let replacement): entries[Int(unit)] = UInt32(replacement)
            case .string(let replacement):
                if replacement.isEmpty {
                    entries[Int(unit)] = CodeUnitMap.dropEntry
                } else if replacement.count == 1 {
                    entries[Int(unit)] = UInt32(replacement[0])
                } else {
                    entries[Int(unit)] = CodeUnitMap.poolFlag | UInt32(pool.count)
                    pool.append(replacement)
                    maximumExpansion = max(maximumExpansion, replacement.count)
                }
            }
        }
    }

    /// The blocks of 64 units (unit >> 6) where some entry was set, in order: every other unit is
    /// kept. A block may be listed whose entries were all set back to `keep`.
    var changedBlocks: [Int] {
        (0..<1024).filter { changedBlockBits[$0 >> 6] & 1 << UInt64($0 & 63) != 0 }
    }

    /// Whether `unit` is kept as it is: one load, where the subscript builds an `Entry`.
    @inline(__always)
    func keeps(_ unit: UInt16) -> Bool { entries[Int(unit)] == CodeUnitMap.keepEntry }

    /// Sets many entries from (source, replacement) pairs of strings; an empty replacement drops.
    mutating func set(_ pairs: [(UInt16, String)]) {
        for (unit, replacement) in pairs {
            // Most replacements are one unit: no array made for them (a thousand at every start).
            let units = replacement.utf16
            self[unit] = units.count == 1 ? .unit(units[units.startIndex]) : .string(Array(units))
        }
    }

    mutating func set(range: ClosedRange<UInt16>, to entry: Entry) {
        for unit in range { self[unit] = entry }
    }

    /// Writes the image of `unit` at `output[count...]` and advances `count`; the caller makes
    /// room for `maximumExpansion` units.
    @inline(__always)
    func apply(_ unit: UInt16, to output: inout MutableSpan<UInt16>, count: inout Int) {
        let raw = entries[Int(unit)]
        if raw == CodeUnitMap.keepEntry {
            output[count] = unit
            count += 1
        } else if raw == CodeUnitMap.dropEntry {
            return
        } else if raw & CodeUnitMap.poolFlag != 0 {
            for replacement in pool[Int(raw & ~CodeUnitMap.poolFlag)] {
                output[count] = replacement
                count += 1
            }
        } else {
            output[count] = UInt16(truncatingIfNeeded: raw)
            count += 1
        }
    }

    /// Appends the image of `unit` to `output`.
    @inline(__always)
    func apply(_ unit: UInt16, to output: inout [UInt16]) {
        let raw = entries[Int(unit)]
        if raw == CodeUnitMap.keepEntry {
            output.append(unit)
        } else if raw == CodeUnitMap.dropEntry {
            return
        } else if raw & CodeUnitMap.poolFlag != 0 {
            output.append(contentsOf: pool[Int(raw & ~CodeUnitMap.poolFlag)])
        } else {
            output.append(UInt16(truncatingIfNeeded: raw))
        }
    }

    /// Whether the map changes `unit` in any way.
    @inline(__always)
    func changes(_ unit: UInt16) -> Bool { entries[Int(unit)] != CodeUnitMap.keepEntry }
}
