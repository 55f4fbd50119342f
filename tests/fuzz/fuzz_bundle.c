/* fuzz_bundle.c: libFuzzer target for bundle archives. Arbitrary bytes
 * as a .zip or .tar.gz must never crash, hang or leak the member checks
 * or the extraction, and extraction writes only regular files inside its
 * folder. */
#define _GNU_SOURCE /* memfd_create */
#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/load/bundle.h"
#include "../../src/load/bundle_archive.h"

static int fd = -1;
static char path[64], dir[64] = "/tmp/fuzz_bundle.XXXXXX";

/* Empties dir, failing on anything but regular files and folders. */
static void empty(const char *d, int depth)
{
    DIR *h = opendir(d);
    if (!h)
        return;
    struct dirent *e;
    while ((e = readdir(h))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", d, e->d_name);
        struct stat st;
        if (lstat(p, &st) != 0)
            __builtin_trap();
        if (S_ISDIR(st.st_mode) && depth < 64) {
            empty(p, depth + 1);
            rmdir(p);
        } else if (S_ISREG(st.st_mode)) {
            unlink(p);
        } else {
            __builtin_trap(); /* a link or a device got out */
        }
    }
    closedir(h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        fd = memfd_create("bundle", 0);
        if (fd < 0 || !mkdtemp(dir))
            __builtin_trap();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 ||
        (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
        __builtin_trap();
    char why[512];
    /* Read as its bytes say: gzip or tar, else zip. */
    bool tar = (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) ||
               (size > 262 && !memcmp(data + 257, "ustar", 5));
    bundle_archive_extract(path, !tar, dir, why, sizeof why);
    empty(dir, 0);
    return 0;
}
