/* recording.c: a play step's recording checked, measured and opened as a
 * stream (see recording.h). */
#include "recording.h"

#include <stdio.h>

#include "../core/sound_check.h"
#include "stream.h"

static bool refuse(const struct sound *snd, const char *why,
                   struct diag_list *d)
{
    diag_add(d, snd->source ? snd->source : "?", snd->line,
             "sound file '%s' %s", snd->name, why);
    return false;
}

bool recording_measure(struct sound *snd, struct diag_list *d)
{
    char why[300];
    struct sniff_info info;
    if (!sound_check_recording(snd->path, snd->name, &info, why, sizeof(why)))
        return refuse(snd, why, d);
    /* An MP3 header gives an estimate: its frames are counted from their
     * headers. Ogg's decoders find the exact end; any other format that
     * declares no exact length is decoded to count it. */
    enum stream_length how = info.format == SNIFF_MP3 ? STREAM_LENGTH_MP3
                             : info.format == SNIFF_OGG || info.exact
                                 ? STREAM_LENGTH_DECLARED
                                 : STREAM_LENGTH_DECODED;
    int64_t frames = 0;
    if (!stream_measure(snd->path, how, &frames, why, sizeof(why)))
        return refuse(snd, why, d);
    if (frames <= 0)
        return refuse(snd, "holds no sound", d);
    if (!sound_check_recording_length(frames, SOUND_RATE, why, sizeof(why)))
        return refuse(snd, why, d);
    snd->length = frames;
    return true;
}

bool recording_open(struct sound *snd, struct diag_list *d)
{
    char why[300];
    if (snd->stream)
        return true;
    snd->stream = stream_open(snd->path, sound_length(snd), why, sizeof(why));
    if (!snd->stream)
        return refuse(snd, why, d);
    snd->channels = stream_channels(snd->stream);
    return true;
}

bool recording_failure(struct sound *snd, struct diag_list *d)
{
    char why[256], when[32];
    int64_t at = 0;
    if (!snd->stream || !stream_failure(snd->stream, &at, why, sizeof(why)))
        return false;
    sound_check_length_text(when, sizeof(when), (double)at / SOUND_RATE);
    diag_add(d, snd->source ? snd->source : "?", snd->line,
             "sound file '%s' could not be read past %s: %s", snd->name, when,
             why);
    return true;
}

void recording_close_all(struct sound_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        stream_close(set->items[i].stream);
        set->items[i].stream = NULL;
    }
}
