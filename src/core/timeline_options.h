/* timeline_options.h: the choices a session is compiled with (the
 * command line's and the person's): what is spoken, the background, how
 * breathing cues reach the person, quiet time after the floor notice,
 * and where stillpoint's own recorded lines are found. */
#ifndef STILLPOINT_TIMELINE_OPTIONS_H
#define STILLPOINT_TIMELINE_OPTIONS_H

#include <stdbool.h>

/* How breathing and hold cues reach the person: tones and captions,
 * captions only, or neither (the breathing visual alone). */
enum cue_style { CUE_STYLE_SOUND, CUE_STYLE_CAPTION, CUE_STYLE_NONE };

/* The person's pace of the synthesized voice, against the session's. */
enum speech_pace { SPEECH_PACE_SLOWER, SPEECH_PACE_NORMAL, SPEECH_PACE_FASTER };

struct timeline_options {
    bool no_voice;   /* nothing spoken (captions stay) */
    bool no_ambient; /* leave out the ambient bed */
    enum cue_style cue_style;
    double settling_seconds; /* quiet after the floor notice */
    bool spoken_count;       /* the breath's count spoken softly */
    /* The person's pace of synthesized speech, times the session's rate:
     * 1 (or 0) as written, below 1 slower. */
    double speech_pace;
    /* The stock recording of a line stillpoint itself wrote (the floor
     * notice, a built-in session's line, an anchor), or NULL. */
    const char *(*stock_clip)(void *ctx, const char *text);
    void *stock_ctx;
    /* A screen read aloud (src/ui/read_aloud.c), not a session: its lines
     * only, without the floor notice and the closing bell. Never set for
     * a session, whose floor no choice removes. */
    bool words_only;
};

#endif
