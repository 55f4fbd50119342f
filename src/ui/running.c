/* running.c: the running screen: the clock, the breathing circle, the
 * body figure or the hold's countdown, the caption, and the panel of
 * stop signs (core/run.c says when). */
#include "app.h"
#include "app_state.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/breath_view.h"
#include "layout_log.h"

void running_command(struct app *a, int cmd)
{
    if (cmd != UI_STOP && cmd != UI_DISCOMFORT && cmd != UI_QUIT &&
        run_key(&a->run, a->snap.position))
        return; /* it answered the check-in, and does nothing else */
    switch (cmd) {
    case UI_PAUSE:
        if (ui_paused(a)) {
            app_send(a, ENGINE_RESUME, 0);
            run_resumed(&a->run);
        } else {
            app_send(a, ENGINE_PAUSE, 0);
        }
        break;
    case UI_STOP:
        app_end_session(a, HISTORY_STOPPED, "stopped");
        break;
    case UI_DISCOMFORT:
        app_end_session(a, HISTORY_DISCOMFORT, "stopped for discomfort");
        break;
    case UI_INFO:
        run_toggle_info(&a->run);
        break;
    case UI_UP:
        app_send_volume(a, 0.1f);
        break;
    case UI_DOWN:
        app_send_volume(a, -0.1f);
        break;
    default:
        break;
    }
}

/* Whether the panel of stop signs covers the stage. */
static bool panel_shown(const struct app *a)
{
    return a->run.info || ui_paused(a) || a->run.checkin_open;
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
        return *notice_y;
    int m = a->w / 14;
    return *notice_y +
           text_height(a->text, TEXT_SMALL, a->w - 2 * m, a->run_notice);
}

/* The caption of cue c, if it shows now: the size it is set in (two
 * lines of large type fit; a longer one is set smaller) and its height. */
static const char *caption(const struct app *a, const struct cue *c,
                           enum text_size *size, int *height)
{
    int w = a->w - 2 * (a->w / 14);
    *size = TEXT_LARGE;
    *height = 0;
    /* A recording's caption shows for its own time, not until the next
     * (but through a gap too short to see). */
    if (!c || !breath_view_caption_shows(c, a->snap.position))
        return NULL;
    int limit = 2 * text_line_height(a->text, TEXT_LARGE);
    while (*size > TEXT_SMALL &&
           text_height(a->text, *size, w, c->caption) > limit)
        (*size)--;
    *height = text_height(a->text, *size, w, c->caption);
    return c->caption;
}

/* Where the caption's room begins: two lines of large type (or the
 * caption, when longer) above the buttons. */
static int caption_top(const struct app *a, const struct cue *c)
{
    enum text_size size;
    int h, room = 2 * text_line_height(a->text, TEXT_LARGE);
    caption(a, c, &size, &h);
    return a->content_bottom - (h > room ? h : room);
}

/* The stage between the clock and the caption, where the visuals go. */
static void stage(const struct app *a, const struct cue *c, int *top,
                  int *bottom)
{
    int notice_y;
    *top = under_clock(a, &notice_y) + a->h / 80;
    *bottom = caption_top(a, c) - a->h / 80;
    if (*bottom < *top)
        *bottom = *top;
}

/* Whether the person chose calm motion (on the command line, or kept). */
static bool calm_motion(const struct app *a)
{
    struct prefs p;
    prefs_merge(&p, &a->opt->prefs, &a->prefs);
    return p.calm_motion;
}

/* The breathing circle's radius in the stage for a size from 0 (out)
 * to 1 (in). */
static int breath_radius(int top, int bottom, double size)
{
    int rmax = (bottom - top) / 2, rmin = rmax / 3;
    return rmin + (int)lround((rmax - rmin) * size);
}

/* Calm motion's pieces in the stage: a still circle, under it the
 * phase's word and count, under them the bar that fills over the phase
 * (its inside: the part that fills). */
struct calm_layout {
    int cx, cy, r; /* r 0: no room for the circle */
    int text_y;
    enum text_size size;
    SDL_Rect bar, inside;
};

static void calm_layout(const struct app *a, int top, int bottom,
                        struct calm_layout *l)
{
    int room = bottom - top, gap = a->h / 60;
    int edge = draw_edge_width(a->h);
    l->size = TEXT_HUGE;
    if (3 * text_line_height(a->text, TEXT_HUGE) > room)
        l->size = TEXT_LARGE;
    int text_h = text_line_height(a->text, l->size);
    int bar_h = a->h / 30 < 8 ? 8 : a->h / 30;
    int r = (room - text_h - bar_h - 2 * gap) / 2;
    r = r > room / 5 ? room / 5 : r;
    l->r = r < 6 ? 0 : r;
    int block = (l->r ? 2 * l->r + gap : 0) + text_h + gap + bar_h;
    int y = top + (room - block) / 2;
    l->cx = a->w / 2;
    l->cy = y + l->r;
    l->text_y = y + (l->r ? 2 * l->r + gap : 0);
    int bar_w = a->w / 2;
    l->bar =
        (SDL_Rect){(a->w - bar_w) / 2, l->text_y + text_h + gap, bar_w, bar_h};
    int in = 2 * edge + 1;
    l->inside = (SDL_Rect){l->bar.x + in, l->bar.y + in, l->bar.w - 2 * in,
                           l->bar.h - 2 * in};
}

/* The filled part of the bar, in pixels. */
static int calm_filled(const struct calm_layout *l, double fill)
{
    return (int)lround(l->inside.w * fill);
}

/* Calm motion: nothing grows or shrinks; the phase is told by its word,
 * its count and a bar that fills over it. */
static void draw_calm(struct app *a, int top, int bottom,
                      const struct breath_view *v)
{
    struct calm_layout l;
    calm_layout(a, top, bottom, &l);
    if (l.r) {
        draw_fill_circle(a->ren, l.cx, l.cy, l.r, COLOR_ACCENT);
        SDL_Rect box = {l.cx - l.r, l.cy - l.r, 2 * l.r + 1, 2 * l.r + 1};
        layout_log_rect("shape", &box, "circle");
    }
    char line[32];
    snprintf(line, sizeof(line), "%s \xc2\xb7 %d", breath_view_word(v->phase),
             v->count);
    text_draw(a->text, l.size, COLOR_TEXT, ALIGN_CENTER, 0, l.text_y, a->w,
              line);
    int edge = draw_edge_width(a->h);
    for (int i = 0; i < edge; i++) {
        SDL_Rect e = {l.bar.x + i, l.bar.y + i, l.bar.w - 2 * i,
                      l.bar.h - 2 * i};
        SDL_SetRenderDrawColor(a->ren, COLOR_ACCENT.r, COLOR_ACCENT.g,
                               COLOR_ACCENT.b, 255);
        SDL_RenderDrawRect(a->ren, &e);
    }
    SDL_Rect filled = l.inside;
    filled.w = calm_filled(&l, v->fill);
    if (filled.w > 0)
        draw_fill_rect(a->ren, &filled, COLOR_ACCENT);
    layout_log_rect("shape", &l.bar, "bar");
}

long long running_visual_key(const struct app *a)
{
    struct breath_view v;
    if (!breath_view_at(&a->tl, a->snap.position, &v))
        return -1;
    const struct cue *c =
        &a->tl.cues[breath_view_steady(&a->tl, a->snap.position)];
    int top, bottom;
    stage(a, c, &top, &bottom);
    if (!calm_motion(a))
        return breath_radius(top, bottom, v.size);
    struct calm_layout l;
    calm_layout(a, top, bottom, &l);
    return (long long)v.phase * 100000 + v.count * 10000 +
           calm_filled(&l, v.fill);
}

/* The signs to stop, in one column when they fit, else in two, so that at
 * a large text size they are still all in sight. */
static void stop_signs(struct app *a, struct ui_column *c)
{
    static const char *const heading = SCREEN_WORDS_STOP_HEADING;
    const struct text_list *l = &a->s->safety->stop_signs;
    int need = text_height(a->text, TEXT_BODY, c->w, heading) + a->h / 80;
    char line[400];
    for (size_t i = 0; i < l->count; i++) {
        snprintf(line, sizeof(line), "\xe2\x80\xa2 %s", l->items[i]);
        need += text_height(a->text, TEXT_SMALL, c->w, line) + a->h / 160;
    }
    if (c->y + need <= c->bottom || l->count < 2) {
        ui_column_list(c, heading, l, COLOR_WARN);
        return;
    }
    ui_column_text(c, TEXT_BODY, COLOR_WARN, heading, a->h / 80);
    int gap = a->w / 40, half = (c->w - gap) / 2;
    struct ui_column col[2];
    ui_column_start(&col[0], a, c->x, c->y, half, c->bottom, 0);
    ui_column_start(&col[1], a, c->x + half + gap, c->y, half, c->bottom, 0);
    size_t split = (l->count + 1) / 2;
    for (size_t i = 0; i < l->count; i++) {
        snprintf(line, sizeof(line), "\xe2\x80\xa2 %s", l->items[i]);
        ui_column_text(&col[i >= split], TEXT_SMALL, COLOR_TEXT, line,
                       a->h / 160);
    }
    c->hidden += col[0].hidden + col[1].hidden;
    c->y = col[0].y > col[1].y ? col[0].y : col[1].y;
}

bool running_panel_why(const struct app *a, enum screen_status *st)
{
    if (a->run.checkin_open)
        *st = SCREEN_STATUS_CHECKIN;
    else if (ui_paused(a) && !a->sound_lost) /* (the notice says) */
        *st =
            a->run.checkin_missed ? SCREEN_STATUS_MISSED : SCREEN_STATUS_PAUSED;
    else if (a->run.info)
        *st = SCREEN_STATUS_SIGNS;
    else
        return false;
    return true;
}

/* What the panel says above the signs: the check-in, or why it is
 * paused; NULL when neither. */
static const char *panel_status(const struct app *a)
{
    enum screen_status st;
    return running_panel_why(a, &st) ? screen_words_status(st) : NULL;
}

/* The height the panel's text takes in one column of width w. */
static int panel_need(struct app *a, int w)
{
    const char *status = panel_status(a);
    int need = a->h / 30 + text_line_height(a->text, TEXT_SMALL);
    if (a->run_notice[0])
        need += text_height(a->text, TEXT_BODY, w, a->run_notice) + a->h / 30;
    if (status)
        need += text_height(a->text, TEXT_LARGE, w, status) + a->h / 30;
    need += text_height(a->text, TEXT_BODY, w, SCREEN_WORDS_STOP_HEADING) +
            a->h / 80;
    const struct text_list *l = &a->s->safety->stop_signs;
    char line[400];
    for (size_t i = 0; i < l->count; i++) {
        snprintf(line, sizeof(line), "\xe2\x80\xa2 %s", l->items[i]);
        need += text_height(a->text, TEXT_SMALL, w, line) + a->h / 160;
    }
    return need;
}

/* The panel of stop signs, from top (under the clock, or the top of the
 * window: see running_draw) to the buttons (over the caption: asked for,
 * the signs come first). */
static void draw_panel(struct app *a, int top, int bottom, bool over_clock)
{
    int m = a->w / 14;
    SDL_Rect panel = {m / 2, top, a->w - m, bottom - top};
    draw_box(a->ren, &panel, &COLOR_PANEL, draw_edge_width(a->h));
    layout_log_rect("shape", &panel, "panel");
    struct ui_column c;
    ui_column_start(&c, a, panel.x + m / 2, panel.y + a->h / 30, panel.w - m,
                    panel.y + panel.h, 0);
    if (over_clock) { /* the time left stays in sight, small */
        char left[16], line[48];
        ui_fmt_clock(left, sizeof(left), ui_seconds_left(a));
        snprintf(line, sizeof(line), "%s left", left);
        ui_column_text(&c, TEXT_SMALL, COLOR_DIM, line, a->h / 80);
    }
    ui_column_text(&c, TEXT_BODY, COLOR_WARN, a->run_notice, a->h / 30);
    ui_column_text(&c, TEXT_LARGE, COLOR_TEXT, panel_status(a), a->h / 30);
    stop_signs(a, &c);
    if (c.hidden) {
        char more[80];
        snprintf(more, sizeof(more),
                 "\xe2\x80\xa6 and %d more: a smaller text size shows all.",
                 c.hidden);
        text_draw(a->text, TEXT_SMALL, COLOR_ACCENT, ALIGN_LEFT, c.x,
                  c.bottom + a->h / 100, c.w, more);
    }
}

void running_draw(struct app *a)
{
    static const char *const labels[] = {"Pause (Space)", "Stop signs (I)",
                                         "Discomfort (D)", "Stop (Esc)"};
    static const char *const labels_paused[] = {
        "Go on (Space)", "Stop signs (I)", "Discomfort (D)", "Stop (Esc)"};
    static const int cmds[] = {UI_PAUSE, UI_INFO, UI_DISCOMFORT, UI_STOP};
    ui_bottom_buttons(a, ui_paused(a) ? labels_paused : labels, cmds, 4);
    int m = a->w / 14, w = a->w - 2 * m;
    int notice_y, below = under_clock(a, &notice_y);
    /* When the signs to stop would not all fit under the clock (a large
     * text size), their panel takes the clock's place: none out of sight. */
    bool over_clock =
        panel_shown(a) && below + panel_need(a, w) > a->content_bottom;
    char left[16];
    ui_fmt_clock(left, sizeof(left), ui_seconds_left(a));
    int clock_w = text_width(a->text, TEXT_HUGE, left);
    if (!over_clock) { /* the title beside the clock, never under it */
        text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_LEFT, m, a->h / 30,
                  (a->w - clock_w) / 2 - m - a->w / 60, a->s->title);
        text_draw(a->text, TEXT_HUGE, COLOR_TEXT, ALIGN_CENTER, 0, a->h / 30,
                  a->w, left);
    }
    /* A phase too short to show changes nothing: no flashing. */
    size_t ph = breath_view_steady(&a->tl, a->snap.position);
    const struct cue *c = ph == SIZE_MAX ? NULL : &a->tl.cues[ph];
    struct breath_view v;
    bool breath = breath_view_at(&a->tl, a->snap.position, &v);
    int top, bottom;
    stage(a, c, &top, &bottom);
    int cy = (top + bottom) / 2;
    if (panel_shown(a)) {
        /* the panel covers the stage */
    } else if (breath && calm_motion(a)) {
        draw_calm(a, top, bottom, &v);
    } else if (breath) {
        int r = breath_radius(top, bottom, v.size);
        draw_fill_circle(a->ren, a->w / 2, cy, r, COLOR_ACCENT);
        SDL_Rect box = {a->w / 2 - r, cy - r, 2 * r + 1, 2 * r + 1};
        layout_log_rect("shape", &box, "circle");
    } else if (c && c->kind == CUE_SCAN) {
        const struct step *st = &a->s->steps[c->step];
        draw_body(a->ren, a->w / 2, top, bottom - top, st->regions,
                  st->n_regions);
    } else if (c && c->kind == CUE_BEGIN) {
        char hold[16];
        int64_t left = c->frame + c->frames - a->snap.position;
        ui_fmt_clock(hold, sizeof(hold),
                     (double)(left > 0 ? left : 0) / SOUND_RATE);
        text_draw(a->text, TEXT_HUGE, COLOR_ACCENT, ALIGN_CENTER, 0,
                  cy - text_line_height(a->text, TEXT_HUGE) / 2, a->w, hold);
    }
    enum text_size size;
    int hgt;
    const char *cap = caption(a, c, &size, &hgt);
    if (cap && !panel_shown(a)) /* the signs to stop come first */
        text_draw(a->text, size, COLOR_TEXT, ALIGN_CENTER, m,
                  a->content_bottom - hgt, w, cap);
    if (run_reminder_shown(&a->run, a->snap.position) && !over_clock)
        text_draw(a->text, TEXT_SMALL, COLOR_DIM, ALIGN_CENTER, m,
                  a->h / 30 + text_line_height(a->text, TEXT_HUGE), w,
                  "You can stop at any time: press Esc.");
    if (a->run_notice[0] && !panel_shown(a))
        text_draw(a->text, TEXT_SMALL, COLOR_WARN, ALIGN_CENTER, m, notice_y, w,
                  a->run_notice);
    if (panel_shown(a))
        draw_panel(a, over_clock ? a->h / 60 : below, a->content_bottom,
                   over_clock);
}
