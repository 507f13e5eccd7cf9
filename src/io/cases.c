/* cases.c — reading annotated sentences; see cases.h. */
#include "cases.h"

#include <string.h>

#include "../dict/engine.h"

int mz_cases_open(mz_cases *c, const char *path, mz_error *err)
{
    memset(c, 0, sizeof *c);
    c->f = fopen(path, "r");
    if (!c->f)
        return mz_fail(err, MZ_ERR_IO, path, 0, "cannot open"), -1;
    c->path = path;
    const char *base = strrchr(path, '/');
    c->lang = strncmp(base ? base + 1 : path, "ar", 2) == 0 ? "ar" : "en";
    return 0;
}

void mz_cases_close(mz_cases *c)
{
    if (c->f)
        fclose(c->f);
    c->f = NULL;
}

/* Reads the next line (ahead-read first); returns NULL at the end. */
static char *next_line(mz_cases *c)
{
    if (c->have_pending) {
        c->have_pending = 0;
        return c->pending;
    }
    if (!fgets(c->pending, sizeof c->pending, c->f))
        return NULL;
    c->line++;
    c->pending[strcspn(c->pending, "\r\n")] = '\0';
    return c->pending;
}

/* Parses "= SRC CODE TGT [intent]" into e; returns 0, or -1 when malformed. */
static int parse_event(const char *s, mz_case_event *e)
{
    char flag[16] = "", extra[2] = "";
    int k = sscanf(s, "%31s %7s %31s %15s %1s", e->source, e->code, e->target, flag, extra);
    if (k < 3 || k > 4 || (k == 4 && strcmp(flag, "intent") != 0))
        return -1;
    e->intent = k == 4;
    return 0;
}

int mz_cases_next(mz_cases *c, mz_case *out, mz_error *err)
{
    char *l;
    /* skip to the sentence, remembering a date line */
    while ((l = next_line(c)) && strncmp(l, "> ", 2) != 0) {
        if (strncmp(l, "@ ", 2) == 0) {
            if (mz_parse_date(l + 2, strlen(l + 2)) < 0)
                return mz_fail(err, MZ_ERR_PARSE, c->path, c->line, "bad date '%s'", l + 2), -1;
            snprintf(c->date, sizeof c->date, "%.15s", l + 2);
        } else if (l[0] == '=') {
            return mz_fail(err, MZ_ERR_PARSE, c->path, c->line, "expected event without a sentence"), -1;
        }
    }
    if (!l)
        return 0;
    memset(out, 0, sizeof *out);
    out->line = c->line;
    snprintf(out->text, sizeof out->text, "%s", l + 2);
    memcpy(out->date, c->date, sizeof out->date);
    c->date[0] = '\0';
    while ((l = next_line(c)) && l[0] == '=') {
        if (strcmp(l, "= none") == 0)
            continue;
        if (out->nev == MZ_CASE_EVENTS || strncmp(l, "= ", 2) != 0 || parse_event(l + 2, &out->ev[out->nev]) < 0)
            return mz_fail(err, MZ_ERR_PARSE, c->path, c->line,
                           "expected '= SOURCE CODE TARGET [intent]' or '= none'"), -1;
        out->nev++;
    }
    c->have_pending = l != NULL; /* the line after the case belongs to the next one */
    return 1;
}
