// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Lexalign",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lexalign", targets: ["lexalign"]),
        .library(name: "TextNormalization", targets: ["TextNormalization"]),
        .library(name: "TermLexicon", targets: ["TermLexicon"]),
        .library(name: "SentenceAlignment", targets: ["SentenceAlignment"]),
        .library(name: "AlignmentValidation", targets: ["AlignmentValidation"]),
        .library(name: "SourceDiagnostics", targets: ["SourceDiagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `lexalign serve`: SwiftNIO's HTTP/1.1 alone (README, "Why SwiftNIO").
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The system ICU (libicu-dev), reached only through the stable `cicu_*` names of its header.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // SHA-256 for alignment pins and the digest of the lexicon files.
        .target(name: "ContentHash"),
        // What the build tools share: Swift string literals of repository files.
        .target(name: "BuildSupport"),
        // Files under Lexicons/ compiled into the binary, so the tool works without the repository.
        .executableTarget(name: "EmbedLexiconData", dependencies: ["ContentHash", "BuildSupport"]),
        .plugin(
            name: "EmbedLexiconPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedLexiconData"]
        ),
        // The review page's HTML, CSS and JavaScript compiled into the binary.
        .executableTarget(name: "EmbedWebAssets", dependencies: ["BuildSupport"]),
        .plugin(
            name: "EmbedWebAssetsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedWebAssets"]
        ),
        .target(
            name: "LexiconData",
            plugins: ["EmbedLexiconPlugin"]
        ),
        .target(
            name: "TextNormalization",
            dependencies: ["CICU", "LexiconData"],
            // The per-line buffers are class properties that the hot loops borrow; each borrow
            // was a runtime exclusivity check (swift_beginAccess), 3% of `normalize`'s
            // instructions. The buffers are never shared across threads (one normaliser per
            // thread) nor borrowed twice at once, which the static checks still enforce.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(
            name: "TermLexicon",
            dependencies: ["TextNormalization", "LexiconData", "ContentHash"],
            // As in TextNormalization: the matchers' per-record buffers are class properties
            // (a finder and its fuzzy matcher per thread, never shared nor borrowed twice at once,
            // which the static checks still enforce); each borrow was a runtime check
            // (swift_beginAccess), 2% of `tag`'s instructions.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // The built-in lexicon compiled to its tagging model when the binary is built, read back at
        // start-up instead of compiling the files (TermLexicon's archive; the files are the fallback).
        .executableTarget(
            name: "CompileLexiconModel",
            dependencies: ["TermLexicon", "LexiconData", "BuildSupport", "ContentHash"]
        ),
        .plugin(
            name: "CompileLexiconModelPlugin",
            capability: .buildTool(),
            dependencies: ["CompileLexiconModel"]
        ),
        .target(
            name: "BuiltInModel",
            dependencies: ["TermLexicon", "LexiconData"],
            plugins: ["CompileLexiconModelPlugin"]
        ),
        .target(
            name: "SentenceAlignment",
            dependencies: ["TextNormalization", "TermLexicon", "LexiconData", "ContentHash"]
        ),
        .target(
            name: "AlignmentValidation",
            dependencies: ["SentenceAlignment", "TermLexicon", "SourceDiagnostics"]
        ),
        .target(
            name: "SourceDiagnostics",
            dependencies: ["TextNormalization"]
        ),
        // Reading and writing the project's files: size-limited reads, the one safe writer, bead
        // files with the sentence files they pin.
        .target(
            name: "ProjectFiles",
            dependencies: ["TextNormalization", "SentenceAlignment", "AlignmentValidation"]
        ),
        // What `lexalign serve` answers (alignment API, tagging, reconciliation, the page), without sockets.
        .target(
            name: "ReviewService",
            dependencies: ["ProjectFiles", "TermLexicon", "SentenceAlignment", "AlignmentValidation", "ContentHash",
                           "TextNormalization"],
            exclude: ["Assets"],
            plugins: ["EmbedWebAssetsPlugin"]
        ),
        // HTTP/1.1 over SwiftNIO for a ReviewService: connections, limits, logging, clean stops.
        .target(
            name: "HTTPServing",
            dependencies: [
                "ReviewService",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "lexalign",
            dependencies: [
                "TextNormalization",
                "TermLexicon",
                "SentenceAlignment",
                "AlignmentValidation",
                "SourceDiagnostics",
                "ContentHash",
                "LexiconData",
                "ProjectFiles",
                "ReviewService",
                "HTTPServing",
                "BuiltInModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The project's texts, the external corpora and the seeded random numbers the property tests
        // read (never a product).
        .target(
            name: "TestCorpora",
            path: "Tests/TestCorpora"
        ),
        .testTarget(
            name: "ContentHashTests",
            dependencies: ["ContentHash"]
        ),
        .testTarget(
            name: "TextNormalizationTests",
            dependencies: ["TextNormalization", "TestCorpora"]
        ),
        .testTarget(
            name: "TermLexiconTests",
            dependencies: ["TermLexicon", "TestCorpora", "BuiltInModel", "LexiconData"],
            exclude: ["Fixtures", "Data"]
        ),
        .testTarget(
            name: "SentenceAlignmentTests",
            dependencies: ["SentenceAlignment", "TextNormalization", "ContentHash", "TestCorpora"]
        ),
        .testTarget(
            name: "AlignmentValidationTests",
            dependencies: ["AlignmentValidation"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ReviewServiceTests",
            dependencies: ["ReviewService", "TermLexicon", "ContentHash"]
        ),
        .testTarget(
            name: "SourceDiagnosticsTests",
            dependencies: ["SourceDiagnostics"]
        ),
        // The command line's own code: `FastArguments` against ArgumentParser.
        .testTarget(
            name: "LexalignCommandTests",
            dependencies: ["lexalign", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Runs the built `lexalign` binary (which `swift test` builds with every product).
        .testTarget(
            name: "LexalignCLITests",
            dependencies: ["TextNormalization", "ContentHash"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
