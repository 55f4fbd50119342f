/* cfgfile.c: reading, prescanning and parsing a libconfig file, shared by
 * the session loader and the preferences file. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "cfgfile.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "prescan.h"

/* Says the sizes in bytes: in KB, a file two bytes over reads as equal. */
static void too_big(struct diag_list *d, const char *path,
                    unsigned long long size, size_t max, const char *kind)
{
    diag_add(d, path, 0,
             "the file is %llu bytes; %s are limited to %zu bytes (%zu KB)",
             size, kind, max, max >> 10);
}

char *cfgfile_read(const char *path, size_t max, const char *kind, size_t *len,
                   bool *missing, struct diag_list *d)
{
    if (missing)
        *missing = false;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (missing && errno == ENOENT)
            *missing = true;
        else
            diag_add(d, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_add(d, path, 0, "not a regular file");
    } else if ((unsigned long long)st.st_size > max) {
        too_big(d, path, (unsigned long long)st.st_size, max, kind);
    } else if ((buf = malloc((size_t)st.st_size + 1))) {
        size_t got = 0;
        ssize_t r = 1;
        while (got <= (size_t)st.st_size &&
               (r = read(fd, buf + got, (size_t)st.st_size + 1 - got)) > 0)
            got += (size_t)r;
        if (r < 0 || got > (size_t)st.st_size) {
            diag_add(d, path, 0,
                     r < 0 ? "cannot read: %s"
                           : "the file changed while being read",
                     strerror(errno));
            free(buf);
            buf = NULL;
        } else {
            *len = got;
        }
    } else {
        diag_add(d, path, 0, "out of memory");
    }
    close(fd);
    return buf;
}

static void syntax_error(struct diag_list *d, const char *name,
                         const config_t *cfg)
{
    const char *text = config_error_text(cfg);
    const char *hint = "";
    if (text && strstr(text, "mismatched element type"))
        hint = " (in [ ] write every number the same way, e.g. "
               "[4.0, 7.0, 8.0, 0.0]; or use a list ( ))";
    diag_add(d, name, config_error_line(cfg), "%s%s", text ? text : "error",
             hint);
}

bool cfgfile_parse(config_t *cfg, const char *name, const char *text,
                   size_t len, size_t max, const char *kind,
                   struct diag_list *d)
{
    if (len > max) {
        too_big(d, name, len, max, kind);
        return false;
    }
    char *copy = prescan_text(name, text, len, d);
    if (!copy)
        return false;
    bool ok = config_read_string(cfg, copy) == CONFIG_TRUE;
    if (!ok)
        syntax_error(d, name, cfg);
    free(copy);
    return ok;
}

bool cfgfile_check_version(const struct check_ctx *ctx,
                           const config_setting_t *v, int current)
{
    double n;
    if (!schema_as_number(v, &n) || !isfinite(n) || n != floor(n)) {
        diag_add(ctx->d, ctx->file, schema_line(v),
                 "version: expected a whole number such as %d", current);
        return false;
    }
    if (n > current) {
        diag_add(ctx->d, ctx->file, schema_line(v),
                 "format version %.0f is newer than this stillpoint reads "
                 "(version %d); it needs stillpoint %.0f.0 or later",
                 n, current, n);
        return false;
    }
    if (n < current) {
        diag_add(ctx->d, ctx->file, schema_line(v),
                 "unknown format version %.0f (this stillpoint reads version "
                 "%d)",
                 n, current);
        return false;
    }
    return true;
}
