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
    /// Each place's linked places, read per record without hashing, since nearly every record has
    /// support.
    private let linked: GroupedValues

    init(model: TaggingModel) {
        var pairs: [(key: Int32, value: Int32)] = []
        for entity in 0..<model.entityCount where model.entityType(entity) == .place {
            for id in model.directBroader[entity] {
                guard let parent = model.entityIndex[id], Int(parent) != entity,
                      model.entityType(Int(parent)) == .place,
                      !model.directBroader[Int(parent)].isEmpty else { continue }
                pairs.append((Int32(entity), parent))
                pairs.append((parent, Int32(entity)))
            }
        }
        linked = GroupedValues(keyCount: model.entityCount, pairs: pairs)
    }

    /// `support` with the places linked to its places; `support` itself when it has none (no set
    /// is made).
    func widening(_ support: Set<Int32>) -> Set<Int32> {
        var widened: Set<Int32>?
        for entity in support {
            let places = linked[entity]
            guard !places.isEmpty else { continue }
            if widened == nil { widened = support }
            for place in places { widened!.insert(place) }
        }
        return widened ?? support
    }
}
