/* builtin.c — the models built into the library. */
#include "../dict/engine.h"
#include "internal.h"

mz_parse_model *mz_parse_model_builtin(const char *lang, mz_error *err)
{
    mz_fail(err, MZ_ERR_ARG, NULL, 0, "no built-in parser model for '%s'", lang ? lang : "");
    return NULL;
}
