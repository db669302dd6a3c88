// swift-tools-version:5.4
// The libFuzzer targets of Lexalign (Fuzz/README.md). A package of its own, so the main package's
// build, tests and products are untouched; it depends on the working tree one folder up, so each
// build fuzzes the sources as they are now. `run.sh` builds it with `-sanitize=fuzzer,address`.
//
// Why tools version 5.4: from 5.5 on, SwiftPM renames an executable's entry point to
// `<Target>_main` and links it with `--defsym main=<Target>_main`, which fails for a fuzz target:
// it has no entry point of its own, `main` is libFuzzer's. With 5.4 the executables link plainly.
// (The main package keeps its own tools version; each package is read with its own.)
import PackageDescription

/// One executable per fuzz target. `-parse-as-library`: the target's file defines only
/// `LLVMFuzzerTestOneInput`, and `main` must come from libFuzzer, not from top-level code.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies,
                      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "LexalignFuzz",
    dependencies: [
        .package(name: "Lexalign", path: ".."),
    ],
    targets: [
        // What the targets share: a failed property as a crash libFuzzer reports, one input split
        // into several files, line counts, bytes shown in messages.
        .target(name: "FuzzSupport"),
        fuzzTarget("FuzzLineDecoder", [.product(name: "TextNormalization", package: "Lexalign")]),
        fuzzTarget("FuzzLexiconParser", [
            .product(name: "TermLexicon", package: "Lexalign"),
            .product(name: "TextNormalization", package: "Lexalign"),
        ]),
        fuzzTarget("FuzzBeadFileReader", [
            .product(name: "AlignmentValidation", package: "Lexalign"),
            .product(name: "SentenceAlignment", package: "Lexalign"),
            .product(name: "TermLexicon", package: "Lexalign"),
            .product(name: "TextNormalization", package: "Lexalign"),
        ]),
        fuzzTarget("FuzzJSONRecord", [.product(name: "TextNormalization", package: "Lexalign")]),
        fuzzTarget("FuzzTagger", [
            .product(name: "TermLexicon", package: "Lexalign"),
            .product(name: "TextNormalization", package: "Lexalign"),
        ]),
    ],
    swiftLanguageVersions: [.v5]
)
