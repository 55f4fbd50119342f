/* voice_clips.h: the recorded clips of the built-in sessions' spoken lines.
 * scripts/make-voice records them into assets/voice/ and lists them in
 * assets/voice/manifest.tsv, one clip a row:
 *     # hash<TAB>file<TAB>seconds<TAB>text
 *     0123456789abcdef<TAB>0123456789abcdef.ogg<TAB>4.52<TAB>Welcome.
 * where hash is voice_text_hash(text) (src/core/voice_text.h). The
 * manifest is read as untrusted input: its size and line length are
 * bounded, every bad row is reported as FILE:LINE: what is wrong, and a
 * manifest with any problem gives no clips at all. */
#ifndef STILLPOINT_VOICE_CLIPS_H
#define STILLPOINT_VOICE_CLIPS_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"

enum {
    VOICE_CLIPS_MAX_BYTES = 1 << 20, /* the whole manifest */
    VOICE_CLIPS_MAX_LINE = 4096,     /* one row, in bytes */
    VOICE_CLIPS_MAX_ROWS = 10000,
};

/* Seconds a clip may last, as listed in the manifest. */
#define VOICE_CLIPS_MIN_SECONDS 0.1
#define VOICE_CLIPS_MAX_SECONDS 600.0

struct voice_clip {
    uint64_t hash;
    const char *text; /* the words it speaks */
    const char *file; /* HASH.ogg */
    const char *path; /* the clip folder / file */
    double seconds;   /* its length, as the manifest says */
    int line;         /* its row in the manifest */
};

struct voice_clips;

/* Reads ASSETS/voice/manifest.tsv; clip paths are ASSETS/voice/FILE.
 * A missing manifest gives an empty set. Returns NULL when the manifest
 * cannot be used (problems added to d) or memory runs out. */
struct voice_clips *voice_clips_load(const char *assets, struct diag_list *d);

/* The same for manifest text in memory: name is used in messages, dir is
 * the folder the clips are in. */
struct voice_clips *voice_clips_parse(const char *name, const char *dir,
                                      const char *text, size_t len,
                                      struct diag_list *d);

void voice_clips_free(struct voice_clips *vc);

size_t voice_clips_count(const struct voice_clips *vc);

/* The clip recorded for exactly these words, or NULL. The clip's file is
 * not checked: it may be missing. */
const struct voice_clip *voice_clips_find(const struct voice_clips *vc,
                                          const char *text);

#endif
