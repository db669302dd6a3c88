import Foundation
import Testing

/// `lexalign tag` run as a filter with the built-in lexicon: exact output and exit status.
@Suite("lexalign tag")
struct TagCommandTests {
    /// Line 3, 'the Daesh men of Khorasan', is ISKP (داعش خراسان): the longer name wins over داعش
    /// with its plural ending.
    static let input = "Amir Khan Muttaqi’s visit to Kabul\n\nداعش‌های خراسان\n"

    @Test func jsonLines() throws {
        let outcome = try CLIRunner.run(["tag"], stdin: TagCommandTests.input)
        #expect(outcome.output == """
            {"line":1,"text":"Amir Khan Muttaqi’s visit to Kabul","mentions":[{"start":0,"end":17,"surface":"Amir Khan Muttaqi","id":"person:amir-khan-muttaqi","type":"person","label":"Amir Khan Muttaqi","broader":[],"match":"affixed"},{"start":29,"end":34,"surface":"Kabul","id":"place:kabul","type":"place","label":"Kabul","broader":["place:kabul-province","place:afghanistan"],"match":"exact"}]}
            {"line":2,"text":"","mentions":[]}
            {"line":3,"text":"داعش‌های خراسان","mentions":[{"start":0,"end":15,"surface":"داعش‌های خراسان","id":"org:iskp","type":"org","label":"Islamic State Khorasan Province","broader":["org:isis"],"match":"fuzzy","score":0.881,"via":"داعش خراسان"}]}

            """)
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    @Test func offsetsInOtherUnitsAndLabelsInDari() throws {
        let outcome = try CLIRunner.run(["tag", "--offsets", "utf16,utf8", "--label-lang", "prs", "--types", "place"],
                                        stdin: "😀 Kabul\n")
        #expect(outcome.output == """
            {"line":1,"text":"😀 Kabul","mentions":[{"start":2,"end":7,"start_utf16":3,"end_utf16":8,"start_utf8":5,"end_utf8":10,"surface":"Kabul","id":"place:kabul","type":"place","label":"کابل","broader":["place:kabul-province","place:afghanistan"],"match":"exact"}]}

            """)
    }

    @Test func tsvRowsPerMention() throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: TagCommandTests.input)
        #expect(outcome.output == "1\t0\t17\tperson:amir-khan-muttaqi\tAmir Khan Muttaqi\n1\t29\t34\tplace:kabul\tKabul\n3\t0\t15\torg:iskp\tداعش‌های خراسان\n")
    }

    @Test func inlineRewritesNamesToPrefLabels() throws {
        let english = try CLIRunner.run(["tag", "--format", "inline"], stdin: "Mullah Omar and Mateqi met in Kandahar\n")
        // "Mullah Omar" is itself a label of the entity, so all of it becomes the pref label
        #expect(english.output == "Mohammed Omar and Amir Khan Muttaqi met in Kandahar\n")
        let dari = try CLIRunner.run(["tag", "--format", "inline"], stdin: "امير خان متقي در كابل\n")
        #expect(dari.output == "امیرخان متقی در کابل\n")
    }

    @Test func jsonInputPassesOtherFieldsThrough() throws {
        let outcome = try CLIRunner.run(["tag", "--input", "jsonl", "--text-field", "body"],
                                        stdin: "{\"id\":7, \"body\":\"ISK in Kunar\", \"tags\":[1,2]}\n")
        #expect(outcome.output == """
            {"id":7, "body":"ISK in Kunar", "tags":[1,2],"mentions":[{"start":0,"end":3,"surface":"ISK","id":"org:iskp","type":"org","label":"Islamic State Khorasan Province","broader":["org:isis"],"match":"variant"},{"start":7,"end":12,"surface":"Kunar","id":"place:kunar","type":"place","label":"Kunar","broader":["place:afghanistan"],"match":"exact"}]}

            """)
    }

    @Test func badJSONLinesKeepTheirPlaceAndFail() throws {
        let outcome = try CLIRunner.run(["tag", "--input", "jsonl"], stdin: "{\"text\":\"Kabul\"}\nnot json\n{\"id\":2}\n")
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // Nothing is lost: the unreadable line comes back as "input", the object with its members.
        #expect(lines[1] == #"{"line":2,"error":"expected a JSON object","input":"not json"}"#)
        #expect(lines[2] == #"{"id":2,"error":"no string field 'text'"}"#)
        #expect(outcome.stderr == """
            <stdin>:2:1: error: expected a JSON object at byte offset 17 [bad-json]
            <stdin>:3:8: error: no string field 'text' at byte offset 33 [bad-json]

            """)
        #expect(outcome.status == 2)
    }

    /// Tagging output again (or a record that has "mentions" of its own) replaces the member.
    @Test func retaggingReplacesMentions() throws {
        let once = try CLIRunner.run(["tag", "--input", "jsonl", "--types", "place"], stdin: #"{"text":"Kabul and Daesh","mentions":[1]}"# + "\n")
        let twice = try CLIRunner.run(["tag", "--input", "jsonl"], stdin: once.output)
        #expect(once.output == """
            {"text":"Kabul and Daesh","mentions":[{"start":0,"end":5,"surface":"Kabul","id":"place:kabul","type":"place","label":"Kabul","broader":["place:kabul-province","place:afghanistan"],"match":"exact"}]}

            """)
        #expect(twice.output == """
            {"text":"Kabul and Daesh","mentions":[{"start":0,"end":5,"surface":"Kabul","id":"place:kabul","type":"place","label":"Kabul","broader":["place:kabul-province","place:afghanistan"],"match":"exact"},{"start":10,"end":15,"surface":"Daesh","id":"org:isis","type":"org","label":"Islamic State","broader":[],"match":"exact"}]}

            """)
        #expect(twice.status == 0)
    }

    /// With several inputs, TSV rows start with the file, since line numbers restart in each.
    @Test(arguments: [
        (["one.txt"], "1\t0\t5\tplace:kabul\tKabul\n"),
        (["one.txt", "two.txt"], "{d}/one.txt\t1\t0\t5\tplace:kabul\tKabul\n{d}/two.txt\t2\t0\t5\tplace:herat\tHerat\n"),
    ])
    func tsvNamesTheFileWhenThereAreSeveral(files: [String], expected: String) throws {
        let scratch = try Scratch()
        _ = try scratch.file("one.txt", "Kabul\n")
        _ = try scratch.file("two.txt", "\nHerat\tand\rnothing\n")
        let directory = scratch.directory.path
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"] + files.map { directory + "/" + $0 })
        #expect(outcome.output == expected.replacingOccurrences(of: "{d}", with: directory))
        #expect(outcome.status == 0)
    }

    /// A TSV cell never holds a tab, CR or LF: they would break the row.
    @Test func tsvCellsHoldNoBreaks() throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv", "--input", "jsonl"], stdin: #"{"text":"Kabul\r\nBank and Durand\tLine"}"# + "\n")
        #expect(outcome.output == "1\t0\t11\torg:kabul-bank\tKabul  Bank\n1\t16\t27\tplace:durand-line\tDurand Line\n")
    }

    @Test func invalidUTF8IsReportedAndCountedAsOneScalar() throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: Data(Array("ok\nKa".utf8) + [0xFF] + Array("bul Kabul\r\n".utf8)))
        #expect(outcome.output == "2\t7\t12\tplace:kabul\tKabul\n")
        #expect(outcome.stderr == "<stdin>:2:3: warning: invalid UTF-8 read as U+FFFD at byte offset 5 [invalid-utf8]\n")
        #expect(outcome.status == 0)
    }

    /// The ezafe Dari writes after a final silent ه (ZWNJ and ی) is no letter of the name: the
    /// National Resistance Front and the EU are found through it, Doha's mention leaves it out; the
    /// same ی joined without ZWNJ is not read so.
    @Test(arguments: [
        ("رهبران جبهه‌ی مقاومت ملی به دوحه‌ی قطر رفتند و با اتحادیه‌ی اروپا دیدار کردند\n",
         "1\t7\t24\torg:national-resistance-front\tجبهه‌ی مقاومت ملی\n1\t28\t32\tplace:doha\tدوحه\n"
            + "1\t35\t38\tplace:qatar\tقطر\n1\t50\t65\torg:european-union\tاتحادیه‌ی اروپا\n"),
        ("اتحادیهی اروپا\n", ""),
    ])
    func writtenEzafeIsNoLetterOfTheName(input: String, expected: String) throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: input)
        #expect(outcome.output == expected)
        #expect(outcome.status == 0)
    }

    /// A title stays in a person's mention; one that ends an office (joined by a hyphen to the
    /// word before it, or an office of affixes.tsv: UN Secretary General) is the office's, not the
    /// person's, and that office is no longer name around him either. A rank before the title
    /// (Lieutenant General) is no office.
    @Test(arguments: [
        ("General Abdul Rashid Dostum returned to Kabul.\n",
         "1\t0\t27\tperson:abdul-rashid-dostum\tGeneral Abdul Rashid Dostum\n1\t40\t45\tplace:kabul\tKabul\n"),
        ("On the same day, Tedros stated that UN Secretary-General António Guterres had agreed.\n",
         "1\t36\t38\torg:united-nations\tUN\n1\t57\t73\tperson:antonio-guterres\tAntónio Guterres\n"),
        ("UN Secretary General Antonio Guterres said the Taliban must reopen schools.\n",
         "1\t0\t2\torg:united-nations\tUN\n1\t21\t37\tperson:antonio-guterres\tAntonio Guterres\n"
            + "1\t47\t54\torg:taliban\tTaliban\n"),
        ("Lieutenant General Abdul Rashid Dostum returned.\n",
         "1\t11\t38\tperson:abdul-rashid-dostum\tGeneral Abdul Rashid Dostum\n"),
    ])
    func titlesOfThePersonOnly(input: String, expected: String) throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: input)
        #expect(outcome.output == expected)
        #expect(outcome.status == 0)
    }

    /// A province head word beside a place's weak label supports it when the labels show that place
    /// with such a head (Wardak: وردگ ولايت; Nimruz: ولایت نیمروز), in any language; not the region
    /// Khorasan, which no label shows with one. A long label lets a single Latin word stand alone at
    /// 0.91 (Teheran). Portuguese rio names the river, of an exact or a fuzzy mention (Cabul).
    /// Negative labels: the German name of Jalal-Abad in Kyrgyzstan is not Jalalabad, the nickname
    /// of Ansar al-Islam is not the Taliban.
    @Test(arguments: [
        ("desaguando no rio Cabul\n", "1\t14\t23\tplace:kabul-river\trio Cabul\n"),
        ("o Rio Kunar atravessa\n", "1\t2\t11\tplace:kunar-river\tRio Kunar\n"),
        ("die kirgisische Stadt Dschalalabat\n", ""),
        ("The Kurdish Taliban, Ansar al-Islam, was based near Halabja.\n", ""),
        ("The Taliban, Ansar al-Islam's allies, held Kabul.\n",
         "1\t4\t11\torg:taliban\tTaliban\n1\t43\t48\tplace:kabul\tKabul\n"),
        ("Wardak province is west of Kabul.\n", "1\t0\t6\tplace:maidan-wardak\tWardak\n1\t27\t32\tplace:kabul\tKabul\n"),
        ("Wardak is west of Kabul.\n", "1\t18\t23\tplace:kabul\tKabul\n"),
        ("صوبہ نیمروز\n", "1\t5\t11\tplace:nimruz\tنیمروز\n"),
        ("Khorasan province\n", ""),
        ("The convoy reached Teheran.\n", "1\t19\t26\tplace:tehran\tTeheran\n"),
    ])
    func headWordsAndLongLabels(input: String, expected: String) throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: input)
        #expect(outcome.output == expected)
        #expect(outcome.status == 0)
    }

    /// Russian names of the region's places and organisations are labels, as the region's Russian
    /// press writes them in the nominative, and are found in their case forms (and Tajik names
    /// with their suffixes); a province's name inside Iran's Sistan and Baluchestan is not
    /// Pakistan's Balochistan.
    @Test(arguments: [
        ("Москва и Пекин.\n", "1\t0\t6\tplace:moscow\tМосква\n1\t9\t14\tplace:beijing\tПекин\n"),
        ("Исламское движение Узбекистана и Северный альянс.\n",
         "1\t0\t30\torg:islamic-movement-of-uzbekistan\tИсламское движение Узбекистана\n"
            + "1\t33\t48\torg:northern-alliance\tСеверный альянс\n"),
        ("В провинции Систан и Белуджистан.\n", "1\t12\t32\tplace:sistan-and-baluchestan\tСистан и Белуджистан\n"),
        // Case forms: a suffix after a consonant stays outside the mention (Пекин|а), an ending in
        // place of a last letter is in it (Москве, Кветте, Турции, Индии, Китае).
        ("Делегация из Пекина прибыла в Кабул.\n",
         "1\t13\t18\tplace:beijing\tПекин\n1\t30\t35\tplace:kabul\tКабул\n"),
        ("Встреча прошла в Москве, а затем в Кветте.\n",
         "1\t17\t23\tplace:moscow\tМоскве\n1\t35\t41\tplace:quetta\tКветте\n"),
        ("Президент Турции и министр Индии говорили о Китае.\n",
         "1\t10\t16\tplace:turkey\tТурции\n1\t27\t32\tplace:india\tИндии\n1\t44\t49\tplace:china\tКитае\n"),
        ("Переговоры с талибами и Соединенными Штатами.\n",
         "1\t13\t21\torg:taliban\tталибами\n1\t24\t44\tplace:united-states\tСоединенными Штатами\n"),
        // Tajik: the object marker ро and the izofa и stay outside the mention.
        ("Онҳо Қандаҳорро гирифтанд.\n", "1\t5\t13\tplace:kandahar\tҚандаҳор\n"),
        ("Дар вилояти Ҳироти Афғонистон.\n",
         "1\t4\t17\tplace:herat-province\tвилояти Ҳирот\n1\t19\t29\tplace:afghanistan\tАфғонистон\n"),
    ])
    func russianNamesOfTheRegion(input: String, expected: String) throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: input)
        #expect(outcome.output == expected)
        #expect(outcome.status == 0)
    }

    /// Russian surnames alone are labels (weak where two people or a common word share them), and
    /// the titles of other languages are titles: a Russian one declines (муллы Барадара), French
    /// and Arabic ones keep their own spelling (mollah, الملا). A weak surname needs a strong
    /// mention of its entity, a fuzzy mention of several words in its line, or a title; the mention
    /// keeps the title.
    @Test(arguments: [
        ("По словам муллы Барадара, переговоры продолжатся.\n",
         "1\t10\t23\tperson:abdul-ghani-baradar\tмуллы Барадар\n"),
        ("Генерал Дустум вернулся в Кабул.\n",
         "1\t0\t14\tperson:abdul-rashid-dostum\tГенерал Дустум\n1\t26\t31\tplace:kabul\tКабул\n"),
        ("Лавров и Гутерриш обсудили ситуацию, сообщил Мирзиёев.\n",
         "1\t0\t6\tperson:sergey-lavrov\tЛавров\n1\t9\t17\tperson:antonio-guterres\tГутерриш\n"
            + "1\t45\t53\tperson:shavkat-mirziyoyev\tМирзиёев\n"),
        // weak: a given name, or a surname four Haqqanis share; resolved beside a strong mention
        ("Омар заявил, что встреча прошла.\n", ""),
        ("Хаккани заявил, что встреча прошла.\n", ""),
        ("Сираджуддин Хаккани прибыл в Кабул. Хаккани заявил, что встреча прошла.\n",
         "1\t0\t19\tperson:sirajuddin-haqqani\tСираджуддин Хаккани\n1\t29\t34\tplace:kabul\tКабул\n"
            + "1\t36\t43\tperson:sirajuddin-haqqani\tХаккани\n"),
        // a fuzzy mention of several words supports the weak surname in its line (the label is
        // Мохаммад Сохаил Шахин; English Suhail Shaheen)
        ("Сухейль Шахин прибыл в Кабул, и Шахин заявил, что встреча прошла.\n",
         "1\t0\t13\tperson:suhail-shaheen\tСухейль Шахин\n1\t23\t28\tplace:kabul\tКабул\n"
            + "1\t32\t37\tperson:suhail-shaheen\tШахин\n"),
        ("Suhail Shahin arrived in Doha on Monday, and Shaheen said the talks were useful.\n",
         "1\t0\t13\tperson:suhail-shaheen\tSuhail Shahin\n1\t25\t29\tplace:doha\tDoha\n"
            + "1\t45\t52\tperson:suhail-shaheen\tShaheen\n"),
        // a title supports a weak label only where the name ends: the given name Абдулла (Noor)
        // is not the person when a capitalised word carries the name on
        ("Шейх Абдулла Аззам был идеологом движения.\n", ""),
        ("Mufti Noor Wali said.\n", ""),
        ("Mufti Noor said.\n", "1\t0\t10\tperson:atta-mohammad-noor\tMufti Noor\n"),
        ("le mollah Baradar a rencontré le ministre\n", "1\t3\t17\tperson:abdul-ghani-baradar\tmollah Baradar\n"),
        ("الملا عمر مؤسس الحركة\n", "1\t0\t9\tperson:mohammed-omar\tالملا عمر\n"),
    ])
    func russianSurnamesAndTitlesOfOtherLanguages(input: String, expected: String) throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: input)
        #expect(outcome.output == expected)
        #expect(outcome.status == 0)
    }

    /// The key reads Russian ё as е, as Russian print does: the label Организация Объединённых Наций
    /// matches the text's Объединенных in the exact pass (`variant`, not a fuzzy guess).
    @Test func russianYoIsReadAsYe() throws {
        let outcome = try CLIRunner.run(["tag"], stdin: "Организация Объединенных Наций заявила\n")
        #expect(outcome.output == #"{"line":1,"text":"Организация Объединенных Наций заявила","mentions":[{"start":0,"#
            + #""end":30,"surface":"Организация Объединенных Наций","id":"org:united-nations","type":"org","#
            + #""label":"United Nations","broader":[],"match":"variant"}]}"# + "\n")
        #expect(outcome.status == 0)
    }

    /// A negative label keeps a common English word from being heard as a Russian label of an
    /// entity the document names: Mosque is not Москва, though Moscow is in the document.
    @Test(arguments: [
        ("The talks were held in Moscow.\nPilgrims filled the Blue Mosque in Mazar.\n",
         "1\t23\t29\tplace:moscow\tMoscow\n"),
    ])
    func aNegativeLabelKeepsAWordFromAnotherScriptsLabel(input: String, expected: String) throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv", "--documents", "blank-line"], stdin: input)
        #expect(outcome.output == expected)
        #expect(outcome.status == 0)
    }

    /// A CR without LF and a NUL are read as spaces, and said (the first of each in a line), as
    /// `normalize` says them; the CR of a CRLF line end is no stray.
    @Test(arguments: [
        ("Kabul\rHerat\n", "1\t0\t5\tplace:kabul\tKabul\n1\t6\t11\tplace:herat\tHerat\n",
         "<stdin>:1:6: warning: CR without LF read as a space: lines end at LF (for a file with CR line ends: "
            + "tr '\\r' '\\n') at byte offset 5 [lone-cr]\n"),
        ("ok\r\nکابل\rهرات\n", "2\t0\t4\tplace:kabul\tکابل\n2\t5\t9\tplace:herat\tهرات\n",
         "<stdin>:2:5: warning: CR without LF read as a space: lines end at LF (for a file with CR line ends: "
            + "tr '\\r' '\\n') at byte offset 12 [lone-cr]\n"),
        ("x\0Kabul\n", "1\t2\t7\tplace:kabul\tKabul\n",
         "<stdin>:1:2: warning: NUL byte read as a space at byte offset 1 [nul-byte]\n"),
    ])
    func strayControlsAreReported(input: String, output: String, stderr: String) throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: input)
        #expect(outcome.output == output)
        #expect(outcome.stderr == stderr)
        #expect(outcome.status == 0)
    }

    @Test(arguments: [1, 2, 3])
    func oneRecordPerLineInOrder(jobs: Int) throws {
        let input = (1...3_000).map { $0 % 3 == 0 ? "Kabul \($0)" : ($0 % 3 == 1 ? "" : "هرات \($0)") }.joined(separator: "\n") + "\n"
        let outcome = try CLIRunner.run(["tag", "--jobs", String(jobs)], stdin: input)
        let records = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(records.count == 3_000)
        for (index, record) in records.enumerated() {
            #expect(record.hasPrefix("{\"line\":\(index + 1),"))
        }
    }

    @Test func aLexiconFolderWithErrorsStopsTheRun() throws {
        let scratch = try Scratch()
        let folder = scratch.directory.appendingPathComponent("lexicon")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try scratch.file("lexicon/entities.tsv", "place:kabul\tplace\t\t\t\n")
        _ = try scratch.file("lexicon/labels.tsv", "place:kabul\ten\tpref\tKabul\tbold\t\n")
        let outcome = try CLIRunner.run(["tag", "--lexicon", folder.path], stdin: "Kabul\n")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == """
            \(folder.path)/entities.tsv:1:1: error: place:kabul has no en pref label in \(folder.path)/labels.tsv [missing-en-pref]
            \(folder.path)/labels.tsv:1:27: error: unknown flag 'bold' (known: cs, weak, proper, demonym) [unknown-flag]
            lexalign: error: the lexicon has 2 errors and is not used; `lexalign lexicon lint` lists every problem with its hint

            """)
        #expect(outcome.status == 2)
    }

    /// A word of one letter never ends a fuzzy span that lengthens an exact mention: with a longer
    /// Russian label of the same person in a copy of the lexicon, "… Аль Тани и Хакан Фидан" gave
    /// the mention "… Аль Тани и" (и, 'and', costs the phonetic distance almost nothing).
    @Test func aOneLetterWordEndsNoSpanAroundAMention() throws {
        let scratch = try Scratch()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = scratch.directory.appendingPathComponent("Lexicons")
        try FileManager.default.copyItem(at: root.appendingPathComponent("Lexicons"), to: folder)
        let labels = folder.appendingPathComponent("labels.tsv")
        let longer = "person:mohammed-bin-abdulrahman-al-thani\tru\talt\tМухаммад бин Абд ар-Рахман Аль Тани\t\ttest\n"
        let extended = try String(contentsOf: labels, encoding: .utf8) + longer
        try extended.write(to: labels, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["tag", "--lexicon", folder.path, "--format", "tsv"],
                                        stdin: "Мухаммед бен Абдеррахман Аль Тани и Хакан Фидан.\n")
        #expect(outcome.output
            == "1\t0\t33\tperson:mohammed-bin-abdulrahman-al-thani\tМухаммед бен Абдеррахман Аль Тани\n"
                + "1\t36\t47\tperson:hakan-fidan\tХакан Фидан\n")
        #expect(outcome.status == 0)
    }

    @Test func anotherLexiconFolderIsUsed() throws {
        let scratch = try Scratch()
        let folder = scratch.directory.appendingPathComponent("lexicon")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try scratch.file("lexicon/entities.tsv", "place:bagram\tplace\t\t\t\n")
        _ = try scratch.file("lexicon/labels.tsv", "place:bagram\ten\tpref\tBagram\t\t\n")
        let outcome = try CLIRunner.run(["tag", "--lexicon", folder.path, "--format", "tsv"], stdin: "Kabul and Bagram\n")
        #expect(outcome.output == "1\t10\t16\tplace:bagram\tBagram\n")
    }

    /// --ids writes each mention's identifiers in the schemes asked for, QIDs from entities.tsv and
    /// the rest from identifiers.tsv; an entity without any gets an empty object. (A scratch
    /// lexicon: the GeoNames value only has the right form.)
    @Test(arguments: [
        (["--ids", "wikidata"], #"{"wikidata":"Q5838"}|{}"#),
        (["--ids", "iso3166"], #"{"iso3166-2":"AF-KAB"}|{"iso3166-1":"AF"}"#),
        (["--ids", "geonames,wikidata"], #"{"wikidata":"Q5838","geonames":"123"}|{}"#),
        (["--ids", "all"], #"{"wikidata":"Q5838","iso3166-2":"AF-KAB","geonames":"123"}|{"iso3166-1":"AF"}"#),
    ])
    func identifiersJoinEachMention(arguments: [String], expected: String) throws {
        let scratch = try Scratch()
        let folder = scratch.directory.appendingPathComponent("lexicon")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try scratch.file("lexicon/entities.tsv", "place:afghanistan\tplace\t\t\t\nplace:kabul-province\tplace\t\tQ5838\t\n")
        _ = try scratch.file("lexicon/labels.tsv", "place:afghanistan\ten\tpref\tAfghanistan\t\t\n"
            + "place:kabul-province\ten\tpref\tKabul Province\t\t\n")
        _ = try scratch.file("lexicon/identifiers.tsv", "place:afghanistan\tiso3166-1\tAF\ttest\n"
            + "place:kabul-province\tgeonames\t123\ttest\nplace:kabul-province\tiso3166-2\tAF-KAB\ttest\n")
        let outcome = try CLIRunner.run(["tag", "--lexicon", folder.path] + arguments, stdin: "Kabul Province, Afghanistan\n")
        #expect(outcome.status == 0, "\(outcome)")
        // The record is JSON, each mention has the member; written in the order of the schemes
        // (wikidata, iso3166-1, iso3166-2, geonames).
        let record = try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any]
        let mentions = record?["mentions"] as? [[String: Any]] ?? []
        #expect(mentions.count == 2 && mentions.allSatisfy { $0["ids"] is [String: String] })
        let written = outcome.output.components(separatedBy: #""ids":"#).dropFirst().map { $0.prefix { $0 != "}" } + "}" }
        #expect(written.joined(separator: "|") == expected)
    }

    /// A lexicon folder whose identifiers.tsv has errors is refused, whether or not --ids asks
    /// for them (any error lint reports stops the run).
    @Test(arguments: [["--ids", "geonames"], []])
    func identifiersWithErrorsStopTheRun(arguments: [String]) throws {
        let scratch = try Scratch()
        let folder = scratch.directory.appendingPathComponent("lexicon")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try scratch.file("lexicon/entities.tsv", "place:kabul\tplace\t\t\t\n")
        _ = try scratch.file("lexicon/labels.tsv", "place:kabul\ten\tpref\tKabul\t\t\n")
        _ = try scratch.file("lexicon/identifiers.tsv", "place:kabul\tgeonames\tK1\ttest\nplace:kandahar\tgeonames\t1138958\ttest\n")
        let outcome = try CLIRunner.run(["tag", "--lexicon", folder.path] + arguments, stdin: "Kabul\n")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == """
            \(folder.path)/identifiers.tsv:1:22: error: 'K1' is not a GeoNames id (digits, no leading zero, e.g. 1138958) [identifier-syntax]
            \(folder.path)/identifiers.tsv:2:1: error: unknown id 'place:kandahar' (not in \(folder.path)/entities.tsv) [unknown-id]
            lexalign: error: the lexicon has 2 errors and is not used; `lexalign lexicon lint` lists every problem with its hint

            """)
        #expect(outcome.status == 2)
    }

    @Test(arguments: [
        ["tag", "--offsets", "utf32"],
        ["tag", "--types", "event"],
        ["tag", "--label-lang", "klingon"],
        ["tag", "--format", "xml"],
        ["tag", "--fuzzy", "maybe"],
        ["tag", "--min-score", "2"],
        ["tag", "--doc-field", "doc"],
        ["tag", "--input", "jsonl", "--doc-field", "doc", "--documents", "blank-line"],
        ["tag", "--documents", "paragraph"],
        ["tag", "--ids", "isbn"],
        ["tag", "--ids", "wikidata,"],
        ["tag", "--ids", "wikidata", "--format", "tsv"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        #expect(try CLIRunner.run(arguments).status == 64)
    }

    /// Fuzzy mentions say so, with their score and the label they sound like; --fuzzy and
    /// --min-score choose how near is near enough.
    @Test(arguments: [
        ([String](), """
            {"line":1,"text":"Serajuddin Haqani spoke in Kundoz.","mentions":[{"start":0,"end":17,"surface":"Serajuddin Haqani","id":"person:sirajuddin-haqqani","type":"person","label":"Sirajuddin Haqqani","broader":[],"match":"fuzzy","score":0.989,"via":"Sirajuddin Haqqani"},{"start":27,"end":33,"surface":"Kundoz","id":"place:kunduz","type":"place","label":"Kunduz","broader":["place:kunduz-province","place:afghanistan"],"match":"fuzzy","score":0.978,"via":"Kunduz"}]}

            """),
        (["--fuzzy", "off"], """
            {"line":1,"text":"Serajuddin Haqani spoke in Kundoz.","mentions":[]}

            """),
        (["--min-score", "0.98", "--format", "tsv"], "1\t0\t17\tperson:sirajuddin-haqqani\tSerajuddin Haqani\n"),
        (["--fuzzy", "strict", "--format", "inline"], "Sirajuddin Haqqani spoke in Kunduz.\n"),
    ])
    func fuzzyMentions(arguments: [String], expected: String) throws {
        let outcome = try CLIRunner.run(["tag"] + arguments, stdin: "Serajuddin Haqani spoke in Kundoz.\n")
        #expect(outcome.output == expected)
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    /// A record read a second time, for the support of a fuzzy mention of several words, still has
    /// its words for the negative labels' check: the weak Jamiat heard inside Jamiat Ulema at 0.7
    /// once ended the process (an index out of range) instead of writing the line.
    @Test func aRecordReadAgainKeepsItsWords() throws {
        let outcome = try CLIRunner.run(["tag", "--min-score", "0.7", "--format", "tsv"], stdin: "the Jamiat Ulema\n")
        #expect(outcome.output == "1\t4\t16\torg:jamiat-e-islami\tJamiat Ulema\n")
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    /// A weak label resolves when its document names the entity by a strong label or by a fuzzy
    /// mention of several words (Сухейль Шахин, Suhail Shahin: the label is Мохаммад Сохаил Шахин,
    /// English Suhail Shaheen): a run of lines between blank lines, the whole input, or consecutive
    /// JSON records sharing --doc-field; each record alone by default.
    @Test(arguments: [
        ([String](), "The UN Security Council met on Monday.\nThe Security Council said so.\n\nThe Security Council said so.\n",
         "1\t4\t23\torg:un-security-council\tUN Security Council\n"),
        (["--documents", "blank-line"],
         "The UN Security Council met on Monday.\nThe Security Council said so.\n\nThe Security Council said so.\n",
         "1\t4\t23\torg:un-security-council\tUN Security Council\n2\t4\t20\torg:un-security-council\tSecurity Council\n"),
        (["--documents", "file"],
         "The UN Security Council met on Monday.\n\nThe Security Council said so.\n",
         "1\t4\t23\torg:un-security-council\tUN Security Council\n3\t4\t20\torg:un-security-council\tSecurity Council\n"),
        (["--input", "jsonl", "--doc-field", "doc"],
         """
         {"doc":1,"text":"The UN Security Council met on Monday."}
         {"doc":1,"text":"The Security Council said so."}
         {"doc":2,"text":"The Security Council said so."}

         """,
         "1\t4\t23\torg:un-security-council\tUN Security Council\n2\t4\t20\torg:un-security-council\tSecurity Council\n"),
        (["--documents", "blank-line"],
         "Сухейль Шахин прибыл в Кабул.\nШахин заявил, что переговоры продолжатся.\n\nШахин заявил это.\n",
         "1\t0\t13\tperson:suhail-shaheen\tСухейль Шахин\n1\t23\t28\tplace:kabul\tКабул\n"
            + "2\t0\t5\tperson:suhail-shaheen\tШахин\n"),
        ([String](), "Сухейль Шахин прибыл в Кабул.\nШахин заявил, что переговоры продолжатся.\n",
         "1\t0\t13\tperson:suhail-shaheen\tСухейль Шахин\n1\t23\t28\tplace:kabul\tКабул\n"),
        (["--input", "jsonl", "--doc-field", "doc"],
         """
         {"doc":1,"text":"Shaheen said the talks were useful."}
         {"doc":1,"text":"Suhail Shahin arrived in Doha."}
         {"doc":2,"text":"Shaheen said so."}

         """,
         "1\t0\t7\tperson:suhail-shaheen\tShaheen\n2\t0\t13\tperson:suhail-shaheen\tSuhail Shahin\n"
            + "2\t25\t29\tplace:doha\tDoha\n"),
    ])
    func documentsLendTheirStrongMentions(arguments: [String], input: String, expected: String) throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"] + arguments, stdin: input)
        #expect(outcome.output == expected)
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    /// A document read again for the support of a fuzzy mention says what is wrong with its lines
    /// once, and writes what it finds in them once.
    @Test func aDocumentReadAgainWarnsOnce() throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv", "--documents", "blank-line"],
                                        stdin: "Сухейль Шахин прибыл.\nШахин заявил \r что так.\n")
        #expect(outcome.output == "1\t0\t13\tperson:suhail-shaheen\tСухейль Шахин\n"
                    + "2\t0\t5\tperson:suhail-shaheen\tШахин\n")
        #expect(outcome.stderr == "<stdin>:2:14: warning: CR without LF read as a space: lines end at LF (for a file "
                    + "with CR line ends: tr '\\r' '\\n') at byte offset 64 [lone-cr]\n")
        #expect(outcome.status == 0)
    }

    /// A record without text lends its document nothing: not what the record before it (of another
    /// document) named.
    @Test func aRecordWithoutTextLendsNothing() throws {
        let input = """
            {"doc":1,"text":"Сухейль Шахин прибыл."}
            {"doc":2}
            {"doc":2,"text":"Шахин заявил."}

            """
        let outcome = try CLIRunner.run(["tag", "--input", "jsonl", "--doc-field", "doc", "--format", "tsv"],
                                        stdin: input)
        #expect(outcome.output == "1\t0\t13\tperson:suhail-shaheen\tСухейль Шахин\n")
        #expect(outcome.stderr == "<stdin>:2:9: error: no string field 'text' at byte offset 67 [bad-json]\n")
        #expect(outcome.status == 2)
    }

    /// A person's name inside a longer capitalised name nobody listed (Qayum Karzai, a brother) is
    /// left out; --partial reports it, marked "partial":true.
    @Test(arguments: [
        ([String](), "1\t0\t8\tplace:kandahar\tKandahar\n"),
        (["--partial", "--format", "tsv"], "1\t0\t8\tplace:kandahar\tKandahar\n1\t30\t36\tperson:hamid-karzai\tKarzai\n"),
        (["--partial"], """
            {"line":1,"text":"Kandahar council member Qayum Karzai was there.","mentions":[{"start":0,"end":8,"surface":"Kandahar","id":"place:kandahar","type":"place","label":"Kandahar","broader":["place:kandahar-province","place:afghanistan"],"match":"exact"},{"start":30,"end":36,"surface":"Karzai","id":"person:hamid-karzai","type":"person","label":"Hamid Karzai","broader":[],"match":"exact","partial":true}]}

            """),
    ])
    func partsOfLongerNames(arguments: [String], expected: String) throws {
        let arguments = arguments.isEmpty ? ["--format", "tsv"] : arguments
        let outcome = try CLIRunner.run(["tag"] + arguments, stdin: "Kandahar council member Qayum Karzai was there.\n")
        #expect(outcome.output == expected)
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    /// Nationality adjectives name their country, marked "demonym":true; inline leaves them as
    /// written; --no-demonyms leaves them out (the fuzzy pass never reads them either).
    @Test(arguments: [
        (["--format", "tsv"], "1\t0\t7\tplace:china\tChinese\n1\t12\t18\tplace:afghanistan\tAfghan\n1\t36\t41\tplace:kabul\tKabul\n"),
        (["--format", "tsv", "--no-demonyms"], "1\t36\t41\tplace:kabul\tKabul\n"),
        (["--format", "inline", "--label-lang", "prs"], "Chinese and Afghan officials met in کابل.\n"),
        (["--types", "place", "--fuzzy", "off"], """
            {"line":1,"text":"Chinese and Afghan officials met in Kabul.","mentions":[{"start":0,"end":7,"surface":"Chinese","id":"place:china","type":"place","label":"China","broader":[],"match":"exact","demonym":true},{"start":12,"end":18,"surface":"Afghan","id":"place:afghanistan","type":"place","label":"Afghanistan","broader":[],"match":"exact","demonym":true},{"start":36,"end":41,"surface":"Kabul","id":"place:kabul","type":"place","label":"Kabul","broader":["place:kabul-province","place:afghanistan"],"match":"exact"}]}

            """),
    ])
    func demonymsNameTheirCountry(arguments: [String], expected: String) throws {
        let outcome = try CLIRunner.run(["tag"] + arguments, stdin: "Chinese and Afghan officials met in Kabul.\n")
        #expect(outcome.output == expected)
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    /// A head word beside a place's name picks the province or the river of that name; the mention
    /// takes the head word in and names it ("head"); inline writes the entity's label in its place.
    @Test(arguments: [
        (["--format", "tsv"], "1\t2\t18\tplace:kunduz-province\tпровинции Кундуз\n1\t20\t26\tplace:kunduz\tКундуз\n"
            + "1\t29\t42\tplace:helmand-river\tреки Гильменд\n"),
        (["--format", "inline", "--label-lang", "en"], "В Kunduz Province, Kunduz и Helmand River.\n"),
        // Гильменд is a label of Helmand (the province); реки makes it the river
        ([], """
            {"line":1,"text":"В провинции Кундуз, Кундуз и реки Гильменд.","mentions":[{"start":2,"end":18,"surface":"провинции Кундуз","id":"place:kunduz-province","type":"place","label":"Kunduz Province","broader":["place:afghanistan"],"match":"exact","head":"провинции"},{"start":20,"end":26,"surface":"Кундуз","id":"place:kunduz","type":"place","label":"Kunduz","broader":["place:kunduz-province","place:afghanistan"],"match":"exact"},{"start":29,"end":42,"surface":"реки Гильменд","id":"place:helmand-river","type":"place","label":"Helmand River","broader":["place:afghanistan","place:iran"],"match":"exact","head":"реки"}]}

            """),
    ])
    func headWordsPickTheProvinceOrTheRiver(arguments: [String], expected: String) throws {
        let outcome = try CLIRunner.run(["tag"] + arguments, stdin: "В провинции Кундуз, Кундуз и реки Гильменд.\n")
        #expect(outcome.output == expected)
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    /// A word that is also a common word after a name is no head word: Dari رود is 'river' and the
    /// verb 'goes' (به کابل رود, 'goes to Kabul'), so it is not listed and Kabul stays the city.
    @Test func aVerbAfterAPlaceIsNoHeadWord() throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv"], stdin: "او باید به کابل رود\n")
        #expect(outcome.output == "1\t11\t15\tplace:kabul\tکابل\n")
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }
}
