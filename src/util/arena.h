/*
 * arena.h — bump allocator for per-document scratch memory.
 *
 * Everything the coder needs while coding one document (tokens, candidate keys, mentions,
 * events and their strings) comes from an arena that is reset, not freed, after the document:
 * no malloc per token on the hot path.  Blocks are kept across resets and reused.
 */
#ifndef MZ_ARENA_H
#define MZ_ARENA_H

#include <stddef.h>

typedef struct mz_arena_block mz_arena_block;

typedef struct mz_arena {
    mz_arena_block *head;   /* block being filled */
    mz_arena_block *spare;  /* blocks freed by reset, reused first */
} mz_arena;

#define MZ_ARENA_INIT {NULL, NULL}

/* Returns `size` bytes aligned to 16, or NULL when out of memory. */
void *mz_arena_alloc(mz_arena *a, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *mz_arena_strndup(mz_arena *a, const char *s, size_t n);
/* Makes all memory handed out so far reusable. */
void mz_arena_reset(mz_arena *a);
void mz_arena_free(mz_arena *a);

#endif
