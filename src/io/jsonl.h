/*
 * jsonl.h — a fast reader of the flat JSON objects that JSON Lines records usually are.
 *
 * A news record is one object of strings ({"id": .., "date": .., "text": ..}), and a general
 * JSON parser (a tree of nodes, a copy of every string) costs more than coding it.  This scanner
 * reads such an object in place: it checks the whole record, then decodes the string values of
 * the keys asked for where they lie, so a value points into the line.
 *
 * It takes only what it can read exactly as jansson (the parser of the other records) reads it,
 * with JSON_REJECT_DUPLICATES: an object whose values are strings, non-negative integers of up
 * to 18 digits, true, false or null, whose keys have no escapes, with no key twice.  Anything
 * else — nested values, other numbers, an error of any kind — is refused without a word and
 * without changing the line, and the caller hands the record to jansson, which gives the answer
 * or the error message.  So the scanner changes how fast a record is read, never what is read.
 */
#ifndef MZ_JSONL_H
#define MZ_JSONL_H

#include <stddef.h>

typedef enum {
    MZ_JV_ABSENT, /* the key is not in the object */
    MZ_JV_STRING,
    MZ_JV_INT,
    MZ_JV_NULL,
    MZ_JV_BOOL,
    MZ_JV_OTHER   /* a real, array or object (from jansson only: the scanner refuses them) */
} mz_jv_kind;

/* One key looked for, and what the record gives it. */
typedef struct mz_jsonl_field {
    const char *name;  /* in: the key */
    mz_jv_kind kind;   /* out */
    const char *s;     /* out, MZ_JV_STRING: the value, decoded and NUL-terminated */
    size_t len;        /* its length in bytes (a string has no NUL byte) */
    long long num;     /* out, MZ_JV_INT */
} mz_jsonl_field;

/* Reads line[0..n) (no newline) as one JSON object and fills the nf fields.  Returns 0, the
 * string values decoded in the line itself (they live as long as the line); or -1 when the
 * record is not one the scanner takes (see above), the line then left as it was. */
int mz_jsonl_scan(char *line, size_t n, mz_jsonl_field *f, size_t nf);

#endif
