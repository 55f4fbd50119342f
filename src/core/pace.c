/* pace.c: frames from seconds and a caption's reading time (see
 * pace.h). */
#include "pace.h"

#include <math.h>

int64_t pace_frames(double seconds)
{
    return (int64_t)llround(seconds * SOUND_RATE);
}

double pace_reading_seconds(const char *text)
{
    int words = 0, in_word = 0;
    for (const char *p = text; *p; p++) {
        int space = (*p == ' ' || *p == '\n' || *p == '\t');
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    double s = 1.0 + 0.4 * words;
    return s < 2.0 ? 2.0 : s;
}
