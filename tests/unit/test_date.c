/* Unit tests of the date parser (src/io/date.h): every form it reads, the UTC calendar date it
 * gives, and the malformed dates it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "io/date.h"

/* A date and the UTC calendar date expected ("" when it must be refused). */
static const struct {
    const char *in, *want;
} cases[] = {
    {"2024-06-19", "2024-06-19"},
    {"20240619", "2024-06-19"},
    {" 2024-06-19\t", "2024-06-19"},
    {"2024-06-19T08:30:00Z", "2024-06-19"},
    {"2024-06-19t08:30z", "2024-06-19"},
    {"2024-06-19T08:30:00.123456Z", "2024-06-19"},
    {"2024-06-19T23:30:00-05:00", "2024-06-20"},
    {"2024-06-19T23:30:00-0500", "2024-06-20"},
    {"2024-06-19T23:30:00-05", "2024-06-20"},
    {"2024-06-20T01:00:00+02:00", "2024-06-19"},
    {"2024-06-19 08:30", "2024-06-19"},
    {"2024-12-31T23:59:60-01:00", "2025-01-01"},
    {"2024-03-01T00:30:00+01:00", "2024-02-29"},
    {"2023-03-01T00:30:00+01:00", "2023-02-28"},
    {"Wed, 19 Jun 2024 08:30:00 +0000", "2024-06-19"},
    {"Wed, 19 Jun 2024 22:30:00 -0400", "2024-06-20"},
    {"19 Jun 2024 22:30 EDT", "2024-06-20"},
    {"Thu, 01 Feb 2024 01:00:00 GMT", "2024-02-01"},
    {"1 feb 24 23:00 PST", "2024-02-02"},
    {"Mon, 1 Jan 1990 00:00:00 +0100", "1989-12-31"},
    {"19 Jun 2024", "2024-06-19"},
    /* refused: malformed */
    {"", ""},
    {"2024-06-31", ""},
    {"2023-02-29", ""},
    {"9999-99-99", ""},
    {"2024-6-19", ""},
    {"2024-06-19T25:00:00Z", ""},
    {"2024-06-19T08:30:00+25:00", ""},
    {"2024-06-19T08:30:00 junk", ""},
    {"2024-06-19X", ""},
    {"202406190", ""},
    {"Wed, 19 Foo 2024 08:30:00 +0000", ""},
    {"Wed 19 Jun 2024 08:30:00 +0000", ""},
    {"19 Jun 2024 08:30:00 XYZ", ""},
    {"0999-12-31", ""},
    {"0000-01-01T00:00:00-01:00", ""},
    {"yesterday", ""},
};

static void dates_read_into_utc_days(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[11] = "x";
        int rc = mz_date_norm(cases[i].in, strlen(cases[i].in), out);
        if (strcmp(out, cases[i].want) != 0 || rc != (*cases[i].want ? 0 : -1))
            fail_msg("'%s': got '%s' (rc %d), want '%s'", cases[i].in, out, rc, cases[i].want);
    }
}

static void only_len_bytes_are_read(void **state)
{
    (void)state;
    char out[11];
    assert_int_equal(mz_date_norm("2024-06-19T08:30:00Z", 10, out), 0);
    assert_string_equal(out, "2024-06-19");
    assert_int_equal(mz_date_norm("20240619", 7, out), -1);
    assert_int_equal(mz_date_norm(NULL, 0, out), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_read_into_utc_days),
        cmocka_unit_test(only_len_bytes_are_read),
    };
    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
