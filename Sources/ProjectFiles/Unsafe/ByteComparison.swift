#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a file's bytes are a string's UTF-8, compared with `memcmp`. Why pointers: `tag`
/// inside a clone compares ./Lexicons with the copy built into the binary at every start, three
/// and a half megabytes; an array of the string's UTF-8 and `==` on arrays went a byte at a time
/// (some 5 M instructions). Both buffers are the string's own storage (`withUTF8`: a literal's bytes
/// where the binary holds them) and the array's, taken for the closure; `memcmp` reads `count`
/// bytes of each, and runs only when the two counts are equal.
public enum ByteComparison {
    public static func utf8(of string: String, equals bytes: [UInt8]) -> Bool {
        var string = string
        return string.withUTF8 { text in
            bytes.withUnsafeBufferPointer { other in
                guard text.count == other.count else { return false }
                guard let left = text.baseAddress, let right = other.baseAddress else { return true }
                return memcmp(left, right, text.count) == 0
            }
        }
    }
}
