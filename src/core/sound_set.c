/* sound_set.c: the table of sounds a session plays. */
#include "sound_set.h"

#include <stdlib.h>
#include <string.h>

static const enum synth_kind slot_synth[SLOT_COUNT] = {
    [SLOT_INHALE] = SYNTH_INHALE, [SLOT_EXHALE] = SYNTH_EXHALE,
    [SLOT_HOLD] = SYNTH_HOLD,     [SLOT_BELL] = SYNTH_BELL,
    [SLOT_END] = SYNTH_END,
};

void sound_set_init(struct sound_set *set)
{
    memset(set, 0, sizeof(*set));
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

int sound_set_find_path(const struct sound_set *set, const char *path)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->items[i].path && strcmp(set->items[i].path, path) == 0)
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

static bool add_slot(struct sound_set *set, const struct session *s,
                     enum cue_slot slot)
{
    if (s->cue_sounds[slot].name)
        return add_file(set, s, &s->cue_sounds[slot]);
    enum synth_kind k = slot_synth[slot];
    if (sound_set_find_synth(set, k) >= 0)
        return true;
    struct sound snd = {.name = sound_synth_name(k), .synth = k};
    return add(set, &snd);
}

bool sound_set_collect(struct sound_set *set, const struct session *s,
                       const struct timeline_options *opt)
{
    bool ok = true;
    for (size_t i = 0; i < s->n_steps; i++) {
        const struct step *st = &s->steps[i];
        if (!opt->no_voice)
            ok = ok && add_file(set, s, &st->voice);
        switch (st->kind) {
        case STEP_BREATHE:
            ok = ok && add_slot(set, s, SLOT_INHALE);
            ok = ok && add_slot(set, s, SLOT_EXHALE);
            if (st->pattern[BREATH_HOLD_IN] > 0 ||
                st->pattern[BREATH_HOLD_OUT] > 0)
                ok = ok && add_slot(set, s, SLOT_HOLD);
            break;
        case STEP_HOLD:
            ok = ok && add_slot(set, s, SLOT_HOLD);
            ok = ok && add_slot(set, s, SLOT_BELL);
            break;
        default:
            break;
        }
    }
    ok = ok && add_slot(set, s, SLOT_END);
    if (!opt->no_ambient)
        ok = ok && add_file(set, s, &s->ambient);
    return ok;
}
