/* tmpdir.h: a private temporary folder for each test, as a cmocka setup
 * and teardown pair: setup makes the folder, teardown removes it with all
 * it holds. Linked into the tests that name it in the Makefile. */
#ifndef STILLPOINT_TESTS_TMPDIR_H
#define STILLPOINT_TESTS_TMPDIR_H

struct tmpdir {
    char dir[64];   /* /tmp/stillpoint-NAME-XXXXXX */
    char path[128]; /* dir/REL, not created */
};

/* Makes the folder /tmp/stillpoint-NAME-XXXXXX and a struct tmpdir whose
 * path is dir/rel, put in *state. Returns 0, or -1 when it cannot. */
int tmpdir_setup(void **state, const char *name, const char *rel);

/* Removes the folder of *state and everything below it (even folders a
 * test made unwritable), and frees *state. Returns 0. */
int tmpdir_teardown(void **state);

#endif
