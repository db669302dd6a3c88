/// Facts about the Arabic script as Dari and Pashto use it, as code points.
enum ArabicScript {
    static let zwnj: UInt16 = 0x200C
    static let tatweel: UInt16 = 0x0640

    /// Letters only Pashto uses among the languages Lexalign reads: ټ ډ ړ ږ ښ ځ څ ګ ڼ ې ۍ.
    static let pashtoOnlyLetters: [UInt16] = [
        0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x0681, 0x0685, 0x06AB, 0x06BC, 0x06D0, 0x06CD,
    ]

    /// Arabic-script letters, including presentation forms (which NFKC maps to letters later).
    static func isLetter(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x0620...0x063F, 0x0641...0x064A, 0x066E...0x066F, 0x0671...0x06D3, 0x06D5,
             0x06EE...0x06EF, 0x06FA...0x06FC, 0x06FF, 0x0750...0x077F, 0x08A0...0x08C9,
             0xFB50...0xFDFB, 0xFE70...0xFEFC:
            return true
        default:
            return false
        }
    }

    /// Arabic combining marks: harakat, shadda, sukun, superscript alef, Quranic annotation signs.
    static func isMark(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4,
             0x06E7...0x06E8, 0x06EA...0x06ED, 0x08CA...0x08FF:
            return true
        default:
            return false
        }
    }
}
