/// What ICU 72's Latin-ASCII transliterator makes of each character of
/// `NormalizationTables.latinASCIIRanges` that it turns into other, non-empty ASCII: one line per
/// character, its code unit and then the ASCII bytes it becomes, in hex (Æ is `00C6 41 45`, AE; a
/// no-break space `00A0 20`). Written by
/// `SourceTableTests` from the system ICU (run it; when ICU answers otherwise, its failure
/// message holds the new text), so the latin form need not open an ICU transliterator by ID.
enum LatinASCIITable {
    static let entries: [(UInt16, String)] = text.split(separator: "\n").map { line in
        let fields = line.split(separator: " ")
        let ascii = fields.dropFirst().map { UInt8($0, radix: 16)! }
        return (UInt16(fields[0], radix: 16)!, String(decoding: ascii, as: UTF8.self))
    }

    static let text = """
    00C0 41
    00C1 41
    00C2 41
    00C3 41
    00C4 41
    00C5 41
    00C6 41 45
    00C7 43
    00C8 45
    00C9 45
    00CA 45
    00CB 45
    00CC 49
    00CD 49
    00CE 49
    00CF 49
    00D0 44
    00D1 4E
    00D2 4F
    00D3 4F
    00D4 4F
    00D5 4F
    00D6 4F
    00D7 2A
    00D8 4F
    00D9 55
    00DA 55
    00DB 55
    00DC 55
    00DD 59
    00DE 54 48
    00DF 73 73
    00E0 61
    00E1 61
    00E2 61
    00E3 61
    00E4 61
    00E5 61
    00E6 61 65
    00E7 63
    00E8 65
    00E9 65
    00EA 65
    00EB 65
    00EC 69
    00ED 69
    00EE 69
    00EF 69
    00F0 64
    00F1 6E
    00F2 6F
    00F3 6F
    00F4 6F
    00F5 6F
    00F6 6F
    00F7 2F
    00F8 6F
    00F9 75
    00FA 75
    00FB 75
    00FC 75
    00FD 79
    00FE 74 68
    00FF 79
    0100 41
    0101 61
    0102 41
    0103 61
    0104 41
    0105 61
    0106 43
    0107 63
    0108 43
    0109 63
    010A 43
    010B 63
    010C 43
    010D 63
    010E 44
    010F 64
    0110 44
    0111 64
    0112 45
    0113 65
    0114 45
    0115 65
    0116 45
    0117 65
    0118 45
    0119 65
    011A 45
    011B 65
    011C 47
    011D 67
    011E 47
    011F 67
    0120 47
    0121 67
    0122 47
    0123 67
    0124 48
    0125 68
    0126 48
    0127 68
    0128 49
    0129 69
    012A 49
    012B 69
    012C 49
    012D 69
    012E 49
    012F 69
    0130 49
    0131 69
    0132 49 4A
    0133 69 6A
    0134 4A
    0135 6A
    0136 4B
    0137 6B
    0138 71
    0139 4C
    013A 6C
    013B 4C
    013C 6C
    013D 4C
    013E 6C
    013F 4C
    0140 6C
    0141 4C
    0142 6C
    0143 4E
    0144 6E
    0145 4E
    0146 6E
    0147 4E
    0148 6E
    0149 27 6E
    014A 4E
    014B 6E
    014C 4F
    014D 6F
    014E 4F
    014F 6F
    0150 4F
    0151 6F
    0152 4F 45
    0153 6F 65
    0154 52
    0155 72
    0156 52
    0157 72
    0158 52
    0159 72
    015A 53
    015B 73
    015C 53
    015D 73
    015E 53
    015F 73
    0160 53
    0161 73
    0162 54
    0163 74
    0164 54
    0165 74
    0166 54
    0167 74
    0168 55
    0169 75
    016A 55
    016B 75
    016C 55
    016D 75
    016E 55
    016F 75
    0170 55
    0171 75
    0172 55
    0173 75
    0174 57
    0175 77
    0176 59
    0177 79
    0178 59
    0179 5A
    017A 7A
    017B 5A
    017C 7A
    017D 5A
    017E 7A
    017F 73
    0180 62
    0181 42
    0182 42
    0183 62
    0187 43
    0188 63
    0189 44
    018A 44
    018B 44
    018C 64
    0190 45
    0191 46
    0192 66
    0193 47
    0195 68 76
    0196 49
    0197 49
    0198 4B
    0199 6B
    019A 6C
    019D 4E
    019E 6E
    01A0 4F
    01A1 6F
    01A2 4F 49
    01A3 6F 69
    01A4 50
    01A5 70
    01AB 74
    01AC 54
    01AD 74
    01AE 54
    01AF 55
    01B0 75
    01B2 56
    01B3 59
    01B4 79
    01B5 5A
    01B6 7A
    01C4 44 5A
    01C5 44 7A
    01C6 64 7A
    01C7 4C 4A
    01C8 4C 6A
    01C9 6C 6A
    01CA 4E 4A
    01CB 4E 6A
    01CC 6E 6A
    01CD 41
    01CE 61
    01CF 49
    01D0 69
    01D1 4F
    01D2 6F
    01D3 55
    01D4 75
    01D5 55
    01D6 75
    01D7 55
    01D8 75
    01D9 55
    01DA 75
    01DB 55
    01DC 75
    01DE 41
    01DF 61
    01E0 41
    01E1 61
    01E2 41 45
    01E3 61 65
    01E4 47
    01E5 67
    01E6 47
    01E7 67
    01E8 4B
    01E9 6B
    01EA 4F
    01EB 6F
    01EC 4F
    01ED 6F
    01F0 6A
    01F1 44 5A
    01F2 44 7A
    01F3 64 7A
    01F4 47
    01F5 67
    01F8 4E
    01F9 6E
    01FA 41
    01FB 61
    01FC 41 45
    01FD 61 65
    01FE 4F
    01FF 6F
    0200 41
    0201 61
    0202 41
    0203 61
    0204 45
    0205 65
    0206 45
    0207 65
    0208 49
    0209 69
    020A 49
    020B 69
    020C 4F
    020D 6F
    020E 4F
    020F 6F
    0210 52
    0211 72
    0212 52
    0213 72
    0214 55
    0215 75
    0216 55
    0217 75
    0218 53
    0219 73
    021A 54
    021B 74
    021E 48
    021F 68
    0221 64
    0224 5A
    0225 7A
    0226 41
    0227 61
    0228 45
    0229 65
    022A 4F
    022B 6F
    022C 4F
    022D 6F
    022E 4F
    022F 6F
    0230 4F
    0231 6F
    0232 59
    0233 79
    0234 6C
    0235 6E
    0236 74
    0237 6A
    0238 64 62
    0239 71 70
    023A 41
    023B 43
    023C 63
    023D 4C
    023E 54
    023F 73
    0240 7A
    0243 42
    0244 55
    0246 45
    0247 65
    0248 4A
    0249 6A
    024C 52
    024D 72
    024E 59
    024F 79
    0253 62
    0255 63
    0256 64
    0257 64
    025B 65
    025F 6A
    0260 67
    0261 67
    0262 47
    0266 68
    0267 68
    0268 69
    026A 49
    026B 6C
    026C 6C
    026D 6C
    0271 6D
    0272 6E
    0273 6E
    0274 4E
    0276 4F 45
    027C 72
    027D 72
    027E 72
    0280 52
    0282 73
    0288 74
    0289 75
    028B 76
    028F 59
    0290 7A
    0291 7A
    0299 42
    029B 47
    029C 48
    029D 6A
    029F 4C
    02A0 71
    02A3 64 7A
    02A5 64 7A
    02A6 74 73
    02AA 6C 73
    02AB 6C 7A
    1E00 41
    1E01 61
    1E02 42
    1E03 62
    1E04 42
    1E05 62
    1E06 42
    1E07 62
    1E08 43
    1E09 63
    1E0A 44
    1E0B 64
    1E0C 44
    1E0D 64
    1E0E 44
    1E0F 64
    1E10 44
    1E11 64
    1E12 44
    1E13 64
    1E14 45
    1E15 65
    1E16 45
    1E17 65
    1E18 45
    1E19 65
    1E1A 45
    1E1B 65
    1E1C 45
    1E1D 65
    1E1E 46
    1E1F 66
    1E20 47
    1E21 67
    1E22 48
    1E23 68
    1E24 48
    1E25 68
    1E26 48
    1E27 68
    1E28 48
    1E29 68
    1E2A 48
    1E2B 68
    1E2C 49
    1E2D 69
    1E2E 49
    1E2F 69
    1E30 4B
    1E31 6B
    1E32 4B
    1E33 6B
    1E34 4B
    1E35 6B
    1E36 4C
    1E37 6C
    1E38 4C
    1E39 6C
    1E3A 4C
    1E3B 6C
    1E3C 4C
    1E3D 6C
    1E3E 4D
    1E3F 6D
    1E40 4D
    1E41 6D
    1E42 4D
    1E43 6D
    1E44 4E
    1E45 6E
    1E46 4E
    1E47 6E
    1E48 4E
    1E49 6E
    1E4A 4E
    1E4B 6E
    1E4C 4F
    1E4D 6F
    1E4E 4F
    1E4F 6F
    1E50 4F
    1E51 6F
    1E52 4F
    1E53 6F
    1E54 50
    1E55 70
    1E56 50
    1E57 70
    1E58 52
    1E59 72
    1E5A 52
    1E5B 72
    1E5C 52
    1E5D 72
    1E5E 52
    1E5F 72
    1E60 53
    1E61 73
    1E62 53
    1E63 73
    1E64 53
    1E65 73
    1E66 53
    1E67 73
    1E68 53
    1E69 73
    1E6A 54
    1E6B 74
    1E6C 54
    1E6D 74
    1E6E 54
    1E6F 74
    1E70 54
    1E71 74
    1E72 55
    1E73 75
    1E74 55
    1E75 75
    1E76 55
    1E77 75
    1E78 55
    1E79 75
    1E7A 55
    1E7B 75
    1E7C 56
    1E7D 76
    1E7E 56
    1E7F 76
    1E80 57
    1E81 77
    1E82 57
    1E83 77
    1E84 57
    1E85 77
    1E86 57
    1E87 77
    1E88 57
    1E89 77
    1E8A 58
    1E8B 78
    1E8C 58
    1E8D 78
    1E8E 59
    1E8F 79
    1E90 5A
    1E91 7A
    1E92 5A
    1E93 7A
    1E94 5A
    1E95 7A
    1E96 68
    1E97 74
    1E98 77
    1E99 79
    1E9A 61
    1E9B 73
    1E9C 73
    1E9D 73
    1E9E 53 53
    1EA0 41
    1EA1 61
    1EA2 41
    1EA3 61
    1EA4 41
    1EA5 61
    1EA6 41
    1EA7 61
    1EA8 41
    1EA9 61
    1EAA 41
    1EAB 61
    1EAC 41
    1EAD 61
    1EAE 41
    1EAF 61
    1EB0 41
    1EB1 61
    1EB2 41
    1EB3 61
    1EB4 41
    1EB5 61
    1EB6 41
    1EB7 61
    1EB8 45
    1EB9 65
    1EBA 45
    1EBB 65
    1EBC 45
    1EBD 65
    1EBE 45
    1EBF 65
    1EC0 45
    1EC1 65
    1EC2 45
    1EC3 65
    1EC4 45
    1EC5 65
    1EC6 45
    1EC7 65
    1EC8 49
    1EC9 69
    1ECA 49
    1ECB 69
    1ECC 4F
    1ECD 6F
    1ECE 4F
    1ECF 6F
    1ED0 4F
    1ED1 6F
    1ED2 4F
    1ED3 6F
    1ED4 4F
    1ED5 6F
    1ED6 4F
    1ED7 6F
    1ED8 4F
    1ED9 6F
    1EDA 4F
    1EDB 6F
    1EDC 4F
    1EDD 6F
    1EDE 4F
    1EDF 6F
    1EE0 4F
    1EE1 6F
    1EE2 4F
    1EE3 6F
    1EE4 55
    1EE5 75
    1EE6 55
    1EE7 75
    1EE8 55
    1EE9 75
    1EEA 55
    1EEB 75
    1EEC 55
    1EED 75
    1EEE 55
    1EEF 75
    1EF0 55
    1EF1 75
    1EF2 59
    1EF3 79
    1EF4 59
    1EF5 79
    1EF6 59
    1EF7 79
    1EF8 59
    1EF9 79
    1EFA 4C 4C
    1EFB 6C 6C
    1EFC 56
    1EFD 76
    1EFE 59
    1EFF 79
    2C60 4C
    2C61 6C
    2C62 4C
    2C63 50
    2C64 52
    2C65 61
    2C66 74
    2C67 48
    2C68 68
    2C69 4B
    2C6A 6B
    2C6B 5A
    2C6C 7A
    2C6E 4D
    2C71 76
    2C72 57
    2C73 77
    2C74 76
    2C78 65
    2C7A 6F
    2C7E 53
    2C7F 5A
    A730 46
    A731 53
    A732 41 41
    A733 61 61
    A734 41 4F
    A735 61 6F
    A736 41 55
    A737 61 75
    A738 41 56
    A739 61 76
    A73A 41 56
    A73B 61 76
    A73C 41 59
    A73D 61 79
    A740 4B
    A741 6B
    A742 4B
    A743 6B
    A744 4B
    A745 6B
    A746 4C
    A747 6C
    A748 4C
    A749 6C
    A74A 4F
    A74B 6F
    A74C 4F
    A74D 6F
    A74E 4F 4F
    A74F 6F 6F
    A750 50
    A751 70
    A752 50
    A753 70
    A754 50
    A755 70
    A756 51
    A757 71
    A758 51
    A759 71
    A75E 56
    A75F 76
    A760 56 59
    A761 76 79
    A764 54 48
    A765 74 68
    A766 54 48
    A767 74 68
    A771 64
    A772 6C
    A773 6D
    A774 6E
    A775 72
    A776 52
    A777 74
    A779 44
    A77A 64
    A77B 46
    A77C 66
    A786 54
    A787 74
    A790 4E
    A791 6E
    A792 43
    A793 63
    A7A0 47
    A7A1 67
    A7A2 4B
    A7A3 6B
    A7A4 4E
    A7A5 6E
    A7A6 52
    A7A7 72
    A7A8 53
    A7A9 73
    A7AA 48
    00A0 20
    00A1 21
    00A9 28 43 29
    00AB 3C 3C
    00AD 2D
    00AE 28 52 29
    00B1 2B 2F 2D
    00BB 3E 3E
    00BC 20 31 2F 34
    00BD 20 31 2F 32
    00BE 20 33 2F 34
    00BF 3F
    2010 2D
    2011 2D
    2012 2D
    2013 2D
    2014 2D
    2015 2D
    2016 7C 7C
    2018 27
    2019 27
    201A 2C
    201B 27
    201C 22
    201D 22
    201E 2C 2C
    201F 22
    2024 2E
    2025 2E 2E
    2026 2E 2E 2E
    2032 27
    2033 22
    2039 3C
    203A 3E
    203C 21 21
    2044 2F
    2045 5B
    2046 5D
    2047 3F 3F
    2048 3F 21
    2049 21 3F
    204E 2A
    """
}
