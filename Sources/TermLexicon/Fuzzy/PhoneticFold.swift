import LexiconData
import TextNormalization

/// The phonetic space of the fuzzy pass: one Latin alphabet for every script the lexicon has, so
/// that Mottaki, Muttaqi, متقی and Моттаки are strings of the same symbols. A word's key units go
/// in; ASCII symbols come out:
/// - vowels `a e i o u`; the glides `y w` and `h`, which Arabic script writes where Latin writes a
///   vowel (ی, و) or nothing (final ه);
/// - consonants as lowercase letters, and one capital per digraph sound: `x` kh, `G` gh, `S` sh,
///   `C` ch, `Z` zh, `T` th, `D` dh; `H` for Cyrillic г, which stands for g or h, and `X` for х,
///   which stands for h or kh;
/// - in Latin and Cyrillic a doubled symbol is written once (Muttaqi, Mutaqi), so doubling is free;
///   Arabic script writes a doubled consonant once anyway, and two equal letters there are two
///   sounds (ملل milal), so they stay.
/// Arabic-script letters are mapped by sound (Pashto ښ ږ ځ څ ټ ډ ړ ڼ too, Urdu ٹ ڈ ڑ ھ ے); Latin
/// folds its digraphs (English kh sh ch, French ou ch dj, German sch tsch dsch); Cyrillic goes through
/// `Lexicons/romanization/Cyrl-Latn.txt` (ICU rules) and then the Latin fold.
public enum PhoneticFold {
    /// The script a word is folded from; words of one span share it.
    public enum Script: UInt8, Sendable { case latin, arabic, cyrillic, other }

    @inline(__always)
    public static func script(of unit: UInt16) -> Script {
        switch unit {
        case 0x0061...0x007A, 0x0041...0x005A, 0x00C0...0x024F: return .latin
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF: return .arabic
        case 0x0400...0x052F: return .cyrillic
        default: return .other
        }
    }

    public static func isVowel(_ symbol: UInt8) -> Bool {
        symbol == 0x61 || symbol == 0x65 || symbol == 0x69 || symbol == 0x6F || symbol == 0x75
    }

    /// Appends the symbols of a Latin word (key units: lowercase letters, no marks).
    public static func latin<C: Collection>(_ units: C, into out: inout [UInt8]) where C.Element == UInt16 {
        if let contiguous = units as? ArraySlice<UInt16> {
            latin(slice: contiguous, into: &out)
        } else {
            latin(slice: ArraySlice(units), into: &out)
        }
    }

    /// The Latin fold proper: one pass, a letter's digraphs looked at only after that letter.
    static func latin(slice units: ArraySlice<UInt16>, into out: inout [UInt8]) {
        let start = units.startIndex, count = units.count
        @inline(__always) func at(_ offset: Int) -> UInt8 {
            guard offset < count else { return 0 }
            let unit = units[start + offset]
            if unit >= 0x61 && unit <= 0x7A { return UInt8(unit) }
            if unit >= 0x41 && unit <= 0x5A { return UInt8(unit) | 0x20 }
            // Letters the key keeps as they are: ß, æ, ø; and ɣ and χ, which the Cyrillic rules write
            // for г and х.
            switch unit {
            case 0xDF: return 0x73
            case 0xE6: return 0x61
            case 0xF8: return 0x6F
            case 0x263: return 0x48
            case 0x3C7: return 0x58
            default: return 0
            }
        }
        var index = 0
        while index < count {
            let letter = at(index)
            let next = at(index + 1)
            var symbol = letter, length = 1
            switch letter {
            case 0x63:  // c: ch, ck, else k (Caboul)
                if next == 0x68 {
                    (symbol, length) = (0x43, 2)
                } else if next == 0x6B {
                    (symbol, length) = (0x6B, 2)
                } else {
                    symbol = 0x6B
                }
            case 0x6B: if next == 0x68 { (symbol, length) = (0x78, 2) }  // kh
            case 0x67: if next == 0x68 { (symbol, length) = (0x47, 2) }  // gh
            case 0x73:  // sch (German), sh
                if next == 0x63 && at(index + 2) == 0x68 {
                    (symbol, length) = (0x53, 3)
                } else if next == 0x68 {
                    (symbol, length) = (0x53, 2)
                }
            case 0x7A: if next == 0x68 { (symbol, length) = (0x5A, 2) }  // zh
            case 0x74:  // tsch (German), tch (French), th
                if next == 0x73 && at(index + 2) == 0x63 && at(index + 3) == 0x68 {
                    (symbol, length) = (0x43, 4)
                } else if next == 0x63 && at(index + 2) == 0x68 {
                    (symbol, length) = (0x43, 3)
                } else if next == 0x68 {
                    (symbol, length) = (0x54, 2)
                }
            case 0x64:  // dsch (German), dh, dj (French)
                if next == 0x73 && at(index + 2) == 0x63 && at(index + 3) == 0x68 {
                    (symbol, length) = (0x6A, 4)
                } else if next == 0x68 {
                    (symbol, length) = (0x44, 2)
                } else if next == 0x6A {
                    (symbol, length) = (0x6A, 2)
                }
            case 0x70: if next == 0x68 { (symbol, length) = (0x66, 2) }  // ph
            case 0x6F: if next == 0x75 || next == 0x6F { (symbol, length) = (0x75, 2) }  // ou, oo
            case 0x65: if next == 0x65 { (symbol, length) = (0x69, 2) }  // ee
            case 0x76: symbol = 0x77  // v: w (Dari و is v, Pashto w)
            default: break
            }
            append(symbol, to: &out)
            index += length
        }
    }

    /// Appends the symbols of an Arabic-script word (key units: letters, no marks).
    public static func arabic<C: Collection>(_ units: C, into out: inout [UInt8]) where C.Element == UInt16 {
        // A word-initial ain is heard as its vowel (عمر Omar, عثمان Usman); inside a word it is silent.
        if units.first == 0x0639 { append(0x61, to: &out) }
        var previous: UInt16 = 0
        var index = units.startIndex
        while index != units.endIndex {
            let unit = units[index]
            units.formIndex(after: &index)
            guard unit >= 0x0600 && unit < 0x0900 else { continue }
            defer { previous = unit }
            // Urdu writes gh and kh as گھ and کھ (لاگھمان Laghman, واکھان Wakhan), which the key
            // form reads as گه and که: inside a word, the pair is the one sound, as Latin's digraph
            // is (`latin`); at a word's end ه is the vowel (تنگه, شبکه), so it stays.
            if unit == 0x0647, index != units.endIndex, let last = out.last, last == 0x67 || last == 0x6B,
               previous == 0x06AF || previous == 0x06A9 || previous == 0x0643 || previous == 0x06AB {
                out[out.count - 1] = last == 0x67 ? 0x47 : 0x78
                continue
            }
            for symbol in arabicTable[Int(unit) - 0x0600] { out.append(symbol) }
        }
    }

    /// Arabic-script letters by sound. ع and ء have no symbol: Latin writes them as an apostrophe
    /// or not at all.
    static let arabicSymbols: [UInt16: String] = [
        0x0627: "a", 0x0622: "a", 0x0623: "a", 0x0625: "i", 0x0671: "a", 0x0621: "", 0x0639: "",
        0x0626: "y", 0x0624: "w",
        0x0628: "b", 0x067E: "p", 0x062A: "t", 0x067C: "t", 0x0679: "t", 0x062B: "s",
        0x062C: "j", 0x0686: "C", 0x062D: "h", 0x062E: "x", 0x0685: "s", 0x0681: "z",
        0x062F: "d", 0x0689: "d", 0x0688: "d", 0x0630: "z", 0x0631: "r", 0x0693: "r", 0x0691: "r",
        0x0632: "z", 0x0698: "Z", 0x0696: "Z", 0x0633: "s", 0x0634: "S", 0x069A: "S", 0x0635: "s",
        0x0636: "z", 0x0637: "t", 0x0638: "z", 0x063A: "G", 0x0641: "f", 0x0642: "q",
        0x06A9: "k", 0x0643: "k", 0x06AB: "g", 0x06AF: "g", 0x0644: "l", 0x0645: "m", 0x0646: "n",
        0x06BC: "n", 0x06BA: "n", 0x0648: "w", 0x0647: "h", 0x06C1: "h", 0x06BE: "h", 0x0629: "h",
        0x06C0: "h", 0x06D5: "h",
        0x06CC: "y", 0x064A: "y", 0x0649: "y", 0x06D0: "y", 0x06CD: "y", 0x06D2: "y", 0x06CE: "y",
    ]

    /// U+0600–U+08FF -> symbols: `arabicSymbols`, else the letter's usual Latin spelling folded.
    static let arabicTable: [[UInt8]] = (0x0600..<0x0900).map { value in
        let unit = UInt16(value)
        if let symbol = arabicSymbols[unit] { return Array(symbol.utf8) }
        var out: [UInt8] = []
        if let ascii = ArabicScriptASCII.values[unit] { latin(Array(ascii.utf16), into: &out) }
        return out
    }

    /// Appends a symbol, writing a doubled one once.
    @inline(__always)
    static func append(_ symbol: UInt8, to out: inout [UInt8]) {
        guard symbol != 0 else { return }
        if let last = out.last, last == symbol { return }
        out.append(symbol)
    }
}

/// The Cyrillic rule file, compiled the first time a Cyrillic word is met (most text has none, and
/// compiling costs milliseconds); one per thread (ICU transliterators are not shared).
final class CyrillicFold {
    static let rulesPath = "romanization/Cyrl-Latn.txt"
    private var transliterator: ICUTransliterator??

    init() {}

    /// The compiled rules; nil when they are missing or ICU refuses them (a test compiles them).
    private func compiled() -> ICUTransliterator? {
        if let transliterator { return transliterator }
        var made: ICUTransliterator?
        if let rules = EmbeddedLexicon.files[CyrillicFold.rulesPath] {
            made = try? ICUTransliterator(rules: rules, name: "lexalign-Cyrl-Latn",
                                          path: "Lexicons/" + CyrillicFold.rulesPath)
        }
        transliterator = .some(made)
        return made
    }

    /// Appends the symbols of a Cyrillic word: romanised by the rule file, then folded as Latin.
    func fold<C: Collection>(_ units: C, into out: inout [UInt8]) where C.Element == UInt16 {
        let word = String(decoding: Array(units), as: UTF16.self)
        guard let transliterator = compiled(),
              let latin = try? transliterator.transliterate(" \(word) ") else { return }
        PhoneticFold.latin(Array(latin.utf16), into: &out)
    }
}
