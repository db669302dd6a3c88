import SourceDiagnostics

/// Every alignment rule, in the order findings are explained in documentation.
public enum AlignmentRules {
    public static var all: [any AlignmentRule] {
        [missingHeader, badPin, missingPin, fieldCount, badRef, badScore, badStatus, emptyBead, lineEnd,
         missingSentenceFile, stalePin, refOutOfRange, coverage, textMismatch, sentenceBreak,
         entityMismatch, lengthOutlier, realign]
    }
}
