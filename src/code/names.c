/*
 * names.c — people a document introduces once and then names alone.
 *
 * News writes "Mexico's Foreign Secretary Marcelo Ebrard", "Carrie Lam, the chief executive of
 * Hong Kong," or "وزير الخارجية الماليزي أنيفة أمان" once, and afterwards "Ebrard said", "وأضاف
 * أمان".  The dictionaries cannot list everyone; the title says who the person is.  After the
 * mentions of the whole document are found (coder.c), each actor built from a title — a role
 * with its country, or with the document's (context.c) — that stands right before a name the
 * dictionaries do not know (English: up to four capitalised words; Arabic: up to three words
 * without the article), or right after one with an English apposition ("NAME, the TITLE"),
 * teaches the coder the name's last word as an actor with the title's code.  The introduction and
 * every later use of that word become actor mentions; a later use carries the introduction as
 * its context in the event's evidence.
 */
#include <stdlib.h>
#include <string.h>

#include "../text/clitic.h"
#include "../util/vec.h"
#include "coder.h"

enum { NAME_WORDS_EN = 4, NAME_WORDS_AR = 3 };

/* Capitalised English words that are no names: days, months, time words and words that open a
 * clause, and the heads of institutions' names ("Police Department", "Legislative Assembly").
 * In strcmp order. */
static const char *const not_names_en[] = {
    "a", "act", "agency", "also", "an", "and", "april", "assembly", "association", "at", "august",
    "authority", "board", "bulletin", "bureau", "but", "center", "centre", "city", "command",
    "commission", "committee", "company", "complex", "congress", "corps", "council", "court",
    "daily", "december", "department", "dr", "earlier", "embassy", "february", "force", "forces",
    "friday", "government", "he", "headquarters", "hospital", "however", "i", "in", "institute",
    "it", "january", "july", "june", "later", "majority", "march", "may", "meanwhile", "ministry",
    "minority", "monday", "mr", "mrs", "ms", "news", "november", "october", "office", "on",
    "parliament", "party", "post", "saturday", "senate", "september", "service", "services", "she",
    "sir", "star", "station", "sunday", "that", "the", "they", "this", "thursday", "times",
    "today", "tomorrow", "tonight", "traffic", "tuesday", "union", "university", "we", "wednesday",
    "yesterday",
};

/* Arabic words without the article that often follow a title and are no names: prepositions,
 * particles, pronouns, time words and months the grammar markers do not cover, words of rank
 * (مسؤول أمريكي كبير), honorifics before a name (صاحب السمو) and adverbs written without their
 * tanween (قائلا، مرارا).  Also after و or ف (وهم، ونحن).  In strcmp order (of the bytes). */
static const char *const not_names_ar[] = {
    "\xd8\xa7\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84",    /* ابريل: أبريل folded, April */
    "\xd8\xa7\xd8\xab\xd9\x86\xd8\xa7\xd8\xa1",    /* اثناء: أثناء folded, during */
    "\xd8\xa7\xd8\xae\xd8\xb1",                    /* اخر: آخر folded, another */
    "\xd8\xa7\xd8\xba\xd8\xb3\xd8\xb7\xd8\xb3",    /* اغسطس: أغسطس folded, August */
    "\xd8\xa7\xd9\x82\xd9\x84",                    /* اقل: أقل folded, less */
    "\xd8\xa7\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1",/* اكتوبر: أكتوبر folded, October */
    "\xd8\xa7\xd9\x83\xd8\xab\xd8\xb1",            /* اكثر: أكثر folded, more */
    "\xd8\xa7\xd9\x84\xd9\x8a",                    /* الي: إلى folded */
    "\xd8\xa7\xd9\x85\xd8\xb3",                    /* امس: أمس folded */
    "\xd8\xa7\xd9\x86",                            /* ان: أن، إن folded */
    "\xd8\xa7\xd9\x86\xd8\xa7",                    /* انا: أنا folded, I */
    "\xd8\xa7\xd9\x88",                            /* او: أو folded */
    "\xd8\xa7\xd9\x88\xd9\x84",                    /* اول: أول folded, first */
    "\xd8\xa7\xd9\x8a\xd8\xb6\xd8\xa7",            /* ايضا: أيضا folded, also */
    "\xd8\xa8\xd8\xa7\xd8\xb1\xd8\xb2",            /* بارز: prominent */
    "\xd8\xa8\xd8\xb9\xd8\xaf",                    /* بعد */
    "\xd8\xa8\xd8\xb9\xd8\xb6",                    /* بعض: some */
    "\xd8\xa8\xd9\x8a\xd9\x86",                    /* بين */
    "\xd8\xaa\xd8\xad\xd8\xaa",                    /* تحت: under */
    "\xd8\xab\xd9\x85",                            /* ثم */
    "\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf",            /* جديد: new */
    "\xd8\xac\xd9\x85\xd9\x8a\xd8\xb9",            /* جميع: all */
    "\xd8\xad\xd8\xa7\xd9\x84\xd9\x8a",            /* حالي: current */
    "\xd8\xad\xd8\xa7\xd9\x84\xd9\x8a\xd8\xa7",    /* حاليا: now */
    "\xd8\xad\xd8\xaa\xd9\x8a",                    /* حتي: حتى folded, until */
    "\xd8\xad\xd9\x88\xd9\x84",                    /* حول */
    "\xd8\xad\xd9\x8a\xd9\x86\xd8\xb0\xd8\xa7\xd9\x83",/* حينذاك: then */
    "\xd8\xad\xd9\x8a\xd9\x86\xd9\x87\xd8\xa7",    /* حينها: then */
    "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84",            /* خلال */
    "\xd8\xaf\xd9\x8a\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1",/* ديسمبر: December */
    "\xd8\xb1\xd8\xaf\xd8\xa7",                    /* ردا: "in reply", without its tanween */
    "\xd8\xb1\xd9\x81\xd9\x8a\xd8\xb9",            /* رفيع: high-ranking */
    "\xd8\xb3\xd8\xa7\xd8\xa8\xd9\x82",            /* سابق: former */
    "\xd8\xb3\xd8\xa7\xd8\xa8\xd9\x82\xd8\xa7",    /* سابقا: formerly */
    "\xd8\xb3\xd8\xa8\xd8\xaa\xd9\x85\xd8\xa8\xd8\xb1",/* سبتمبر: September */
    "\xd8\xb3\xd9\x85\xd9\x88",                    /* سمو: highness */
    "\xd8\xb5\xd8\xa7\xd8\xad\xd8\xa8",            /* صاحب: holder (of the title) */
    "\xd8\xb5\xd8\xa8\xd8\xa7\xd8\xad",            /* صباح: morning */
    "\xd8\xb6\xd8\xaf",                            /* ضد */
    "\xd8\xb8\xd9\x87\xd8\xb1",                    /* ظهر: noon */
    "\xd8\xb9\xd8\xa7\xd9\x85",                    /* عام: year */
    "\xd8\xb9\xd8\xa8\xd8\xb1",                    /* عبر */
    "\xd8\xb9\xd8\xb5\xd8\xb1",                    /* عصر: afternoon */
    "\xd8\xb9\xd9\x82\xd8\xa8",                    /* عقب: after */
    "\xd8\xb9\xd9\x84\xd9\x8a",                    /* علي: على folded */
    "\xd8\xb9\xd9\x85\xd8\xa7",                    /* عما: about what */
    "\xd8\xb9\xd9\x86",                            /* عن */
    "\xd8\xb9\xd9\x86\xd8\xaf",                    /* عند */
    "\xd8\xba\xd8\xaf\xd8\xa7",                    /* غدا: tomorrow, without its tanween */
    "\xd8\xba\xd9\x8a\xd8\xb1",                    /* غير: not, other than */
    "\xd9\x81\xd8\xa8\xd8\xb1\xd8\xa7\xd9\x8a\xd8\xb1",/* فبراير: February */
    "\xd9\x81\xd8\xac\xd8\xb1",                    /* فجر: dawn */
    "\xd9\x81\xd9\x88\xd9\x82",                    /* فوق: above */
    "\xd9\x81\xd9\x8a",                            /* في */
    "\xd9\x82\xd8\xa7\xd8\xa1\xd9\x84\xd8\xa7",    /* قاءلا: قائلا folded, saying */
    "\xd9\x82\xd8\xa8\xd9\x84",                    /* قبل */
    "\xd9\x82\xd8\xaf",                            /* قد */
    "\xd9\x83\xd8\xa8\xd9\x8a\xd8\xb1",            /* كبير: senior */
    "\xd9\x83\xd9\x84",                            /* كل: all */
    "\xd9\x83\xd9\x85\xd8\xa7",                    /* كما */
    "\xd9\x84\xd8\xa7",                            /* لا */
    "\xd9\x84\xd8\xaf\xd9\x8a",                    /* لدي: لدى folded */
    "\xd9\x84\xd9\x85",                            /* لم */
    "\xd9\x84\xd9\x86",                            /* لن */
    "\xd9\x84\xd9\x8a\xd9\x84",                    /* ليل: night */
    "\xd9\x85\xd8\xa1\xd8\xae\xd8\xb1\xd8\xa7",    /* مءخرا: مؤخرا folded, lately */
    "\xd9\x85\xd8\xa7",                            /* ما */
    "\xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3",            /* مارس: March */
    "\xd9\x85\xd8\xa7\xd9\x8a\xd9\x88",            /* مايو: May */
    "\xd9\x85\xd8\xac\xd8\xaf\xd8\xaf\xd8\xa7",    /* مجددا: again */
    "\xd9\x85\xd8\xb1\xd8\xa7\xd8\xb1\xd8\xa7",    /* مرارا: repeatedly */
    "\xd9\x85\xd8\xb3\xd8\xa7\xd8\xa1",            /* مساء: evening */
    "\xd9\x85\xd8\xb9",                            /* مع */
    "\xd9\x85\xd8\xb9\xd8\xa7\xd9\x84\xd9\x8a",    /* معالي: excellency */
    "\xd9\x85\xd8\xb9\xd8\xb8\xd9\x85",            /* معظم: most */
    "\xd9\x85\xd9\x85\xd8\xa7",                    /* مما: of what */
    "\xd9\x85\xd9\x85\xd9\x86",                    /* ممن: of whom */
    "\xd9\x85\xd9\x86",                            /* من */
    "\xd9\x85\xd9\x86\xd8\xb0",                    /* منذ */
    "\xd9\x86\xd8\xad\xd9\x86",                    /* نحن: we */
    "\xd9\x86\xd8\xad\xd9\x88",                    /* نحو: towards */
    "\xd9\x86\xd9\x81\xd8\xb3",                    /* نفس: same */
    "\xd9\x86\xd9\x88\xd9\x81\xd9\x85\xd8\xa8\xd8\xb1",/* نوفمبر: November */
    "\xd9\x87\xd9\x85",                            /* هم: they */
    "\xd9\x87\xd9\x86",                            /* هن: they (f.) */
    "\xd9\x87\xd9\x88",                            /* هو */
    "\xd9\x87\xd9\x8a",                            /* هي */
    "\xd9\x8a\xd9\x86\xd8\xa7\xd9\x8a\xd8\xb1",    /* يناير: January */
    "\xd9\x8a\xd9\x88\xd9\x84\xd9\x8a\xd9\x88",    /* يوليو: July */
    "\xd9\x8a\xd9\x88\xd9\x85",                    /* يوم */
    "\xd9\x8a\xd9\x88\xd9\x86\xd9\x8a\xd9\x88",    /* يونيو: June */
};

/* Arabic titles of women, without the article and folded (ة as ه, ئ as ء): the only titles in ة
 * that name a person.  Any other title in ة names an institution (الحكومة, الوزارة, الشرطة), and
 * the word after it is no name (الحكومة اليمنية لوقف…).  In strcmp order (of the bytes). */
static const char *const women_titles_ar[] = {
    "\xd8\xa7\xd9\x85\xd9\x8a\xd8\xb1\xd9\x87",                 /* اميره */
    "\xd8\xa7\xd9\x85\xd9\x8a\xd9\x86\xd9\x87",                 /* امينه */
    "\xd8\xb1\xd8\xa1\xd9\x8a\xd8\xb3\xd9\x87",                 /* رءيسه */
    "\xd8\xb3\xd9\x81\xd9\x8a\xd8\xb1\xd9\x87",                 /* سفيره */
    "\xd9\x82\xd8\xa7\xd8\xa1\xd8\xaf\xd9\x87",                 /* قاءده */
    "\xd9\x85\xd8\xa8\xd8\xb9\xd9\x88\xd8\xab\xd9\x87",         /* مبعوثه */
    "\xd9\x85\xd8\xaa\xd8\xad\xd8\xaf\xd8\xab\xd9\x87",         /* متحدثه */
    "\xd9\x85\xd8\xaf\xd9\x8a\xd8\xb1\xd9\x87",                 /* مديره */
    "\xd9\x85\xd8\xb3\xd8\xaa\xd8\xb4\xd8\xa7\xd8\xb1\xd9\x87", /* مستشاره */
    "\xd9\x85\xd9\x84\xd9\x83\xd9\x87",                         /* ملكه */
    "\xd9\x85\xd9\x85\xd8\xab\xd9\x84\xd9\x87",                 /* ممثله */
    "\xd9\x85\xd9\x86\xd8\xaf\xd9\x88\xd8\xa8\xd9\x87",         /* مندوبه */
    "\xd9\x86\xd8\xa7\xd8\xa1\xd8\xa8\xd9\x87",                 /* ناءبه */
    "\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1\xd9\x87",                 /* وزيره */
};

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether w is in the list, which is kept in strcmp order (names.c's lists are). */
static int listed(const char *w, const char *const *list, size_t n)
{
    return bsearch(&w, list, n, sizeof *list, cmp_word) != NULL;
}

/* Whether token i lies in the tail of a verb pattern ("أجرت ... مشتركة"). */
static int in_tail(const mz_coder *c, uint32_t i)
{
    for (size_t k = 0; k < c->nm; k++)
        if (c->mv[k].kind == MZ_E_VERB && i >= c->mv[k].tail_b && i < c->mv[k].tail_e)
            return 1;
    return 0;
}

/* Beginnings of an Arabic word with the article, alone or after ب or ل (ال، بال، لل): a noun,
 * never a name.  After و، ف، ك they begin names too (والتر، فالستروم، كالين). */
static const char *const definite_starts_ar[] = {
    "\xd8\xa7\xd9\x84",         /* ال */
    "\xd8\xa8\xd8\xa7\xd9\x84", /* بال */
    "\xd9\x84\xd9\x84",         /* لل */
};

static int definite_ar(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof definite_starts_ar / sizeof definite_starts_ar[0]; k++) {
        size_t m = strlen(definite_starts_ar[k]);
        if (n >= m && memcmp(w, definite_starts_ar[k], m) == 0)
            return 1;
    }
    return 0;
}

/* Whether token i is an Arabic given name (markers.txt, "given"), written without the article
 * (الفيصل is a family name). */
static int given(const mz_coder *c, uint32_t i)
{
    return c->arabic && mz_marker_at(c, i) == MZ_M_GIVEN &&
           !definite_ar(mz_tok_fold(&c->toks, i), c->toks.v[i].fold_len);
}

/* Whether token i may be an Arabic family name written with the article (عادل الجبير, وليد
 * المعلم): a word name_word refuses for its article alone, taken only after a given name. */
static int family_name_ar(const mz_coder *c, uint32_t i)
{
    const mz_token *t = &c->toks.v[i];
    const char *w = mz_tok_fold(&c->toks, i);
    if ((c->tok_mention[i] >= 0 && mz_marker_at(c, i) != MZ_M_GIVEN) || !(t->flags & MZ_TOK_ARABIC) || t->fold_len < 8 ||
        memcmp(w, "\xd8\xa7\xd9\x84", 4) != 0 /* ال */ || in_tail(c, i))
        return 0;
    const char *last = w + t->fold_len - 2;
    return memcmp(last, "\xd9\x87", 2) != 0 /* ه: ة folded */;
}

static int name_word(const mz_coder *c, uint32_t i);

/* The end of an Arabic name at token b that begins with a given name and ends with a family
 * name with the article (عادل الجبير, محمد بن سلمان الفيصل is not one: بن is a mention), at
 * most max words; b when there is none. */
static uint32_t family_name_end(const mz_coder *c, uint32_t b, uint32_t e, size_t max)
{
    if (b >= e || !given(c, b))
        return b;
    for (uint32_t j = b + 1; j < e && j - b < max; j++) {
        if (family_name_ar(c, j))
            return j + 1;
        if (!name_word(c, j))
            break;
    }
    return b;
}

/* The end of the name of words name_word takes that may start at token b (before e, at most
 * max words), or b when none. */
static uint32_t plain_name_end(const mz_coder *c, uint32_t b, uint32_t e, size_t max)
{
    uint32_t ne = b;
    while (ne < e && ne - b < max && name_word(c, ne))
        ne++;
    return ne;
}

/* The end of the name that may start at token b: plain, or an Arabic name ending in a family
 * name with the article, the longer. */
static uint32_t name_end(const mz_coder *c, uint32_t b, uint32_t e, size_t max)
{
    uint32_t ne = plain_name_end(c, b, e, max), fe = family_name_end(c, b, e, max);
    return fe > ne ? fe : ne;
}

/* Whether Arabic token i is written with tanween fatha (ً, رداً, أيضاً): an accusative adverb
 * or object, never a name ("المتحدث مارك تونر رداً على سؤال": Toner, not رداً). */
static int tanween(const mz_coder *c, uint32_t i)
{
    const mz_token *t = &c->toks.v[i];
    for (uint32_t k = t->start; k + 1 < t->end; k++)
        if ((unsigned char)c->text[k] == 0xd9 && (unsigned char)c->text[k + 1] == 0x8b)
            return 1;
    return 0;
}

/* Whether folded Arabic word w[0..n) is a word of not_names_ar, alone or after و or ف. */
static int not_name_ar(const char *w, size_t n)
{
    const size_t count = sizeof not_names_ar / sizeof not_names_ar[0];
    if (listed(w, not_names_ar, count))
        return 1;
    char rest[32];
    if (n < 6 || n - 2 >= sizeof rest || (memcmp(w, "\xd9\x88", 2) != 0 && memcmp(w, "\xd9\x81", 2) != 0)) /* و، ف */
        return 0;
    memcpy(rest, w + 2, n - 2);
    rest[n - 2] = '\0';
    return listed(rest, not_names_ar, count);
}

/* Clitics a reading of a word may have lost and still be the word a name would be mistaken
 * for: a conjunction, a preposition or the article before it (والقوى، بتوفير).  ك and س read
 * off names too often (كيري as ك + يري), and a pronoun suffix too. */
enum { COMMON_CLITICS = MZ_CL_CONJ | MZ_CL_BI | MZ_CL_LI | MZ_CL_DEF };

/* Kinds of phrase whose words are common words, not names: verbs and their tails, agents,
 * adjectives, discards and markers (a given name's marker is recorded as a name's). */
enum { COMMON_KINDS = 1u << MZ_E_VERB | 1u << MZ_E_AGENT | 1u << MZ_E_ADJ | 1u << MZ_E_DISCARD | 1u << MZ_E_MARKER };

/* Whether Arabic token i is a common word the dictionaries know: some reading of it (alone or
 * after و، ف، ب، ل، ال) is a word of a verb, agent, adjective, discard or marker phrase, and none
 * is a word of an actor's name.  Such a word after a title is the sentence going on (الرئيس
 * ... هادي مواقع الحوثيين: positions; وفدا يضم وزراء: includes), not a name the dictionaries
 * lack; a word they know only in names (هادي، كيري) may be one. */
static int common_word(const mz_coder *c, uint32_t i)
{
    unsigned kinds = 0;
    for (uint32_t j = 0; j < c->kn[i]; j++) {
        const mz_kcand *k = &c->kc[c->kfirst[i] + j];
        if (k->clitic & ~COMMON_CLITICS)
            continue;
        kinds |= mz_engine_word_kinds(c->e, k->word);
    }
    return (kinds & COMMON_KINDS) && !(kinds & (1u << MZ_E_ACTOR));
}

/* Whether token i may be a word of a name the dictionaries do not know.  An Arabic word ending
 * in ة or ية is far more often a noun or an adjective (مشتركة، رسمية) than a name, one with
 * the article is a noun, one with tanween an adverb, and one the dictionaries know as a common
 * word (common_word) goes on with the sentence. */
static int name_word(const mz_coder *c, uint32_t i)
{
    const mz_token *t = &c->toks.v[i];
    const char *w = mz_tok_fold(&c->toks, i);
    if (given(c, i))
        return 1;
    if (c->tok_mention[i] >= 0 || !(t->flags & MZ_TOK_WORD) || t->fold_len < 2)
        return 0;
    if (!c->arabic)
        return (t->flags & MZ_TOK_INITCAP) && !(t->flags & MZ_TOK_ABBREV) && !in_tail(c, i) &&
               !listed(w, not_names_en, sizeof not_names_en / sizeof not_names_en[0]);
    const char *last = w + t->fold_len - 2; /* the last letter: two bytes in Arabic script */
    /* a letter alone (لـ written with tatweel, و apart) is a particle, never a name */
    return (t->flags & MZ_TOK_ARABIC) && t->fold_len >= 4 && !definite_ar(w, t->fold_len) &&
           memcmp(last, "\xd9\x87", 2) != 0 /* ه: ة folded */ && !in_tail(c, i) && !tanween(c, i) &&
           !not_name_ar(w, t->fold_len) && !common_word(c, i);
}

/* Whether folded word w[0..n) ends with the bytes of suffix. */
static int ends_with_bytes(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* Plural endings of Arabic titles, folded: a title in the plural names a group (مسؤولون،
 * المشرعين، القوات، السلطات), and the word after it is no one's name.  الأمين is singular. */
static const char *const plural_endings_ar[] = {"\xd9\x88\xd9\x86", "\xd9\x8a\xd9\x86", "\xd8\xa7\xd8\xaa"};

/* Whether the Arabic title at token i names one person: not a plural, and not a word in ة
 * unless a woman's title. */
static int person_title_ar(const mz_coder *c, uint32_t i)
{
    const char *w = mz_tok_fold(&c->toks, i);
    size_t n = c->toks.v[i].fold_len;
    for (size_t k = 0; k < sizeof plural_endings_ar / sizeof plural_endings_ar[0]; k++)
        if (ends_with_bytes(w, n, plural_endings_ar[k]) && !ends_with_bytes(w, n, "\xd8\xa7\xd9\x85\xd9\x8a\xd9\x86" /* امين */))
            return 0;
    if (n < 4 || !ends_with_bytes(w, n, "\xd9\x87")) /* ه: ة folded */
        return 1;
    char bare[64];
    size_t skip = memcmp(w, "\xd8\xa7\xd9\x84", 4) == 0 ? 4 : 0; /* ال */
    if (n - skip >= sizeof bare)
        return 0;
    memcpy(bare, w + skip, n - skip);
    bare[n - skip] = '\0';
    return listed(bare, women_titles_ar, sizeof women_titles_ar / sizeof women_titles_ar[0]);
}

/* Royal titles, without the article and folded: airports, hospitals and roads are named after
 * kings and princes (مطار الملك فهد الدولي), and the royals the news names are in the
 * dictionaries; a family name with the article is not learned after them.  In strcmp order. */
static const char *const royal_titles_ar[] = {
    "\xd8\xa7\xd9\x85\xd9\x8a\xd8\xb1",         /* امير */
    "\xd8\xb3\xd9\x84\xd8\xb7\xd8\xa7\xd9\x86", /* سلطان */
    "\xd9\x85\xd9\x84\xd9\x83",                 /* ملك */
};

/* Arabic agents, without the article and folded, that name a body and not one person: the
 * army, the regime, the coalition, parliament, the courts, the press, the banks.  The word after
 * them goes on with the sentence (الجيش الليبي يرد، البرلمان التونسي ليل الأحد); a name after
 * them is a person's of the body only from a given name (الديوان الملكي فهد ...).  Plurals in
 * ون، ين، ات and words in ة are told by their form (person_title_ar).  In strcmp order. */
static const char *const bodies_ar[] = {
    "\xd8\xa7\xd8\xa1\xd8\xaa\xd9\x84\xd8\xa7\xd9\x81",         /* اءتلاف: ائتلاف folded */
    "\xd8\xa7\xd8\xb9\xd9\x84\xd8\xa7\xd9\x85",                 /* اعلام: إعلام folded */
    "\xd8\xa8\xd8\xb1\xd9\x84\xd9\x85\xd8\xa7\xd9\x86",         /* برلمان */
    "\xd8\xa8\xd9\x86\xd9\x88\xd9\x83",                         /* بنوك */
    "\xd8\xaa\xd8\xad\xd8\xa7\xd9\x84\xd9\x81",                 /* تحالف */
    "\xd8\xac\xd9\x86\xd9\x88\xd8\xaf",                         /* جنود */
    "\xd8\xac\xd9\x8a\xd8\xb4",                                 /* جيش */
    "\xd8\xad\xd8\xb1\xd8\xb3",                                 /* حرس */
    "\xd8\xaf\xd9\x8a\xd9\x88\xd8\xa7\xd9\x86",                 /* ديوان */
    "\xd8\xb5\xd8\xad\xd9\x81",                                 /* صحف */
    "\xd8\xb7\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86",                 /* طيران */
    "\xd9\x82\xd8\xb6\xd8\xa7\xd8\xa1",                         /* قضاء */
    "\xd9\x83\xd9\x88\xd9\x86\xd8\xac\xd8\xb1\xd8\xb3",         /* كونجرس */
    "\xd9\x83\xd9\x88\xd9\x86\xd8\xba\xd8\xb1\xd8\xb3",         /* كونغرس */
    "\xd9\x85\xd8\xac\xd9\x84\xd8\xb3",                         /* مجلس */
    "\xd9\x85\xd8\xad\xd8\xa7\xd9\x83\xd9\x85",                 /* محاكم */
    "\xd9\x85\xd8\xb5\xd8\xa7\xd8\xb1\xd9\x81",                 /* مصارف */
    "\xd9\x86\xd8\xb8\xd8\xa7\xd9\x85",                         /* نظام */
    "\xd9\x86\xd9\x88\xd8\xa7\xd8\xa8",                         /* نواب */
};

/* Whether the title of actor a, its first agent's first word without the article, is in the
 * list (royal_titles_ar, bodies_ar). */
static int title_in(const mz_coder *c, const mz_actor *a, const char *const *list, size_t n)
{
    for (uint32_t i = a->b; i < a->e; i++) {
        int k = c->tok_mention[i];
        if (k < 0 || c->mv[k].kind != MZ_E_AGENT)
            continue;
        const char *w = mz_tok_fold(&c->toks, c->mv[k].b);
        if (strncmp(w, "\xd8\xa7\xd9\x84", 4) == 0) /* ال */
            w += 4;
        return listed(w, list, n);
    }
    return 0;
}

/* Whether the title of actor a is royal. */
static int royal(const mz_coder *c, const mz_actor *a)
{
    return title_in(c, a, royal_titles_ar, sizeof royal_titles_ar / sizeof royal_titles_ar[0]);
}

/* Whether the title of actor a names a body (bodies_ar). */
static int body(const mz_coder *c, const mz_actor *a)
{
    return title_in(c, a, bodies_ar, sizeof bodies_ar / sizeof bodies_ar[0]);
}

/* Whether an actor was built from a title: a role with a country (RUSGOV), not a person the
 * dictionaries list (their words are mentions of their own, never a name to learn).  In Arabic,
 * where no capital letter marks a name, the sentence must name the title's country itself, or
 * the name begin with a given name (checked by learn_sentence). */
static int titled(const mz_coder *c, const mz_actor *a)
{
    if (!a->code || strlen(a->code) <= strlen(a->country) || strncmp(a->code, "IGO", 3) == 0)
        return 0;
    /* "an attacker", "children" introduce no one in Arabic news: المهاجم is a football striker */
    size_t n = strlen(a->code);
    if (c->arabic && n >= 3 && (strcmp(a->code + n - 3, "UAF") == 0 || strcmp(a->code + n - 3, "CVL") == 0))
        return 0;
    for (uint32_t i = a->b; i < a->e; i++) {
        int k = c->tok_mention[i];
        if (k >= 0 && c->mv[k].kind == MZ_E_AGENT)
            return !c->arabic || person_title_ar(c, c->mv[k].b);
    }
    return 0;
}

static int learn(mz_coder *c, const mz_actor *title, uint32_t nb, uint32_t ne)
{
    if (mz_grow((void **)&c->learned, &c->learned_cap, c->nlearned + 1, sizeof *c->learned) < 0)
        return -1;
    uint32_t tb = title->b < nb ? title->b : nb, te = title->e > ne ? title->e : ne;
    const char *last = mz_tok_fold(&c->toks, ne - 1);
    mz_learned *l = &c->learned[c->nlearned];
    l->surname_len = (uint32_t)strlen(last);
    l->surname = mz_arena_strndup(&c->arena, last, l->surname_len);
    l->code = title->code;
    l->intro = mz_span_text(c, tb, te);
    l->name_b = nb;
    l->name_e = ne;
    if (!l->surname)
        return -1;
    c->nlearned++;
    mz_explain(c, "  learned \"%s\" as %s from \"%s\"", mz_span_text(c, nb, ne), l->code, l->intro);
    return 0;
}

/* Whether actor a ends in a person the dictionaries list (الرئيس اليمني عبد ربه منصور هادي):
 * the title has its name, and the word after it goes on with the sentence (مواقع الحوثيين). */
static int ends_in_person(const mz_coder *c, const mz_actor *a)
{
    int k = a->e > a->b ? c->tok_mention[a->e - 1] : -1;
    return k >= 0 && c->mv[k].kind == MZ_E_ACTOR && (c->mv[k].flags & MZ_MENTION_PERSON);
}

/* The end of the name after title actor a (before e, at most max words), or a->e.  In Arabic a
 * title of the document's country or of a body takes only a given name with a family name in
 * ال, and a royal title no family name in ال (airports are named after kings). */
static uint32_t title_name_end(const mz_coder *c, const mz_actor *a, uint32_t e, size_t max)
{
    if (ends_in_person(c, a))
        return a->e;
    if (!c->arabic)
        return name_end(c, a->e, e, max);
    if (royal(c, a))
        return a->home ? a->e : plain_name_end(c, a->e, e, max);
    return a->home || body(c, a) ? family_name_end(c, a->e, e, max) : name_end(c, a->e, e, max);
}

/* Arabic family names (folded) that are common words too, never learned from a full name: an
 * adjective (نبيل العربي: العربي, Arab), an ordinal (عبدالله الثاني), a noun (خليفة, جودة), or
 * the second word of a given name written apart (عبد العزيز, عبد الله); ة as ه. */
static const char *const common_surnames_ar[] = {
    "الاول", "الثالث", "الثاني", "الرحمن", "العربي", "العزيز", "الله", "جوده", "خليفه", "علوي", "غني",
};

static int common_surname(const mz_coder *c, uint32_t i)
{
    for (size_t k = 0; k < sizeof common_surnames_ar / sizeof common_surnames_ar[0]; k++)
        if (mz_tok_is(c, i, common_surnames_ar[k]))
            return 1;
    return 0;
}

/* Whether mention m is an Arabic person the dictionaries list, named in full from a given name
 * (وليد المعلم, عادل الجبير) and ending in a family name: no given name itself, no common word. */
static int listed_person_ar(const mz_coder *c, const mz_mention *m)
{
    return c->arabic && m->kind == MZ_E_ACTOR && !(m->flags & MZ_MENTION_LEARNED) && m->e - m->b >= 2 &&
           mz_word_marker(c, m->b, MZ_M_GIVEN) && !mz_word_marker(c, m->e - 1, MZ_M_GIVEN) && c->toks.v[m->e - 1].fold_len >= 6 &&
           !common_surname(c, m->e - 1);
}

/* The family names of the listed people the current sentence names in full: later in the
 * document the family name alone names the person ("وقال المعلم"), as a titled name's does.
 * The dictionaries leave out family names that are common words (المعلم, the teacher) or
 * shared by many; after the full name, the document has said whom it means. */
static int learn_listed(mz_coder *c)
{
    for (size_t k = 0; k < c->nm; k++) {
        const mz_mention *m = &c->mv[k];
        if (!listed_person_ar(c, m))
            continue;
        for (size_t a = 0; a < c->na; a++)
            if (c->av[a].code && c->av[a].b <= m->b && c->av[a].e >= m->e) {
                if (learn(c, &c->av[a], m->b, m->e) < 0)
                    return -1;
                break;
            }
    }
    return 0;
}

/* The names the current sentence introduces (its actors are built). */
static int learn_sentence(mz_coder *c, uint32_t b, uint32_t e)
{
    size_t max = c->arabic ? NAME_WORDS_AR : NAME_WORDS_EN;
    if (learn_listed(c) < 0)
        return -1;
    for (size_t k = 0; k < c->na; k++) {
        const mz_actor *a = &c->av[k];
        if (!titled(c, a))
            continue;
        uint32_t ne = title_name_end(c, a, e, max);
        if (ne > a->e) { /* TITLE NAME */
            if (learn(c, a, a->e, ne) < 0)
                return -1;
            continue;
        }
        /* NAME, the TITLE (English apposition) */
        if (c->arabic || a->b < b + 2)
            continue;
        uint32_t comma = mz_tok_is(c, a->b - 1, "the") ? a->b - 2 : a->b - 1;
        if (comma <= b || !mz_tok_is(c, comma, ","))
            continue;
        uint32_t nb = comma;
        while (nb > b && comma - nb < max && name_word(c, nb - 1))
            nb--;
        if (nb < comma && learn(c, a, nb, comma) < 0)
            return -1;
    }
    return 0;
}

/* Whether token i, the surname of learned name l, follows a capitalised name word that is not the
 * one before the surname in l's introduction: another person of that family ("Usman Khan" is not
 * "Mayor of London Sadiq Khan").  English only: an Arabic name word has no capital to tell it. */
static int other_first_name(const mz_coder *c, const mz_learned *l, uint32_t i)
{
    if (c->arabic || i == 0 || i == l->name_e - 1 || !name_word(c, i - 1))
        return 0;
    if (l->name_e - l->name_b < 2)
        return 1;
    uint32_t before = l->name_e - 2;
    return c->toks.v[i - 1].fold_len != c->toks.v[before].fold_len ||
           memcmp(mz_tok_fold(&c->toks, i - 1), mz_tok_fold(&c->toks, before), c->toks.v[before].fold_len) != 0;
}

/* The learned name whose last word token i is, or -1; *conj tells that an Arabic و or ف was
 * read off the front ("وأمان": and Aman). */
static int recall(const mz_coder *c, uint32_t i, int *conj)
{
    const mz_token *t = &c->toks.v[i];
    const char *w = mz_tok_fold(&c->toks, i);
    *conj = 0;
    if (!(t->flags & MZ_TOK_WORD) || (!c->arabic && !(t->flags & MZ_TOK_INITCAP)))
        return -1;
    for (size_t k = 0; k < c->nlearned; k++) {
        const mz_learned *l = &c->learned[k];
        if (other_first_name(c, l, i))
            continue;
        if (t->fold_len == l->surname_len && memcmp(w, l->surname, l->surname_len) == 0)
            return (int)k;
        /* و and ف are two bytes each in UTF-8 */
        if (c->arabic && t->fold_len == l->surname_len + 2 &&
            (memcmp(w, "\xd9\x88", 2) == 0 || memcmp(w, "\xd9\x81", 2) == 0) &&
            memcmp(w + 2, l->surname, l->surname_len) == 0) {
            *conj = 1;
            return (int)k;
        }
    }
    return -1;
}

/* Whether mention m is a given-name marker. */
static int given_marker(const mz_mention *m)
{
    return m->kind == MZ_E_MARKER && m->value == MZ_M_GIVEN;
}

/* Adds the mentions of learned names to sentence s's mentions (kept in token order) in out,
 * and renumbers the sentence's tok_mention. */
static int merge_sentence(mz_coder *c, size_t s, mz_mention **out, size_t *n, size_t *cap)
{
    const mz_sentence *st = &c->sents.v[s];
    size_t first = *n, k = c->sent_m[s], end = c->sent_m[s + 1];
    for (uint32_t i = st->tok_begin; i < st->tok_end;) {
        mz_mention m;
        int conj = 0, l = -1;
        uint32_t next = i + 1;
        while (k < end && c->dmv[k].b < i) /* mentions that start inside a learned name */
            k++;
        /* a learned name that is also a given name (داود): the name */
        int given_name = k < end && c->dmv[k].b == i && given_marker(&c->dmv[k]) && recall(c, i, &conj) >= 0;
        k += given_name;
        if (k < end && c->dmv[k].b == i) {
            m = c->dmv[k++];
            next = m.e > i ? m.e : i + 1;
        } else if ((c->tok_mention[i] < 0 || given_name) && (l = recall(c, i, &conj)) >= 0) {
            const mz_learned *ln = &c->learned[l];
            int intro = i + 1 == ln->name_e && ln->name_b >= st->tok_begin && ln->name_e <= st->tok_end;
            m = (mz_mention){.kind = MZ_E_ACTOR, .flags = MZ_MENTION_LEARNED | (intro ? 0 : MZ_MENTION_RECALLED),
                             .b = intro ? ln->name_b : i, .e = i + 1, .value = (uint32_t)l,
                             .clitic = conj ? MZ_CL_CONJ : 0, .tail_b = i + 1, .tail_e = i + 1};
            if (intro) { /* the introduction's first words were taken as nothing else */
                while (*n > first && (*out)[*n - 1].b >= ln->name_b)
                    (*n)--;
            }
        } else {
            i = next;
            continue;
        }
        if (mz_grow((void **)out, cap, *n + 1, sizeof **out) < 0)
            return -1;
        (*out)[(*n)++] = m;
        i = next;
    }
    for (uint32_t i = st->tok_begin; i < st->tok_end; i++)
        c->tok_mention[i] = -1;
    for (size_t j = first; j < *n; j++)
        for (uint32_t i = (*out)[j].b; i < (*out)[j].e; i++)
            c->tok_mention[i] = (int32_t)(j - first);
    return 0;
}

/* Whether the current sentence [b, e) may introduce a name: it has an agent (a title needs one)
 * and a word that may be a name right after a mention, or an English comma before one (an
 * apposition).  A quick look, so that the actors of most sentences are not built twice. */
static int may_introduce(const mz_coder *c, uint32_t b, uint32_t e)
{
    int agent = 0, name = 0, listed = 0;
    for (size_t k = 0; k < c->nm; k++) {
        const mz_mention *m = &c->mv[k];
        agent |= m->kind == MZ_E_AGENT;
        listed |= listed_person_ar(c, m);
        if (m->kind != MZ_E_ACTOR && m->kind != MZ_E_ADJ && m->kind != MZ_E_AGENT)
            continue;
        name |= m->e < e && name_word(c, m->e);
        name |= !c->arabic && m->b >= b + 2 &&
                (mz_tok_is(c, m->b - 1, ",") || (mz_tok_is(c, m->b - 1, "the") && mz_tok_is(c, m->b - 2, ",")));
    }
    return (agent && name) || listed;
}

int mz_learn_names(mz_coder *c)
{
    c->nlearned = 0;
    for (size_t s = 0; s < c->sents.n; s++) {
        c->nm = c->sent_m[s + 1] - c->sent_m[s];
        if (!c->nm)
            continue;
        memcpy(c->mv, c->dmv + c->sent_m[s], c->nm * sizeof *c->mv);
        if (!may_introduce(c, c->sents.v[s].tok_begin, c->sents.v[s].tok_end))
            continue; /* most sentences: no actors are built twice for them */
        if (mz_build_actors(c) < 0 || learn_sentence(c, c->sents.v[s].tok_begin, c->sents.v[s].tok_end) < 0)
            return -1;
    }
    if (!c->nlearned)
        return 0;
    mz_mention *out = NULL;
    size_t n = 0, cap = 0;
    for (size_t s = 0; s < c->sents.n; s++) {
        size_t first = n;
        if (merge_sentence(c, s, &out, &n, &cap) < 0) {
            free(out);
            return -1;
        }
        c->sent_m[s] = (uint32_t)first;
    }
    c->sent_m[c->sents.n] = (uint32_t)n;
    free(c->dmv);
    c->dmv = out;
    c->ndm = n;
    c->dm_cap = cap;
    if (n > c->m_cap && mz_grow((void **)&c->mv, &c->m_cap, n, sizeof *c->mv) < 0)
        return -1;
    return 0;
}
