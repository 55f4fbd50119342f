/* app.c: the window: keys and clicks turned into commands, each given to
 * the screen showing (menu.c, before.c, running.c, after.c, choices.c,
 * history_view.c, import_view.c), the title, and the loop. The loop
 * sleeps in SDL_WaitEventTimeout until an event or the next thing to
 * draw, and draws only when what it shows has changed. */
#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../audio/device.h"
#include "../load/prefs_file.h"
#include "app.h"
#include "app_state.h"
#include "layout_log.h"
#include "note_box.h"
#include "screen_reader.h"

/* ---- commands ---------------------------------------------------------- */

static void command(struct app *a, int cmd)
{
    a->dirty = true;
    if (cmd == UI_FULLSCREEN) {
        a->fullscreen = !a->fullscreen;
        SDL_SetWindowFullscreen(
            a->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        return;
    }
    if (cmd == UI_STOP || cmd == UI_DISCOMFORT)
        read_aloud_hush(a); /* silent at once, whatever the screen does */
    if (cmd == UI_REPEAT) {
        read_aloud_repeat(a);
        return;
    }
    if (cmd == UI_QUIT) {
        if (a->screen == SCR_RUNNING)
            app_end_session(a, HISTORY_STOPPED, "window closed");
        app_close_session(a);
        a->quit = true;
        return;
    }
    if (cmd == UI_CHOICES &&
        (a->screen == SCR_MENU || a->screen == SCR_BEFORE)) {
        choices_open(a);
        return;
    }
    switch (a->screen) {
    case SCR_CHOICES:
        choices_command(a, cmd);
        break;
    case SCR_MENU:
        if (cmd == UI_HISTORY)
            menu_open_history(a);
        else
            menu_command(a, cmd);
        break;
    case SCR_BEFORE:
        if (cmd == UI_STOP)
            app_leave(a);
        else
            before_command(a, cmd);
        break;
    case SCR_PREPARING:
        if (cmd == UI_STOP || cmd == UI_DISCOMFORT)
            app_leave(a);
        break;
    case SCR_BLOCKED:
        if (cmd == UI_STOP || cmd == UI_ENTER)
            app_leave(a);
        ui_scroll_key(a, cmd);
        break;
    case SCR_AFTER:
        after_command(a, cmd);
        break;
    case SCR_RATING:
        rating_command(a, cmd);
        break;
    case SCR_RUNNING:
        running_command(a, cmd);
        break;
    case SCR_HISTORY:
        if (cmd == UI_STOP || cmd == UI_ENTER)
            a->screen = SCR_MENU;
        break;
    case SCR_IMPORT:
        import_command(a, cmd);
        break;
    case SCR_OFFER:
        offer_command(a, cmd);
        break;
    }
}

static void handle(struct app *a, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        command(a, UI_QUIT);
        break;
    case SDL_KEYDOWN:
        a->key_ns = ui_now_ns();
        if (note_box_key(a, &e->key)) /* typing: no key is a command */
            a->dirty = true;
        else if (!e->key.repeat)
            command(a, keys_command(a, e->key.keysym.sym));
        break;
    case SDL_TEXTINPUT:
        a->dirty |= note_box_text(a, e->text.text);
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
            app_sound_lost(a);
        break;
    case SDL_DROPFILE:
        /* Only where nothing is under way: never over a session. */
        if (a->screen == SCR_MENU || a->screen == SCR_IMPORT)
            menu_open_import(a, e->drop.file);
        SDL_free(e->drop.file);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            a->w = e->window.data1;
            a->h = e->window.data2;
            window_apply_look(a, true);
        }
        a->dirty = true;
        break;
    default:
        break;
    }
}

/* ---- the clock, check-ins and the end ---------------------------------- */

/* ---- drawing ----------------------------------------------------------- */

/* What the screen shows, in a few words: drawing happens only when this
 * changes (or on an expose or a command). */
static void view_key(const struct app *a, char *buf, size_t n)
{
    long long phase = -1, radius = -1, /* lengths measured, voice made: */
        sec =
            a->screen == SCR_MENU ? menu_measuring(a) : preparing_lines_done(a);
    if (a->screen == SCR_RUNNING) {
        size_t ph = timeline_phase_at(&a->tl, a->snap.position);
        phase = ph == SIZE_MAX ? -1 : (long long)ph;
        sec = (long long)ceil(ui_seconds_left(a));
        radius = running_visual_key(a);
    }
    snprintf(buf, n, "%d %lld %lld %lld %d %d %d %zu %d", a->screen, phase, sec,
             radius, (int)a->snap.state, a->run.info, a->run.checkin_open,
             a->sel, a->choice);
}

static void draw(struct app *a)
{
    a->n_buttons = 0;
    a->content_bottom = a->h;
    /* A new screen starts at the top of its column. */
    long view = (long)a->screen * 1000 +
                (a->screen == SCR_BEFORE
                     ? (long)a->flow.screen * 100 + (long)a->flow.index
                     : 0);
    if (view != a->scroll_view)
        a->scroll = 0;
    a->scroll_view = view;
    layout_log_begin(a->w, a->h);
    draw_clear(a->ren);
    switch (a->screen) {
    case SCR_MENU:
        menu_draw(a);
        break;
    case SCR_BEFORE:
        before_draw(a);
        break;
    case SCR_BLOCKED:
        blocked_draw(a);
        break;
    case SCR_PREPARING:
        preparing_draw(a);
        break;
    case SCR_RUNNING:
        running_draw(a);
        break;
    case SCR_AFTER:
        after_draw(a);
        break;
    case SCR_RATING:
        rating_draw(a);
        break;
    case SCR_CHOICES:
        choices_draw(a);
        break;
    case SCR_OFFER:
        offer_draw(a);
        break;
    case SCR_HISTORY: {
        static const char *const labels[] = {"Back (Esc)"};
        static const int cmds[] = {UI_STOP};
        ui_bottom_buttons(a, labels, cmds, 1);
        history_view_draw(a->history, a->ren, a->text, a->w, a->h,
                          a->content_bottom);
        break;
    }
    case SCR_IMPORT: {
        static const char *const labels[] = {"Import (Enter)", "Cancel (Esc)"};
        static const int cmds[] = {UI_ENTER, UI_STOP};
        /* Room for both buttons; Import shows once the screen has shown
         * everything it would add. */
        int n = a->n_buttons;
        ui_bottom_buttons(a, labels, cmds, 2);
        a->n_buttons = n;
        import_view_draw(a->import, a->ren, a->text, a->w, a->h,
                         a->content_bottom);
        bool ready = import_view_ready(a->import);
        ui_bottom_buttons(a, labels + !ready, cmds + !ready, ready ? 2 : 1);
        break;
    }
    }
    for (int i = 0; i < a->n_buttons; i++)
        if (a->buttons[i].label)
            draw_button(a->ren, a->text, &a->buttons[i], draw_edge_width(a->h));
    layout_log_end();
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
static int screen_wait_ms(const struct app *a)
{
    if (a->screen == SCR_PREPARING || menu_measuring(a) >= 0)
        return a->screen == SCR_PREPARING ? 5 : 100;
    if (a->screen != SCR_RUNNING)
        return -1;
    if (!app_settled(a))
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

/* ...and a screen being read aloud is followed too. */
static int wait_ms(const struct app *a)
{
    int w = screen_wait_ms(a), reading = read_aloud_wait_ms(a);
    return reading >= 0 && (w < 0 || reading < w) ? reading : w;
}

/* ---- setup ------------------------------------------------------------- */

int app_run(struct library *lib, const struct app_options *o, char *err,
            size_t errlen)
{
    static struct app app;
    struct app *a = &app;
    memset(a, 0, sizeof(*a));
    a->lib = lib;
    a->opt = o;
    prefs_defaults(&a->prefs);
    bool first_start = false;
    if (prefs_path(a->prefs_path, sizeof(a->prefs_path))) {
        struct diag_list d;
        diag_init(&d);
        /* A mistake costs only its own setting; the rest apply. */
        first_start = access(a->prefs_path, F_OK) != 0;
        if (prefs_load(a->prefs_path, &a->prefs, &d) != 0 && d.count)
            snprintf(a->prefs_notice, sizeof(a->prefs_notice),
                     "Your choices file has a problem (the rest of it "
                     "applies): %.200s",
                     d.msgs[0]);
    }
    a->volume = a->prefs.master_volume;
    a->w = LAYOUT_DESIGN_W; /* until the window opens where it fits */
    a->h = LAYOUT_DESIGN_H;
    menu_build(a);
    if (first_start && !o->session && !o->import && !o->prefs.read_screens &&
        screen_reader_running())
        a->screen = SCR_OFFER;
    if (o->import) {
        menu_open_import(a, o->import);
    } else if (o->session) {
        const struct session *s = catalog_find(lib->catalog, o->session);
        if (!s) {
            snprintf(err, errlen,
                     "no session named '%s' (see stillpoint "
                     "--list)",
                     o->session);
            return 2;
        }
        app_open_session(a, s);
    }
    if (!history_default_path(a->history_path, sizeof(a->history_path)))
        a->history_path[0] = '\0';
    int rc = window_open(a, err, errlen);
    if (rc != 0)
        return rc;
    a->dirty = true;
    while (!a->quit) {
        title_update(a);
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wait_ms(a))) {
            handle(a, &e);
            while (!a->quit && SDL_PollEvent(&e))
                handle(a, &e);
        }
        app_tick(a);
        read_aloud_update(a);
        char view[sizeof(a->view)];
        view_key(a, view, sizeof(view));
        if (a->dirty || strcmp(view, a->view) != 0) {
            memcpy(a->view, view, sizeof(view));
            a->dirty = false;
            if (!a->quit)
                draw(a);
        }
    }
    read_aloud_free(a);
    app_close_session(a);
    app_save_prefs(a); /* the volume, when changed during a session */
    window_keep_place(a);
    lengths_free(a->lengths);
    history_view_free(a->history);
    import_view_free(a->import);
    text_close(a->text);
    SDL_DestroyRenderer(a->ren);
    SDL_DestroyWindow(a->win);
    device_close();
    SDL_Quit();
    return 0;
}
