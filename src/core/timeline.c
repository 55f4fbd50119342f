/* timeline.c: compiles a session into cues on exact sample positions. */
#include "timeline.h"

#include "breath_count.h"
#include "pace.h"
#include "voice_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    RELEASE_SECONDS = 4, /* after a hold's end bell, before the next step */
    END_MIN_SECONDS = 3, /* the end cue rings out at least this long */
};

static const char *const breath_captions[4] = {"Breathe in", "Hold",
                                               "Breathe out", "Hold"};

const char *timeline_kind_name(enum cue_kind k)
{
    static const char *const names[] = {
        [CUE_AMBIENT] = "ambient", [CUE_SAY] = "say",
        [CUE_SCAN] = "scan",       [CUE_INHALE] = "inhale",
        [CUE_HOLD] = "hold",       [CUE_EXHALE] = "exhale",
        [CUE_BEGIN] = "begin",     [CUE_BELL] = "bell",
        [CUE_SILENCE] = "silence", [CUE_END] = "end",
        [CUE_PLAY] = "play",       [CUE_CAPTION] = "caption",
        [CUE_COUNT] = "count",
    };
    return (unsigned)k <= CUE_COUNT ? names[k] : "?";
}

struct builder {
    struct timeline *t;
    size_t cap, late_cap;
    int64_t pos;
    int failed;
};

static struct cue *push(struct builder *b, enum cue_kind kind, int64_t frames,
                        int sound, const char *caption, int step)
{
    if (b->failed)
        return NULL;
    if (b->t->count == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 64;
        struct cue *n = realloc(b->t->cues, ncap * sizeof(*n));
        if (!n) {
            b->failed = 1;
            return NULL;
        }
        b->t->cues = n;
        b->cap = ncap;
    }
    struct cue *c = &b->t->cues[b->t->count++];
    memset(c, 0, sizeof(*c));
    c->frame = b->pos;
    c->frames = frames;
    c->kind = kind;
    c->sound = sound;
    c->gain = 1.0f;
    c->caption = caption;
    c->step = step;
    return c;
}

static void note_late(struct builder *b, int step)
{
    if (b->t->n_late == b->late_cap) {
        size_t ncap = b->late_cap ? b->late_cap * 2 : 8;
        struct timeline_late *n = realloc(b->t->late, ncap * sizeof(*n));
        if (!n) {
            b->failed = 1;
            return;
        }
        b->t->late = n;
        b->late_cap = ncap;
    }
    b->t->late[b->t->n_late++] =
        (struct timeline_late){step, b->pos - b->t->steps_start};
}

/* Brings the clock to a step's time mark: the time up to it is quiet
 * after what came before (the phase before lasts longer, or after a
 * breath, which must keep its pace, a quiet phase of its own). When what
 * came before has run past the mark, the step starts now, never cutting
 * it, and the lateness is noted. */
static void reach_mark(struct builder *b, const struct step *st, int idx)
{
    int64_t mark = b->t->steps_start + pace_frames(st->at);
    if (b->pos > mark) {
        note_late(b, idx);
        return;
    }
    if (b->pos == mark)
        return;
    size_t k = b->t->count;
    while (k > 0 && (b->t->cues[k - 1].frames == 0 ||
                     b->t->cues[k - 1].kind == CUE_AMBIENT))
        k--;
    struct cue *last = k > 0 ? &b->t->cues[k - 1] : NULL;
    bool breath = last && (last->kind == CUE_INHALE || last->kind == CUE_HOLD ||
                           last->kind == CUE_EXHALE);
    if (last && !breath && last->frame + last->frames == b->pos)
        last->frames += mark - b->pos;
    else
        push(b, CUE_SILENCE, mark - b->pos, -1, NULL, idx - 1);
    b->pos = mark;
}

/* Frames a spoken or captioned line takes: its recording or its speech
 * (whose true length is known before the timeline is compiled), and a
 * breath after it unless the step asks the next line to follow at once
 * (seconds = 0). A caption nobody speaks (no voice, or speech that could
 * not be made) stays for its reading time. */
static int64_t line_frames(const char *text, const struct sound_set *set,
                           int sound, bool breath)
{
    if (!text)
        return 0;
    if (sound >= 0 && sound_length(&set->items[sound]) > 0)
        return sound_length(&set->items[sound]) +
               (breath ? pace_frames(0.5) : 0);
    return pace_frames(pace_reading_seconds(text));
}

/* The spoken count under a breath phase of len frames starting now: a
 * word on each whole second, each left out when its recording would run
 * past the phase's end (or there is none). */
static void push_count(struct builder *b, const struct sound_set *set,
                       const struct timeline_options *opt, enum breath_phase ph,
                       int64_t len, int idx)
{
    int64_t start = b->pos;
    for (int k = 1; (int64_t)(k - 1) * SOUND_RATE < len; k++) {
        const char *word = breath_count_word(ph, k);
        if (!word)
            break;
        int snd = sound_set_find_line(set, word, NULL, true, opt);
        int64_t at = (int64_t)(k - 1) * SOUND_RATE;
        if (snd < 0 || sound_length(&set->items[snd]) <= 0 ||
            sound_length(&set->items[snd]) > len - at)
            continue;
        b->pos = start + at;
        struct cue *c = push(b, CUE_COUNT, 0, snd, NULL, idx);
        if (c) {
            c->gain = BREATH_COUNT_GAIN;
            c->phase = ph;
        }
    }
    b->pos = start;
}

static void compile_breathe(struct builder *b, const struct session *s,
                            const struct sound_set *set, const struct step *st,
                            const struct timeline_options *opt, int idx)
{
    /* With cue style "none" only the breathing visual guides. */
    bool captions = opt->cue_style != CUE_STYLE_NONE;
    static const enum cue_kind kinds[4] = {CUE_INHALE, CUE_HOLD, CUE_EXHALE,
                                           CUE_HOLD};
    static const enum cue_slot slots[4] = {SLOT_INHALE, SLOT_HOLD, SLOT_EXHALE,
                                           SLOT_HOLD};
    for (int c = 1; c <= st->cycles; c++) {
        for (int ph = 0; ph < 4; ph++) {
            int64_t len = pace_frames(st->pattern[ph]);
            if (len == 0)
                continue;
            struct cue *cue =
                push(b, kinds[ph], len, sound_set_for_slot(set, s, slots[ph]),
                     captions ? breath_captions[ph] : NULL, idx);
            if (cue) {
                cue->phase = (enum breath_phase)ph;
                cue->cycle = c;
            }
            if (opt->spoken_count)
                push_count(b, set, opt, (enum breath_phase)ph, len, idx);
            b->pos += len;
        }
    }
}

static void compile_hold(struct builder *b, const struct session *s,
                         const struct sound_set *set, const struct step *st,
                         int idx)
{
    int64_t start = b->pos, len = pace_frames(st->seconds);
    int bell = sound_set_for_slot(set, s, SLOT_BELL);
    push(b, CUE_BEGIN, len, sound_set_for_slot(set, s, SLOT_HOLD), st->label,
         idx);
    for (size_t i = 0; i < st->n_bells; i++) {
        b->pos = start + pace_frames(st->bells[i]);
        push(b, CUE_BELL, 0, bell, NULL, idx);
    }
    b->pos = start + len;
    push(b, CUE_BELL, pace_frames(RELEASE_SECONDS), bell, "Release", idx);
    b->pos += pace_frames(RELEASE_SECONDS);
}

/* A play step after its say line: the recording whole, and each caption
 * at its start, opening a phase as long as it shows (captions past the
 * recording's end are left out, an end past it cut to it). */
static void compile_play(struct builder *b, const struct sound_set *set,
                         const struct step *st,
                         const struct timeline_options *opt, int idx)
{
    int rec = sound_set_find_play(set, idx);
    int64_t start = b->pos;
    int64_t len = rec >= 0 ? sound_length(&set->items[rec]) : 0;
    push(b, CUE_PLAY, len, opt->no_voice ? -1 : rec, NULL, idx);
    for (size_t i = 0; i < st->n_captions; i++) {
        const struct caption *c = &st->captions[i];
        int64_t from = pace_frames(c->start), to = pace_frames(c->end);
        if (from >= len)
            break; /* starts never decrease */
        if (to > len)
            to = len;
        if (to <= from)
            continue;
        b->pos = start + from;
        push(b, CUE_CAPTION, to - from, -1, c->text, idx);
    }
    b->pos = start + len;
}

static void compile_step(struct builder *b, const struct session *s,
                         const struct sound_set *set,
                         const struct timeline_options *opt, int idx)
{
    const struct step *st = &s->steps[idx];
    if (st->has_at)
        reach_mark(b, st, idx);
    const char *text = voice_text_of_step(st);
    int voice = sound_set_find_line(set, text, &st->voice,
                                    s->builtin || st->stock, opt);
    int64_t line = line_frames(text, set, voice, st->seconds > 0);
    int64_t quiet = pace_frames(st->seconds);
    switch (st->kind) {
    case STEP_SAY:
        push(b, CUE_SAY, line + quiet, voice, st->say, idx);
        b->pos += line + quiet;
        return;
    case STEP_SCAN:
        push(b, CUE_SCAN, line + quiet, voice, text, idx);
        b->pos += line + quiet;
        return;
    case STEP_SILENCE:
        if (line > 0) {
            push(b, CUE_SAY, line, voice, st->say, idx);
            b->pos += line;
        }
        push(b, CUE_SILENCE, quiet, -1, "Quiet time", idx);
        b->pos += quiet;
        return;
    case STEP_PLAY:
        if (line > 0) {
            push(b, CUE_SAY, line, voice, st->say, idx);
            b->pos += line;
        }
        compile_play(b, set, st, opt, idx);
        return;
    case STEP_BREATHE:
    case STEP_HOLD:
        if (line > 0) {
            push(b, CUE_SAY, line, voice, st->say, idx);
            b->pos += line;
        }
        if (st->kind == STEP_BREATHE)
            compile_breathe(b, s, set, st, opt, idx);
        else
            compile_hold(b, s, set, st, idx);
        return;
    }
}

int timeline_compile(const struct session *s, const struct sound_set *set,
                     const struct timeline_options *opt, struct timeline *out)
{
    memset(out, 0, sizeof(*out));
    struct builder b = {.t = out};
    int ambient = -1;
    if (s->ambient.name && !opt->no_ambient)
        ambient = sound_set_find_path(set, s->ambient.path);
    if (ambient >= 0) {
        struct cue *c = push(&b, CUE_AMBIENT, 0, ambient, NULL, -1);
        if (c) {
            c->loop = 1;
            c->gain = (float)s->ambient_volume;
        }
    }
    if (!opt->words_only) {
        int floor_voice =
            sound_set_find_line(set, SESSION_FLOOR_NOTICE, NULL, true, opt);
        int64_t floor_len =
            line_frames(SESSION_FLOOR_NOTICE, set, floor_voice, true);
        push(&b, CUE_SAY, floor_len, floor_voice, SESSION_FLOOR_NOTICE, -1);
        b.pos += floor_len;
    }
    if (opt->settling_seconds > 0 && !opt->words_only) {
        int64_t settle = pace_frames(opt->settling_seconds);
        push(&b, CUE_SILENCE, settle, -1, "Settling in", -1);
        b.pos += settle;
    }
    out->steps_start = b.pos;
    for (size_t i = 0; i < s->n_steps; i++)
        compile_step(&b, s, set, opt, (int)i);
    int end = opt->words_only ? -1 : sound_set_for_slot(set, s, SLOT_END);
    int64_t ring = opt->words_only ? 0 : pace_frames(END_MIN_SECONDS);
    if (end >= 0 && sound_length(&set->items[end]) > ring)
        ring = sound_length(&set->items[end]);
    out->end_frame = b.pos;
    if (!opt->words_only)
        push(&b, CUE_END, ring, end, "This session is complete.", -1);
    out->total_frames = b.pos + ring;
    if (ambient >= 0 && !b.failed)
        out->cues[0].frames = out->total_frames;
    if (b.failed) {
        timeline_free(out);
        return -1;
    }
    return 0;
}

void timeline_free(struct timeline *t)
{
    free(t->cues);
    free(t->late);
    memset(t, 0, sizeof(*t));
}

size_t timeline_phase_at(const struct timeline *t, int64_t frame)
{
    size_t lo = 0, hi = t->count; /* first cue with cue.frame > frame */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->cues[mid].frame <= frame)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo > 0) {
        const struct cue *c = &t->cues[lo - 1];
        if (c->frames > 0 && c->kind != CUE_AMBIENT)
            return lo - 1;
        lo--;
    }
    return SIZE_MAX;
}
