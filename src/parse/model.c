/*
 * model.c — the model file: the tagger, parser, labeller, supertagger, relabeller and
 * reattacher of one language.
 *
 *   bytes 0-7    "MZPARSE" and a NUL
 *   8-11         format version (little-endian u32, MZ_MODEL_VERSION)
 *   12-15        length of the whole file
 *   16-19        language ("en" or "ar", NUL-padded)
 *   20-          the seven linear models (linear.c layout: tagger, parser, labeller,
 *                supertagger, second tagging pass (empty for Arabic), relabeller and
 *                reattacher (since version 4; empty when trained on fewer than 40
 *                sentences)), then the Arabic segmentation data:
 *                nlex, nvocab (u32), nlex (hash, split offsets) u64 pairs, nvocab u64 hashes;
 *                then (since version 5) the word clusters: their number (u32), the words'
 *                hashes (u64, increasing) and their codes (u32; none for Arabic)
 *   last 8       checksum of every byte before it (mz_model_checksum)
 *
 * Loading checks the magic, the version, the length and the checksum before reading anything
 * else, and then every count against the bytes left, so a damaged file is an error, not a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "internal.h"

enum { MZ_MODEL_VERSION = 5, HEADER = 20 };
static const char magic[8] = "MZPARSE";

/* 64-bit checksum: eight bytes at a time through a multiply-xorshift mix. */
static uint64_t mz_model_checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 0x243f6a8885a308d3ULL ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        h = (h ^ mz_fmix(v)) * 0x9e3779b97f4a7c15ULL;
    }
    uint64_t tail = 0;
    for (size_t k = 0; i < n; i++, k++)
        tail |= (uint64_t)p[i] << (8 * k);
    return mz_fmix(h ^ tail);
}

static void put_u64(mz_buf *b, uint64_t v)
{
    unsigned char c[8];
    for (int i = 0; i < 8; i++)
        c[i] = (unsigned char)(v >> (8 * i));
    mz_buf_put(b, (const char *)c, 8);
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static void put_u32(mz_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    mz_buf_put(b, (const char *)c, 4);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

mz_status mz_parse_model_save(const mz_parse_model *m, mz_buf *out, mz_error *err)
{
    size_t start = out->len;
    mz_buf_put(out, magic, 8);
    put_u32(out, MZ_MODEL_VERSION);
    put_u32(out, 0); /* length, patched below */
    char lang[4] = {m->lang[0], m->lang[1], 0, 0};
    mz_buf_put(out, lang, 4);
    mz_lin_save(&m->tag, out);
    mz_lin_save(&m->arc, out);
    mz_lin_save(&m->lab, out);
    mz_lin_save(&m->stag, out);
    mz_lin_save(&m->tag2, out);
    mz_lin_save(&m->rel, out);
    mz_lin_save(&m->att, out);
    put_u32(out, (uint32_t)m->seg.nlex);
    put_u32(out, (uint32_t)m->seg.nvocab);
    for (size_t i = 0; i < 2 * m->seg.nlex; i++)
        put_u64(out, m->seg.lex[i]);
    for (size_t i = 0; i < m->seg.nvocab; i++)
        put_u64(out, m->seg.vocab[i]);
    put_u32(out, (uint32_t)m->clus.n);
    for (size_t i = 0; i < m->clus.n; i++)
        put_u64(out, m->clus.hash[i]);
    for (size_t i = 0; i < m->clus.n; i++)
        put_u32(out, m->clus.code[i]);
    if (out->oom || out->len - start + 8 > UINT32_MAX)
        return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory writing the model");
    uint32_t total = (uint32_t)(out->len - start + 8);
    unsigned char *p = (unsigned char *)out->data + start;
    for (int i = 0; i < 4; i++)
        p[12 + i] = (unsigned char)(total >> (8 * i));
    uint64_t sum = mz_model_checksum(p, out->len - start);
    unsigned char c[8];
    for (int i = 0; i < 8; i++)
        c[i] = (unsigned char)(sum >> (8 * i));
    mz_buf_put(out, (const char *)c, 8);
    return out->oom ? mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory") : MZ_OK;
}

mz_status mz_parse_model_write(const mz_parse_model *m, const char *path, mz_error *err)
{
    mz_buf b = {0};
    mz_status st = mz_parse_model_save(m, &b, err);
    if (st != MZ_OK) {
        mz_buf_free(&b);
        return st;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        mz_buf_free(&b);
        return mz_fail(err, MZ_ERR_IO, path, 0, "cannot create");
    }
    size_t wrote = fwrite(b.data, 1, b.len, f);
    int bad = wrote != b.len;
    bad |= fclose(f) != 0;
    mz_buf_free(&b);
    return bad ? mz_fail(err, MZ_ERR_IO, path, 0, "write error") : MZ_OK;
}

/* Checks everything about the file that does not need the models: returns NULL or why not.
 * The checksum is left out when `verify` is 0 (see mz_parse_model_load_trusted). */
static const char *check_envelope(const unsigned char *p, size_t len, int verify)
{
    if (len < HEADER + 8 || memcmp(p, magic, 8) != 0)
        return "not a mizan parser model (bad magic)";
    if (get_u32(p + 8) != MZ_MODEL_VERSION)
        return "unsupported parser model version";
    if (get_u32(p + 12) != len)
        return "truncated parser model (length does not match)";
    uint64_t sum = 0;
    for (int i = 0; i < 8; i++)
        sum |= (uint64_t)p[len - 8 + (size_t)i] << (8 * i);
    if (verify && sum != mz_model_checksum(p, len - 8))
        return "corrupt parser model (checksum mismatch)";
    if (!((p[16] == 'e' && p[17] == 'n') || (p[16] == 'a' && p[17] == 'r')) || p[18] || p[19])
        return "parser model for an unknown language";
    return NULL;
}

void mz_parse_model_reseal(unsigned char *p, size_t len)
{
    if (len < HEADER + 8 || len > UINT32_MAX)
        return;
    for (int i = 0; i < 4; i++)
        p[12 + i] = (unsigned char)(len >> (8 * i));
    uint64_t sum = mz_model_checksum(p, len - 8);
    for (int i = 0; i < 8; i++)
        p[len - 8 + (size_t)i] = (unsigned char)(sum >> (8 * i));
}

/* Reads the segmentation data at *pos; returns NULL or why it is malformed. */
static const char *load_seg(mz_seg *seg, const unsigned char *p, size_t end, size_t *pos)
{
    if (end - *pos < 8)
        return "truncated parser model";
    size_t nlex = get_u32(p + *pos), nvocab = get_u32(p + *pos + 4);
    *pos += 8;
    if (nlex > (end - *pos) / 16 || nvocab > (end - *pos - nlex * 16) / 8)
        return "truncated parser model (segmentation data)";
    seg->lex = malloc(nlex * 16 + 8);
    seg->vocab = malloc(nvocab * 8 + 8);
    if (!seg->lex || !seg->vocab)
        return "out of memory";
    for (size_t i = 0; i < 2 * nlex; i++, *pos += 8)
        seg->lex[i] = get_u64(p + *pos);
    for (size_t i = 0; i < nvocab; i++, *pos += 8)
        seg->vocab[i] = get_u64(p + *pos);
    seg->nlex = nlex;
    seg->nvocab = nvocab;
    for (size_t i = 1; i < nlex; i++)
        if (seg->lex[2 * i] <= seg->lex[2 * i - 2])
            return "corrupt parser model (segmentation lexicon out of order)";
    for (size_t i = 1; i < nvocab; i++)
        if (seg->vocab[i] <= seg->vocab[i - 1])
            return "corrupt parser model (vocabulary out of order)";
    return NULL;
}

/* Reads the word clusters at *pos; returns NULL or why they are malformed. */
static const char *load_clusters(mz_clusters *cl, const unsigned char *p, size_t end, size_t *pos)
{
    if (end - *pos < 4)
        return "truncated parser model";
    size_t n = get_u32(p + *pos);
    *pos += 4;
    if (n > (end - *pos) / 12)
        return "truncated parser model (word clusters)";
    cl->hash = malloc(n * 8 + 8);
    cl->code = malloc(n * 4 + 4);
    if (!cl->hash || !cl->code)
        return "out of memory";
    for (size_t i = 0; i < n; i++, *pos += 8)
        cl->hash[i] = get_u64(p + *pos);
    for (size_t i = 0; i < n; i++, *pos += 4)
        cl->code[i] = get_u32(p + *pos);
    cl->n = n;
    for (size_t i = 1; i < n; i++)
        if (cl->hash[i] <= cl->hash[i - 1])
            return "corrupt parser model (word clusters out of order)";
    return mz_clusters_index(cl) < 0 ? "out of memory" : NULL;
}

/* Loads a model, checking its checksum when `verify` is set. */
static mz_parse_model *model_load(const void *data, size_t len, const char *name, int verify,
                                  mz_error *err)
{
    const unsigned char *p = data;
    name = name ? name : "<model>";
    const char *why = p ? check_envelope(p, len, verify) : "no data";
    if (why) {
        mz_fail(err, MZ_ERR_PARSE, name, 0, "%s", why);
        return NULL;
    }
    mz_parse_model *m = calloc(1, sizeof *m);
    if (!m) {
        mz_fail(err, MZ_ERR_NOMEM, name, 0, "out of memory");
        return NULL;
    }
    m->lang[0] = (char)p[16];
    m->lang[1] = (char)p[17];
    size_t pos = HEADER, end = len - 8;
    if (mz_lin_load(&m->tag, p, end, &pos, MZ_UPOS_COUNT, &why) < 0 ||
        mz_lin_load(&m->arc, p, end, &pos, MZ_TR_COUNT, &why) < 0 ||
        mz_lin_load(&m->lab, p, end, &pos, MZ_DEPREL_COUNT, &why) < 0 ||
        mz_lin_load(&m->stag, p, end, &pos, MZ_STAG_COUNT, &why) < 0 ||
        mz_lin_load(&m->tag2, p, end, &pos, MZ_UPOS_COUNT, &why) < 0 ||
        mz_lin_load(&m->rel, p, end, &pos, MZ_DEPREL_COUNT, &why) < 0 ||
        mz_lin_load(&m->att, p, end, &pos, 2, &why) < 0 ||
        (why = load_seg(&m->seg, p, end, &pos)) != NULL ||
        (why = load_clusters(&m->clus, p, end, &pos)) != NULL ||
        (pos != end && (why = "trailing bytes in parser model"))) {
        mz_fail(err, MZ_ERR_PARSE, name, 0, "%s", why);
        mz_parse_model_free(m);
        return NULL;
    }
    return m;
}

mz_parse_model *mz_parse_model_load(const void *data, size_t len, const char *name, mz_error *err)
{
    return model_load(data, len, name, 1, err);
}

mz_parse_model *mz_parse_model_load_trusted(const void *data, size_t len, const char *name,
                                            mz_error *err)
{
    return model_load(data, len, name, 0, err);
}

mz_parse_model *mz_parse_model_read(const char *path, mz_error *err)
{
    mz_buf b = MZ_BUF_INIT;
    mz_parse_model *m = NULL;
    if (mz_buf_read_file(&b, path, err) == MZ_OK)
        m = mz_parse_model_load(b.data, b.len, path, err);
    mz_buf_free(&b);
    return m;
}

void mz_parse_model_free(mz_parse_model *m)
{
    if (!m)
        return;
    mz_lin_free(&m->tag);
    mz_lin_free(&m->arc);
    mz_lin_free(&m->lab);
    mz_lin_free(&m->stag);
    mz_lin_free(&m->tag2);
    mz_lin_free(&m->rel);
    mz_lin_free(&m->att);
    mz_seg_free(&m->seg);
    mz_clusters_free(&m->clus);
    free(m);
}

const char *mz_parse_model_lang(const mz_parse_model *m) { return m->lang; }
