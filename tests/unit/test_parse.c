/* Unit tests of the syntactic analysis (src/parse): the CoNLL-U reader's edge cases and errors,
 * a small model trained on sentences written here and its supertagger, the model file's round
 * trip and its errors on damaged bytes, Arabic segmentation into syntactic words, and the
 * built-in models on a sentence of each language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/internal.h"
#include "parse/parse.h"

static mz_status read_text(mz_treebank *tb, const char *text, mz_error *err)
{
    return mz_treebank_read(tb, "t.conllu", text, strlen(text), err);
}

/* A word line with the given id, form, UPOS, head and relation. */
#define W(id, form, upos, head, rel) id "\t" form "\t_\t" upos "\t_\t_\t" head "\t" rel "\t_\t_\n"

static void reader_reads_comments_mwt_and_empty_nodes(void **state)
{
    (void)state;
    const char *text = "# sent_id = a\n"
                       "# text = Boats don't sink.\n" W("1", "Boats", "NOUN", "3", "nsubj")
                       "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" W("2", "do", "AUX", "4", "aux")
                       W("3", "n't", "PART", "4", "advmod")
                       "3.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n" W("4", "sink", "VERB", "0", "root")
                       "5\t.\t_\tPUNCT\t_\t_\t4\tpunct\t_\tSpaceAfter=No\r\n"
                       "\n\n" W("1", "Go", "VERB", "0", "root");
    mz_treebank tb = {0};
    mz_error err = {0};
    assert_int_equal(read_text(&tb, text, &err), MZ_OK);
    assert_int_equal(tb.nsents, 2);
    assert_int_equal(tb.sents[0].n, 5);
    assert_int_equal(tb.sents[1].n, 1);
    assert_string_equal(mz_tb_str(&tb, tb.sents[0].text), "Boats don't sink.");
    assert_int_equal(tb.nmwts, 1);
    assert_int_equal(tb.mwts[0].first, 1);
    assert_int_equal(tb.mwts[0].last, 2);
    assert_string_equal(mz_tb_str(&tb, tb.mwts[0].form), "don't");
    const mz_ud_word *w = &tb.words[tb.sents[0].first + 4];
    assert_string_equal(mz_tb_str(&tb, w->form), ".");
    assert_int_equal(w->upos, MZ_UPOS_PUNCT);
    assert_int_equal(w->deprel, MZ_DEPREL_PUNCT);
    assert_int_equal(w->space_after, 0);
    assert_int_equal(tb.words[0].space_after, 1);
    mz_treebank_free(&tb);
}

static void reader_keeps_subtypes_and_blanks(void **state)
{
    (void)state;
    const char *text = W("1", "his", "PRON", "2", "nmod:poss") W("2", "dog", "_", "_", "_");
    mz_treebank tb = {0};
    mz_error err = {0};
    assert_int_equal(read_text(&tb, text, &err), MZ_OK);
    assert_int_equal(tb.words[0].deprel, mz_deprel_index("nmod", 4));
    assert_string_equal(mz_tb_str(&tb, tb.words[0].deprel_full), "nmod:poss");
    assert_int_equal(tb.words[1].upos, MZ_UPOS_NONE);
    assert_int_equal(tb.words[1].head, -1);
    mz_treebank_free(&tb);
}

/* Reading `text` fails at `line` with a message containing `why`. */
static void expect_error(const char *text, long line, const char *why)
{
    mz_treebank tb = {0};
    mz_error err = {0};
    mz_status st = read_text(&tb, text, &err);
    if (st == MZ_OK)
        fail_msg("accepted: %s", text);
    assert_string_equal(err.file, "t.conllu");
    assert_int_equal(err.line, line);
    if (!strstr(err.message, why))
        fail_msg("message '%s' lacks '%s'", err.message, why);
    mz_treebank_free(&tb);
}

static void reader_errors_have_lines(void **state)
{
    (void)state;
    expect_error(W("1", "a", "DET", "0", "root") W("3", "b", "NOUN", "1", "dep"), 2, "ids");
    expect_error("1\ta\t_\tDET\t_\t_\t0\troot\t_\n", 1, "10 tab-separated");
    expect_error("# c\n" W("1", "a", "DETX", "0", "root"), 2, "UPOS");
    expect_error(W("1", "a", "DET", "0", "rooot"), 1, "relation");
    expect_error(W("1", "a", "DET", "x", "root"), 1, "HEAD");
    expect_error(W("1", "a", "DET", "2", "root"), 1, "head outside");
    expect_error(W("1", "a", "DET", "0", "root") "\n3-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 3,
                 "multiword");
    expect_error("1\t\t_\tDET\t_\t_\t0\troot\t_\t_\n", 1, "empty form");
    expect_error("1.x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "empty node");
    expect_error(W("1", "a", "DET", "0", "root") "\t\t\t\t\t\t\t\t\t\t\t\n", 2, "columns");
}

static void reader_rejects_nul_and_reads_partial_text(void **state)
{
    (void)state;
    const char text[] = "1\ta\t_\tDET\t_\t_\t0\troot\t_\t_\n\n1\tb\0\t_";
    mz_treebank tb = {0};
    mz_error err = {0};
    assert_int_equal(mz_treebank_read(&tb, "t.conllu", text, sizeof text - 1, &err), MZ_ERR_PARSE);
    assert_int_equal(err.line, 3);
    assert_int_equal(tb.nsents, 1); /* the first sentence was complete */
    mz_treebank_free(&tb);
    mz_treebank tb2 = {0};
    assert_int_equal(mz_treebank_read(&tb2, "t.conllu", "", 0, &err), MZ_OK);
    assert_int_equal(tb2.nsents, 0);
    mz_treebank_free(&tb2);
    assert_int_equal(mz_treebank_load(&tb2, "/nonexistent/x.conllu", &err), MZ_ERR_IO);
    mz_treebank_free(&tb2);
}

/* ---- a small model --------------------------------------------------------------------- */

/* Sentences written for these tests. */
static const char small_bank[] =
    W("1", "The", "DET", "2", "det") W("2", "army", "NOUN", "3", "nsubj")
    W("3", "attacked", "VERB", "0", "root") W("4", "the", "DET", "5", "det")
    W("5", "village", "NOUN", "3", "obj") W("6", ".", "PUNCT", "3", "punct") "\n"
    W("1", "Leaders", "NOUN", "2", "nsubj") W("2", "met", "VERB", "0", "root")
    W("3", "in", "ADP", "4", "case") W("4", "Cairo", "PROPN", "2", "obl")
    W("5", ".", "PUNCT", "2", "punct") "\n"
    W("1", "The", "DET", "2", "det") W("2", "minister", "NOUN", "3", "nsubj")
    W("3", "visited", "VERB", "0", "root") W("4", "Paris", "PROPN", "3", "obj")
    W("5", "on", "ADP", "6", "case") W("6", "Monday", "PROPN", "3", "obl")
    W("7", ".", "PUNCT", "3", "punct") "\n"
    W("1", "Police", "NOUN", "2", "nsubj") W("2", "arrested", "VERB", "0", "root")
    W("3", "two", "NUM", "4", "nummod") W("4", "men", "NOUN", "2", "obj")
    W("5", ".", "PUNCT", "2", "punct") "\n"
    W("1", "She", "PRON", "2", "nsubj") W("2", "said", "VERB", "0", "root")
    W("3", "talks", "NOUN", "4", "nsubj") W("4", "failed", "VERB", "2", "ccomp")
    W("5", ".", "PUNCT", "2", "punct") "\n";

static mz_parse_model *train_small(mz_treebank *tb)
{
    mz_error err = {0};
    assert_int_equal(read_text(tb, small_bank, &err), MZ_OK);
    mz_train_opts o = {.iterations = 10, .seed = 7, .lang = "en", .quiet = 1};
    mz_parse_model *m = mz_parse_train(tb, NULL, &o, &err);
    if (!m)
        fail_msg("training failed: %s", err.message);
    return m;
}

/* Parses words given as one space-separated string; returns the number of words. */
static size_t parse_words(const mz_parse_model *m, const char *text, mz_parsed *out)
{
    static char buf[512];
    const char *forms[64];
    uint32_t lens[64];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", text);
    for (char *tok = strtok(buf, " "); tok && n < 64; tok = strtok(NULL, " ")) {
        forms[n] = tok;
        lens[n++] = (uint32_t)strlen(tok);
    }
    mz_parse_work *w = mz_parse_work_new();
    assert_non_null(w);
    assert_int_equal(mz_parse_sentence(m, w, forms, lens, n, NULL, out), 0);
    mz_parse_work_free(w);
    return n;
}

static void small_model_learns_its_sentences(void **state)
{
    (void)state;
    mz_treebank tb = {0};
    mz_parse_model *m = train_small(&tb);
    mz_parse_scores s = {0};
    mz_parse_evaluate(m, &tb, NULL, 0, &s);
    assert_int_equal(s.words, 28);
    assert_true(s.upos >= 27);
    assert_true(s.uas >= 26);
    mz_parsed p[64];
    size_t n = parse_words(m, "The army attacked the village .", p);
    assert_int_equal(n, 6);
    assert_int_equal(p[2].head, 0);
    assert_int_equal(p[2].deprel, MZ_DEPREL_ROOT);
    assert_string_equal(mz_upos_names[p[2].upos], "VERB");
    assert_int_equal(p[1].head, 3);
    assert_string_equal(mz_deprel_names[p[1].deprel], "nsubj");
    assert_string_equal(mz_parse_model_lang(m), "en");
    mz_parse_model_free(m);
    mz_treebank_free(&tb);
}

/* The model tags in two passes: the second keeps the first's tags in w->tag1 and reads those
 * of the words to the right, so its features change with them. */
static void second_tagging_pass_reads_the_first(void **state)
{
    (void)state;
    mz_treebank tb = {0};
    mz_parse_model *m = train_small(&tb);
    assert_true(m->tag2.nrows > 0);
    const char *forms[] = {"The", "army", "attacked", "the", "village", "."};
    uint32_t lens[] = {3, 4, 8, 3, 7, 1};
    mz_parse_work *w = mz_parse_work_new();
    assert_non_null(w);
    mz_syn_attrs(w, forms, lens, 6, NULL);
    mz_run_tagger(m, w);
    assert_string_equal(mz_upos_names[w->tag1[3]], "VERB");
    assert_string_equal(mz_upos_names[w->tag[3]], "VERB");
    uint64_t a[MZ_MAX_FEATS], b[MZ_MAX_FEATS];
    size_t na = mz_tag2_feats(w, 3, a);
    assert_true(na > mz_tag_feats(w, 3, b));
    w->tag1[4] = MZ_UPOS_VERB;
    assert_int_equal(mz_tag2_feats(w, 3, b), na);
    assert_true(memcmp(a, b, na * sizeof *a) != 0);
    mz_parse_work_free(w);
    mz_parse_model_free(m);
    mz_treebank_free(&tb);
}

/* Supertag + 1 as the supertagger stores it: relation, head after the word, right dependents. */
static int stag_of(int rel, int head_after, int right) { return (rel * 2 + head_after) * 2 + right + 1; }

/* The supertagger gives each word of a training sentence its relation, its head's side and
 * whether it has dependents on its right (see MZ_STAG_COUNT). */
static void supertagger_learns_relations_and_sides(void **state)
{
    (void)state;
    mz_treebank tb = {0};
    mz_parse_model *m = train_small(&tb);
    const char *forms[] = {"The", "army", "attacked", "the", "village", "."};
    uint32_t lens[] = {3, 4, 8, 3, 7, 1};
    const uint8_t tags[] = {5, 7, 15, 5, 7, 12}; /* DET NOUN VERB DET NOUN PUNCT */
    mz_parse_work *w = mz_parse_work_new();
    assert_non_null(w);
    mz_syn_attrs(w, forms, lens, 6, NULL);
    memcpy(w->tag + 1, tags, 6);
    mz_run_stagger(&m->stag, w);
    assert_int_equal(w->stag[2], stag_of(MZ_DEPREL_NSUBJ, 1, 0));
    assert_int_equal(w->stag[3], stag_of(MZ_DEPREL_ROOT, 0, 1));
    assert_int_equal(w->stag[5], stag_of(MZ_DEPREL_OBJ, 0, 0));
    assert_int_equal(w->stag[6], stag_of(MZ_DEPREL_PUNCT, 0, 0));
    mz_parse_work_free(w);
    mz_parse_model_free(m);
    mz_treebank_free(&tb);
}

/* Every parse is one tree: a single root, heads in range, no cycle. */
static void assert_tree(const mz_parsed *p, size_t n)
{
    int roots = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(p[i].head >= 0 && p[i].head <= (int)n && p[i].head != (int)i + 1);
        roots += p[i].head == 0;
        assert_true(p[i].upos < MZ_UPOS_COUNT && p[i].deprel < MZ_DEPREL_COUNT);
        assert_true((p[i].head == 0) == (p[i].deprel == MZ_DEPREL_ROOT));
        size_t steps = 0;
        for (int h = p[i].head; h != 0; h = p[h - 1].head)
            assert_true(++steps <= n);
    }
    assert_int_equal(roots, 1);
}

static void parses_are_trees(void **state)
{
    (void)state;
    mz_treebank tb = {0};
    mz_parse_model *m = train_small(&tb);
    mz_parsed p[64];
    const char *texts[] = {"x", ". . . .", "Cairo met the two leaders in the village on Monday",
                           "unknown words everywhere , zzz qqq"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        assert_tree(p, parse_words(m, texts[i], p));
    mz_parse_work *w = mz_parse_work_new();
    assert_int_equal(mz_parse_sentence(m, w, NULL, NULL, 0, NULL, p), 0);
    assert_int_equal(mz_parse_sentence(m, w, NULL, NULL, MZ_PARSE_MAX_WORDS + 1, NULL, p), -1);
    mz_parse_work_free(w);
    mz_parse_model_free(m);
    mz_treebank_free(&tb);
}

static void training_is_deterministic_and_round_trips(void **state)
{
    (void)state;
    mz_treebank tb = {0}, tb2 = {0};
    mz_parse_model *m = train_small(&tb), *m2 = train_small(&tb2);
    mz_buf a = {0}, b = {0}, c = {0};
    mz_error err = {0};
    assert_int_equal(mz_parse_model_save(m, &a, &err), MZ_OK);
    assert_int_equal(mz_parse_model_save(m2, &b, &err), MZ_OK);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    mz_parse_model *l = mz_parse_model_load(a.data, a.len, "mem", &err);
    assert_non_null(l);
    assert_int_equal(mz_parse_model_save(l, &c, &err), MZ_OK);
    assert_int_equal(c.len, a.len);
    assert_memory_equal(c.data, a.data, a.len);
    mz_parsed p1[64], p2[64];
    size_t n = parse_words(m, "Police met the minister in Paris .", p1);
    parse_words(l, "Police met the minister in Paris .", p2);
    assert_memory_equal(p1, p2, n * sizeof p1[0]);
    /* through a file */
    char path[] = "/tmp/test_parse_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(mz_parse_model_write(m, path, &err), MZ_OK);
    mz_parse_model *f = mz_parse_model_read(path, &err);
    assert_non_null(f);
    mz_parse_model_free(f);
    remove(path);
    mz_buf_free(&a);
    mz_buf_free(&b);
    mz_buf_free(&c);
    mz_parse_model_free(l);
    mz_parse_model_free(m);
    mz_parse_model_free(m2);
    mz_treebank_free(&tb);
    mz_treebank_free(&tb2);
}

/* Loading `len` bytes of `data` fails with MZ_ERR_PARSE and a message containing `why`. */
static void expect_bad_model(const char *data, size_t len, const char *why)
{
    mz_error err = {0};
    mz_parse_model *m = mz_parse_model_load(data, len, "bad.model", &err);
    if (m)
        fail_msg("accepted a damaged model (%s)", why);
    assert_int_equal(err.status, MZ_ERR_PARSE);
    assert_string_equal(err.file, "bad.model");
    if (!strstr(err.message, why))
        fail_msg("message '%s' lacks '%s'", err.message, why);
}

static void damaged_models_are_errors(void **state)
{
    (void)state;
    mz_treebank tb = {0};
    mz_parse_model *m = train_small(&tb);
    mz_buf a = {0};
    mz_error err = {0};
    assert_int_equal(mz_parse_model_save(m, &a, &err), MZ_OK);
    char *copy = malloc(a.len);
    memcpy(copy, a.data, a.len);
    expect_bad_model(copy, a.len - 1, "truncated");
    expect_bad_model(copy, 10, "magic");
    expect_bad_model(NULL, 0, "no data");
    copy[a.len / 2] ^= 0x40;
    expect_bad_model(copy, a.len, "checksum");
    memcpy(copy, a.data, a.len);
    copy[0] = 'X';
    expect_bad_model(copy, a.len, "magic");
    memcpy(copy, a.data, a.len);
    copy[8] = 9;
    expect_bad_model(copy, a.len, "version");
    copy[8] = 4; /* the format before the word clusters */
    expect_bad_model(copy, a.len, "version");
    expect_bad_model("not a model at all, just some text of a reasonable length", 56, "magic");
    mz_parse_model *r = mz_parse_model_read("/nonexistent/en.model", &err);
    assert_null(r);
    assert_int_equal(err.status, MZ_ERR_IO);
    free(copy);
    mz_buf_free(&a);
    mz_parse_model_free(m);
    mz_treebank_free(&tb);
}

/* Word clusters: words used alike (cat and dog, sleeps and runs) are siblings in the merge
 * tree, so their bit strings differ in the last bit only; a word seen once has no cluster. */
static void clusters_group_words_used_alike(void **state)
{
    (void)state;
    static const char *const text[] = {
        "the", "cat", "sleeps", ".", "", "the", "dog", "sleeps", ".", "", "the", "cat", "runs", ".", "",
        "the", "dog", "runs", ".", "", "a", "cat", "sleeps", ".", "", "a", "dog", "sleeps", ".", "",
        "a", "cat", "runs", ".", "", "a", "dog", "runs", ".", "", "once", "."};
    size_t n = sizeof text / sizeof text[0];
    uint64_t toks[64];
    for (size_t i = 0; i < n; i++)
        toks[i] = *text[i] ? mz_word_lower(text[i], strlen(text[i])) : 0;
    mz_clusters cl, again;
    assert_int_equal(mz_clusters_learn(&cl, toks, n), 0);
    assert_int_equal(mz_clusters_learn(&again, toks, n), 0);
    assert_int_equal(cl.n, 7);
    assert_memory_equal(cl.code, again.code, cl.n * sizeof cl.code[0]);
    uint32_t cat = mz_cluster_of(&cl, mz_word_lower("Cat", 3));
    uint32_t dog = mz_cluster_of(&cl, mz_word_lower("dog", 3));
    uint32_t sleeps = mz_cluster_of(&cl, mz_word_lower("sleeps", 6));
    uint32_t runs = mz_cluster_of(&cl, mz_word_lower("runs", 4));
    assert_true(cat && dog && sleeps && runs);
    assert_int_not_equal(cat & 0x3ff, dog & 0x3ff);
    assert_int_equal(cat >> 17 & 0x7f, dog >> 17 & 0x7f);         /* 6-bit code but the last bit */
    assert_int_equal(sleeps >> 17 & 0x7f, runs >> 17 & 0x7f);
    assert_int_not_equal(cat >> 16 & 0xff, sleeps >> 16 & 0xff);
    assert_int_equal(mz_cluster_of(&cl, mz_word_lower("once", 4)), 0);
    mz_clusters_free(&cl);
    mz_clusters_free(&again);
}

static void conllu_writer_output_reads_back(void **state)
{
    (void)state;
    mz_treebank tb = {0};
    mz_parse_model *m = train_small(&tb);
    const char *forms[] = {"Leaders", "met", "in", "Cairo", "."};
    uint32_t lens[] = {7, 3, 2, 5, 1};
    mz_parsed p[5];
    mz_parse_work *w = mz_parse_work_new();
    assert_int_equal(mz_parse_sentence(m, w, forms, lens, 5, NULL, p), 0);
    mz_buf out = {0};
    mz_conllu_write(&out, forms, lens, 5, p);
    mz_treebank back = {0};
    mz_error err = {0};
    assert_int_equal(mz_treebank_read(&back, "out", out.data, out.len, &err), MZ_OK);
    assert_int_equal(back.nsents, 1);
    assert_int_equal(back.sents[0].n, 5);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(back.words[i].head, p[i].head);
        assert_int_equal(back.words[i].upos, p[i].upos);
        assert_int_equal(back.words[i].deprel, p[i].deprel);
    }
    mz_treebank_free(&back);
    mz_buf_free(&out);
    mz_parse_work_free(w);
    mz_parse_model_free(m);
    mz_treebank_free(&tb);
}

/* ---- Arabic syntactic words ------------------------------------------------------------------- */

/* Arabic sentences written for these tests, clitics as separate words joined by SpaceAfter=No:
 * "and by it the government commits to the agreement", "the minister visited his country",
 * "and the delegation met the president". */
#define A(id, form, upos, head, rel, misc) \
    id "\t" form "\t_\t" upos "\t_\t_\t" head "\t" rel "\t_\t" misc "\n"
static const char arabic_bank[] =
    "# text = وبموجبه تلتزم الحكومة بالاتفاق.\n"
    A("1", "و", "CCONJ", "5", "cc", "SpaceAfter=No") A("2", "ب", "ADP", "3", "case", "SpaceAfter=No")
    A("3", "موجب", "NOUN", "5", "obl", "SpaceAfter=No") A("4", "ه", "PRON", "3", "nmod", "_")
    A("5", "تلتزم", "VERB", "0", "root", "_") A("6", "الحكومة", "NOUN", "5", "nsubj", "_")
    A("7", "ب", "ADP", "8", "case", "SpaceAfter=No") A("8", "الاتفاق", "NOUN", "5", "obl", "SpaceAfter=No")
    A("9", ".", "PUNCT", "5", "punct", "_") "\n"
    "# text = زار الوزير بلده.\n"
    A("1", "زار", "VERB", "0", "root", "_") A("2", "الوزير", "NOUN", "1", "nsubj", "_")
    A("3", "بلد", "NOUN", "1", "obj", "SpaceAfter=No") A("4", "ه", "PRON", "3", "nmod", "SpaceAfter=No")
    A("5", ".", "PUNCT", "1", "punct", "_") "\n"
    "# text = والتقى الوفد الرئيس.\n"
    A("1", "و", "CCONJ", "2", "cc", "SpaceAfter=No") A("2", "التقى", "VERB", "0", "root", "_")
    A("3", "الوفد", "NOUN", "2", "nsubj", "_") A("4", "الرئيس", "NOUN", "2", "obj", "SpaceAfter=No")
    A("5", ".", "PUNCT", "2", "punct", "_") "\n";

/* The pieces of a word as "a+b+c". */
static const char *segment(const mz_parse_model *m, const char *word, char *out)
{
    uint32_t st[8], en[8];
    int n = mz_ar_segment(m, word, strlen(word), st, en, 8);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(out, "+");
        strncat(out, word + st[i], en[i] - st[i]);
    }
    return out;
}

static void arabic_segmentation(void **state)
{
    (void)state;
    mz_treebank tb = {0};
    mz_error err = {0};
    assert_int_equal(mz_treebank_read(&tb, "ar.conllu", arabic_bank, strlen(arabic_bank), &err), MZ_OK);
    mz_train_opts o = {.iterations = 5, .seed = 3, .lang = "ar", .quiet = 1};
    mz_parse_model *m = mz_parse_train(&tb, NULL, &o, &err);
    assert_non_null(m);
    char out[256];
    /* surface words seen in training: their split */
    assert_string_equal(segment(m, "وبموجبه", out), "و+ب+موجب+ه");
    assert_string_equal(segment(m, "بالاتفاق", out), "ب+الاتفاق");
    assert_string_equal(segment(m, "الحكومة", out), "الحكومة");
    /* unseen: the rules, with the words known from training */
    assert_string_equal(segment(m, "والحكومة", out), "و+الحكومة");         /* و + known word */
    assert_string_equal(segment(m, "بالحكومة", out), "ب+الحكومة");         /* ب + article */
    assert_string_equal(segment(m, "للحكومة", out), "ل+لحكومة");           /* ل + ال written لل */
    assert_string_equal(segment(m, "وزارها", out), "و+زار+ها");             /* و, stem, suffix */
    assert_string_equal(segment(m, "فرنسا", out), "فرنسا");                 /* ف + unknown: kept */
    /* the segmentation of the sentences' own text is exact */
    mz_seg_scores g = {0};
    mz_seg_evaluate(m, &tb, NULL, &g);
    assert_int_equal(g.gold, 19);
    assert_int_equal(g.match, 19);
    assert_int_equal(g.pred, 19);
    assert_int_equal(g.skipped, 0);
    /* an English model splits nothing */
    mz_treebank en = {0};
    mz_parse_model *e = train_small(&en);
    assert_string_equal(segment(e, "وبموجبه", out), "وبموجبه");
    mz_parse_model_free(e);
    mz_treebank_free(&en);
    mz_parse_model_free(m);
    mz_treebank_free(&tb);
}

/* ---- the shipped models ------------------------------------------------------------------ */

static void builtin_english_model_parses(void **state)
{
    (void)state;
    mz_error err = {0};
    mz_parse_model *m = mz_parse_model_builtin("en", &err);
    if (!m)
        fail_msg("no built-in English model: %s", err.message);
    assert_string_equal(mz_parse_model_lang(m), "en");
    mz_parsed p[64];
    size_t n = parse_words(m, "The president visited Cairo on Monday .", p);
    assert_tree(p, n);
    assert_string_equal(mz_upos_names[p[2].upos], "VERB");
    assert_int_equal(p[2].head, 0);
    assert_int_equal(p[1].head, 3);
    assert_string_equal(mz_deprel_names[p[1].deprel], "nsubj");
    assert_int_equal(p[3].head, 3);
    assert_string_equal(mz_deprel_names[p[3].deprel], "obj");
    assert_string_equal(mz_upos_names[p[0].upos], "DET");
    /* the quick parse (no reattacher, as the coder runs it) is a tree too, here the same one */
    const char *forms[] = {"The", "president", "visited", "Cairo", "on", "Monday", "."};
    uint32_t lens[] = {3, 9, 7, 5, 2, 6, 1};
    mz_parsed q[8];
    mz_parse_work *w = mz_parse_work_new();
    assert_non_null(w);
    mz_parse_work_quick(w, 1);
    assert_int_equal(mz_parse_sentence(m, w, forms, lens, 7, NULL, q), 0);
    mz_parse_work_free(w);
    assert_tree(q, 7);
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(q[i].head, p[i].head);
    mz_parse_model_free(m);
    assert_null(mz_parse_model_builtin("fr", &err));
}

/* The built-in models are loaded without their checksum (start-up time): their bytes must pass
 * the full check here, so a damaged build is caught by the tests. */
static void builtin_models_pass_checksum(void **state)
{
    (void)state;
    const char *langs[] = {"en", "ar"};
    for (size_t i = 0; i < 2; i++) {
        size_t len;
        const unsigned char *p = mz_parse_model_builtin_bytes(langs[i], &len);
        assert_non_null(p);
        mz_error err = {0};
        mz_parse_model *m = mz_parse_model_load(p, len, langs[i], &err);
        if (!m)
            fail_msg("built-in %s model fails the full check: %s", langs[i], err.message);
        mz_parse_model_free(m);
    }
    size_t len;
    assert_null(mz_parse_model_builtin_bytes("fr", &len));
    assert_int_equal(len, 0);
}

static void builtin_arabic_model_parses(void **state)
{
    (void)state;
    mz_error err = {0};
    mz_parse_model *m = mz_parse_model_builtin("ar", &err);
    if (!m)
        fail_msg("no built-in Arabic model: %s", err.message);
    assert_string_equal(mz_parse_model_lang(m), "ar");
    mz_parsed p[64];
    /* "The minister visited Cairo yesterday ." */
    size_t n = parse_words(m, "زار الوزير القاهرة أمس .", p);
    assert_tree(p, n);
    assert_string_equal(mz_upos_names[p[0].upos], "VERB");
    assert_int_equal(p[0].head, 0);
    assert_int_equal(p[1].head, 1);
    assert_string_equal(mz_upos_names[p[4].upos], "PUNCT");
    /* news writes ، and « » where the treebank has , and ": read as those, they are punctuation
     * ("The minister visited Cairo, and met the «Egyptian» president yesterday .") */
    n = parse_words(m, "زار الوزير القاهرة ، والتقى الرئيس « المصري » أمس .", p);
    assert_tree(p, n);
    assert_string_equal(mz_upos_names[p[3].upos], "PUNCT");
    assert_string_equal(mz_upos_names[p[6].upos], "PUNCT");
    assert_string_equal(mz_upos_names[p[8].upos], "PUNCT");
    mz_parse_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reader_reads_comments_mwt_and_empty_nodes),
        cmocka_unit_test(reader_keeps_subtypes_and_blanks),
        cmocka_unit_test(reader_errors_have_lines),
        cmocka_unit_test(reader_rejects_nul_and_reads_partial_text),
        cmocka_unit_test(small_model_learns_its_sentences),
        cmocka_unit_test(second_tagging_pass_reads_the_first),
        cmocka_unit_test(supertagger_learns_relations_and_sides),
        cmocka_unit_test(parses_are_trees),
        cmocka_unit_test(training_is_deterministic_and_round_trips),
        cmocka_unit_test(damaged_models_are_errors),
        cmocka_unit_test(clusters_group_words_used_alike),
        cmocka_unit_test(conllu_writer_output_reads_back),
        cmocka_unit_test(arabic_segmentation),
        cmocka_unit_test(builtin_english_model_parses),
        cmocka_unit_test(builtin_models_pass_checksum),
        cmocka_unit_test(builtin_arabic_model_parses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
