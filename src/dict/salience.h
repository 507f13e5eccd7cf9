/*
 * salience.h — a trained model of whether a coded act is news: a new event the sentence
 * reports, not one it mentions (a film's title, a metaphor, a past attack recalled, an event of
 * another clause).  Logistic regression over hashed features of the act and its sentence
 * (src/code/salience.c makes them); the weights come from `mizan train-salience` on sentences
 * labelled for an event type, and the model names the language and the PLOVER types it was
 * trained for, so that it judges nothing else.
 *
 * Text format (data/salience.txt):
 *     # comments
 *     lang ar
 *     types PROTEST ASSAULT
 *     dims 262144
 *     threshold 0.42          the default
 *     threshold PROTEST 0.30  a type's own threshold (optional, after "types")
 *     typed                   each type has weights of its own (optional: mz_salience_mix)
 *     told 0.005              the threshold of an act told with both parties named (optional:
 *                             without it such acts are never judged)
 *     INDEX WEIGHT            one line per non-zero weight
 */
#ifndef MZ_SALIENCE_H
#define MZ_SALIENCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../../include/mizan.h"

enum { MZ_SALIENCE_TYPES = 8 };

typedef struct mz_salience {
    char lang[4];                         /* "ar" or "en" */
    char types[MZ_SALIENCE_TYPES][16];    /* PLOVER types it judges */
    int ntypes;
    uint32_t dims;                        /* a power of two */
    float *w;                             /* dims weights; owned */
    double threshold;                     /* probability below which an act is not news */
    double type_threshold[MZ_SALIENCE_TYPES]; /* a type's own threshold, where type_has_threshold */
    unsigned char type_has_threshold[MZ_SALIENCE_TYPES];
    int typed;                            /* a feature's weight is its type's (mz_salience_mix) */
    double told_threshold;                /* an act told with both parties named is not news below
                                           * it, a floor far under the thresholds; 0: never judged */
} mz_salience;

/* Parses a model from text; *m is filled and owns its weights (mz_salience_free). */
mz_status mz_salience_parse(mz_salience *m, const char *name, const char *text, size_t len, mz_error *err);

/* Writes a model in the text format. */
int mz_salience_write(const mz_salience *m, FILE *f);

/* Whether the model judges acts of PLOVER type `plover` in language `lang`. */
int mz_salience_judges(const mz_salience *m, const char *lang, const char *plover);

/* The threshold for acts of PLOVER type `plover`: the type's own, else the model's. */
double mz_salience_threshold(const mz_salience *m, const char *plover);

/* The probability that an act of PLOVER type `plover` with hashed features f[0..n) is news. */
double mz_salience_prob(const mz_salience *m, const char *plover, const uint32_t *f, int n);

/* Feature f as seen by the weights of the type at position `type` of a typed model, to be
 * reduced modulo dims: the types share one table, each in its own scattering of it.  Part of the
 * model files' format. */
uint32_t mz_salience_mix(uint32_t f, int type);

/* The hash of the feature named "prefix=value", to be reduced modulo dims (FNV-1a of util/hash.h
 * folded to 32 bits): part of the model files' format. */
uint32_t mz_salience_feature(const char *prefix, const char *value);

void mz_salience_free(mz_salience *m);

#endif
