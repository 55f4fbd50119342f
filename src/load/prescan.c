/* prescan.c: one pass over a session file's bytes, aware of libconfig's
 * strings and comments, refusing what the parser must never see. */
#include "prescan.h"

#include <string.h>

/* Length of the UTF-8 sequence at p (up to end), or 0 when invalid. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    size_t n;
    unsigned min;
    if (p[0] < 0x80)
        return 1;
    if ((p[0] & 0xe0) == 0xc0)
        n = 2, min = 0x80;
    else if ((p[0] & 0xf0) == 0xe0)
        n = 3, min = 0x800;
    else if ((p[0] & 0xf8) == 0xf0)
        n = 4, min = 0x10000;
    else
        return 0;
    if ((size_t)(end - p) < n)
        return 0;
    unsigned cp = p[0] & (0x7f >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

static bool only_space(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", text[i]))
            return false;
    return true;
}

bool prescan_text(const char *file, const char *text, size_t len,
                  struct diag_list *d)
{
    if (only_space(text, len)) {
        diag_add(d, file, 1,
                 "the file is empty (a session file starts "
                 "with version = 1;)");
        return false;
    }
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    int line = 1, depth = 0, string_line = 0;
    size_t string_len = 0;
    bool ok = true, at_line_start = true;
    enum { CODE, STRING, LINE_COMMENT, BLOCK_COMMENT } state = CODE;
    while (p < end) {
        if (*p == 0) {
            diag_add(d, file, line, "not a text file (a zero byte)");
            return false;
        }
        size_t n = utf8_len(p, end);
        if (n == 0) {
            diag_add(d, file, line,
                     "not a text file (byte 0x%02x is not "
                     "UTF-8)",
                     *p);
            return false;
        }
        unsigned char c = *p;
        if (state == CODE && at_line_start && c != ' ' && c != '\t') {
            at_line_start = false;
            if ((size_t)(end - p) >= 8 && memcmp(p, "@include", 8) == 0) {
                diag_add(d, file, line,
                         "@include is not allowed: the file "
                         "must be complete in itself");
                ok = false;
            }
        }
        switch (state) {
        case CODE:
            if (c == '"') {
                state = STRING;
                string_len = 0;
                string_line = line;
            } else if (c == '#') {
                state = LINE_COMMENT;
            } else if (c == '/' && p + 1 < end && p[1] == '/') {
                state = LINE_COMMENT;
            } else if (c == '/' && p + 1 < end && p[1] == '*') {
                state = BLOCK_COMMENT;
                p++;
            } else if (c == '{' || c == '(' || c == '[') {
                if (++depth > PRESCAN_MAX_DEPTH) {
                    diag_add(d, file, line, "nested deeper than %d levels",
                             PRESCAN_MAX_DEPTH);
                    return false;
                }
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
            break;
        case STRING:
            if (c == '\\' && p + 1 < end) {
                p++;
                string_len++;
            } else if (c == '"') {
                state = CODE;
            } else if (++string_len > PRESCAN_MAX_STRING) {
                diag_add(d, file, string_line, "text longer than %d characters",
                         PRESCAN_MAX_STRING);
                return false;
            }
            break;
        case LINE_COMMENT:
            if (c == '\n')
                state = CODE;
            break;
        case BLOCK_COMMENT:
            if (c == '*' && p + 1 < end && p[1] == '/') {
                state = CODE;
                p++;
            }
            break;
        }
        if (*p == '\n') {
            line++;
            at_line_start = true;
        }
        p += n;
    }
    return ok;
}
