/* speech_batch.c: a session's speech measured before it starts, on every
 * core (see speech_batch.h). */
#include "speech_batch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "speech.h"

enum { MAX_WORKERS = 8, ERR_LEN = 200 };

/* What a worker tells of one line. */
struct report {
    size_t index; /* in the set */
    int64_t frames;
    int ok;
    char err[ERR_LEN];
};

struct worker {
    pid_t pid;
    int fd; /* read end; -1 once it ended */
};

struct batch {
    struct sound_set *set;
    struct diag_list *d;
    const atomic_bool *cancel;
    atomic_size_t *done;
    struct speech_batch_figures *fig;
    size_t *todo; /* sounds still to speak */
    size_t n_todo;
    bool *told; /* per todo entry: its length arrived */
};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static bool cancelled(const struct batch *b)
{
    return b->cancel && atomic_load(b->cancel);
}

static void record(struct batch *b, struct sound *snd, int64_t frames,
                   bool made)
{
    snd->length = frames;
    b->fig->audio_seconds += (double)frames / SOUND_RATE;
    if (made)
        b->fig->made_seconds += (double)frames / SOUND_RATE;
    atomic_fetch_add(b->done, 1);
}

/* Speaks one line in this process and keeps only its length. */
static void speak_here(struct batch *b, struct sound *snd)
{
    bool cached;
    char err[ERR_LEN];
    if (speech_synthesize(snd, &cached, err, sizeof(err))) {
        record(b, snd, snd->frames, true);
        free(snd->pcm);
        snd->pcm = NULL;
        snd->frames = 0;
    } else {
        diag_add(b->d, snd->source, snd->line, "%s", err);
        atomic_fetch_add(b->done, 1);
    }
}

/* A worker: speaks every n-th line from its own, tells each length, and
 * ends without running the parent's exit handlers. */
static void worker_main(struct batch *b, int w, int n, int fd)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    for (size_t i = (size_t)w; i < b->n_todo; i += (size_t)n) {
        struct sound *snd = &b->set->items[b->todo[i]];
        struct report r = {.index = i};
        bool cached;
        r.ok = speech_synthesize(snd, &cached, r.err, sizeof(r.err));
        r.frames = r.ok ? snd->frames : 0;
        free(snd->pcm);
        snd->pcm = NULL;
        if (write(fd, &r, sizeof(r)) != (ssize_t)sizeof(r))
            _exit(1);
    }
    _exit(0);
}

static int start_workers(struct batch *b, struct worker *ws, int n)
{
    int started = 0;
    for (int w = 0; w < n; w++) {
        int fds[2];
        if (pipe(fds) != 0)
            break;
        pid_t pid = speech_fork();
        if (pid == 0) {
            close(fds[0]);
            worker_main(b, w, n, fds[1]);
        }
        close(fds[1]);
        if (pid < 0) {
            close(fds[0]);
            break;
        }
        ws[started++] = (struct worker){pid, fds[0]};
    }
    return started;
}

/* Reads one report from a worker; false at its end. */
static bool take_report(struct batch *b, struct worker *w)
{
    struct report r;
    size_t got = 0;
    while (got < sizeof(r)) {
        ssize_t k = read(w->fd, (char *)&r + got, sizeof(r) - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        got += (size_t)k;
    }
    if (r.index >= b->n_todo || b->told[r.index])
        return true;
    b->told[r.index] = true;
    struct sound *snd = &b->set->items[b->todo[r.index]];
    if (r.ok && r.frames > 0) {
        record(b, snd, r.frames, true);
    } else {
        r.err[ERR_LEN - 1] = '\0';
        diag_add(b->d, snd->source, snd->line, "%s", r.err);
        atomic_fetch_add(b->done, 1);
    }
    return true;
}

/* Waits for every worker's reports; on cancel, ends them at once. */
static void collect(struct batch *b, struct worker *ws, int n)
{
    int open = n;
    while (open > 0 && !cancelled(b)) {
        struct pollfd pf[MAX_WORKERS];
        for (int i = 0; i < n; i++)
            pf[i] = (struct pollfd){.fd = ws[i].fd, .events = POLLIN};
        if (poll(pf, (nfds_t)n, 50) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < n; i++)
            if (ws[i].fd >= 0 && (pf[i].revents & (POLLIN | POLLHUP)) &&
                !take_report(b, &ws[i])) {
                close(ws[i].fd);
                ws[i].fd = -1;
                open--;
            }
    }
    for (int i = 0; i < n; i++) {
        if (ws[i].fd >= 0) {
            kill(ws[i].pid, SIGKILL);
            close(ws[i].fd);
        }
        while (waitpid(ws[i].pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
}

static int worker_count(size_t lines)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1)
        cores = 1;
    if (cores > MAX_WORKERS)
        cores = MAX_WORKERS;
    return lines < 2 ? 0 : (int)(lines < (size_t)cores ? lines : (size_t)cores);
}

static void speak_all(struct batch *b)
{
    struct worker ws[MAX_WORKERS];
    int n = worker_count(b->n_todo);
    if (n > 1 && (n = start_workers(b, ws, n)) > 0) {
        b->fig->workers = n;
        collect(b, ws, n);
    }
    /* Lines no worker told (none started, or one ended early) are spoken
     * here. */
    for (size_t i = 0; i < b->n_todo && !cancelled(b); i++)
        if (!b->told[i]) {
            b->told[i] = true;
            speak_here(b, &b->set->items[b->todo[i]]);
        }
}

bool speech_batch_measure(struct sound_set *set, struct diag_list *d,
                          const atomic_bool *cancel, atomic_size_t *done,
                          atomic_size_t *total,
                          struct speech_batch_figures *fig)
{
    memset(fig, 0, sizeof(*fig));
    double t0 = now();
    struct batch b = {
        .set = set, .d = d, .cancel = cancel, .done = done, .fig = fig};
    size_t lines = 0;
    for (size_t k = 0; k < set->count; k++)
        lines += set->items[k].text && set->items[k].length == 0;
    atomic_store(total, lines);
    atomic_store(done, 0);
    b.todo = calloc(lines + 1, sizeof(size_t));
    b.told = calloc(lines + 1, sizeof(bool));
    if (!b.todo || !b.told) {
        free(b.todo);
        free(b.told);
        diag_add(d, "stillpoint", 0, "out of memory");
        return !cancelled(&b);
    }
    for (size_t k = 0; k < set->count && !cancelled(&b); k++) {
        struct sound *snd = &set->items[k];
        if (!snd->text || snd->length > 0)
            continue;
        if (speech_reload(snd)) { /* made before: its length is known */
            record(&b, snd, snd->frames, false);
            free(snd->pcm);
            snd->pcm = NULL;
            snd->frames = 0;
        } else {
            b.todo[b.n_todo++] = k;
        }
    }
    if (!cancelled(&b))
        speak_all(&b);
    free(b.todo);
    free(b.told);
    fig->wall_seconds = now() - t0;
    return !cancelled(&b);
}
