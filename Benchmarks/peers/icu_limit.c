/* The ICU-limit row of Benchmarks/normalize.sh: what ICU's C API alone costs for the key
 * form's Unicode step. Each line of FILE (without its LF) is converted UTF-8 -> UTF-16,
 * checked with unorm2_spanQuickCheckYes and, where that stops short, normalised with
 * NFKC_Casefold, converted back to UTF-8 and written with an LF. No cleaning, no character
 * tables: a floor for the key form, not the same output.
 *
 * Built by normalize.sh:  cc -O2 icu_limit.c $(pkg-config --cflags --libs icu-uc) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static void *grow(void *buffer, size_t bytes) {
    void *bigger = realloc(buffer, bytes);
    if (!bigger) { fputs("icu_limit: out of memory\n", stderr); exit(1); }
    return bigger;
}

int main(int argc, char **argv) {
    if (argc != 2) { fputs("usage: icu_limit FILE\n", stderr); return 2; }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 2; }
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) { fprintf(stderr, "icu_limit: %s\n", u_errorName(status)); return 1; }
    static char out_buffer[1 << 20];
    setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    char *line = NULL, *utf8 = NULL;
    size_t line_capacity = 0, utf8_capacity = 0, units_capacity = 0;
    UChar *units = NULL, *normalized = NULL;
    ssize_t length;
    while ((length = getline(&line, &line_capacity, in)) >= 0) {
        if (length > 0 && line[length - 1] == '\n') length--;
        if ((size_t)length + 1 > units_capacity) {
            units_capacity = ((size_t)length + 1) * 2;
            units = grow(units, units_capacity * sizeof(UChar));
            normalized = grow(normalized, units_capacity * 2 * sizeof(UChar));
        }
        int32_t count = 0;
        status = U_ZERO_ERROR;
        u_strFromUTF8WithSub(units, (int32_t)units_capacity, &count, line, (int32_t)length, 0xFFFD, NULL, &status);
        const UChar *result = units;
        int32_t result_count = count;
        if (U_SUCCESS(status) && unorm2_spanQuickCheckYes(nfkc_cf, units, count, &status) < count) {
            status = U_ZERO_ERROR;
            result_count = unorm2_normalize(nfkc_cf, units, count, normalized, (int32_t)units_capacity * 2, &status);
            result = normalized;
            if (U_FAILURE(status)) { fprintf(stderr, "icu_limit: %s\n", u_errorName(status)); return 1; }
        }
        size_t needed = (size_t)result_count * 3 + 1;
        if (needed > utf8_capacity) { utf8_capacity = needed * 2; utf8 = grow(utf8, utf8_capacity); }
        int32_t bytes = 0;
        status = U_ZERO_ERROR;
        u_strToUTF8(utf8, (int32_t)utf8_capacity, &bytes, result, result_count, &status);
        if (U_FAILURE(status)) { fprintf(stderr, "icu_limit: %s\n", u_errorName(status)); return 1; }
        fwrite(utf8, 1, (size_t)bytes, stdout);
        putchar('\n');
    }
    fclose(in);
    free(line); free(utf8); free(units); free(normalized);
    return 0;
}
