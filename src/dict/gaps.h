/*
 * gaps.h — what a corpus says often that the dictionaries do not know: the words and short phrases
 * that no dictionary phrase covers, counted and sorted into classes that are worth an entry.
 *
 * A token is *recognised* when a phrase of the engine's matcher covers it: the tokens are keyed as
 * the coder keys them (keys.h: English stems, Arabic clitic readings) and walked through the
 * trie from every token, longest phrase first, as mention.c does (without dates and verb tails,
 * which decide between entries, not whether a phrase is known).  The unrecognised ones are
 * sorted by shape and neighbourhood:
 *
 *   verb   English -ed / -ing forms, nominalisations in -tion / -sion / -ment, words after "to";
 *          Arabic words of a verb's shape (present ي.../ت..., past in -ت / -وا, forms IV, VII,
 *          VIII, X) or of a verbal noun's (masdar: إفعال، افتعال، انفعال، استفعال، تفعيل، تفاعل،
 *          مفاعلة، فعول, and their plurals in -ات)
 *   title  English: lower-case words before a known person or a capitalised name, after a
 *          country adjective or after a country's "'s"; Arabic: the words after a title (وزير،
 *          رئيس، مدير، قائد، محافظ ...) and the nouns before a country adjective (الطائرات السعودية)
 *   name   English capitalised sequences that do not start a sentence (Human Rights Watch);
 *          Arabic sequences after an organisation word (منظمة، حركة، حزب، جماعة، تنظيم، مجلس،
 *          هيئة، جمعية، جبهة، اتحاد، لجنة)
 *   known  (when asked) the phrases that are recognised, with what they are read as: actors,
 *          adjectives, agents and verbs, for checking precision rather than coverage
 *
 * Verbs are counted only in sentences that name an actor, an adjective of one or an agent, where
 * an event could be coded.  Words are counted under their matching form (an English stem, an
 * Arabic folded form without article or conjunction), shown as first met (an Arabic verb folded,
 * as the matcher sees it), with the first sentence that used them as an example.  Everything is
 * heuristic: the list is for a person choosing entries.
 */
#ifndef MZ_GAPS_H
#define MZ_GAPS_H

#include <stddef.h>

#include "engine.h"

typedef enum mz_gap_class {
    MZ_GAP_VERB = 0, MZ_GAP_TITLE, MZ_GAP_NAME,
    MZ_GAP_KNOWN, /* a recognised phrase with its reading, when asked (mz_gaps_count_known) */
    MZ_GAP_CLASSES
} mz_gap_class;

/* One unrecognised phrase.  The strings belong to the mz_gaps that listed it. */
typedef struct mz_gap {
    mz_gap_class cls;
    size_t count;
    const char *phrase;   /* as first met (an Arabic verb: folded) */
    const char *example;  /* part of the first sentence that used it, on one line */
} mz_gap;

typedef struct mz_gaps mz_gaps;

/* A new, empty count over a compiled engine, which must outlive it; NULL when out of memory.
 * Free with mz_gaps_free(). */
mz_gaps *mz_gaps_new(const mz_engine *e);
void mz_gaps_free(mz_gaps *g);

/* Also counts the phrases the dictionaries do recognise, each with its reading ("author (agent
 * GOV)", "الأسرة (verb 181)"): the most frequent show where a stem or a clitic reading makes an
 * actor or a verb of an ordinary word.  Off by default; set before adding documents. */
void mz_gaps_count_known(mz_gaps *g, int on);

/* Counts the gaps of one document: text[0..len), valid UTF-8 (as mz_reader gives it), in Arabic
 * when `arabic`.  Returns 0, or -1 when out of memory. */
int mz_gaps_add(mz_gaps *g, const char *text, size_t len, int arabic);

/* The phrases counted so far, by class, each class by count (most frequent first, then by
 * phrase); a phrase counted also under a longer one that nearly always follows it is left out
 * (حزب العدالة under حزب العدالة والتنمية).  *out points into g, valid until the next call to
 * mz_gaps_add, mz_gaps_list or mz_gaps_free; listing may be repeated as documents are added.
 * Returns the number, or (size_t)-1 when out of memory. */
size_t mz_gaps_list(mz_gaps *g, const mz_gap **out);

/* The name of a class: "verb", "title", "name", "known". */
const char *mz_gap_class_name(mz_gap_class cls);

#endif
