/* test_fsutil.c: the file-system steps every writer shares. What a person
 * would notice: a new file made beside the one it replaces, under a name
 * nobody can guess or plant a link at, with the permissions asked for;
 * and a symbolic link recognised as one wherever it leads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/core/fsutil.h"
#include "tmpdir.h"

static int setup(void **state)
{
    return tmpdir_setup(state, "fsutil", "out.wav");
}

static bool alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* The new file is DIR/.BASE.XXXXXX beside dest: empty, a regular file,
 * write-only, closed on exec, with the mode asked for less the umask. */
static void test_temp_beside_dest(void **state)
{
    struct tmpdir *t = *state;
    static const struct {
        mode_t mode, umask, want;
    } table[] = {
        {0600, 022, 0600},
        {0666, 022, 0644}, /* a render: as fopen() would make it */
        {0666, 077, 0600},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        char tmp[256], prefix[256];
        mode_t old = umask(table[i].umask);
        int fd = fsutil_create_temp(t->path, table[i].mode, tmp, sizeof tmp);
        umask(old);
        assert_true(fd >= 0);
        snprintf(prefix, sizeof prefix, "%s/.out.wav.", t->dir);
        assert_int_equal(strlen(tmp), strlen(prefix) + 6);
        assert_memory_equal(tmp, prefix, strlen(prefix));
        for (const char *c = tmp + strlen(prefix); *c; c++)
            assert_true(alnum(*c));

        struct stat st, fst;
        assert_int_equal(lstat(tmp, &st), 0);
        assert_int_equal(fstat(fd, &fst), 0);
        assert_true(S_ISREG(st.st_mode));
        assert_true(st.st_ino == fst.st_ino && st.st_dev == fst.st_dev);
        assert_int_equal(st.st_size, 0);
        assert_int_equal(st.st_mode & 07777, table[i].want);
        assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
        assert_int_equal(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
        assert_int_equal(write(fd, "RIFF", 4), 4);
        assert_int_equal(close(fd), 0);
        assert_int_equal(unlink(tmp), 0);
    }
    /* dest itself is never made. */
    assert_int_equal(access(t->path, F_OK), -1);
}

/* Names nobody can guess: each call draws a new one, and none is made
 * of the process id (the old OUT.PID.tmp could be planted ahead). */
static void test_temp_names_differ(void **state)
{
    struct tmpdir *t = *state;
    enum { N = 200 };
    static char names[N][256];
    char pid[32];
    snprintf(pid, sizeof pid, ".%ld.", (long)getpid());
    for (int i = 0; i < N; i++) {
        int fd = fsutil_create_temp(t->path, 0600, names[i], sizeof names[i]);
        assert_true(fd >= 0);
        close(fd);
        assert_null(strstr(names[i], pid));
        for (int j = 0; j < i; j++)
            assert_string_not_equal(names[i], names[j]);
    }
    for (int i = 0; i < N; i++)
        unlink(names[i]);
}

/* A missing folder, a name too long for the buffer: -1 with errno, and
 * nothing made; a bare name is made in the current folder. */
static void test_temp_errors(void **state)
{
    struct tmpdir *t = *state;
    char dest[256], tmp[256];
    snprintf(dest, sizeof dest, "%s/missing/out.wav", t->dir);
    errno = 0;
    assert_int_equal(fsutil_create_temp(dest, 0600, tmp, sizeof tmp), -1);
    assert_int_equal(errno, ENOENT);

    char small[16];
    errno = 0;
    assert_int_equal(fsutil_create_temp(t->path, 0600, small, sizeof small),
                     -1);
    assert_int_equal(errno, ENAMETOOLONG);
    assert_string_equal(small, "");

    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(t->dir), 0);
    int fd = fsutil_create_temp("prefs.cfg", 0600, tmp, sizeof tmp);
    assert_int_equal(chdir(cwd), 0);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(strncmp(tmp, ".prefs.cfg.", 11), 0);
    char made[512];
    snprintf(made, sizeof made, "%s/%s", t->dir, tmp);
    assert_int_equal(access(made, F_OK), 0);
}

/* A link is a link wherever it leads, to nowhere included; a file or a
 * folder is not one, and nothing at all is not one either. */
static void test_is_link(void **state)
{
    struct tmpdir *t = *state;
    char file[256], dir[256], link[256];
    snprintf(file, sizeof file, "%s/file", t->dir);
    snprintf(dir, sizeof dir, "%s/dir", t->dir);
    FILE *fp = fopen(file, "w");
    assert_non_null(fp);
    fclose(fp);
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_false(fsutil_is_link(file));
    assert_false(fsutil_is_link(dir));
    assert_false(fsutil_is_link(t->path)); /* nothing there */

    static const char *const targets[] = {"file", "dir", "nowhere",
                                          "/dev/null"};
    for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
        snprintf(link, sizeof link, "%s/link%zu", t->dir, i);
        assert_int_equal(symlink(targets[i], link), 0);
        assert_true(fsutil_is_link(link));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_temp_beside_dest, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_temp_names_differ, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_temp_errors, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_is_link, setup, tmpdir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
