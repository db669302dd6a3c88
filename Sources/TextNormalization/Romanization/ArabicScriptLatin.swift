/// What every Arabic-script character is worth in ASCII when nothing better is known: the last
/// step of the latin form for the letters, marks and signs the Dari and Pashto rule files leave
/// (letters of Kurdish, Sindhi, Urdu, Uyghur, Kashmiri, Jawi, Ajami ...), and for the signs between
/// words. One value per code point, without context.
///
/// How a value was chosen, in this order:
/// 1. the letters of Dari and Pashto: what `prs-Latn.txt` writes when no context applies (the rule
///    files come first, so these entries are only a safety net);
/// 2. a letter of another language: that language's usual Latin spelling, made ASCII as ICU's
///    Latin-ASCII would (Kurdish Hawar ê -> e, ř -> r; Uyghur ULY ö ü -> o u; Sindhi ñ -> ny,
///    ṭh -> th; Jawi nga nya; Wolof and Fula ajami per their Latin orthographies);
/// 3. otherwise the letter it is built on, as its Unicode name says ("BEH WITH ..." -> b,
///    "KEHEH WITH ..." -> k, a waw u and a yeh i as in 1, an ain nothing); a beh or hah with three
///    dots below is the peh or tcheh shape (p, ch), an ain with three dots the Jawi and Wolof ng.
/// Vowel signs give their vowel; marks without a sound of their own (shadda, sukun, hamza, tone
/// marks, Quranic annotation and honorific signs) and the signs that span digits are dropped.
/// Symbols with no ASCII form (۞ ۩ ؎ ؋ ؆ ...) are not listed and stay, as the latin form keeps € or
/// ‰; digits are already ASCII (the latin form always writes ASCII digits, step 4).
enum ArabicScriptLatin {
    static let values: [(UInt16, String)] = signs + arabic + supplement + extendedB + extendedA + presentationForms

    /// Punctuation and format signs of the Arabic block.
    static let signs: [(UInt16, String)] = [
        (0x0600, ""), (0x0601, ""), (0x0602, ""), (0x0603, ""), (0x0604, ""), (0x0605, ""),  // signs spanning digits
        (0x060C, ","), (0x060D, "/"),  // comma; date separator (between day, month and year)
        (0x061B, ";"), (0x061D, "."), (0x061E, "."), (0x061F, "?"),  // end of text, triple dot: Sentence_Terminal
        (0x066A, "%"), (0x066D, "*"),  // percent; five-pointed star (the key form writes * too)
        (0x06D4, "."), (0x06DD, ""),  // full stop; end of ayah (spans the verse number)
    ]

    /// The Arabic block, U+0620–U+06FF, letters and marks.
    static let arabic: [(UInt16, String)] = [
        // honorific and Quranic annotation signs
        (0x0610, ""), (0x0611, ""), (0x0612, ""), (0x0613, ""), (0x0614, ""), (0x0615, ""), (0x0616, ""),
        (0x0617, ""), (0x0618, ""), (0x0619, ""), (0x061A, ""),
        (0x0620, "y"),  // Kashmiri yeh: palatalisation, a yeh (the key folds it to ی)
        // the Arabic letters as Dari writes them
        (0x0621, ""), (0x0622, "a"), (0x0623, "a"), (0x0624, "u"), (0x0625, "i"), (0x0626, ""), (0x0627, "a"),
        (0x0628, "b"), (0x0629, "a"), (0x062A, "t"), (0x062B, "s"), (0x062C, "j"), (0x062D, "h"), (0x062E, "kh"),
        (0x062F, "d"), (0x0630, "z"), (0x0631, "r"), (0x0632, "z"), (0x0633, "s"), (0x0634, "sh"), (0x0635, "s"),
        (0x0636, "z"), (0x0637, "t"), (0x0638, "z"), (0x0639, ""), (0x063A, "gh"),
        (0x063B, "k"), (0x063C, "k"),  // kehehs of early Persian and Azerbaijani
        (0x063D, "y"),  // Azerbaijani y
        (0x063E, "i"), (0x063F, "i"),  // early Persian variants of the final -i
        (0x0640, ""),  // tatweel
        (0x0641, "f"), (0x0642, "q"), (0x0643, "k"), (0x0644, "l"), (0x0645, "m"), (0x0646, "n"), (0x0647, "h"),
        (0x0648, "u"), (0x0649, "i"), (0x064A, "i"),
        // harakat as the rule files read them; shadda, sukun, madda and hamza add no letter
        (0x064B, "an"), (0x064C, "un"), (0x064D, "in"), (0x064E, "a"), (0x064F, "u"), (0x0650, "i"),
        (0x0651, ""), (0x0652, ""), (0x0653, ""), (0x0654, ""), (0x0655, ""),
        (0x0656, "i"),  // subscript alef, Urdu khari zer: long i
        (0x0657, "u"),  // inverted damma, Urdu ulta pesh: long u
        (0x0658, "n"),  // noon ghunna mark: nasal
        (0x0659, "a"),  // zwarakay, the Pashto schwa
        (0x065A, "e"),  // Kashmiri vowel sign small v above
        (0x065B, "o"),  // Fula o
        (0x065C, "e"),  // Fula e
        (0x065D, "u"),  // reversed damma
        (0x065E, "a"),  // fatha with two dots
        (0x065F, "i"),  // Kashmiri wavy hamza below: a close vowel
        (0x066E, "b"), (0x066F, "q"),  // dotless beh and qaf
        (0x0670, "a"),  // superscript alef
        (0x0671, "a"),  // alef wasla
        (0x0672, "a"), (0x0673, "i"),  // Kashmiri alefs with wavy hamza: schwa, close i
        (0x0674, ""),  // Kazakh high hamza: marks front vowels, no sound of its own
        (0x0675, "a"), (0x0676, "u"), (0x0677, "u"), (0x0678, "i"),  // high-hamza alef, waw, u, yeh
        (0x0679, "t"),  // Urdu tteh
        (0x067A, "th"), (0x067B, "b"),  // Sindhi ṭh, implosive b
        (0x067C, "t"),  // Pashto ټ
        (0x067D, "t"), (0x067E, "p"), (0x067F, "th"), (0x0680, "bh"),  // Sindhi ṭ; peh; Sindhi th, bh
        (0x0681, "dz"),  // Pashto ځ
        (0x0682, "h"),  // hah with two dots vertical above (no attested value)
        (0x0683, "ny"), (0x0684, "j"),  // Sindhi ñ, implosive j
        (0x0685, "ts"), (0x0686, "ch"),  // Pashto څ; tcheh
        (0x0687, "chh"),  // Sindhi chh
        (0x0688, "d"), (0x0689, "d"),  // Urdu ڈ, Pashto ډ
        (0x068A, "d"), (0x068B, "d"), (0x068C, "dh"), (0x068D, "dh"),  // Sindhi ḍ, Saraiki ḍ, Sindhi dh, ḍh,
        (0x068E, "d"), (0x068F, "d"), (0x0690, "d"),  // dul, implosive d, old Urdu ḍ
        (0x0691, "r"), (0x0692, "r"), (0x0693, "r"), (0x0694, "r"),  // Urdu ڑ; rehs; Pashto ړ
        (0x0695, "r"),  // Kurdish ڕ (Hawar ř)
        (0x0696, "zh"),  // Pashto ږ
        (0x0697, "r"),  // reh with two dots above
        (0x0698, "zh"),  // jeh
        (0x0699, "r"),  // Sindhi ṛ
        (0x069A, "sh"),  // Pashto ښ
        (0x069B, "s"), (0x069C, "sh"), (0x069D, "s"), (0x069E, "s"),  // seens and sads with dots (069C: sheen's
                                                                      // three dots above)
        (0x069F, "t"),  // tah with three dots above
        (0x06A0, "ng"),  // Jawi nga
        (0x06A1, "f"), (0x06A2, "f"), (0x06A3, "f"),  // dotless and Maghrebi fehs
        (0x06A4, "v"), (0x06A5, "v"),  // veh (Kurdish, Arabic loans); Maghrebi v
        (0x06A6, "ph"),  // Sindhi ph
        (0x06A7, "q"),  // Maghrebi qaf
        (0x06A8, "g"),  // Maghrebi g
        (0x06A9, "k"), (0x06AA, "k"),  // keheh, swash kaf
        (0x06AB, "g"),  // Pashto ګ
        (0x06AC, "g"),  // Jawi ga
        (0x06AD, "ng"),  // ng of Uyghur, Kazakh, Ottoman
        (0x06AE, "k"),  // kaf with three dots below
        (0x06AF, "g"), (0x06B0, "g"),  // gaf; Saraiki implosive g
        (0x06B1, "ng"),  // Sindhi ṅ
        (0x06B2, "g"), (0x06B3, "g"), (0x06B4, "g"),  // gafs with dots; Sindhi implosive g
        (0x06B5, "l"), (0x06B6, "l"), (0x06B7, "l"), (0x06B8, "l"),  // Kurdish ڵ (Hawar ł) and lams with dots
        (0x06B9, "n"), (0x06BA, "n"), (0x06BB, "n"), (0x06BC, "n"),  // noon with dot below; Urdu ں; Sindhi ṇ;
                                                                     // Pashto ڼ
        (0x06BD, "ny"),  // Jawi nya
        (0x06BE, "h"),  // heh doachashmee
        (0x06BF, "ch"),  // tcheh with dot above
        (0x06C0, "a-ye"),  // ۀ, the Dari ezafe after a final heh (as prs-Latn.txt)
        (0x06C1, "h"),  // Urdu heh goal
        (0x06C2, "a-ye"),  // ۂ, the Urdu izafat after a final heh goal (as ۀ)
        (0x06C3, "a"),  // Urdu teh marbuta goal
        (0x06C4, "o"),  // Kashmiri ɔ
        (0x06C5, "o"),  // Kyrgyz ö
        (0x06C6, "o"),  // Kurdish o, Uyghur ö
        (0x06C7, "u"),  // Uyghur, Kazakh u
        (0x06C8, "u"),  // Uyghur ü
        (0x06C9, "u"),  // Kyrgyz ü
        (0x06CA, "u"),  // Kurdish û
        (0x06CB, "v"),  // ve of Uyghur and Kazakh
        (0x06CC, "i"),  // Farsi yeh
        (0x06CD, "ai"),  // Pashto ۍ
        (0x06CE, "e"),  // Kurdish ê
        (0x06CF, "v"),  // Jawi va
        (0x06D0, "e"),  // Pashto and Uyghur e
        (0x06D1, "i"),  // yeh with three dots below
        (0x06D2, "e"), (0x06D3, "e"),  // Urdu yeh barree
        (0x06D5, "e"),  // ae, Kurdish and Uyghur e (the orthography step makes it ه before this)
        // Quranic annotation signs
        (0x06D6, ""), (0x06D7, ""), (0x06D8, ""), (0x06D9, ""), (0x06DA, ""), (0x06DB, ""), (0x06DC, ""),
        (0x06DF, ""), (0x06E0, ""), (0x06E1, ""), (0x06E2, ""), (0x06E3, ""), (0x06E4, ""), (0x06E5, ""),
        (0x06E6, ""), (0x06E7, ""), (0x06E8, ""), (0x06EA, ""), (0x06EB, ""), (0x06EC, ""), (0x06ED, ""),
        (0x06EE, "d"), (0x06EF, "r"),  // Parkari dal and reh with inverted v
        (0x06FA, "sh"), (0x06FB, "z"), (0x06FC, "gh"),  // sheen, dad, ghain with dot below
        (0x06FF, "h"),  // heh with inverted v
    ]

    /// Arabic Supplement, U+0750–U+077F.
    static let supplement: [(UInt16, String)] = [
        (0x0750, "p"),  // beh with three dots below: the peh shape
        (0x0751, "p"), (0x0752, "p"),  // Wolof p (older and standard letter)
        (0x0753, "p"),  // the letter of 0752 with two dots above: the peh shape
        (0x0754, "b"), (0x0755, "b"), (0x0756, "c"),  // behs; Wolof c
        (0x0757, "h"),  // hah with two dots above
        (0x0758, "ch"),  // hah with three dots below: the tcheh shape
        (0x0759, "d"), (0x075A, "d"), (0x075B, "r"),  // dals, reh with stroke
        (0x075C, "sh"),  // Shina ṣ
        (0x075D, "ng"), (0x075E, "ng"),  // Wolof ŋ; ain with three dots
        (0x075F, ""),  // ain with two dots vertically above, as ain
        (0x0760, "p"),  // Fula p
        (0x0761, "f"),  // feh with three dots below
        (0x0762, "g"),  // Jawi ga
        (0x0763, "k"),  // keheh with three dots above
        (0x0764, "ng"),  // Wolof ŋ (older spelling)
        (0x0765, "m"), (0x0766, "m"),  // meems with dots
        (0x0767, "ny"),  // Wolof ñ
        (0x0768, "n"), (0x0769, "n"),  // Shina and Saraiki ṇ; noon with small v
        (0x076A, "l"),  // lam with bar
        (0x076B, "r"), (0x076C, "r"),  // rehs (076C Kashmiri)
        (0x076D, "s"),  // seen with two dots
        (0x076E, "j"), (0x076F, "ch"), (0x0770, "sh"), (0x0771, "zh"),  // Khowar j̣ c̣ ṣ ẓ
        (0x0772, "h"),  // hah with small tah above
        (0x0773, "a"), (0x0774, "a"),  // Burushaski alefs
        (0x0775, "i"), (0x0776, "i"), (0x0777, "i"),  // Burushaski yehs
        (0x0778, "o"), (0x0779, "u"),  // Burushaski waws
        (0x077A, "e"), (0x077B, "e"),  // Burushaski yeh barrees
        (0x077C, "h"), (0x077D, "s"), (0x077E, "s"),  // hah and seens with digits or v
        (0x077F, "g"),  // kaf with two dots above: the g of older Persian
    ]

    /// Arabic Extended-B, U+0870–U+089F.
    static let extendedB: [(UInt16, String)] = [
        // alefs with attached fatha (a), kasra (i), dots, strokes or rings (a), hamza (a)
        (0x0870, "a"), (0x0871, "a"), (0x0872, "a"), (0x0873, "a"), (0x0874, "i"), (0x0875, "i"), (0x0876, "a"),
        (0x0877, "a"), (0x0878, "a"), (0x0879, "a"), (0x087A, "a"), (0x087B, "a"), (0x087C, "a"), (0x087D, "i"),
        (0x087E, "a"), (0x087F, "a"), (0x0880, "i"), (0x0881, "a"), (0x0882, "a"),
        (0x0883, ""), (0x0884, "u"), (0x0885, "i"),  // tatweels bearing hamza, waw, a yeh's two dots
        (0x0886, "i"),  // thin yeh
        (0x0887, ""),  // baseline round dot
        (0x0889, "n"), (0x088A, "h"), (0x088B, "t"), (0x088C, "t"), (0x088D, "k"),
        (0x088E, ""),  // vertical tail
        (0x0890, ""), (0x0891, ""),  // pound and piastre marks spanning digits
        (0x0898, ""), (0x0899, ""), (0x089A, ""), (0x089B, ""), (0x089C, ""), (0x089D, ""), (0x089E, ""),
        (0x089F, ""),  // Quranic marks
    ]

    /// Arabic Extended-A, U+08A0–U+08FF.
    static let extendedA: [(UInt16, String)] = [
        (0x08A0, "b"), (0x08A1, "b"),  // beh with small v below; Fula ɓ
        (0x08A2, "j"), (0x08A3, "t"), (0x08A4, "f"), (0x08A5, "q"), (0x08A6, "l"), (0x08A7, "m"),
        (0x08A8, "y"), (0x08A9, "ny"),  // Fula ƴ, ɲ
        (0x08AA, "r"), (0x08AB, "u"),
        (0x08AC, "i"),  // Rohingya yeh
        (0x08AD, "a"), (0x08AE, "d"), (0x08AF, "s"), (0x08B0, "g"), (0x08B1, "u"), (0x08B2, "z"),
        (0x08B3, ""),  // ain with three dots below, as ain
        (0x08B4, "k"), (0x08B5, "q"), (0x08B6, "b"), (0x08B7, "p"), (0x08B8, "t"), (0x08B9, "r"), (0x08BA, "i"),
        (0x08BB, "f"), (0x08BC, "q"), (0x08BD, "n"),  // African feh, qaf, noon
        (0x08BE, "p"), (0x08BF, "t"), (0x08C0, "t"), (0x08C1, "ch"), (0x08C2, "k"), (0x08C3, "gh"), (0x08C4, "q"),
        (0x08C5, "j"), (0x08C6, "j"), (0x08C7, "l"),
        (0x08C8, "gr"),  // Balti graf: the cluster gr (ࣈی, gri, knife)
        (0x08C9, ""),  // small Farsi yeh, as the Quranic small yeh
        // Quranic marks and signs
        (0x08CA, ""), (0x08CB, ""), (0x08CC, ""), (0x08CD, ""), (0x08CE, ""), (0x08CF, ""), (0x08D0, ""),
        (0x08D1, ""), (0x08D2, ""), (0x08D3, ""), (0x08D4, ""), (0x08D5, ""), (0x08D6, ""), (0x08D7, ""),
        (0x08D8, ""), (0x08D9, ""), (0x08DA, ""), (0x08DB, ""), (0x08DC, ""), (0x08DD, ""), (0x08DE, ""),
        (0x08DF, ""), (0x08E0, ""), (0x08E1, ""), (0x08E2, ""),
        (0x08E3, "u"),  // turned damma below
        (0x08E4, "a"), (0x08E5, "u"), (0x08E6, "i"), (0x08E7, "an"), (0x08E8, "un"), (0x08E9, "in"),  // curly harakat
        (0x08EA, ""), (0x08EB, ""), (0x08EC, ""), (0x08ED, ""), (0x08EE, ""), (0x08EF, ""),  // tone marks
        (0x08F0, "an"), (0x08F1, "un"), (0x08F2, "in"),  // open tanwin
        (0x08F3, ""),  // small high waw, as the Quranic small waw
        (0x08F4, "e"), (0x08F5, "a"),  // Wolof ë, à
        (0x08F6, "i"),  // kasra with dot below
        (0x08F7, "o"), (0x08F8, "o"), (0x08F9, "e"), (0x08FA, "e"),  // Wolof o, ó, e, é
        (0x08FB, ""), (0x08FC, ""), (0x08FD, ""),  // double arrowheads: no established value
        (0x08FE, "u"),  // damma with dot
        (0x08FF, "n"),  // sideways noon ghunna: nasal
    ]

    /// Presentation forms NFKC leaves alone (the others are letters by the time romanisation runs).
    static let presentationForms: [(UInt16, String)] = [
        (0xFD3E, ")"), (0xFD3F, "("),  // ornate parentheses: ﴿ opens (Ps), ﴾ closes (Pe)
        (0xFE73, ""),  // tail fragment, a piece of a glyph
    ]
}

/// The context-free ASCII value of each Arabic-script code point (`ArabicScriptLatin`), for the
/// fuzzy pass of the tagger, which folds the letters its own table does not list through it.
public enum ArabicScriptASCII {
    public static let values: [UInt16: String] = Dictionary(ArabicScriptLatin.values,
                                                            uniquingKeysWith: { first, _ in first })
}
