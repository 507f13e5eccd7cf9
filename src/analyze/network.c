/*
 * network.c — the signed country network and its blocs.
 *
 * How it works.  Nodes are the distinct countries (and organisations) on both ends of events;
 * each event adds its Goldstein weight to the undirected edge between its two countries, so an
 * edge's sign says whether the pair, all told, cooperates (+) or conflicts (−).
 *
 * Blocs follow structural balance: friends of friends together, enemies apart.  A partition is
 * judged by its frustration, the positive weight between blocs plus the negative weight inside
 * them; a perfectly balanced graph has a partition with none.  Finding the minimum is NP-hard,
 * so: (1) igraph's spin-glass community detection with the negative-weight implementation
 * (Traag & Bruggeman 2009) gives a start per connected component (spin-glass needs a connected
 * graph), its RNG seeded so runs repeat; (2) a local search moves single nodes to the bloc
 * that lowers frustration most and merges blocs whose edges between them sum positive, until
 * nothing improves.  Step 2 also undoes spin-glass's habit of splitting a dense all-positive
 * group in two, which modularity rewards but balance does not.  Blocs in different components
 * stay different: no events, no alignment.
 */
#include <igraph.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

/* Held around every use of igraph: see mz_network_blocs. */
static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

#define ZERO_WEIGHT 1e-9  /* sums of Goldstein weights below this are treated as zero */

static int cmp_strp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Index of id among the sorted node ids. */
static size_t node_index(const mz_network *net, const char *id)
{
    size_t lo = 0, hi = net->nnodes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(net->nodes[mid].id, id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (size_t)-1;
}

static int on_edge(const mz_event *e)
{
    return e->source_country && e->target_country && *e->source_country && *e->target_country &&
           strcmp(e->source_country, e->target_country) != 0;
}

/* One event's contribution to an edge, for sorting and merging. */
typedef struct pair {
    size_t a, b;
    double w;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
    const pair *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return 0;
}

/* Collects the sorted distinct node ids; they are copied, so the network outlives the set. */
static mz_status build_nodes(const mz_evset *set, mz_network *net)
{
    const char **ids = malloc((set->n ? set->n : 1) * 2 * sizeof *ids);
    if (!ids)
        return MZ_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++) {
        if (!on_edge(&set->ev[i]))
            continue;
        ids[n++] = set->ev[i].source_country;
        ids[n++] = set->ev[i].target_country;
    }
    qsort(ids, n, sizeof *ids, cmp_strp);
    net->nodes = calloc(n ? n : 1, sizeof *net->nodes);
    if (!net->nodes) {
        free(ids);
        return MZ_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        if (net->nnodes && strcmp(net->nodes[net->nnodes - 1].id, ids[i]) == 0)
            continue;
        if (!(net->nodes[net->nnodes].id = strdup(ids[i]))) {
            free(ids);
            return MZ_ERR_NOMEM;
        }
        net->nnodes++;
    }
    free(ids);
    return MZ_OK;
}

/* Merges sorted pairs into edges (*out, *n; the caller frees *out), summing weights and counting
 * events; with count_nodes, each event is counted on both its nodes too.  Sums are rounded
 * to 6 decimals, away from float noise (0.1 + 0.2), so they print and compare as people
 * expect. */
static mz_status merge_pairs(mz_network *net, const pair *ps, size_t np, mz_net_edge **out,
                             size_t *n, int count_nodes)
{
    mz_net_edge *es = calloc(np ? np : 1, sizeof *es);
    if (!es)
        return MZ_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < np; i++) {
        mz_net_edge *last = k ? &es[k - 1] : NULL;
        if (!last || last->a != ps[i].a || last->b != ps[i].b) {
            last = &es[k++];
            last->a = ps[i].a;
            last->b = ps[i].b;
        }
        last->weight += ps[i].w;
        last->events++;
        if (count_nodes) {
            net->nodes[ps[i].a].events++;
            net->nodes[ps[i].b].events++;
        }
    }
    for (size_t i = 0; i < k; i++)
        es[i].weight = round(es[i].weight * 1e6) / 1e6;
    *out = es;
    *n = k;
    return MZ_OK;
}

/* The pairs of the set's events: ordered as (source, target) when directed, else as
 * (smaller, larger) node index; sorted.  *np is their number. */
static pair *collect_pairs(const mz_evset *set, const mz_network *net, int directed, size_t *np)
{
    pair *ps = malloc((set->n ? set->n : 1) * sizeof *ps);
    if (!ps)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++) {
        const mz_event *e = &set->ev[i];
        if (!on_edge(e))
            continue;
        size_t x = node_index(net, e->source_country), y = node_index(net, e->target_country);
        ps[n].a = directed || x < y ? x : y;
        ps[n].b = directed || x < y ? y : x;
        ps[n].w = e->goldstein;
        n++;
    }
    qsort(ps, n, sizeof *ps, cmp_pair);
    *np = n;
    return ps;
}

mz_status mz_network_build(const mz_evset *set, mz_network *net)
{
    memset(net, 0, sizeof *net);
    mz_status rc = build_nodes(set, net);
    for (int directed = 0; directed < 2 && rc == MZ_OK; directed++) {
        size_t np;
        pair *ps = collect_pairs(set, net, directed, &np);
        if (!ps)
            return MZ_ERR_NOMEM;
        rc = directed ? merge_pairs(net, ps, np, &net->arcs, &net->narcs, 0)
                      : merge_pairs(net, ps, np, &net->edges, &net->nedges, 1);
        free(ps);
    }
    return rc;
}

void mz_network_free(mz_network *net)
{
    for (size_t i = 0; i < net->nnodes; i++)
        free(net->nodes[i].id);
    free(net->nodes);
    free(net->edges);
    free(net->arcs);
    memset(net, 0, sizeof *net);
}

static int sign(double w) { return w > ZERO_WEIGHT ? 1 : w < -ZERO_WEIGHT ? -1 : 0; }

void mz_network_balance(mz_network *net)
{
    net->signed_edges = net->unbalanced_edges = 0;
    for (size_t i = 0; i < net->nedges; i++) {
        const mz_net_edge *e = &net->edges[i];
        int s = sign(e->weight);
        if (!s)
            continue;
        net->signed_edges++;
        int same = net->nodes[e->a].bloc == net->nodes[e->b].bloc;
        if ((s > 0 && !same) || (s < 0 && same))
            net->unbalanced_edges++;
    }
    net->unbalanced = net->signed_edges ? (double)net->unbalanced_edges / (double)net->signed_edges : 0.0;
}

/* ---- step 1: spin-glass per component ---------------------------------------------------- */

/* Runs spin-glass on one connected component (nodes `vs`, k of them, local index = position)
 * and writes bloc ids first_bloc.. into bloc[].  Components of one or two nodes are settled
 * without it: a pair is one bloc when its edge is positive.  Returns the next free bloc id,
 * or -1 on an igraph failure. */
static int component_blocs(const mz_network *net, const size_t *vs, size_t k, const size_t *local,
                           int first_bloc, int *bloc, unsigned long seed)
{
    if (k <= 2) {
        bloc[vs[0]] = first_bloc;
        if (k == 2) {
            double w = 0;
            for (size_t i = 0; i < net->nedges; i++)
                if (net->edges[i].a == vs[0] || net->edges[i].a == vs[1])
                    if (net->edges[i].b == vs[0] || net->edges[i].b == vs[1])
                        w = net->edges[i].weight;
            bloc[vs[1]] = sign(w) < 0 ? first_bloc + 1 : first_bloc;
            return sign(w) < 0 ? first_bloc + 2 : first_bloc + 1;
        }
        return first_bloc + 1;
    }
    igraph_vector_int_t el, memb;
    igraph_vector_t wt;
    igraph_t g;
    int next = -1, have_g = 0;
    igraph_vector_int_init(&el, 0);
    igraph_vector_int_init(&memb, 0);
    igraph_vector_init(&wt, 0);
    for (size_t i = 0; i < net->nedges; i++) {
        const mz_net_edge *e = &net->edges[i];
        if (local[e->a] == (size_t)-1 || bloc[e->a] != -2)
            continue;  /* not in this component */
        if (igraph_vector_int_push_back(&el, (igraph_integer_t)local[e->a]) ||
            igraph_vector_int_push_back(&el, (igraph_integer_t)local[e->b]) ||
            igraph_vector_push_back(&wt, e->weight))
            goto out;
    }
    if (igraph_create(&g, &el, (igraph_integer_t)k, IGRAPH_UNDIRECTED))
        goto out;
    have_g = 1;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    igraph_integer_t spins = k < 25 ? (igraph_integer_t)k : 25;
    if (igraph_community_spinglass(&g, &wt, NULL, NULL, &memb, NULL, spins, 0, 1.0, 0.01, 0.99,
                                   IGRAPH_SPINCOMM_UPDATE_CONFIG, 1.0, IGRAPH_SPINCOMM_IMP_NEG,
                                   1.0))
        goto out;
    igraph_integer_t maxm = 0;
    for (size_t i = 0; i < k; i++) {
        igraph_integer_t m = VECTOR(memb)[i];
        bloc[vs[i]] = first_bloc + (int)m;
        if (m > maxm)
            maxm = m;
    }
    next = first_bloc + (int)maxm + 1;
out:
    if (have_g)
        igraph_destroy(&g);
    igraph_vector_int_destroy(&el);
    igraph_vector_int_destroy(&memb);
    igraph_vector_destroy(&wt);
    return next;
}

/* ---- step 2: local search on frustration ------------------------------------------------- */

/* Adjacency in compressed rows: the neighbours of v are nbr[off[v] .. off[v+1]). */
typedef struct adj {
    size_t *off;
    size_t *nbr;
    double *w;
} adj;

static int adj_build(const mz_network *net, adj *g)
{
    size_t n = net->nnodes, m = net->nedges;
    g->off = calloc(n + 1, sizeof *g->off);
    g->nbr = malloc((2 * m + 1) * sizeof *g->nbr);
    g->w = malloc((2 * m + 1) * sizeof *g->w);
    size_t *fill = calloc(n + 1, sizeof *fill);
    if (!g->off || !g->nbr || !g->w || !fill) {
        free(fill);
        return -1;
    }
    for (size_t i = 0; i < m; i++) {
        g->off[net->edges[i].a + 1]++;
        g->off[net->edges[i].b + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        g->off[v + 1] += g->off[v];
    for (size_t i = 0; i < m; i++) {
        const mz_net_edge *e = &net->edges[i];
        size_t pa = g->off[e->a] + fill[e->a]++, pb = g->off[e->b] + fill[e->b]++;
        g->nbr[pa] = e->b;
        g->w[pa] = e->weight;
        g->nbr[pb] = e->a;
        g->w[pb] = e->weight;
    }
    free(fill);
    return 0;
}

static void adj_free(adj *g)
{
    free(g->off);
    free(g->nbr);
    free(g->w);
}

/* Frustration v contributes if it sits in bloc c (the edges at v only). */
static double cost_in(const adj *g, const int *bloc, size_t v, int c)
{
    double f = 0;
    for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
        int same = bloc[g->nbr[j]] == c;
        double w = g->w[j];
        if (same && w < -ZERO_WEIGHT)
            f -= w;
        else if (!same && w > ZERO_WEIGHT)
            f += w;
    }
    return f;
}

/* Moves single nodes to their cheapest bloc (a neighbour's, or a new one) while that lowers
 * frustration.  Nodes are visited in index order, so the result is deterministic.  Returns
 * the number of moves. */
static long move_nodes(const adj *g, size_t n, int *bloc, int *next_bloc)
{
    long moves = 0;
    for (int round = 0; round < 100; round++) {
        long moved = 0;
        for (size_t v = 0; v < n; v++) {
            double cur = cost_in(g, bloc, v, bloc[v]);
            int best = bloc[v];
            double best_cost = cur;
            for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
                int c = bloc[g->nbr[j]];
                double f = cost_in(g, bloc, v, c);
                if (f < best_cost - ZERO_WEIGHT) {
                    best = c;
                    best_cost = f;
                }
            }
            double alone = cost_in(g, bloc, v, *next_bloc);
            if (alone < best_cost - ZERO_WEIGHT) {
                best = (*next_bloc)++;
                best_cost = alone;
            }
            if (best != bloc[v] && best_cost < cur - ZERO_WEIGHT) {
                bloc[v] = best;
                moved++;
            }
        }
        moves += moved;
        if (!moved)
            break;
    }
    return moves;
}

/* Merges the pair of blocs whose edges between them have the largest positive weight sum
 * (merging turns those edges from unbalanced to balanced and the negative ones the other
 * way); one merge per call.  Returns 1 when it merged. */
static int merge_once(const mz_network *net, int *bloc)
{
    int best_p = 0, best_q = 0;
    double best = ZERO_WEIGHT;
    /* Sums per bloc pair from the edge list; few blocs, so a quadratic scan of pairs found
     * on edges is enough. */
    for (size_t i = 0; i < net->nedges; i++) {
        int p = bloc[net->edges[i].a], q = bloc[net->edges[i].b];
        if (p == q)
            continue;
        if (p > q) {
            int t = p;
            p = q;
            q = t;
        }
        double sum = 0;
        for (size_t j = 0; j < net->nedges; j++) {
            int x = bloc[net->edges[j].a], y = bloc[net->edges[j].b];
            if ((x == p && y == q) || (x == q && y == p))
                sum += net->edges[j].weight;
        }
        if (sum > best + ZERO_WEIGHT) {  /* ties: the first pair in edge order */
            best = sum;
            best_p = p;
            best_q = q;
        }
    }
    if (best_p == best_q)
        return 0;
    for (size_t v = 0; v < net->nnodes; v++)
        if (bloc[v] == best_q)
            bloc[v] = best_p;
    return 1;
}

/* Renumbers blocs 1.. by size (largest first), ties by their first node, into the nodes. */
static int renumber(mz_network *net, const int *bloc, int nb)
{
    long *size = calloc((size_t)nb, sizeof *size);
    size_t *first = malloc((size_t)nb * sizeof *first);
    int *order = malloc((size_t)nb * sizeof *order), *id = calloc((size_t)nb, sizeof *id);
    if (!size || !first || !order || !id) {
        free(size), free(first), free(order), free(id);
        return -1;
    }
    for (int c = 0; c < nb; c++)
        first[c] = (size_t)-1;
    for (size_t v = 0; v < net->nnodes; v++) {
        size[bloc[v]]++;
        if (first[bloc[v]] == (size_t)-1)
            first[bloc[v]] = v;
    }
    int k = 0;
    for (int c = 0; c < nb; c++)
        if (size[c])
            order[k++] = c;
    /* insertion sort: few blocs */
    for (int i = 1; i < k; i++) {
        int c = order[i], j = i - 1;
        while (j >= 0 && (size[order[j]] < size[c] ||
                          (size[order[j]] == size[c] && first[order[j]] > first[c]))) {
            order[j + 1] = order[j];
            j--;
        }
        order[j + 1] = c;
    }
    for (int i = 0; i < k; i++)
        id[order[i]] = i + 1;
    for (size_t v = 0; v < net->nnodes; v++)
        net->nodes[v].bloc = id[bloc[v]];
    net->nblocs = k;
    free(size), free(first), free(order), free(id);
    return 0;
}

/* Depth-first labelling of connected components; comp[v] = component number. */
static size_t components(const adj *g, size_t n, size_t *comp, size_t *stack)
{
    size_t nc = 0;
    for (size_t v = 0; v < n; v++)
        comp[v] = (size_t)-1;
    for (size_t s = 0; s < n; s++) {
        if (comp[s] != (size_t)-1)
            continue;
        size_t top = 0;
        stack[top++] = s;
        comp[s] = nc;
        while (top) {
            size_t v = stack[--top];
            for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
                size_t u = g->nbr[j];
                if (comp[u] == (size_t)-1) {
                    comp[u] = nc;
                    stack[top++] = u;
                }
            }
        }
        nc++;
    }
    return nc;
}

mz_status mz_network_blocs(mz_network *net, unsigned long seed, mz_error *err)
{
    size_t n = net->nnodes;
    if (!n) {
        net->nblocs = 0;
        mz_network_balance(net);
        return MZ_OK;
    }
    mz_status rc = MZ_ERR_NOMEM;
    adj g = {0};
    int *bloc = malloc(n * sizeof *bloc);
    size_t *comp = malloc(n * sizeof *comp), *stack = malloc(n * sizeof *stack);
    size_t *vs = malloc(n * sizeof *vs), *local = malloc(n * sizeof *local);
    if (!bloc || !comp || !stack || !vs || !local || adj_build(net, &g))
        goto out;
    size_t nc = components(&g, n, comp, stack);
    for (size_t v = 0; v < n; v++)
        bloc[v] = -1;
    /* igraph reports errors through a handler that aborts by default, and warnings on stderr;
     * a library does neither, so both are silenced for the call and restored after.  Those
     * handlers, igraph's random generator and its cleanup stack are process globals (Debian's
     * igraph is built with IGRAPH_THREAD_SAFE 0), so threads (`mizan serve`) take turns. */
    pthread_mutex_lock(&igraph_lock);
    igraph_error_handler_t *old_err = igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_warning_handler_t *old_warn = igraph_set_warning_handler(igraph_warning_handler_ignore);
    int next = 0;
    for (size_t c = 0; c < nc; c++) {
        size_t k = 0;
        for (size_t v = 0; v < n; v++) {
            local[v] = (size_t)-1;
            if (comp[v] == c) {
                bloc[v] = -2;  /* marks this component's nodes for component_blocs */
                local[v] = k;
                vs[k++] = v;
            }
        }
        int after = component_blocs(net, vs, k, local, next, bloc, seed);
        if (after < 0) {
            /* spin-glass failed (memory, or a graph it refuses): start the component as one
             * bloc and leave the split to the local search below */
            for (size_t i = 0; i < k; i++)
                bloc[vs[i]] = next;
            after = next + 1;
        }
        next = after;
    }
    igraph_set_error_handler(old_err);
    igraph_set_warning_handler(old_warn);
    pthread_mutex_unlock(&igraph_lock);
    for (int round = 0; round < 1000; round++) {
        long moved = move_nodes(&g, n, bloc, &next);
        if (!merge_once(net, bloc) && !moved)
            break;
    }
    if (renumber(net, bloc, next))
        goto out;
    mz_network_balance(net);
    rc = MZ_OK;
out:
    if (rc == MZ_ERR_NOMEM && err) {
        err->status = rc;
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    adj_free(&g);
    free(bloc), free(comp), free(stack), free(vs), free(local);
    return rc;
}
