/* decode.c: every sound of a set readied: files (sound_file.c) and
 * synthesized tones. */
#include "decode.h"

#include "recording.h"
#include "sound_file.h"
#include "synth.h"

static bool decode_set(struct sound_set *set, bool tones, struct diag_list *d,
                       const atomic_bool *cancel)
{
    bool ok = true;
    for (size_t i = 0; i < set->count; i++) {
        if (cancel && atomic_load(cancel))
            return false;
        if (tones || set->items[i].path)
            ok = decode_sound(&set->items[i], d) && ok;
    }
    return ok;
}

bool decode_sound_set(struct sound_set *set, struct diag_list *d,
                      const atomic_bool *cancel)
{
    return decode_set(set, true, d, cancel);
}

bool decode_file_set(struct sound_set *set, struct diag_list *d,
                     const atomic_bool *cancel)
{
    return decode_set(set, false, d, cancel);
}

bool decode_measure_set(struct sound_set *set, struct diag_list *d,
                        const atomic_bool *cancel)
{
    bool ok = true;
    for (size_t i = 0; i < set->count; i++) {
        if (cancel && atomic_load(cancel))
            return false;
        struct sound *snd = &set->items[i];
        if (snd->text || snd->length > 0)
            continue;
        if (!snd->path) { /* a tone: made when it is decoded */
            snd->length = synth_frames(snd->synth);
            continue;
        }
        if (snd->streamed) {
            ok = recording_measure(snd, d) && ok;
            continue;
        }
        ok = sound_file_measure(snd, d) && ok;
        /* A file whose header has no length was decoded to learn it. */
        if (snd->pcm)
            atomic_store_explicit(&snd->ready, 1, memory_order_release);
    }
    return ok;
}

bool decode_sound(struct sound *snd, struct diag_list *d)
{
    if (snd->pcm || snd->stream || snd->text)
        return true;
    if (snd->streamed) { /* opened, not decoded: it is read as it plays */
        bool open = snd->length > 0 && recording_open(snd, d);
        if (open)
            atomic_store_explicit(&snd->ready, 1, memory_order_release);
        return open;
    }
    bool made = snd->path ? sound_file_decode(snd, d) : synth_generate(snd);
    if (!made && !snd->path)
        diag_add(d, "stillpoint", 0, "out of memory making '%s'", snd->name);
    if (made)
        atomic_store_explicit(&snd->ready, 1, memory_order_release);
    return made;
}
