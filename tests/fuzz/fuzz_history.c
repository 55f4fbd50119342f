/* fuzz_history.c: libFuzzer target for the history reader. Arbitrary
 * bytes as the history file must never crash, hang or leak the reader,
 * the report, the table or the HTML report; whatever it reads (ratings
 * and notes included), written back as --csv's export, reads back the
 * same, and so does each session written back as the file's own rows;
 * no field of that CSV is one a spreadsheet would run (beginning with
 * = + - @ or a blank); and the HTML page holds no markup from the file. */
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
#include "../../src/core/report_html.h"

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
           a->has_before == b->has_before && a->before == b->before &&
           a->has_after == b->has_after && a->after == b->after &&
           strcmp(a->note, b->note) == 0 &&
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

/* Each session written back as the file's own rows (its outcome, then a
 * rating before, a rating after and a note), appended to text. */
static char *file_rows(const struct history *h)
{
    size_t cap = 2 * HISTORY_LINE_MAX, len;
    char *text = malloc(cap);
    if (!text)
        __builtin_trap();
    len = (size_t)snprintf(text, cap, "%s\n", HISTORY_HEADER);
    for (size_t i = 0; i < h->count; i++)
        for (int e = 0; e < HISTORY_ENTRIES; e++) {
            if (len + HISTORY_LINE_MAX + 1 > cap) {
                text = realloc(text, cap *= 2);
                if (!text)
                    __builtin_trap();
            }
            size_t n = history_format_entry(&h->rows[i], (enum history_entry)e,
                                            text + len, cap - len);
            if (n == 0)
                __builtin_trap(); /* every row read fits a line */
            len += n;
        }
    return text;
}

/* The page holds no tag from the file: every '<' starts one of the
 * builder's, which never carry a script or a source. */
static void check_page(const struct history *h)
{
    struct report_input in = {.h = h,
                              .first_day = history_day_number(2026, 11, 1),
                              .last_day = history_day_number(2026, 11, 30),
                              .generated = "2026-11-30 12:00"};
    char *html = report_html(&in);
    if (!html)
        __builtin_trap();
    if (strstr(html, "<script") || strstr(html, "<img") ||
        strstr(html, "<a ") || strstr(html, "\xe2\x80\xae") ||
        strstr(html, "\x1b"))
        __builtin_trap();
    free(html);
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

    /* The file's own rows, written back, read back the same too. */
    char *rows = file_rows(&h);
    put_file(rows, strlen(rows));
    if (history_read(path, &again, err, sizeof err) != 0 ||
        again.count != h.count || again.damaged != 0)
        __builtin_trap();
    for (size_t i = 0; i < h.count; i++)
        if (!same_row(&h.rows[i], &again.rows[i]))
            __builtin_trap();
    history_free(&again);
    free(rows);
    check_page(&h);

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
