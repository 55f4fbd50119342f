/* fuzz_history.c: libFuzzer target for the history reader. Arbitrary
 * bytes as the history file must never crash, hang or leak the reader,
 * the report or the table; whatever it reads, written back as CSV, reads
 * back the same; and no field of that CSV is one a spreadsheet would run
 * (beginning with = + - @ or a blank). */
#define _GNU_SOURCE /* memfd_create */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../src/core/history.h"
#include "../../src/core/history_report.h"
#include "../../src/core/history_table.h"

static int fd = -1;
static char path[64];

/* The bytes become the whole file behind path. */
static void put_file(const void *data, size_t size)
{
    if (ftruncate(fd, 0) != 0 ||
        (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
        __builtin_trap();
}

static bool same_row(const struct history_row *a, const struct history_row *b)
{
    /* Seconds are written to 0.1 s, and may be read with more digits. */
    return strcmp(a->started, b->started) == 0 &&
           strcmp(a->session, b->session) == 0 &&
           strcmp(a->type, b->type) == 0 && a->outcome == b->outcome &&
           strcmp(a->detail, b->detail) == 0 &&
           a->planned_s - b->planned_s < 0.051 &&
           b->planned_s - a->planned_s < 0.051 &&
           a->elapsed_s - b->elapsed_s < 0.051 &&
           b->elapsed_s - a->elapsed_s < 0.051;
}

/* True when no field of the CSV line begins with what a spreadsheet
 * would take for a formula. */
static bool safe_line(const char *line)
{
    bool quoted = false, start = true;
    for (const char *p = line; *p && *p != '\n'; p++) {
        if (start) {
            const char *c = *p == '"' ? p + 1 : p;
            if (*c && strchr("=+-@ \t\r", *c))
                return false;
            start = false;
        }
        if (*p == '"')
            quoted = !quoted; /* a doubled quote toggles twice */
        else if (*p == ',' && !quoted)
            start = true;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        fd = memfd_create("history.csv", 0);
        if (fd < 0)
            __builtin_trap();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    put_file(data, size);
    struct history h;
    char err[512];
    if (history_read(path, &h, err, sizeof err) != 0) {
        if (h.count != 0 || h.rows)
            __builtin_trap(); /* a failed read leaves nothing */
        return 0;
    }
    if (h.n_notes > HISTORY_NOTES_MAX || h.n_notes > h.damaged)
        __builtin_trap();

    struct history_report rep;
    history_report_build(&h, history_day_number(2026, 11, 23),
                         HISTORY_REPORT_WEEKS_MAX, &rep);
    char *table = history_table_text(&h, NULL, NULL);
    char *csv = history_csv_text(&h);
    if (!table || !csv)
        __builtin_trap();

    for (const char *line = csv; line; line = strchr(line, '\n')) {
        line += *line == '\n';
        if (*line && !safe_line(line))
            __builtin_trap();
    }

    /* What was read, written back, reads back the same. */
    put_file(csv, strlen(csv));
    struct history again;
    if (history_read(path, &again, err, sizeof err) != 0 ||
        again.count != h.count || again.damaged != 0)
        __builtin_trap();
    for (size_t i = 0; i < h.count; i++)
        if (!same_row(&h.rows[i], &again.rows[i]))
            __builtin_trap();
    history_free(&again);

    if (h.count > 0) {
        long day;
        if (history_row_day(&h.rows[0], &day))
            history_keep_since(&h, day);
    }
    free(table);
    free(csv);
    history_free(&h);
    return 0;
}
