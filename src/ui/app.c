/* app.c: the window's screens, its event loop and its session lifecycle.
 * The loop sleeps in SDL_WaitEventTimeout until an event or the next
 * thing to draw, and draws only when what it shows has changed. */
#include "app.h"

#include <SDL.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../audio/decode.h"
#include "../audio/device.h"
#include "../audio/engine.h"
#include "../audio/prepare.h"
#include "../core/adapt.h"
#include "../core/history.h"
#include "../core/prefs_items.h"
#include "../core/run.h"
#include "../core/safety_flow.h"
#include "../core/timeline.h"
#include "../load/loader.h"
#include "../load/prefs_file.h"
#include "draw.h"
#include "history_view.h"
#include "import_view.h"
#include "text.h"

enum ui_cmd {
    UI_NONE,
    UI_UP,
    UI_DOWN,
    UI_ENTER,
    UI_YES,
    UI_NO,
    UI_PAUSE,
    UI_STOP,
    UI_DISCOMFORT,
    UI_INFO,
    UI_FULLSCREEN,
    UI_QUIT,
    UI_LEFT,
    UI_RIGHT,
    UI_CHOICES,
    UI_GROUNDING,
    UI_ANY,
    UI_HISTORY,
    UI_ITEM_BASE = 500, /* a click on an item of the choices screen */
    UI_OPEN_BASE = 1000,
};

enum screen {
    SCR_MENU,
    SCR_BEFORE,
    SCR_BLOCKED,
    SCR_PREPARING, /* its sound is being readied; Esc leaves at once */
    SCR_RUNNING,
    SCR_AFTER,
    SCR_CHOICES, /* the person's choices, from the menu or a before screen */
    SCR_HISTORY,
    SCR_IMPORT, /* a dropped session file or bundle, before import */
};

enum { MAX_MENU = 256, MAX_BUTTONS = MAX_MENU + 8 };

struct app {
    SDL_Window *win;
    SDL_Renderer *ren;
    struct text *text;
    struct library *lib;
    const struct app_options *opt;
    int w, h;
    enum screen screen;
    bool quit, dirty;
    /* menu */
    const struct session *menu[MAX_MENU];
    size_t menu_count, sel;
    /* the open session: as chosen, then as played (with the person's
     * choices applied, in scratch) */
    const struct session *s;
    struct arena *scratch;
    struct safety_flow flow;
    struct prepare *prep;
    struct timeline tl; /* a view of the prepared timeline */
    long long enter_ns; /* when Enter began it (for make bench) */
    long long key_ns;   /* when the last key came (for make bench) */
    struct player *player;
    struct mixer *mix;
    struct engine *engine;
    struct engine_snapshot snap;
    bool silent;
    char notice[300];
    char run_notice[400]; /* on the running screen: sound, late problems */
    bool sound_lost;      /* the device went away; the next wake replaces it */
    float volume;
    bool fullscreen;
    struct run run;       /* the during-session rules */
    uint64_t pending_seq; /* the snapshot that surely saw the last command */
    /* the person's choices: the preferences file and the options the
     * session is prepared with (the command line's, then these) */
    struct prefs prefs;
    char prefs_path[1024];
    char prefs_notice[300];
    bool prefs_changed;
    int choice;               /* the selected item */
    enum screen choices_from; /* where Esc returns */
    struct timeline_options tlopt;
    struct adapt_options adopt;
    /* history and the after screen */
    char history_path[1024];
    struct history_row row;
    enum history_outcome outcome;
    char history_error[300];
    struct history_view *history; /* the history screen, while open */
    struct import_view *import;   /* the import screen, while open */
    /* drawing */
    struct button buttons[MAX_BUTTONS];
    int n_buttons;
    char title[400];
    char view[160];
};

/* ---- small helpers ----------------------------------------------------- */

/* MM:SS; a countdown rounds up (it shows 00:00 only at the end), time
 * done rounds down. */
static void fmt_mmss(char *buf, size_t n, double seconds, bool up)
{
    int s = up ? (int)ceil(seconds - 1e-9) : (int)floor(seconds + 1e-9);
    if (s < 0)
        s = 0;
    snprintf(buf, n, "%02d:%02d", s / 60, s % 60);
}

static void fmt_clock(char *buf, size_t n, double seconds)
{
    fmt_mmss(buf, n, seconds, true);
}

static double seconds_left(const struct app *a)
{
    return (double)(a->tl.total_frames - a->snap.position) / SOUND_RATE;
}

static bool paused(const struct app *a)
{
    return a->snap.state == PLAYER_PAUSED || a->snap.state == PLAYER_PAUSING;
}

static void add_button(struct app *a, int x, int y, int w, int h,
                       const char *label, int cmd)
{
    if (a->n_buttons < MAX_BUTTONS)
        a->buttons[a->n_buttons++] = (struct button){{x, y, w, h}, label, cmd};
}

/* The row of buttons along the bottom; the last one is always the way
 * out (Stop, Leave, Quit...). */
static void bottom_buttons(struct app *a, const char *const *labels,
                           const int *cmds, int n)
{
    int bh = a->h / 12, gap = a->w / 60, bw = (a->w - gap * (n + 1)) / n;
    if (bw > a->w / 4)
        bw = a->w / 4;
    int x = a->w - gap - n * bw - (n - 1) * gap;
    for (int i = 0; i < n; i++, x += bw + gap)
        add_button(a, x, a->h - bh - gap, bw, bh, labels[i], cmds[i]);
}

/* ---- the session's sound and history ----------------------------------- */

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

/* Hands a command to the clock thread, which applies it in the next
 * callback. */
static void post(struct app *a, enum engine_cmd cmd, float arg)
{
    engine_send(a->engine, cmd, arg);
    /* A render under way may have drained the queue just before this
     * command; the one after it applies it. */
    struct engine_snapshot now;
    engine_snapshot(a->engine, &now);
    a->pending_seq = now.seq + 2;
}

/* Sends a command to the clock thread, waking the device first. */
static void send(struct app *a, enum engine_cmd cmd, float arg)
{
    wake(a);
    post(a, cmd, arg);
}

/* The sound device went away (unplugged, or its server gone): a session
 * playing pauses and says so; Space goes on, on the device there is then
 * (see wake). Preparing, the session starts on it. */
static void sound_lost(struct app *a)
{
    a->sound_lost = true;
    if (a->screen != SCR_RUNNING)
        return;
    snprintf(a->run_notice, sizeof(a->run_notice),
             "The sound device was disconnected, so the session is paused. "
             "Press Space to go on with the device there is now.");
    /* SDL goes on calling the engine for a lost device, at the same pace:
     * the pause applies without waking anything. */
    if (!paused(a))
        post(a, ENGINE_PAUSE, 0);
    a->dirty = true;
}

/* Whether the clock thread has applied every command sent. */
static bool settled(const struct app *a)
{
    return a->snap.seq >= a->pending_seq;
}

static void close_session(struct app *a)
{
    if (a->engine) {
        device_play(NULL);
        engine_free(a->engine);
        mix_free(a->mix);
        player_free(a->player);
    }
    prepare_free(a->prep);   /* cancels what is still being readied */
    device_set_paused(true); /* after the worker: it decodes through it */
    arena_free(a->scratch);
    memset(&a->tl, 0, sizeof(a->tl));
    a->prep = NULL;
    a->scratch = NULL;
    a->engine = NULL;
    a->mix = NULL;
    a->player = NULL;
}

static void record(struct app *a, enum history_outcome o, const char *detail)
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

static void begin_row(struct app *a, double planned)
{
    memset(&a->row, 0, sizeof(a->row));
    history_stamp(&a->row, 0);
    snprintf(a->row.session, sizeof(a->row.session), "%s", a->s->name);
    snprintf(a->row.type, sizeof(a->row.type), "%s", a->s->type);
    a->row.planned_s = planned;
    a->history_error[0] = '\0';
}

/* The options a session is prepared with: the command line's choices,
 * and the person's preferences where it made none (body regions left out
 * by either are left out). */
static void apply_prefs(struct app *a)
{
    struct prefs chosen;
    prefs_merge(&chosen, &a->opt->prefs, &a->prefs);
    a->tlopt = (struct timeline_options){.stock_clip = library_stock_clip,
                                         .stock_ctx = a->lib};
    a->adopt = (struct adapt_options){0};
    prefs_session_options(&chosen, &a->tlopt, &a->adopt);
}

/* Keeps changed choices; false when that failed just now (the notice
 * says why). */
static bool save_prefs(struct app *a)
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

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Applies the person's choices and starts readying the sound in the
 * background; tick() starts the clock once the first line is ready. */
static bool begin_preparing(struct app *a)
{
    a->enter_ns = now_ns();
    apply_prefs(a);
    /* Opening the device takes a while too: it opens while the worker
     * readies the sound. */
    device_set_paused(false);
    a->scratch = arena_new();
    const struct session *s =
        a->scratch ? adapt_session(a->s, &a->adopt, a->scratch) : NULL;
    a->prep = s ? prepare_start(s, &a->tlopt, PREPARE_LIVE) : NULL;
    if (!a->prep) {
        snprintf(a->notice, sizeof(a->notice), "out of memory");
        close_session(a);
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
    a->player = player_new(&a->tl);
    a->mix = a->player ? mix_new(prepare_sounds(a->prep), a->player) : NULL;
    a->engine = a->mix ? engine_new(a->mix, a->player) : NULL;
    if (!a->engine) {
        snprintf(a->notice, sizeof(a->notice), "out of memory");
        mix_free(a->mix);
        player_free(a->player);
        a->mix = NULL;
        a->player = NULL;
        return false;
    }
    mix_set_volume(a->mix, a->volume);
    mix_set_layer_volume(a->mix, MIX_VOICE, a->prefs.voice_volume);
    mix_set_layer_volume(a->mix, MIX_CUES, a->prefs.cue_volume);
    mix_set_layer_volume(a->mix, MIX_AMBIENT, a->prefs.ambient_volume);
    begin_row(a, (double)a->tl.total_frames / SOUND_RATE);
    record(a, HISTORY_INTERRUPTED, "");
    run_start(&a->run, a->s->safety, &a->tl);
    engine_snapshot(a->engine, &a->snap);
    a->pending_seq = 0;
    device_play(a->engine);
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
        close_session(a);
        a->screen = SCR_MENU;
        a->dirty = true;
    } else if (st >= PREPARE_FIRST_LINE) {
        if (!start_session(a)) {
            close_session(a);
            a->screen = SCR_MENU;
        }
        a->dirty = true;
    }
}

/* Stops the clock (with its short fade) and waits for it, at most a
 * moment, so the history gets the exact time practised. */
static void stop_clock(struct app *a)
{
    send(a, ENGINE_STOP, 0);
    for (int i = 0; i < 100; i++) {
        engine_snapshot(a->engine, &a->snap);
        if (a->snap.state == PLAYER_STOPPED || a->snap.state == PLAYER_FINISHED)
            break;
        SDL_Delay(2);
    }
}

static void end_session(struct app *a, enum history_outcome o, const char *why)
{
    if (o != HISTORY_COMPLETED) {
        stop_clock(a);
        if (a->key_ns && getenv("STILLPOINT_BENCH"))
            /* For make bench: the key that stopped the session to the
             * last sound handed to the device (the fade's end). */
            fprintf(stderr, "key-to-silence %lld\n",
                    device_last_sound_ns() - a->key_ns);
    }
    a->row.elapsed_s = (double)a->snap.position / SOUND_RATE;
    if (a->row.elapsed_s > a->row.planned_s)
        a->row.elapsed_s = a->row.planned_s;
    char detail[200], at[16];
    fmt_mmss(at, sizeof(at), a->row.elapsed_s, false);
    if (o == HISTORY_COMPLETED)
        snprintf(detail, sizeof(detail), "played to the end");
    else
        snprintf(detail, sizeof(detail), "%s at %s", why, at);
    record(a, o, detail);
    a->outcome = o;
    run_end(&a->run);
    a->screen = SCR_AFTER;
}

static void open_session(struct app *a, const struct session *s)
{
    close_session(a);
    a->s = s;
    a->notice[0] = '\0';
    safety_flow_start(&a->flow, s->safety);
    a->screen = SCR_BEFORE;
}

/* The history screen reads the file afresh each time it opens. */
static void open_history(struct app *a)
{
    history_view_free(a->history);
    a->history = history_view_load(a->history_path, a->opt->no_history);
    a->screen = SCR_HISTORY;
}

static void leave(struct app *a)
{
    close_session(a);
    if (a->opt->session)
        a->quit = true;
    a->screen = SCR_MENU;
}

/* ---- commands ---------------------------------------------------------- */

static void send_volume(struct app *a, float delta)
{
    a->volume += delta;
    a->volume = a->volume < 0 ? 0 : a->volume > 1 ? 1 : a->volume;
    a->volume = roundf(a->volume * 10) / 10;
    if (a->prefs.master_volume != a->volume) {
        a->prefs.master_volume = a->volume;
        a->prefs_changed = true;
    }
    if (a->engine)
        send(a, ENGINE_VOLUME, a->volume);
}

static void open_choices(struct app *a)
{
    a->choices_from = a->screen;
    a->screen = SCR_CHOICES;
}

static void cmd_choices(struct app *a, int cmd)
{
    int n = prefs_item_count();
    if (cmd >= UI_ITEM_BASE && cmd < UI_ITEM_BASE + n) {
        a->choice = cmd - UI_ITEM_BASE;
        cmd = UI_ENTER;
    }
    switch (cmd) {
    case UI_STOP:
    case UI_CHOICES:
        /* When they could not be kept, stay once so the notice is seen. */
        if (save_prefs(a))
            a->screen = a->choices_from;
        break;
    case UI_UP:
        a->choice = (a->choice + n - 1) % n;
        break;
    case UI_DOWN:
        a->choice = (a->choice + 1) % n;
        break;
    case UI_LEFT:
    case UI_RIGHT:
    case UI_ENTER:
    case UI_PAUSE:
        a->prefs_changed |= prefs_item_step(&a->prefs, a->choice,
                                            cmd == UI_LEFT    ? -1
                                            : cmd == UI_RIGHT ? 1
                                                              : 0);
        a->volume = a->prefs.master_volume;
        break;
    default:
        break;
    }
}

/* The grounding exercise, offered after a session was stopped. */
static const struct session *grounding_offer(const struct app *a)
{
    if (!a->prefs.offer_grounding ||
        (a->outcome != HISTORY_STOPPED && a->outcome != HISTORY_DISCOMFORT))
        return NULL;
    const struct session *g = catalog_find(a->lib->catalog, "grounding");
    return g && strcmp(a->s->name, "grounding") != 0 ? g : NULL;
}

static void cmd_before(struct app *a, int cmd)
{
    enum flow_input in;
    if (cmd == UI_YES)
        in = FLOW_YES;
    else if (cmd == UI_NO)
        in = FLOW_NO;
    else if (cmd == UI_ENTER)
        in = FLOW_CONTINUE;
    else
        return;
    if (!safety_flow_input(&a->flow, in))
        return;
    if (a->flow.screen == FLOW_BLOCKED) {
        begin_row(a, load_estimate_seconds(a->s));
        char detail[200];
        snprintf(detail, sizeof(detail), "%.190s", a->flow.blocked_by);
        record(a, HISTORY_BLOCKED, detail);
        a->screen = SCR_BLOCKED;
    } else if (a->flow.screen == FLOW_READY && !begin_preparing(a)) {
        a->screen = SCR_MENU;
    }
}

static void cmd_running(struct app *a, int cmd)
{
    if (cmd != UI_STOP && cmd != UI_DISCOMFORT && cmd != UI_QUIT &&
        run_key(&a->run, a->snap.position))
        return; /* it answered the check-in, and does nothing else */
    switch (cmd) {
    case UI_PAUSE:
        if (paused(a)) {
            send(a, ENGINE_RESUME, 0);
            run_resumed(&a->run);
        } else {
            send(a, ENGINE_PAUSE, 0);
        }
        break;
    case UI_STOP:
        end_session(a, HISTORY_STOPPED, "stopped");
        break;
    case UI_DISCOMFORT:
        end_session(a, HISTORY_DISCOMFORT, "stopped for discomfort");
        break;
    case UI_INFO:
        run_toggle_info(&a->run);
        break;
    case UI_UP:
        send_volume(a, 0.1f);
        break;
    case UI_DOWN:
        send_volume(a, -0.1f);
        break;
    default:
        break;
    }
}

/* A session file or bundle dropped on the window (or named on the
 * command line): checked at once, imported on Enter. */
static void open_import(struct app *a, const char *path)
{
    import_view_free(a->import);
    a->import = import_view_open(a->lib, path);
    a->screen = SCR_IMPORT;
    a->dirty = true;
}

static void build_menu(struct app *a);

static void cmd_import(struct app *a, int cmd)
{
    const char *name = NULL;
    if (cmd == UI_ENTER && import_view_ready(a->import)) {
        name = import_view_commit(a->import, a->lib);
        if (!name)
            return; /* the screen says why */
        build_menu(a);
        for (size_t i = 0; i < a->menu_count; i++)
            if (!strcmp(a->menu[i]->name, name))
                a->sel = i;
    } else if (cmd != UI_STOP && cmd != UI_ENTER) {
        return;
    }
    import_view_free(a->import);
    a->import = NULL;
    a->screen = SCR_MENU;
}

static void command(struct app *a, int cmd)
{
    a->dirty = true;
    if (cmd == UI_FULLSCREEN) {
        a->fullscreen = !a->fullscreen;
        SDL_SetWindowFullscreen(
            a->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        return;
    }
    if (cmd == UI_QUIT) {
        if (a->screen == SCR_RUNNING)
            end_session(a, HISTORY_STOPPED, "window closed");
        close_session(a);
        a->quit = true;
        return;
    }
    if (cmd == UI_CHOICES &&
        (a->screen == SCR_MENU || a->screen == SCR_BEFORE)) {
        open_choices(a);
        return;
    }
    switch (a->screen) {
    case SCR_CHOICES:
        cmd_choices(a, cmd);
        break;
    case SCR_MENU:
        if (cmd == UI_STOP)
            a->quit = true;
        else if (cmd == UI_UP && a->sel > 0)
            a->sel--;
        else if (cmd == UI_DOWN && a->sel + 1 < a->menu_count)
            a->sel++;
        else if (cmd == UI_ENTER && a->menu_count > 0)
            open_session(a, a->menu[a->sel]);
        else if (cmd >= UI_OPEN_BASE &&
                 (size_t)(cmd - UI_OPEN_BASE) < a->menu_count)
            open_session(a, a->menu[a->sel = (size_t)(cmd - UI_OPEN_BASE)]);
        else if (cmd == UI_HISTORY)
            open_history(a);
        break;
    case SCR_BEFORE:
        if (cmd == UI_STOP)
            leave(a);
        else
            cmd_before(a, cmd);
        break;
    case SCR_PREPARING:
        if (cmd == UI_STOP || cmd == UI_DISCOMFORT)
            leave(a);
        break;
    case SCR_BLOCKED:
        if (cmd == UI_STOP || cmd == UI_ENTER)
            leave(a);
        break;
    case SCR_AFTER:
        if (cmd == UI_STOP || cmd == UI_ENTER)
            leave(a);
        else if (cmd == UI_GROUNDING && grounding_offer(a))
            open_session(a, grounding_offer(a));
        break;
    case SCR_RUNNING:
        cmd_running(a, cmd);
        break;
    case SCR_HISTORY:
        if (cmd == UI_STOP || cmd == UI_ENTER)
            a->screen = SCR_MENU;
        break;
    case SCR_IMPORT:
        cmd_import(a, cmd);
        break;
    }
}

static int key_command(const struct app *a, SDL_Keycode k)
{
    switch (k) {
    case SDLK_ESCAPE:
        return UI_STOP;
    case SDLK_SPACE:
        return a->screen == SCR_RUNNING ? UI_PAUSE : UI_ENTER;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return UI_ENTER;
    case SDLK_y:
        return UI_YES;
    case SDLK_n:
        return UI_NO;
    case SDLK_d:
        return UI_DISCOMFORT;
    case SDLK_i:
        return UI_INFO;
    case SDLK_UP:
        return UI_UP;
    case SDLK_DOWN:
        return UI_DOWN;
    case SDLK_F11:
        return UI_FULLSCREEN;
    case SDLK_LEFT:
        return UI_LEFT;
    case SDLK_RIGHT:
        return UI_RIGHT;
    case SDLK_c:
        return UI_CHOICES;
    case SDLK_g:
        return UI_GROUNDING;
    case SDLK_h:
        return UI_HISTORY;
    default:
        return UI_ANY;
    }
}

static void handle(struct app *a, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        command(a, UI_QUIT);
        break;
    case SDL_KEYDOWN:
        a->key_ns = now_ns();
        if (!e->key.repeat)
            command(a, key_command(a, e->key.keysym.sym));
        break;
    case SDL_MOUSEBUTTONUP:
        for (int i = 0; i < a->n_buttons; i++)
            if (draw_hit(&a->buttons[i], e->button.x, e->button.y)) {
                command(a, a->buttons[i].cmd);
                break;
            }
        break;
    case SDL_AUDIODEVICEREMOVED:
        if (device_removed(e->adevice.which, e->adevice.iscapture != 0))
            sound_lost(a);
        break;
    case SDL_DROPFILE:
        /* Only where nothing is under way: never over a session. */
        if (a->screen == SCR_MENU || a->screen == SCR_IMPORT)
            open_import(a, e->drop.file);
        SDL_free(e->drop.file);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            a->w = e->window.data1;
            a->h = e->window.data2;
            text_rescale(a->text, a->h / 800.0);
        }
        a->dirty = true;
        break;
    default:
        break;
    }
}

/* ---- the clock, check-ins and the end ---------------------------------- */

static void tick(struct app *a)
{
    if (a->screen == SCR_PREPARING)
        tick_preparing(a);
    if (a->screen != SCR_RUNNING)
        return;
    engine_snapshot(a->engine, &a->snap);
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
        end_session(a, HISTORY_COMPLETED, "");
        a->dirty = true;
        return;
    }
    if (a->snap.state == PLAYER_PAUSED && settled(a))
        device_set_paused(true); /* the fade is done: sleep until asked */
    if (paused(a))
        return;
    prepare_follow(a->prep, a->snap.position);
    enum run_action act = run_tick(&a->run, a->snap.position);
    if (act == RUN_PAUSE)
        send(a, ENGINE_PAUSE, 0);
    if (act != RUN_NOTHING)
        a->dirty = true;
}

/* ---- drawing ----------------------------------------------------------- */

static const char *state_word(const struct app *a)
{
    switch (a->screen) {
    case SCR_BEFORE:
    case SCR_PREPARING:
        return "before";
    case SCR_BLOCKED:
        return "blocked";
    case SCR_AFTER:
        return "after";
    case SCR_RUNNING:
        return paused(a) ? "paused" : "running";
    case SCR_HISTORY:
        return "history";
    case SCR_IMPORT:
        return import_view_ready(a->import) ? "before" : "blocked";
    case SCR_CHOICES:
        return a->choices_from == SCR_BEFORE ? "before" : NULL;
    default:
        return NULL;
    }
}

static void update_title(struct app *a)
{
    char t[sizeof(a->title)];
    const char *state = state_word(a);
    if (!state) {
        snprintf(t, sizeof(t), "stillpoint");
    } else if (a->screen == SCR_HISTORY) {
        snprintf(t, sizeof(t),
                 "stillpoint \xe2\x80\x94 History \xe2\x80\x94 %s", state);
    } else if (a->screen == SCR_IMPORT) {
        snprintf(t, sizeof(t), "stillpoint \xe2\x80\x94 Import \xe2\x80\x94 %s",
                 state);
    } else if (a->screen == SCR_RUNNING) {
        char left[16];
        fmt_clock(left, sizeof(left), seconds_left(a));
        snprintf(t, sizeof(t),
                 "stillpoint \xe2\x80\x94 %s \xe2\x80\x94 %s "
                 "\xe2\x80\x94 %s left",
                 a->s->title, state, left);
    } else {
        snprintf(t, sizeof(t), "stillpoint \xe2\x80\x94 %s \xe2\x80\x94 %s",
                 a->s->title, state);
    }
    if (strcmp(t, a->title) != 0) {
        snprintf(a->title, sizeof(a->title), "%s", t);
        SDL_SetWindowTitle(a->win, t);
    }
}

/* Draws a heading and a bulleted list; returns the y below it. */
static int draw_list(struct app *a, int x, int y, int w, const char *heading,
                     const struct text_list *l, SDL_Color hc)
{
    if (l->count == 0)
        return y;
    y += text_draw(a->text, TEXT_BODY, hc, ALIGN_LEFT, x, y, w, heading);
    y += a->h / 80;
    for (size_t i = 0; i < l->count && y < a->h * 4 / 5; i++) {
        char line[400];
        snprintf(line, sizeof(line), "\xe2\x80\xa2 %s", l->items[i]);
        y += text_draw(a->text, TEXT_SMALL, COLOR_TEXT, ALIGN_LEFT, x, y, w,
                       line);
        y += a->h / 160;
    }
    return y + a->h / 40;
}

static void draw_menu(struct app *a)
{
    int m = a->w / 16, y = a->h / 16;
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, 0,
                   "stillpoint");
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, 0,
                   "Choose a session with the arrow keys and Enter, or "
                   "click it.");
    y += a->h / 40;
    /* The notices (why a session could not play, choices not kept) get
     * their room first; the list scrolls in what is left. */
    const char *notices[] = {a->notice, a->prefs_notice};
    int end = a->h * 3 / 4;
    for (int i = 0; i < 2; i++)
        end -= text_height(a->text, TEXT_SMALL, a->w - 2 * m, notices[i]);
    int line = text_line_height(a->text, TEXT_BODY);
    int rows = (end - y) / line;
    size_t first = a->sel >= (size_t)rows / 2 ? a->sel - (size_t)rows / 2 : 0;
    const char *type = NULL;
    for (size_t i = first; i < a->menu_count && y < end; i++) {
        const struct session *s = a->menu[i];
        if (!type || strcmp(type, s->type) != 0) {
            type = s->type;
            y += text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, m,
                           y + line / 4, 0, type) +
                 line / 4;
        }
        char label[200];
        snprintf(label, sizeof(label), "%s%s  \xc2\xb7  %.0f min",
                 i == a->sel ? "\xe2\x96\xb8 " : "   ", s->title,
                 ceil(load_estimate_seconds(s) / 60));
        text_draw(a->text, TEXT_BODY, i == a->sel ? COLOR_TEXT : COLOR_DIM,
                  ALIGN_LEFT, m, y, 0, label);
        /* A click target with no label: the row itself is drawn above. */
        add_button(a, m, y, a->w - 2 * m, line, NULL, UI_OPEN_BASE + (int)i);
        y += line;
    }
    for (int i = 0; i < 2; i++)
        y += text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, y,
                       a->w - 2 * m, notices[i]);
    for (size_t i = 0; i < a->lib->broken.count && y < a->h * 5 / 6; i++)
        y += text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, y,
                       a->w - 2 * m, a->lib->broken.msgs[i]);
    static const char *const labels[] = {"Open (Enter)", "Your choices (C)",
                                         "History (H)", "Quit (Esc)"};
    static const int cmds[] = {UI_ENTER, UI_CHOICES, UI_HISTORY, UI_STOP};
    bottom_buttons(a, labels, cmds, 4);
}

static void draw_before(struct app *a)
{
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 14;
    char head[200];
    snprintf(head, sizeof(head), "%s  \xc2\xb7  before you start, %zu of %zu",
             a->s->title, safety_flow_position(&a->flow),
             safety_flow_count(&a->flow));
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w, head);
    y += a->h / 14;
    const struct safety_profile *p = a->s->safety;
    switch (a->flow.screen) {
    case FLOW_FLOOR: {
        y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                       SESSION_FLOOR_NOTICE);
        y += a->h / 20;
        text_draw(a->text, TEXT_BODY, COLOR_DIM, ALIGN_LEFT, m, y, w,
                  "Space pauses. D stops at once for discomfort. "
                  "I shows the signs to stop.\n\nPress Enter to continue.");
        static const char *const labels[] = {"Continue (Enter)",
                                             "Your choices (C)", "Leave (Esc)"};
        static const int cmds[] = {UI_ENTER, UI_CHOICES, UI_STOP};
        bottom_buttons(a, labels, cmds, 3);
        break;
    }
    case FLOW_CONTRAINDICATION:
    case FLOW_CLEARANCE: {
        y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                       safety_flow_text(&a->flow));
        y += a->h / 20;
        text_draw(a->text, TEXT_BODY, COLOR_DIM, ALIGN_LEFT, m, y, w,
                  "Press Y for yes or N for no.");
        static const char *const labels[] = {"Yes (Y)", "No (N)",
                                             "Leave (Esc)"};
        static const int cmds[] = {UI_YES, UI_NO, UI_STOP};
        bottom_buttons(a, labels, cmds, 3);
        break;
    }
    case FLOW_PREPARATION: {
        y = draw_list(a, m, y, w,
                      "Before you begin, check that:", &p->preparation,
                      COLOR_TEXT);
        bool scans = false;
        for (size_t i = 0; i < a->s->n_steps; i++)
            scans |= a->s->steps[i].kind == STEP_SCAN;
        text_draw(a->text, TEXT_BODY, COLOR_DIM, ALIGN_LEFT, m, y, w,
                  scans ? "Press Enter to begin. To leave out parts of the "
                          "body, keep your eyes open or go gently, press C "
                          "first."
                        : "Press Enter to begin. For volumes, gentle mode "
                          "and more, press C first.");
        static const char *const labels[] = {"Begin (Enter)",
                                             "Your choices (C)", "Leave (Esc)"};
        static const int cmds[] = {UI_ENTER, UI_CHOICES, UI_STOP};
        bottom_buttons(a, labels, cmds, 3);
        break;
    }
    default:
        break;
    }
    if (a->notice[0])
        text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, a->h * 3 / 4,
                  w, a->notice);
}

/* The choices screen: the settings on the left, the body regions a scan
 * leaves out on the right, one selected at a time. */
static void draw_choice(struct app *a, int item, int x, int y, int w, int h)
{
    char name[64], value[64];
    prefs_item_text(&a->prefs, item, name, sizeof(name), value, sizeof(value));
    bool sel = item == a->choice;
    if (sel) {
        SDL_Rect r = {x - a->w / 100, y, w + a->w / 50, h};
        SDL_SetRenderDrawColor(a->ren, COLOR_BUTTON.r, COLOR_BUTTON.g,
                               COLOR_BUTTON.b, 255);
        SDL_RenderFillRect(a->ren, &r);
    }
    SDL_Color c = sel ? COLOR_TEXT : COLOR_DIM;
    bool region = item >= prefs_item_first_region();
    bool out =
        region &&
        ((a->prefs.leave_out >> (item - prefs_item_first_region())) & 1u);
    char line[160];
    if (region)
        snprintf(line, sizeof(line), "%s %s", out ? "\xe2\x9c\x95" : "\xc2\xb7",
                 name);
    else
        snprintf(line, sizeof(line), "%s", name);
    text_draw(a->text, TEXT_SMALL, out ? COLOR_WARN : c, ALIGN_LEFT, x, y, 0,
              line);
    if (!region)
        text_draw(a->text, TEXT_SMALL, sel ? COLOR_ACCENT : c, ALIGN_LEFT,
                  x + w * 6 / 10, y, 0, value);
    add_button(a, x, y, w, h, NULL, UI_ITEM_BASE + item);
}

static void draw_choices(struct app *a)
{
    int m = a->w / 16, y = a->h / 16;
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, 0,
                   "Your choices");
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y,
                   a->w - 2 * m,
                   "Up and Down choose, Left and Right change, Space "
                   "switches. They apply to the next session and are "
                   "kept for the ones after.");
    y += a->h / 40;
    int line = text_line_height(a->text, TEXT_SMALL) * 5 / 4;
    int first_region = prefs_item_first_region();
    int colw = (a->w - 2 * m) / 2 - m / 2;
    for (int i = 0; i < first_region; i++)
        draw_choice(a, i, m, y + i * line, colw, line);
    int rx = m + colw + m;
    text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, rx, y, 0,
              "Leave out of body scans:");
    int nreg = prefs_item_count() - first_region, half = (nreg + 1) / 2;
    for (int k = 0; k < nreg; k++)
        draw_choice(a, first_region + k, rx + (k / half) * (colw / 2),
                    y + (1 + k % half) * line, colw / 2 - m / 4, line);
    int below = y + (first_region + 1) * line;
    text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, below,
              a->w - 2 * m,
              "\xe2\x9c\x95 marks a part left out. It is not just skipped: a "
              "neutral anchor (your hands, your feet, or the sounds in the "
              "room) takes its place.");
    if (a->prefs_notice[0])
        text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m,
                  below + 2 * line, a->w - 2 * m, a->prefs_notice);
    static const char *const labels[] = {"Done (Esc)"};
    static const int cmds[] = {UI_STOP};
    bottom_buttons(a, labels, cmds, 1);
}

static void draw_preparing(struct app *a)
{
    int m = a->w / 12, w = a->w - 2 * m;
    text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, a->h / 3, w,
              "Getting the session ready\xe2\x80\xa6");
    static const char *const labels[] = {"Leave (Esc)"};
    static const int cmds[] = {UI_STOP};
    bottom_buttons(a, labels, cmds, 1);
}

static void draw_blocked(struct app *a)
{
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 8;
    y += text_draw(a->text, TEXT_LARGE, COLOR_WARN, ALIGN_LEFT, m, y, w,
                   "Please do not start this session now.");
    y += a->h / 20;
    char msg[800];
    safety_flow_block_message(&a->flow, msg, sizeof(msg));
    text_draw(a->text, TEXT_BODY, COLOR_TEXT, ALIGN_LEFT, m, y, w, msg);
    static const char *const labels[] = {"Back (Esc)"};
    static const int cmds[] = {UI_STOP};
    bottom_buttons(a, labels, cmds, 1);
}

/* The breathing circle: grows on the inhale, rests on holds, shrinks on
 * the exhale, moved by the audio clock. */
/* The stage between the clock and the caption, where the visuals go. */
/* Whether the panel of stop signs covers the stage. */
static bool panel_shown(const struct app *a)
{
    return a->run.info || paused(a) || a->run.checkin_open;
}

/* Under the clock: a line for the stop reminder, then the running
 * notice (the sound device, a sound that failed) when there is one and
 * the panel, which would show it, does not. Returns where the band ends;
 * *notice_y says where the notice goes. */
static int under_clock(const struct app *a, int *notice_y)
{
    int y = a->h / 30 + text_line_height(a->text, TEXT_HUGE);
    *notice_y = y + text_line_height(a->text, TEXT_SMALL);
    if (!a->run_notice[0] || panel_shown(a))
        return y;
    int m = a->w / 14;
    return *notice_y +
           text_height(a->text, TEXT_SMALL, a->w - 2 * m, a->run_notice);
}

static void stage(const struct app *a, int *top, int *bottom)
{
    int notice_y;
    *top = under_clock(a, &notice_y) + a->h / 80;
    *bottom = a->h * 3 / 4 - a->h / 40 - a->h / 80;
}

static int breath_radius(const struct app *a, const struct cue *c)
{
    int top, bottom;
    stage(a, &top, &bottom);
    int rmax = (bottom - top) / 2, rmin = rmax / 3;
    double u = c->frames > 0
                   ? (double)(a->snap.position - c->frame) / (double)c->frames
                   : 1.0;
    u = u < 0 ? 0 : u > 1 ? 1 : u;
    double e = 0.5 - 0.5 * cos(M_PI * u);
    switch (c->phase) {
    case BREATH_IN:
        return rmin + (int)((rmax - rmin) * e);
    case BREATH_HOLD_IN:
        return rmax;
    case BREATH_OUT:
        return rmax - (int)((rmax - rmin) * e);
    default:
        return rmin;
    }
}

static void draw_running(struct app *a)
{
    int m = a->w / 14, w = a->w - 2 * m;
    char left[16];
    fmt_clock(left, sizeof(left), seconds_left(a));
    text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, a->h / 30, w,
              a->s->title);
    text_draw(a->text, TEXT_HUGE, COLOR_TEXT, ALIGN_CENTER, 0, a->h / 30, a->w,
              left);
    size_t ph = timeline_phase_at(&a->tl, a->snap.position);
    const struct cue *c = ph == SIZE_MAX ? NULL : &a->tl.cues[ph];
    int top, bottom;
    stage(a, &top, &bottom);
    int cy = (top + bottom) / 2;
    if (c && (c->kind == CUE_INHALE || c->kind == CUE_EXHALE ||
              c->kind == CUE_HOLD)) {
        draw_fill_circle(a->ren, a->w / 2, cy, breath_radius(a, c),
                         COLOR_ACCENT);
    } else if (c && c->kind == CUE_SCAN) {
        const struct step *st = &a->s->steps[c->step];
        draw_body(a->ren, a->w / 2, top, bottom - top, st->label);
    } else if (c && c->kind == CUE_BEGIN) {
        char hold[16];
        fmt_clock(hold, sizeof(hold),
                  (double)(c->frame + c->frames - a->snap.position) /
                      SOUND_RATE);
        text_draw(a->text, TEXT_HUGE, COLOR_ACCENT, ALIGN_CENTER, 0,
                  cy - text_line_height(a->text, TEXT_HUGE) / 2, a->w, hold);
    }
    if (c && c->caption) {
        /* Two lines of large type fit above the buttons; a longer line is
         * set smaller, its bottom kept clear of the buttons. */
        enum text_size size = TEXT_LARGE;
        int limit = 2 * text_line_height(a->text, TEXT_LARGE);
        if (text_height(a->text, size, w, c->caption) > limit)
            size = TEXT_BODY;
        int hgt = text_height(a->text, size, w, c->caption);
        int bottom = a->h - a->h / 12 - 2 * (a->w / 60);
        int y = a->h * 3 / 4 - a->h / 40;
        if (y + hgt > bottom)
            y = bottom - hgt;
        text_draw(a->text, size, COLOR_TEXT, ALIGN_CENTER, m, y, w, c->caption);
    }
    const struct safety_profile *p = a->s->safety;
    int64_t pos = a->snap.position;
    if (run_reminder_shown(&a->run, pos))
        text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_CENTER, m,
                  a->h / 30 + text_line_height(a->text, TEXT_HUGE), w,
                  "You can stop at any time: press Esc.");
    int notice_y, below = under_clock(a, &notice_y);
    if (a->run_notice[0] && !panel_shown(a))
        text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_CENTER, m, notice_y, w,
                  a->run_notice);
    if (panel_shown(a)) {
        /* Between the clock and the caption, covering neither. */
        int top = below;
        SDL_Rect panel = {m / 2, top, a->w - m,
                          a->h * 3 / 4 - a->h / 40 - a->h / 60 - top};
        SDL_SetRenderDrawColor(a->ren, 26, 31, 38, 255);
        SDL_RenderFillRect(a->ren, &panel);
        int y = panel.y + a->h / 30, x = panel.x + m / 2, pw = panel.w - m;
        if (a->run_notice[0]) {
            y += text_draw(a->text, TEXT_BODY, COLOR_WARN, ALIGN_LEFT, x, y, pw,
                           a->run_notice);
            y += a->h / 30;
        }
        if (a->run.checkin_open) {
            y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, x, y,
                           pw, "Still comfortable? Press any key.");
            y += a->h / 30;
        } else if (paused(a) && !a->sound_lost) { /* (the notice says) */
            y +=
                text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, x, y, pw,
                          a->run.checkin_missed
                              ? "No answer to the check-in, so the "
                                "session is paused. Press Space to go on."
                              : "Paused. Press Space to go on.");
            y += a->h / 30;
        }
        draw_list(a, x, y, pw,
                  "Stop at once (Esc, or D) if you notice:", &p->stop_signs,
                  COLOR_WARN);
    }
    static const char *const labels[] = {"Pause (Space)", "Stop signs (I)",
                                         "Discomfort (D)", "Stop (Esc)"};
    static const char *const labels_paused[] = {
        "Go on (Space)", "Stop signs (I)", "Discomfort (D)", "Stop (Esc)"};
    static const int cmds[] = {UI_PAUSE, UI_INFO, UI_DISCOMFORT, UI_STOP};
    bottom_buttons(a, paused(a) ? labels_paused : labels, cmds, 4);
}

static void draw_after(struct app *a)
{
    int m = a->w / 12, w = a->w - 2 * m, y = a->h / 14;
    const struct safety_profile *p = a->s->safety;
    static const char *const how[] = {
        [HISTORY_COMPLETED] = "Session complete.",
        [HISTORY_STOPPED] = "Session stopped.",
        [HISTORY_DISCOMFORT] = "Stopped for discomfort.",
        [HISTORY_BLOCKED] = "Not started.",
        [HISTORY_INTERRUPTED] = "Interrupted.",
    };
    y += text_draw(a->text, TEXT_LARGE, COLOR_TEXT, ALIGN_LEFT, m, y, w,
                   how[a->outcome]);
    char ran[16], planned[16], line[120];
    fmt_mmss(ran, sizeof(ran), a->row.elapsed_s, false);
    fmt_clock(planned, sizeof(planned), a->row.planned_s);
    snprintf(line, sizeof(line), "%s \xe2\x80\x94 you practised %s of %s.",
             a->s->title, ran, planned);
    y += text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, y, w, line);
    y += a->h / 30;
    const char *doctor = "See a doctor if you notice any of these:";
    if (a->outcome == HISTORY_DISCOMFORT) {
        y = draw_list(a, m, y, w, doctor, &p->doctor_signs, COLOR_WARN);
        y = draw_list(a, m, y, w, "Now:", &p->aftercare, COLOR_TEXT);
    } else {
        y = draw_list(a, m, y, w, "Now:", &p->aftercare, COLOR_TEXT);
        y = draw_list(a, m, y, w, doctor, &p->doctor_signs, COLOR_WARN);
    }
    if (a->history_error[0])
        y += text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_LEFT, m, y, w,
                       a->history_error);
    const char *done = a->opt->session ? "Close (Esc)" : "Menu (Esc)";
    if (grounding_offer(a)) {
        text_draw(a->text, TEXT_BODY, COLOR_ACCENT, ALIGN_LEFT, m, y, w,
                  "A short grounding exercise can help you come back to the "
                  "room: press G.");
        const char *labels[] = {"Grounding (G)", done};
        static const int cmds[] = {UI_GROUNDING, UI_STOP};
        bottom_buttons(a, labels, cmds, 2);
    } else {
        const char *labels[] = {done};
        static const int cmds[] = {UI_STOP};
        bottom_buttons(a, labels, cmds, 1);
    }
}

/* What the screen shows, in a few words: drawing happens only when this
 * changes (or on an expose or a command). */
static void view_key(const struct app *a, char *buf, size_t n)
{
    long long phase = -1, sec = -1, radius = -1;
    if (a->screen == SCR_RUNNING) {
        size_t ph = timeline_phase_at(&a->tl, a->snap.position);
        phase = ph == SIZE_MAX ? -1 : (long long)ph;
        sec = (long long)ceil(seconds_left(a));
        if (ph != SIZE_MAX && a->tl.cues[ph].kind >= CUE_INHALE &&
            a->tl.cues[ph].kind <= CUE_EXHALE)
            radius = breath_radius(a, &a->tl.cues[ph]);
    }
    snprintf(buf, n, "%d %lld %lld %lld %d %d %d %zu %d", a->screen, phase, sec,
             radius, (int)a->snap.state, a->run.info, a->run.checkin_open,
             a->sel, a->choice);
}

static void draw(struct app *a)
{
    a->n_buttons = 0;
    draw_clear(a->ren);
    switch (a->screen) {
    case SCR_MENU:
        draw_menu(a);
        break;
    case SCR_BEFORE:
        draw_before(a);
        break;
    case SCR_BLOCKED:
        draw_blocked(a);
        break;
    case SCR_PREPARING:
        draw_preparing(a);
        break;
    case SCR_RUNNING:
        draw_running(a);
        break;
    case SCR_AFTER:
        draw_after(a);
        break;
    case SCR_CHOICES:
        draw_choices(a);
        break;
    case SCR_HISTORY: {
        history_view_draw(a->history, a->ren, a->text, a->w, a->h);
        static const char *const labels[] = {"Back (Esc)"};
        static const int cmds[] = {UI_STOP};
        bottom_buttons(a, labels, cmds, 1);
        break;
    }
    case SCR_IMPORT: {
        import_view_draw(a->import, a->ren, a->text, a->w, a->h);
        static const char *const labels[] = {"Import (Enter)", "Cancel (Esc)"};
        static const int cmds[] = {UI_ENTER, UI_STOP};
        bool ready = import_view_ready(a->import);
        bottom_buttons(a, labels + !ready, cmds + !ready, ready ? 2 : 1);
        break;
    }
    }
    for (int i = 0; i < a->n_buttons; i++)
        if (a->buttons[i].label)
            draw_button(a->ren, a->text, &a->buttons[i]);
    SDL_RenderPresent(a->ren);
    static bool first = true;
    if (first && getenv("STILLPOINT_BENCH")) {
        /* For make bench: when the first frame was shown, as wall-clock
         * nanoseconds, compared by scripts/bench with its start time. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        fprintf(stderr, "first-frame %lld%09ld\n", (long long)ts.tv_sec,
                ts.tv_nsec);
    }
    first = false;
}

/* How long the loop may sleep: a breathing circle moves smoothly, a clock
 * ticks each second, anything else waits for the person. */
static int wait_ms(const struct app *a)
{
    if (a->screen == SCR_PREPARING)
        return 5;
    if (a->screen != SCR_RUNNING)
        return -1;
    if (!settled(a))
        return 5; /* a command is on its way to the clock thread */
    if (a->snap.state == PLAYER_PAUSED)
        return -1; /* nothing moves until the person acts */
    if (a->snap.state == PLAYER_PAUSING)
        return 20;
    size_t ph = timeline_phase_at(&a->tl, a->snap.position);
    if (ph != SIZE_MAX && (a->tl.cues[ph].kind == CUE_INHALE ||
                           a->tl.cues[ph].kind == CUE_EXHALE))
        return 33;
    return 100;
}

/* ---- setup ------------------------------------------------------------- */

static int type_rank(const char *type)
{
    static const char *const order[] = {"breathing", "body-scan", "bodywork",
                                        "pelvic-care", "trauma-informed"};
    for (int i = 0; i < 5; i++)
        if (strcmp(order[i], type) == 0)
            return i;
    return 5;
}

static void build_menu(struct app *a)
{
    const struct catalog *c = a->lib->catalog;
    a->menu_count = 0;
    for (int rank = 0; rank <= 5; rank++)
        for (size_t i = 0; i < catalog_count(c) && a->menu_count < MAX_MENU;
             i++)
            if (type_rank(catalog_get(c, i)->type) == rank)
                a->menu[a->menu_count++] = catalog_get(c, i);
}

int app_run(struct library *lib, const struct app_options *o, char *err,
            size_t errlen)
{
    static struct app app;
    struct app *a = &app;
    memset(a, 0, sizeof(*a));
    a->lib = lib;
    a->opt = o;
    prefs_defaults(&a->prefs);
    if (prefs_path(a->prefs_path, sizeof(a->prefs_path))) {
        struct diag_list d;
        diag_init(&d);
        /* A mistake costs only its own setting; the rest apply. */
        if (prefs_load(a->prefs_path, &a->prefs, &d) != 0 && d.count)
            snprintf(a->prefs_notice, sizeof(a->prefs_notice),
                     "Your choices file has a problem (the rest of it "
                     "applies): %.200s",
                     d.msgs[0]);
    }
    a->volume = a->prefs.master_volume;
    a->w = 1280;
    a->h = 800;
    build_menu(a);
    if (o->import) {
        open_import(a, o->import);
    } else if (o->session) {
        const struct session *s = catalog_find(lib->catalog, o->session);
        if (!s) {
            snprintf(err, errlen,
                     "no session named '%s' (see stillpoint "
                     "--list)",
                     o->session);
            return 2;
        }
        open_session(a, s);
    }
    if (!history_default_path(a->history_path, sizeof(a->history_path)))
        a->history_path[0] = '\0';
    /* X11 sets the UTF-8 window title (_NET_WM_NAME, what scripts and
     * screen readers read) only under a UTF-8 character type. */
    if (!setlocale(LC_CTYPE, "C.UTF-8"))
        setlocale(LC_CTYPE, "");
    /* A calm screen that changes a few times a second: SDL's software
     * renderer draws it cheaply and starts at once, where an OpenGL
     * context costs hundreds of milliseconds to set up (llvmpipe) and
     * wakes the GPU. A user's SDL_RENDER_DRIVER still wins. */
    SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "software",
                            SDL_HINT_DEFAULT);
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0",
                            SDL_HINT_DEFAULT);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        return 1;
    }
    /* When no display answers, SDL falls back to drivers that show
     * nothing: a session nobody can see or stop must not start. */
    const char *driver = SDL_GetCurrentVideoDriver();
    const char *asked = SDL_getenv("SDL_VIDEODRIVER");
    if (driver &&
        (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy") ||
         !strcmp(driver, "evdev")) &&
        !(asked && strstr(asked, driver))) {
        snprintf(err, errlen,
                 "cannot open a window: no display could be reached (is "
                 "DISPLAY or WAYLAND_DISPLAY set?)");
        SDL_Quit();
        return 1;
    }
    char why[300];
    if (!device_open(&a->silent, why, sizeof(why))) {
        snprintf(err, errlen, "%s", why);
        SDL_Quit();
        return 1;
    }
    if (a->silent)
        snprintf(a->notice, sizeof(a->notice), "%s", why);
    device_set_paused(true); /* until a session plays */
    a->win = SDL_CreateWindow("stillpoint", SDL_WINDOWPOS_CENTERED,
                              SDL_WINDOWPOS_CENTERED, a->w, a->h,
                              SDL_WINDOW_RESIZABLE);
    a->ren = a->win ? SDL_CreateRenderer(a->win, -1, 0) : NULL;
    a->text = a->ren ? text_open(a->ren, 1.0, err, errlen) : NULL;
    if (!a->text) {
        if (!a->ren)
            snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        device_close();
        SDL_Quit();
        return 1;
    }
    a->dirty = true;
    while (!a->quit) {
        update_title(a);
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wait_ms(a))) {
            handle(a, &e);
            while (!a->quit && SDL_PollEvent(&e))
                handle(a, &e);
        }
        tick(a);
        char view[sizeof(a->view)];
        view_key(a, view, sizeof(view));
        if (a->dirty || strcmp(view, a->view) != 0) {
            memcpy(a->view, view, sizeof(view));
            a->dirty = false;
            if (!a->quit)
                draw(a);
        }
    }
    close_session(a);
    save_prefs(a); /* the volume, when changed during a session */
    history_view_free(a->history);
    import_view_free(a->import);
    text_close(a->text);
    SDL_DestroyRenderer(a->ren);
    SDL_DestroyWindow(a->win);
    device_close();
    SDL_Quit();
    return 0;
}
