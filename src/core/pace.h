/* pace.h: how long things take, on the session's clock: seconds as
 * frames at SOUND_RATE, and the time a caption without a voice stays
 * for a person to read it. */
#ifndef STILLPOINT_PACE_H
#define STILLPOINT_PACE_H

#include <stdint.h>

/* The one rate everything is mixed and counted at. */
enum { SOUND_RATE = 48000 };

/* Seconds as frames at SOUND_RATE, rounded to the nearest. */
int64_t pace_frames(double seconds);

/* Seconds a caption-only line stays before the step goes on. */
double pace_reading_seconds(const char *text);

#endif
