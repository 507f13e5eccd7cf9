/* Unit tests of interchange: an event whose strings hold every character the formats must
 * carry (tab, newline, carriage return, backslash, quote, comma) written as TSV and as CSV and
 * read back by mz_evset_read, field for field; and the TSV escapes themselves. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "analyze/events.h"
#include "analyze/render.h"
#include "io/render.h"

static const char nasty[] = "a\tb\nc\\d\re\"f,g \\t literal";

static mz_event sample(void)
{
    return (mz_event){.doc = nasty, .sentence = 3, .date = "2024-06-19", .lang = "en",
                      .source = "RUS", .target = "JPN", .source_country = "RUS",
                      .target_country = "JPN", .code = "111", .root = "11", .quad = 3,
                      .goldstein = -2.0, .plover = "ACCUSE", .mood = MZ_MOOD_INTENT,
                      .text = nasty, .ev_source = "Russia", .ev_target = "Ja\tpan",
                      .ev_verb = "con\\demned"};
}

/* Writes the sample in one format (tsv or csv), reads it back and compares every field. */
static void round_trip(int tsv)
{
    mz_event ev = sample();
    mz_buf b = MZ_BUF_INIT;
    if (tsv) {
        mz_render_tsv_header(&b);
        mz_render_tsv(&b, &ev);
    } else {
        mz_render_event_csv_header(&b);
        mz_render_event_csv(&b, &ev);
    }
    FILE *in = fmemopen(b.data, b.len, "r");
    assert_non_null(in);
    mz_evset set;
    mz_evset_init(&set, 0);
    size_t nbad = 9;
    mz_error err = {0};
    assert_int_equal(mz_evset_read(&set, in, "t", NULL, NULL, NULL, &nbad, &err), MZ_OK);
    fclose(in);
    assert_int_equal(nbad, 0);
    assert_int_equal(set.n, 1);
    const mz_event *r = &set.ev[0];
    assert_string_equal(r->doc, nasty);
    assert_string_equal(r->text, nasty);
    assert_int_equal(r->sentence, 3);
    assert_string_equal(r->date, "2024-06-19");
    assert_string_equal(r->code, "111");
    assert_int_equal(r->quad, 3);
    assert_true(r->goldstein == -2.0);
    assert_int_equal(r->mood, MZ_MOOD_INTENT);
    assert_string_equal(r->ev_target, "Ja\tpan");
    assert_string_equal(r->ev_verb, "con\\demned");
    mz_evset_free(&set);
    mz_buf_free(&b);
}

static void tsv_round_trip(void **state)
{
    (void)state;
    round_trip(1);
}

static void csv_round_trip(void **state)
{
    (void)state;
    round_trip(0);
}

static void tsv_escapes_as_postgresql(void **state)
{
    (void)state;
    mz_event ev = sample();
    mz_buf b = MZ_BUF_INIT;
    mz_render_tsv(&b, &ev);
    assert_non_null(strstr(b.data, "a\\tb\\nc\\\\d\\re\"f,g \\\\t literal\t3\t"));
    assert_int_equal(strchr(b.data, '\n') - b.data, (long)b.len - 1); /* one line */
    size_t tabs = 0;
    for (size_t i = 0; i < b.len; i++)
        tabs += b.data[i] == '\t';
    assert_int_equal(tabs, 20); /* 21 columns: the event, then id, outlet, url */
    mz_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tsv_escapes_as_postgresql),
        cmocka_unit_test(tsv_round_trip),
        cmocka_unit_test(csv_round_trip),
    };
    return cmocka_run_group_tests_name("interchange", tests, NULL, NULL);
}
