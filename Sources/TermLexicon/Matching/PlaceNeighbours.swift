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
    /// Entity -> the places linked to it, for the places that have any.
    private let neighbours: [Int32: [Int32]]

    init(model: TaggingModel) {
        var neighbours: [Int32: [Int32]] = [:]
        for entity in 0..<model.entityCount where model.entityType(entity) == .place {
            for id in model.directBroader[entity] {
                guard let parent = model.entityIndex[id], Int(parent) != entity,
                      model.entityType(Int(parent)) == .place,
                      !model.directBroader[Int(parent)].isEmpty else { continue }
                neighbours[Int32(entity), default: []].append(parent)
                neighbours[parent, default: []].append(Int32(entity))
            }
        }
        self.neighbours = neighbours
    }

    /// `support` with the places linked to its places; `support` itself when it has none (most
    /// records: no set is made).
    func widening(_ support: Set<Int32>) -> Set<Int32> {
        var widened: Set<Int32>?
        for entity in support {
            guard let linked = neighbours[entity] else { continue }
            if widened == nil { widened = support }
            widened!.formUnion(linked)
        }
        return widened ?? support
    }
}
