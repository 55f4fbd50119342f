/* app_state.h: what the window's files share, inside src/ui/ only: the
 * commands keys and buttons turn into, the screens, the window's state
 * (struct app), and the calls between the screens (menu.c, before.c,
 * running.c, after.c, choices.c), the session's life (session_life.c),
 * the shared pieces of drawing (widgets.c) and the loop (app.c). */
#ifndef STILLPOINT_APP_STATE_H
#define STILLPOINT_APP_STATE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "../audio/engine.h"
#include "../audio/lengths.h"
#include "../audio/live.h"
#include "../audio/prepare.h"
#include "../core/adapt.h"
#include "../core/history.h"
#include "../core/layout.h"
#include "../core/prefs.h"
#include "../core/rating.h"
#include "../core/run.h"
#include "../core/safety_flow.h"
#include "../core/screen_words.h"
#include "../core/timeline.h"
#include "draw.h"
#include "history_view.h"
#include "import_view.h"
#include "text.h"

struct app_options; /* app.h */

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
    UI_REPEAT,          /* R: the screen read aloud again */
    UI_SKIP,            /* the rating question: S */
    UI_RATE,            /* the after screen: F, the question after */
    UI_NOTE,            /* the after screen: N, the note box */
    UI_RATE_BASE = 400, /* a number of the rating question, 400..410 */
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
    SCR_OFFER,  /* first start with a screen reader: read screens aloud? */
    SCR_RATING, /* how tense or upset, 0..10 (rating.c), before or after */
};

enum { MAX_MENU = 256, MAX_BUTTONS = MAX_MENU + 8 };

struct app {
    SDL_Window *win;
    SDL_Renderer *ren;
    struct text *text;
    struct library *lib;
    const struct app_options *opt;
    int w, h;
    struct layout_rect placed; /* where it opened */
    double text_size;          /* the fonts' text size, as applied */
    enum screen screen;
    bool quit, dirty;
    /* menu */
    const struct session *menu[MAX_MENU];
    struct lengths *lengths;         /* their true lengths, measured */
    bool lengths_stale;              /* to measure when the menu shows next */
    struct timeline_options len_opt; /* ...with these choices */
    struct adapt_options len_adopt;
    size_t menu_count, sel;
    /* the open session: as chosen, then as played (with the person's
     * choices applied, in scratch) */
    const struct session *s;
    struct arena *scratch;
    struct safety_flow flow;
    struct prepare *prep;
    struct timeline tl;          /* a view of the prepared timeline */
    long long enter_ns;          /* when Enter began it (for make bench) */
    long long key_ns;            /* when the last key came (for make bench) */
    struct live *live;           /* the session playing, or NULL */
    struct engine_snapshot snap; /* its clock, as last read */
    bool silent;
    char notice[300];
    char run_notice[400]; /* on the running screen: sound, late problems */
    bool sound_lost;      /* the device went away; the next wake replaces it */
    float volume;
    bool fullscreen;
    struct run run; /* the during-session rules */
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
    struct read_aloud *reader;    /* screens read aloud (read_aloud.c) */
    /* the rating question (rating.c) and the note (note_box.c) */
    bool rating_asked; /* this session asks, before and after */
    bool rating_after; /* the question showing is the one after */
    bool rating_pause; /* the words after a rating at the profile's pause */
    bool rating_done;  /* the question after was answered or skipped */
    int rating_value;  /* the number chosen so far, or RATING_NONE */
    int rating_before; /* the rating before, or RATING_NONE */
    struct rating_note note;
    bool note_open, note_saved;
    char note_problem[160]; /* typed text refused, and why */
    /* drawing */
    struct button buttons[MAX_BUTTONS];
    int n_buttons;
    int content_bottom; /* above the buttons (ui_bottom_buttons) */
    int scroll;         /* blocks of the screen's column scrolled away */
    bool scroll_more;   /* the column has more below */
    long scroll_view;   /* the screen scroll belongs to */
    char title[400];
    char view[160];
};

/* ---- widgets.c: pieces every screen draws with ---------------------- */

/* MM:SS; a countdown rounds up (it shows 00:00 only at the end), time
 * done rounds down. */
void ui_fmt_mmss(char *buf, size_t n, double seconds, bool up);
/* A countdown, MM:SS. */
void ui_fmt_clock(char *buf, size_t n, double seconds);
double ui_seconds_left(const struct app *a);
/* The session is paused, or fading out to a pause. */
bool ui_paused(const struct app *a);
void ui_add_button(struct app *a, int x, int y, int w, int h, const char *label,
                   int cmd);
/* The row of buttons along the bottom; the last one is always the way
 * out (Stop, Leave, Quit...). Returns the top of the row, and sets
 * a->content_bottom, where a screen's content must end: screens call it
 * first. */
int ui_bottom_buttons(struct app *a, const char *const *labels, const int *cmds,
                      int n);
/* A monotonic clock in nanoseconds, for make bench's figures. */
long long ui_now_ns(void);
/* A column of blocks of text (paragraphs, headings, the items of a
 * list) from y down to bottom, the first skip blocks scrolled away; a
 * block that does not fit is left for Down to show, never drawn over
 * what is below. */
struct ui_column {
    struct app *a;
    int x, y, w, bottom;
    int skip;    /* blocks still to scroll past */
    int skipped; /* blocks scrolled past */
    int hidden;  /* blocks below, not drawn */
    int top;
};
void ui_column_start(struct ui_column *c, struct app *a, int x, int y, int w,
                     int bottom, int skip);
/* One block, after px below it; whether it was drawn. */
bool ui_column_text(struct ui_column *c, enum text_size size, SDL_Color col,
                    const char *s, int after);
void ui_column_gap(struct ui_column *c, int gap);
/* A heading and a bulleted list, each item a block. */
void ui_column_list(struct ui_column *c, const char *heading,
                    const struct text_list *l, SDL_Color hc);
/* Names what is scrolled away above and below; returns the y below the
 * last block drawn. */
int ui_column_end(struct ui_column *c);
/* Up and Down where a column scrolls: true when the key scrolled. */
bool ui_scroll_key(struct app *a, int cmd);

/* ---- session_life.c: a session from Enter to its history row --------- */

/* Sends a command to the clock thread, waking the device first. */
void app_send(struct app *a, enum engine_cmd cmd, float arg);
void app_send_volume(struct app *a, float delta);
/* The sound device went away: a session playing pauses and says so. */
void app_sound_lost(struct app *a);
/* Whether the clock thread has applied every command sent. */
bool app_settled(const struct app *a);
void app_close_session(struct app *a);
/* The options a session is prepared with: the command line's choices,
 * and the person's preferences where it made none (body regions left out
 * by either are left out). */
void app_session_options(const struct app *a, struct timeline_options *tl,
                         struct adapt_options *ad);
/* Writes the session's history row with outcome o. */
void app_record(struct app *a, enum history_outcome o, const char *detail);
void app_begin_row(struct app *a, double planned);
/* Keeps changed choices; false when that failed just now. */
bool app_save_prefs(struct app *a);
/* Applies the person's choices and starts readying the sound; app_tick
 * starts the clock once the first line is ready. */
bool app_begin_preparing(struct app *a);
/* Ends the session (stopping the clock unless it finished), records it
 * and shows the after screen. */
void app_end_session(struct app *a, enum history_outcome o, const char *why);
void app_open_session(struct app *a, const struct session *s);
/* Back to the menu (or out, for a session named on the command line). */
void app_leave(struct app *a);
/* Follows the clock: the start, the end, check-ins, reminders. */
void app_tick(struct app *a);

/* ---- the screens ----------------------------------------------------- */

void menu_build(struct app *a);
/* (Re)measures the menu's sessions with the person's current choices. */
void menu_measure(struct app *a);
/* While the menu's lengths are being measured: how many are known (the
 * window redraws when it changes); -1 when all are. */
long long menu_measuring(const struct app *a);
void menu_draw(struct app *a);
void menu_command(struct app *a, int cmd);
/* The history screen, read afresh each time it opens. */
void menu_open_history(struct app *a);
/* A session file or bundle dropped on the window (or named on the
 * command line): checked at once, imported on Enter. */
void menu_open_import(struct app *a, const char *path);
void import_command(struct app *a, int cmd);

/* ---- window.c: the window, where it opens and how it looks ---------- */

/* Opens the display, the sound device and the window (inside the usable
 * area, where the person left it); 0, or 1 with err filled (then nothing
 * is left open). */
int window_open(struct app *a, char *err, size_t errlen);
/* Applies the person's theme and text size (after a change of choices,
 * or with resized, a new window size). */
void window_apply_look(struct app *a, bool resized);
/* Keeps the window's size and place for the next start. */
void window_keep_place(struct app *a);

/* title.c: the window's title, set when what it says changes. */
void title_update(struct app *a);

void before_draw(struct app *a);
void before_command(struct app *a, int cmd);
/* Lines of the voice made so far, while preparing. */
long long preparing_lines_done(const struct app *a);
void preparing_draw(struct app *a);
void blocked_draw(struct app *a);

void running_draw(struct app *a);
/* Whether the panel of stop signs shows, and why (read aloud too). */
bool running_panel_why(const struct app *a, enum screen_status *st);
void running_command(struct app *a, int cmd);
/* What the breathing visual shows at the clock's place, as a number that
 * changes when its picture does (-1: none shows). */
long long running_visual_key(const struct app *a);

void after_draw(struct app *a);
/* The grounding exercise, offered after a session was stopped; or NULL. */
const struct session *after_grounding_offer(const struct app *a);

/* keys.c: the command a key press is, on the screen showing. */
int keys_command(const struct app *a, SDL_Keycode k);

/* ---- read_aloud.c: the screens read aloud (read_screens) ------------ */

/* Once each turn of the loop: speaks the screen showing when what it
 * says has changed (stopping what was being said at once), and follows
 * the reading under way. */
void read_aloud_update(struct app *a);
/* R: says the screen again from the start. */
void read_aloud_repeat(struct app *a);
/* Esc: silent at once, until the screen changes or R. */
void read_aloud_hush(struct app *a);
/* The person's volume changed. */
void read_aloud_volume(struct app *a);
/* How soon the loop must wake to follow a reading (-1: none under way). */
int read_aloud_wait_ms(const struct app *a);
void read_aloud_free(struct app *a);

/* offer.c: the offer to read the screens aloud. */
void offer_command(struct app *a, int cmd);
void offer_draw(struct app *a);
/* The question after can still be asked: it waits for F (after a stop
 * for discomfort the doctor's signs come first). */
bool after_rating_waits(const struct app *a);
/* The after screen's keys and buttons. */
void after_command(struct app *a, int cmd);

/* rating.c: the question "How tense or upset do you feel right now?".
 * rating_reset forgets it (a session opens); rating_open_before asks it,
 * when asked at all, once the sound is being readied, and returns
 * whether it did; rating_open_after asks it when the session ends. */
void rating_reset(struct app *a);
/* The grounding exercise the pause words offer, or NULL. */
const struct session *rating_grounding(const struct app *a);
bool rating_open_before(struct app *a);
void rating_open_after(struct app *a);
/* Appends one entry of the session's row to the history (as app_record
 * does, saying a failure in history_error); whether it was written. */
bool rating_append(struct app *a, enum history_entry what);
/* Writes the rating before with the session's row (just begun). */
void rating_record_before(struct app *a);
/* The key's command on the rating and after screens (digits, S, R),
 * else cmd as key_command made it. */
int rating_key_command(const struct app *a, SDL_Keycode k, int cmd);
void rating_command(struct app *a, int cmd);
void rating_draw(struct app *a);

void choices_open(struct app *a);
void choices_command(struct app *a, int cmd);
void choices_draw(struct app *a);

#endif
