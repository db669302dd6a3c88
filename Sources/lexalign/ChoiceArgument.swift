import ArgumentParser

/// An option whose values are an enum's raw strings (`--fuzzy off|strict|default|loose`).
///
/// ArgumentParser's defaults describe such a value by printing it (`"\(value)"`, `String(describing:)`),
/// which goes through the runtime's reflection: about 60,000 instructions for each enum each time a
/// command's options are gathered, and they are gathered three times per parse (2.7 M of the 52 M a
/// bare `echo | lexalign tag` took). The raw strings are the same text, read directly.
protocol ChoiceArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ChoiceArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    /// No value has a description of its own (ArgumentParser lists one only where it differs).
    public static var allValueDescriptions: [String: String] { [:] }
    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    public var defaultValueDescription: String { rawValue }
}
