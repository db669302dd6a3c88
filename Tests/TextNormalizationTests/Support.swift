import TextNormalization

/// One normaliser per option set, shared by the tests of a file (tests in one file may run in
/// parallel, so each call makes its own `TextNormalizer`, which is cheap next to the context).
func normalized(_ text: String, _ form: NormalizationForm, lang: Language? = nil, digits: DigitPolicy? = nil) throws -> String {
    let context = try NormalizationContext(options: NormalizationOptions(form: form, language: lang, digits: digits))
    return try context.makeNormalizer().normalize(text).text
}

/// The Unicode scalars of a string as U+XXXX, for readable failure messages.
func scalars(_ text: String) -> String {
    text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
}
