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

#ifdef MZ_HAVE_MODELS
/* The built-in models by language. */
static const struct {
    const char *lang, *name;
    const unsigned char *begin, *end;
} builtin[] = {
    {"en", "builtin en.model", mz_model_en_begin, mz_model_en_end},
    {"ar", "builtin ar.model", mz_model_ar_begin, mz_model_ar_end},
};
#endif

/* The index of lang's built-in model in builtin[], or -1. */
static int builtin_index(const char *lang)
{
#ifdef MZ_HAVE_MODELS
    for (size_t i = 0; lang && i < sizeof builtin / sizeof builtin[0]; i++)
        if (strcmp(lang, builtin[i].lang) == 0)
            return (int)i;
#else
    (void)lang;
#endif
    return -1;
}

const unsigned char *mz_parse_model_builtin_bytes(const char *lang, size_t *len)
{
    int i = builtin_index(lang);
    *len = 0;
#ifdef MZ_HAVE_MODELS
    if (i >= 0) {
        *len = (size_t)(builtin[i].end - builtin[i].begin);
        return builtin[i].begin;
    }
#endif
    return NULL;
}

mz_parse_model *mz_parse_model_builtin(const char *lang, mz_error *err)
{
    int i = builtin_index(lang);
#ifdef MZ_HAVE_MODELS
    if (i >= 0)
        return mz_parse_model_load_trusted(builtin[i].begin,
                                           (size_t)(builtin[i].end - builtin[i].begin),
                                           builtin[i].name, err);
    mz_fail(err, MZ_ERR_ARG, NULL, 0, "no built-in parser model for '%s'", lang ? lang : "");
#else
    (void)i;
    mz_fail(err, MZ_ERR_ARG, NULL, 0, "this build has no parser models (run `make models`)");
#endif
    return NULL;
}
