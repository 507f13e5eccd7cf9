/*
 * date.h — dates as news data writes them, read into the UTC calendar date.
 *
 * One parser for every reader (JSON Lines "date", PETRARCH date="", the --date option), so a
 * date is accepted or refused the same way wherever it comes from:
 *
 *   2024-06-19                       ISO 8601 calendar date
 *   20240619                         ISO 8601 basic form (PETRARCH, GDELT)
 *   2024-06-19T08:30:00Z             ISO 8601 timestamp: 'T', 't' or a space before the time;
 *   2024-06-19T23:30:00.123-05:00    hh:mm, hh:mm:ss or hh:mm:ss.fraction; zone Z, +hh:mm,
 *   2024-06-19 08:30+0200            +hhmm, +hh, or none (taken as UTC)
 *   Wed, 19 Jun 2024 08:30:00 +0000  RFC 2822 (RSS): day name optional, month names in English,
 *   19 Jun 24 08:30 EST              two-digit years (50-99 1900s, else 2000s), zones +hhmm,
 *                                    UT, UTC, GMT, Z and the US zones EST ... PDT
 *
 * The date stored is the calendar date in UTC: 2024-06-19T23:30:00-05:00 is 2024-06-20.  A date
 * that is really malformed (no such day or month, a time of 25:00, an unknown zone, text left
 * over) is refused.  Whitespace around the date is ignored.
 */
#ifndef MZ_DATE_H
#define MZ_DATE_H

#include <stddef.h>

/* Reads the len bytes of s as a date in one of the forms above and writes its UTC calendar
 * date as "YYYY-MM-DD" and a NUL into out.  Returns 0, or -1 (out then holds "") when s is not
 * a date or the date falls outside the years 1000 to 9999. */
int mz_date_norm(const char *s, size_t len, char out[11]);

/* Days since 1970-01-01 of a proleptic Gregorian date, and the date of such a day number. */
long mz_days_from_civil(long y, long m, long d);
void mz_civil_from_days(long z, long *y, long *m, long *d);

#endif
