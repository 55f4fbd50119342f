/* report_text.c: the report's growing string and its escaping (see
 * report_text.h). */
#include "report_text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void report_put_text(struct strbuf *b, const char *s, bool keep_lines)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0) {
            strbuf_put(b, "\xef\xbf\xbd"); /* U+FFFD */
            i++;
            continue;
        }
        switch (cp) {
        case '&':
            strbuf_put(b, "&amp;");
            break;
        case '<':
            strbuf_put(b, "&lt;");
            break;
        case '>':
            strbuf_put(b, "&gt;");
            break;
        case '"':
            strbuf_put(b, "&quot;");
            break;
        case '\'':
            strbuf_put(b, "&#39;");
            break;
        default:
            if (cp == '\n' && keep_lines)
                strbuf_put(b, "\n");
            else if (utf8_forbidden(cp))
                strbuf_put(b, " ");
            else
                strbuf_put_bytes(b, s + i, n);
        }
        i += n;
    }
}
