import Foundation
import Testing
import TermLexicon
import TextNormalization

/// The attested variant set (`Data/name-variants.tsv`, sources in its last column): well formed,
/// and the default fuzzy pass does not fall below what it reached when the set was made, in
/// resolved variants or in false matches (the figures are in the README; `Benchmarks/names.sh`
/// prints them with every miss).
@Suite("variant set")
struct VariantSetTests {
    struct Row {
        var line: Int
        var variant: String
        var expected: String
        var context: String
    }

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Data/name-variants.tsv")
        let text = (try? readText(url)) ?? ""
        var rows: [Row] = []
        var headerSeen = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !headerSeen && fields.first == "variant" {
                headerSeen = true
                continue
            }
            rows.append(Row(line: index + 1, variant: fields.first ?? "", expected: fields.count > 2 ? fields[2] : "",
                            context: fields.count == 5 ? fields[3] : "<bad row>"))
        }
        return rows
    }()

    @Test func rowsAreWellFormed() {
        let ids = Set(builtInLexicon.entities.map(\.id))
        #expect(VariantSetTests.rows.count >= 300)
        for row in VariantSetTests.rows {
            #expect(row.context != "<bad row>", "line \(row.line): five tab-separated fields")
            #expect(!row.variant.isEmpty, "line \(row.line)")
            #expect(row.expected == "-" || ids.contains(row.expected), "line \(row.line): unknown id \(row.expected)")
            #expect(row.context.isEmpty || row.context.contains("{}"), "line \(row.line): a context has a {} slot")
        }
    }

    /// (resolved, wrong or false) over the set: each row tagged in its context, the mentions that
    /// overlap the variant read.
    static func measure(fuzzy: Double?) throws -> (resolved: Int, falseMatches: Int) {
        let finder = try TaggingModel(lexicon: builtInLexicon).makeFinder()
        var resolved = 0, falseMatches = 0
        for row in rows {
            let context = row.context.contains("{}") ? row.context : "{}"
            let prefix = context.components(separatedBy: "{}")[0]
            let start = prefix.unicodeScalars.count, end = start + row.variant.unicodeScalars.count
            let line = context.replacingOccurrences(of: "{}", with: row.variant)
            let bytes = Array(line.utf8)
            let ids = Set(finder.mentions(in: bytes, bytes.indices, options: MatchOptions(fuzzyMinimum: fuzzy))
                .filter { $0.start < end && $0.end > start }.map { finder.model.entityID($0.entity) })
            if row.expected != "-" && ids.contains(row.expected) {
                resolved += 1
            } else if !ids.isEmpty {
                falseMatches += 1
            }
        }
        return (resolved, falseMatches)
    }

    @Test func theFuzzyPassKeepsItsRecallAndItsFalseMatches() throws {
        let exact = try VariantSetTests.measure(fuzzy: nil)
        let fuzzy = try VariantSetTests.measure(fuzzy: FuzzyLevel.default.minimumScore)
        // Measured when the set was added: exact 8 resolved, 19 false; fuzzy 137 resolved, 32 false.
        // With the longer-name rule and head nouns of other languages (Arabic ولاية, Urdu صوبہ,
        // Russian река ...): fuzzy 143 resolved, 27 false.
        // Rows became labels as the lexicon grew from other sources: CLDR's Tajik and Uzbek names of
        // Afghanistan (lexicon cldr), the audit §5 entities (four distractor rows now expect their
        // own ids), and the Russian, Arabic and Urdu names of the provincial capitals taken from
        // Wikipedia titles and news: exact 23. Issue 12's Russian, Arabic and Urdu names of people
        // and organisations and its 2024-26 officials (five distractor rows became entities and now
        // expect their ids), Mojtaba Khamenei, and the Russian agencies' Амир Хан Муттаки / Мутаки:
        // exact 37. The fuzzy figures count them too.
        // Cyrillic г near g and h, Arabic letters for Persian ones, German ch near kh, single Latin and
        // Cyrillic words from five letters (not beside another capitalised word), and negative labels
        // for three namesakes (Ahmed Wali Karzai, Akylbek Japarov, Sarpol-e Zahab; two of the rows
        // are now negative labels): fuzzy 177 resolved, 21 false. Persons' labels heard without an
        // omissible Mohammad or Khan (امیر متقی; ملا یعقوب): 180. Connecting vowels near each
        // other (Jaish-i-Mohammed, Лашкар-е-Тайба): 182. A longer name over exact mentions inside
        // it (Islamic State's Khorasan Province, Техрик-е Талибан-е Пакистан): 184, 19 false. Cyrillic
        // х as h or kh (Ахтар Мансур, Ashkhabad against Ашхабад), an acronym no part of a name (КПП
        // Торхам): 187. French ch nearer sh (Bichkek, Tachkent): 191. A mention inside a longer name
        // read as any label of its entity (ISIL Khorasan as ISIS Khorasan): 192, 18 false. Head words
        // picking the province or the river (Вилояти Кундуз, Река Гильменд; one of them exact): 194,
        // 16 false; вилояти a head noun as well (Вилояти Ғазни): 197. Seven entities
        // (al-Qaeda's and the Islamic State's branches, the Islamic Jihad Union, Jamaat-ul-Ahrar,
        // Lashkar-e-Jhangvi) turned eight distractor rows into variants, seven of them labels: 205,
        // 12 false. Equal consonant classes merged in a skeleton only side by side (Berdymoukhamedov,
        // kh for h between the m's): 207. Arabic press spellings of places as labels (ولاية بكتيا,
        // ولاية لوكر, ولاية كابيسا ... seven rows now labels): exact 52, fuzzy 209. Negative labels for
        // namesakes of the region's news, three of them distractors here (Helmond, Fyzabad, Заболь): 9 false.
        // A single Latin or Cyrillic word alone at 0.91 against a label of four consonants' weight
        // or more (Teheran, Moskau, Hindukusch, Толибон; 0.95 against shorter ones): 229, false unchanged.
        // The UN list's alias Tehreek-e-Taliban a label of the TTP (a wrong-id row, now a label):
        // exact 53, fuzzy 230. Urdu گھ and کھ inside a word as gh and kh (لاگھمان): 231. A Cyrillic
        // span also read with every х as kh (Хайбер-Пахтунхва): 232. Russian names of the
        // organisations and places that had none, chosen by that rule rather than from this set
        // (Москва, Линия Дюранда, Исламское движение Узбекистана: 18 rows now labels, one of them a
        // wrong id before): exact 71, fuzzy 239, 7 false. Russian names of 34 people and Tajik names
        // of 26 provinces and towns, by the same rule: exact 81, fuzzy 241. The Tajik press's name of
        // the Taliban (Толибон), read in the sources of other Tajik labels, a label: exact 82.
        // Russian surnames alone as the Russian press writes them (Барадар) and titles of other
        // languages (мулла), researched from that press for every person with a Russian name:
        // exact 84 (Абдул Гані Барадар through the surname; Мулла Якуб Ахунд through the title,
        // which supports the weak Якуб), fuzzy 242. A title no longer supports a weak label that a
        // capitalised word carries on (шейх Абдулла Аззам is not Abdullah Abdullah): Мулла Якуб
        // Ахунд is missed again, exact 83, fuzzy 241. Portuguese rio a river head word, and the German
        // name of Jalal-Abad (Kyrgyzstan) and the nickname of Ansar al-Islam negative labels, each
        // from sources of its own (two wrong ids and two distractors of this set): exact 84 (Rio
        // Kunar), fuzzy 243, 3 false. A title of affixes.tsv may start a span in lower case (French
        // mollah Yaqoob), and a label starting with a frequent title is found from another spelling
        // of it (Кари Фасихуддин for Qari Fasihuddin, Мулла Якуб Ахунд through Mullah Yaqoob): 247.
        // A weak label of one word heard in a single word beside a head noun (صوبہ نمروز, Вилояти
        // Фароҳ): 249. A place's single word supported by a strong mention of a place it lies in
        // (Haibak, capital of Samangan): 250. The German and French names of the provinces, their
        // capitals, rivers and passes, researched for every province from the German and French
        // press (Balch, Chost, Tachar, Pandschir, Panchir, Amudarja …): exact 97, fuzzy 258; "la
        // vallée du Panshir" is now the French label of the Panjshir Valley, not the province the
        // row expects: 4 false. Their names of the region's capitals, regions and main organisations
        // (Peking, Teheran, Nordallianz, Vereinten Nationen; Pékin, OTAN, État islamique): exact 114,
        // fuzzy 262. French elided articles split off where the apostrophe is (chef de l'Alliance du
        // Nord), the Northern Alliance's French official name a label (its "l'Afghanistan" was a
        // wrong id once split), and the Islamic State of Iraq a label of al-Qaeda in Iraq as in the
        // UN's entry QDe.115 (a distractor row, now expecting org:aqi): exact 117, fuzzy 265, 3 false.
        // Cyrillic particles as the Latin ones (the ezafe е written apart: Джумбиш-е-милли): 266.
        // French names of bin Laden and ISKP from the French press (Oussama ben Laden, a row found
        // fuzzily before): exact 118.
        // 24 rows of organisations' names with lower-case inner words (the, and, for), read once a
        // lower-case word a label holds goes on a span: exact 119 (Ministry of Urban Development and
        // Lands, the label and a suffix), fuzzy 272; al-Qaeda's branches under names no label is
        // near (al-Qa'ida in the South Arabian Peninsula, Al Qaïda au Maghreb islamique) are read
        // as al-Qaeda: 6 wrong.
        // The row Panshir without its context "la vallée du {}", the valley's French label, which
        // read it as the valley; the French names of AQIM and AQAP labels (Al Qaïda au Maghreb
        // islamique a row, now a label): exact 121, fuzzy 274, 4 wrong.
        #expect(exact.resolved <= 121)
        #expect(fuzzy.resolved >= 274)
        #expect(fuzzy.falseMatches <= 4)
    }
}
