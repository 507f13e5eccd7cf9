/* Unit tests of the TABARI/PETRARCH reader (src/dict/petrarch.c): its line parsers (dates, code
 * blocks, the format and kind tests), each file kind loaded from small inline texts and coded,
 * the errors with file and line, and the warnings for what cannot apply. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dict/petrarch.h"
#include "mizan.h"

static mz_status load(mz_engine *e, mz_dict_kind k, const char *text, mz_error *err)
{
    return mz_engine_load_text(e, k, "p.txt", text, strlen(text), err);
}

/* An engine with the grammar markers and the given PETRARCH texts (NULL to leave one out). */
static mz_engine *engine(const char *actors, const char *agents, const char *verbs,
                         const char *discards)
{
    mz_engine *e = mz_engine_new();
    mz_error err = {0};
    assert_non_null(e);
    assert_int_equal(mz_engine_load_builtin_kind(e, MZ_DICT_MARKERS, &err), MZ_OK);
    const char *texts[] = {actors, agents, verbs, discards};
    const mz_dict_kind kinds[] = {MZ_DICT_ACTORS, MZ_DICT_AGENTS, MZ_DICT_VERBS, MZ_DICT_DISCARDS};
    for (int i = 0; i < 4; i++)
        if (texts[i] && load(e, kinds[i], texts[i], &err) != MZ_OK)
            fail_msg("%s:%ld: %s", err.file, err.line, err.message);
    assert_int_equal(mz_engine_compile(e, &err), MZ_OK);
    return e;
}

/* Codes one sentence; "SRC CODE TGT" of each event, separated by "; ", or "none". */
static const char *code(mz_engine *e, const char *text, const char *date, char *out, size_t cap)
{
    mz_coder *c = mz_coder_new(e, 0);
    mz_doc d = {.id = "t", .date = date, .lang = "en", .text = text, .len = strlen(text)};
    const mz_event *ev;
    size_t n;
    mz_error err = {0};
    assert_int_equal(mz_coder_code(c, &d, &ev, &n, &err), MZ_OK);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && o < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s%s %s %s", i ? "; " : "", ev[i].source,
                              ev[i].code, ev[i].target);
    if (!n)
        snprintf(out, cap, "none");
    mz_coder_free(c);
    return out;
}

/* The count of the warning whose reason contains `words`, 0 when absent. */
static size_t warned(const mz_engine *e, const char *words)
{
    const mz_warning *w;
    size_t n = mz_engine_warnings(e, &w);
    for (size_t i = 0; i < n; i++)
        if (strstr(w[i].reason, words))
            return w[i].count;
    return 0;
}

static void dates(void **state)
{
    (void)state;
    assert_int_equal(mz_petrarch_date("320101", 6), 19320101);
    assert_int_equal(mz_petrarch_date("070723", 6), 20070723);
    assert_int_equal(mz_petrarch_date("300101", 6), 20300101); /* 00-30 are 20YY */
    assert_int_equal(mz_petrarch_date("310101", 6), 19310101);
    assert_int_equal(mz_petrarch_date("20030320", 8), 20030320);
    assert_int_equal(mz_petrarch_date("000229", 6), 20000229);
    assert_int_equal(mz_petrarch_date("010229", 6), -1); /* 2001 is no leap year */
    assert_int_equal(mz_petrarch_date("9008223", 7), -1);
    assert_int_equal(mz_petrarch_date("991301", 6), -1);
    assert_int_equal(mz_petrarch_date("99010a", 6), -1);
    assert_int_equal(mz_petrarch_date("201005011", 9), -1);
}

static void code_blocks(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int rc;
        const char *code;
        int32_t from, to;
        int role, role_first;
        size_t used; /* bytes up to and including the closing bracket */
    } cases[] = {
        {"[AFG]", MZ_PCODE_OK, "AFG", 0, 0, 0, 0, 5},
        {"[AFGGOV 331108-730717] # x", MZ_PCODE_OK, "AFGGOV", 19331108, 19730717, 0, 0, 22},
        {"[IRQ <20030320]", MZ_PCODE_OK, "IRQ", 0, 20030319, 0, 0, 15},
        {"[KWT <900801]", MZ_PCODE_OK, "KWT", 0, 19900731, 0, 0, 13},
        {"[X <20000101]", MZ_PCODE_OK, "X", 0, 19991231, 0, 0, 13},
        {"[X <000301]", MZ_PCODE_OK, "X", 0, 20000229, 0, 0, 11},
        {"[X <20010301]", MZ_PCODE_OK, "X", 0, 20010228, 0, 0, 13},
        {"[USAGOV >010120][USA]", MZ_PCODE_OK, "USAGOV", 20010120, 0, 0, 0, 16},
        {"[IGOUNO  >070201]", MZ_PCODE_OK, "IGOUNO", 20070201, 0, 0, 0, 17},
        {"[KOR > 880225]", MZ_PCODE_OK, "KOR", 19880225, 0, 0, 0, 14},
        {"[~GOV]", MZ_PCODE_OK, "GOV", 0, 0, 1, 0, 6},
        {"[~GOVAGR]", MZ_PCODE_OK, "GOVAGR", 0, 0, 1, 0, 9},
        {"[IGO~]", MZ_PCODE_OK, "IGO", 0, 0, 1, 1, 6},
        {"[~ENV}", MZ_PCODE_BRACE, "ENV", 0, 0, 1, 0, 6},
        {"[AFG", MZ_PCODE_UNCLOSED, "", 0, 0, 0, 0, 0},
        {"[AFG [USA]", MZ_PCODE_UNCLOSED, "", 0, 0, 0, 0, 0},
        {"[s]", MZ_PCODE_BADCODE, "", 0, 0, 0, 0, 3},
        {"[---]", MZ_PCODE_BADCODE, "", 0, 0, 0, 0, 5},
        {"[]", MZ_PCODE_BADCODE, "", 0, 0, 0, 0, 2},
        {"[ARMUNR 9008223-911221]", MZ_PCODE_BADDATE, "ARMUNR", 0, 0, 0, 0, 23},
        {"[X 900101]", MZ_PCODE_BADDATE, "X", 0, 0, 0, 0, 10},
        {"[X 910101-900101]", MZ_PCODE_BADDATE, "X", 0, 0, 0, 0, 17},
        {"[X >]", MZ_PCODE_BADDATE, "X", 0, 0, 0, 0, 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mz_pcode c;
        const char *end = NULL;
        int rc = mz_petrarch_code(cases[i].text, &c, &end);
        assert_int_equal(rc, cases[i].rc);
        if (rc == MZ_PCODE_UNCLOSED)
            continue;
        assert_int_equal((size_t)(end - cases[i].text), cases[i].used);
        if (rc == MZ_PCODE_BADCODE)
            continue;
        assert_string_equal(c.code, cases[i].code);
        if (rc == MZ_PCODE_BADDATE)
            continue;
        assert_int_equal(c.from, cases[i].from);
        assert_int_equal(c.to, cases[i].to);
        assert_int_equal(c.role, cases[i].role);
        assert_int_equal(c.role_first, cases[i].role_first);
    }
}

static void format_and_kind(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int petrarch;
        mz_dict_kind kind; /* when PETRARCH */
    } cases[] = {
        {"RUS : Russia\n", 0, 0},
        {"# comment\n\nUSAGOV 2017-01-20..2021-01-20 : Trump\n", 0, 0},
        {"rus : Russia\n", 0, 0},        /* mizan's, with an invalid code: mizan reports it */
        {"RUS bogus : Russia\n", 0, 0},  /* idem, unknown flag */
        {"", 0, 0},
        {"# only comments\n", 0, 0},
        {"AFGHANISTAN_  [AFG]\n+AFGHAN_\n", 1, MZ_DICT_ACTORS},
        {"# c\nMOHAMMAD_ZAHIR_SHAH_\n\t[AFGELI 320101-331108]\n", 1, MZ_DICT_ACTORS},
        {"A:_B_ [X]\n", 1, MZ_DICT_ACTORS},
        {"!PERSON! = MAN, MEN\nFARMER [~AGR]\n", 1, MZ_DICT_AGENTS},
        {"TRUCE_MONITOR [IGO~]\n", 1, MZ_DICT_AGENTS},
        {"&CURRENCY\n+DOLLAR\n", 1, MZ_DICT_VERBS},
        {"---  ASK   [---]  ---\nASK [020]\n- * HELP [020]\n", 1, MZ_DICT_VERBS},
        {"MONTHS LATER\n+ World Golf Championships   # pas\n1914\n", 1, MZ_DICT_DISCARDS},
        {"- * (TO) [042:043]\n", 1, MZ_DICT_ACTORS}, /* verbs are told by a header or a synset */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i].text);
        assert_int_equal(mz_petrarch_detect(cases[i].text, n), cases[i].petrarch);
        if (cases[i].petrarch)
            assert_int_equal(mz_petrarch_kind("x.txt", cases[i].text, n), cases[i].kind);
    }
}

static void kind_from_name(void **state)
{
    (void)state;
    const char *t = "FOO_ [X]\n";
    size_t n = strlen(t);
    assert_int_equal(mz_petrarch_kind("dir/Phoenix.Countries.actors.txt", t, n), MZ_DICT_ACTORS);
    assert_int_equal(mz_petrarch_kind("Phoenix.discards.txt", t, n), MZ_DICT_DISCARDS);
    assert_int_equal(mz_petrarch_kind("my_agents.txt", t, n), MZ_DICT_AGENTS);
    assert_int_equal(mz_petrarch_kind("verbs-2024", t, n), MZ_DICT_VERBS);
    assert_int_equal(mz_petrarch_kind("factors.txt", t, n), MZ_DICT_ACTORS); /* by content */
    assert_int_equal(mz_petrarch_kind("CAMEO.2.0.txt", "--- X [010] ---\n", 16), MZ_DICT_VERBS);
}

static const char *const actors =
    "# actors\n"
    "RUSSIA_  [RUS]\n"
    "+RUSSIAN_FEDERATION_\n"
    "+RUSSIAN_  # the demonym codes as the country, as in PETRARCH\n"
    "UKRAINE_ [UKR]\n"
    "NIGERIA_ [NGA]\n"
    "+NIGERIAN_\n"
    "US_ [USA]\n"
    "UNITED_STATES_ [USA]\n"
    "PETRO_POROSHENKO_  # dated codes on lines of their own\n"
    "\t[UKRELI 650926-140606]\n"
    "\t[UKRGOV 140607-190520]\n"
    "\t[UKRELI]\n"
    "SADDAM_HUSSEIN_\n"
    "\t[IRQGOV <20030410]\n"
    "\t[IRQ]\n"
    "IRAQ_ [IRQ]\n"
    "MANY_NAMES_ENTRY {OTHER_FORM_OF_IT}\t[ZZZ]\n"
    "NO_CODE_HERE\n"
    "BAD_DATE_ [ARMUNR 9008223-911221]\n"
    "PROVIDENCE_ [USA]\n";

static const char *const agents =
    "!PERSON! = MAN, MEN\n"
    "!MINIST! = MINISTER, MINISTRY\n"
    "POLICE!PERSON! [~COP]\n"
    "ARMY {ARMIES} [~MIL]\n"
    "!MINIST! OF_FOREIGN_AFFAIRS [~GOVFRN]\n"
    "PEACEKEEPER [IGO~]\n"
    "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"
    "ISLAMIC_EXTREMIST\n";

static const char *const verbs =
    "&WEAPON\n"
    "+ARTILLERY\n"
    "+ROCKET\n"
    "+CRUISE_MISSILE\n"
    "\n"
    "&CURRENCY\n"
    "+DOLLAR\n"
    "\n"
    "---  ATTACK   [190]  ---\n"
    "ATTACK\n"
    "SHELL {SHELLED SHELLING}\n"
    "- * (WITH &WEAPON)                  [195]   # ATTACK\n"
    "- * (IN RETALIATION)                [:190]  # reversed: skipped\n"
    "\n"
    "---  PROVIDE   [---]  ---\n"
    "PROVIDE\n"
    "+HAND_OVER {+HANDED_OVER}\n"
    "GIVE {GAVE GIVEN}\n"
    "- * &WEAPON                         [072]\n"
    "- * FINANCIAL AID                   [071]\n"
    "- * (TO/FOR REFUGEES)               [073]\n"
    "- * LOANS (TO +)                    [074]   # the target after TO\n"
    "- * GRANTS                          [0711]  # no such CAMEO code: coded as written\n"
    "- * &CURRENCY                       [071]\n"
    "- * AMMUNITION                      [072:071] # and 071 the other way\n"
    "\n"
    "---  TRIGGER   [---]  ---\n"
    "TRIGGER\n"
    "- * PROTESTS (FROM $)               [110]   # the source after FROM, as in Phoenix\n"
    "\n"
    "---  CALL   [---]  ---\n"
    "CALL\n"
    "- * OFF TALKS                       [---]\n"
    "- * (FOR CEASEFIRE)                 [0256]\n"
    "\n"
    "---  DEPLOY   [---]  ---\n"
    "DEPLOY\n"
    "- * TROOPS (TO BORDER)              [154]\n"
    "- $ * + TROOPS                      [154]   # words only after a slot: skipped\n"
    "\n"
    "---  ARREST   [173]  ---\n"
    "ARREST\n"
    "- POLICE *                          [173]   # the verb's own code: adds nothing\n"
    "- SOLDIERS *                        [1724]\n"
    "\n"
    "######## TRANSFORMATIONS ########\n"
    "~ a (a b ATTACK) SAY = a b 015\n";

static const char *const discards =
    "MANCHESTER UNITED\n"
    "+WORLD CUP   # story-level\n"
    "FOOTBALL_MATCH\n";

static void actors_dates_and_synonyms(void **state)
{
    (void)state;
    mz_engine *e = engine(actors, NULL, "--- ATTACK [190] ---\nATTACK\nVISIT [042]\n", NULL);
    char out[256];
    assert_string_equal(code(e, "Russia attacked Ukraine.", NULL, out, sizeof out), "RUS 190 UKR");
    assert_string_equal(code(e, "The Russian Federation attacked Ukraine.", NULL, out, sizeof out),
                        "RUS 190 UKR");
    assert_string_equal(code(e, "Petro Poroshenko visited Nigeria.", "2015-01-01", out, sizeof out),
                        "UKRGOV 042 NGA");
    assert_string_equal(code(e, "Petro Poroshenko visited Nigeria.", "2010-01-01", out, sizeof out),
                        "UKRELI 042 NGA");
    assert_string_equal(code(e, "Petro Poroshenko visited Nigeria.", "2020-01-01", out, sizeof out),
                        "UKRELI 042 NGA");
    /* [IRQGOV <20030410] holds until the day before */
    assert_string_equal(code(e, "Saddam Hussein visited Nigeria.", "2003-04-09", out, sizeof out),
                        "IRQGOV 042 NGA");
    assert_string_equal(code(e, "Saddam Hussein visited Nigeria.", "2003-04-10", out, sizeof out),
                        "IRQ 042 NGA");
    /* a one-word name of two letters keeps its capitals: "us" is no country */
    assert_string_equal(code(e, "The US attacked Iraq.", NULL, out, sizeof out), "USA 190 IRQ");
    assert_string_equal(code(e, "Russia attacked us.", NULL, out, sizeof out), "none");
    assert_string_equal(code(e, "Other form of it attacked Iraq.", NULL, out, sizeof out),
                        "ZZZ 190 IRQ");
    assert_int_equal(mz_engine_count(e, MZ_DICT_ACTORS, 'e'), 16); /* names x codes */
    assert_int_equal(mz_engine_count_actors(e, MZ_ACTOR_PERSON, 'e'), 3);
    assert_int_equal(warned(e, "without a code"), 1);
    assert_int_equal(warned(e, "malformed date"), 1);
    assert_int_equal(warned(e, "stemming merges"), 1); /* PROVIDENCE would match "provide" */
    mz_engine_free(e);
}

static void agents_roles_and_sets(void **state)
{
    (void)state;
    mz_engine *e = engine(actors, agents, "--- ATTACK [190] ---\nATTACK\n", NULL);
    char out[256];
    assert_string_equal(code(e, "Russian policemen attacked Ukraine.", NULL, out, sizeof out),
                        "RUSCOP 190 UKR");
    assert_string_equal(code(e, "The Russian armies attacked Ukraine.", NULL, out, sizeof out),
                        "RUSMIL 190 UKR");
    assert_string_equal(code(e, "Russia's ministry of foreign affairs attacked Ukraine.", NULL,
                             out, sizeof out),
                        "RUSGOVFRN 190 UKR");
    assert_string_equal(code(e, "Nigerian peacekeepers attacked Ukraine.", NULL, out, sizeof out),
                        "IGONGA 190 UKR");
    assert_int_equal(mz_engine_count(e, MZ_DICT_AGENTS, 'e'), 8); /* sets and plurals expanded */
    assert_int_equal(warned(e, "instead of ']'"), 1);
    assert_int_equal(warned(e, "without a code"), 2); /* one actor, one agent */
    mz_engine_free(e);
}

static void verb_patterns(void **state)
{
    (void)state;
    mz_engine *e = engine(actors, NULL, verbs, discards);
    char out[256];
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"Russia attacked Ukraine.", "RUS 190 UKR"},
        {"Russia shelled Ukraine.", "RUS 190 UKR"},
        {"Russia attacked Ukraine with artillery.", "RUS 195 UKR"},
        {"Russia attacked Ukraine with cruise missiles.", "RUS 195 UKR"},
        {"Russia gave Ukraine rockets.", "RUS 072 UKR"},
        {"Russia provided Ukraine with financial aid.", "RUS 071 UKR"},
        {"Russia handed over rockets to Ukraine.", "RUS 072 UKR"},
        {"Russia gave dollars to Ukraine.", "RUS 071 UKR"},
        {"Russia gave ammunition to Ukraine.", "RUS 072 UKR; UKR 071 RUS"},
        {"Russia provided Ukraine with help for refugees.", "RUS 073 UKR"},
        {"Russia gave loans to Ukraine.", "RUS 074 UKR"},
        {"Russia gave grants to Ukraine.", "RUS 0711 UKR"},
        {"Russia triggered protests from Ukraine.", "UKR 110 RUS"},
        {"Russia provided Ukraine.", "none"},              /* PROVIDE has no code of its own */
        {"Russia called Ukraine off talks.", "none"},      /* [---] skipped, no family code */
        {"Russia called on Ukraine for a ceasefire.", "none"}, /* "for ceasefire" not adjacent */
        {"Russia called Ukraine for ceasefire.", "RUS 0256 UKR"},
        {"Russia deployed troops to the border of Ukraine.", "RUS 154 UKR"}, /* optional "the" */
        {"Russia deployed troops to border of Ukraine.", "RUS 154 UKR"},
        {"Russian police arrested Ukraine.", "RUS 173 UKR"},
        {"Russia soldiers arrested Ukraine.", "RUS 1724 UKR"},
        {"Manchester United attacked Ukraine.", "none"},
        {"The World Cup: Russia attacked Ukraine.", "none"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        code(e, cases[i].text, NULL, out, sizeof out);
        if (strcmp(out, cases[i].want) != 0)
            fail_msg("%s: got '%s', want '%s'", cases[i].text, out, cases[i].want);
    }
    assert_int_equal(warned(e, "other direction [:B]"), 1);
    assert_int_equal(warned(e, "no code [---]"), 1);
    assert_int_equal(warned(e, "all follow an actor position"), 1);
    assert_int_equal(warned(e, "transformation"), 1);
    assert_int_equal(warned(e, "not in the CAMEO table"), 1);
    assert_int_equal(warned(e, "story-level"), 1);
    assert_true(mz_engine_count_root(e, 19, 'e') > 0);
    assert_true(mz_engine_count_root(e, 7, 'e') > 0);
    assert_int_equal(mz_engine_count_root(e, 7, 'a'), 0);
    mz_engine_free(e);
}

/* The constructs of PETRARCH's validation dictionaries, on fictional countries as there. */
static const char *const realms =
    "ARNOR_ [ARN]\n"
    "GONDOR_ [GON]\n"
    "OSGILIATH_ [OSG]\n"
    "SAM_GAMGEE_ [HOB]   # the undated default first: the dated codes still win\n"
    "\t[HOBCIV <20080120]\n"
    "\t[HOBGOV 20100101 - 20101231]\n";

static const char *const realm_verbs =
    "&NEGAUX\n"
    "+DID N'T   # a TreeBank contraction, as PETRARCH's parse writes didn't\n"
    "+WO N'T\n"
    "+REALLY DID NOT\n"
    "\n"
    "&TIES\n"
    "+MILITARY\n"
    "+ECONOMIC\n"
    "\n"
    "&NEAR\n"
    "+&TIES   # a set inside a set\n"
    "+CLOSER\n"
    "\n"
    "--- CLASH [223] ---\n"
    "CLASH\n"
    "- &NEGAUX * [904]\n"
    "- &NEGAUX EVER * [905]\n"
    "- MOST_CERTAINLY_&NEGAUX_EVER * [907]\n"
    "- * OVER EFFORTS [121]\n"
    "- * OVER_PLANS [122]\n"
    "\n"
    "--- ABANDON [345] ---\n"
    "ABANDON\n"
    "- * NEW_&TIES_RELATIONS [903]\n"
    "\n"
    "--- SEEK [---] ---\n"
    "SEEK {SOUGHT}\n"
    "- * &NEAR TIES [057]\n"
    "\n"
    "--- CRITICIZE [121] ---\n"
    "CRITICIZE\n"
    "- HEAVILY *   [122]\n"
    "- HEAVILY UNJUSTLY * [123]   # longer patterns first, wherever written\n"
    "- IN_PUBLIC_* [124]\n"
    "\n"
    "--- AGREE [081] ---\n"
    "AGREE\n"
    "- % * [030:030]\n"
    "\n"
    "--- DELAY [---] ---\n"
    "DELAY\n"
    "- % HAVE * [191]\n"
    "\n"
    "--- VISIT [042] ---\n"
    "VISIT\n"
    "BRIEF [025]\n"
    "\n"
    "--- FREE [066] ---\n"
    "FREE   # no {forms}: FREES, FREED, FREING made as PETRARCH makes them\n"
    "- + * FROM $ [066]\n"
    "\n"
    "--- CELEBRATE [---] ---\n"
    "CELEBRATE\n"
    "- * EID AT ^ WITH + [043]\n"
    "- + HOSTING * MAY_DAY $ [046]\n"
    "- + HOSTING * TABASKI ^ $ [042]\n"
    "\n"
    "--- SHOOT [190] ---\n"
    "SHOOT {SHOT}\n"
    "- + WAS * DEAD IN $ [224]\n"
    "\n"
    "--- CALL [---] ---\n"
    "CALL\n"
    "- * FOR [096]\n"
    "\n"
    "--- BOYCOTT [191] ---\n"
    "BOYCOTT\n"
    "\n"
    "--- CONDEMN [122] ---\n"
    "CONDEMN\n"
    "\n"
    "--- PROMISE [050] ---\n"
    "PROMISE\n"
    "\n"
    "--- BLAST [+++] ---   # '#' and '+' inside a code are no comment\n"
    "BLAST\n"
    "- * FOO [###]\n";

static void realm_cases(mz_engine *e, const char *const (*cases)[3], size_t n)
{
    char out[256];
    for (size_t i = 0; i < n; i++) {
        code(e, cases[i][0], cases[i][1], out, sizeof out);
        if (strcmp(out, cases[i][2]) != 0)
            fail_msg("%s: got '%s', want '%s'", cases[i][0], out, cases[i][2]);
    }
}

static void synonym_sets_and_contractions(void **state)
{
    (void)state;
    mz_engine *e = engine(realms, NULL, realm_verbs, NULL);
    static const char *const cases[][3] = {
        {"Arnor didn't clash with Gondor.", NULL, "ARN 904 GON"},
        {"Arnor won't ever clash with Gondor.", NULL, "ARN 905 GON"},
        {"Arnor most certainly won't ever clash with Gondor.", NULL, "ARN 907 GON"},
        /* "really" breaks MOST_CERTAINLY_&NEGAUX_EVER, not &NEGAUX EVER */
        {"Arnor most certainly really won't ever clash with Gondor.", NULL, "ARN 905 GON"},
        {"Arnor really did not even ever clash with Gondor.", NULL, "ARN 905 GON"},
        {"Arnor clashed with Gondor.", NULL, "ARN 223 GON"},
        {"Arnor abandoned new economic relations with Gondor.", NULL, "ARN 903 GON"},
        {"Arnor abandoned new relations with Gondor.", NULL, "ARN 345 GON"},
        {"Arnor abandoned new and economic relations with Gondor.", NULL, "ARN 345 GON"},
        {"Arnor sought closer ties with Gondor.", NULL, "ARN 057 GON"},
        {"Arnor sought military ties with Gondor.", NULL, "ARN 057 GON"},
        {"Arnor sought ties with Gondor.", NULL, "none"},
    };
    realm_cases(e, cases, sizeof cases / sizeof cases[0]);
    assert_int_equal(warned(e, "undefined synonym set"), 0);
    assert_true(warned(e, "malformed code") >= 2); /* [+++] and [###], read to their ']' */
    mz_engine_free(e);
}

static void words_around_the_verb(void **state)
{
    (void)state;
    mz_engine *e = engine(realms, NULL, realm_verbs, NULL);
    static const char *const cases[][3] = {
        /* tail words written apart may have words between them, joined ones may not */
        {"Arnor clashed over the efforts of Gondor.", NULL, "ARN 121 GON"},
        {"Arnor clashed over the plans of Gondor.", NULL, "ARN 223 GON"},
        {"Arnor clashed over plans of Gondor.", NULL, "ARN 122 GON"},
        /* so may words before the verb, and the longest pattern that matches wins */
        {"Arnor heavily criticized Gondor.", NULL, "ARN 122 GON"},
        {"Arnor heavily and unjustly criticized Gondor.", NULL, "ARN 123 GON"},
        {"Arnor criticized Gondor.", NULL, "ARN 121 GON"},
        {"Arnor in public criticized Gondor.", NULL, "ARN 124 GON"},
        {"Arnor in public often criticized Gondor.", NULL, "ARN 121 GON"},
        /* PETRARCH reads the passive only with "by" */
        {"Arnor was criticized over its dispute with Gondor.", NULL, "ARN 121 GON"},
        {"Arnor was criticized by Gondor.", NULL, "GON 121 ARN"},
        /* '%' stands for a compound subject, coded between its members both ways */
        {"Arnor and Gondor agree that the dispute is over.", NULL, "ARN 030 GON; GON 030 ARN"},
        {"Arnor and Gondor have delayed the talks.", NULL, "ARN 191 GON; GON 191 ARN"},
        {"Arnor agreed with Gondor.", NULL, "ARN 081 GON"},
        {"Arnor has delayed the talks with Gondor.", NULL, "none"},
        /* PETRARCH codes verbs: BRIEF and VISIT after "a" are nouns */
        {"Arnor paid a brief private visit to Gondor.", NULL, "none"},
        {"Arnor visited Gondor.", NULL, "ARN 042 GON"},
        /* + before the verb and $ after it: the target first */
        {"Arnor was freed from Gondor.", NULL, "GON 066 ARN"},
        {"Arnor freed Gondor.", NULL, "ARN 066 GON"},
        /* the words around a skipped actor (^) stay in the tail, the actor after it is the target */
        {"Arnor celebrated Eid at Osgiliath with Gondor.", NULL, "ARN 043 GON"},
        {"Arnor celebrated Eid at Osgiliath.", NULL, "none"},
        /* the actor right after the tail, a place too, is the pattern's $ or + ... */
        {"Arnor was shot dead in Gondor.", NULL, "GON 224 ARN"},
        /* ... after the actors it skips; + before the words before the verb */
        {"Arnor is hosting Osgiliath to celebrate May Day with Gondor.", NULL, "GON 046 ARN"},
        {"Arnor is hosting Osgiliath to celebrate Tabaski with Gondor at Sam Gamgee.", NULL,
         "HOB 042 ARN"},
        /* a PETRARCH verb read as a noun does not end the reach of the verb before it */
        {"Arnor called for a boycott against Gondor.", NULL, "ARN 096 GON"},
        /* an active verb's object may name its actor with "by" */
        {"Arnor condemned an attack by Osgiliath in Gondor.", NULL, "ARN 122 OSG"},
        /* a verb right after "and" has the subject of the one before */
        {"Arnor condemned Osgiliath and promised aid to Gondor.", NULL,
         "ARN 122 OSG; ARN 050 GON"},
        /* a verb before the '-' of "anti-": the sentence's subject, no dateline */
        {"Arnor abandoned an anti- Gondor plan.", NULL, "ARN 345 GON"},
    };
    realm_cases(e, cases, sizeof cases / sizeof cases[0]);
    mz_engine_free(e);
}

static void dated_codes_before_the_default(void **state)
{
    (void)state;
    mz_engine *e = engine(realms, NULL, realm_verbs, NULL);
    static const char *const cases[][3] = {
        {"Sam Gamgee visited Gondor.", "2007-06-01", "HOBCIV 042 GON"},
        {"Sam Gamgee visited Gondor.", "2009-06-01", "HOB 042 GON"},
        {"Sam Gamgee visited Gondor.", "2010-06-01", "HOBGOV 042 GON"},
        {"Sam Gamgee visited Gondor.", "2011-06-01", "HOB 042 GON"},
    };
    realm_cases(e, cases, sizeof cases / sizeof cases[0]);
    mz_engine_free(e);
}

static void comment_blocks_and_markup(void **state)
{
    (void)state;
    mz_engine *e = engine("RUSSIA_ [RUS]\n<!-- a block\nNOT_AN_ACTOR [XXX]\n-->\n<ISSUE>\n"
                          "UKRAINE_ [UKR] ; a TABARI comment\n",
                          NULL, "--- ATTACK [190] ---\nATTACK\n", NULL);
    char out[256];
    assert_string_equal(code(e, "Not an actor attacked Ukraine.", NULL, out, sizeof out), "none");
    assert_string_equal(code(e, "Russia attacked Ukraine.", NULL, out, sizeof out), "RUS 190 UKR");
    assert_int_equal(mz_engine_count(e, MZ_DICT_ACTORS, 0), 2);
    assert_int_equal(warned(e, "markup"), 2);
    mz_engine_free(e);
}

static void expansion_is_capped(void **state)
{
    (void)state;
    /* 20 x 20 members: more than the cap of tails per pattern */
    char text[4096];
    size_t o = 0;
    o += (size_t)snprintf(text + o, sizeof text - o, "&A\n");
    for (int i = 0; i < 20; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "+ALPHA%c\n", 'A' + i);
    o += (size_t)snprintf(text + o, sizeof text - o, "&B\n");
    for (int i = 0; i < 20; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "+BETA%c\n", 'A' + i);
    snprintf(text + o, sizeof text - o, "--- SEND [---] ---\nSEND\n- * &A &B [072]\n");
    mz_engine *e = engine(NULL, NULL, text, NULL);
    size_t kept = mz_engine_count(e, MZ_DICT_VERBS, 'e');
    assert_true(kept > 0 && kept < 400);
    assert_int_equal(warned(e, "beyond the cap") + kept, 400);
    mz_engine_free(e);
}

/* Inputs written to explode (a family of 300 verbs and 200 synset patterns, an agent name with
 * four sets of 1,000 members) load quickly within the caps. */
static void expansions_are_bounded(void **state)
{
    (void)state;
    static char text[65536];
    size_t o = (size_t)snprintf(text, sizeof text, "&A\n");
    for (int i = 0; i < 64; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "+W%d\n", i);
    o += (size_t)snprintf(text + o, sizeof text - o, "--- F [010] ---\n");
    for (int i = 0; i < 300; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "V%d\n", i);
    for (int i = 0; i < 200; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "- * &A X%d [010]\n", i);
    mz_engine *e = engine(NULL, NULL, text, NULL);
    assert_true(mz_engine_count(e, MZ_DICT_VERBS, 0) <= 50000 + 300);
    assert_true(warned(e, "beyond 50,000") > 0);
    mz_engine_free(e);

    o = (size_t)snprintf(text, sizeof text, "!A! = ");
    for (int i = 0; i < 1000; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "%sM%d", i ? ", " : "", i);
    snprintf(text + o, sizeof text - o, "\n!A!!A!!A!!A! [~GOV]\n");
    e = engine(NULL, text, NULL, NULL);
    assert_int_equal(mz_engine_count(e, MZ_DICT_AGENTS, 0), 256);
    assert_true(warned(e, "beyond 256") > 0);
    mz_engine_free(e);
}

static void malformed_lines_report_file_and_line(void **state)
{
    (void)state;
    static const struct {
        mz_dict_kind kind;
        const char *text;
        long line;
        const char *words;
    } cases[] = {
        {MZ_DICT_ACTORS, "# c\n+RUSSIA_\n", 2, "synonym"},
        {MZ_DICT_ACTORS, "# c\n\t[RUS]\n", 2, "no actor name"},
        {MZ_DICT_ACTORS, "RUSSIA_ [RUS]\nUKRAINE_ [UKR\n", 2, "'[' without ']'"},
        {MZ_DICT_ACTORS, "RUSSIA_ {RUSSIE [RUS]\n", 1, "'{' without '}'"},
        {MZ_DICT_AGENTS, "FARMER [~AGR\n", 1, "'[' without ']'"},
        {MZ_DICT_AGENTS, "FARMER [~AGR]\n!MINIST! OF_DEFENCE [~GOV]\n", 2, "undefined substitution"},
        {MZ_DICT_AGENTS, "!PERSON = MAN, MEN\n", 1, "substitution set"},
        {MZ_DICT_VERBS, "&A\n+X\n- * FOO [190]\n", 3, "outside a verb family"},
        {MZ_DICT_VERBS, "ATTACK\n", 1, "outside a verb family"},
        {MZ_DICT_VERBS, "--- ATTACK [190] ---\nATTACK\n- FOO [190]\n", 3, "without '*'"},
        {MZ_DICT_VERBS, "--- ATTACK [190] ---\nATTACK\n- * FOO * [190]\n", 3, "more than one '*'"},
        {MZ_DICT_VERBS, "--- ATTACK [190] ---\nATTACK\n\n- * FOO\n", 4, "without a [code]"},
        {MZ_DICT_VERBS, "--- ATTACK [190] ---\nSHELL {SHELLED\n", 2, "'{' without '}'"},
        {MZ_DICT_MARKERS, "FOO_ [X]\n", 0, "actors, agents, verbs or discards"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mz_engine *e = mz_engine_new();
        mz_error err = {0};
        if (load(e, cases[i].kind, cases[i].text, &err) == MZ_OK)
            fail_msg("case %zu loaded", i);
        assert_string_equal(err.file, "p.txt");
        if (err.line != cases[i].line || !strstr(err.message, cases[i].words))
            fail_msg("case %zu: %ld: %s", i, err.line, err.message);
        mz_engine_free(e);
    }
}

static void odd_input_does_not_crash(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "[", "+", "&", "---", "- *", "!", "{", "}", "]", "~", "<ISSUE>", "_", "__ [X]",
        "A [~]", "A [~~]", "A [X~Y]", "--- [", "--- X [999] ---\nX\n- * [999]\n",
        "&A\n+\n--- X [010] ---\nX\n- * &A [010]\n- * (((( [010]\n- * )))) [010]\n",
        "--- X [010] ---\nX {}\n+ {+}\n- % * $ [010]\n- * / [010]\n- * A/ /B [010]\n",
        "A_B_C_D_E_F_G_H_I_J_K_L_M_N_O_P_Q_R_S [ABC]\n",
    };
    static const mz_dict_kind kinds[] = {MZ_DICT_ACTORS, MZ_DICT_AGENTS, MZ_DICT_VERBS,
                                         MZ_DICT_DISCARDS};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (size_t k = 0; k < 4; k++) {
            mz_engine *e = mz_engine_new();
            mz_error err = {0};
            mz_status st = load(e, kinds[k], texts[i], &err);
            if (st != MZ_OK)
                assert_true(err.message[0] != '\0');
            mz_engine_free(e);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates),
        cmocka_unit_test(code_blocks),
        cmocka_unit_test(format_and_kind),
        cmocka_unit_test(kind_from_name),
        cmocka_unit_test(actors_dates_and_synonyms),
        cmocka_unit_test(agents_roles_and_sets),
        cmocka_unit_test(verb_patterns),
        cmocka_unit_test(synonym_sets_and_contractions),
        cmocka_unit_test(words_around_the_verb),
        cmocka_unit_test(dated_codes_before_the_default),
        cmocka_unit_test(comment_blocks_and_markup),
        cmocka_unit_test(expansion_is_capped),
        cmocka_unit_test(expansions_are_bounded),
        cmocka_unit_test(malformed_lines_report_file_and_line),
        cmocka_unit_test(odd_input_does_not_crash),
    };
    return cmocka_run_group_tests_name("petrarch", tests, NULL, NULL);
}
