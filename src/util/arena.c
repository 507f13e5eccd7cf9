/* arena.c — bump allocator; see arena.h. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct mz_arena_block {
    mz_arena_block *next;
    size_t cap;
    size_t used;
    _Alignas(16) unsigned char data[];
};

enum { MZ_ARENA_BLOCK = 64 * 1024 };

static mz_arena_block *block_new(size_t need)
{
    size_t cap = need > MZ_ARENA_BLOCK ? need : MZ_ARENA_BLOCK;
    mz_arena_block *b = malloc(sizeof *b + cap);
    if (!b)
        return NULL;
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

/* Takes a spare block big enough for `need`, else allocates one. */
static mz_arena_block *block_take(mz_arena *a, size_t need)
{
    for (mz_arena_block **p = &a->spare; *p; p = &(*p)->next) {
        if ((*p)->cap >= need) {
            mz_arena_block *b = *p;
            *p = b->next;
            b->next = NULL;
            b->used = 0;
            return b;
        }
    }
    return block_new(need);
}

void *mz_arena_alloc(mz_arena *a, size_t size)
{
    if (size > ((size_t)-1) / 2)
        return NULL;
    size = (size + 15) & ~(size_t)15;
    if (!a->head || a->head->cap - a->head->used < size) {
        mz_arena_block *b = block_take(a, size);
        if (!b)
            return NULL;
        b->next = a->head;
        a->head = b;
    }
    void *p = a->head->data + a->head->used;
    a->head->used += size;
    return p;
}

char *mz_arena_strndup(mz_arena *a, const char *s, size_t n)
{
    char *p = mz_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void mz_arena_reset(mz_arena *a)
{
    while (a->head) {
        mz_arena_block *b = a->head;
        a->head = b->next;
        b->next = a->spare;
        a->spare = b;
    }
}

static void free_list(mz_arena_block *b)
{
    while (b) {
        mz_arena_block *next = b->next;
        free(b);
        b = next;
    }
}

void mz_arena_free(mz_arena *a)
{
    free_list(a->head);
    free_list(a->spare);
    a->head = a->spare = NULL;
}
