import Testing
@testable import AlignmentValidation
