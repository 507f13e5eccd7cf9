/*
 * render.h — output formats, one file per family (after cmark's renderers):
 *
 *   render_json.c   dyad series, network, profile and watch results as JSON
 *   render_csv.c    events, dyad series and watch results as CSV
 *   render_graph.c  the network as GraphML, GEXF or Graphviz DOT
 *   render_svg.c    a line chart of a dyad, a drawing of the network
 *   render_text.c   profile and watch results for people
 *
 * (Events as JSON Lines and TSV are written by src/io/render.h, the same code as `mizan code`.)
 * Every renderer appends to an mz_buf (the caller writes it out) and takes the result
 * structures of analyze.h as they are; none prints.  Check the buffer's oom flag after.
 */
#ifndef MZ_ANALYZE_RENDER_H
#define MZ_ANALYZE_RENDER_H

#include "../util/buf.h"
#include "analyze.h"

/* A number as JSON/CSV wants it: shortest of up to 6 decimals, no trailing zeros, "-0" as "0";
 * NaN and infinities as `nonfinite` ("null" in JSON, "" in CSV). */
void mz_render_num(mz_buf *b, double v, const char *nonfinite);

/* The CAMEO root's short English name ("07" → "provide aid"), "" when unknown. */
const char *mz_cameo_root_name(const char *root);

/* JSON */
void mz_render_dyad_json(mz_buf *b, const mz_dyad *d);
void mz_render_network_json(mz_buf *b, const mz_network *net);
void mz_render_network_node_link(mz_buf *b, const mz_network *net);
void mz_render_profile_json(mz_buf *b, const mz_profile *p);
void mz_render_watch_json(mz_buf *b, const mz_watch *w);

/* CSV (RFC 4180); the event columns are those of the TSV form of `mizan code`. */
void mz_render_event_csv_header(mz_buf *b);
void mz_render_event_csv(mz_buf *b, const mz_event *e);
void mz_render_dyad_csv(mz_buf *b, const mz_dyad *d);
void mz_render_watch_csv(mz_buf *b, const mz_watch *w);

/* graphs */
void mz_render_network_graphml(mz_buf *b, const mz_network *net);
void mz_render_network_gexf(mz_buf *b, const mz_network *net);
void mz_render_network_dot(mz_buf *b, const mz_network *net);

/* SVG */
void mz_render_dyad_svg(mz_buf *b, const mz_dyad *d);
void mz_render_network_svg(mz_buf *b, const mz_network *net);

/* text */
void mz_render_profile_text(mz_buf *b, const mz_profile *p);
void mz_render_watch_text(mz_buf *b, const mz_watch *w, const mz_watch_opts *o);

#endif
