// Stable names for the system ICU's C API.
//
// Debian's ICU renames every entry point with a version suffix (`unorm2_normalize_72`) through
// macros in unicode/urename.h, which Swift's importer cannot follow. Each wrapper below is a
// `static inline` function with a fixed name that calls the renamed symbol, so Swift code never
// depends on the ICU major version. Only what Lexalign uses is wrapped.
#ifndef LEXALIGN_CICU_H
#define LEXALIGN_CICU_H

#include <stdint.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ubrk.h>
#include <unicode/uspoof.h>
#include <unicode/uloc.h>

// MARK: errors and versions

static inline int cicu_failure(UErrorCode code) { return U_FAILURE(code); }
static inline const char *cicu_errorName(UErrorCode code) { return u_errorName(code); }

/// Writes the ICU release version ("72.1") into `buffer` (at least U_MAX_VERSION_STRING_LENGTH bytes).
static inline void cicu_icuVersionString(char *buffer) {
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
}

/// Writes the Unicode version of ICU's character data ("15.0") into `buffer`.
static inline void cicu_unicodeVersionString(char *buffer) {
    UVersionInfo info;
    u_getUnicodeVersion(info);
    u_versionToString(info, buffer);
}

static inline int32_t cicu_maxVersionStringLength(void) { return U_MAX_VERSION_STRING_LENGTH; }

// MARK: character properties

static inline int32_t cicu_script(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript(c, &status);
    return U_FAILURE(status) ? -1 : (int32_t)code;
}
static inline const char *cicu_scriptShortName(int32_t code) {
    return uscript_getShortName((UScriptCode)code);
}
static inline int8_t cicu_charType(UChar32 c) { return u_charType(c); }
static inline UBool cicu_isAlphabetic(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_ALPHABETIC); }
static inline int32_t cicu_combiningClass(UChar32 c) { return u_getCombiningClass(c); }

// MARK: sets

static inline USet *cicu_uset_openPattern(const UChar *pattern, int32_t length, UErrorCode *status) {
    return uset_openPattern(pattern, length, status);
}
static inline void cicu_uset_freeze(USet *set) { uset_freeze(set); }
static inline void cicu_uset_close(USet *set) { uset_close(set); }
static inline UBool cicu_uset_contains(const USet *set, UChar32 c) { return uset_contains(set, c); }

// MARK: normalizer2

static inline const UNormalizer2 *cicu_unorm2_getNFCInstance(UErrorCode *status) {
    return unorm2_getNFCInstance(status);
}
static inline const UNormalizer2 *cicu_unorm2_getNFKCInstance(UErrorCode *status) {
    return unorm2_getNFKCInstance(status);
}
static inline const UNormalizer2 *cicu_unorm2_getNFKDInstance(UErrorCode *status) {
    return unorm2_getNFKDInstance(status);
}
static inline const UNormalizer2 *cicu_unorm2_getNFKCCasefoldInstance(UErrorCode *status) {
    return unorm2_getNFKCCasefoldInstance(status);
}
static inline UNormalizer2 *cicu_unorm2_openFiltered(const UNormalizer2 *base, const USet *filter,
                                                      UErrorCode *status) {
    return unorm2_openFiltered(base, filter, status);
}
static inline void cicu_unorm2_close(UNormalizer2 *normalizer) { unorm2_close(normalizer); }
static inline int32_t cicu_unorm2_normalize(const UNormalizer2 *normalizer, const UChar *src, int32_t length,
                                            UChar *dest, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize(normalizer, src, length, dest, capacity, status);
}
static inline UBool cicu_unorm2_hasBoundaryBefore(const UNormalizer2 *normalizer, UChar32 c) {
    return unorm2_hasBoundaryBefore(normalizer, c);
}
static inline int32_t cicu_unorm2_spanQuickCheckYes(const UNormalizer2 *normalizer, const UChar *s,
                                                    int32_t length, UErrorCode *status) {
    return unorm2_spanQuickCheckYes(normalizer, s, length, status);
}

// MARK: transliterator

static inline UTransliterator *cicu_utrans_openU(const UChar *id, int32_t idLength, UTransDirection direction,
                                                 const UChar *rules, int32_t rulesLength,
                                                 UParseError *parseError, UErrorCode *status) {
    return utrans_openU(id, idLength, direction, rules, rulesLength, parseError, status);
}
static inline UTransliterator *cicu_utrans_clone(const UTransliterator *transliterator, UErrorCode *status) {
    return utrans_clone(transliterator, status);
}
static inline void cicu_utrans_close(UTransliterator *transliterator) { utrans_close(transliterator); }
static inline void cicu_utrans_transUChars(const UTransliterator *transliterator, UChar *text,
                                           int32_t *textLength, int32_t textCapacity, int32_t start,
                                           int32_t *limit, UErrorCode *status) {
    utrans_transUChars(transliterator, text, textLength, textCapacity, start, limit, status);
}

// MARK: break iterator

static inline UBreakIterator *cicu_ubrk_open(UBreakIteratorType type, const char *locale, const UChar *text,
                                             int32_t textLength, UErrorCode *status) {
    return ubrk_open(type, locale, text, textLength, status);
}
static inline void cicu_ubrk_close(UBreakIterator *iterator) { ubrk_close(iterator); }
static inline void cicu_ubrk_setText(UBreakIterator *iterator, const UChar *text, int32_t length,
                                     UErrorCode *status) {
    ubrk_setText(iterator, text, length, status);
}
static inline int32_t cicu_ubrk_first(UBreakIterator *iterator) { return ubrk_first(iterator); }
static inline int32_t cicu_ubrk_next(UBreakIterator *iterator) { return ubrk_next(iterator); }
static inline int32_t cicu_ubrk_getRuleStatus(UBreakIterator *iterator) { return ubrk_getRuleStatus(iterator); }
static inline int32_t cicu_ubrk_done(void) { return UBRK_DONE; }

// MARK: spoof checker

static inline USpoofChecker *cicu_uspoof_open(UErrorCode *status) { return uspoof_open(status); }
static inline void cicu_uspoof_close(USpoofChecker *checker) { uspoof_close(checker); }
static inline void cicu_uspoof_setChecks(USpoofChecker *checker, int32_t checks, UErrorCode *status) {
    uspoof_setChecks(checker, checks, status);
}
static inline void cicu_uspoof_setRestrictionLevel(USpoofChecker *checker, URestrictionLevel level) {
    uspoof_setRestrictionLevel(checker, level);
}
static inline USpoofCheckResult *cicu_uspoof_openCheckResult(UErrorCode *status) {
    return uspoof_openCheckResult(status);
}
static inline void cicu_uspoof_closeCheckResult(USpoofCheckResult *result) { uspoof_closeCheckResult(result); }
static inline int32_t cicu_uspoof_check2(const USpoofChecker *checker, const UChar *id, int32_t length,
                                         USpoofCheckResult *result, UErrorCode *status) {
    return uspoof_check2(checker, id, length, result, status);
}
static inline URestrictionLevel cicu_uspoof_getCheckResultRestrictionLevel(const USpoofCheckResult *result,
                                                                           UErrorCode *status) {
    return uspoof_getCheckResultRestrictionLevel(result, status);
}
static inline int32_t cicu_uspoof_areConfusable(const USpoofChecker *checker, const UChar *a, int32_t aLength,
                                                const UChar *b, int32_t bLength, UErrorCode *status) {
    return uspoof_areConfusable(checker, a, aLength, b, bLength, status);
}
static inline int32_t cicu_uspoof_getSkeleton(const USpoofChecker *checker, const UChar *id, int32_t length,
                                              UChar *dest, int32_t capacity, UErrorCode *status) {
    return uspoof_getSkeleton(checker, 0, id, length, dest, capacity, status);
}

// MARK: locale display names (CLDR data)

static inline int32_t cicu_uloc_getDisplayCountry(const char *locale, const char *displayLocale, UChar *country,
                                                  int32_t capacity, UErrorCode *status) {
    return uloc_getDisplayCountry(locale, displayLocale, country, capacity, status);
}
// Whether ICU answered from its default (root) data: it has nothing for the display locale.
static inline int cicu_isUsingDefault(UErrorCode code) { return code == U_USING_DEFAULT_WARNING; }

#endif
