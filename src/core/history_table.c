/* history_table.c: the history as an aligned table and as CSV (see
 * history_table.h), with a small UTF-8 decoder to count columns. */
#include "history_table.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history_report.h"
#include "strbuf.h"
#include "utf8.h"

/* ---- text into a strbuf */

static void put_spaces(struct strbuf *b, size_t n)
{
    for (; n > 0; n--)
        strbuf_put_bytes(b, " ", 1);
}

/* ---- UTF-8 */

static const char REPLACEMENT[] = "\xef\xbf\xbd"; /* U+FFFD */

/* Decodes the character at s (n bytes left, n > 0): its code point and
 * byte length; -1 (length 1) for a byte that does not start valid UTF-8. */
static long decode(const unsigned char *s, size_t n, size_t *len)
{
    uint32_t cp;
    *len = utf8_decode(s, n, &cp);
    if (*len == 0) {
        *len = 1;
        return -1;
    }
    return (long)cp;
}

struct range {
    long lo, hi;
};

static bool in(const struct range *r, size_t n, long cp)
{
    for (size_t i = 0; i < n; i++)
        if (cp >= r[i].lo && cp <= r[i].hi)
            return true;
    return false;
}

/* Columns a character takes in a terminal: a small version of wcwidth()
 * that does not depend on the locale. */
static int char_columns(long cp)
{
    static const struct range zero[] = {
        {0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd},
        {0x0610, 0x061a}, {0x064b, 0x065f}, {0x0e31, 0x0e31},
        {0x0e34, 0x0e3a}, {0x0e47, 0x0e4e}, {0x1ab0, 0x1aff},
        {0x1dc0, 0x1dff}, {0x200b, 0x200f}, {0x2028, 0x202e},
        {0x2060, 0x2064}, {0x20d0, 0x20ff}, {0xfe00, 0xfe0f},
        {0xfe20, 0xfe2f}, {0xfeff, 0xfeff}, {0xe0100, 0xe01ef},
    };
    static const struct range wide[] = {
        {0x1100, 0x115f},   {0x231a, 0x231b},   {0x2329, 0x232a},
        {0x23e9, 0x23ec},   {0x2614, 0x2615},   {0x2e80, 0x303e},
        {0x3041, 0x33ff},   {0x3400, 0x4dbf},   {0x4e00, 0x9fff},
        {0xa000, 0xa4cf},   {0xac00, 0xd7a3},   {0xf900, 0xfaff},
        {0xfe30, 0xfe4f},   {0xff00, 0xff60},   {0xffe0, 0xffe6},
        {0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff}, {0x20000, 0x2fffd},
        {0x30000, 0x3fffd},
    };
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
        return 0;
    if (in(zero, sizeof zero / sizeof *zero, cp))
        return 0;
    if (in(wide, sizeof wide / sizeof *wide, cp))
        return 2;
    return 1;
}

size_t history_text_columns(const char *s)
{
    size_t cols = 0, n = strlen(s), len;
    for (size_t i = 0; i < n; i += len) {
        long cp = decode((const unsigned char *)s + i, n - i, &len);
        cols += cp < 0 ? 1 : (size_t)char_columns(cp);
    }
    return cols;
}

/* Writes s in at most `cols` columns (cut with "…" when longer), bytes
 * that are not UTF-8 as U+FFFD, then spaces up to `cols` when pad. */
static void put_cell(struct strbuf *b, const char *s, size_t cols, bool pad)
{
    if (cols == 0)
        return;
    bool cut = history_text_columns(s) > cols;
    size_t room = cut ? cols - 1 : cols, used = 0, n = strlen(s), len;
    for (size_t i = 0; i < n; i += len) {
        long cp = decode((const unsigned char *)s + i, n - i, &len);
        size_t w = cp < 0 ? 1 : (size_t)char_columns(cp);
        if (used + w > room)
            break;
        if (cp < 0)
            strbuf_put(b, REPLACEMENT);
        else if (utf8_forbidden((uint32_t)cp))
            strbuf_put(b, " "); /* the reader already made these spaces */
        else
            strbuf_put_bytes(b, s + i, len);
        used += w;
    }
    if (cut) {
        strbuf_put(b, "\xe2\x80\xa6");
        used++;
    }
    if (pad && used < cols)
        put_spaces(b, cols - used);
}

/* ---- the table */

/* M:SS, seconds rounded to the nearest (so a completed session shows the
 * same planned and done). */
static void fmt_duration(char *out, size_t n, double seconds)
{
    long long s = (long long)floor(seconds + 0.5);
    snprintf(out, n, "%lld:%02lld", s / 60, s % 60);
}

/* "Mon 2026-11-23 09:01" from the row's stamp. */
static void fmt_when(char *out, size_t n, const struct history_row *r)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu",
                                       "Fri", "Sat", "Sun"};
    long day;
    if (!history_row_day(r, &day) || strlen(r->started) < 16) {
        snprintf(out, n, "%s", r->started);
        return;
    }
    snprintf(out, n, "%s %.10s %.5s", days[history_weekday(day)], r->started,
             r->started + 11);
}

static const char *shown_name(const struct history_row *r,
                              history_title_fn title, void *ctx)
{
    const char *t = title ? title(r->session, ctx) : NULL;
    return t && *t ? t : r->session;
}

/* The columns' widths, in terminal columns. */
struct widths {
    size_t when, name, plan, done;
    bool ratings; /* some row has one: the Before and After columns */
};

static const char *const heads[] = {"When",   "Session", "Planned", "Done",
                                    "Before", "After",   "Outcome"};

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

static struct widths measure(const struct history *h, history_title_fn title,
                             void *ctx)
{
    struct widths w = {strlen(heads[0]), strlen(heads[1]), strlen(heads[2]),
                       strlen(heads[3]), false};
    char buf[64];
    for (size_t i = 0; i < h->count; i++) {
        const struct history_row *r = &h->rows[i];
        fmt_when(buf, sizeof buf, r);
        w.when = max_size(w.when, history_text_columns(buf));
        w.name =
            max_size(w.name, history_text_columns(shown_name(r, title, ctx)));
        fmt_duration(buf, sizeof buf, r->planned_s);
        w.plan = max_size(w.plan, strlen(buf));
        fmt_duration(buf, sizeof buf, r->elapsed_s);
        w.done = max_size(w.done, strlen(buf));
        w.ratings |= r->has_before || r->has_after;
    }
    if (w.name > HISTORY_TABLE_SESSION_COLS)
        w.name = HISTORY_TABLE_SESSION_COLS;
    return w;
}

/* s right-aligned in a column of `cols` after two spaces. */
static void put_right(struct strbuf *b, const char *s, size_t cols)
{
    put_spaces(b, 2 + cols - strlen(s));
    strbuf_put(b, s);
}

static void put_rating(struct strbuf *b, bool has, int rating, size_t cols)
{
    char num[16] = "-";
    if (has)
        snprintf(num, sizeof num, "%d", rating);
    put_right(b, num, cols);
}

static void put_heading(struct strbuf *b, const struct widths *w)
{
    put_cell(b, heads[0], w->when, true);
    strbuf_put(b, "  ");
    put_cell(b, heads[1], w->name, true);
    put_right(b, heads[2], w->plan);
    put_right(b, heads[3], w->done);
    if (w->ratings) {
        put_right(b, heads[4], strlen(heads[4]));
        put_right(b, heads[5], strlen(heads[5]));
    }
    strbuf_put(b, "  ");
    strbuf_put(b, heads[6]);
    strbuf_put(b, "\n");
}

char *history_table_text(const struct history *h, history_title_fn title,
                         void *ctx)
{
    struct widths w = measure(h, title, ctx);
    char buf[64];
    double total = 0;
    struct strbuf b = {0};
    put_heading(&b, &w);
    for (size_t i = 0; i < h->count; i++) {
        const struct history_row *r = &h->rows[i];
        fmt_when(buf, sizeof buf, r);
        put_cell(&b, buf, w.when, true);
        strbuf_put(&b, "  ");
        put_cell(&b, shown_name(r, title, ctx), w.name, true);
        fmt_duration(buf, sizeof buf, r->planned_s);
        put_right(&b, buf, w.plan);
        fmt_duration(buf, sizeof buf, r->elapsed_s);
        put_right(&b, buf, w.done);
        if (w.ratings) {
            put_rating(&b, r->has_before, r->before, strlen(heads[4]));
            put_rating(&b, r->has_after, r->after, strlen(heads[5]));
        }
        strbuf_put(&b, "  ");
        strbuf_put(&b, history_outcome_name(r->outcome));
        strbuf_put(&b, "\n");
        total += r->elapsed_s;
    }
    fmt_duration(buf, sizeof buf, total);
    char line[128];
    snprintf(line, sizeof line, "%zu session%s, %s practised\n", h->count,
             h->count == 1 ? "" : "s", buf);
    strbuf_put(&b, line);
    return strbuf_finish(&b);
}

char *history_csv_text(const struct history *h)
{
    struct strbuf b = {0};
    strbuf_put(&b, HISTORY_EXPORT_HEADER "\n");
    char line[HISTORY_LINE_MAX];
    for (size_t i = 0; i < h->count; i++) {
        size_t n = history_format_export(&h->rows[i], line, sizeof line);
        strbuf_put_bytes(&b, line, n);
    }
    return strbuf_finish(&b);
}
