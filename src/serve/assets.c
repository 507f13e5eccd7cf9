/* assets.c — finding an embedded file of the dashboard and its media type; see assets.h. */
#include "assets.h"

#include <string.h>

static const struct {
    const char *ext;
    const char *type;
} types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
};

const mz_asset *mz_asset_find(const char *name)
{
    for (size_t i = 0; i < mz_asset_count; i++)
        if (strcmp(mz_assets[i].name, name) == 0)
            return &mz_assets[i];
    return NULL;
}

const char *mz_asset_type(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t k = strlen(types[i].ext);
        if (n > k && strcmp(name + n - k, types[i].ext) == 0)
            return types[i].type;
    }
    return "application/octet-stream";
}
