/* make_archive: writes the archives tests/e2e/bundles.sh needs, hostile
 * ones included, with libarchive. Usage: make_archive OUT SPEC...
 * OUT ends in .zip (zip) or else is a gzip'd tar. Each SPEC is one member:
 *   file:NAME=PATH     a regular file holding PATH's bytes
 *   zeros:NAME=BYTES   a regular file of BYTES zero bytes
 *   symlink:NAME=TO    a symbolic link      hardlink:NAME=TO  a hard link
 *   fifo:NAME          a FIFO               chr:NAME          a device
 *   dir:NAME           a folder
 * or, alone, a zip written byte by byte (libarchive writes none so bad):
 *   zipcd:N[:LISTED]   one small member, and a central directory of N
 *                      entries (Zip64 past 65535) whose end records say
 *                      it has LISTED (default N), and its size for them;
 *                      the shape of an archive made to exhaust a reader's
 *                      memory before any member */
#include <archive.h>
#include <archive_entry.h>
#include <stdbool.h>
#include <stdint.h>
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

static void le(FILE *f, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        fputc((int)((v >> (8 * i)) & 0xff), f);
}

/* zipcd:N[:LISTED]: see the top of the file. */
static void huge_central_directory(const char *out, const char *spec)
{
    unsigned long long n = strtoull(spec, NULL, 10), listed = n;
    const char *colon = strchr(spec, ':');
    if (colon)
        listed = strtoull(colon + 1, NULL, 10);
    FILE *f = fopen(out, "wb");
    if (!f)
        die(NULL, out);
    static const char data[] = "a member\n", name[] = "member.txt";
    /* The one member: stored, its CRC-32 computed by hand. */
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < sizeof(data) - 1; i++) {
        crc ^= (unsigned char)data[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    crc = ~crc;
    le(f, 0x04034b50, 4);
    le(f, 20, 2);
    le(f, 0, 2);
    le(f, 0, 2);
    le(f, 0, 4);
    le(f, crc, 4);
    le(f, sizeof(data) - 1, 4);
    le(f, sizeof(data) - 1, 4);
    le(f, sizeof(name) - 1, 2);
    le(f, 0, 2);
    fputs(name, f);
    fputs(data, f);
    uint64_t cd_start = (uint64_t)ftell(f);
    char entry[64];
    for (unsigned long long i = 0; i < n; i++) {
        int len = snprintf(entry, sizeof(entry),
                           "padding/entry-%012llu-of-a-huge-index.wav", i);
        le(f, 0x02014b50, 4);
        le(f, 0x031e, 2); /* made by Unix */
        le(f, 20, 2);
        le(f, 0, 2);
        le(f, 0, 2);
        le(f, 0, 4);
        le(f, crc, 4);
        le(f, sizeof(data) - 1, 4);
        le(f, sizeof(data) - 1, 4);
        le(f, (uint64_t)len, 2);
        le(f, 0, 2);
        le(f, 0, 2);
        le(f, 0, 2);
        le(f, 0, 2);
        le(f, 0100644u << 16, 4);
        le(f, 0, 4);
        fwrite(entry, 1, (size_t)len, f);
    }
    uint64_t cd_end = (uint64_t)ftell(f), cd_size = cd_end - cd_start;
    if (listed != n) /* the end records lie about the size too */
        cd_size = n ? cd_size / n * listed : 0;
    bool zip64 = n > 0xfffe;
    if (zip64) {
        le(f, 0x06064b50, 4); /* Zip64 end of central directory */
        le(f, 44, 8);
        le(f, 45, 2);
        le(f, 45, 2);
        le(f, 0, 4);
        le(f, 0, 4);
        le(f, listed, 8);
        le(f, listed, 8);
        le(f, cd_size, 8);
        le(f, cd_start, 8);
        le(f, 0x07064b50, 4); /* its locator */
        le(f, 0, 4);
        le(f, cd_end, 8);
        le(f, 1, 4);
    }
    le(f, 0x06054b50, 4);
    le(f, 0, 2);
    le(f, 0, 2);
    le(f, zip64 ? 0xffff : listed, 2);
    le(f, zip64 ? 0xffff : listed, 2);
    le(f, cd_size > 0xffffffffu ? 0xffffffffu : cd_size, 4);
    le(f, cd_start > 0xffffffffu ? 0xffffffffu : cd_start, 4);
    le(f, 0, 2);
    if (fclose(f) != 0)
        die(NULL, out);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        die(NULL, "usage: make_archive OUT SPEC...");
    if (argc == 3 && !strncmp(argv[2], "zipcd:", 6)) {
        huge_central_directory(argv[1], argv[2] + 6);
        return 0;
    }
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
