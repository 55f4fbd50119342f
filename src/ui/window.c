/* window.c: the window itself: opened inside the display's usable area
 * at the size and place the person left it (kept in
 * $XDG_STATE_HOME/stillpoint/window: where a window was is state, like
 * the history, not a choice to share or edit like stillpoint.cfg), the
 * person's look (theme and text size) applied, and the fonts following
 * the window's size. */
#include "app.h"
#include "app_state.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../audio/device.h"
#include "../core/fsutil.h"
#include "../core/layout.h"

/* $XDG_STATE_HOME/stillpoint/window, or ~/.local/state/...; false when
 * neither gives an absolute folder. */
static bool place_path(char *buf, size_t n)
{
    const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    int w = -1;
    if (state && state[0] == '/')
        w = snprintf(buf, n, "%s/stillpoint/window", state);
    else if (home && home[0] == '/')
        w = snprintf(buf, n, "%s/.local/state/stillpoint/window", home);
    return w >= 0 && (size_t)w < n;
}

/* The place kept last time; false when there is none (or it is not one
 * layout_place_parse takes: then the window opens as designed). */
static bool load_place(struct layout_rect *r)
{
    char path[1024], text[128];
    if (!place_path(path, sizeof(path)) || fsutil_is_link(path))
        return false;
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    size_t n = fread(text, 1, sizeof(text) - 1, f);
    fclose(f);
    text[n] = '\0';
    return layout_place_parse(text, r);
}

/* Keeps r as the preferences are kept: a new private file renamed over
 * the old one, never through a link. Best effort: a window that opens
 * at its design size next time is no reason to bother anyone. */
static void save_place(const struct layout_rect *r)
{
    char path[1024], dir[1024], tmp[1100], text[80];
    if (!place_path(path, sizeof(path)) || fsutil_is_link(path) ||
        !fsutil_make_parents(path, dir, sizeof(dir)))
        return;
    int fd = fsutil_create_temp(path, 0600, tmp, sizeof(tmp));
    if (fd < 0)
        return;
    layout_place_format(r, text, sizeof(text));
    size_t len = strlen(text);
    bool ok = write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) == 0)
        fsutil_sync_parent(path);
    else
        unlink(tmp);
}

/* The usable area of the display holding the middle of r (or the first
 * display). */
static struct layout_rect usable_area(const struct layout_rect *r)
{
    SDL_Rect u = {0, 0, LAYOUT_DESIGN_W, LAYOUT_DESIGN_H}, b;
    int n = SDL_GetNumVideoDisplays();
    bool found = false;
    for (int i = 0; r && i < n && !found; i++) {
        SDL_Point mid = {r->x + r->w / 2, r->y + r->h / 2};
        if (SDL_GetDisplayUsableBounds(i, &b) == 0 &&
            SDL_PointInRect(&mid, &b)) {
            u = b;
            found = true;
        }
    }
    if (!found && SDL_GetDisplayUsableBounds(0, &b) == 0)
        u = b;
    return (struct layout_rect){u.x, u.y, u.w, u.h};
}

/* Once shown, a window manager's frame may push it past the usable
 * area: then it is made smaller and moved in. */
static void fit_frame(struct app *a, struct layout_rect u)
{
    int top = 0, left = 0, bottom = 0, right = 0, x, y;
    if (SDL_GetWindowBordersSize(a->win, &top, &left, &bottom, &right) != 0 ||
        top + left + bottom + right == 0)
        return;
    SDL_GetWindowPosition(a->win, &x, &y);
    int w = a->w, h = a->h;
    if (w + left + right > u.w)
        w = u.w - left - right;
    if (h + top + bottom > u.h)
        h = u.h - top - bottom;
    if (x - left < u.x)
        x = u.x + left;
    if (y - top < u.y)
        y = u.y + top;
    if (x + w + right > u.x + u.w)
        x = u.x + u.w - w - right;
    if (y + h + bottom > u.y + u.h)
        y = u.y + u.h - h - bottom;
    if (w != a->w || h != a->h)
        SDL_SetWindowSize(a->win, w, h);
    SDL_SetWindowPosition(a->win, x, y);
}

/* Creates the window where it fits. */
static bool create(struct app *a)
{
    struct layout_rect saved, *s = load_place(&saved) ? &saved : NULL;
    struct layout_rect u = usable_area(s);
    struct layout_rect p = layout_place_window(u, s);
    a->placed = p;
    a->w = p.w;
    a->h = p.h;
    a->win = SDL_CreateWindow("stillpoint", p.x, p.y, p.w, p.h,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_HIDDEN);
    if (!a->win)
        return false;
    SDL_SetWindowMinimumSize(a->win, u.w < LAYOUT_MIN_W ? u.w : LAYOUT_MIN_W,
                             u.h < LAYOUT_MIN_H ? u.h : LAYOUT_MIN_H);
    SDL_ShowWindow(a->win);
    fit_frame(a, u);
    SDL_GetWindowSize(a->win, &a->w, &a->h);
    return true;
}

void window_keep_place(struct app *a)
{
    Uint32 flags = SDL_GetWindowFlags(a->win);
    if (flags & (SDL_WINDOW_FULLSCREEN | SDL_WINDOW_FULLSCREEN_DESKTOP |
                 SDL_WINDOW_MAXIMIZED | SDL_WINDOW_MINIMIZED))
        return; /* the size it goes back to is what was kept */
    struct layout_rect r;
    SDL_GetWindowPosition(a->win, &r.x, &r.y);
    SDL_GetWindowSize(a->win, &r.w, &r.h);
    if (memcmp(&r, &a->placed, sizeof(r)) != 0)
        save_place(&r);
}

/* The person's look: the command line's choice, else the file's. */
static void chosen_look(const struct app *a, enum palette_theme *theme,
                        double *text_size)
{
    struct prefs p;
    prefs_merge(&p, &a->opt->prefs, &a->prefs);
    *theme = p.theme;
    *text_size = p.text_size;
}

void window_apply_look(struct app *a, bool resized)
{
    enum palette_theme theme;
    double size;
    chosen_look(a, &theme, &size);
    draw_set_theme(theme);
    if (resized || size != a->text_size) {
        a->text_size = size;
        text_rescale(a->text, layout_window_scale(a->w, a->h), size);
    }
    a->dirty = true;
}

int window_open(struct app *a, char *err, size_t errlen)
{
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
    enum palette_theme theme;
    chosen_look(a, &theme, &a->text_size);
    draw_set_theme(theme);
    a->ren = create(a) ? SDL_CreateRenderer(a->win, -1, 0) : NULL;
    a->text = a->ren ? text_open(a->ren, layout_window_scale(a->w, a->h),
                                 a->text_size, err, errlen)
                     : NULL;
    if (!a->text) {
        if (!a->ren)
            snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        if (a->ren)
            SDL_DestroyRenderer(a->ren);
        if (a->win)
            SDL_DestroyWindow(a->win);
        device_close();
        SDL_Quit();
        return 1;
    }
    return 0;
}
