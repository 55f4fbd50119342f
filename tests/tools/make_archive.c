/* make_archive: writes the archives tests/e2e/bundles.sh needs, hostile
 * ones included, with libarchive. Usage: make_archive OUT SPEC...
 * OUT ends in .zip (zip) or else is a gzip'd tar. Each SPEC is one member:
 *   file:NAME=PATH     a regular file holding PATH's bytes
 *   zeros:NAME=BYTES   a regular file of BYTES zero bytes
 *   symlink:NAME=TO    a symbolic link      hardlink:NAME=TO  a hard link
 *   fifo:NAME          a FIFO               chr:NAME          a device
 *   dir:NAME           a folder */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(struct archive *a, const char *what)
{
    fprintf(stderr, "make_archive: %s: %s\n", what,
            a ? archive_error_string(a) : "bad argument");
    exit(1);
}

static void add(struct archive *a, char *spec)
{
    char *colon = strchr(spec, ':');
    if (!colon)
        die(NULL, spec);
    *colon = '\0';
    char *name = colon + 1, *arg = strchr(name, '=');
    if (arg)
        *arg++ = '\0';
    struct archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, name);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1700000000, 0);
    FILE *in = NULL;
    long long zeros = 0;
    if (!strcmp(spec, "file") && arg) {
        in = fopen(arg, "rb");
        if (!in)
            die(NULL, arg);
        fseek(in, 0, SEEK_END);
        archive_entry_set_size(e, ftell(in));
        rewind(in);
        archive_entry_set_filetype(e, AE_IFREG);
    } else if (!strcmp(spec, "zeros") && arg) {
        zeros = atoll(arg);
        archive_entry_set_size(e, zeros);
        archive_entry_set_filetype(e, AE_IFREG);
    } else if (!strcmp(spec, "symlink") && arg) {
        archive_entry_set_filetype(e, AE_IFLNK);
        archive_entry_set_symlink(e, arg);
    } else if (!strcmp(spec, "hardlink") && arg) {
        archive_entry_set_hardlink(e, arg);
    } else if (!strcmp(spec, "fifo")) {
        archive_entry_set_filetype(e, AE_IFIFO);
    } else if (!strcmp(spec, "chr")) {
        archive_entry_set_filetype(e, AE_IFCHR);
        archive_entry_set_rdev(e, 0x0103);
    } else if (!strcmp(spec, "dir")) {
        archive_entry_set_filetype(e, AE_IFDIR);
        archive_entry_set_perm(e, 0755);
    } else {
        die(NULL, spec);
    }
    if (archive_write_header(a, e) != ARCHIVE_OK)
        die(a, name);
    static char buf[65536];
    size_t got;
    while (in && (got = fread(buf, 1, sizeof(buf), in)) > 0)
        if (archive_write_data(a, buf, got) != (la_ssize_t)got)
            die(a, name);
    memset(buf, 0, sizeof(buf));
    while (zeros > 0) {
        size_t n = zeros > (long long)sizeof(buf) ? sizeof(buf) : (size_t)zeros;
        if (archive_write_data(a, buf, n) != (la_ssize_t)n)
            die(a, name);
        zeros -= (long long)n;
    }
    if (in)
        fclose(in);
    archive_entry_free(e);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        die(NULL, "usage: make_archive OUT SPEC...");
    size_t len = strlen(argv[1]);
    struct archive *a = archive_write_new();
    if (len > 4 && !strcmp(argv[1] + len - 4, ".zip")) {
        archive_write_set_format_zip(a);
    } else {
        archive_write_set_format_pax_restricted(a);
        archive_write_add_filter_gzip(a);
    }
    if (archive_write_open_filename(a, argv[1]) != ARCHIVE_OK)
        die(a, argv[1]);
    for (int i = 2; i < argc; i++)
        add(a, argv[i]);
    if (archive_write_close(a) != ARCHIVE_OK)
        die(a, argv[1]);
    archive_write_free(a);
    return 0;
}
