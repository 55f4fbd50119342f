/* session_life.c: a session from Enter to its history row: the
 * person's choices applied, the sound readied (audio/prepare.c) and
 * played (audio/live.c), the clock followed (core/run.c), the end
 * recorded. */
#include "app.h"
#include "app_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../audio/device.h"
#include "../load/prefs_file.h"

/* Wakes the device (it sleeps while a session is paused, and a lost one
 * is replaced by the one there is now), saying when there is none. */
static void wake(struct app *a)
{
    device_set_paused(false);
    if (device_went_silent() && !a->silent) {
        a->silent = true;
        snprintf(a->run_notice, sizeof(a->run_notice),
                 "The sound device is gone; the session goes on silently, "
                 "with captions.");
        a->dirty = true;
    } else if (a->sound_lost) {
        a->run_notice[0] = '\0'; /* it sounds on the device there is now */
        a->dirty = true;
    }
    a->sound_lost = false;
}

/* Sends a command to the clock thread, waking the device first. */
void app_send(struct app *a, enum engine_cmd cmd, float arg)
{
    wake(a);
    live_send(a->live, cmd, arg);
}

/* The sound device went away (unplugged, or its server gone): a session
 * playing pauses and says so; Space goes on, on the device there is then
 * (see wake). Preparing, the session starts on it. */
void app_sound_lost(struct app *a)
{
    a->sound_lost = true;
    if (a->screen != SCR_RUNNING)
        return;
    snprintf(a->run_notice, sizeof(a->run_notice),
             "The sound device was disconnected, so the session is paused. "
             "Press Space to go on with the device there is now.");
    /* SDL goes on calling the engine for a lost device, at the same pace:
     * the pause applies without waking anything. */
    if (!ui_paused(a))
        live_send(a->live, ENGINE_PAUSE, 0);
    a->dirty = true;
}

/* Whether the clock thread has applied every command sent. */
bool app_settled(const struct app *a)
{
    return !a->live || live_settled(a->live, &a->snap);
}

void app_close_session(struct app *a)
{
    live_free(a->live);
    prepare_free(a->prep);   /* cancels what is still being readied */
    device_set_paused(true); /* after the worker: it decodes through it */
    arena_free(a->scratch);
    memset(&a->tl, 0, sizeof(a->tl));
    a->prep = NULL;
    a->scratch = NULL;
    a->live = NULL;
}

void app_record(struct app *a, enum history_outcome o, const char *detail)
{
    a->row.outcome = o;
    snprintf(a->row.detail, sizeof(a->row.detail), "%s", detail);
    char err[256];
    if (a->opt->no_history)
        return; /* --no-history */
    if (!a->history_path[0])
        snprintf(a->history_error, sizeof(a->history_error),
                 "No place for the history (HOME is not set).");
    else if (history_append(a->history_path, &a->row, err, sizeof(err)) != 0)
        snprintf(a->history_error, sizeof(a->history_error),
                 "This session could not be recorded: %s", err);
    else if (err[0]) /* the file was made private */
        snprintf(a->history_error, sizeof(a->history_error), "%s", err);
}

void app_begin_row(struct app *a, double planned)
{
    memset(&a->row, 0, sizeof(a->row));
    history_stamp(&a->row, 0);
    snprintf(a->row.session, sizeof(a->row.session), "%s", a->s->name);
    snprintf(a->row.type, sizeof(a->row.type), "%s", a->s->type);
    a->row.planned_s = planned;
    a->history_error[0] = '\0';
}

void app_session_options(const struct app *a, struct timeline_options *tl,
                         struct adapt_options *ad)
{
    struct prefs chosen;
    prefs_merge(&chosen, &a->opt->prefs, &a->prefs);
    *tl = (struct timeline_options){.stock_clip = library_stock_clip,
                                    .stock_ctx = a->lib};
    *ad = (struct adapt_options){0};
    prefs_session_options(&chosen, tl, ad);
}

/* Keeps changed choices; false when that failed just now (the notice
 * says why). */
bool app_save_prefs(struct app *a)
{
    if (!a->prefs_changed || !a->prefs_path[0])
        return true;
    char err[300];
    bool ok = prefs_save(a->prefs_path, &a->prefs, err, sizeof(err)) == 0;
    if (!ok)
        snprintf(a->prefs_notice, sizeof(a->prefs_notice),
                 "Your choices apply now but could not be kept: %.250s", err);
    else
        a->prefs_notice[0] = '\0';
    a->prefs_changed = false;
    return ok;
}

/* Applies the person's choices and starts readying the sound in the
 * background; app_tick() starts the clock once the first line is ready. */
bool app_begin_preparing(struct app *a)
{
    a->enter_ns = ui_now_ns();
    app_session_options(a, &a->tlopt, &a->adopt);
    /* Opening the device takes a while too: it opens while the worker
     * readies the sound. */
    device_set_paused(false);
    a->scratch = arena_new();
    const struct session *s =
        a->scratch ? adapt_session(a->s, &a->adopt, a->scratch) : NULL;
    a->prep = s ? prepare_start(s, &a->tlopt, PREPARE_LIVE) : NULL;
    if (!a->prep) {
        snprintf(a->notice, sizeof(a->notice), "out of memory");
        app_close_session(a);
        return false;
    }
    a->s = s;
    a->screen = SCR_PREPARING;
    return true;
}

/* Starts the clock on the prepared sound. */
static bool start_session(struct app *a)
{
    a->tl = *prepare_timeline(a->prep);
    struct live_volumes v = {a->volume, a->prefs.voice_volume,
                             a->prefs.cue_volume, a->prefs.ambient_volume};
    a->live = live_new(&a->tl, prepare_sounds(a->prep), &v);
    if (!a->live) {
        snprintf(a->notice, sizeof(a->notice), "out of memory");
        return false;
    }
    app_begin_row(a, (double)a->tl.total_frames / SOUND_RATE);
    app_record(a, HISTORY_INTERRUPTED, "");
    rating_record_before(a);
    run_start(&a->run, a->s->safety, &a->tl);
    live_snapshot(a->live, &a->snap);
    live_play(a->live);
    a->run_notice[0] = '\0';
    wake(a);
    if (a->silent && !a->run_notice[0])
        snprintf(a->run_notice, sizeof(a->run_notice),
                 "No sound device: the session runs silently, with captions.");
    a->screen = SCR_RUNNING;
    return true;
}

/* While preparing: starts the clock when the first line is ready, or
 * says why the session cannot play. */
static void tick_preparing(struct app *a)
{
    enum prepare_stage st = prepare_stage(a->prep);
    if (st == PREPARE_FAILED) {
        const struct diag_list *d = prepare_problems(a->prep);
        snprintf(a->notice, sizeof(a->notice),
                 "This session cannot play: %.200s",
                 d->count ? d->msgs[0] : "out of memory");
        app_close_session(a);
        a->screen = SCR_MENU;
        a->dirty = true;
    } else if (st >= PREPARE_FIRST_LINE) {
        if (!start_session(a)) {
            app_close_session(a);
            a->screen = SCR_MENU;
        }
        a->dirty = true;
    }
}

/* Stops the clock (with its short fade) and waits for it, at most a
 * moment, so the history gets the exact time practised. */
static void stop_clock(struct app *a)
{
    wake(a);
    live_stop(a->live, &a->snap);
}

void app_end_session(struct app *a, enum history_outcome o, const char *why)
{
    if (o != HISTORY_COMPLETED) {
        stop_clock(a);
        if (a->key_ns && getenv("STILLPOINT_BENCH"))
            /* For make bench: the key that stopped the session to the
             * last sound handed to the device (the fade's end). */
            fprintf(stderr, "key-to-silence %lld\n",
                    device_last_sound_ns() - a->key_ns);
    }
    run_finish_row(&a->row, o, why, a->snap.position);
    char detail[sizeof a->row.detail];
    snprintf(detail, sizeof(detail), "%s", a->row.detail);
    app_record(a, o, detail);
    a->outcome = o;
    run_end(&a->run);
    a->screen = SCR_AFTER;
    rating_open_after(a);
}

void app_open_session(struct app *a, const struct session *s)
{
    app_close_session(a);
    a->s = s;
    a->notice[0] = '\0';
    rating_reset(a);
    safety_flow_start(&a->flow, s->safety);
    a->screen = SCR_BEFORE;
}

void app_leave(struct app *a)
{
    app_close_session(a);
    if (a->opt->session)
        a->quit = true;
    a->screen = SCR_MENU;
}

void app_send_volume(struct app *a, float delta)
{
    a->volume += delta;
    a->volume = a->volume < 0 ? 0 : a->volume > 1 ? 1 : a->volume;
    a->volume = roundf(a->volume * 10) / 10;
    if (a->prefs.master_volume != a->volume) {
        a->prefs.master_volume = a->volume;
        a->prefs_changed = true;
    }
    if (a->live)
        app_send(a, ENGINE_VOLUME, a->volume);
    read_aloud_volume(a);
}

void app_tick(struct app *a)
{
    if (a->screen == SCR_PREPARING)
        tick_preparing(a);
    if (a->screen != SCR_RUNNING)
        return;
    live_snapshot(a->live, &a->snap);
    if (a->enter_ns && device_first_sound_ns() && getenv("STILLPOINT_BENCH")) {
        /* For make bench: Enter on the last screen before the session to
         * the first sound handed to the device. */
        fprintf(stderr, "enter-to-sound %lld\n",
                device_first_sound_ns() - a->enter_ns);
        a->enter_ns = 0;
    }
    char late[DIAG_MSG];
    if (prepare_late_problem(a->prep, late, sizeof(late))) {
        /* A file that failed to decode after all: its caption shows. */
        snprintf(a->run_notice, sizeof(a->run_notice),
                 "%.300s; the session goes on without it.", late);
        a->dirty = true;
    }
    if (a->snap.state == PLAYER_FINISHED) {
        app_end_session(a, HISTORY_COMPLETED, "");
        a->dirty = true;
        return;
    }
    if (a->snap.state == PLAYER_PAUSED && app_settled(a))
        device_set_paused(true); /* the fade is done: sleep until asked */
    if (ui_paused(a))
        return;
    prepare_follow(a->prep, a->snap.position);
    enum run_action act = run_tick(&a->run, a->snap.position);
    if (act == RUN_PAUSE)
        app_send(a, ENGINE_PAUSE, 0);
    if (act != RUN_NOTHING)
        a->dirty = true;
}
