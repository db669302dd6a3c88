import ProjectFiles
import ArgumentParser
import BuiltInModel
import ContentHash
import FoundationEssentials
import LexiconData
import TermLexicon
import TextNormalization

/// Where `tag` and `lexicon` find their lexicon: `--lexicon DIR`, else `$LEXALIGN_LEXICON`,
/// else (for tag) the copy built into the binary.
enum LexiconLocation {
    static var environmentDirectory: String? {
        guard let value = getenv("LEXALIGN_LEXICON") else { return nil }
        let path = String(cString: value)
        return path.isEmpty ? nil : path
    }

    /// The files of `directory`; a missing affixes.tsv or identifiers.tsv reads as empty.
    static func sources(in directory: String) throws(InputError) -> LexiconSources {
        guard TextFiles.isDirectory(directory) else { throw InputError(path: directory, reason: "not a directory") }
        func file(_ kind: LexiconFileKind, optional: Bool = false) throws(InputError) -> LexiconText {
            let path = directory.hasSuffix("/") ? directory + kind.fileName : directory + "/" + kind.fileName
            if optional && !TextFiles.exists(path) { return LexiconText(path: path, text: "") }
            return LexiconText(path: path, bytes: try TextFiles.readBytes(path))
        }
        return LexiconSources(entities: try file(.entities), labels: try file(.labels),
                              affixes: try file(.affixes, optional: true),
                              identifiers: try file(.identifiers, optional: true))
    }

    /// The compiled lexicon of `directory`, else `$LEXALIGN_LEXICON`, else the built-in one. A
    /// lexicon with errors stops the run before any output: its problems go to standard error.
    /// Unless `quiet`, using the built-in lexicon where `./Lexicons` holds another is noted once.
    static func model(directory: String?, quiet: Bool = false) throws -> TaggingModel {
        let (sources, fromFolder) = try chosenSources(directory: directory, quiet: quiet)
        do {
            // A lexicon from a folder must pass every check lint makes an error; the built-in one
            // was linted when it was built, and compiled then too.
            return fromFolder ? try TaggingModel.load(sources, verify: true) : try BuiltInModel.load()
        } catch {
            throw reported(error)
        }
    }

    /// The compiled lexicon and the files it came from (the review server shows labels and
    /// identifiers as written).
    static func modelAndSources(directory: String?) throws -> (TaggingModel, LexiconSources) {
        let (sources, fromFolder) = try chosenSources(directory: directory, quiet: true)
        do {
            return (fromFolder ? try TaggingModel.load(sources, verify: true) : try BuiltInModel.load(), sources)
        } catch {
            throw reported(error)
        }
    }

    /// The identifiers `tag --ids` writes, from the same lexicon as `model(directory:quiet:)`.
    static func identifiers(directory: String?, model: TaggingModel,
                            schemes: [IdentifierScheme]) throws -> IdentifierTable {
        let (sources, fromFolder) = try chosenSources(directory: directory, quiet: true)
        do {
            return try IdentifierTable.load(sources, model: model, schemes: schemes, verify: fromFolder)
        } catch {
            throw reported(error)
        }
    }

    /// The files of `directory`, else `$LEXALIGN_LEXICON`'s, else the built-in ones; and whether
    /// they come from a folder.
    private static func chosenSources(directory: String?, quiet: Bool) throws -> (LexiconSources, Bool) {
        if let directory = directory ?? environmentDirectory {
            do {
                return (try LexiconLocation.sources(in: directory), true)
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
        }
        if !quiet, let local = digestIfDifferent(folder: "Lexicons") {
            StandardError.line("lexalign: note: using the lexicon built into this binary (sha256 "
                + "\(FileSetDigest.short(EmbeddedLexicon.digest))), which differs from ./Lexicons "
                + "(\(FileSetDigest.short(local))); rebuild lexalign or pass --lexicon Lexicons")
        }
        return (LexiconSources.builtIn(), false)
    }

    /// Writes what is wrong with the lexicon to standard error; the exit status to throw.
    private static func reported(_ error: LexiconLoadError) -> ExitCode {
        if case .invalid(let errors) = error {
            // The first errors say what is wrong; lint lists them all.
            for problem in errors.prefix(20) { StandardError.line(problem.description) }
            if errors.count > 20 { StandardError.line("lexalign: ... and \(errors.count - 20) more") }
            StandardError.line("lexalign: error: the lexicon has \(errors.count) error\(errors.count == 1 ? "" : "s") "
                + "and is not used; "
                + "`lexalign lexicon lint` lists every problem with its hint")
        } else {
            StandardError.line("lexalign: error: \(error)")
        }
        return ExitStatus.ioError
    }
}

extension LexiconLocation {
    /// `FileSetDigest` of a lexicon folder's data files (.tsv and .txt, as the build embeds them)
    /// when they are not the built-in ones; nil when they are, or when it is not a folder or a file
    /// cannot be read. The files are compared byte for byte first: hashing them all cost some 40 M
    /// instructions, ten milliseconds at every start inside a clone of the repository.
    static func digestIfDifferent(folder: String) -> String? {
        guard TextFiles.isDirectory(folder),
              let paths = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { return nil }
        var files: [String: [UInt8]] = [:]
        for relative in paths {
            guard FileSetDigest.isLexiconDataFile(relative), !TextFiles.isDirectory(folder + "/" + relative) else {
                continue
            }
            guard let bytes = try? TextFiles.readBytes(folder + "/" + relative) else { return nil }
            files[relative] = bytes
        }
        let embedded = EmbeddedLexicon.files
        if files.count == embedded.count,
           files.allSatisfy({ relative, bytes in
               embedded[relative].map { ByteComparison.utf8(of: $0, equals: bytes) } ?? false
           }) {
            return nil
        }
        let digest = FileSetDigest.hex(of: files)
        return digest == EmbeddedLexicon.digest ? nil : digest
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
