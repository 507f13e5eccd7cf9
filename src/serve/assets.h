/*
 * assets.h — the dashboard's files (web/ and the JavaScript libraries npm installs there),
 * compiled into the program by tools/embed: the server serves these and nothing else.
 */
#ifndef MZ_SERVE_ASSETS_H
#define MZ_SERVE_ASSETS_H

#include <stddef.h>

typedef struct mz_asset {
    const char *name;  /* the file's base name, e.g. "app.js" */
    const char *data;
    size_t len;
} mz_asset;

/* Generated into build/.../gen/assets_data.c by the Makefile. */
extern const mz_asset mz_assets[];
extern const size_t mz_asset_count;

/* The asset of that exact name; NULL when there is none (so a path such as "../x" or
 * "a/b.js" never names one). */
const mz_asset *mz_asset_find(const char *name);

/* The media type of an asset by its extension ("application/octet-stream" when unknown). */
const char *mz_asset_type(const char *name);

#endif
