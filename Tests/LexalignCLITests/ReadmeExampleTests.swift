import Foundation
import Testing

/// The README shows commands with what they print: a fenced block whose lines start with `$ `
/// (each command followed by its output), or a block right after a line that is only a command in
/// backticks and a colon (`` `lexalign split Examples/splitting.txt`: ``). Each such command that
/// reads only what the repository holds is run from the repository root, with the built binary on
/// the PATH, and must print exactly what the README shows (standard output; line ends as LF): the
/// lexicon and the code change, and the README is the first page a user reads.
@Suite("README examples")
struct ReadmeExampleTests {
    struct Example: CustomStringConvertible, Sendable {
        var line: Int
        var command: String
        var output: String
        var description: String { "README.md:\(line): \(command)" }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Commands left out, and why: they write files, or read files the README only describes.
    static let notRun = [
        "--lexicon lex ",  // a lexicon and a corpus the example describes, not in the repository
        "accept Examples/suggestions.tsv Lexicons",  // writes the lexicon
    ]

    static func examples(in text: String) -> [Example] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("```") else {
                index += 1
                continue
            }
            let open = index
            var close = open + 1
            while close < lines.count && !lines[close].hasPrefix("```") { close += 1 }
            let body = Array(lines[min(open + 1, close)..<close])
            if body.first?.hasPrefix("$ ") == true {
                // Commands and their outputs, one after another.
                var start = 0
                while start < body.count {
                    var end = start + 1
                    while end < body.count && !body[end].hasPrefix("$ ") { end += 1 }
                    examples.append(Example(line: open + 2 + start, command: String(body[start].dropFirst(2)),
                                            output: body[(start + 1)..<end].map { $0 + "\n" }.joined()))
                    start = end
                }
            } else if let command = introducedCommand(lines[..<open]) {
                examples.append(Example(line: open + 1, command: command, output: body.map { $0 + "\n" }.joined()))
            }
            index = close + 1
        }
        return examples
    }

    /// The command of a line such as `` `lexalign tag Examples/tagging.txt`: `` before a block (a
    /// blank line between).
    private static func introducedCommand(_ before: ArraySlice<String>) -> String? {
        guard let last = before.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        let line = last.trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix("`lexalign "), line.hasSuffix("`:"), line.filter({ $0 == "`" }).count == 2 else {
            return nil
        }
        return String(line.dropFirst().dropLast(2))
    }

    static let readme: [Example] = {
        let text = (try? String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        return examples(in: text).filter { example in !notRun.contains { example.command.contains($0) } }
    }()

    @Test func theReadmeHasExamplesToRun() {
        #expect(Self.readme.count >= 12, "\(Self.readme)")
    }

    /// The parser: `$` blocks split per command, a block introduced by a command line, others left.
    @Test(arguments: [
        ("```\n$ lexalign a\none\ntwo\n$ lexalign b\n```\n", ["lexalign a|one\ntwo\n", "lexalign b|"]),
        ("`lexalign split F`:\n\n```\nx\n```\n", ["lexalign split F|x\n"]),
        ("Run `lexalign split F` to see:\n\n```\nx\n```\n", []),
        ("```\nlexalign split F\n```\n", []),
    ])
    func blocksAreReadAsExamples(text: String, expected: [String]) {
        #expect(Self.examples(in: text).map { $0.command + "|" + $0.output } == expected)
    }

    @Test(arguments: readme)
    func printsWhatTheReadmeShows(example: Example) throws {
        let (printed, _) = try CLIRunner.shell(example.command, in: Self.repository, keepingErrors: false)
        // The CSV export ends its lines with CR LF (RFC 4180), which a Markdown block cannot show.
        let text = String(decoding: printed, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text == example.output, "\(example)")
    }
}
