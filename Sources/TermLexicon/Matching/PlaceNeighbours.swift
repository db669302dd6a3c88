/// Places that lie in one another, read from the lexicon's `broader` links, as support for the
/// fuzzy pass: a single word heard as a place is supported by a strong mention of the place it
/// lies in ("Haibak, capital of Samangan": Aybak lies in Samangan) or of a place lying in it (جلال
/// آباد beside ننگرهر, Nangarhar), as it is by a strong mention of the place itself. News names a
/// town with its province, and a province by its capital, far more often than with a namesake.
///
/// A place with no broader place of its own (a country) takes no part: a text about Afghanistan
/// names it throughout, and would otherwise support every Afghan province heard in any word.
/// Only direct links count; a province does not support its neighbours, nor a country's town
/// another town.
struct PlaceNeighbours: Sendable {
    /// Entity k's linked places are `linked[starts[k]..<starts[k + 1]]`: read per record without
    /// hashing, since nearly every record has support.
    private let starts: [Int32]
    private let linked: [Int32]

    init(model: TaggingModel) {
        var pairs: [(Int32, Int32)] = []
        for entity in 0..<model.entityCount where model.entityType(entity) == .place {
            for id in model.directBroader[entity] {
                guard let parent = model.entityIndex[id], Int(parent) != entity,
                      model.entityType(Int(parent)) == .place,
                      !model.directBroader[Int(parent)].isEmpty else { continue }
                pairs.append((Int32(entity), parent))
                pairs.append((parent, Int32(entity)))
            }
        }
        var starts = [Int32](repeating: 0, count: model.entityCount + 1)
        for (entity, _) in pairs { starts[Int(entity) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var linked = [Int32](repeating: 0, count: pairs.count)
        for (entity, place) in pairs {
            linked[Int(next[Int(entity)])] = place
            next[Int(entity)] += 1
        }
        self.starts = starts
        self.linked = linked
    }

    /// `support` with the places linked to its places; `support` itself when it has none (no set
    /// is made).
    func widening(_ support: Set<Int32>) -> Set<Int32> {
        var widened: Set<Int32>?
        for entity in support where entity >= 0 && Int(entity) + 1 < starts.count {
            let range = Int(starts[Int(entity)])..<Int(starts[Int(entity) + 1])
            guard !range.isEmpty else { continue }
            if widened == nil { widened = support }
            for place in linked[range] { widened!.insert(place) }
        }
        return widened ?? support
    }
}
