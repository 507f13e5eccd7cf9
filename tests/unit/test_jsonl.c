/* Unit tests of the JSON Lines scanner (src/io/jsonl.h) against jansson, the parser it stands in
 * for: a record the scanner takes must be one jansson takes, with the same values; a record it
 * refuses must be left as it was.  Hand-written records first (those the scanner must take, and
 * the traps: escapes, surrogates, duplicates, numbers, control characters, bad UTF-8), then
 * records generated at random and mutated byte by byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "io/jsonl.h"

enum { NKEYS = 4 };
static const char *const keys[NKEYS] = {"id", "text", "date", "k\xc3\xa9y"};

/* Scans `rec` and checks the answer against jansson's; returns 1 when the scanner took it. */
static int agree(const char *rec, size_t n)
{
    char *line = malloc(n + 1), *orig = malloc(n + 1);
    assert_non_null(line);
    assert_non_null(orig);
    memcpy(line, rec, n);
    memcpy(orig, rec, n);
    mz_jsonl_field f[NKEYS];
    for (int i = 0; i < NKEYS; i++)
        f[i] = (mz_jsonl_field){.name = keys[i]};
    int took = mz_jsonl_scan(line, n, f, NKEYS) == 0;
    json_error_t je;
    json_t *j = json_loadb(orig, n, JSON_REJECT_DUPLICATES, &je);
    if (!took) {
        assert_memory_equal(line, orig, n); /* refused: the line is untouched */
    } else {
        if (!j || !json_is_object(j))
            fail_msg("scanner took a record jansson refuses: %.*s", (int)n, orig);
        for (int i = 0; i < NKEYS; i++) {
            json_t *v = json_object_get(j, keys[i]);
            if (!v) {
                assert_int_equal(f[i].kind, MZ_JV_ABSENT);
            } else if (json_is_string(v)) {
                assert_int_equal(f[i].kind, MZ_JV_STRING);
                assert_int_equal(f[i].len, json_string_length(v));
                assert_memory_equal(f[i].s, json_string_value(v), f[i].len);
                assert_int_equal(f[i].s[f[i].len], '\0');
            } else if (json_is_integer(v)) {
                assert_int_equal(f[i].kind, MZ_JV_INT);
                assert_true(f[i].num == (long long)json_integer_value(v));
            } else if (json_is_null(v)) {
                assert_int_equal(f[i].kind, MZ_JV_NULL);
            } else {
                assert_true(json_is_boolean(v));
                assert_int_equal(f[i].kind, MZ_JV_BOOL);
            }
        }
    }
    json_decref(j);
    free(line);
    free(orig);
    return took;
}

static int agree_s(const char *rec) { return agree(rec, strlen(rec)); }

/* Records of the kind news data is made of: the scanner reads them itself. */
static void flat_records_taken(void **state)
{
    (void)state;
    const char *taken[] = {
        "{\"id\":\"a1\",\"date\":\"2024-06-19\",\"text\":\"Russia condemned Japan.\"}",
        "  { \"id\" : \"a1\" ,\t\"text\" : \"x\" }  ",
        "{}",
        "{\"id\":12,\"text\":\"\"}",
        "{\"id\":0,\"text\":null,\"date\":true,\"k\xc3\xa9y\":false}",
        "{\"text\":\"\\\"quoted\\\" \\\\ \\/ \\b\\f\\n\\r\\t end\"}",
        "{\"text\":\"\\u00e9\\u0627\\u20ac\\ud83d\\ude00 \\u0041\"}",
        "{\"text\":\"\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8 \xe2\x82\xac \xf0\x9f\x98\x80\"}",
        "{\"title\":\"t\",\"url\":\"http://x/\",\"id\":\"x\",\"text\":\"y\",\"k\xc3\xa9y\":\"v\"}",
        "{\"id\":999999999999999999,\"text\":\"x\"}",
    };
    for (size_t i = 0; i < sizeof taken / sizeof *taken; i++)
        if (!agree_s(taken[i]))
            fail_msg("scanner refused %s", taken[i]);
}

/* The traps: each is refused by the scanner (jansson answers, or refuses it too). */
static void traps_left_to_jansson(void **state)
{
    (void)state;
    const char *refused[] = {
        "{\"id\":\"a\",\"id\":\"b\"}",              /* a duplicate key */
        "{\"i\\u0064\":\"a\",\"id\":\"b\"}",        /* a duplicate once the escape is read */
        "{\"id\":\"a\\u0000b\"}",                   /* U+0000 */
        "{\"id\":\"\\ud83d\"}",                     /* a lone high surrogate */
        "{\"id\":\"\\ude00\"}",                     /* a lone low surrogate */
        "{\"id\":\"\\ud83d\\u0041\"}",              /* a high surrogate, then no low one */
        "{\"id\":\"a\\x\"}",                        /* an unknown escape */
        "{\"id\":\"a\\u12\"}",                      /* a short \u */
        "{\"id\":\"a\tb\"}",                        /* a raw control character */
        "{\"id\":\"\xc0\xaf\"}",                    /* an overlong sequence */
        "{\"id\":\"\xed\xa0\x80\"}",                /* an encoded surrogate */
        "{\"id\":\"\xd8\"}",                        /* a truncated sequence */
        "{\"id\":01}",                              /* a leading zero */
        "{\"id\":-1}",                              /* negative: left to jansson */
        "{\"id\":1.5}",                             /* a real */
        "{\"id\":1e3}",
        "{\"id\":9999999999999999999}",             /* too big for 18 digits */
        "{\"id\":99999999999999999999999}",         /* too big for jansson */
        "{\"id\":[1,2]}",                           /* nested */
        "{\"id\":{\"a\":1}}",
        "{\"id\":tru}",
        "{\"id\":truex}",
        "{\"id\":nul}",
        "{\"id\":\"a\",}",                          /* a trailing comma */
        "{\"id\":\"a\"} x",                         /* text after the object */
        "{\"id\":\"a\"",                            /* unclosed */
        "{\"id\" \"a\"}",
        "{id:\"a\"}",
        "[\"a\"]",
        "\"a\"",
        "",
        "   ",
        "{\"id\":\"a\"}\x00",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        size_t n = strlen(refused[i]) + (i + 1 == sizeof refused / sizeof *refused);
        if (agree(refused[i], n))
            fail_msg("scanner took %s", refused[i]);
    }
}

/* A small deterministic generator (xorshift), so that a failure can be replayed. */
static uint64_t rnd_state = 0x9e3779b97f4a7c15ull;
static unsigned rnd(unsigned n)
{
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 7;
    rnd_state ^= rnd_state << 17;
    return (unsigned)(rnd_state % n);
}

/* Appends a random piece of a JSON record: valid most of the time, with the traps mixed in. */
static void piece(char *b, size_t *n, size_t cap)
{
    static const char *const bits[] = {
        "\"id\"", "\"text\"", "\"date\"", "\"k\xc3\xa9y\"", "\"url\"", ":", ",", " ", "\t",
        "\"plain words\"", "\"\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\"", "\"\\n\\\"\\\\\"",
        "\"\\u00e9\\ud83d\\ude00\"", "\"\\ud83d\"", "12", "0", "007", "-3", "2.5", "true", "false",
        "null", "[1]", "{}", "\"\\u0000\"", "\"\xe2\x82\"", "\"\\q\"", "\"i\\u0064\"", "\"\\/\""};
    const char *s = bits[rnd(sizeof bits / sizeof *bits)];
    size_t k = strlen(s);
    if (*n + k < cap) {
        memcpy(b + *n, s, k);
        *n += k;
    }
}

/* Builds a record of mostly well-formed members, sometimes with a byte changed. */
static size_t random_record(char *b, size_t cap)
{
    size_t n = 0;
    b[n++] = '{';
    int members = (int)rnd(6);
    for (int m = 0; m < members; m++) {
        if (m)
            b[n++] = ',';
        if (rnd(8) == 0) {
            piece(b, &n, cap - 8);
            continue;
        }
        size_t before = n;
        piece(b, &n, cap - 8);       /* a key (when it is a string) */
        b[n++] = ':';
        piece(b, &n, cap - 8);       /* a value */
        if (before == n)
            break;
    }
    b[n++] = '}';
    if (rnd(4) == 0 && n > 1)
        b[rnd((unsigned)n)] = (char)rnd(256);
    return n;
}

static void random_records_agree(void **state)
{
    (void)state;
    char b[512];
    int took = 0;
    for (int i = 0; i < 200000; i++) {
        size_t n = random_record(b, sizeof b);
        took += agree(b, n);
    }
    assert_true(took > 1000); /* the generator reaches the scanner's own path */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flat_records_taken),
        cmocka_unit_test(traps_left_to_jansson),
        cmocka_unit_test(random_records_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
