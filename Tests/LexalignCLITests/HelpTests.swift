import Foundation
import Testing

/// What a person meets first: every command's help ends with examples that run, `align --help`
/// shows the options of aligning, and shell completion offers files and folders.
@Suite("help and completion")
struct HelpTests {
    static let commands: [[String]] = [
        [], ["normalize"], ["tag"], ["split"], ["align"], ["align", "documents"], ["align", "export"],
        ["align", "rescore"], ["validate"], ["lexicon"], ["lexicon", "lint"], ["lexicon", "fmt"], ["lexicon", "stats"],
        ["lexicon", "accept"], ["serve"],
    ]
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The examples that end a command's help (`  $ ` lines after `EXAMPLES:`).
    static func examples(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.lastIndex(of: "EXAMPLES:") else { return [] }
        return lines[(start + 1)...].filter { !$0.isEmpty }.map { String($0.dropFirst(4)) }
    }

    /// An enum option's values are its raw strings, in the error for a bad one (with a dash where
    /// the case name has none: blank-line) and in the help's list of values.
    @Test(arguments: [
        (["tag", "--documents", "nope"], "Error: The value 'nope' is invalid for '--documents <documents>'. "
            + "Please provide one of 'line', 'blank-line' or 'file'."),
        (["tag", "--fuzzy", "high"], "Error: The value 'high' is invalid for '--fuzzy <fuzzy>'. "
            + "Please provide one of 'off', 'strict', 'default' or 'loose'."),
        (["normalize", "--form", "nfc"], "Error: The value 'nfc' is invalid for '--form <form>'. "
            + "Please provide one of 'text', 'key' or 'latin'."),
    ])
    func badEnumValueNamesEveryValue(arguments: [String], firstLine: String) throws {
        let outcome = try CLIRunner.run(arguments, stdin: "")
        #expect(outcome.status == 64)
        #expect(outcome.stderr.split(separator: "\n").first.map(String.init) == firstLine)
        let help = try CLIRunner.run([arguments[0], "--help"]).output
        let values = firstLine.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.dropFirst(2).map(\.element)
        #expect(help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .contains("(values: " + values.joined(separator: ", ")), "\(arguments)")
    }

    @Test(arguments: commands)
    func helpEndsWithExamples(command: [String]) throws {
        for request in [command + ["--help"], ["help"] + command] {
            let outcome = try CLIRunner.run(request)
            #expect(outcome.status == 0)
            let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false)
            let start = try #require(lines.lastIndex(of: "EXAMPLES:"), "\(request): no examples")
            let examples = lines[(start + 1)...].filter { !$0.isEmpty }
            #expect((2...3).contains(examples.count), "\(request)")
            // Nothing follows the examples, and each is a lexalign command line.
            #expect(lines[(start + 1)...].allSatisfy { $0.isEmpty || $0.hasPrefix("  $ ") }, "\(request)")
            #expect(examples.allSatisfy { $0.contains("lexalign ") }, "\(request)")
        }
    }

    /// Every example that only reads runs cleanly from the repository root (the others write
    /// files: -o, >, --fix, fmt, rescore, accept without --dry-run).
    @Test(arguments: commands)
    func readOnlyExamplesRun(command: [String]) throws {
        // `serve` runs until stopped, and saves what its page sends.
        let writes = ["-o ", "> ", "--fix", "rescore", "fmt\n", "accept ", "serve"]
        let readOnly = ["fmt --check Lexicons", "accept --dry-run "]
        for example in Self.examples(try CLIRunner.run(command + ["--help"]).output)
        where !writes.contains(where: { (example + "\n").contains($0) }) || readOnly.contains(where: { example.contains($0) }) {
            let (printed, status) = try CLIRunner.shell(example, in: Self.repository, keepingErrors: true)
            #expect(status == 0, "\(example): \(String(decoding: printed.prefix(500), as: UTF8.self))")
            // `fmt --check` on canonical files is silent; the others print what they found.
            #expect(!printed.isEmpty || example.contains("--check"), "\(example) printed nothing")
        }
    }

    @Test func alignHelpShowsTheOptionsOfAligning() throws {
        let help = try CLIRunner.run(["align", "--help"]).output
        for option in ["--source <source>", "--target <target>", "--presplit", "--format <format>", "-o, --output <output>", "--lexicon"] {
            #expect(help.contains("\n  \(option)"), "\(option)")
        }
        #expect(help.contains("\nSUBCOMMANDS:\n"))
    }

    /// Completion scripts complete file arguments with files and folder arguments with folders.
    @Test func completionOffersFilesAndFolders() throws {
        let bash = try CLIRunner.run(["--generate-completion-script", "bash"]).output
        /// The body of one shell function of the script.
        func function(_ name: String) -> String {
            guard let start = bash.range(of: "\n\(name)() {\n") else { return "" }
            let body = bash[start.upperBound...]
            return String(body[..<(body.range(of: "\n}\n")?.lowerBound ?? body.endIndex)])
        }
        for name in ["_lexalign_normalize", "_lexalign_tag", "_lexalign_split", "_lexalign_validate"] {
            #expect(function(name).contains("__lexalign_add_completions -f"), "\(name) files")
        }
        #expect(function("_lexalign_tag").contains("'--lexicon')\n        __lexalign_add_completions -d"))
        #expect(function("_lexalign_lexicon_lint").contains("__lexalign_add_completions -d"))
        #expect(function("_lexalign_align_documents").contains("'--source')\n        __lexalign_add_completions -f"))
        #expect(function("_lexalign_align_export").contains("-fX '!*.@(tsv)'"))
        let zsh = try CLIRunner.run(["--generate-completion-script", "zsh"]).output
        #expect(zsh.contains("_files") && zsh.contains("_files -/"))
        let fish = try CLIRunner.run(["--generate-completion-script", "fish"]).output
        #expect(fish.contains("__fish_complete_directories") || fish.contains("-a '(__fish_complete_directories"))
    }
}
