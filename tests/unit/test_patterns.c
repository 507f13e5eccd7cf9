/*
 * test_patterns.c — every phrase of the built-in dictionaries is found by the matcher when it
 * stands alone as text: each actor as an actor (or adjective), each agent as an agent, each verb
 * pattern (head and tail written together, an Arabic verb in its past form) as a verb.  A
 * phrase that another entry shadows (a stem shared with a more frequent word, a marker of the
 * same form) is reported with its file and line.  A dated entry is tested on a day of its
 * period.  The test fails when more phrases are shadowed than the known ones, SHADOWED_MAX:
 *   - "WHO" (stem "who", a clause word), الحرس الثوري (an actor, IRNMIL, besides the agent),
 *     قاضى (its past form folds like القاضي, a judge), الألبان;
 *   - هنأ (congratulated): without its hamza it is هنا, "here", a function word eight times as
 *     frequent in newspaper text, which the markers keep from being read as a verb;
 *   - تحالف مع (allied with), alone: its head is also "the coalition" (التحالف, an agent), far
 *     more frequent; in a sentence, where a party stands between head and tail, it is a verb.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "code/coder.h"
#include "dict/engine.h"

enum { SHADOWED_MAX = 6 };

/* Turns a dictionary phrase into text: "..." becomes a space, PAST/PRESENT its past form. */
static void phrase_text(const char *phrase, char *out, size_t cap)
{
    size_t o = 0;
    if (strncmp(phrase, "the ", 4) == 0 || strncmp(phrase, "The ", 4) == 0)
        phrase += 4; /* the loader drops an English article before a phrase */
    for (const char *p = phrase; *p && o + 1 < cap;) {
        if (strncmp(p, "...", 3) == 0) {
            out[o++] = ' ';
            p += 3;
        } else if (*p == '/') {
            while (*p && *p != ' ')
                p++; /* drop the present form */
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
}

static int kind_ok(int expected, int got)
{
    return got == expected || (expected == MZ_E_ACTOR && got == MZ_E_ADJ) ||
           (expected == MZ_E_ADJ && got == MZ_E_ACTOR);
}

/* Codes `text` and reports whether a mention of the expected kind starts at its first token. */
static int found(mz_coder *c, const char *text, int kind, const char *date)
{
    mz_doc d = {.id = "p", .text = text, .len = strlen(text), .date = date};
    const mz_event *ev;
    size_t n;
    mz_error err;
    if (mz_coder_code(c, &d, &ev, &n, &err) != MZ_OK)
        return 0;
    for (size_t k = 0; k < c->nm; k++)
        if (c->mv[k].b == 0 && kind_ok(kind, c->mv[k].kind))
            return 1;
    return 0;
}

static void every_phrase_is_found(void **state)
{
    (void)state;
    mz_engine *e = mz_engine_new();
    mz_error err = {0};
    assert_int_equal(mz_engine_load_builtin(e, &err), MZ_OK);
    assert_int_equal(mz_engine_compile(e, &err), MZ_OK);
    mz_coder *c = mz_coder_new(e, 0);
    static const struct { const char *prefix; int kind; } kinds[] = {
        {"actors", MZ_E_ACTOR}, {"agents", MZ_E_AGENT}, {"verbs", MZ_E_VERB}};
    int shadowed = 0, checked = 0;
    for (size_t f = 0; f < mz_builtin_count; f++) {
        const mz_builtin *b = &mz_builtin_files[f];
        int kind = 0;
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            if (strncmp(b->name, kinds[k].prefix, strlen(kinds[k].prefix)) == 0)
                kind = kinds[k].kind;
        if (!kind)
            continue;
        long line = 0;
        for (const char *p = b->data; p < b->data + b->len;) {
            const char *nl = memchr(p, '\n', (size_t)(b->data + b->len - p));
            size_t len = nl ? (size_t)(nl - p) : (size_t)(b->data + b->len - p);
            char l[4096];
            snprintf(l, sizeof l, "%.*s", (int)len, p);
            p += len + 1;
            line++;
            char *hash = strchr(l, '#');
            if (hash && (hash == l || hash[-1] == ' '))
                *hash = '\0';
            char *colon = strchr(l, ':');
            if (!colon)
                continue;
            int adj = strstr(l, " adj") && strstr(l, " adj") < colon;
            /* a dated entry is tested on a day of its period */
            char date[11] = "2024-06-01";
            const char *dots = strstr(l, "..");
            if (dots && dots < colon)
                snprintf(date, sizeof date, "%.10s", dots - 10 >= l && dots[-1] != ' ' ? dots - 10 : dots + 2);
            for (char *save = NULL, *ph = strtok_r(colon + 1, "|", &save); ph; ph = strtok_r(NULL, "|", &save)) {
                while (*ph == ' ')
                    ph++;
                char text[512];
                phrase_text(ph, text, sizeof text);
                checked++;
                if (!found(c, text, adj ? MZ_E_ADJ : kind, date)) {
                    shadowed++;
                    printf("%s:%ld: '%s' is not found as %s\n", b->name, line, text,
                           kind == MZ_E_VERB ? "a verb" : kind == MZ_E_AGENT ? "an agent" : "an actor");
                }
            }
        }
    }
    printf("patterns: %d checked, %d shadowed\n", checked, shadowed);
    mz_coder_free(c);
    mz_engine_free(e);
    assert_true(shadowed <= SHADOWED_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(every_phrase_is_found)};
    return cmocka_run_group_tests_name("patterns", tests, NULL, NULL);
}
