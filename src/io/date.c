/* date.c — reading dates and timestamps into UTC calendar dates; see date.h.
 *
 * A small cursor over the bytes reads each form; the date, time and zone offset are then
 * turned into a day count (days since 1970-01-01, proleptic Gregorian), moved by the time
 * minus the offset, and turned back into a calendar date. */
#include "date.h"

#include <stdio.h>
#include <string.h>

typedef struct cursor {
    const char *p, *end;
} cursor;

typedef struct when {
    int y, m, d;     /* calendar date as written */
    int minutes;     /* time of day as written, minutes since midnight */
    int offset;      /* zone offset east of UTC, in minutes */
} when;

/* English month abbreviations (RFC 2822) and the named zones RFC 2822 lists, as data. */
static const char *const months[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
static const struct {
    const char *name;
    int hours;
} zones[] = {{"z", 0},    {"ut", 0},   {"utc", 0},  {"gmt", 0},  {"est", -5}, {"edt", -4},
             {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
static const char *const weekdays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static int at_end(const cursor *c) { return c->p >= c->end; }
static int peek(const cursor *c) { return at_end(c) ? -1 : (unsigned char)*c->p; }
static int is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static int lower(int ch) { return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch; }

/* Reads exactly n digits into *v; 0 when there are fewer. */
static int digits(cursor *c, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++, c->p++) {
        if (!is_digit(peek(c)))
            return 0;
        x = x * 10 + (*c->p - '0');
    }
    *v = x;
    return 1;
}

/* Counts the digits at the cursor without moving it. */
static int run_of_digits(const cursor *c)
{
    int n = 0;
    while (c->p + n < c->end && is_digit((unsigned char)c->p[n]))
        n++;
    return n;
}

static int skip_spaces(cursor *c)
{
    const char *start = c->p;
    while (peek(c) == ' ' || peek(c) == '\t')
        c->p++;
    return c->p > start;
}

/* Reads a run of letters, lower-cased, into w (at most cap-1 of them); its length. */
static int word(cursor *c, char *w, int cap)
{
    int n = 0;
    while (!at_end(c) && (lower(peek(c)) >= 'a' && lower(peek(c)) <= 'z')) {
        if (n < cap - 1)
            w[n] = (char)lower(peek(c));
        n++;
        c->p++;
    }
    w[n < cap ? n : cap - 1] = '\0';
    return n;
}

static int lookup(const char *w, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(w, names[i]) == 0)
            return i;
    return -1;
}

/* hh:mm[:ss[.fraction]] into minutes; a leap second (60) is allowed. */
static int clock_time(cursor *c, int *minutes)
{
    int h, mi, s = 0;
    if (!digits(c, 2, &h) || peek(c) != ':')
        return 0;
    c->p++;
    if (!digits(c, 2, &mi))
        return 0;
    if (peek(c) == ':') {
        c->p++;
        if (!digits(c, 2, &s))
            return 0;
        if (peek(c) == '.' || peek(c) == ',') {
            c->p++;
            if (!is_digit(peek(c)))
                return 0;
            while (is_digit(peek(c)))
                c->p++;
        }
    }
    if (h > 23 || mi > 59 || s > 60)
        return 0;
    *minutes = h * 60 + mi;
    return 1;
}

/* A numeric zone: +hh:mm, +hhmm or +hh (and '-'); the offset in minutes east of UTC. */
static int numeric_zone(cursor *c, int *offset)
{
    int sign = peek(c) == '-' ? -1 : 1, h, mi = 0;
    c->p++;
    if (!digits(c, 2, &h))
        return 0;
    if (peek(c) == ':') {
        c->p++;
        if (!digits(c, 2, &mi))
            return 0;
    } else if (run_of_digits(c) == 2) {
        digits(c, 2, &mi);
    }
    if (h > 23 || mi > 59)
        return 0;
    *offset = sign * (h * 60 + mi);
    return 1;
}

/* ISO 8601: YYYY-MM-DD or YYYYMMDD, then optionally a time and a zone. */
static int iso(cursor *c, when *w)
{
    if (!digits(c, 4, &w->y))
        return 0;
    if (peek(c) == '-') {
        c->p++;
        if (!digits(c, 2, &w->m) || peek(c) != '-')
            return 0;
        c->p++;
        if (!digits(c, 2, &w->d))
            return 0;
    } else if (!digits(c, 2, &w->m) || !digits(c, 2, &w->d)) {
        return 0;
    }
    if (at_end(c))
        return 1;
    if (peek(c) != 'T' && peek(c) != 't' && peek(c) != ' ')
        return 0;
    c->p++;
    if (!clock_time(c, &w->minutes))
        return 0;
    if (peek(c) == 'Z' || peek(c) == 'z') {
        c->p++;
        return 1;
    }
    if (peek(c) == '+' || peek(c) == '-')
        return numeric_zone(c, &w->offset);
    return 1;
}

/* RFC 2822: [Day,] DD Mon YYYY hh:mm[:ss] [zone]. */
static int rfc2822(cursor *c, when *w)
{
    char name[8];
    const char *save = c->p;
    if (word(c, name, sizeof name)) {
        if (lookup(name, weekdays, 7) < 0 || peek(c) != ',')
            return 0;
        c->p++;
        skip_spaces(c);
    } else {
        c->p = save;
    }
    int nd = run_of_digits(c);
    if ((nd != 1 && nd != 2) || !digits(c, nd, &w->d) || !skip_spaces(c))
        return 0;
    if (word(c, name, sizeof name) != 3 || (w->m = lookup(name, months, 12) + 1) == 0 ||
        !skip_spaces(c))
        return 0;
    int ny = run_of_digits(c);
    if ((ny != 2 && ny != 4) || !digits(c, ny, &w->y))
        return 0;
    if (ny == 2)
        w->y += w->y >= 50 ? 1900 : 2000;
    if (at_end(c))
        return 1;
    if (!skip_spaces(c) || !clock_time(c, &w->minutes))
        return 0;
    skip_spaces(c);
    if (at_end(c))
        return 1;
    if (peek(c) == '+' || peek(c) == '-')
        return numeric_zone(c, &w->offset);
    if (!word(c, name, sizeof name))
        return 0;
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        if (strcmp(name, zones[i].name) == 0) {
            w->offset = zones[i].hours * 60;
            return 1;
        }
    }
    return 0;
}

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int valid_day(int y, int m, int d)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] + (m == 2 && leap(y));
}

/* Floor division for negative numerators too. */
static long floor_div(long a, long b) { return a / b - (a % b != 0 && ((a < 0) != (b < 0))); }

/* H. Hinnant's algorithms. */
long mz_days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = floor_div(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void mz_civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = floor_div(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

int mz_date_norm(const char *s, size_t len, char out[11])
{
    out[0] = '\0';
    if (!s)
        return -1;
    cursor c = {s, s + len};
    skip_spaces(&c);
    while (c.end > c.p && (c.end[-1] == ' ' || c.end[-1] == '\t'))
        c.end--;
    when w = {0};
    const char *start = c.p;
    int ok = iso(&c, &w);
    if (!ok || !at_end(&c)) {
        c.p = start;
        memset(&w, 0, sizeof w);
        ok = rfc2822(&c, &w);
    }
    if (!ok || !at_end(&c) || !valid_day(w.y, w.m, w.d))
        return -1;
    /* the moment in UTC: the time as written minus the zone's offset, in whole days */
    long minutes = (long)w.minutes - w.offset;
    long shift = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
    long y, m, d;
    mz_civil_from_days(mz_days_from_civil(w.y, w.m, w.d) + shift, &y, &m, &d);
    if (y < 1000 || y > 9999)
        return -1;
    snprintf(out, 11, "%04ld-%02ld-%02ld", y, m, d);
    return 0;
}
