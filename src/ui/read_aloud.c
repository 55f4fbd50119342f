/* read_aloud.c: screens read aloud (preference read_screens). Each turn of
 * the loop asks core/screen_words.c what the screen showing says; when
 * that changes, what was being said stops at once and the new words are
 * spoken. The words go the way a session's lines go: a small session of
 * say steps, readied by audio/prepare.c (stillpoint's own lines from
 * their recordings, a file's own text by the synthesizer, at the
 * person's pace) and played by audio/live.c over the session, so volume
 * applies and the ambient bed steps back under it. */
#include "app_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../audio/device.h"
#include "../core/prefs_items.h"
#include "../core/screen_words.h"
#include "app.h"

struct read_aloud {
    uint64_t key; /* what is being said (screen_words_key) */
    bool said;    /* key was spoken (or is being spoken) */
    bool repeat;  /* R: say it again */
    bool hushed;  /* Esc: quiet until the screen changes */
    struct screen_words words;
    /* the reading under way: */
    struct arena *arena;
    struct session session;
    struct timeline_options opt;
    struct prepare *prep;
    struct live *live;
    struct timeline tl;
    long long key_ns; /* the key that brought these words (for bench) */
};

/* The quiet after each line, before the next. */
#define LINE_GAP_SECONDS 0.45

static bool wanted(const struct app *a)
{
    return a->opt->prefs.read_screens || a->prefs.read_screens ||
           a->screen == SCR_OFFER; /* the offer is said in any case */
}

/* For make bench (STILLPOINT_BENCH): from the key that brought a screen
 * to its first word heard (only where no session sounds beside it). */
static void report_words(struct read_aloud *r)
{
    long long first = device_first_sound_ns();
    if (!r->key_ns || !first || !getenv("STILLPOINT_BENCH"))
        return;
    fprintf(stderr, "read-key-to-words %lld\n", first - r->key_ns);
    r->key_ns = 0;
}

/* ...and for the tests too: how long after the key at key_ns the
 * reading it cut short made its last sound (once stopped: live_stop
 * waits for its fade). */
static void report_cut(long long key_ns)
{
    if (!key_ns || !getenv("STILLPOINT_BENCH"))
        return;
    long long last = device_last_sound_ns();
    fprintf(stderr, "read-cut-to-silence %lld\n",
            last > key_ns ? last - key_ns : 0);
}

/* Ends the reading under way, its sound fading out within one buffer. */
static void stop_reading(struct read_aloud *r)
{
    if (r->live) {
        struct engine_snapshot snap;
        live_stop(r->live, &snap);
    }
    live_free(r->live);
    prepare_free(r->prep);
    arena_free(r->arena);
    r->live = NULL;
    r->prep = NULL;
    r->arena = NULL;
}

/* The words of the screen showing (none for a screen not read). */
static void words_now(struct app *a, struct screen_words *w)
{
    screen_words_clear(w);
    enum screen_status st;
    switch (a->screen) {
    case SCR_MENU:
        if (a->sel < a->menu_count)
            screen_words_menu(w, a->menu[a->sel]);
        break;
    case SCR_BEFORE: {
        bool scans = false;
        for (size_t i = 0; i < a->s->n_steps; i++)
            scans |= a->s->steps[i].kind == STEP_SCAN;
        screen_words_before(w, &a->flow, scans);
        break;
    }
    case SCR_BLOCKED:
        screen_words_blocked(w, &a->flow);
        break;
    case SCR_RUNNING:
        /* The signs shown by themselves at the start are not said over
         * the voice saying the floor notice. */
        if (running_panel_why(a, &st) &&
            !(st == SCREEN_STATUS_SIGNS && a->run.info_until != 0))
            screen_words_running(w, a->s->safety, st);
        break;
    case SCR_OFFER:
        screen_words_offer(w);
        break;
    case SCR_CHOICES: {
        char name[96], value[96];
        prefs_item_text(&a->prefs, a->choice, name, sizeof(name), value,
                        sizeof(value));
        screen_words_choice(w, name, value);
        break;
    }
    case SCR_AFTER: {
        if (a->note_open) {
            screen_words_note(w);
            break;
        }
        struct screen_after_offers offers = {
            .grounding = after_grounding_offer(a) != NULL,
            .rating = after_rating_waits(a),
            .note = !a->opt->no_history,
        };
        screen_words_after(w, a->s->safety, a->outcome, &offers);
        break;
    }
    case SCR_RATING:
        if (a->rating_pause)
            screen_words_rating_pause(w, rating_grounding(a) != NULL);
        else
            screen_words_rating(w, a->rating_value);
        break;
    default:
        break;
    }
}

/* Starts readying r->words to be spoken; the clock starts in
 * read_aloud_update once the first line is ready. */
static void start_reading(struct app *a, struct read_aloud *r)
{
    if (r->words.count == 0 || !(r->arena = arena_new()))
        return;
    struct step *steps = arena_alloc(r->arena, r->words.count * sizeof(*steps));
    if (!steps) {
        stop_reading(r);
        return;
    }
    for (size_t i = 0; i < r->words.count; i++)
        steps[i] = (struct step){
            .kind = STEP_SAY,
            .say = arena_strdup(r->arena, r->words.lines[i].text),
            .stock = r->words.lines[i].stock,
            .seconds = LINE_GAP_SECONDS,
        };
    const struct session *open = a->s;
    r->session = (struct session){
        .name = "read-aloud",
        .title = "",
        .type = open ? open->type : "",
        .source = open && open->source ? open->source : "stillpoint",
        .steps = steps,
        .n_steps = r->words.count,
        .safety = open ? open->safety : NULL,
        .speech_rate = open ? open->speech_rate : 0,
    };
    struct adapt_options ad;
    app_session_options(a, &r->opt, &ad);
    r->opt.no_voice = false; /* asked for: the screens are spoken */
    r->opt.no_ambient = true;
    r->opt.cue_style = CUE_STYLE_NONE;
    r->opt.settling_seconds = 0;
    r->opt.words_only = true;
    r->prep = prepare_start(&r->session, &r->opt, PREPARE_LIVE);
    if (!r->prep)
        stop_reading(r);
}

/* Once its first line is ready, the reading plays over whatever plays. */
static void follow_reading(struct app *a, struct read_aloud *r)
{
    if (!r->prep)
        return;
    if (!r->live) {
        enum prepare_stage st = prepare_stage(r->prep);
        if (st == PREPARE_FAILED) {
            stop_reading(r); /* unspoken: the screen still shows it */
            return;
        }
        if (st < PREPARE_FIRST_LINE)
            return;
        r->tl = *prepare_timeline(r->prep);
        struct live_volumes v = {a->volume, a->prefs.voice_volume, 0, 0};
        if (!(r->live = live_new(&r->tl, prepare_sounds(r->prep), &v))) {
            stop_reading(r);
            return;
        }
        live_play_over(r->live);
    }
    struct engine_snapshot snap;
    live_snapshot(r->live, &snap);
    prepare_follow(r->prep, snap.position);
    report_words(r);
    if (snap.state == PLAYER_FINISHED || snap.state == PLAYER_STOPPED) {
        stop_reading(r);
        device_settle(); /* said: the device may sleep again */
    }
}

void read_aloud_update(struct app *a)
{
    if (!wanted(a)) {
        if (a->reader && a->reader->prep) {
            stop_reading(a->reader);
            device_settle();
        }
        return;
    }
    if (!a->reader && !(a->reader = calloc(1, sizeof(*a->reader))))
        return;
    struct read_aloud *r = a->reader;
    struct screen_words *w = &r->words;
    words_now(a, w);
    uint64_t key = screen_words_key(w);
    if (key != r->key || !r->said || r->repeat) {
        bool cut = r->live != NULL;
        stop_reading(r);
        if (cut)
            report_cut(a->key_ns);
        if (key != r->key)
            r->hushed = false;
        r->key = key;
        r->said = true;
        r->repeat = false;
        r->key_ns =
            !a->live && ui_now_ns() - a->key_ns < 500000000LL ? a->key_ns : 0;
        if (!r->hushed)
            start_reading(a, r);
        if (!r->prep)
            device_settle(); /* nothing to say here */
    }
    follow_reading(a, r);
}

void read_aloud_repeat(struct app *a)
{
    if (a->reader) {
        a->reader->repeat = true;
        a->reader->hushed = false;
    }
}

void read_aloud_hush(struct app *a)
{
    if (a->reader) {
        bool cut = a->reader->live != NULL;
        stop_reading(a->reader);
        if (cut)
            report_cut(a->key_ns);
        a->reader->hushed = true;
        device_settle();
    }
}

void read_aloud_volume(struct app *a)
{
    if (a->reader && a->reader->live)
        live_send(a->reader->live, ENGINE_VOLUME, a->volume);
}

int read_aloud_wait_ms(const struct app *a)
{
    if (!a->reader || !a->reader->prep)
        return -1;
    return a->reader->live ? 30 : 5; /* its first line is on its way */
}

void read_aloud_free(struct app *a)
{
    if (a->reader)
        stop_reading(a->reader);
    free(a->reader);
    a->reader = NULL;
}
