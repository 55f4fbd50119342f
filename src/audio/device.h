/* device.h: plays an engine live. SDL_mixer opens the sound device and
 * its music hook calls engine_render, so live playback runs the same
 * mixer as --render. When no sound device can be opened, the device opens
 * on SDL's silent "dummy" driver instead, whose thread keeps the clock at
 * real-time pace, so the session still runs with captions. */
#ifndef STILLPOINT_DEVICE_H
#define STILLPOINT_DEVICE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

enum { DEVICE_BUFFER_FRAMES = 512 }; /* about 10.7 ms at 48 kHz */

/* Opens the sound device for playback. *silent tells whether it fell
 * back to no sound; then err says why. Returns false only when even that
 * failed. */
bool device_open(bool *silent, char *err, size_t errlen);

/* Starts playing e from the audio thread; NULL stops calling the engine
 * that was playing (it may then be freed). */
void device_play(struct engine *e);
/* Plays e (a screen read aloud) on top of the session's engine, or alone;
 * NULL stops calling it (it may then be freed). The device stays awake
 * while it is set, even when the session lets it sleep, and after it
 * until device_settle (so one reading can follow another on the open
 * device). */
void device_play_over(struct engine *e);
/* Lets the device sleep when the session allows it and nothing is read
 * aloud. */
void device_settle(void);
/* When the engine given to device_play (or to device_play_over, when no
 * session plays) first and last handed a sound to the device (CLOCK_MONOTONIC
 * nanoseconds), or 0 before; for make bench. */
long long device_first_sound_ns(void);
long long device_last_sound_ns(void);

/* Puts the device to sleep while nothing needs to sound (a paused
 * session after its fade, a menu): the device is closed, so no callbacks
 * and no CPU, and the sound card is free. Waking opens it again and goes
 * on with the engine given to device_play. The engine applies no command
 * while the device sleeps. */
void device_set_paused(bool paused);
/* Whether waking found no device any more (the session then goes on
 * silently, with captions). */
bool device_went_silent(void);

/* Takes an SDL_AUDIODEVICEREMOVED event: true when it is the device the
 * sound plays on. That device is then lost (SDL goes on calling the
 * engine at the same pace, into nothing, so commands still apply); the
 * next device_set_paused(false) closes it and opens the default device
 * there is now, or the silent one when there is none. */
bool device_removed(unsigned which, bool capture);

/* Stops calling the engine (it may then be freed) and closes the device. */
void device_close(void);

#endif
