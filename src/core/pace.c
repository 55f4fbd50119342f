/* pace.c: frames from seconds and a caption's reading time (see
 * pace.h). */
#include "pace.h"

#include <math.h>
#include <stdio.h>

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

/* Reads up to max_digits digits at *p into *v; false when there is none. */
static bool read_digits(const char **p, int max_digits, long *v)
{
    int d = 0;
    *v = 0;
    while (**p >= '0' && **p <= '9' && d < max_digits) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        d++;
    }
    return d > 0 && !(**p >= '0' && **p <= '9');
}

bool pace_parse_time(const char *text, double *seconds, char *why, size_t n)
{
    long part[3];
    int parts = 0;
    const char *p = text;
    for (;;) {
        if (!read_digits(&p, 6, &part[parts])) {
            snprintf(why, n, "'%.20s' is not a time", text);
            return false;
        }
        parts++;
        if (*p != ':' || parts == 3)
            break;
        p++;
    }
    double frac = 0, scale = 0.1;
    if (*p == '.') {
        p++;
        if (!(*p >= '0' && *p <= '9')) {
            snprintf(why, n, "'%.20s' is not a time", text);
            return false;
        }
        for (int d = 0; *p >= '0' && *p <= '9'; p++, d++)
            if (d < 9) {
                frac += (*p - '0') * scale;
                scale /= 10;
            }
    }
    if (*p) {
        snprintf(why, n, "'%.20s' is not a time", text);
        return false;
    }
    for (int i = 1; i < parts; i++)
        if (part[i] >= 60) {
            snprintf(why, n, "'%.20s': %s past 59", text,
                     i == parts - 1 ? "seconds" : "minutes");
            return false;
        }
    double s = 0;
    for (int i = 0; i < parts; i++)
        s = s * 60 + (double)part[i];
    s += frac;
    if (s > PACE_MAX_SECONDS) {
        snprintf(why, n, "'%.20s' is past the four-hour limit of a session",
                 text);
        return false;
    }
    *seconds = s;
    return true;
}

void pace_format_time(char *buf, size_t n, double seconds)
{
    long tenths = lround(seconds * 10);
    if (tenths < 0)
        tenths = 0;
    long whole = tenths / 10, h = whole / 3600, m = whole / 60 % 60,
         s = whole % 60;
    char frac[4] = "";
    if (tenths % 10)
        snprintf(frac, sizeof(frac), ".%ld", tenths % 10);
    if (h)
        snprintf(buf, n, "%ld:%02ld:%02ld%s", h, m, s, frac);
    else
        snprintf(buf, n, "%ld:%02ld%s", m, s, frac);
}

/* Words a second flite's cmu_us_slt voice speaks at stretch 1, pauses
 * included, over stillpoint's own lines (measured by
 * tests/tools/speech_rate.c). */
static const double PACE_FLITE_RATE = 3.19;

double pace_speech_stretch(double words_per_second)
{
    if (!(words_per_second >= PACE_SPEECH_RATE_MIN))
        words_per_second = PACE_SPEECH_RATE_MIN;
    if (words_per_second > PACE_SPEECH_RATE_MAX)
        words_per_second = PACE_SPEECH_RATE_MAX;
    return PACE_FLITE_RATE / words_per_second;
}
