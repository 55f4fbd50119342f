/* speech_cache.h: synthesized lines kept on disk under
 * $XDG_CACHE_HOME/stillpoint/speech/ (or ~/.cache/...), so a line is
 * made once and a session of any length never holds all its speech in
 * memory: each line is read back shortly before it is heard and let go
 * after. An entry is named by a hash of its key (the words, the voice,
 * the pace, the program's version) and holds the whole key, the samples
 * and their checksum: anything that does not match is made again, never
 * trusted. Entries are written to a fresh unguessable name and renamed
 * into place; the folder is kept under a size limit, least recently used
 * out first. Every failure (no home, a read-only or full disk) only means
 * the line stays in memory for this run. Plain POSIX file I/O. */
#ifndef STILLPOINT_SPEECH_CACHE_H
#define STILLPOINT_SPEECH_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum {
    SPEECH_CACHE_MAX_MB = 512, /* the folder's size, entries together */
    SPEECH_CACHE_KEY_MAX = 1024,
};

/* The cache folder, made when missing (0700): true with dir filled, or
 * false when there is none to use (no HOME, cannot make it). */
bool speech_cache_dir(char *dir, size_t n);

/* Reads the entry for key from dir: mono samples at SOUND_RATE into *pcm
 * (malloc'd) and their count into *frames. False when there is none or it
 * does not check out (a damaged entry is removed). A hit marks the entry
 * as just used. */
bool speech_cache_load(const char *dir, const char *key, int16_t **pcm,
                       int64_t *frames);

/* Writes the entry for key. False (nothing left behind) when it cannot. */
bool speech_cache_store(const char *dir, const char *key, const int16_t *pcm,
                        int64_t frames);

/* Removes the least recently used entries until the folder holds at most
 * max_bytes, sparing every entry used since keep_since (the lines of the
 * session being prepared, which may yet be read back: a long session may
 * take the folder past its limit until the next one); temporary files
 * left by a process that died go too. */
void speech_cache_trim(const char *dir, uint64_t max_bytes, time_t keep_since);

#endif
