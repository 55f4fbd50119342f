/* diag.c: the capped list of FILE:LINE problems. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void diag_init(struct diag_list *d)
{
    d->count = 0;
    d->dropped = 0;
}

void diag_add(struct diag_list *d, const char *file, int line, const char *fmt,
              ...)
{
    if (d->count == DIAG_CAP) {
        d->dropped++;
        return;
    }
    /* Formatted whole first, then escaped: file names, member names and
     * texts quoted from a file reach a terminal only through here. */
    char raw[DIAG_MSG * 2];
    raw[0] = '\0';
    int n = line > 0 ? snprintf(raw, sizeof(raw), "%s:%d: ", file, line)
                     : snprintf(raw, sizeof(raw), "%s: ", file);
    if (n >= 0 && (size_t)n < sizeof(raw)) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(raw + n, sizeof(raw) - (size_t)n, fmt, ap);
        va_end(ap);
    }
    utf8_escape(raw, d->msgs[d->count++], DIAG_MSG);
}

size_t diag_total(const struct diag_list *d)
{
    return d->count + d->dropped;
}

void diag_merge(struct diag_list *d, const struct diag_list *from)
{
    for (size_t i = 0; i < from->count; i++) {
        if (d->count == DIAG_CAP) {
            d->dropped++;
            continue;
        }
        memcpy(d->msgs[d->count++], from->msgs[i], DIAG_MSG);
    }
    d->dropped += from->dropped;
}
