/* diag.c: the capped list of FILE:LINE problems. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
    char *m = d->msgs[d->count++];
    int n = line > 0 ? snprintf(m, DIAG_MSG, "%s:%d: ", file, line)
                     : snprintf(m, DIAG_MSG, "%s: ", file);
    if (n < 0 || n >= DIAG_MSG)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m + n, DIAG_MSG - (size_t)n, fmt, ap);
    va_end(ap);
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
