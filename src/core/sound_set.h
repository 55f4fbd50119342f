/* sound_set.h: every sound one session plays, by index: the cue tones
 * synthesized in code and the sound files the session names. The timeline
 * refers to sounds by index; src/audio/ fills in the samples before
 * playback starts, so the mixer only ever reads ready buffers. */
#ifndef STILLPOINT_SOUND_SET_H
#define STILLPOINT_SOUND_SET_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pace.h" /* SOUND_RATE */
#include "session.h"
#include "timeline_options.h"

/* Tones made in code; SYNTH_NONE marks a sound file or speech. */
enum synth_kind {
    SYNTH_NONE = -1,
    SYNTH_INHALE,
    SYNTH_EXHALE,
    SYNTH_HOLD,
    SYNTH_BELL,
    SYNTH_END,
    SYNTH_COUNT
};

struct stream; /* src/audio/stream.h */

struct sound {
    const char *name;   /* shown in --schedule */
    const char *path;   /* file to decode, or NULL */
    const char *text;   /* speech: the line to synthesize, or NULL */
    double stretch;     /* speech: flite's duration stretch (its pace) */
    const char *source; /* session file naming it, for messages */
    int line;           /* where it is named */
    enum synth_kind synth;
    /* A play step's recording (step: its index): streamed from disk
     * while it plays, never decoded whole; each play step has its own
     * entry, as a stream plays once. */
    bool streamed;
    int step;
    /* Filled by src/audio/ before playback: */
    int16_t *pcm; /* interleaved, `channels` per frame, at SOUND_RATE */
    struct stream *stream; /* a recording's, instead of pcm; src/audio/
                              closes it before the set is freed */
    int channels;          /* 1 or 2 */
    int64_t frames;
    /* The length the timeline plans with, read from the file's header
     * before it is decoded (0: use frames), so a session can start before
     * every file is decoded, and live and --render plan the same. */
    int64_t length;
    /* Set (release) once pcm, channels and frames are filled: speech is
     * synthesized while the session already plays, and the mixer only
     * starts a sound that is ready (acquire). */
    atomic_int ready;
};

struct sound_set {
    struct sound *items;
    size_t count, cap;
};

void sound_set_init(struct sound_set *set);
/* Frees the samples and the table. */
void sound_set_free(struct sound_set *set);

const char *sound_synth_name(enum synth_kind k);

/* Registers every sound the session plays under the options: the cue
 * tones it uses (or the files replacing them), its spoken lines (the
 * floor notice first), the ambient bed. Returns false when out of
 * memory. */
bool sound_set_collect(struct sound_set *set, const struct session *s,
                       const struct timeline_options *opt);

/* Index of the sound that speaks a line (text with the step's voice
 * clip, if any; stock when stillpoint wrote the text), or -1 when nothing
 * is spoken. Registered by sound_set_collect: a named clip, else a stock
 * recording, else speech synthesized from the text. */
int sound_set_find_line(const struct sound_set *set, const char *text,
                        const struct sound_ref *voice, bool stock,
                        const struct timeline_options *opt);

/* The frames the timeline plans for a sound (see length). */
int64_t sound_length(const struct sound *snd);

/* Index of the recording play step `step` plays, or -1. */
int sound_set_find_play(const struct sound_set *set, int step);

/* Index of the sound for a file path (not a recording) or a synth kind,
 * or -1. */
int sound_set_find_path(const struct sound_set *set, const char *path);
int sound_set_find_synth(const struct sound_set *set, enum synth_kind k);

/* Index that sounds for a cue slot of this session (its file when it
 * names one, else the synth tone), or -1 when not registered. */
int sound_set_for_slot(const struct sound_set *set, const struct session *s,
                       enum cue_slot slot);

#endif
