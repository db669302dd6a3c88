import ArgumentParser
import Testing

@testable import lexalign

/// `FastArguments` reads the filters' plain invocations into the settings ArgumentParser's reading gives,
/// and leaves the rest to ArgumentParser. The rows with no option hold the settings' defaults to the
/// commands' declared ones.
@Suite("fast arguments")
struct FastArgumentsTests {
    @Test(arguments: [
        ["normalize"],
        ["normalize", "--form", "key"],
        ["normalize", "--form=key", "-j", "1", "a.txt", "-", "b.txt"],
        ["normalize", "a.txt", "--form", "latin", "--lang", "fa-AF", "--digits", "ascii", "--format", "jsonl",
         "--input", "jsonl", "--text-field", "body", "--output-field", "key", "--jobs", "2", "--quiet", "b.txt"],
        ["normalize", "-q", "--lang=ps", "--text-field=a=b", "--input=jsonl"],
        ["tag"],
        ["tag", "--jobs", "1", "corpus.txt"],
        ["tag", "--lexicon", "Lexicons", "--format", "tsv", "--input", "jsonl", "--text-field", "body",
         "--offsets", "utf16,utf8", "--label-lang", "prs", "--types", "person,place", "--weak",
         "--documents", "line", "--doc-field", "doc", "--fuzzy", "strict", "--min-score", "0.8", "--partial",
         "--no-demonyms", "-q", "-j", "3", "x.jsonl"],
        ["tag", "--demonyms", "--ids", "wikidata,geonames", "--documents", "blank-line", "--fuzzy=off"],
        ["split"],
        ["split", "--join-lines", "--lang", "prs", "-j", "2", "article.txt"],
    ])
    func plainInvocationsAreReadAsArgumentParserReadsThem(_ arguments: [String]) throws {
        let fast = try #require(FastArguments.command(arguments))
        let parsed: FastArguments.Command? = switch try Lexalign.parseAsRoot(arguments) {
        case let command as Lexalign.Normalize: .normalize(command.settings)
        case let command as Lexalign.Tag: .tag(command.settings)
        case let command as Lexalign.Split: .split(command.settings)
        default: nil
        }
        #expect(fast == parsed)
    }

    @Test(arguments: [
        // Not a filter, or no command.
        [], ["align", "a.txt", "b.txt"], ["--version"], ["lexicon", "fmt"], ["split", "--join-lines", "--join-lines"],
        ["split", "--lang", "fr"],
        // Help, and what only ArgumentParser knows.
        ["normalize", "--help"], ["tag", "-h"], ["normalize", "--", "-a.txt"], ["normalize", "-qj", "2"],
        ["tag", "--form", "key"], ["normalize", "--weak"], ["normalize", "-x"],
        // An option twice, a flag and its inversion, a flag with a value, a value missing, empty or
        // starting with '-'.
        ["normalize", "--form", "key", "--form", "text"], ["normalize", "-j", "1", "--jobs", "2"],
        ["tag", "--demonyms", "--no-demonyms"], ["tag", "--weak", "--weak"], ["normalize", "--quiet=yes"],
        ["normalize", "--form"], ["normalize", "--text-field", ""], ["normalize", "--text-field="],
        ["tag", "--min-score", "-1"], ["normalize", "--form", "-"],
        // Values the option's type rejects, and failed validation: ArgumentParser writes the message.
        ["normalize", "--form", "KEY"], ["tag", "--fuzzy", "maybe"], ["normalize", "--jobs", "two"],
        ["normalize", "--jobs", "0"], ["tag", "--min-score", "1.5"], ["tag", "--doc-field", "id"],
        ["tag", "--offsets", "utf32"], ["tag", "--types", "event"], ["tag", "--ids", "wikidata", "--format", "tsv"],
        ["normalize", "--output-field", "key"],
    ])
    func everythingElseIsLeftToArgumentParser(_ arguments: [String]) {
        #expect(FastArguments.command(arguments) == nil)
    }
}
