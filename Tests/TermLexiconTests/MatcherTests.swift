import Testing
import TermLexicon
import TextNormalization

/// The matcher on a small lexicon of its own: every behaviour, independent of the shipped data.
@Suite("matcher")
struct MatcherTests {
    static let model: TaggingModel = {
        let small = lexicon(
            entities: """
                org:isis\torg\t\t\t
                org:iskcon\torg\t\t\t
                org:iskp\torg\torg:isis\t\t
                org:european-union\torg\t\t\t
                org:haqqani-network\torg\t\t\t
                org:kabul-bank\torg\t\t\t
                org:taliban\torg\t\t\t
                person:amir-khan-muttaqi\tperson\t\t\t
                person:manouchehr-mottaki\tperson\t\t\t
                place:doha\tplace\t\t\t
                place:herat\tplace\t\t\t
                place:india\tplace\t\t\t
                place:iran\tplace\t\t\t
                place:kabul\tplace\t\t\t
                place:khorasan\tplace\t\t\t
                place:pakistan\tplace\t\t\t
                place:wakhan\tplace\t\t\t

                """,
            labels: """
                org:isis\ten\tpref\tIslamic State\t\t
                org:isis\ten\talt\tDaesh\t\t
                org:isis\ten\talt\tISIS\tcs\t
                org:isis\tprs\tpref\tداعش\t\t
                org:iskcon\ten\tpref\tISKCON\tcs\t
                org:iskp\ten\tpref\tISKP\tcs\t
                org:iskp\ten\talt\tISIS-K\tcs\t
                org:iskp\ten\talt\tISK\tcs\t
                org:iskp\tprs\tpref\tداعش خراسان\t\t
                org:european-union\ten\tpref\tEuropean Union\t\t
                org:european-union\tprs\tpref\tاتحادیه‌ی اروپا\t\t
                org:haqqani-network\ten\tpref\tHaqqani Network\t\t
                org:haqqani-network\tprs\tpref\tشبکه حقانی\t\t
                org:kabul-bank\ten\tpref\tKabul Bank\t\t
                org:taliban\ten\tpref\tTaliban\t\t
                org:taliban\tprs\tpref\tطالبان\t\t
                person:amir-khan-muttaqi\ten\tpref\tAmir Khan Muttaqi\t\t
                person:amir-khan-muttaqi\ten\talt\tMuttaqi\t\t
                person:amir-khan-muttaqi\ten\talt\tMottaki\tweak\t
                person:amir-khan-muttaqi\ten\thidden\tMateqi\t\t
                person:amir-khan-muttaqi\tprs\tpref\tامیر خان متقی\t\t
                person:amir-khan-muttaqi\tps\tpref\tامیر خان متقي\t\t
                person:manouchehr-mottaki\ten\tpref\tManouchehr Mottaki\t\t
                person:manouchehr-mottaki\ten\talt\tMottaki\tweak\t
                place:doha\ten\tpref\tDoha\t\t
                place:doha\tprs\tpref\tدوحه\t\t
                place:herat\ten\tpref\tHerat\t\t
                place:herat\tfr\talt\tHérat\t\t
                place:india\ten\tpref\tIndia\t\t
                place:india\tprs\tpref\tهند\t\t
                place:iran\ten\tpref\tIran\t\t
                place:iran\tprs\tpref\tایران\t\t
                place:kabul\ten\tpref\tKabul\t\t
                place:kabul\tprs\tpref\tکابل\t\t
                place:khorasan\ten\tpref\tKhorasan\tweak\t
                place:pakistan\ten\tpref\tPakistan\t\t
                place:pakistan\tprs\tpref\tپاکستان\t\t
                place:wakhan\ten\tpref\tWakhan\t\t
                place:wakhan\tprs\tpref\tواخان\t\t

                """,
            affixes: """
                en\tsuffix\ts\t\t
                en\ttitle\tMawlawi\t\t
                prs\tsuffix\tها\t\t
                prs\tsuffix\tهای\t\t
                prs\ttitle\tمولوی\t\t
                ps\tprefix\tد\t\t
                ps\tsuffix\tه\tستان,ران\t
                ps\tsuffix\tو\tان,ات\t

                """)
        return try! TaggingModel(lexicon: small)
    }()

    /// A finder per test: finders keep per-thread state, and tests run in parallel.
    static var finder: MentionFinder { try! model.makeFinder() }

    @Test(arguments: [
        // exact labels and their variants: case, diacritics, apostrophes, spacing, letter forms
        ("Amir Khan Muttaqi spoke.", ["Amir Khan Muttaqi|person:amir-khan-muttaqi|exact"]),
        ("AMIR KHAN MUTTAQI", ["AMIR KHAN MUTTAQI|person:amir-khan-muttaqi|variant"]),
        ("Amir  Khan\u{00A0}Muttaqī", ["Amir  Khan\u{00A0}Muttaqī|person:amir-khan-muttaqi|variant"]),
        ("Amir Khan Mateqi", ["Mateqi|person:amir-khan-muttaqi|exact"]),  // the hidden label is the surname alone
        ("Mateqi named no country", ["Mateqi|person:amir-khan-muttaqi|exact"]),
        ("امیرخان متقی", ["امیرخان متقی|person:amir-khan-muttaqi|variant"]),
        ("امير خان متقي", ["امير خان متقي|person:amir-khan-muttaqi|variant"]),
        ("اميرخان مُتَّقی", ["اميرخان مُتَّقی|person:amir-khan-muttaqi|variant"]),
        ("امیر\u{200C}خان متقی", ["امیر\u{200C}خان متقی|person:amir-khan-muttaqi|variant"]),
        ("Da’esh and Da'esh and DAESH", ["Da’esh|org:isis|variant", "Da'esh|org:isis|variant", "DAESH|org:isis|variant"]),
        // exact is the label as written, or text canonically equivalent to it (é written as e and a mark)
        ("Hérat, Herat, HÉRAT", ["Hérat|place:herat|exact", "Herat|place:herat|exact", "HÉRAT|place:herat|variant"]),
        ("He\u{301}rat and Herat", ["He\u{301}rat|place:herat|exact", "Herat|place:herat|exact"]),
        ("Herat, herat, Herät", ["Herat|place:herat|exact", "herat|place:herat|variant", "Herät|place:herat|variant"]),
        // word boundaries: no match inside a longer word
        ("کابلستان", []),
        ("ISKCON is not ISK", ["ISKCON|org:iskcon|exact", "ISK|org:iskp|exact"]),
        ("Kabuli food", []),
        // case-sensitive labels
        ("isk and Isis", []),
        ("ISIS-K, ISIS K and ISISK", ["ISIS-K|org:iskp|exact", "ISIS K|org:iskp|variant", "ISISK|org:iskp|variant"]),
        // leftmost-longest: the longer name wins
        ("Kabul Bank lent to Kabul", ["Kabul Bank|org:kabul-bank|exact", "Kabul|place:kabul|exact"]),
        ("داعش خراسان و داعش", ["داعش خراسان|org:iskp|exact", "داعش|org:isis|exact"]),
        // what text attaches: possessive, plural, ezafe, oblique, joined د
        ("Muttaqi’s visit, Muttaqi's aide", ["Muttaqi|person:amir-khan-muttaqi|affixed", "Muttaqi|person:amir-khan-muttaqi|affixed"]),
        ("طالبان‌ها و طالبانها", ["طالبان|org:taliban|affixed", "طالبان|org:taliban|affixed"]),
        ("داعش‌های", ["داعش|org:isis|affixed"]),
        ("د طالبانو مشر", ["طالبان|org:taliban|affixed"]),
        ("دکابل ښار", ["کابل|place:kabul|affixed"]),
        ("دکابلستان", []),
        // A short name behind a joined prefix is not taken: دهند "they give" is not د + هند.
        ("افزایش دهند", []),
        ("د هند سفیر", ["هند|place:india|exact"]),
        // a suffix with a condition: Pashto oblique و follows plurals only (هندو is Hindu)
        ("هندو او هند", ["هند|place:india|exact"]),
        // Pashto's ablative ه after له, on names in ستان or ران only: دواخانه, 'pharmacy', is no Wakhan
        ("له ایرانه او پاکستانه", ["ایران|place:iran|affixed", "پاکستان|place:pakistan|affixed"]),
        ("گولایی دواخانه و واخانه", []),
        // the ezafe written after a final silent ه (ZWNJ and ی) is no letter of the name: inside a
        // mention it is the mention's, after its last word it stays outside, like a suffix; in a
        // label it is read the same way (اتحادیه‌ی اروپا matches اتحادیه اروپا)
        ("رهبران شبکه‌ی حقانی", ["شبکه‌ی حقانی|org:haqqani-network|variant"]),
        ("در دوحه‌ی قطر", ["دوحه|place:doha|exact"]),
        ("اتحادیه اروپا و اتحادیه‌ی اروپا", ["اتحادیه اروپا|org:european-union|variant",
                                             "اتحادیه‌ی اروپا|org:european-union|exact"]),
        ("شبکه‌ی‌حقانی", ["شبکه‌ی‌حقانی|org:haqqani-network|variant"]),  // words joined by ZWNJ
        // joined without ZWNJ the ی may be the word's own letter; ه‌ای is the indefinite ending
        ("شبکهی حقانی", []),
        ("شبکه‌ای حقانی", []),
        // titles stay in a person's mention
        ("Mawlawi Amir Khan Muttaqi", ["Mawlawi Amir Khan Muttaqi|person:amir-khan-muttaqi|exact"]),
        ("مولوی امیر خان متقی", ["مولوی امیر خان متقی|person:amir-khan-muttaqi|exact"]),
        // weak labels: only beside a strong mention of their entity
        ("Mottaki arrived", []),
        ("Muttaqi met Mottaki", ["Muttaqi|person:amir-khan-muttaqi|exact", "Mottaki|person:amir-khan-muttaqi|exact"]),
        ("Manouchehr Mottaki; later Mottaki said", ["Manouchehr Mottaki|person:manouchehr-mottaki|exact",
                                                    "Mottaki|person:manouchehr-mottaki|exact"]),
        ("Khorasan province", []),
        // a word break the label lacks: fine between long pieces, not where it makes other words
        ("امیر خانمتقی", ["امیر خانمتقی|person:amir-khan-muttaqi|variant"]),
        ("she came her at last", []),
        ("Ka bul and Kab ul", []),
        // script change and punctuation end words
        ("دکابلKabul", ["کابل|place:kabul|affixed", "Kabul|place:kabul|exact"]),
        ("Kabul, Bank", ["Kabul|place:kabul|exact"]),
    ])
    func finds(text: String, expected: [String]) {
        #expect(tag(text, with: MatcherTests.finder) == expected)
    }

    /// Labels read a written ezafe as text does: the ZWNJ and ی after a final ه are no letters when
    /// the ی ends its word (marks after it aside), and are when a letter follows it or there is no ZWNJ.
    @Test(arguments: [
        ("اتحادیه‌ی اروپا", "اتحادیه اروپا", true),
        ("اتحادیه‌یِ اروپا", "اتحادیه اروپا", true),
        ("شبکه‌ی‌حقانی", "شبکه حقانی", true),
        ("اتحادیهی اروپا", "اتحادیه اروپا", false),
        ("شبکه‌ای حقانی", "شبکه حقانی", false),
        ("ماه‌یار", "ماه ار", false),
    ])
    func labelKeysReadTheWrittenEzafe(label: String, plain: String, same: Bool) throws {
        let keys = try LabelKeys()
        #expect((keys.key(label) == keys.key(plain)) == same)
    }

    @Test func weakMentionsOnRequest() {
        #expect(tag("Khorasan province", with: MatcherTests.finder, options: MatchOptions(includeWeak: true))
            == ["Khorasan|place:khorasan|exact"])
        // still ambiguous between two people: left out rather than guessed
        #expect(tag("Mottaki arrived", with: MatcherTests.finder, options: MatchOptions(includeWeak: true)) == [])
    }

    @Test func typesFilter() {
        #expect(tag("Muttaqi in Kabul", with: MatcherTests.finder, options: MatchOptions(types: [.place]))
            == ["Kabul|place:kabul|exact"])
    }

    @Test func offsetsAreCodePointsWithUTF16AndUTF8Alongside() {
        let text = "😀 د کابل"
        let bytes = Array(text.utf8)
        let finder = MatcherTests.finder
        let mentions = finder.mentions(in: bytes, bytes.indices)
        #expect(mentions.map(\.start) == [4])
        #expect(mentions.map(\.end) == [8])
        let keyed = finder.text
        #expect(keyed.utf16Offsets(ofScalars: [4, 8]) == [5, 9])  // the emoji is two UTF-16 units
        #expect(keyed.utf8Offsets[4] == 8)  // four bytes of emoji, a space, two bytes of د, a space
    }

    @Test func broaderChains() {
        let model = MatcherTests.finder.model
        let iskp = (0..<model.entityCount).first { model.entityID($0) == "org:iskp" }!
        #expect(model.broaderChain(of: iskp) == ["org:isis"])
    }
}

/// The shipped default lexicon on the report the lexicon issue quotes, and its look-alikes.
@Suite("default lexicon")
struct DefaultLexiconTests {
    static var finder: MentionFinder { try! builtInModel.makeFinder() }

    @Test func theReportResolves() {
        let report = """
            Kabul — The acting Foreign Minister of the Taliban government, opening a joint Afghanistan–Kazakhstan \
            trade exhibition, claimed that of the neighbouring countries one supplies Daesh with fighters, another \
            lets them pass and a third funds them. Amir Khan Mateqi named no country. Detainees, most of them \
            Tajikistan citizens, said ISIS recruited them in Turkey; they crossed into Afghanistan from Iran and \
            were arrested along the Durand line on their way to Pakistan. Zamir Kabulov, Russia's special \
            representative for Afghanistan, discussed ISK activities with the Taliban; fighters recruited in Syria \
            and the Middle East return among Afghan migrants and move on to Central Asia.
            """
        let ids = Set(tag(report, with: DefaultLexiconTests.finder).map { $0.split(separator: "|")[1] })
        let expected: Set<Substring> = [
            "place:kabul", "org:taliban", "place:afghanistan", "place:kazakhstan", "org:isis", "person:amir-khan-muttaqi",
            "place:tajikistan", "place:turkey", "place:iran", "place:durand-line", "place:pakistan", "person:zamir-kabulov",
            "place:russia", "org:iskp", "place:syria", "place:middle-east", "place:central-asia",
        ]
        #expect(expected.subtracting(ids).isEmpty, "missing: \(expected.subtracting(ids).sorted())")
    }

    @Test(arguments: [
        ("Manouchehr Mottaki visited Kabul", "person:manouchehr-mottaki"),
        ("Kabul Bank collapsed in 2010", "org:kabul-bank"),
        ("ISKCON temples", "org:iskcon"),
        // Pashto "in Daesh" is Daesh: کې is the postposition, not the K of ISIS-K
        ("په داعش کې جګړه", "org:isis"),
    ])
    func lookAlikesNameSomethingElse(text: String, id: String) {
        let found = tag(text, with: DefaultLexiconTests.finder)
        #expect(found.first.map { String($0.split(separator: "|")[1]) } == id)
        #expect(!found.contains { $0.contains("person:amir-khan-muttaqi") || $0.contains("org:iskp") })
        #expect(!found.contains { $0.hasPrefix("Kabul Bank") && !$0.contains("org:kabul-bank") })
    }

    /// French elided articles (l', d') are words of their own where the text has the apostrophe,
    /// and only there: "Loman" is no l' + Oman. Labels are read the same way, so a label holding
    /// one still matches itself.
    @Test(arguments: [
        ("chef de l'Alliance du Nord", ["Alliance du Nord|org:northern-alliance|exact"]),
        ("L’Afghanistan et d'Afghanistan",
         ["Afghanistan|place:afghanistan|exact", "Afghanistan|place:afghanistan|exact"]),
        ("le Mouvement islamique d'Ouzbékistan",
         ["Mouvement islamique d'Ouzbékistan|org:islamic-movement-of-uzbekistan|exact"]),
        ("Front national de résistance de l'Afghanistan",
         ["Front national de résistance de l'Afghanistan|org:national-resistance-front|exact"]),
        ("dAfghanistan et Loman", []),
        ("qu'Afghanistan", []),
    ])
    func elidedArticles(text: String, expected: [String]) {
        #expect(tag(text, with: DefaultLexiconTests.finder) == expected)
    }

    @Test(arguments: [
        ("de l'Afghanistan", [2, 3]),
        ("Côte d’Ivoire", [4, 5]),
        ("d'Ouzbékistan", [1]),
        ("Da'esh", []),
        ("l'2", []),
        ("al'Qaeda", []),
    ] as [(String, [Int32])])
    func labelKeysSplitElidedArticles(label: String, spaces: [Int32]) throws {
        #expect(try LabelKeys().spacedKey(label).spaces == spaces)
    }

    @Test(arguments: ["Khorasan is a historical region", "Mottaki spoke", "the ISKCON movement"])
    func noFalseMatches(text: String) {
        #expect(!tag(text, with: DefaultLexiconTests.finder).contains {
            $0.contains("person:amir-khan-muttaqi") || $0.contains("org:iskp")
        })
    }
}

/// Negative labels: a spelling that must never resolve to its entity.
@Suite("negative labels")
struct NegativeLabelTests {
    static let model: TaggingModel = {
        let small = lexicon(
            entities: """
                person:ismail-khan\tperson\t\t\t
                place:dera-ismail-khan-district\tplace\t\t\t
                place:herat\tplace\t\t\t
                person:saleh\tperson\t\t\t

                """,
            labels: """
                person:ismail-khan\ten\tpref\tIsmail Khan\t\t
                person:ismail-khan\ten\tnegative\tDera Ismail Khan\t\tthe district in Pakistan
                person:ismail-khan\tprs\tpref\tاسماعیل خان\t\t
                person:ismail-khan\tprs\tnegative\tدیره اسماعیل خان\t\t
                person:saleh\ten\tpref\tAmrullah Saleh\t\t
                person:saleh\ten\talt\tSaleh\t\t
                person:saleh\ten\tnegative\tSaleh Muhammad\t\ta namesake
                place:dera-ismail-khan-district\ten\tpref\tDera Ismail Khan District\t\t
                place:herat\ten\tpref\tHerat\t\t

                """)
        return try! TaggingModel(lexicon: small)
    }()

    @Test(arguments: [
        // the longer negative name hides the shorter name inside it, in both scripts
        ("Ismail Khan visited Dera Ismail Khan.", ["Ismail Khan|person:ismail-khan|exact"]),
        ("دیره اسماعیل خان و اسماعیل خان", ["اسماعیل خان|person:ismail-khan|exact"]),
        // a negative label matches in its key form, like any label
        ("dera ismail-khan and Herat", ["Herat|place:herat|exact"]),
        // another entity's longer label still wins where it applies
        ("Dera Ismail Khan District", ["Dera Ismail Khan District|place:dera-ismail-khan-district|exact"]),
        ("Saleh Muhammad met Amrullah Saleh; Saleh spoke.",
         ["Amrullah Saleh|person:saleh|exact", "Saleh|person:saleh|exact"]),
    ])
    func neverResolves(text: String, expected: [String]) throws {
        #expect(tag(text, with: try Self.model.makeFinder(), options: MatchOptions(includeWeak: true)) == expected)
    }

    @Test func negativeLabelsAreNeverShown() {
        #expect(Self.model.prefLabel(of: 0, in: "en") == "Ismail Khan")
    }
}

/// A weak acronym (cs, all capitals) is strong where it stands on its own in running text, and
/// nothing inside a run of capitals or in a line written in capitals.
@Suite("acronyms in context")
struct AcronymContextTests {
    static let model: TaggingModel = {
        let small = lexicon(
            entities: "org:isis\torg\t\t\t\norg:who\torg\t\t\t\n",
            labels: """
                org:isis\ten\tpref\tIslamic State\t\t
                org:isis\ten\talt\tIS\tcs,weak\t
                org:who\ten\tpref\tWorld Health Organization\t\t
                org:who\ten\talt\tWHO\tcs,weak\t
                org:who\tprs\tpref\tسازمان جهانی صحت\t\t

                """)
        return try! TaggingModel(lexicon: small)
    }()

    @Test(arguments: [
        ("On January 30, WHO declared an emergency.", ["WHO|org:who|exact"]),
        ("the 2020 WHO report (WHO, 2020)", ["WHO|org:who|exact", "WHO|org:who|exact"]),
        ("سازمان WHO گفت", ["WHO|org:who|exact"]),
        // a run of capitals: a word, not the acronym, even beside a supported mention
        ("IT IS FURTHER ORDERED that the IS fighters left.", ["IS|org:isis|exact"]),
        // a line in capitals proves nothing
        ("THE WHO SAID SO", []),
        ("WHO", []),
        // lower case is not the acronym (cs)
        ("who said so", []),
        // the full name supports the acronym in a capitals line
        ("WORLD HEALTH ORGANIZATION: WHO", ["WORLD HEALTH ORGANIZATION|org:who|variant"]),
    ])
    func acronyms(text: String, expected: [String]) throws {
        #expect(tag(text, with: try Self.model.makeFinder()) == expected)
    }
}

/// A Latin person mention next to a capitalised word nobody listed is part of a longer name (Dera
/// Ismail Khan, Ahmed Wali Karzai) and is left out, or marked with `partial`; titles, head nouns,
/// frequent words, acronyms, possessives, other mentions and words of the person's own labels do
/// not make a name longer; places and organisations, headlines and non-English lines are left alone.
@Suite("longer names")
struct LongerNameTests {
    static let model: TaggingModel = {
        let small = lexicon(
            entities: """
                person:ghani\tperson\t\t\t
                person:ismail-khan\tperson\t\t\t
                person:karzai\tperson\t\t\t
                place:china\tplace\t\t\t
                place:herat\tplace\t\t\t
                place:kandahar\tplace\t\t\t
                place:pakistan\tplace\t\t\t

                """,
            labels: """
                person:ghani\ten\tpref\tAshraf Ghani\t\t
                person:ismail-khan\ten\tpref\tIsmail Khan\t\t
                person:ismail-khan\tprs\tpref\tاسماعیل خان\t\t
                person:karzai\ten\tpref\tHamid Karzai\t\t
                person:karzai\ten\talt\tKarzai\t\t
                place:china\ten\tpref\tChina\t\t
                place:herat\ten\tpref\tHerat\t\t
                place:kandahar\ten\tpref\tKandahar\t\t
                place:pakistan\ten\tpref\tPakistan\t\t

                """,
            affixes: "en\ttitle\tPresident\t\t\nen\tsuffix\ts\t\t\n")
        return try! TaggingModel(lexicon: small)
    }()

    @Test(arguments: [
        // a capitalised word nobody listed before or after a person's name: a longer name
        ("The road to Dera Ismail Khan was closed yesterday.", [String](), ["Ismail Khan|person:ismail-khan|exact"]),
        ("Kandahar council head Ahmed Wali Karzai was killed.", ["Kandahar|place:kandahar|exact"],
         ["Kandahar|place:kandahar|exact", "Karzai|person:karzai|exact"]),
        // a title, a frequent word, a word of the person's own labels next to it
        ("Yesterday President Ashraf Ghani travelled abroad.", ["President Ashraf Ghani|person:ghani|exact"], nil),
        ("Meanwhile Karzai remained silent through the night.", ["Karzai|person:karzai|exact"], nil),
        ("The Special Representative Ismail Khan arrived.", ["Ismail Khan|person:ismail-khan|exact"], nil),
        ("Reporters asked Hamid Karzai about it; Hamid Karzai replied.",
         ["Hamid Karzai|person:karzai|exact", "Hamid Karzai|person:karzai|exact"], nil),
        ("Aides said that Hamed Karzai travelled abroad.", ["Karzai|person:karzai|exact"], nil),
        // an acronym, a possessive or another mention next to it
        ("The UN Ismail Khan mission was criticised.", ["Ismail Khan|person:ismail-khan|exact"], nil),
        ("Pakistan's Ismail Khan is a different person.", ["Pakistan|place:pakistan|affixed", "Ismail Khan|person:ismail-khan|exact"], nil),
        ("The Herat Ismail Khan governed was peaceful.", ["Herat|place:herat|exact", "Ismail Khan|person:ismail-khan|exact"], nil),
        // punctuation between: not one name
        ("He met Ismail Khan, Vice President of the council.", ["Ismail Khan|person:ismail-khan|exact"], nil),
        // places are not persons: the South China Morning Post still mentions China
        ("According to the South China Morning Post, talks resumed.", ["China|place:china|exact"], nil),
        // headlines in capitals or title case, lines in other languages, Arabic script
        ("Dera Ismail Khan Road Closed", ["Ismail Khan|person:ismail-khan|exact"], nil),
        ("DERA ISMAIL KHAN ROAD CLOSED", ["ISMAIL KHAN|person:ismail-khan|variant"], nil),
        ("Die Strasse nach Dera Ismail Khan wurde gesperrt", ["Ismail Khan|person:ismail-khan|exact"], nil),
        // French and Spanish have a word a too: with no other English word the line is not English
        // (Hier, 'yesterday', starts the sentence), with one it is
        ("Hier Ashraf Ghani a quitté Herat.", ["Ashraf Ghani|person:ghani|exact", "Herat|place:herat|exact"], nil),
        ("Hier Ashraf Ghani a quitté Herat with the envoys.", ["Herat|place:herat|exact"],
         ["Ashraf Ghani|person:ghani|exact", "Herat|place:herat|exact"]),
        ("دیره اسماعیل خان", ["اسماعیل خان|person:ismail-khan|exact"], nil),
    ] as [(String, [String], [String]?)])
    func longerNames(text: String, expected: [String], withPartial: [String]?) throws {
        let finder = try Self.model.makeFinder()
        #expect(tag(text, with: finder) == expected)
        #expect(tag(text, with: finder, options: MatchOptions(partial: true)) == (withPartial ?? expected))
        let marked = finder.mentions(in: Array(text.utf8), 0..<text.utf8.count, options: MatchOptions(partial: true))
        #expect(marked.filter(\.partOfLongerName).count == (withPartial ?? expected).count - expected.count)
    }
}

/// A `proper` label matches in a line of both cases only where the text capitalises its words;
/// in a line of one case, case does not matter. Cases are read in every cased script.
@Suite("proper names spelled like common words")
struct ProperLabelTests {
    static let model: TaggingModel = {
        let small = lexicon(
            entities: "org:isis\torg\t\t\t\nplace:china\tplace\t\t\t\nplace:turkey\tplace\t\t\t\n"
                + "place:qala-e-naw\tplace\t\t\t\n",
            labels: """
                org:isis\ten\tpref\tIslamic State\tproper\t
                place:china\ten\tpref\tChina\tproper\t
                place:turkey\ten\tpref\tTurkey\tproper\t
                place:qala-e-naw\ttg\tpref\tҚалъаи Нав\tproper\t

                """)
        return try! TaggingModel(lexicon: small)
    }()

    @Test(arguments: [
        ("Exports to China rose.", ["China|place:china|exact"]),
        ("She bought china cups and a turkey.", []),
        ("Turkey raises turkey prices.", ["Turkey|place:turkey|exact"]),
        ("He called for an islamic state in the region.", []),
        ("The Islamic State claimed the attack.", ["Islamic State|org:isis|exact"]),
        // half the label's capitals is not enough
        ("Islamic state fighters", []),
        // a line of one case: case says nothing
        ("CHINA AND TURKEY SIGN A DEAL", ["CHINA|place:china|variant", "TURKEY|place:turkey|variant"]),
        ("exports to china rose", ["china|place:china|variant"]),
        // no Latin letters of the other case in a Dari line quoting the name
        ("چین China", ["China|place:china|exact"]),
        // Cyrillic lines have cases too (Tajik қалъаи нав, 'a new fort')
        ("Дар шаҳри Қалъаи Нав ҷаласа шуд.", ["Қалъаи Нав|place:qala-e-naw|exact"]),
        ("Он қалъаи нав сохт.", []),
        ("ДАР ҚАЛЪАИ НАВ", ["ҚАЛЪАИ НАВ|place:qala-e-naw|variant"]),
    ])
    func properLabels(text: String, expected: [String]) throws {
        #expect(tag(text, with: try Self.model.makeFinder()) == expected)
    }
}

/// A `demonym` label names its country, marked as such, unless demonyms are turned off.
@Suite("demonyms")
struct DemonymTests {
    static let model: TaggingModel = {
        let small = lexicon(
            entities: "place:china\tplace\t\t\t\nplace:united-states\tplace\t\t\t\n",
            labels: """
                place:china\ten\tpref\tChina\t\t
                place:china\ten\talt\tChinese\tdemonym\t
                place:china\tprs\tpref\tچین\t\t
                place:china\tprs\talt\tچینی\tdemonym,weak\talso porcelain
                place:united-states\ten\tpref\tUnited States\t\t
                place:united-states\ten\talt\tAmerican\tdemonym\t
                place:united-states\ten\tnegative\tLatin American\t\t

                """)
        return try! TaggingModel(lexicon: small)
    }()

    static func tagged(_ text: String, demonyms: Bool) throws -> [String] {
        let finder = try model.makeFinder()
        let bytes = Array(text.utf8)
        return finder.mentions(in: bytes, bytes.indices, options: MatchOptions(demonyms: demonyms)).map { mention in
            let surface = String(String.UnicodeScalarView(Array(text.unicodeScalars)[mention.start..<mention.end]))
            return "\(surface)|\(model.entityID(mention.entity))" + (mention.demonym ? "|demonym" : "")
        }
    }

    @Test(arguments: [
        ("Chinese officials arrived.", ["Chinese|place:china|demonym"], [String]()),
        ("American and Chinese envoys met in China.",
         ["American|place:united-states|demonym", "Chinese|place:china|demonym", "China|place:china"], ["China|place:china"]),
        // a negative label still wins
        ("Latin American leaders met.", [], []),
        // a weak demonym needs a strong mention of its country
        ("ظروف چینی", [], []),
        ("ظروف چینی از چین", ["چینی|place:china|demonym", "چین|place:china"], ["چین|place:china"]),
    ])
    func demonyms(text: String, expected: [String], withoutDemonyms: [String]) throws {
        #expect(try Self.tagged(text, demonyms: true) == expected)
        #expect(try Self.tagged(text, demonyms: false) == withoutDemonyms)
    }
}
