/// Helpers shared by the fuzz targets. Nothing here touches a pointer: each target copies
/// libFuzzer's buffer into a `[UInt8]` first thing, and everything after works on arrays.

#if canImport(Glibc)
import Glibc
#endif

/// Stops the process when a property does not hold, so libFuzzer saves the input as a crash.
/// The message starts with a tag in brackets (`[line-count]`, `[idempotence/latin]`, …) naming
/// the property, so crashes of one kind group together.
///
/// A finding already reported can be set aside while its fix is pending, so a run goes on to
/// find others: `FUZZ_IGNORE=idempotence/latin,fmt` skips violations whose tag starts with one of
/// the comma-separated names (each is printed once, so the log still shows it happened).
public func require(_ condition: Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    if condition { return }
    let text = message()
    if let tag = ignoredTag(of: text) {
        // On standard error, unbuffered like libFuzzer's own output, so it is in the log at once.
        if reportedIgnored.insert(tag).inserted { fputs("FUZZ_IGNORE: not stopping for [\(tag)]: \(text)\n", stderr) }
        return
    }
    fatalError("property violated: " + text, file: file, line: line)
}

/// The names of FUZZ_IGNORE, read once.
private let ignoredTags: [String] = {
    guard let value = getenv("FUZZ_IGNORE") else { return [] }
    return String(cString: value).split(separator: ",").map(String.init)
}()

/// Tags already printed as ignored (libFuzzer runs the target on one thread).
nonisolated(unsafe) private var reportedIgnored = Set<String>()

private func ignoredTag(of message: String) -> String? {
    guard message.hasPrefix("["), let end = message.firstIndex(of: "]") else { return nil }
    let tag = String(message[message.index(after: message.startIndex)..<end])
    return ignoredTags.contains { tag.hasPrefix($0) } ? tag : nil
}

/// `input` cut at each `separator` into at most `count` parts; missing parts are nil. The fuzz
/// targets that read several files at once take them from one input this way, with a byte that
/// never occurs in UTF-8 (0xFF) as the separator, so every other byte can still be file content.
public func parts(_ input: [UInt8], separator: UInt8 = 0xFF, count: Int) -> [[UInt8]?] {
    var result: [[UInt8]?] = input.split(separator: separator, maxSplits: count - 1, omittingEmptySubsequences: false)
        .map { Array($0) }
    while result.count < count { result.append(nil) }
    return result
}

/// Lines as the line filters count them (README, "Line ends"): one per LF, plus one for bytes
/// after the last LF. An empty input has none.
public func lineCount(_ bytes: [UInt8]) -> Int {
    var count = 0
    for byte in bytes where byte == 0x0A { count += 1 }
    if let last = bytes.last, last != 0x0A { count += 1 }
    return count
}

/// The lines of `bytes` split at LF, the last one kept even when empty (for messages).
public func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
}

/// Bytes shown in a message: as a Swift string literal (escapes make invisible characters visible)
/// and as hex, cut after `limit` bytes.
public func show<C: Collection<UInt8>>(_ bytes: C, limit: Int = 200) -> String {
    let head = Array(bytes.prefix(limit))
    let hex = head.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    let more = bytes.count > limit ? " …(\(bytes.count) bytes)" : ""
    return String(decoding: head, as: UTF8.self).debugDescription + " [hex \(hex)]" + more
}
