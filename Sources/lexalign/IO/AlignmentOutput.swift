import ProjectFiles
import SentenceAlignment
import TextNormalization

/// Writes an alignment in the format asked for, to a file or standard output.
enum AlignmentOutput {
    /// - Parameter inputs: the files the command read, which `output` must not name.
    static func write(_ file: AlignmentFile, format: AlignmentExport.Format, to output: String?, inputs: [String],
                      sourceLanguage: Language, targetLanguage: Language,
                      sourceCode: String?, targetCode: String?, includeUnreviewed: Bool) throws {
        let rows = AlignmentExport.rows(of: file, includeUnreviewed: includeUnreviewed)
        func emit(_ text: String, to path: String?) throws { try AlignmentOutput.emit(text, to: path, inputs: inputs) }
        switch format {
        case .tsv:
            try emit(AlignmentFileWriter.text(of: file), to: output)
        case .vecalign:
            try emit(AlignmentExport.vecalign(rows.map(\.bead)), to: output)
        case .tmx:
            let xml = AlignmentExport.tmx(rows, sourceCode: sourceCode ?? tmxCode(sourceLanguage),
                                          targetCode: targetCode ?? tmxCode(targetLanguage),
                                          toolVersion: LexalignVersion.number)
            try emit(xml, to: output)
        case .moses:
            guard let output else { throw ExitStatus.ioError }
            guard sourceLanguage != targetLanguage else {
                StandardError.line("lexalign: error: both sides are \(sourceLanguage.rawValue): "
                    + "--format moses would write "
                    + "\(output).\(sourceLanguage.rawValue) twice; give --source-lang or --target-lang")
                throw ExitStatus.ioError
            }
            let (source, target) = AlignmentExport.moses(rows)
            try emit(source, to: output + "." + sourceLanguage.rawValue)
            try emit(target, to: output + "." + targetLanguage.rawValue)
        }
    }

    /// The xml:lang CAT tools know: Dari as fa-AF (most tools have no `prs`), Pashto as ps.
    static func tmxCode(_ language: Language) -> String {
        switch language {
        case .dari: "fa-AF"
        case .pashto: "ps"
        case .english: "en"
        case .undetermined: "und"
        }
    }

    private static func emit(_ text: String, to path: String?, inputs: [String]) throws {
        do {
            if let path {
                try FileWriter.write(text, to: path, inputs: inputs)
            } else {
                let stream = OutputStream(descriptor: 1)
                try stream.write(text)
                try stream.flush()
            }
        } catch {
            StandardError.line(error.description)
            throw ExitStatus.ioError
        }
    }
}
