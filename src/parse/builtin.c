/*
 * builtin.c — the parser models built into the library: data/models/en.model and ar.model,
 * included byte for byte by the assembler (.incbin), which keeps the build fast where a C array
 * of several MB would not.  The Makefile defines MZ_HAVE_MODELS when both files exist, so the
 * tree still builds before `make models` has made them.
 */
#include <string.h>

#include "../util/error.h"
#include "internal.h"

#ifdef MZ_HAVE_MODELS
__asm__(".section .rodata\n"
        ".balign 16\n"
        "mz_model_en_begin:\n"
        ".incbin \"data/models/en.model\"\n"
        "mz_model_en_end:\n"
        ".balign 16\n"
        "mz_model_ar_begin:\n"
        ".incbin \"data/models/ar.model\"\n"
        "mz_model_ar_end:\n"
        ".previous\n");
extern const unsigned char mz_model_en_begin[], mz_model_en_end[];
extern const unsigned char mz_model_ar_begin[], mz_model_ar_end[];
#endif

mz_parse_model *mz_parse_model_builtin(const char *lang, mz_error *err)
{
#ifdef MZ_HAVE_MODELS
    if (lang && strcmp(lang, "en") == 0)
        return mz_parse_model_load(mz_model_en_begin, (size_t)(mz_model_en_end - mz_model_en_begin),
                                   "builtin en.model", err);
    if (lang && strcmp(lang, "ar") == 0)
        return mz_parse_model_load(mz_model_ar_begin, (size_t)(mz_model_ar_end - mz_model_ar_begin),
                                   "builtin ar.model", err);
    mz_fail(err, MZ_ERR_ARG, NULL, 0, "no built-in parser model for '%s'", lang ? lang : "");
#else
    (void)lang;
    mz_fail(err, MZ_ERR_ARG, NULL, 0, "this build has no parser models (run `make models`)");
#endif
    return NULL;
}
