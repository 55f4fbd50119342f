/* sound_set.c: the table of sounds a session plays. */
#include "sound_set.h"

#include "breath_count.h"

#include <stdlib.h>
#include <string.h>

#include "pace.h"
#include "voice_text.h"

/* Synthesized speech must end this long before its place does. */

static const enum synth_kind slot_synth[SLOT_COUNT] = {
    [SLOT_INHALE] = SYNTH_INHALE, [SLOT_EXHALE] = SYNTH_EXHALE,
    [SLOT_HOLD] = SYNTH_HOLD,     [SLOT_BELL] = SYNTH_BELL,
    [SLOT_END] = SYNTH_END,
};

void sound_set_init(struct sound_set *set)
{
    memset(set, 0, sizeof(*set));
}

/* Where a line's sound comes from: a file (its path) or, with *path
 * NULL, speech. */
static bool line_source(const char *text, const struct sound_ref *voice,
                        bool stock, const struct timeline_options *opt,
                        const char **path)
{
    *path = NULL;
    if (!text || opt->no_voice)
        return false;
    if (voice && voice->name)
        *path = voice->path;
    else if (stock && opt->stock_clip)
        *path = opt->stock_clip(opt->stock_ctx, text);
    return true;
}

static int find_text(const struct sound_set *set, const char *text)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->items[i].text && strcmp(set->items[i].text, text) == 0)
            return (int)i;
    return -1;
}

int sound_set_find_line(const struct sound_set *set, const char *text,
                        const struct sound_ref *voice, bool stock,
                        const struct timeline_options *opt)
{
    const char *path;
    if (!line_source(text, voice, stock, opt, &path))
        return -1;
    return path ? sound_set_find_path(set, path) : find_text(set, text);
}

void sound_set_free(struct sound_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        free(set->items[i].pcm);
    free(set->items);
    sound_set_init(set);
}

const char *sound_synth_name(enum synth_kind k)
{
    static const char *const names[SYNTH_COUNT] = {
        "inhale-tone", "exhale-tone", "hold-tone", "bell", "end-bell"};
    return (k >= 0 && k < SYNTH_COUNT) ? names[k] : "?";
}

int64_t sound_length(const struct sound *snd)
{
    return snd->length > 0 ? snd->length : snd->frames;
}

int sound_set_find_play(const struct sound_set *set, int step)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->items[i].streamed && set->items[i].step == step)
            return (int)i;
    return -1;
}

int sound_set_find_path(const struct sound_set *set, const char *path)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->items[i].path && !set->items[i].streamed &&
            strcmp(set->items[i].path, path) == 0)
            return (int)i;
    return -1;
}

int sound_set_find_synth(const struct sound_set *set, enum synth_kind k)
{
    for (size_t i = 0; i < set->count; i++)
        if (!set->items[i].path && set->items[i].synth == k)
            return (int)i;
    return -1;
}

int sound_set_for_slot(const struct sound_set *set, const struct session *s,
                       enum cue_slot slot)
{
    const struct sound_ref *r = &s->cue_sounds[slot];
    if (r->name)
        return sound_set_find_path(set, r->path);
    return sound_set_find_synth(set, slot_synth[slot]);
}

static bool add(struct sound_set *set, const struct sound *snd)
{
    if (set->count == set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 8;
        struct sound *n = realloc(set->items, ncap * sizeof(*n));
        if (!n)
            return false;
        set->items = n;
        set->cap = ncap;
    }
    set->items[set->count++] = *snd;
    return true;
}

static bool add_file(struct sound_set *set, const struct session *s,
                     const struct sound_ref *r)
{
    if (!r->name || sound_set_find_path(set, r->path) >= 0)
        return true;
    struct sound snd = {.name = r->name,
                        .path = r->path,
                        .source = s->source,
                        .line = r->line,
                        .synth = SYNTH_NONE};
    return add(set, &snd);
}

/* A cue tone, unless the person chose cues without sound. */
static bool add_slot(struct sound_set *set, const struct session *s,
                     enum cue_slot slot, const struct timeline_options *opt)
{
    if (opt->cue_style != CUE_STYLE_SOUND)
        return true;
    if (s->cue_sounds[slot].name)
        return add_file(set, s, &s->cue_sounds[slot]);
    enum synth_kind k = slot_synth[slot];
    if (sound_set_find_synth(set, k) >= 0)
        return true;
    struct sound snd = {.name = sound_synth_name(k), .synth = k};
    return add(set, &snd);
}

static bool add_line(struct sound_set *set, const struct session *s,
                     const char *text, const struct sound_ref *voice,
                     bool stock, int line, const struct timeline_options *opt)
{
    const char *path;
    if (!line_source(text, voice, stock, opt, &path) ||
        sound_set_find_line(set, text, voice, stock, opt) >= 0)
        return true;
    if (path) {
        const char *slash = strrchr(path, '/');
        struct sound snd = {.name = voice && voice->name ? voice->name
                                    : slash              ? slash + 1
                                                         : path,
                            .path = path,
                            .source = s->source,
                            .line = voice && voice->name ? voice->line : line,
                            .synth = SYNTH_NONE};
        return add(set, &snd);
    }
    double rate = (s->speech_rate > 0 ? s->speech_rate : PACE_SPEECH_RATE) *
                  (opt->speech_pace > 0 ? opt->speech_pace : 1.0);
    struct sound snd = {.name = "speech",
                        .text = text,
                        .stretch = pace_speech_stretch(rate),
                        .source = s->source,
                        .line = line,
                        .synth = SYNTH_NONE};
    return add(set, &snd);
}

/* The words of the spoken count a breathing step says, when asked for. */
static bool add_count(struct sound_set *set, const struct session *s,
                      const struct step *st, const struct timeline_options *opt)
{
    bool ok = true;
    for (int ph = 0; opt->spoken_count && ph < 4; ph++)
        for (int k = 1; ok && k - 1 < st->pattern[ph]; k++) {
            const char *word = breath_count_word((enum breath_phase)ph, k);
            if (!word)
                break;
            ok = add_line(set, s, word, NULL, true, st->line, opt);
        }
    return ok;
}

bool sound_set_collect(struct sound_set *set, const struct session *s,
                       const struct timeline_options *opt)
{
    bool ok = opt->words_only ||
              add_line(set, s, SESSION_FLOOR_NOTICE, NULL, true, s->line, opt);
    for (size_t i = 0; i < s->n_steps; i++) {
        const struct step *st = &s->steps[i];
        ok = ok && add_line(set, s, voice_text_of_step(st), &st->voice,
                            s->builtin || st->stock, st->line, opt);
        switch (st->kind) {
        case STEP_BREATHE:
            ok = ok && add_count(set, s, st, opt);
            ok = ok && add_slot(set, s, SLOT_INHALE, opt);
            ok = ok && add_slot(set, s, SLOT_EXHALE, opt);
            if (st->pattern[BREATH_HOLD_IN] > 0 ||
                st->pattern[BREATH_HOLD_OUT] > 0)
                ok = ok && add_slot(set, s, SLOT_HOLD, opt);
            break;
        case STEP_HOLD:
            ok = ok && add_slot(set, s, SLOT_HOLD, opt);
            ok = ok && add_slot(set, s, SLOT_BELL, opt);
            break;
        case STEP_PLAY:
            /* Measured even when no voice is heard: its length is the
             * step's. */
            ok = ok && (!st->recording.name ||
                        add(set, &(struct sound){.name = st->recording.name,
                                                 .path = st->recording.path,
                                                 .source = s->source,
                                                 .line = st->recording.line,
                                                 .synth = SYNTH_NONE,
                                                 .streamed = true,
                                                 .step = (int)i}));
            break;
        default:
            break;
        }
    }
    ok = ok && (opt->words_only || add_slot(set, s, SLOT_END, opt));
    if (!opt->no_ambient)
        ok = ok && add_file(set, s, &s->ambient);
    return ok;
}
