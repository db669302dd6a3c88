import ArgumentParser
import TextNormalization

/// The line filters (`normalize`, `tag`, `split`) read without ArgumentParser when their arguments
/// are plain.
///
/// ArgumentParser gathers a command's options by reflection and dynamic casts, each a search of the
/// runtime's conformance tables: 13.8 M of the 32.9 M instructions that `echo | lexalign normalize
/// --form key` ran (callgrind, 12-07), more than the rest of start-up. Pipelines and Spark start these
/// filters once per file or partition with long options and file names, so those invocations are
/// read here, into the plain settings (`NormalizeSettings`, …) that the commands' `run`
/// hands its work to. Anything else goes to ArgumentParser, which also writes every message: help and
/// version, a short option other than -j and -q, `--`, an option given twice, a value that is empty or
/// starts with '-', a value the option's type rejects, settings that fail `validate`.
/// `FastArgumentsTests` holds both readings equal on a table of invocations.
enum FastArguments {
    /// A command read here, ready to run.
    enum Command: Equatable {
        case normalize(NormalizeSettings)
        case tag(TagSettings)
        case split(SplitSettings)

        func run() throws {
            switch self {
            case .normalize(let settings): try settings.run()
            case .tag(let settings): try settings.run()
            case .split(let settings): try settings.run()
            }
        }
    }

    /// The command that `arguments` (without the program's name) ask for, or nil for ArgumentParser.
    static func command(_ arguments: [String]) -> Command? {
        switch arguments.first {
        case "normalize": return read(NormalizeSettings.self, arguments.dropFirst()).map(Command.normalize)
        case "tag": return read(TagSettings.self, arguments.dropFirst()).map(Command.tag)
        case "split": return read(SplitSettings.self, arguments.dropFirst()).map(Command.split)
        default: return nil
        }
    }

    /// Generic and switch-based: a table of closures, and the commands' ArgumentParser structs, cost
    /// their type metadata and property wrappers at every start (1.2 M instructions).
    static func read<Settings: FastReadable>(_: Settings.Type, _ arguments: ArraySlice<String>) -> Settings? {
        var settings = Settings()
        var given = Set<String>()
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument == "-" || !argument.hasPrefix("-") {
                settings.filter.files.append(argument)
                continue
            }
            var name = argument
            var attached: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            if name == "-j" { name = "--jobs" } else if name == "-q" { name = "--quiet" }
            if name == "--quiet" {
                guard attached == nil, given.insert(name).inserted else { return nil }
                settings.filter.quiet = true
                continue
            }
            if let flag = settings.setFlag(name) {
                guard attached == nil, given.insert(flag).inserted else { return nil }
                continue
            }
            guard given.insert(name).inserted else { return nil }
            let value: String
            if let attached {
                value = attached
            } else {
                guard index < arguments.endIndex else { return nil }
                value = arguments[index]
                index += 1
            }
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            if name == "--jobs" {
                guard set(&settings.filter.jobs, value) else { return nil }
            } else {
                guard settings.set(name, value) == true else { return nil }
            }
        }
        do {
            try settings.filter.validate()
            try settings.validate()
        } catch {
            return nil
        }
        return settings
    }

    /// Reads `value` as ArgumentParser reads an option of its type (`ExpressibleByArgument`).
    static func set<T: ExpressibleByArgument>(_ target: inout T, _ value: String) -> Bool {
        guard let read = T(argument: value) else { return false }
        target = read
        return true
    }

    static func set<T: ExpressibleByArgument>(_ target: inout T?, _ value: String) -> Bool {
        guard let read = T(argument: value) else { return false }
        target = read
        return true
    }
}

/// Settings `FastArguments` reads: options by their long names; `init()` gives each its default.
protocol FastReadable {
    init()
    /// Sets option `name` to `value`: nil when there is no such option, false when the option's type
    /// rejects the value.
    mutating func set(_ name: String, _ value: String) -> Bool?
    /// Sets flag `name` and returns the name it shares with its inversion (--demonyms for
    /// --no-demonyms); nil when there is no such flag.
    mutating func setFlag(_ name: String) -> String?
    var filter: FilterSettings { get set }
    func validate() throws
}

extension NormalizeSettings: FastReadable {
    mutating func set(_ name: String, _ value: String) -> Bool? {
        switch name {
        case "--form": return FastArguments.set(&form, value)
        case "--lang": return FastArguments.set(&lang, value)
        case "--digits": return FastArguments.set(&digits, value)
        case "--format": return FastArguments.set(&format, value)
        case "--input": return FastArguments.set(&input, value)
        case "--text-field": return FastArguments.set(&textField, value)
        case "--output-field": return FastArguments.set(&outputField, value)
        default: return nil
        }
    }

    mutating func setFlag(_ name: String) -> String? { nil }
}

extension TagSettings: FastReadable {
    mutating func set(_ name: String, _ value: String) -> Bool? {
        switch name {
        case "--lexicon": return FastArguments.set(&lexicon, value)
        case "--format": return FastArguments.set(&format, value)
        case "--input": return FastArguments.set(&input, value)
        case "--text-field": return FastArguments.set(&textField, value)
        case "--offsets": return FastArguments.set(&offsets, value)
        case "--label-lang": return FastArguments.set(&labelLang, value)
        case "--types": return FastArguments.set(&types, value)
        case "--documents": return FastArguments.set(&documents, value)
        case "--doc-field": return FastArguments.set(&docField, value)
        case "--fuzzy": return FastArguments.set(&fuzzy, value)
        case "--min-score": return FastArguments.set(&minScore, value)
        case "--ids": return FastArguments.set(&ids, value)
        default: return nil
        }
    }

    mutating func setFlag(_ name: String) -> String? {
        switch name {
        case "--weak": weak = true
        case "--partial": partial = true
        case "--demonyms": demonyms = true
        case "--no-demonyms": demonyms = false
        default: return nil
        }
        return name == "--no-demonyms" ? "--demonyms" : name
    }
}

extension SplitSettings: FastReadable {
    mutating func set(_ name: String, _ value: String) -> Bool? {
        name == "--lang" ? FastArguments.set(&lang, value) : nil
    }

    mutating func setFlag(_ name: String) -> String? {
        guard name == "--join-lines" else { return nil }
        joinLines = true
        return name
    }
}
