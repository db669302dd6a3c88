import Testing
import TextNormalization
@testable import SentenceAlignment

/// Sentence splitting: tables of (paragraph, expected sentences) per language.
@Suite("sentence splitter")
struct SentenceSplitterTests {
    static let abbreviations: Abbreviations = {
        do {
            return try Abbreviations.builtIn()
        } catch {
            Issue.record("the built-in abbreviations do not parse: \(error)")
            return Abbreviations()
        }
    }()

    static func split(_ text: String, _ language: Language) throws -> [String] {
        try SentenceSplitter(language: language, abbreviations: abbreviations).sentences(in: text)
    }

    @Test(arguments: [
        // Plain sentences, ! and ?.
        ("Kabul was quiet. Herat was not! Was Kandahar?", ["Kabul was quiet.", "Herat was not!", "Was Kandahar?"]),
        // Titles and ranks: ICU alone breaks after "Dr." and "Gen.".
        ("Dr. Smith met Gen. Miller and Mr. Jones. They talked.", ["Dr. Smith met Gen. Miller and Mr. Jones.", "They talked."]),
        ("Lt. Col. Ahmadi and Sgt. Maj. Khan arrived. Prof. Rahimi did not.",
         ["Lt. Col. Ahmadi and Sgt. Maj. Khan arrived.", "Prof. Rahimi did not."]),
        ("The Bells of St. Martin's Fall Silent", ["The Bells of St. Martin's Fall Silent"]),
        ("Sen. Flake and Rep. Waters spoke on Oct. 5. Gov. Cuomo did not.",
         ["Sen. Flake and Rep. Waters spoke on Oct. 5.", "Gov. Cuomo did not."]),
        ("Apples, pears etc. Other fruit too.", ["Apples, pears etc. Other fruit too."]),
        ("It was No. 1 in Jan. and Feb. of that year.", ["It was No. 1 in Jan. and Feb. of that year."]),
        ("Roe v. Wade stands. Grace vs. Sessions does too.", ["Roe v. Wade stands.", "Grace vs. Sessions does too."]),
        ("Zhou et al. Found it. They did.", ["Zhou et al. Found it.", "They did."]),
        ("Acme Inc. Chief John Doe Jr. resigned.", ["Acme Inc. Chief John Doe Jr. resigned."]),
        // A word ICU's own suppression list (en@ss=standard) would keep from ending a sentence.
        ("He signed the Affordable Care Act. The law passed.", ["He signed the Affordable Care Act.", "The law passed."]),
        // Initials.
        ("J. K. Rowling wrote it. George W. Bush read it.", ["J. K. Rowling wrote it.", "George W. Bush read it."]),
        // Dotted acronyms, a.m. and p.m.
        ("U.S. officials met U.N. staff. The talks ended.", ["U.S. officials met U.N. staff.", "The talks ended."]),
        ("The U.S. Navy said so at 5 a.m. Eastern time.", ["The U.S. Navy said so at 5 a.m. Eastern time."]),
        // A sentence that really ends with "U.S." followed by a capital is not split: in news the
        // next capital is far more often a name (U.S. Navy, U.S. President) than a new sentence.
        ("It moved toward the U.S. As it did, rain fell.", ["It moved toward the U.S. As it did, rain fell."]),
        ("The U.S. is large. The E.U. is too.", ["The U.S. is large.", "The E.U. is too."]),
        // Numbers.
        ("Inflation was 3.5 percent. It rose.", ["Inflation was 3.5 percent.", "It rose."]),
        ("It cost 1.200.000 afghanis. Prices rose in 2018. 5 people were hurt.",
         ["It cost 1.200.000 afghanis.", "Prices rose in 2018.", "5 people were hurt."]),
        // A period before a lower-case letter, or glued to the next word.
        ("Visit bbc.com for more. He said e.g. this and i.e. that.", ["Visit bbc.com for more.", "He said e.g. this and i.e. that."]),
        ("They met at the hotel. then left.", ["They met at the hotel. then left."]),
        // Quotes and brackets: the closer stays, the opener goes with the next sentence.
        (#"He said "Go!" Then he left."#, [#"He said "Go!""#, "Then he left."]),
        (#""Are you ready?" she asked."#, [#""Are you ready?" she asked."#]),
        (#""Why?", he asked. "Because," she said."#, [#""Why?", he asked."#, #""Because," she said."#]),
        ("(It was late.) The bells rang.", ["(It was late.)", "The bells rang."]),
        ("It was late (very late.) Everyone slept.", ["It was late (very late.)", "Everyone slept."]),
        ("He left.“Next one,” she said. ‘Fine.’ He went.", ["He left.", "“Next one,” she said.", "‘Fine.’", "He went."]),
        (#"'There's a shark!'" Hammel added."#, [#"'There's a shark!'""#, "Hammel added."]),
        // Ellipsis: an end before a capital only.
        ("Wait... what? We waited... Then it came.", ["Wait... what?", "We waited...", "Then it came."]),
        ("Did we leak...No, we didn't. Wait… Now.", ["Did we leak...No, we didn't.", "Wait…", "Now."]),
        // White space: trimmed, runs and tabs made one space; line breaks end sentences.
        ("  Kabul\tis   quiet .  Herat too.  ", ["Kabul is quiet .", "Herat too."]),
        ("A headline without a stop\nThe story begins. It goes on", ["A headline without a stop", "The story begins.", "It goes on"]),
        // Nothing but punctuation is never a sentence of its own.
        (#"He spoke. ""#, [#"He spoke. ""#]),
        ("...", ["..."]),
        ("", []),
        (" \t ", []),
    ])
    func english(text: String, expected: [String]) throws {
        #expect(try SentenceSplitterTests.split(text, .english) == expected)
    }

    @Test(arguments: [
        // . ؟ ! and ۔ end sentences.
        ("طالبان گفتند که مذاکره ادامه دارد. آیا توافق می‌شود؟ هنوز معلوم نیست!",
         ["طالبان گفتند که مذاکره ادامه دارد.", "آیا توافق می‌شود؟", "هنوز معلوم نیست!"]),
        ("جلسه تمام شد۔ وزیر رفت.", ["جلسه تمام شد۔", "وزیر رفت."]),
        ("آیا توافق می‌شود؟هنوز معلوم نیست.", ["آیا توافق می‌شود؟", "هنوز معلوم نیست."]),
        // Decimals and numbers in Persian, Arabic-Indic and ASCII digits.
        ("نرخ تورم ۳٫۵ درصد بود. قیمت‌ها بالا رفت.", ["نرخ تورم ۳٫۵ درصد بود.", "قیمت‌ها بالا رفت."]),
        ("نرخ تورم ٣.٥ درصد بود. قیمت‌ها بالا رفت.", ["نرخ تورم ٣.٥ درصد بود.", "قیمت‌ها بالا رفت."]),
        ("بودجه 1.200.000 افغانی است. در سال ۱۴۰۲. ۵ نفر کشته شدند.",
         ["بودجه 1.200.000 افغانی است.", "در سال ۱۴۰۲.", "۵ نفر کشته شدند."]),
        // Dotted abbreviations without spaces: ب.ظ (p.m.), ه.ش (solar hijri).
        ("تا ساعت ۱ ب.ظ هیچ گزارشی نبود. سال ۱۴۰۰ ه.ش. آغاز شد.", ["تا ساعت ۱ ب.ظ هیچ گزارشی نبود.", "سال ۱۴۰۰ ه.ش. آغاز شد."]),
        // Initials and Latin letter names written in Dari; Latin abbreviations and acronyms.
        ("کلیسای اس تی. مارتین ساکت است. دیونیسیو ا. لیند نواخت.", ["کلیسای اس تی. مارتین ساکت است.", "دیونیسیو ا. لیند نواخت."]),
        ("پرونده روی وی. وید باقی است.", ["پرونده روی وی. وید باقی است."]),
        (#"تیم مانیننگ گفت "اف.ای.ام.ا. در هماهنگی نقش دارد." او رفت."#, [#"تیم مانیننگ گفت "اف.ای.ام.ا. در هماهنگی نقش دارد.""#, "او رفت."]),
        ("تحقیقات F.B.I. برای کاوانو ادامه دارد. Dr. Ford شهادت داد.", ["تحقیقات F.B.I. برای کاوانو ادامه دارد.", "Dr. Ford شهادت داد."]),
        // Quotes: « » and the ASCII quote by count.
        ("«آیا؟» او گفت.", ["«آیا؟»", "او گفت."]),
        (#"او گفت: "یک کوسه در آب است!" حامیل اظهار داشت."#, [#"او گفت: "یک کوسه در آب است!""#, "حامیل اظهار داشت."]),
        (#"وزیر گفت. "ما آماده‌ایم.""#, ["وزیر گفت.", #""ما آماده‌ایم.""#]),
        // An ellipsis is a pause, not an end, in Dari.
        ("آنان پسر بچه هستند، بسیار کنجکاو اند ... آنها به شما صدمه نمی‌زنند.",
         ["آنان پسر بچه هستند، بسیار کنجکاو اند ... آنها به شما صدمه نمی‌زنند."]),
        // A stray closing quote after a space joins the sentence before it.
        (#"این ادعا یک دروغ مطلق است. ""#, [#"این ادعا یک دروغ مطلق است. ""#]),
    ])
    func dari(text: String, expected: [String]) throws {
        #expect(try SentenceSplitterTests.split(text, .dari) == expected)
    }

    @Test(arguments: [
        ("طالبانو وویل چې خبرې روانې دي. ایا جوړجاړی کېږي؟ لا معلومه نه ده۔",
         ["طالبانو وویل چې خبرې روانې دي.", "ایا جوړجاړی کېږي؟", "لا معلومه نه ده۔"]),
        // و (was) ends a sentence; a single other letter is an initial.
        ("د خلکو غبرګونونه مختلف و. ډیرو ویل چې دا سمه ده.", ["د خلکو غبرګونونه مختلف و.", "ډیرو ویل چې دا سمه ده."]),
        ("د پولیسو مشر مورفي جې. پاول وویل. سین کوومبس د پف ډډي، پي. ډډي په نوم مشهور دی.",
         ["د پولیسو مشر مورفي جې. پاول وویل.", "سین کوومبس د پف ډډي، پي. ډډي په نوم مشهور دی."]),
        // Numbers: Persian digits with the Arabic decimal separator and comma.
        ("دا سیمه د ۷٫۵ زلزلې مرکز ته نږدې وه. سلنه ۲،۸ لوړه شوه.", ["دا سیمه د ۷٫۵ زلزلې مرکز ته نږدې وه.", "سلنه ۲،۸ لوړه شوه."]),
        ("٣.٥ سلنه. د شورا غړي", ["٣.٥ سلنه.", "د شورا غړي"]),
        // Bidi marks around the punctuation stay with the characters they follow.
        ("بدل شي.\u{200E} \u{200E}دا خبره رابرسېره شوې.\u{200E} \u{200E}",
         ["بدل شي.\u{200E}", "\u{200E}دا خبره رابرسېره شوې.\u{200E}\u{200E}"]),
        // Quotes.
        (#""ایا تیار یاست؟" سي ان ان راپور ورکړ."#, [#""ایا تیار یاست؟""#, "سي ان ان راپور ورکړ."]),
        // A closing quote typed after a space, known by the count of quotes.
        (#""ما چیغې کړې: په اوبو کې شارک کب دې! "هېمیل زیاته کړه."#, [#""ما چیغې کړې: په اوبو کې شارک کب دې! ""#, "هېمیل زیاته کړه."]),
        // A Latin acronym inside Pashto.
        ("د امریکا متحده ایالات باید خپلې A.I. مرستې دوه ګونه ډېرې کړي.", ["د امریکا متحده ایالات باید خپلې A.I. مرستې دوه ګونه ډېرې کړي."]),
        ("ایا موږ دا اسناد افشا کړل... نه، موږ ندي افشا کړي.", ["ایا موږ دا اسناد افشا کړل... نه، موږ ندي افشا کړي."]),
    ])
    func pashto(text: String, expected: [String]) throws {
        #expect(try SentenceSplitterTests.split(text, .pashto) == expected)
    }

    @Test func rangesPointAtTheOriginalText() throws {
        let text = "  Dr. Smith\tcame.  He left. "
        let splitter = try SentenceSplitter(language: .english, abbreviations: SentenceSplitterTests.abbreviations)
        let ranges = try splitter.sentenceRanges(in: text)
        #expect(ranges == [2..<17, 19..<27])
        let scalars = Array(text.unicodeScalars)
        #expect(ranges.map { String(String.UnicodeScalarView(scalars[$0])) } == ["Dr. Smith\tcame.", "He left."])
    }

    @Test(arguments: [Language.english, .dari, .pashto])
    func localesOpen(language: Language) throws {
        let splitter = try SentenceSplitter(language: language, abbreviations: SentenceSplitterTests.abbreviations)
        #expect(splitter.language == language)
    }

    // MARK: the abbreviations file

    @Test func theShippedFileCoversEveryLanguage() {
        for language in [Language.english, .dari, .pashto] {
            #expect(SentenceSplitterTests.abbreviations.count(in: language) >= 70, "\(language)")
        }
        let english = SentenceSplitterTests.abbreviations
        for word in ["Mr", "Dr", "Gen", "St", "No", "etc", "e.g", "U.S", "Univ", "approx"] {
            #expect(english.contains(Array(word.unicodeScalars)[...], in: .english), "\(word)")
        }
        #expect(!english.contains(Array("no".unicodeScalars)[...], in: .english))
        #expect(english.contains(Array("تی".unicodeScalars)[...], in: .dari))
        #expect(!english.contains(Array("وی".unicodeScalars)[...], in: .pashto))
    }

    @Test(arguments: [
        ("Mr.\n", "x.txt:1:1: error: an abbreviation before the first [language] line [abbreviation-syntax]"),
        ("[de]\n", "x.txt:1:1: error: a group is [en], [prs] or [ps], not [de] [abbreviation-syntax]"),
        ("# c\n[en]\nMr\n", "x.txt:3:1: error: an abbreviation is one word ending in a period, not 'Mr' [abbreviation-syntax]"),
        ("[en]\nSt. Louis.\n", "x.txt:2:1: error: an abbreviation is one word ending in a period, not 'St. Louis.' [abbreviation-syntax]"),
    ])
    func malformedFilesAreReported(text: String, expected: String) {
        let error = #expect(throws: Diagnostic.self) { try Abbreviations(parsing: text, path: "x.txt") }
        #expect(error?.description == expected)
    }
}
