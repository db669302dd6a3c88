import Foundation
import Testing

/// `lexalign lexicon suggest` on small files and a lexicon made for each test, and the review loop
/// it starts: suggest, decide, accept.
@Suite("lexalign lexicon suggest")
struct LexiconSuggestTests {
    static let entities = "org:taliban\torg\t\t\t\nplace:kandahar\tplace\t\t\t\n"
    static let labels = "org:taliban\ten\tpref\tTaliban\t\t\norg:taliban\tprs\tpref\tطالبان\t\t\n"
        + "place:kandahar\ten\tpref\tKandahar\t\t\n"
    static let english = "The Taliban met in Kandahar.\nKandahar was quiet.\nOfficials in Kandahar said so.\n"
    static let dari = "طالبان در قندهار دیدار کردند.\nقندهار آرام بود.\nمقامات در قندهار چنین گفتند.\n"
    static let header = "id\tlang\tlabel\tkind\tscore\tcount\tevidence\texample\tdecision\n"
    static let row = "place:kandahar\tprs\tقندهار\talt\t0.970\t3\ten.txt|prs.txt: in 3 of 3 lines where the other side "
        + "names it and this side does not; 3 of the 3 lines with it; sounds like a label 0.924\tطالبان در قندهار دیدار کردند.\t"

    @Test func parallelFilesProposeTheOtherSidesName() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch, entities: Self.entities, labels: Self.labels)
        _ = try scratch.file("en.txt", Self.english)
        _ = try scratch.file("prs.txt", Self.dari)
        let outcome = try CLIRunner.run(["lexicon", "suggest", "--quiet", "--lexicon", folder, "--parallel", "en.txt", "prs.txt"],
                                        in: scratch.directory)
        #expect(outcome.output == """
            # lexalign lexicon suggest from en.txt, prs.txt: 1 proposed
            # Fill in decision (alt, hidden, negative or reject, skip), then: lexalign lexicon accept FILE
            \(Self.header)\(Self.row)

            """)
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    /// A name may start on a frequent content word (Pashto مرکزي 'central', 205 per million) where
    /// no label of the lexicon starts so: the whole name is proposed first, its last word after it.
    /// A function word (له 'from') starts nothing.
    @Test func aContentWordMayStartTheName() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:central-asia\tplace\t\t\t\n",
                                                    labels: "place:central-asia\ten\tpref\tCentral Asia\t\t\n")
        _ = try scratch.file("en.txt", "Trade with Central Asia grew.\nCentral Asia needs water.\n"
                                + "The road to Central Asia is open.\n")
        _ = try scratch.file("ps.txt", "له مرکزي اسیا سره سوداګري زیاته شوه.\nمرکزي اسیا اوبو ته اړتیا لري.\n"
                                + "مرکزي اسیا ته لاره خلاصه ده.\n")
        let outcome = try CLIRunner.run(["lexicon", "suggest", "--quiet", "--lexicon", folder,
                                         "--parallel", "en.txt", "ps.txt"], in: scratch.directory)
        let evidence = "en.txt|ps.txt: in 3 of 3 lines where the other side names it and this side does not; "
            + "3 of the 3 lines with it; sounds like a label"
        let example = "له مرکزي اسیا سره سوداګري زیاته شوه."
        #expect(outcome.output == """
            # lexalign lexicon suggest from en.txt, ps.txt: 2 proposed
            # Fill in decision (alt, hidden, negative or reject, skip), then: lexalign lexicon accept FILE
            \(Self.header)place:central-asia\tps\tمرکزي اسیا\talt\t0.680\t3\t\(evidence) 0.200\t\(example)\t
            place:central-asia\tps\tاسیا\talt\t0.663\t3\t\(evidence) 0.159\t\(example)\t

            """)
        #expect(outcome.status == 0)
    }

    /// `lexicon suggest` over three English–Pashto line pairs, with a lexicon of one entity known by
    /// one English label: its rows' first six columns, and the exit status.
    /// `otherName`: a Pashto label of another entity, for what the lexicon's labels teach.
    static func pashtoRows(id: String, englishLabel: String, english: [String], pashto: [String],
                           otherName: (id: String, english: String, pashto: String)? = nil)
        throws -> (rows: [String], status: Int32) {
        let scratch = try Scratch()
        let type = String(id.prefix { $0 != ":" })
        var entities = "\(id)\t\(type)\t\t\t\n", labels = "\(id)\ten\tpref\t\(englishLabel)\t\t\n"
        if let otherName {
            entities += "\(otherName.id)\t\(otherName.id.prefix { $0 != ":" })\t\t\t\n"
            labels += "\(otherName.id)\ten\tpref\t\(otherName.english)\t\t\n\(otherName.id)\tps\tpref\t\(otherName.pashto)\t\t\n"
        }
        let folder = try LexiconCommandTests.folder(scratch, entities: entities, labels: labels)
        _ = try scratch.file("en.txt", english.map { $0 + "\n" }.joined())
        _ = try scratch.file("ps.txt", pashto.map { $0 + "\n" }.joined())
        let outcome = try CLIRunner.run(["lexicon", "suggest", "--quiet", "--lexicon", folder,
                                         "--parallel", "en.txt", "ps.txt"], in: scratch.directory)
        let rows = outcome.output.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(6).joined(separator: " ") }
        return (rows, outcome.status)
    }

    /// Names found whole from English–Pashto line pairs:
    /// - a name seen more than twice goes before a part of it that always comes with it and scores
    ///   as well (ملګرو ملتونو, 'United Nations', before ملتونو, 'nations'), in the table too;
    /// - a head noun may end a name (Pashto puts it last: روغتیا نړیوال سازمان, the World Health
    ///   Organization), where only روغتیا ('health') was proposed before.
    @Test(arguments: [
        ("org:united-nations", "United Nations",
         ["The United Nations met today.", "A report by the United Nations came out.",
          "The United Nations asked for help."],
         ["نن د ملګرو ملتونو غونډه وشوه.", "د ملګرو ملتونو راپور خپور شو.", "ملګرو ملتونو د مرستې غوښتنه وکړه."],
         ["org:united-nations ps ملګرو ملتونو alt 0.699 3", "org:united-nations ps ملتونو alt 0.699 3",
          "org:united-nations ps ملګرو alt 0.605 3"]),
        ("org:who", "World Health Organization",
         ["The World Health Organization met today.", "A report by the World Health Organization came out.",
          "The World Health Organization asked for help."],
         ["نن د روغتیا نړیوال سازمان غونډه وکړه.", "د روغتیا نړیوال سازمان راپور خپور شو.",
          "د روغتیا نړیوال سازمان د مرستې غوښتنه وکړه."],
         ["org:who ps روغتیا نړیوال سازمان alt 0.729 3", "org:who ps نړیوال سازمان alt 0.729 3",
          "org:who ps روغتیا alt 0.698 3"]),
        // A longer name goes first when it nearly always comes with the entity and its part often
        // does not: اروپايي, 'European', fills five gaps of the EU but stands in two lines without it.
        ("org:european-union", "European Union",
         ["The European Union met today.", "A report by the European Union came out.",
          "The European Union asked for help.", "The European Union grew.", "The European Union said so.",
          "European countries sent aid.", "European leaders met."],
         ["نن اروپايي اتحادیه غونډه وکړه.", "د اروپايي اتحادیه راپور خپور شو.",
          "اروپايي اتحادیه د مرستې غوښتنه وکړه.", "اروپايي ټولنه لویه شوه.", "اروپايي ټولنې داسې وویل.",
          "اروپايي هېوادونو مرسته ولېږله.", "اروپايي مشرانو غونډه وکړه."],
         ["org:european-union ps اروپايي اتحادیه alt 0.683 3", "org:european-union ps اروپايي alt 0.683 5"]),
    ] as [(String, String, [String], [String], [String])])
    func namesFoundWhole(id: String, englishLabel: String, english: [String], pashto: [String],
                         expected: [String]) throws {
        let result = try Self.pashtoRows(id: id, englishLabel: englishLabel, english: english, pashto: pashto)
        #expect(result.rows == expected)
        #expect(result.status == 0)
    }

    /// Where labels of the lexicon start with the Pashto particle د (IOM's د کډوالۍ نړیوال سازمان), a
    /// proposed name may too, when a head noun ends it: the WHO's د روغتیا نړیوال سازمان goes first.
    @Test func aPashtoNameKeepsItsParticle() throws {
        let result = try Self.pashtoRows(
            id: "org:who", englishLabel: "World Health Organization",
            english: ["The World Health Organization met today.", "A report by the World Health Organization came out.",
                      "The World Health Organization asked for help."],
            pashto: ["نن د روغتیا نړیوال سازمان غونډه وکړه.", "د روغتیا نړیوال سازمان راپور خپور شو.",
                     "د روغتیا نړیوال سازمان د مرستې غوښتنه وکړه."],
            otherName: ("org:iom", "International Organization for Migration", "د کډوالۍ نړیوال سازمان"))
        #expect(result.rows == ["org:who ps د روغتیا نړیوال سازمان alt 0.729 3", "org:who ps نړیوال سازمان alt 0.729 3",
                                "org:who ps روغتیا alt 0.698 3"])
        #expect(result.status == 0)
    }

    /// A span in another script than its language's is no label `lexicon accept` would take: the
    /// Latin "EV" a Pashto translation kept for the EU is not proposed, the Pashto name is.
    @Test func aLabelFitsItsLanguagesScript() throws {
        let result = try Self.pashtoRows(
            id: "org:european-union", englishLabel: "European Union",
            english: ["The European Union met today.", "The EU asked for help.", "The EU sent aid.",
                      "A report by the European Union came out.", "The EU said so.", "The European Union grew."],
            pashto: ["نن اروپايي اتحادیه غونډه وکړه.", "EV د مرستې غوښتنه وکړه.", "EV مرسته ولېږله.",
                     "د اروپايي اتحادیه راپور خپور شو.", "EV داسې وویل.", "اروپايي اتحادیه لویه شوه."])
        #expect(result.rows == ["org:european-union ps اروپايي اتحادیه alt 0.769 3",
                                "org:european-union ps اروپايي alt 0.769 3"])
        #expect(result.status == 0)
    }

    /// Suggest, fill in the decision, accept: the label is in the lexicon and tags the text.
    @Test func theReviewLoopAddsTheLabel() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch, entities: Self.entities, labels: Self.labels)
        _ = try scratch.file("en.txt", Self.english)
        _ = try scratch.file("prs.txt", Self.dari)
        let suggest = try CLIRunner.run(["lexicon", "suggest", "--quiet", "--lexicon", folder, "--parallel", "en.txt", "prs.txt",
                                         "-o", "s.tsv"], in: scratch.directory)
        #expect(suggest.status == 0 && suggest.output.isEmpty)
        let table = try String(contentsOf: scratch.directory.appendingPathComponent("s.tsv"), encoding: .utf8)
        _ = try scratch.file("s.tsv", table.replacingOccurrences(of: Self.row, with: Self.row + "alt"))
        let accept = try CLIRunner.run(["lexicon", "accept", "s.tsv", folder], in: scratch.directory)
        #expect(accept.output == "+ place:kandahar prs alt قندهار\nadded 1 label (1 alt) to \(folder)/labels.tsv\n")
        #expect(accept.status == 0)
        let tagged = try CLIRunner.run(["tag", "--lexicon", folder, "--format", "tsv", "prs.txt"], in: scratch.directory)
        #expect(tagged.output.contains("place:kandahar\tقندهار"))
    }

    /// Running text: spellings the fuzzy pass resolved, with how near and how often.
    @Test func runningTextProposesFuzzySpellings() throws {
        let scratch = try Scratch()
        _ = try scratch.file("news.txt", "Serajuddin Haqani spoke.\nSerajuddin Haqani left.\n")
        let outcome = try CLIRunner.run(["lexicon", "suggest", "--quiet", "news.txt"], in: scratch.directory)
        #expect(outcome.output == """
            # lexalign lexicon suggest from news.txt: 1 proposed
            # Fill in decision (alt, hidden, negative or reject, skip), then: lexalign lexicon accept FILE
            \(Self.header)person:sirajuddin-haqqani\ten\tSerajuddin Haqani\talt\t0.989\t2\tfuzzy pass resolved: sounds like \
            Sirajuddin Haqqani (0.989)\tSerajuddin Haqani spoke.\t

            """)
    }

    @Test(arguments: [
        ["lexicon", "suggest"],
        ["lexicon", "suggest", "--parallel", "a.txt"],
        ["lexicon", "suggest", "--min-count", "0", "a.txt"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        #expect(try CLIRunner.run(arguments).status == 64)
    }

    @Test func invalidUTF8IsNamedOnce() throws {
        let scratch = try Scratch()
        _ = try scratch.file("news.txt", Array("Kabul.\r\nHerat \u{FF}".utf8) + [0xFF, 0x0A] + Array("x\u{FE}".utf8) + [0xFE])
        let outcome = try CLIRunner.run(["lexicon", "suggest", "--quiet", "news.txt"], in: scratch.directory)
        #expect(outcome.stderr == "news.txt:2: warning: invalid UTF-8 read as U+FFFD\n")
        #expect(outcome.status == 0)
    }

    @Test func filesOfDifferentLengthsAreRefused() throws {
        let scratch = try Scratch()
        _ = try scratch.file("en.txt", "One.\nTwo.\n")
        _ = try scratch.file("prs.txt", "یک.\n")
        let outcome = try CLIRunner.run(["lexicon", "suggest", "--parallel", "en.txt", "prs.txt"], in: scratch.directory)
        #expect(outcome.stderr == "lexalign: error: en.txt has 2 lines and prs.txt 1: line-parallel files have one "
            + "sentence per line on both sides\n")
        #expect(outcome.status == 2)
    }
}
