/*
 * fuzz_coder.c — arbitrary bytes as a document for mz_coder_code.
 *
 * The first byte picks the options: bit 0 MZ_CODE_PARTIAL, bits 1-2 the language ("ar", "en",
 * detected, "ar"), bits 3-4 the date (none, 2024-06-19, 1995-01-01, ""), bit 5 MZ_CODE_EXPLAIN
 * (the account is read to its end).  The rest is the text.  Invalid UTF-8 must be refused with MZ_ERR_UTF8; the same text with its bad bytes
 * replaced is then coded again, so that mutations which break the encoding still reach the
 * tokenizer, the matcher and the attachment passes.  Every string of every event is read, so a
 * dangling or unterminated one shows up under ASan.  Each event is also rendered as a JSON line
 * and as TSV, and the JSON line must load back through mz_evset_add_json: what `mizan code`
 * prints, `mizan analyze --events` must read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/mizan.h"
#include "../src/analyze/events.h"
#include "../src/io/render.h"
#include "../src/text/utf8.h"

static mz_engine *engine;
static mz_coder *coders[4]; /* by MZ_CODE_PARTIAL (bit 0) and MZ_CODE_EXPLAIN (bit 1) */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    mz_error err = {0};
    engine = mz_engine_new();
    if (!engine || mz_engine_load_builtin(engine, &err) != MZ_OK ||
        mz_engine_compile(engine, &err) != MZ_OK) {
        fprintf(stderr, "fuzz_coder: cannot load the builtin dictionaries: %s\n", err.message);
        abort();
    }
    for (unsigned i = 0; i < 4; i++)
        if (!(coders[i] = mz_coder_new(engine, (i & 1 ? MZ_CODE_PARTIAL : 0) | (i & 2 ? MZ_CODE_EXPLAIN : 0))))
            abort();
    return 0;
}

/* Reads every byte of s up to its NUL; returns the length so the compiler keeps the reads. */
static size_t touch(const char *s)
{
    if (!s)
        abort();
    return strlen(s);
}

/* Renders e and reads the JSON line back; aborts when the analyses would refuse it. */
static void round_trip(const mz_event *e)
{
    mz_buf b = MZ_BUF_INIT;
    mz_render_tsv(&b, e);
    mz_buf_clear(&b);
    mz_render_jsonl(&b, e);
    if (b.oom)
        abort();
    mz_evset set;
    mz_evset_init(&set, 0);
    mz_error err = {0};
    if (mz_evset_add_json(&set, b.data, b.len, NULL, &err) != MZ_OK || set.n != 1) {
        fprintf(stderr, "fuzz_coder: a rendered event does not load back (%s):\n%s\n", err.message,
                b.data);
        abort();
    }
    const mz_event *r = &set.ev[0];
    if (strcmp(r->source, e->source) || strcmp(r->target, e->target) || strcmp(r->code, e->code) ||
        strcmp(r->text, e->text) || strcmp(r->ev_verb, e->ev_verb) || r->quad != e->quad) {
        fprintf(stderr, "fuzz_coder: an event changes through JSON:\n%s\n", b.data);
        abort();
    }
    mz_evset_free(&set);
    mz_buf_free(&b);
}

static void check_events(const mz_coder *c, const mz_event *ev, size_t n, unsigned flags)
{
    size_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        const mz_event *e = &ev[i];
        sum += touch(e->doc) + touch(e->date) + touch(e->lang) + touch(e->source) +
               touch(e->target) + touch(e->source_country) + touch(e->target_country) +
               touch(e->code) + touch(e->root) + touch(e->plover) + touch(e->text) +
               touch(e->ev_source) + touch(e->ev_target) + touch(e->ev_verb) +
               touch(e->ev_context_source) + touch(e->ev_context_target);
        if (e->sentence < 0 || (size_t)e->sentence >= mz_coder_sentence_count(c))
            abort();
        if (!(flags & MZ_CODE_PARTIAL) &&
            (strcmp(e->source, "---") == 0 || strcmp(e->target, "---") == 0))
            abort();
        round_trip(e);
    }
    for (size_t i = 0; i < mz_coder_sentence_count(c); i++)
        sum += touch(mz_coder_sentence(c, i));
    sum += touch(mz_coder_explanation(c));
    (void)sum;
}

/* Codes one document and checks the result against the contract of mizan.h. */
static void code(unsigned flags, const char *lang, const char *date, const char *text, size_t len,
                 int utf8_ok)
{
    mz_coder *c = coders[(flags & MZ_CODE_PARTIAL ? 1 : 0) | (flags & MZ_CODE_EXPLAIN ? 2 : 0)];
    mz_doc doc = {.id = "fuzz", .date = date, .lang = lang, .text = text, .len = len};
    const mz_event *ev = NULL;
    size_t n = 0;
    mz_error err = {0};
    mz_status st = mz_coder_code(c, &doc, &ev, &n, &err);
    if (st == MZ_OK) {
        if (!utf8_ok || (n && !ev))
            abort();
        check_events(c, ev, n, flags);
    } else {
        if (n != 0 || ev != NULL)
            abort();
        if (st == MZ_ERR_UTF8 && utf8_ok)
            abort();
        if (st != MZ_ERR_UTF8 && st != MZ_ERR_PARSE && st != MZ_ERR_NOMEM)
            abort();
    }
}

/* Copies s[0..n) into out, each invalid byte or NUL replaced by '?'. */
static void repair(const uint8_t *s, size_t n, char *out)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int k = mz_utf8_decode(s + i, n - i, &cp);
        if (k < 0 || cp == 0) {
            out[i++] = '?';
            continue;
        }
        memcpy(out + i, s + i, (size_t)k);
        i += (size_t)k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {"ar", "en", NULL, "ar"};
    static const char *const dates[] = {NULL, "2024-06-19", "1995-01-01", ""};
    if (size < 1)
        return 0;
    unsigned sel = data[0];
    unsigned flags = (sel & 1 ? MZ_CODE_PARTIAL : 0) | (sel & 32 ? MZ_CODE_EXPLAIN : 0);
    const char *lang = langs[(sel >> 1) & 3];
    const char *date = dates[(sel >> 3) & 3];
    const uint8_t *body = data + 1;
    size_t len = size - 1;
    /* a copy of exactly len bytes, so ASan sees any read past the end of the text */
    char *text = malloc(len ? len : 1);
    if (!text)
        return 0;
    memcpy(text, body, len);
    size_t bad;
    const char *why;
    int ok = mz_utf8_check(text, len, &bad, &why) == 0;
    code(flags, lang, date, text, len, ok);
    if (!ok) {
        repair(body, len, text);
        code(flags, lang, date, text, len, 1);
    }
    free(text);
    return 0;
}
