/* pace.h: how long things take, on the session's clock: seconds as
 * frames at SOUND_RATE, times of day on that clock as people write them
 * ("2:04.5"), and the time a caption without a voice stays for a person
 * to read it. */
#ifndef STILLPOINT_PACE_H
#define STILLPOINT_PACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The one rate everything is mixed and counted at. */
enum { SOUND_RATE = 48000 };

/* Seconds as frames at SOUND_RATE, rounded to the nearest. */
int64_t pace_frames(double seconds);

/* The longest a session may run: four hours. */
enum { PACE_MAX_SECONDS = 4 * 3600 };

/* Reads a time mark as people write it: "M:SS", "M:SS.s" (any number of
 * decimals), "H:MM:SS" or "H:MM:SS.s", or seconds ("95", "95.5"). Minutes
 * and seconds after a colon are below 60. False with why filled (to
 * follow "expected a time like \"2:04\": ") when it is not one, or past
 * PACE_MAX_SECONDS. */
bool pace_parse_time(const char *text, double *seconds, char *why, size_t n);

/* Writes seconds as "M:SS" or "H:MM:SS", with tenths when they are not
 * whole ("2:05.6"). */
void pace_format_time(char *buf, size_t n, double seconds);

/* The pace of synthesized speech, in words a second, when a session does
 * not set one: a guide's, measured on recorded guided sessions (about 2
 * to 2.5 words a second). */
#define PACE_SPEECH_RATE 2.2
/* The range a session's speech_rate may take. */
#define PACE_SPEECH_RATE_MIN 1.0
#define PACE_SPEECH_RATE_MAX 4.0

/* flite's duration stretch that speaks words_per_second (its voice speaks
 * PACE_FLITE_RATE words a second at stretch 1, measured on stillpoint's
 * own lines). */
double pace_speech_stretch(double words_per_second);

/* Seconds a caption-only line stays before the step goes on. */
double pace_reading_seconds(const char *text);

#endif
