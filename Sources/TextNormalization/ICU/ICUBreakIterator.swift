internal import CICU

/// ICU's rule-based break iterator for sentences or words in a locale (e.g. "en", "fa_AF", "ps").
///
/// Thread safety: the iterator holds the text and a position, so one instance serves one thread;
/// it is not `Sendable`. Opening one costs more than using it: keep it and call `boundaries` often.
public final class ICUBreakIterator {
    public enum Kind: Sendable { case sentence, word }

    /// A segment's end offset (UTF-16 units) and ICU's rule status; for words, a status of 0..<100
    /// means the segment is not a word (spaces, punctuation).
    public struct Boundary: Equatable, Sendable {
        public var offset: Int
        public var ruleStatus: Int32
    }

    private let handle: OpaquePointer
    public let kind: Kind
    public let locale: String

    public init(_ kind: Kind, locale: String) throws(ICUError) {
        var status = U_ZERO_ERROR
        let type = kind == .sentence ? UBRK_SENTENCE : UBRK_WORD
        let opened = locale.withCString { cicu_ubrk_open(type, $0, nil, 0, &status) }
        try checkICU(status, "ubrk_open(\(locale))")
        guard let opened else { throw ICUError(U_MEMORY_ALLOCATION_ERROR, "ubrk_open") }
        handle = opened
        self.kind = kind
        self.locale = locale
    }

    deinit { cicu_ubrk_close(handle) }

    /// The end of every segment of `text`, in order; the last one is `text.count`.
    public func boundaries(in text: [UInt16]) throws(ICUError) -> [Boundary] {
        var result: [Boundary] = []
        var status = U_ZERO_ERROR
        text.withUnsafeBufferPointer { buffer in
            cicu_ubrk_setText(handle, buffer.baseAddress, Int32(buffer.count), &status)
            guard cicu_failure(status) == 0 else { return }
            _ = cicu_ubrk_first(handle)
            while true {
                let next = cicu_ubrk_next(handle)
                if next == cicu_ubrk_done() { break }
                result.append(Boundary(offset: Int(next), ruleStatus: cicu_ubrk_getRuleStatus(handle)))
            }
            // Detach: the iterator must not keep a pointer into a buffer that is about to go away.
            cicu_ubrk_setText(handle, nil, 0, &status)
        }
        try checkICU(status, "ubrk_setText")
        return result
    }

    /// The segments of `string` (sentences, or words and the text between them).
    public func segments(of string: String) throws(ICUError) -> [(text: String, isWord: Bool)] {
        let units = utf16Array(string)
        var start = 0
        return try boundaries(in: units).map { boundary in
            defer { start = boundary.offset }
            let text = String(decoding: units[start..<boundary.offset], as: UTF16.self)
            return (text, kind == .word ? boundary.ruleStatus >= 100 : true)
        }
    }
}
