internal import CICU

/// An ICU transliterator (`UTransliterator`), built from a system ID such as "Latin-ASCII" or from
/// rule text of our own.
///
/// Thread safety: a transliterator keeps mutable matching state, so one instance must not be used by
/// two threads at once; give each worker its own `clone()`. Hence this class is not `Sendable`.
public final class ICUTransliterator {
    private let handle: UnsafeMutablePointer<UTransliterator?>
    /// The scratch copy used to restore the text when ICU reports that the buffer was too small.
    private var backup: [UInt16] = []

    private init(handle: UnsafeMutablePointer<UTransliterator?>) {
        self.handle = handle
    }

    /// A system transliterator, e.g. `Latin-ASCII` or `Any-Latin; Latin-ASCII`.
    public convenience init(id: String) throws(ICUError) {
        let units = utf16Array(id)
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let opened = units.withUnsafeBufferPointer { idBuffer in
            cicu_utrans_openU(idBuffer.baseAddress, Int32(idBuffer.count), UTRANS_FORWARD, nil, 0, &parseError, &status)
        }
        try checkICU(status, "utrans_openU(\(id))")
        guard let opened else { throw ICUError(U_INVALID_ID, "utrans_openU(\(id))") }
        self.init(handle: opened)
    }

    /// A transliterator compiled from ICU transform rules. A syntax error becomes a diagnostic at the
    /// line and column of `path` where ICU stopped.
    public convenience init(rules: String, name: String, path: String) throws(Diagnostic) {
        let idUnits = utf16Array(name)
        let ruleUnits = utf16Array(rules)
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let opened = idUnits.withUnsafeBufferPointer { idBuffer in
            ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                cicu_utrans_openU(idBuffer.baseAddress, Int32(idBuffer.count), UTRANS_FORWARD,
                                  ruleBuffer.baseAddress, Int32(ruleBuffer.count), &parseError, &status)
            }
        }
        if cicu_failure(status) != 0 || opened == nil {
            let where_ = ICUTransliterator.location(of: parseError, in: rules)
            let context = ICUTransliterator.context(of: parseError)
            let name = String(cString: cicu_errorName(status))
            throw Diagnostic(.error, at: SourceLocation(path: path, line: where_.line, column: where_.column),
                             "transform rule rejected by ICU (\(name))\(context)", rule: "transform-rule-syntax")
        }
        self.init(handle: opened!)
    }

    deinit { cicu_utrans_close(handle) }

    /// An independent copy for another thread.
    public func clone() throws(ICUError) -> ICUTransliterator {
        var status = U_ZERO_ERROR
        let copy = cicu_utrans_clone(handle, &status)
        try checkICU(status, "utrans_clone")
        guard let copy else { throw ICUError(U_MEMORY_ALLOCATION_ERROR, "utrans_clone") }
        return ICUTransliterator(handle: copy)
    }

    /// Transliterates `text[0..<count]` in place; `text` grows when the result is longer.
    public func transliterate(_ text: inout [UInt16], count: inout Int) throws(ICUError) {
        if count == 0 { return }
        backup.removeAll(keepingCapacity: true)
        backup.append(contentsOf: text[0..<count])
        var capacity = max(text.count, count * 4 + 16)
        for _ in 0..<4 {
            if text.count < capacity { text.append(contentsOf: repeatElement(0, count: capacity - text.count)) }
            var length = Int32(count)
            var limit = Int32(count)
            var status = U_ZERO_ERROR
            text.withUnsafeMutableBufferPointer { buffer in
                cicu_utrans_transUChars(handle, buffer.baseAddress, &length, Int32(clamping: buffer.count), 0,
                                        &limit, &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                // ICU may have changed part of the text before it ran out of room: start again.
                text.replaceSubrange(0..<count, with: backup)
                capacity = max(capacity * 2, Int(length) + 16)
                continue
            }
            try checkICU(status, "utrans_transUChars")
            count = Int(length)
            return
        }
        throw ICUError(U_BUFFER_OVERFLOW_ERROR, "utrans_transUChars")
    }

    /// Convenience for tests and small inputs.
    public func transliterate(_ string: String) throws(ICUError) -> String {
        var units = utf16Array(string)
        var count = units.count
        try transliterate(&units, count: &count)
        return String(decoding: units[0..<count], as: UTF16.self)
    }

    private static func location(of error: UParseError, in rules: String) -> (line: Int, column: Int) {
        if error.line >= 1 {
            // ICU counted lines itself and `offset` is within that line (in UTF-16 units).
            let lines = rules.split(separator: "\n", omittingEmptySubsequences: false)
            let index = Int(error.line) - 1
            guard index < lines.count else { return (Int(error.line), Int(error.offset) + 1) }
            return (Int(error.line), String(lines[index]).lineAndColumn(atUTF16Offset: Int(error.offset)).column)
        }
        return rules.lineAndColumn(atUTF16Offset: max(0, Int(error.offset)))
    }

    /// ICU's text around the error, quoted, so the message points at the offending rule.
    private static func context(of error: UParseError) -> String {
        func text<T>(_ tuple: T) -> String {
            let units = Mirror(reflecting: tuple).children.compactMap { $0.value as? UInt16 }.prefix { $0 != 0 }
            return String(decoding: units, as: UTF16.self)
        }
        let before = text(error.preContext)
        let after = text(error.postContext)
        if before.isEmpty && after.isEmpty { return "" }
        return " near \"\(before)\" | \"\(after)\""
    }
}
