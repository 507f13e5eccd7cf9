/* salience.c — the salience model: reading, writing, scoring; see salience.h. */
#include "salience.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/hash.h"
#include "engine.h"

uint32_t mz_salience_feature(const char *prefix, const char *value)
{
    uint64_t h = mz_hash_more(mz_hash_more(mz_hash_bytes(prefix, strlen(prefix)), "=", 1), value,
                              strlen(value));
    return (uint32_t)(h ^ (h >> 32));
}

void mz_salience_free(mz_salience *m)
{
    free(m->w);
    memset(m, 0, sizeof *m);
}

/* The index of type `name` in m->types, or -1. */
static int type_index(const mz_salience *m, const char *name)
{
    for (int i = 0; i < m->ntypes; i++)
        if (strcmp(m->types[i], name) == 0)
            return i;
    return -1;
}

/* Reads "threshold X" (the model's) or "threshold TYPE X" (a type's own, after "types"). */
static mz_status threshold_line(mz_salience *m, char **save, const char *name, long no, mz_error *err)
{
    char *a = strtok_r(NULL, " \t", save), *b = a ? strtok_r(NULL, " \t", save) : NULL;
    if (a && !b) {
        m->threshold = strtod(a, NULL);
        return MZ_OK;
    }
    int k = a ? type_index(m, a) : -1;
    if (k < 0)
        return mz_fail(err, MZ_ERR_PARSE, name, no, "expected 'threshold X' or 'threshold TYPE X' of a type listed before");
    m->type_threshold[k] = strtod(b, NULL);
    m->type_has_threshold[k] = 1;
    return MZ_OK;
}

/* Reads one header line ("lang ar", "types A B", "dims N", "threshold [TYPE] X", "typed",
 * "told X") into m. */
static mz_status header(mz_salience *m, char *line, const char *name, long no, mz_error *err)
{
    char *save = NULL, *key = strtok_r(line, " \t", &save), *val;
    if (strcmp(key, "lang") == 0 && (val = strtok_r(NULL, " \t", &save)) && strlen(val) == 2) {
        memcpy(m->lang, val, 3);
    } else if (strcmp(key, "types") == 0) {
        while ((val = strtok_r(NULL, " \t", &save)) && m->ntypes < MZ_SALIENCE_TYPES)
            snprintf(m->types[m->ntypes++], sizeof m->types[0], "%s", val);
    } else if (strcmp(key, "dims") == 0 && (val = strtok_r(NULL, " \t", &save))) {
        unsigned long d = strtoul(val, NULL, 10);
        if (d < 2 || d > (1ul << 26) || (d & (d - 1)) || m->w)
            return mz_fail(err, MZ_ERR_PARSE, name, no, "dims must be a power of two up to 2^26, given once");
        m->dims = (uint32_t)d;
        m->w = calloc(d, sizeof *m->w);
        if (!m->w)
            return mz_fail(err, MZ_ERR_NOMEM, name, no, "out of memory");
    } else if (strcmp(key, "threshold") == 0) {
        return threshold_line(m, &save, name, no, err);
    } else if (strcmp(key, "typed") == 0) {
        m->typed = 1;
    } else if (strcmp(key, "told") == 0 && (val = strtok_r(NULL, " \t", &save))) {
        m->told_threshold = strtod(val, NULL);
    } else {
        return mz_fail(err, MZ_ERR_PARSE, name, no, "unknown model line '%s'", key);
    }
    return MZ_OK;
}

mz_status mz_salience_parse(mz_salience *m, const char *name, const char *text, size_t len, mz_error *err)
{
    memset(m, 0, sizeof *m);
    long no = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        char line[256];
        no++;
        if (j - i >= sizeof line) {
            mz_salience_free(m);
            return mz_fail(err, MZ_ERR_PARSE, name, no, "line too long");
        }
        memcpy(line, text + i, j - i);
        line[j - i] = '\0';
        i = j + 1;
        mz_status st = MZ_OK;
        if (!line[0] || line[0] == '#')
            continue;
        if (line[0] >= 'a' && line[0] <= 'z') {
            st = header(m, line, name, no, err);
        } else {
            char *end;
            unsigned long k = strtoul(line, &end, 10);
            double w = strtod(end, NULL);
            if (!m->w || k >= m->dims || end == line)
                st = mz_fail(err, MZ_ERR_PARSE, name, no, "expected 'INDEX WEIGHT' below 'dims'");
            else
                m->w[k] = (float)w;
        }
        if (st != MZ_OK) {
            mz_salience_free(m);
            return st;
        }
    }
    if (!m->w || !m->ntypes || !m->lang[0]) {
        mz_salience_free(m);
        return mz_fail(err, MZ_ERR_PARSE, name, 0, "a model needs lang, types and dims");
    }
    return MZ_OK;
}

int mz_salience_write(const mz_salience *m, FILE *f)
{
    fprintf(f, "lang %s\ntypes", m->lang);
    for (int i = 0; i < m->ntypes; i++)
        fprintf(f, " %s", m->types[i]);
    fprintf(f, "\ndims %u\nthreshold %.4f\n", m->dims, m->threshold);
    for (int i = 0; i < m->ntypes; i++)
        if (m->type_has_threshold[i])
            fprintf(f, "threshold %s %.4f\n", m->types[i], m->type_threshold[i]);
    if (m->typed)
        fprintf(f, "typed\n");
    if (m->told_threshold > 0)
        fprintf(f, "told %.4f\n", m->told_threshold);
    for (uint32_t k = 0; k < m->dims; k++)
        if (fabsf(m->w[k]) >= 1e-4f)
            fprintf(f, "%u %.4f\n", k, m->w[k]);
    return ferror(f) ? -1 : 0;
}

double mz_salience_threshold(const mz_salience *m, const char *plover)
{
    int k = type_index(m, plover);
    return k >= 0 && m->type_has_threshold[k] ? m->type_threshold[k] : m->threshold;
}

int mz_salience_judges(const mz_salience *m, const char *lang, const char *plover)
{
    if (!m->w || strcmp(m->lang, lang) != 0)
        return 0;
    return type_index(m, plover) >= 0;
}

uint32_t mz_salience_mix(uint32_t f, int type)
{
    return (f * 0x9E3779B1u) ^ ((uint32_t)(type + 1) * 0x85EBCA6Bu);
}

double mz_salience_prob(const mz_salience *m, const char *plover, const uint32_t *f, int n)
{
    int type = m->typed ? type_index(m, plover) : -1;
    double z = 0;
    for (int i = 0; i < n; i++)
        z += m->w[(type >= 0 ? mz_salience_mix(f[i], type) : f[i]) & (m->dims - 1)];
    return 1.0 / (1.0 + exp(-z));
}
