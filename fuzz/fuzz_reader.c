/*
 * fuzz_reader.c — arbitrary bytes as an input file for the document readers (src/io/reader.h).
 *
 * The reader opens a path, so the input is written to one in-memory file (memfd, reached as
 * /proc/self/fd/N; a temporary file where memfd is missing) and read to the end as JSON Lines,
 * plain text and PETRARCH XML.  Every document handed out is read in full: its id, date, lang
 * and source strings and exactly `len` bytes of text.  A reader must reach its end: more calls
 * than the input has bytes means it is stuck.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../src/io/reader.h"

static char path[64];
static int fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
#ifdef MFD_CLOEXEC
    fd = memfd_create("fuzz_reader", MFD_CLOEXEC);
#endif
    if (fd >= 0) {
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    } else {
        snprintf(path, sizeof path, "/tmp/fuzz_reader.XXXXXX");
        fd = mkstemp(path);
        if (fd < 0) {
            perror("fuzz_reader: mkstemp");
            abort();
        }
    }
    return 0;
}

static size_t touch(const char *s) { return s ? strlen(s) : 0; }

static void read_all(const char *format, size_t size)
{
    mz_error err = {0};
    mz_reader *r = mz_reader_open(path, format, "2024-06-19", NULL, &err);
    if (!r) {
        fprintf(stderr, "fuzz_reader: cannot open %s as %s: %s\n", path, format, err.message);
        abort();
    }
    size_t calls = 0, sum = 0;
    for (;;) {
        mz_doc doc;
        memset(&err, 0, sizeof err);
        int rc = mz_reader_next(r, &doc, &err);
        if (++calls > size + 2)
            abort(); /* no progress */
        if (rc == 0)
            break;
        if (rc < 0) {
            if (!err.message[0])
                abort(); /* a bad record must say why */
            continue;
        }
        if (rc != 1 || !doc.id || !doc.text)
            abort();
        sum += touch(doc.id) + touch(doc.date) + touch(doc.lang) + touch(doc.source);
        for (size_t i = 0; i < doc.len; i++)
            sum += (unsigned char)doc.text[i];
    }
    (void)sum;
    mz_reader_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size) {
        perror("fuzz_reader: write");
        abort();
    }
    read_all("jsonl", size);
    read_all("txt", size);
    read_all("xml", size);
    return 0;
}
