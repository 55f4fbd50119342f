/* marks_check.c: late time marks, found on the prepared timeline (see
 * marks_check.h). */
#include "marks_check.h"

#include "../core/pace.h"
#include "prepare.h"

/* Sessions whose length the loader's estimate cannot know well enough:
 * time marks (is any reached late?) and recordings (within four hours?). */
static bool needs_measuring(const struct session *s)
{
    for (size_t i = 0; i < s->n_steps; i++)
        if (s->steps[i].has_at || s->steps[i].kind == STEP_PLAY)
            return true;
    return false;
}

int marks_check(const struct session *s, const struct timeline_options *o,
                struct diag_list *warnings, struct diag_list *problems)
{
    if (!needs_measuring(s))
        return 0;
    struct prepare *p = prepare_start(s, o, PREPARE_MEASURE);
    if (!p) {
        diag_add(problems, "stillpoint", 0, "out of memory");
        return -1;
    }
    if (!prepare_wait(p, PREPARE_TIMELINE)) {
        diag_merge(problems, prepare_problems(p));
        prepare_free(p);
        return -1;
    }
    const struct timeline *t = prepare_timeline(p);
    for (size_t i = 0; i < t->n_late; i++) {
        const struct step *st = &s->steps[t->late[i].step];
        double starts = (double)t->late[i].starts / SOUND_RATE;
        char mark[32], ends[32];
        pace_format_time(mark, sizeof(mark), st->at);
        pace_format_time(ends, sizeof(ends), starts);
        diag_add(warnings, s->source, st->at_line,
                 "'at = \"%s\"' is reached %.1f s late: the step before ends "
                 "at %s",
                 mark, starts - st->at, ends);
    }
    int n = (int)t->n_late;
    prepare_free(p);
    return n;
}
