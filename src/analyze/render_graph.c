/*
 * render_graph.c — the signed network in graph interchange formats: GraphML (igraph, NetworkX,
 * yEd, Cytoscape), GEXF 1.3 (Gephi) and Graphviz DOT.
 *
 * How it works.  Each format gets the same data: nodes with their bloc and event count, edges
 * with the Goldstein sum, a sign (+1, −1, 0) and the event count.  Graph tools treat edge
 * weights as strengths (layouts and path lengths go wrong on negative ones), so in GraphML and
 * GEXF `weight` is the absolute value of the sum and `goldstein` the signed sum, beside `sign`;
 * in DOT, where `weight` must be a non-negative integer, only the colours and pen widths carry
 * it (green cooperation, red dashed conflict).  With net->directed, GraphML and GEXF write the
 * directed graph (one edge per source and target) instead.
 */
#include <math.h>
#include <string.h>

#include "render.h"


static int sign(double w) { return w > 1e-9 ? 1 : w < -1e-9 ? -1 : 0; }

/* The edges a renderer writes: the arcs of the directed graph when asked for, else the edges. */
static const mz_net_edge *graph_edges(const mz_network *net, size_t *n)
{
    *n = net->directed ? net->narcs : net->nedges;
    return net->directed ? net->arcs : net->edges;
}

void mz_render_network_graphml(mz_buf *b, const mz_network *net)
{
    mz_buf_puts(b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
                " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
                " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
                "  <key id=\"bloc\" for=\"node\" attr.name=\"bloc\" attr.type=\"int\"/>\n"
                "  <key id=\"nevents\" for=\"node\" attr.name=\"events\" attr.type=\"long\"/>\n"
                "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                "  <key id=\"goldstein\" for=\"edge\" attr.name=\"goldstein\" attr.type=\"double\"/>\n"
                "  <key id=\"sign\" for=\"edge\" attr.name=\"sign\" attr.type=\"int\"/>\n"
                "  <key id=\"eevents\" for=\"edge\" attr.name=\"events\" attr.type=\"long\"/>\n"
                "  <key id=\"unbalanced\" for=\"graph\" attr.name=\"unbalanced\" attr.type=\"double\"/>\n"
                "  <graph id=\"mizan\" edgedefault=\"");
    mz_buf_puts(b, net->directed ? "directed" : "undirected");
    mz_buf_puts(b, "\">\n    <data key=\"unbalanced\">");
    mz_render_num(b, net->unbalanced, "0");
    mz_buf_puts(b, "</data>\n");
    for (size_t i = 0; i < net->nnodes; i++) {
        const mz_net_node *n = &net->nodes[i];
        mz_buf_puts(b, "    <node id=\"");
        mz_buf_xml_str(b, n->id);
        mz_buf_printf(b, "\"><data key=\"bloc\">%d</data><data key=\"nevents\">%ld</data></node>\n",
                      n->bloc, n->events);
    }
    size_t ne;
    const mz_net_edge *es = graph_edges(net, &ne);
    for (size_t i = 0; i < ne; i++) {
        const mz_net_edge *e = &es[i];
        mz_buf_puts(b, "    <edge source=\"");
        mz_buf_xml_str(b, net->nodes[e->a].id);
        mz_buf_puts(b, "\" target=\"");
        mz_buf_xml_str(b, net->nodes[e->b].id);
        mz_buf_puts(b, "\"><data key=\"weight\">");
        mz_render_num(b, fabs(e->weight), "0");
        mz_buf_puts(b, "</data><data key=\"goldstein\">");
        mz_render_num(b, e->weight, "0");
        mz_buf_printf(b, "</data><data key=\"sign\">%d</data><data key=\"eevents\">%ld</data></edge>\n",
                      sign(e->weight), e->events);
    }
    mz_buf_puts(b, "  </graph>\n</graphml>\n");
}

void mz_render_network_gexf(mz_buf *b, const mz_network *net)
{
    mz_buf_puts(b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
                "  <meta><creator>mizan</creator><description>signed event network; unbalanced share ");
    mz_render_num(b, net->unbalanced, "0");
    mz_buf_puts(b,
                "</description></meta>\n"
                "  <graph mode=\"static\" defaultedgetype=\"");
    mz_buf_puts(b, net->directed ? "directed" : "undirected");
    mz_buf_puts(b,
                "\">\n"
                "    <attributes class=\"node\">\n"
                "      <attribute id=\"bloc\" title=\"bloc\" type=\"integer\"/>\n"
                "      <attribute id=\"events\" title=\"events\" type=\"long\"/>\n"
                "    </attributes>\n"
                "    <attributes class=\"edge\">\n"
                "      <attribute id=\"goldstein\" title=\"goldstein\" type=\"double\"/>\n"
                "      <attribute id=\"sign\" title=\"sign\" type=\"integer\"/>\n"
                "      <attribute id=\"events\" title=\"events\" type=\"long\"/>\n"
                "    </attributes>\n"
                "    <nodes>\n");
    for (size_t i = 0; i < net->nnodes; i++) {
        const mz_net_node *n = &net->nodes[i];
        mz_buf_puts(b, "      <node id=\"");
        mz_buf_xml_str(b, n->id);
        mz_buf_puts(b, "\" label=\"");
        mz_buf_xml_str(b, n->id);
        mz_buf_printf(b,
                      "\"><attvalues><attvalue for=\"bloc\" value=\"%d\"/>"
                      "<attvalue for=\"events\" value=\"%ld\"/></attvalues></node>\n",
                      n->bloc, n->events);
    }
    mz_buf_puts(b, "    </nodes>\n    <edges>\n");
    size_t ne;
    const mz_net_edge *es = graph_edges(net, &ne);
    for (size_t i = 0; i < ne; i++) {
        const mz_net_edge *e = &es[i];
        mz_buf_printf(b, "      <edge id=\"%zu\" source=\"", i);
        mz_buf_xml_str(b, net->nodes[e->a].id);
        mz_buf_puts(b, "\" target=\"");
        mz_buf_xml_str(b, net->nodes[e->b].id);
        mz_buf_puts(b, "\" weight=\"");
        mz_render_num(b, fabs(e->weight), "0");
        mz_buf_puts(b, "\"><attvalues><attvalue for=\"goldstein\" value=\"");
        mz_render_num(b, e->weight, "0");
        mz_buf_printf(b,
                      "\"/><attvalue for=\"sign\" value=\"%d\"/><attvalue for=\"events\" value=\"%ld\"/>"
                      "</attvalues></edge>\n",
                      sign(e->weight), e->events);
    }
    mz_buf_puts(b, "    </edges>\n  </graph>\n</gexf>\n");
}

/* A DOT identifier: always quoted, quotes and backslashes escaped. */
static void dot_id(mz_buf *b, const char *s)
{
    mz_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            mz_buf_putc(b, '\\');
        mz_buf_putc(b, *s);
    }
    mz_buf_putc(b, '"');
}

/* Fill colours for blocs 1..; bloc 0 (none) and blocs past the list are grey. */
static const char *const dot_colours[] = {"#8dd3c7", "#fdb462", "#bebada", "#fb8072", "#80b1d3",
                                          "#b3de69", "#fccde5", "#ffffb3", "#bc80bd", "#ccebc5"};

void mz_render_network_dot(mz_buf *b, const mz_network *net)
{
    double maxw = 0;
    for (size_t i = 0; i < net->nedges; i++)
        maxw = fmax(maxw, fabs(net->edges[i].weight));
    mz_buf_puts(b, "graph mizan {\n  graph [layout=neato, overlap=false, splines=true, label=\"blocs by structural balance; unbalanced share ");
    mz_render_num(b, net->unbalanced, "0");
    mz_buf_puts(b, "\"];\n  node [shape=ellipse, style=filled, fontname=\"Helvetica\"];\n");
    for (size_t i = 0; i < net->nnodes; i++) {
        const mz_net_node *n = &net->nodes[i];
        int k = n->bloc - 1;
        const char *fill = k >= 0 && k < 10 ? dot_colours[k] : "#d9d9d9";
        mz_buf_puts(b, "  ");
        dot_id(b, n->id);
        mz_buf_printf(b, " [bloc=%d, events=%ld, fillcolor=\"%s\"];\n", n->bloc, n->events, fill);
    }
    for (size_t i = 0; i < net->nedges; i++) {
        const mz_net_edge *e = &net->edges[i];
        int s = sign(e->weight);
        double pen = 1 + (maxw > 0 ? 4 * fabs(e->weight) / maxw : 0);
        mz_buf_puts(b, "  ");
        dot_id(b, net->nodes[e->a].id);
        mz_buf_puts(b, " -- ");
        dot_id(b, net->nodes[e->b].id);
        mz_buf_puts(b, " [goldstein=");
        mz_render_num(b, e->weight, "0");
        mz_buf_printf(b, ", events=%ld, label=\"", e->events);
        if (s > 0)
            mz_buf_putc(b, '+');
        mz_render_num(b, e->weight, "0");
        mz_buf_printf(b, "\", penwidth=%.1f, color=\"%s\", style=%s];\n", pen,
                      s > 0 ? "#1a9850" : s < 0 ? "#d73027" : "#999999", s < 0 ? "dashed" : "solid");
    }
    mz_buf_puts(b, "}\n");
}
