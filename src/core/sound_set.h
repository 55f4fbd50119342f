/* sound_set.h: every sound one session plays, by index: the cue tones
 * synthesized in code and the sound files the session names. The timeline
 * refers to sounds by index; src/audio/ fills in the samples before
 * playback starts, so the mixer only ever reads ready buffers. */
#ifndef STILLPOINT_SOUND_SET_H
#define STILLPOINT_SOUND_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "session.h"

enum { SOUND_RATE = 48000 };

/* Tones made in code; SYNTH_NONE marks a sound file. */
enum synth_kind {
    SYNTH_NONE = -1,
    SYNTH_INHALE,
    SYNTH_EXHALE,
    SYNTH_HOLD,
    SYNTH_BELL,
    SYNTH_END,
    SYNTH_COUNT
};

struct sound {
    const char *name;   /* shown in --schedule */
    const char *path;   /* file to decode, or NULL for a synth tone */
    const char *source; /* session file naming it, for messages */
    int line;           /* where it is named */
    enum synth_kind synth;
    /* Filled by src/audio/ before playback: */
    int16_t *pcm; /* interleaved, `channels` per frame, at SOUND_RATE */
    int channels; /* 1 or 2 */
    int64_t frames;
};

struct sound_set {
    struct sound *items;
    size_t count, cap;
};

struct timeline_options {
    bool no_voice;   /* leave out voice clips (captions stay) */
    bool no_ambient; /* leave out the ambient bed */
};

void sound_set_init(struct sound_set *set);
/* Frees the samples and the table. */
void sound_set_free(struct sound_set *set);

const char *sound_synth_name(enum synth_kind k);

/* Registers every sound the session plays under the options: the cue
 * tones it uses (or the files replacing them), voice clips, the ambient
 * bed. Returns false when out of memory. */
bool sound_set_collect(struct sound_set *set, const struct session *s,
                       const struct timeline_options *opt);

/* Index of the sound for a file path or a synth kind, or -1. */
int sound_set_find_path(const struct sound_set *set, const char *path);
int sound_set_find_synth(const struct sound_set *set, enum synth_kind k);

/* Index that sounds for a cue slot of this session (its file when it
 * names one, else the synth tone), or -1 when not registered. */
int sound_set_for_slot(const struct sound_set *set, const struct session *s,
                       enum cue_slot slot);

#endif
